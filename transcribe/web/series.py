"""Meeting series in the web app: who may see one, and its meetings as reviewed in the web.

A series (transcribe.series.store) lists meeting directories. For a web meeting the
directory's own transcript.json and minutes.json are the machine output, so the
series loader would miss every review edit; here each web meeting is read through
the web store instead: the latest approved version (versions/vN) when there is one,
otherwise the working copy (transcribe.meeting says which minutes count). Each viewer
gets only the meetings she may see now, so a meeting unshared or deleted after it was
added silently drops out of her report.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import HTTPException
from sqlalchemy import select

from transcribe.db import session
from transcribe.errors import UserError
from transcribe.series import store as series_store
from transcribe.series.ask import AskResult, Embedder, ask
from transcribe.series.embed import load_embedder
from transcribe.series.meeting import MeetingRecord, generate_minutes, load_meeting, sort_meetings
from transcribe.series.model import Series, SeriesReport
from transcribe.series.report import build_report
from transcribe.tables import Meeting, SeriesOwner
from transcribe.web import store
from transcribe.web.auth import CurrentUser, can_see, get_meeting


@dataclass
class SeriesMeetings:
    records: list[MeetingRecord] = field(default_factory=list)  # series (date) order
    web: dict[str, Meeting] = field(default_factory=dict)  # str(record.path) -> the web meeting
    unavailable: int = 0  # deleted, or not (any longer) visible to this user


# --- access ------------------------------------------------------------------------------------------
def visible_series(user: CurrentUser) -> list[Series]:
    with session() as s:
        mine = set(s.scalars(select(SeriesOwner.name).where(SeriesOwner.owner_id == user.id)))
    return [x for x in series_store.list_all() if user.is_admin or x.name in mine]


def get_series(user: CurrentUser, name: str) -> Series:
    """The series if this user may see it; 404 otherwise, like a meeting (never reveal that it exists)."""
    if not series_store.exists(name):
        raise HTTPException(404, "series")
    if not user.is_admin:
        with session() as s:
            row = s.get(SeriesOwner, name)
        if row is None or row.owner_id != user.id:
            raise HTTPException(404, "series")
    return series_store.load(name)


def create(user: CurrentUser, name: str, description: str, purpose: str) -> Series:
    """Raises UserError (bad name, name taken) for the form to show."""
    series = series_store.create(name.strip(), description=description.strip()[:4000], purpose=purpose.strip()[:4000])
    with session() as s:
        s.merge(SeriesOwner(name=series.name, owner_id=user.id))  # a stale row of a vanished file is replaced
    return series


def add_meetings(user: CurrentUser, series: Series, meeting_ids: list[str]) -> list[Path]:
    """Add meetings this user may see and that are processed; any other id is a 404 for the whole request."""
    dirs = []
    for mid in dict.fromkeys(meeting_ids):
        get_meeting(user, mid)
        if not store.has_result(mid):
            raise HTTPException(409, "not_ready")
        dirs.append(store.meeting_path(mid))  # the meeting directory, as `transcribe series add <id>` adds it
    _, added = series_store.add(series.name, dirs)
    return added


# --- meetings as reviewed ------------------------------------------------------------------------------
def meeting_record(meeting: Meeting, with_minutes: bool = True) -> MeetingRecord | None:
    """The latest approved version of a web meeting, else its working copy; None when it has no transcript."""
    version = meeting.version or None
    transcript = store.load_transcript(meeting.id, version) if version else None
    if transcript is None:
        version = None
        transcript = store.load_transcript(meeting.id)
    if transcript is None:
        return None
    for key, value in (("title", meeting.title), ("date", meeting.date), ("place", meeting.place)):
        if value:  # what the web shows for the meeting is what the report calls it
            transcript.metadata[key] = value
    path = store.meeting_path(meeting.id).resolve()
    if not with_minutes:
        return MeetingRecord(path, transcript, None, "none")
    found = store.counting_minutes(meeting.id, version)
    if found is not None:
        return MeetingRecord(path, transcript, *found)
    return MeetingRecord(path, transcript, generate_minutes(transcript), "generated")


def _web_meeting(path: Path) -> Meeting | None:
    try:
        if store.meeting_path(path.name).resolve() != path.resolve():
            return None
    except (UserError, ValueError):  # not a web meeting id
        return None
    with session() as s:
        return s.get(Meeting, path.name)


def series_meetings(user: CurrentUser, series: Series, with_minutes: bool = True) -> SeriesMeetings:
    out = SeriesMeetings()
    for entry in series.meetings:
        path = Path(entry.path)
        meeting = _web_meeting(path)
        record = None
        if meeting is not None:
            if can_see(user, meeting):
                record = meeting_record(meeting, with_minutes)
        elif user.is_admin and path.is_dir():  # a directory added on the command line: admins only
            try:
                record = load_meeting(path, with_minutes=with_minutes)
            except UserError:
                record = None
        if record is None:
            out.unavailable += 1
            continue
        out.records.append(record)
        if meeting is not None:
            out.web[str(record.path)] = meeting
    out.records = sort_meetings(out.records)
    return out


def web_url(
    found: SeriesMeetings, path: str | Path, segment_id: int | None = None, start: float | None = None
) -> str | None:
    """The review page of a series meeting, at a passage (?t= seeks the player there)."""
    meeting = found.web.get(str(path))
    if meeting is None:
        return None
    query = f"?t={start:.2f}" if start is not None else ""
    return f"/meetings/{meeting.id}{query}" + (f"#seg-{segment_id}" if segment_id is not None else "")


# --- report and questions -------------------------------------------------------------------------------
def report(user: CurrentUser, series: Series) -> SeriesReport:
    found = series_meetings(user, series)
    if not found.records:
        raise HTTPException(409, "series_empty")
    result = build_report(series, found.records)
    for block in result.meetings:  # a web address, not the server's directory layout
        block.path = web_url(found, block.path) or Path(block.path).name
    return result


@functools.lru_cache(maxsize=1)
def _embedder() -> tuple[Embedder | None, str]:
    """The optional local sentence-embedding model, loaded once per process (as `transcribe ask` uses it)."""
    return load_embedder()


def ask_series(series: Series, found: SeriesMeetings, question: str) -> AskResult:
    """Counted answers over the meetings `series_meetings(..., with_minutes=False)` found for this user."""
    if not found.records:
        raise HTTPException(409, "series_empty")
    embedder, name = _embedder()
    return ask(
        question.strip()[:500],
        found.records,
        scope=f"serien {series.name}",
        top=5,
        embedder=embedder,
        embedder_name=name,
    )
