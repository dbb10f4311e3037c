"""What a person does to a job from the web app or the shell: cancel it, queue it again, delete its row.

Each is one transaction on the job's row that checks the state it finds (a finished job cannot be
cancelled, a running one not queued again, two active jobs never share a meeting) and is audited.
"""

from __future__ import annotations

import time

from sqlalchemy import select

from transcribe import audit
from transcribe.db import session
from transcribe.errors import JobConflict
from transcribe.jobs.models import ACTIVE, Job, JobState, utcnow
from transcribe.jobs.queue import job_row


def request_cancel(job_id: int, user: str = "system") -> JobState:
    """A queued job is cancelled at once; a running one is flagged and its worker kills it."""
    with session() as s:
        row = job_row(s, job_id)
        state = JobState(row.state)
        orphaned = state == JobState.running and (row.lease_until or 0.0) < time.time()  # its worker is gone
        if state == JobState.queued or orphaned:
            row.state, row.cancel_requested = JobState.cancelled, True
            row.error, row.error_kind = "avbrutet", "Cancelled"
            row.lease_token = row.lease_until = None
            row.finished_at = row.updated_at = utcnow()
            state = JobState.cancelled
        elif state == JobState.running:
            row.cancel_requested = True
        else:
            raise JobConflict(f"jobb {job_id} är redan {state}")
    audit.record("job_cancel", f"job:{job_id}", user=user, detail=f"meeting:{row.meeting_id}")
    return state


def reset_for_retry(job_id: int, user: str = "system") -> Job:
    with session() as s:
        row = job_row(s, job_id)
        if row.state not in (JobState.failed, JobState.cancelled):
            raise JobConflict(f"jobb {job_id} är {row.state}: bara misslyckade eller avbrutna jobb kan köras igen")
        busy = s.scalar(
            select(Job.id)
            .where(Job.meeting_id == row.meeting_id, Job.id != job_id, Job.state.in_([str(x) for x in ACTIVE]))
            .limit(1)
        )
        if busy is not None:
            raise JobConflict(f"mötet {row.meeting_id} har redan ett aktivt jobb ({busy})")
        row.state, row.attempts, row.error, row.error_kind = JobState.queued, 0, None, None
        row.cancel_requested, row.not_before, row.stage, row.percent, row.eta_s = False, 0.0, None, 0.0, None
        row.started_at = row.finished_at = None
        row.lease_token = row.lease_until = None
        row.updated_at = utcnow()
        s.flush()
        s.expunge(row)
    audit.record("job_retry", f"job:{job_id}", user=user, detail=f"meeting:{row.meeting_id}")
    return row


def delete_row(job_id: int) -> Job:
    with session() as s:
        row = job_row(s, job_id)
        s.delete(row)
        s.flush()
        s.expunge(row)
        return row
