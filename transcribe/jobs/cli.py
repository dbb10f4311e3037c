"""`transcribe jobs ...` and `transcribe worker`: operate the job queue from a shell."""

from __future__ import annotations

import json
import logging
import os
import shutil
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from sqlalchemy import select

from transcribe.asr import pick_device
from transcribe.audio import check_input_path, probe
from transcribe.db import session
from transcribe.errors import BadOption
from transcribe.fsutil import os_reason
from transcribe.jobs import cancel, delete, list_jobs, meeting_dir, result_paths, retry, status, submit
from transcribe.jobs.models import ACTIVE
from transcribe.jobs.queue import settings
from transcribe.jobs.retention import purge
from transcribe.jobs.runner import RUNNER_LOG
from transcribe.jobs.words import STATE_WORDS, parse_state, shown_fields, stage_word, state_word, time_left
from transcribe.jobs.worker import run_db_workers
from transcribe.models import DEFAULT, default_model, resolve
from transcribe.pipeline import PipelineOptions
from transcribe.series import store as series_store
from transcribe.tables import Meeting

jobs_app = typer.Typer(help="Bakgrundsjobb: lista, visa, försök igen, avbryt, ta bort, rensa.", no_args_is_help=True)
out = Console()
JobId = Annotated[int, typer.Argument(help="Jobbets nummer (id i 'transcribe jobs list')")]
PURGED = {"audio": "ljudet", "all": "allt"}
# `jobs show` in words, as `jobs list` heads its columns (--json keeps the field names).
SHOWN = {
    "id": "id", "meeting_id": "möte", "state": "läge", "stage": "steg", "percent": "förlopp", "position": "plats i kön",
    "error": "fel", "attempts": "försök", "created_at": "köat", "started_at": "startat", "finished_at": "avslutat",
    "eta_s": "kvar", "owner": "ägare", "priority": "prioritet", "error_kind": "felslag", "results": "resultat",
}  # fmt: skip
STATES = ", ".join(list(STATE_WORDS.values())[:-1]) + f" eller {list(STATE_WORDS.values())[-1]}"
NO_JOBS = "Inga jobb ännu: en uppladdning i webbappen eller transcribe jobs submit INSPELNING --meeting ID köar ett"


def _json(value: object) -> str:
    return json.dumps(value, default=str, ensure_ascii=False, indent=2)


def _short_error(error: str | None, meeting_id: str) -> str:
    """The reason a job failed, its meeting's folder left out ('input.wav är tyst: ...'), cut to fit the table."""
    text = (error or "").replace(f"{meeting_dir(meeting_id)}/", "")
    return text if len(text) <= 80 else text[:79] + "…"


def _titles(meeting_ids: set[str]) -> dict[str, str]:
    """The meetings' titles as the web app shows them (a job submitted from the shell may have none)."""
    with session() as s:
        rows = s.execute(select(Meeting.id, Meeting.title).where(Meeting.id.in_(meeting_ids))).all()
    return {mid: title for mid, title in rows if title}


@jobs_app.command("list")
def list_cmd(
    state: Annotated[str | None, typer.Option(help=f"{STATES} (eller namnet som i --json)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Skriv ut som JSON (för skript, som lagrat)")] = False,
) -> None:
    """Visa jobben, nyaste först."""
    wanted = parse_state(state) if state else None
    if state and wanted is None:
        raise BadOption(f"okänt läge {state!r}; välj bland {STATES}")
    rows = list_jobs(wanted)
    if as_json:
        out.print_json(_json([asdict(r) for r in rows]))
        return
    if not rows:
        out.print(f"Inga jobb i läget {state_word(wanted)}." if wanted else NO_JOBS, highlight=False, soft_wrap=True)
        return
    titles = _titles({r.meeting_id for r in rows})
    table = Table("id", "möte", "läge", "steg", "%", "kö", "försök", "kvar", "fel")
    for r in rows:
        table.add_row(
            str(r.id),
            titles.get(r.meeting_id) or r.meeting_id,
            state_word(r.state),
            stage_word(r.stage),
            f"{r.percent:.0f}",
            str(r.position or ""),
            str(r.attempts),
            time_left(r.eta_s) if r.state in ACTIVE else "",
            _short_error(r.error, r.meeting_id),
        )
    out.print(table)


