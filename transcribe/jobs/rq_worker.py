"""Scale-out, the worker side: run the jobs Redis (RQ) delivers, and re-deliver what it lost.

An RQ worker runs `execute(job_id)`, which claims the row exactly like the embedded
worker and runs the same supervised child process, so state, progress, lease,
retries, cancel and timeout behave the same on either backend.

Redis is treated as a delivery mechanism that may lose messages: `reconcile`
re-enqueues every row that is queued but has no live RQ job (Redis restarted
without persistence, submit while Redis was down) or is running with an expired
lease (its worker machine died). Duplicates are harmless because claiming is a
compare-and-set on the row.
"""

from __future__ import annotations

import logging
import threading
import time

from rq import SimpleWorker, get_current_job
from rq.exceptions import NoSuchJobError
from rq.job import Job as RQJob
from sqlalchemy import and_, or_, select

from transcribe.db import session
from transcribe.jobs import queue
from transcribe.jobs.models import Job, JobState
from transcribe.jobs.rq_backend import connection, enqueue, rq_queue
from transcribe.jobs.runner import supervise, worker_name

log = logging.getLogger(__name__)

WAITING = {"queued", "scheduled", "deferred"}


def execute(job_id: int) -> str:
    """The RQ task: claim the row and run it supervised. Does nothing if someone else has it."""
    claim = queue.claim(worker_name("/rq"), job_id=job_id)
    if claim is None:
        try:
            row = queue.get(job_id)
        except queue.JobNotFound:
            return "skipped (deleted)"
        current = get_current_job()
        early = row.state == JobState.queued and row.not_before > time.time()
        if early and current is not None and current.id == row.carrier_id:  # only the live carrier re-sends
            enqueue(job_id, row.not_before - time.time())
        return f"skipped ({row.state})"
    state = supervise(claim)
    row = queue.get(job_id)
    if row.state == JobState.queued:  # a transient failure scheduled a retry, or the worker handed it back
        enqueue(job_id, max(0.0, row.not_before - time.time()))
    return str(state or row.state)


def reconcile() -> list[int]:
    """Re-enqueue rows that Redis no longer carries; returns their ids."""
    now = time.time()
    with session() as s:
        rows = s.execute(
            select(Job.id, Job.state, Job.carrier_id, Job.not_before).where(
                Job.backend == "rq",
                or_(
                    and_(Job.state == JobState.queued, Job.cancel_requested.is_(False)),
                    and_(Job.state == JobState.running, Job.lease_until < now),
                ),
            )
        ).all()
    if not rows:
        return []
    conn = connection()
    fixed = []
    lease = queue.settings().lease_s
    for row in rows:
        if row.state == JobState.queued and row.carrier_id:
            try:
                carrier = RQJob.fetch(row.carrier_id, connection=conn)
                status = carrier.get_status(refresh=True)
                if status in WAITING:
                    continue
                started = carrier.started_at.timestamp() if carrier.started_at else 0.0
                if status == "started" and started > now - lease:  # being picked up right now
                    continue
            except NoSuchJobError:
                pass
        enqueue(row.id, max(0.0, row.not_before - now), conn)
        fixed.append(row.id)
    if fixed:
        log.warning("re-enqueued jobs missing from Redis or abandoned by their worker: %s", fixed)
    return fixed


def reconcile_loop(stop: threading.Event, every_s: float | None = None) -> None:
    while not stop.is_set():
        try:
            reconcile()
        except Exception as exc:  # Redis or the database briefly away: try again later
            log.warning("reconcile failed: %s", exc)
        stop.wait(every_s or queue.settings().lease_s)


def run_rq_worker(burst: bool = False, name: str | None = None) -> None:
    """`transcribe worker --backend rq`: an RQ worker plus a reconcile thread.

    SimpleWorker runs `execute` in the worker process itself (no fork): the
    pipeline already gets a fresh child process of its own from `supervise`.
    """
    conn = connection()
    stop = threading.Event()
    reconcile()  # before taking work: bring Redis up to date with the database
    if not burst:
        threading.Thread(target=reconcile_loop, args=(stop,), name="rq-reconcile", daemon=True).start()
    try:
        SimpleWorker([rq_queue(conn)], connection=conn, name=name).work(burst=burst, with_scheduler=True)
    finally:
        stop.set()
