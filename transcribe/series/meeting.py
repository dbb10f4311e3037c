"""One meeting of a series: its transcript and the minutes that count.

Which minutes count is `transcribe.meeting.counting_minutes`: approved, then the
working copy, then the machine draft; with none, a rules draft is made in memory
(the directory may be read-only and is never written to).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from transcribe import meeting
from transcribe.errors import BadOption, InputNotFound
from transcribe.minutes import extract_minutes
from transcribe.minutes.model import Minutes
from transcribe.transcript import Transcript


@dataclass
class MeetingRecord:
    path: Path
    transcript: Transcript
    minutes: Any  # transcribe.minutes.model.Minutes; None when loaded for `ask`, which needs none
    source: Literal["approved", "draft", "generated", "none"]

    @property
    def date(self) -> dt.date | None:
        return (self.minutes.date if self.minutes else None) or _parse_date(self.transcript.metadata.get("date"))

    @property
    def title(self) -> str:
        return self.transcript.metadata.get("title") or (self.minutes.title if self.minutes else "") or self.path.name

    @property
    def duration(self) -> float:
        if self.transcript.duration:
            return self.transcript.duration
        return max((s.end for s in self.transcript.segments), default=0.0)


def load_meeting(path: str | Path, with_minutes: bool = True) -> MeetingRecord:
    path = Path(path)
    tpath = path / meeting.TRANSCRIPT
    if not tpath.is_file():
        raise InputNotFound(f"{path}: transcript.json saknas (har mötet flyttats eller tagits bort?)")
    transcript = _read(Transcript, tpath, "ingen transkription (transcript.json)")
    if not with_minutes:
        return MeetingRecord(path, transcript, None, "none")
    found = meeting.counting_minutes(path)
    if found is None:
        return MeetingRecord(path, transcript, generate_minutes(transcript), "generated")
    mpath, source = found
    return MeetingRecord(path, transcript, _read(Minutes, mpath, "inget protokollutkast (minutes.json)"), source)


def _read(model: Any, path: Path, what: str) -> Any:
    """`model` from the JSON file at `path`; a file that is not one is a one-line error naming `what` it should be."""
    try:
        return model.from_json(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise BadOption(f"{path} är {what} från protokoll ({exc.__class__.__name__})") from exc


def generate_minutes(transcript: Transcript) -> Any:
    """A rules draft from the transcript and the metadata the pipeline stored with it."""
    meta = transcript.metadata
    return extract_minutes(
        transcript, meeting_date=_parse_date(meta.get("date")), title=meta.get("title"), place=meta.get("place"),
        backend="rules",
    )  # fmt: skip


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def sort_meetings(records: list[MeetingRecord]) -> list[MeetingRecord]:
    """Date order; undated meetings keep their place after the dated ones (stable)."""
    return sorted(records, key=lambda r: (r.date is None, r.date or dt.date.min))
