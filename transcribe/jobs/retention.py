"""Retention: recordings and then everything else are deleted a set time after the minutes are approved.

TRANSCRIBE_RETAIN_AUDIO_DAYS: days after approval to keep the recording (the
upload and its decoded copy). TRANSCRIBE_RETAIN_ALL_DAYS: days after approval to
keep anything of the meeting (transcripts, minutes, work files). Unset means
keep forever. Meetings that are not approved are never purged: their minutes
are not final. Approval dates come from the caller (the web app owns them), so
this module needs no web tables. Every deletion is written to the audit log.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from transcribe import audit
from transcribe.errors import BadOption
from transcribe.jobs import actions, queue
from transcribe.jobs.models import ACTIVE, JobState
from transcribe.meeting import RECORDING_DIGEST, WORK, meeting_dir, meeting_lock, retire
from transcribe.meeting import purge as purge_folder

log = logging.getLogger(__name__)

AUDIO_SUFFIXES = {
    ".wav", ".mp3", ".m4a", ".ogg", ".oga", ".opus", ".flac", ".webm", ".mp4", ".mkv", ".aac", ".wma", ".amr",
    ".3gp", ".mov", ".part",
}  # fmt: skip


@dataclass
class Purged:
    meeting_id: str
    what: str  # "audio" | "all"
    paths: list[Path] = field(default_factory=list)


def _days(name: str, value: float | None) -> float | None:
    if value is not None:
        return value
    raw = os.environ.get(name, "").strip()
    if not raw:
        return None
    try:
        days = float(raw)
    except ValueError as exc:
        raise BadOption(f"{name} måste vara ett antal dagar (fick {raw!r})") from exc
    if days < 0:
        raise BadOption(f"{name} får inte vara negativt")
    return days


def retention_days(audio_days: float | None = None, all_days: float | None = None) -> tuple[float | None, float | None]:
    return _days("TRANSCRIBE_RETAIN_AUDIO_DAYS", audio_days), _days("TRANSCRIBE_RETAIN_ALL_DAYS", all_days)


def audio_files(meeting_id: str) -> list[Path]:
    """The recording(s) of a meeting: job sources inside its directory and any audio/video file there."""
    directory = meeting_dir(meeting_id)
    if not directory.is_dir():
        return []
    found = {p for p in directory.iterdir() if p.is_file() and p.suffix.lower() in AUDIO_SUFFIXES}
    work = directory / WORK
    if work.is_dir():
        found |= {p for p in work.iterdir() if p.is_file() and p.suffix.lower() in AUDIO_SUFFIXES}
    for row in queue.rows_for_meeting(meeting_id):
        src = Path(row.source)
        if src.is_file() and directory.resolve() in src.resolve().parents:  # never outside the meeting
            found.add(src)
    return sorted(found)


def _stop_jobs(meeting_id: str, user: str, wait_s: float = 15.0) -> None:
    """Deleting files under a running job would fail it confusingly: cancel first."""
    active = [j for j in queue.rows_for_meeting(meeting_id) if j.state in ACTIVE]
    for job in active:
        try:
            actions.request_cancel(job.id, user)
        except queue.JobConflict:
            pass
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        if not any(j.state == JobState.running for j in queue.rows_for_meeting(meeting_id)):
            return
        time.sleep(0.2)
    raise queue.JobConflict(f"mötet {meeting_id} har ett jobb som körs; försök igen om en stund")


def delete_meeting_files(meeting_id: str, user: str = "system", action: str = "delete") -> list[Path]:
    """Remove every file of the meeting: recording, work files, transcripts, minutes. Audited."""
    directory = meeting_dir(meeting_id)
    if not directory.exists():
        return []
    _stop_jobs(meeting_id, user)
    with meeting_lock(meeting_id):  # a reviewer's save in the web app lands before, or not at all
        removed = sorted(p for p in directory.rglob("*") if p.is_file())
        purge_folder(retire(meeting_id))
    audit.record(
        action,
        f"meeting:{meeting_id}",
        user=user,
        detail=f"removed {len(removed)} file(s): " + ", ".join(p.name for p in removed)[:2000],
    )
    log.info("meeting %s: removed %d file(s)", meeting_id, len(removed))
    return removed


def delete_audio(meeting_id: str, user: str = "system", action: str = "retention_delete") -> list[Path]:
    """Remove only the recording and its decoded copy; transcripts and minutes stay."""
    files = audio_files(meeting_id)
    if not files:
        return []
    _stop_jobs(meeting_id, user)
    removed = []
    with meeting_lock(meeting_id):
        for path in files:
            try:
                path.unlink()
                removed.append(path)
            except FileNotFoundError:
                pass
        (meeting_dir(meeting_id) / RECORDING_DIGEST).unlink(missing_ok=True)  # nothing left to tell it was here
    if removed:
        audit.record(
            action,
            f"meeting:{meeting_id}",
            user=user,
            detail="removed audio: " + ", ".join(p.name for p in removed)[:2000],
        )
    return removed


def purge(
    now: datetime,
    approved: dict[str, datetime],
    audio_days: float | None = None,
    all_days: float | None = None,
    dry_run: bool = False,
    user: str = "system",
) -> list[Purged]:
    """Apply the retention policy to approved meetings; returns what was (or, dry run, would be) deleted."""
    audio_days, all_days = retention_days(audio_days, all_days)
    now = now if now.tzinfo else now.replace(tzinfo=UTC)
    done: list[Purged] = []
    for meeting_id, approved_at in sorted(approved.items()):
        if approved_at is None:
            continue
        approved_at = approved_at if approved_at.tzinfo else approved_at.replace(tzinfo=UTC)
        age = now - approved_at
        directory = meeting_dir(meeting_id)
        if not directory.exists():
            continue
        if all_days is not None and age >= timedelta(days=all_days):
            paths = sorted(p for p in directory.rglob("*") if p.is_file())
            if not dry_run:
                paths = delete_meeting_files(meeting_id, user=user, action="retention_delete")
            done.append(Purged(meeting_id, "all", paths))
        elif audio_days is not None and age >= timedelta(days=audio_days):
            paths = audio_files(meeting_id)
            if paths and not dry_run:
                paths = delete_audio(meeting_id, user=user)
            if paths:
                done.append(Purged(meeting_id, "audio", paths))
    return done