@jobs_app.command("show")
def show_cmd(
    job_id: JobId, as_json: Annotated[bool, typer.Option("--json", help="Skriv ut som JSON (för skript)")] = False
) -> None:
    """Visa ett jobb och dess resultatfiler."""
    st = status(job_id)
    data = asdict(st) | {"results": {k: str(v) for k, v in result_paths(st.meeting_id).items()}}
    if as_json:
        out.print_json(_json(data))
        return
    title = _titles({st.meeting_id}).get(st.meeting_id)
    for key, value in shown_fields(data, title):
        label = SHOWN.get(key, key)
        out.print(f"[bold]{label}[/]:{'' if value.startswith(chr(10)) else ' '}{escape(value)}", highlight=False,
                  soft_wrap=True)  # fmt: skip


@jobs_app.command("retry")
def retry_cmd(job_id: JobId) -> None:
    """Köa ett misslyckat eller avbrutet jobb igen (färdiga steg återanvänds)."""
    retry(job_id, user="cli")
    out.print(f"jobb {job_id}: köat igen", highlight=False)


@jobs_app.command("cancel")
def cancel_cmd(job_id: JobId) -> None:
    """Avbryt ett köat eller pågående jobb."""
    state = cancel(job_id, user="cli")
    out.print(f"jobb {job_id}: {'avbrutet' if state == 'cancelled' else 'avbryts'}", highlight=False)


@jobs_app.command("delete")
def delete_cmd(
    job_id: JobId,
    remove_files: Annotated[bool, typer.Option(help="Ta också bort mötets alla filer (inspelning, resultat)")] = False,
) -> None:
    """Ta bort ett jobb (ett pågående avbryts först)."""
    delete(job_id, remove_files=remove_files, user="cli")
    out.print(f"jobb {job_id}: borttaget" + (" med mötets filer" if remove_files else ""), highlight=False)


@jobs_app.command("submit")
def submit_cmd(
    source: Annotated[Path, typer.Argument(help="Inspelningen")],
    meeting: Annotated[str, typer.Option("--meeting", help="Mötets id (katalognamn)")],
    model: Annotated[str, typer.Option(help="Whisper-modell; standard: 'models default'")] = "default",
    diarizer: Annotated[str, typer.Option(help="embedded, pyannote eller none")] = "embedded",
    minutes_backend: Annotated[str, typer.Option(help="rules, llm, auto eller none")] = "rules",
    priority: Annotated[int, typer.Option(help="Högre tal körs först")] = 0,
    series: Annotated[str | None, typer.Option(help="Mötesserie: tidigare mötens ordförråd; mötet läggs till")] = None,
) -> None:
    """Köa ett möte (inspelningen kopieras till mötets katalog om den ligger någon annanstans)."""
    os.umask(0o077)  # the copied recording and the meeting's folder: owner-only, as run, serve and worker write
    probe(source)  # a text file or a broken recording is refused now, as `run` refuses it, not inside the job
    model = default_model() if model == DEFAULT else model  # the job keeps the model it was queued with
    options = PipelineOptions(model=model, diarizer=diarizer, minutes_backend=minutes_backend, series=series)
    options.validate()
    resolve(model, kind="whisper")
    if series is not None:
        series_store.load(series)  # an unknown series is reported now, not when the job runs
    target_dir = meeting_dir(meeting)
    if target_dir.resolve() not in source.resolve().parents:
        target_dir.mkdir(parents=True, exist_ok=True)
        target = target_dir / source.name
        shutil.copyfile(source, target)
        source = target
    out.print(str(submit(source, meeting, options, owner="cli", priority=priority)))


