"""Minutes regeneration and voice-profile enrolment off the request thread, as durable tasks.

Extracting minutes from an edited transcript takes well under a second with the rules
backend but can take minutes with a local LLM; enrolling voices decodes the recording and
embeds every named speaker. Both run as `transcribe.jobs.tasks` (a row in the database,
run again after a restart); the review page shows a banner and reloads until they are done.
"""

from __future__ import annotations

import datetime as dt
import os

from transcribe import audit
from transcribe.db import session
from transcribe.errors import InputNotFound
from transcribe.jobs import tasks
from transcribe.jobs.models import JobState
from transcribe.minutes import extract_minutes
from transcribe.minutes.edit import ensure_ids
from transcribe.speakers.profiles import ProfileDirectory, enroll_meeting, enrolment_summary
from transcribe.tables import Meeting
from transcribe.web import store
from transcribe.web.history import add_change

REGENERATE = "minutes"
ENROL = "profiles"


def running(meeting_id: str) -> bool:
    found = tasks.latest(REGENERATE, meeting_id)
    return found is not None and found.active


def error(meeting_id: str) -> str | None:
    found = tasks.latest(REGENERATE, meeting_id)
    return found.error if found is not None and not found.active else None


def regenerate_minutes(meeting_id: str, user: str, wait: bool = False) -> None:
    """Draft the minutes again from the working transcript (nothing new starts while one is running)."""
    tasks.submit(REGENERATE, meeting_id, user, wait)


def _backend() -> str:
    """As configured for uploads; 'none' there means no automatic draft, but an asked-for one uses the rules."""
    backend = os.environ.get("TRANSCRIBE_WEB_MINUTES_BACKEND", "rules")
    return "rules" if backend == "none" else backend


def _meeting(meeting_id: str) -> Meeting | None:
    with session() as s:
        row = s.get(Meeting, meeting_id)
        if row is not None:
            s.expunge(row)
        return row


def _regenerate(meeting_id: str, user: str) -> str:
    meeting = _meeting(meeting_id)
    transcript = store.load_transcript(meeting_id)
    if meeting is None or transcript is None:
        raise InputNotFound(f"mötet {meeting_id} har ingen transkription längre")
    day = dt.date.fromisoformat(meeting.date) if meeting.date else None
    minutes = extract_minutes(
        transcript, meeting_date=day, title=meeting.title or None, place=meeting.place or None, backend=_backend()
    )
    ensure_ids(minutes)
    with store.meeting_lock(meeting_id):
        now = _meeting(meeting_id)
        # Approved while we worked: the approved version must not change under the approver.
        if store.meeting_path(meeting_id).is_dir() and now is not None and not now.locked:
            store.save_minutes(meeting_id, minutes)
    return ""


# --- voice profiles from an approved meeting ------------------------------------------------------------


def enrolling(meeting_id: str) -> bool:
    found = tasks.latest(ENROL, meeting_id)
    return found is not None and found.active


def enrolment_result(meeting_id: str) -> tuple[str, str] | None:
    """("ok", "Anna (12), Johan (8)") or ("error", why) for the latest enrolment; None while it runs or if none."""
    found = tasks.latest(ENROL, meeting_id)
    if found is None or found.active:
        return None
    return ("ok", found.result or "") if found.state == JobState.done else ("error", found.error or "")


def enrol_profiles(meeting_id: str, user: str, wait: bool = False) -> None:
    tasks.submit(ENROL, meeting_id, user, wait)


def _enrol(meeting_id: str, user: str) -> str:
    # enroll_meeting reads the latest approved version (versions/vN) and audits each person it enrols;
    # no profile is ever half-written (each add is atomic).
    done = enroll_meeting(ProfileDirectory(), store.meeting_path(meeting_id), user=user)
    text = enrolment_summary(done)  # a profile still weak says so, and how much speech it lacks
    add_change(meeting_id, user, "enroll_profiles", text or "–")
    audit.record("profile_enroll", f"meeting:{meeting_id}", user, f"{len(done)} profiles updated")
    return text


tasks.register(REGENERATE, _regenerate)
tasks.register(ENROL, _enrol)
