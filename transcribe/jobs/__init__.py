"""Background jobs that survive crashes: submit a meeting, watch it, cancel, retry, delete.

The `jobs` table is the source of truth. By default the database is also the
queue (SQLite in WAL mode, or PostgreSQL) and `worker.InProcessWorker`/`transcribe
worker` run the jobs; with TRANSCRIBE_QUEUE=rq and TRANSCRIBE_REDIS_URL, Redis
carries the work to `transcribe worker --backend rq` processes on any machine
that shares the data directory and the database (docs/scaling.md).

Outputs land in `meeting_dir(meeting_id)`: transcript.{json,txt,srt,vtt,md[,rttm]}
and minutes.{json,md,docx}; stage results are kept in its `.work/` so a killed
job resumes from its last finished stage. Shorter work on a meeting that the web app
starts (minutes drafted again, voice profiles enrolled) is kept the same way, in
`jobs.tasks`.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from transcribe import audit
from transcribe.audio import check_input_path
from transcribe.jobs import actions, queue
from transcribe.jobs.models import JobState, JobStatus
from transcribe.jobs.queue import JobConflict, JobNotFound
from transcribe.jobs.retention import delete_meeting_files
from transcribe.meeting import check_meeting_id, meeting_dir, result_files
from transcribe.pipeline import PipelineOptions

__all__ = [
    "JobConflict", "JobNotFound", "JobState", "JobStatus", "cancel", "delete", "list_jobs",
    "meeting_dir", "result_paths", "retry", "status", "submit",
]  # fmt: skip

log = logging.getLogger(__name__)


def submit(
    source: Path,
    meeting_id: str,
    options: PipelineOptions,
    owner: str = "system",
    priority: int = 0,
    *,
    timeout_s: float | None = None,
    max_attempts: int | None = None,
) -> int:
    """Queue the pipeline for `source` (already stored under meeting_dir(meeting_id)); returns the job id.

    Only cheap checks run here (the file exists, the options and id are valid);
    a corrupt recording fails the job with its reason, visible through `status`.
    """
    check_meeting_id(meeting_id)
    options.validate()
    check_input_path(Path(source))
    backend = queue.settings().backend
    job_id = queue.create(
        Path(source).resolve(), meeting_id, options, owner, priority, backend, timeout_s, max_attempts
    )
    if backend == "rq":
        _enqueue_rq(job_id)
    return job_id


def _enqueue_rq(job_id: int) -> None:
    # Redis and rq load only for the rq backend: at the top they cost every CLI command and job process ~0.5 CPU-s.
    from transcribe.jobs import rq_backend

    try:
        rq_backend.enqueue(job_id)
    except Exception as exc:  # Redis down: the row is queued; reconcile delivers it once Redis is back
        log.warning("job %s saved but not yet sent to Redis: %s", job_id, exc)


def status(job_id: int) -> JobStatus:
    return queue.status(job_id)


def list_jobs(state: JobState | str | None = None, meeting_id: str | None = None) -> list[JobStatus]:
    """Newest first."""
    return queue.list_jobs(state, meeting_id)


def cancel(job_id: int, user: str = "system") -> JobState:
    """A queued job will not start; a running one is killed within about a second and marked cancelled."""
    state = actions.request_cancel(job_id, user)
    if state == JobState.cancelled:
        row = queue.get(job_id)
        if row.backend == "rq":
            from transcribe.jobs import rq_backend  # loads Redis and rq (see _enqueue_rq)

            rq_backend.cancel_carrier(row.carrier_id)
    return state


def retry(job_id: int, user: str = "system") -> None:
    """Queue a failed or cancelled job again from scratch of its attempts (finished stages are reused)."""
    row = actions.reset_for_retry(job_id, user)
    if row.backend == "rq":
        _enqueue_rq(job_id)


def delete(job_id: int, remove_files: bool = False, user: str = "system", wait_s: float = 15.0) -> None:
    """Forget a job; a running one is cancelled first. `remove_files` also deletes the meeting's files."""
    row = queue.get(job_id)
    if row.state in (JobState.queued, JobState.running):
        cancel(job_id, user)
        deadline = time.monotonic() + wait_s
        while queue.get(job_id).state == JobState.running and time.monotonic() < deadline:
            time.sleep(0.2)
        if queue.get(job_id).state == JobState.running:
            raise JobConflict(f"jobb {job_id} håller på att stoppas; försök igen om en stund")
    actions.delete_row(job_id)
    audit.record("delete", f"job:{job_id}", user=user, detail=f"meeting:{row.meeting_id}")
    if remove_files:
        delete_meeting_files(row.meeting_id, user=user)


def result_paths(meeting_id: str) -> dict[str, Path]:
    """The finished outputs of a meeting by file name (transcript.json, minutes.docx, ...)."""
    return result_files(meeting_dir(meeting_id))
