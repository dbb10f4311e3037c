"""The meeting folder: which file holds what, and which minutes count.

    <data dir>/meetings/<id>/             one folder per meeting (`meeting_dir`)
        input.<ext>                       the recording as uploaded
        recording.sha256                  its fingerprint: the same recording uploaded again is found
        agenda.<ext>                      the agenda, when one was given
        transcript.json, minutes.json     the machine output (never edited), beside its txt/srt/md/docx
        protokoll.json                    the § structure, when the job had an agenda
        review/transcript.json, ...       the working copy every review edit rewrites
        versions/vN/*.json                the copy approved as version N (read-only)
        minutes.approved.json             the latest approved minutes
        .work/                            the pipeline's stage cache, so a killed job resumes
    <data dir>/meetings/.locks/<id>.lock  held while a meeting is written or deleted (`meeting_lock`)

The minutes that count are the approved ones, then the working copy, then the machine draft:
what the group agreed on beats what a reviewer is still editing, which beats what the machine
wrote. The jobs write here, the web app edits here and series read here, all through these names.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import threading
from pathlib import Path
from typing import Literal

from filelock import FileLock

from transcribe.config import data_dir
from transcribe.errors import BadOption
from transcribe.fsutil import PRIVATE_FILE, private_dir

TRANSCRIPT = "transcript.json"
MINUTES = "minutes.json"
APPROVED = "minutes.approved.json"
REVIEW = "review"
VERSIONS = "versions"
WORK = ".work"
AGENDA_STEM = "agenda"
RESULT_STEMS = ("transcript", "minutes", "protokoll")
RECORDING_DIGEST = "recording.sha256"  # not input.*: that name is the recording (input_file)

MinutesSource = Literal["approved", "draft"]

_MEETING_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_locks: dict[Path, FileLock] = {}
_locks_guard = threading.Lock()


def check_meeting_id(meeting_id: str) -> str:
    """Meeting ids become directory names: no separators, no dot-files, no '..'."""
    if not _MEETING_ID.match(meeting_id or ""):
        raise BadOption(
            f"ogiltigt mötes-id {meeting_id!r}: använd bokstäver, siffror, '-', '_' eller '.' (högst 64 tecken)"
        )
    return meeting_id


def meeting_dir(meeting_id: str) -> Path:
    """data_dir()/meetings/<meeting_id>: the upload, the outputs, the review and the `.work` stage cache."""
    return data_dir() / "meetings" / check_meeting_id(meeting_id)


def meeting_lock(meeting_id: str) -> FileLock:
    """The lock every write into a meeting folder and every deletion of one holds.

    One per meeting, shared by the web app, the job CLI and retention (separate processes);
    re-entrant within a thread, so a save inside a deletion is fine. The lock file lives beside
    the folders (a dot name is never a meeting id), so deleting the folder leaves it alone.
    """
    path = data_dir() / "meetings" / ".locks" / f"{check_meeting_id(meeting_id)}.lock"
    with _locks_guard:
        if path not in _locks:  # one object per file: its re-entry count is what makes nesting safe
            private_dir(path.parent)
            _locks[path] = FileLock(path, mode=PRIVATE_FILE)
        return _locks[path]


def retire(meeting_id: str) -> Path | None:
    """Move the meeting's folder out of reach in one rename (the caller holds `meeting_lock`).

    Returns where it went, for `purge` (or `restore` if the rest of the deletion fails); None when
    the meeting had no folder.
    """
    base = meeting_dir(meeting_id)
    tomb = base.with_name(f".deleted-{meeting_id}-{secrets.token_hex(4)}")
    try:
        os.rename(base, tomb)
    except FileNotFoundError:
        return None
    return tomb


def restore(meeting_id: str, tomb: Path | None) -> None:
    if tomb is not None:
        os.rename(tomb, meeting_dir(meeting_id))


def purge(tomb: Path | None) -> None:
    """Delete a retired folder for good; retried, since a file may still be closing inside it."""
    if tomb is None:
        return
    for _ in range(5):
        shutil.rmtree(tomb, ignore_errors=True)
        if not tomb.exists():
            return
    shutil.rmtree(tomb)  # the error now says what is stuck


def input_file(folder: Path) -> Path | None:
    """The uploaded recording (an upload still being written, `*.part`, does not count)."""
    found = sorted(folder.glob("input.*")) if folder.is_dir() else []
    return next((p for p in found if p.is_file() and not p.name.endswith(".part")), None)


def agenda_file(folder: Path, suffix: str) -> Path:
    return folder / f"{AGENDA_STEM}{suffix}"


def working_name(name: str) -> str:
    """The working copy's path relative to the meeting folder."""
    return f"{REVIEW}/{name}"


def version_name(version: int, name: str) -> str:
    """Approved version N's path relative to the meeting folder."""
    return f"{VERSIONS}/v{int(version)}/{name}"


def current_file(folder: Path, name: str) -> Path | None:
    """The file as it stands now: the working copy once there is one, else the machine output."""
    for path in (folder / working_name(name), folder / name):
        if path.is_file():
            return path
    return None


def version_file(folder: Path, name: str, version: int | None) -> Path | None:
    """Approved version N of the file, or the current file when `version` is None."""
    if version is None:
        return current_file(folder, name)
    path = folder / version_name(version, name)
    return path if path.is_file() else None


def versions(folder: Path) -> list[int]:
    """The approved version numbers present in the folder, oldest first."""
    found = (p.name[1:] for p in folder.glob(f"{VERSIONS}/v*") if p.is_dir())
    return sorted(int(n) for n in found if n.isdigit())


def counting_transcript(folder: Path) -> Path | None:
    """The most reviewed transcript: the latest approved version, then the working copy, then the machine's."""
    for version in reversed(versions(folder)):
        path = version_file(folder, TRANSCRIPT, version)
        if path is not None:
            return path
    return current_file(folder, TRANSCRIPT)


def counting_minutes(folder: Path, version: int | None = None) -> tuple[Path, MinutesSource] | None:
    """The minutes that count: approved, then the working copy, then the machine draft.

    With `version`, "approved" is that version (versions/vN) and nothing else stands in for it, since
    its transcript is that version's too; without, it is the latest approved copy (minutes.approved.json).
    """
    if version is not None:
        path = version_file(folder, MINUTES, version)
        return (path, "approved") if path else None
    approved = folder / APPROVED
    if approved.is_file():
        return approved, "approved"
    current = current_file(folder, MINUTES)
    return (current, "draft") if current else None


def result_files(folder: Path) -> dict[str, Path]:
    """The machine outputs by file name (transcript.json, minutes.docx, ...); not the review or versions."""
    if not folder.is_dir():
        return {}
    return {
        p.name: p
        for p in sorted(folder.iterdir())
        if p.is_file() and p.stem in RESULT_STEMS and not p.name.startswith(".")
    }
