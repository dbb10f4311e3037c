"""Reading and writing one meeting's files for the web app, by meeting id.

Which file lives where is `transcribe.meeting`'s; this adds the web's rules for changing them.
The job's machine output is never edited, so a reviewer can always compare with it; every edit
rewrites the working copy atomically, approval copies it to a version, and exports always render
from the working copy.

Every write here and the deletion of a meeting hold the meeting's lock (`meeting_lock`), and
writes never recreate a missing folder: a save racing a delete either lands before it (and is
deleted with the rest) or fails with `MeetingGone`, never leaving a half meeting behind.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import HTTPException

from transcribe import meeting
from transcribe.fsutil import PRIVATE_DIR, atomic_write_text, private_dir
from transcribe.meeting import meeting_lock
from transcribe.minutes.edit import ensure_ids
from transcribe.minutes.model import Minutes
from transcribe.transcript import Transcript


class MeetingGone(HTTPException):
    """The meeting was deleted while this request worked on it: a 404 like any missing meeting, or, to one
    the audit log lets know it, a 410 naming who deleted it (transcribe.web.app)."""

    def __init__(self, meeting_id: str = "") -> None:
        super().__init__(status_code=404, detail="meeting")
        self.meeting_id = meeting_id


def meeting_path(meeting_id: str) -> Path:
    return meeting.meeting_dir(meeting_id)


def input_file(meeting_id: str) -> Path | None:
    return meeting.input_file(meeting_path(meeting_id))


def load_transcript(meeting_id: str, version: int | None = None) -> Transcript | None:
    """Approved version N, or (None) the working copy, else the machine output."""
    path = meeting.version_file(meeting_path(meeting_id), meeting.TRANSCRIPT, version)
    return Transcript.from_json(path.read_text(encoding="utf-8")) if path else None


def load_minutes(meeting_id: str, version: int | None = None) -> Minutes | None:
    """Approved version N, or (None) the working copy, else the machine draft; every item with an id."""
    path = meeting.version_file(meeting_path(meeting_id), meeting.MINUTES, version)
    if not path:
        return None
    minutes = Minutes.from_json(path.read_text(encoding="utf-8"))
    ensure_ids(minutes)
    return minutes


def counting_minutes(meeting_id: str, version: int | None = None) -> tuple[Minutes, meeting.MinutesSource] | None:
    """The minutes that count (`transcribe.meeting.counting_minutes`) and where they came from."""
    found = meeting.counting_minutes(meeting_path(meeting_id), version)
    if found is None:
        return None
    minutes = Minutes.from_json(found[0].read_text(encoding="utf-8"))
    ensure_ids(minutes)
    return minutes, found[1]


def _write(meeting_id: str, relative: str, text: str) -> None:
    """Write inside an existing meeting folder; its sub-folders are made here, the folder itself never."""
    with meeting_lock(meeting_id):
        base = meeting_path(meeting_id)
        if not base.is_dir():
            raise MeetingGone(meeting_id)
        target = base / relative
        for folder in reversed([p for p in target.parents if base in p.parents]):
            try:
                folder.mkdir(mode=PRIVATE_DIR)
            except FileExistsError:
                pass
        atomic_write_text(target, text, create_parents=False)


def save_transcript(meeting_id: str, transcript: Transcript) -> None:
    _write(meeting_id, meeting.working_name(meeting.TRANSCRIPT), transcript.to_json())


def save_minutes(meeting_id: str, minutes: Minutes) -> None:
    _write(meeting_id, meeting.working_name(meeting.MINUTES), minutes.to_json())


def snapshot(meeting_id: str, version: int) -> None:
    """Copy the working copy to versions/vN, the record of what was approved."""
    with meeting_lock(meeting_id):
        for name in (meeting.TRANSCRIPT, meeting.MINUTES):
            src = meeting.current_file(meeting_path(meeting_id), name)
            if src:
                _write(meeting_id, meeting.version_name(version, name), src.read_text(encoding="utf-8"))


def publish_approved(meeting_id: str, version: int) -> None:
    """Copy version N's minutes to minutes.approved.json, the minutes that count for the folder alone.

    The web app's own series pages read versions/vN directly (with the reviewed transcript); this copy
    is for `transcribe series` on the CLI, which only knows the meeting directory. It stays after a
    reopen: until the next approval it is still what the group agreed on.
    """
    with meeting_lock(meeting_id):
        src = meeting.version_file(meeting_path(meeting_id), meeting.MINUTES, version)
        if src is not None:
            _write(meeting_id, meeting.APPROVED, src.read_text(encoding="utf-8"))


def has_result(meeting_id: str) -> bool:
    return meeting.current_file(meeting_path(meeting_id), meeting.TRANSCRIPT) is not None


def create_folder(meeting_id: str) -> Path:
    """A new meeting's folder, owner-only like everything in it."""
    return private_dir(meeting_path(meeting_id))


def remove(meeting_id: str) -> None:
    with meeting_lock(meeting_id):
        meeting.purge(meeting.retire(meeting_id))
