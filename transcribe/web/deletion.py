"""Deleting a meeting: all of it or nothing, even while reviewers are still saving edits.

The meeting's lock (transcribe.web.store.meeting_lock) is held from start to end, so no save
lands half-way. The folder is first renamed out of reach in one step; the database rows
(meeting, history, shares) then go in one transaction, and if that fails the folder is put
back. Series forget the meeting, SQLite's write-ahead log is checkpointed so the deleted text
does not linger on disk. The deletion is audited while the lock is still held, so a save that
waited for it is told who deleted the meeting.
"""

from __future__ import annotations

import logging

from sqlalchemy import delete

from transcribe import audit, db
from transcribe import meeting as meeting_files
from transcribe.db import session
from transcribe.jobs import JobNotFound, tasks
from transcribe.jobs import delete as delete_job
from transcribe.series import store as series_store
from transcribe.tables import Meeting, MeetingChange, MeetingShare
from transcribe.web import store

log = logging.getLogger(__name__)


def delete_meeting(meeting: Meeting, user: str) -> None:
    """Raises transcribe.jobs.JobConflict when the meeting's job will not stop; nothing is deleted then."""
    meeting_id = meeting.id
    with store.meeting_lock(meeting_id):
        if meeting.job_id is not None:
            try:
                delete_job(meeting.job_id, remove_files=False, user=user)
            except JobNotFound:
                pass  # already forgotten (retention, or a CLI delete): the files go below
        folder = store.meeting_path(meeting_id).resolve()
        tomb = meeting_files.retire(meeting_id)
        try:
            with session() as s:
                s.execute(delete(MeetingChange).where(MeetingChange.meeting_id == meeting_id))
                s.execute(delete(MeetingShare).where(MeetingShare.meeting_id == meeting_id))
                s.execute(delete(Meeting).where(Meeting.id == meeting_id))
        except Exception:
            meeting_files.restore(meeting_id, tomb)
            raise
        audit.record("delete", f"meeting:{meeting_id}", user)  # before the lock opens: a late save hears who
        meeting_files.purge(tomb)
        tasks.forget(meeting_id)
    for name in series_store.forget_meeting(folder):
        log.info("meeting %s removed from series %s", meeting_id, name)
    db.checkpoint()
