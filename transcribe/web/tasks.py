"""Minutes regeneration off the request thread.

Extracting minutes from an edited transcript takes well under a second with the
rules backend but can take minutes with a local LLM, so it runs in a daemon
thread; the review page shows a banner and reloads until it is done.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import threading

from transcribe import audit
from transcribe.db import session
from transcribe.errors import UserError
from transcribe.minutes import extract_minutes
from transcribe.minutes.edit import ensure_ids
from transcribe.speakers.profiles import ProfileDirectory, enroll_meeting
from transcribe.tables import Meeting
from transcribe.transcript import Transcript
from transcribe.web import store
from transcribe.web.history import add_change

log = logging.getLogger(__name__)
_state: dict[str, str | None] = {}  # meeting id -> None while running, else an error text
_guard = threading.Lock()


def running(meeting_id: str) -> bool:
    with _guard:
        return meeting_id in _state and _state[meeting_id] is None


def error(meeting_id: str) -> str | None:
    with _guard:
        return _state.get(meeting_id)


def regenerate_minutes(
    meeting: Meeting, transcript: Transcript, user: str, lock: threading.RLock, wait: bool = False
) -> None:
    with _guard:
        if meeting.id in _state and _state[meeting.id] is None:
            return  # already running
        _state[meeting.id] = None
    thread = threading.Thread(target=_run, args=(meeting, transcript, lock), name=f"minutes-{meeting.id}", daemon=True)
    thread.start()
    if wait:
        thread.join()


def _backend() -> str:
    """As configured for uploads; 'none' there means no automatic draft, but an asked-for one uses the rules."""
    backend = os.environ.get("TRANSCRIBE_WEB_MINUTES_BACKEND", "rules")
    return "rules" if backend == "none" else backend


def _locked(meeting_id: str) -> bool:
    """Approved while we worked: the approved version must not change under the approver."""
    with session() as s:
        row = s.get(Meeting, meeting_id)
        return row is None or row.locked


def _run(meeting: Meeting, transcript: Transcript, lock: threading.RLock) -> None:
    try:
        day = dt.date.fromisoformat(meeting.date) if meeting.date else None
        minutes = extract_minutes(
            transcript, meeting_date=day, title=meeting.title or None, place=meeting.place or None, backend=_backend()
        )
        ensure_ids(minutes)
        with lock:
            if store.meeting_path(meeting.id).is_dir() and not _locked(meeting.id):
                store.save_minutes(meeting.id, minutes)
        with _guard:
            _state.pop(meeting.id, None)
    except Exception as exc:  # shown on the review page; the previous draft stays in place
        log.exception("regenerating minutes for %s failed", meeting.id)
        with _guard:
            _state[meeting.id] = f"{exc.__class__.__name__}: {exc}"[:500]


# --- voice profiles from an approved meeting ------------------------------------------------------------
# Decoding the recording and embedding every named speaker's speech takes a minute or two for a long
# meeting, so it runs beside the request like a regeneration. meeting id -> None while running, else
# ("ok", "Anna (12), Johan (8)") or ("error", text), shown on the review page until the next run.
_enrolments: dict[str, tuple[str, str] | None] = {}


def enrolling(meeting_id: str) -> bool:
    with _guard:
        return meeting_id in _enrolments and _enrolments[meeting_id] is None


def enrolment_result(meeting_id: str) -> tuple[str, str] | None:
    with _guard:
        return _enrolments.get(meeting_id)


def enrol_profiles(meeting_id: str, user: str, wait: bool = False) -> None:
    with _guard:
        if meeting_id in _enrolments and _enrolments[meeting_id] is None:
            return
        _enrolments[meeting_id] = None
    thread = threading.Thread(target=_enrol, args=(meeting_id, user), name=f"enrol-{meeting_id}", daemon=True)
    thread.start()
    if wait:
        thread.join()


def _enrol(meeting_id: str, user: str) -> None:
    result: tuple[str, str]
    try:
        # enroll_meeting reads the latest approved version (versions/vN) and audits each person it enrols.
        done = enroll_meeting(ProfileDirectory(), store.meeting_path(meeting_id), user=user)
        text = ", ".join(f"{name} ({p.n_samples})" for name, p in sorted(done.items()))
        add_change(meeting_id, user, "enroll_profiles", text or "–")
        audit.record("profile_enroll", f"meeting:{meeting_id}", user, f"{len(done)} profiles updated")
        result = ("ok", text)
    except UserError as exc:
        result = ("error", exc.message[:500])
    except Exception as exc:  # shown on the review page; no profile was half-written (each add is atomic)
        log.exception("enrolling voice profiles from %s failed", meeting_id)
        result = ("error", f"{exc.__class__.__name__}: {exc}"[:500])
    with _guard:
        _enrolments[meeting_id] = result