@jobs_app.command("purge")
def purge_cmd(
    audio_days: Annotated[float | None, typer.Option(help="Dagar efter godkännande att behålla ljudet")] = None,
    all_days: Annotated[float | None, typer.Option(help="Dagar efter godkännande att behålla allt")] = None,
    approvals: Annotated[Path | None, typer.Option(help='JSON {"möte": "2026-01-31T12:00:00+00:00"}')] = None,
    dry_run: Annotated[bool, typer.Option(help="Visa bara vad som skulle tas bort")] = False,
) -> None:
    """Tillämpa lagringstiderna (TRANSCRIBE_RETAIN_AUDIO_DAYS / TRANSCRIBE_RETAIN_ALL_DAYS)."""
    approved = _read_approvals(approvals) if approvals else _web_approvals()
    for item in purge(datetime.now(UTC), approved, audio_days, all_days, dry_run=dry_run, user="cli"):
        verb = "skulle ta bort" if dry_run else "tog bort"
        files = f"{len(item.paths)} fil" + ("" if len(item.paths) == 1 else "er")
        out.print(f"{item.meeting_id}: {verb} {PURGED.get(item.what, item.what)} ({files})", highlight=False)


def _read_approvals(path: Path) -> dict[str, datetime]:
    check_input_path(path, what="en JSON-fil med godkännanden")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = os_reason(exc) if isinstance(exc, OSError) else "ingen text i UTF-8"
        raise BadOption(f"--approvals {path} går inte att läsa ({reason})") from exc
    try:
        data = json.loads(text)
        return {str(k): datetime.fromisoformat(v) for k, v in data.items() if v}
    except (ValueError, TypeError, AttributeError) as exc:
        raise BadOption(
            f'--approvals {path}: ange ett JSON-objekt av mötes-id och ISO-datum, t.ex. {{"möte": "2026-01-31"}}'
        ) from exc


def _web_approvals() -> dict[str, datetime]:
    """Approval dates from the meetings table the web app keeps."""
    with session() as s:
        rows = s.execute(select(Meeting.id, Meeting.approved_at).where(Meeting.approved_at.is_not(None))).all()
    return {str(mid): at for mid, at in rows}


def worker_cmd(
    backend: Annotated[str | None, typer.Option(help="db (inbyggd kö) eller rq (Redis)")] = None,
    concurrency: Annotated[int, typer.Option(help="Jobb samtidigt i denna process (db)")] = 1,
    burst: Annotated[bool, typer.Option(help="Avsluta när kön är tom")] = False,
    device: Annotated[str, typer.Option(help="auto, cpu eller cuda (float16 på GPU, int8 på CPU)")] = "cpu",
) -> None:
    """Kör bakgrundsjobb tills processen stoppas (SIGTERM lämnar tillbaka pågående jobb)."""
    if concurrency < 1:
        raise BadOption(f"--concurrency måste vara minst 1 (angivet: {concurrency})")
    pick_device(device)  # a missing GPU is reported at start, not by every job
    os.environ["TRANSCRIBE_DEVICE"] = device  # the job processes this worker starts inherit it
    os.umask(0o077)  # recordings, work files and results: owner-only, in this process and its jobs
    os.environ[RUNNER_LOG] = "info"  # a service's log: its jobs' progress too

    logging.basicConfig(level=logging.INFO, format="%(asctime)s worker[%(process)d] %(levelname)s %(message)s")
    chosen = (backend or settings().backend).lower()
    if chosen == "rq":
        from transcribe.jobs.rq_worker import run_rq_worker  # loads Redis and rq, for this backend only

        run_rq_worker(burst=burst)
    elif chosen == "db":
        run_db_workers(concurrency=concurrency, burst=burst)
    else:
        raise BadOption(f"--backend måste vara db eller rq (fick {backend!r})")


def register(app: typer.Typer) -> None:
    app.add_typer(jobs_app, name="jobs")
    app.command("worker")(worker_cmd)
