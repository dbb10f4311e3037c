"""`transcribe bench`: the command that runs every section, or the noise curve alone, and prints the tables."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from transcribe.bench.core import SECTIONS, BenchArgs, check_samples, err, run_bench
from transcribe.config import REPO_DIR
from transcribe.errors import BadOption


def bench(
    quick: Annotated[bool, typer.Option("--quick", help="Ett kort möte (~2 min), för CI")] = False,
    samples: Annotated[str | None, typer.Option(help="Möten att köra: id,id (samples/<id>)")] = None,
    long: Annotated[bool, typer.Option("--long", help="Även det långa mötet (20–30 min) och minnestestet")] = False,
    out: Annotated[Path, typer.Option("--out", help="Katalog för resultat-JSON")] = REPO_DIR / "bench" / "results",
    baseline: Annotated[bool, typer.Option("--baseline/--no-baseline", help="Jämför med ren faster-whisper")] = True,
    model: Annotated[str, typer.Option(help="Whisper-modell")] = "base",
    diarizer: Annotated[str, typer.Option(help="embedded, pyannote eller none")] = "embedded",
    minutes_backend: Annotated[str, typer.Option(help="rules, llm, auto eller none")] = "rules",
    audio: Annotated[str, typer.Option(help="ogg (provfilerna) eller wav (förlustfritt, samples/cache/wav)")] = "ogg",
    noise_curve: Annotated[
        bool, typer.Option("--noise-curve", help="Bara brus-kurvan: protokollet vid WER 0,05–0,5")
    ] = False,
    decoding: Annotated[
        bool, typer.Option("--decoding", help="Bara avkodningen: inställd mot ren faster-whisper (WER, RTF)")
    ] = False,
) -> None:
    """Mät noggrannhet och kostnad på provmötena (WER, cpWER, DER, protokoll, RTF, minne)."""
    args = BenchArgs(quick=quick, samples=[s.strip() for s in samples.split(",") if s.strip()] if samples else None,
                     long=long, out=out, baseline=baseline, model=model, diarizer=diarizer,
                     minutes_backend=minutes_backend, audio=audio)  # fmt: skip
    if audio not in ("ogg", "wav"):
        raise BadOption(f"--audio ska vara ogg eller wav (angivet: {audio!r})")
    if not (noise_curve or decoding):  # the meetings section runs: its ids are checked before any section
        check_samples(args.samples or [])
    # The sections register themselves on import and pull in torch, the diariser and the recogniser:
    # they load when the bench runs, not with every `transcribe` command. The pipeline's own runs first.
    from transcribe.bench.meetings import print_tables

    # isort: split
    from transcribe.bench import agenda, flags, llm, speakers, uncertainty  # noqa: F401  (sections, late as above)
    from transcribe.bench.decoding import print_table as print_decoding  # loaded late, as above
    from transcribe.bench.noise import print_curve  # loaded late, as above

    if noise_curve:
        report, path = run_bench(args, {"noise_curve": SECTIONS["noise_curve"]})
        print_curve(report["noise_curve"])
    elif decoding:
        report, path = run_bench(args, {"decoding": SECTIONS["decoding"]})
        print_decoding(report["decoding"])
    else:
        report, path = run_bench(args)
        print_tables(report)
        if "decoding" in report:
            print_decoding(report["decoding"])
    err.print(f"[green]wrote[/] {path}")


def register(app: typer.Typer) -> None:
    """Add `transcribe bench` to the main CLI."""
    app.command("bench")(bench)


def main() -> None:
    app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
    app.command()(bench)
    app()
