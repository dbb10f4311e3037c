"""The files of one meeting: the job's output, the reviewed working copy and approved versions.

    meeting_dir/input.<ext>             the recording as uploaded
    meeting_dir/transcript.json         written by the job (never edited)
    meeting_dir/minutes.json            written by the job (never edited)
    meeting_dir/review/*.json           the working copy every edit rewrites atomically
    meeting_dir/versions/vN/*.json      the copy approved as version N (read-only)
    meeting_dir/minutes.approved.json   the latest approved minutes, for `transcribe series` on the CLI

Keeping the machine output untouched means a reviewer can always compare with it,
and exports always render from the working copy.

Every write here and the deletion of a meeting hold the meeting's lock (`meeting_lock`), and
writes never recreate a missing folder: a save racing a delete either lands before it (and is
deleted with the rest) or fails with `MeetingGone`, never leaving a half meeting behind.
"""

from __future__ import annotations

import os
import secrets
import shutil
import threading
from collections import defaultdict
from pathlib import Path

from fastapi import HTTPException

from transcribe.fsutil import PRIVATE_DIR, atomic_write_text, private_dir
from transcribe.minutes.model import Minutes
from transcribe.transcript import Transcript

_locks: defaultdict[str, threading.RLock] = defaultdict(threading.RLock)
_locks_guard = threading.Lock()


class MeetingGone(HTTPException):
    """The meeting was deleted while this request worked on it: a 404 like any missing meeting."""

    def __init__(self) -> None:
        super().__init__(status_code=404, detail="meeting")


def meeting_lock(meeting_id: str) -> threading.RLock:
    """The per-meeting lock every write and the deletion hold (re-entrant: a save inside a delete is fine)."""
    with _locks_guard:
        return _locks[meeting_id]


def meeting_path(meeting_id: str) -> Path:
    from transcribe.jobs import meeting_dir

    return Path(meeting_dir(meeting_id))


def input_file(meeting_id: str) -> Path | None:
    base = meeting_path(meeting_id)
    found = sorted(base.glob("input.*")) if base.is_dir() else []
    return next((p for p in found if p.is_file() and not p.name.endswith(".part")), None)


def _current(meeting_id: str, name: str) -> Path | None:
    base = meeting_path(meeting_id)
    for path in (base / "review" / name, base / name):
        if path.is_file():
            return path
    return None


def load_transcript(meeting_id: str, version: int | None = None) -> Transcript | None:
    path = _versioned(meeting_id, "transcript.json", version)
    return Transcript.from_json(path.read_text(encoding="utf-8")) if path else None


def load_minutes(meeting_id: str, version: int | None = None) -> Minutes | None:
    path = _versioned(meeting_id, "minutes.json", version)
    if not path:
        return None
    minutes = Minutes.from_json(path.read_text(encoding="utf-8"))
    ensure_ids(minutes)
    return minutes


def _versioned(meeting_id: str, name: str, version: int | None) -> Path | None:
    if version is None:
        return _current(meeting_id, name)
    path = meeting_path(meeting_id) / "versions" / f"v{int(version)}" / name
    return path if path.is_file() else None


def _write(meeting_id: str, relative: str, text: str) -> None:
    """Write inside an existing meeting folder; its sub-folders are made here, the folder itself never."""
    with meeting_lock(meeting_id):
        base = meeting_path(meeting_id)
        if not base.is_dir():
            raise MeetingGone()
        target = base / relative
        for folder in reversed([p for p in target.parents if base in p.parents]):
            try:
                folder.mkdir(mode=PRIVATE_DIR)
            except FileExistsError:
                pass
        atomic_write_text(target, text, create_parents=False)


def save_transcript(meeting_id: str, transcript: Transcript) -> None:
    _write(meeting_id, "review/transcript.json", transcript.to_json())


def save_minutes(meeting_id: str, minutes: Minutes) -> None:
    _write(meeting_id, "review/minutes.json", minutes.to_json())


def snapshot(meeting_id: str, version: int) -> None:
    """Copy the working copy to versions/vN, the record of what was approved."""
    with meeting_lock(meeting_id):
        for name in ("transcript.json", "minutes.json"):
            src = _current(meeting_id, name)
            if src:
                _write(meeting_id, f"versions/v{int(version)}/{name}", src.read_text(encoding="utf-8"))


def publish_approved(meeting_id: str, version: int) -> None:
    """The series loader (transcribe.series.meeting) prefers minutes.approved.json in the meeting directory.

    The web app's own series pages read versions/vN directly (with the reviewed transcript); this copy
    is for the CLI, which only knows the meeting directory. It stays after a reopen: until the next
    approval it is still what the group agreed on.
    """
    with meeting_lock(meeting_id):
        src = meeting_path(meeting_id) / "versions" / f"v{version}" / "minutes.json"
        if src.is_file():
            _write(meeting_id, "minutes.approved.json", src.read_text(encoding="utf-8"))


def has_result(meeting_id: str) -> bool:
    return _current(meeting_id, "transcript.json") is not None


def create_folder(meeting_id: str) -> Path:
    """A new meeting's folder, owner-only like everything in it."""
    return private_dir(meeting_path(meeting_id))


def retire(meeting_id: str) -> Path | None:
    """Move the meeting's folder out of reach in one rename (the caller holds `meeting_lock`).

    Returns where it went, for `purge` (or `restore` if the rest of the deletion fails); None when
    the meeting had no folder.
    """
    base = meeting_path(meeting_id)
    tomb = base.with_name(f".deleted-{meeting_id}-{secrets.token_hex(4)}")
    try:
        os.rename(base, tomb)
    except FileNotFoundError:
        return None
    return tomb


def restore(meeting_id: str, tomb: Path | None) -> None:
    if tomb is not None:
        os.rename(tomb, meeting_path(meeting_id))


def purge(tomb: Path | None) -> None:
    """Delete a retired folder for good; retried, since a file may still be closing inside it."""
    if tomb is None:
        return
    for _ in range(5):
        shutil.rmtree(tomb, ignore_errors=True)
        if not tomb.exists():
            return
    shutil.rmtree(tomb)  # the error now says what is stuck


def remove(meeting_id: str) -> None:
    with meeting_lock(meeting_id):
        purge(retire(meeting_id))


def ensure_ids(minutes: Minutes) -> None:
    """Give every item a stable id (the reviewer's forms address items by it)."""
    seen: set[str] = set()
    groups = [("t", minutes.themes), ("e", minutes.mood.emotions), ("d", minutes.decisions), ("a", minutes.actions),
              ("o", minutes.not_decided), ("c", [c for c in minutes.conclusions if not isinstance(c, str)])]
    if minutes.next_meeting is not None:
        groups.append(("n", [minutes.next_meeting]))
    for prefix, items in groups:
        for i, item in enumerate(items, 1):
            if not item.id or item.id in seen:
                candidate, n = f"{prefix}{i}", i
                while candidate in seen:
                    n += 1
                    candidate = f"{prefix}{n}"
                item.id = candidate
            seen.add(item.id)
