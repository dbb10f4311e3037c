"""Scale-out: Redis (RQ) carries the work to workers on many machines; the database keeps the truth.

`submit` writes the job row, then enqueues an RQ job that only names the row's
id. An RQ worker runs `execute(job_id)`, which claims the row exactly like the
embedded worker and runs the same supervised child process, so state, progress,
lease, retries, cancel and timeout behave the same on either backend.

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
import uuid
from datetime import timedelta

from sqlalchemy import and_, or_, select

from transcribe.db import session
from transcribe.jobs import queue
from transcribe.jobs.models import Job, JobState
from transcribe.jobs.runner import supervise, worker_name

log = logging.getLogger(__name__)

QUEUE_NAME = "protokoll"
WAITING = {"queued", "scheduled", "deferred"}


# redis and rq are optional (the scale-out extra): each is imported where it is used.


def connection():
    from redis import Redis

    return Redis.from_url(queue.settings().redis_url, socket_connect_timeout=5)


def rq_queue(conn=None):
    from rq import Queue

    return Queue(QUEUE_NAME, connection=conn or connection())


def enqueue(job_id: int, delay_s: float = 0.0, conn=None) -> str:
    """Put (or put back) job `job_id` on the RQ queue; returns the RQ job id."""
    q = rq_queue(conn)
    carrier = f"protokoll-{job_id}-{uuid.uuid4().hex[:8]}"
    kwargs = dict(job_id=carrier, job_timeout=-1, result_ttl=24 * 3600, failure_ttl=7 * 24 * 3600,
                  description=f"protokoll job {job_id}")  # fmt: skip
    if delay_s > 0.5:
        q.enqueue_in(timedelta(seconds=delay_s), execute, job_id, **kwargs)
    else:
        q.enqueue(execute, job_id, **kwargs)
    queue.set_carrier(job_id, carrier)
    return carrier


def execute(job_id: int) -> str:
    """The RQ task: claim the row and run it supervised. Does nothing if someone else has it."""
    from rq import get_current_job

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


def cancel_carrier(carrier_id: str | None) -> None:
    """Best effort: drop a cancelled job's RQ message so it does not wait in the queue."""
    if not carrier_id:
        return
    try:
        from rq.job import Job as RQJob

        RQJob.fetch(carrier_id, connection=connection()).cancel()
    except Exception as exc:  # absent already, Redis down: the row already says cancelled
        log.debug("cancel of RQ job %s skipped: %s", carrier_id, exc)


def reconcile() -> list[int]:
    """Re-enqueue rows that Redis no longer carries; returns their ids."""
    from rq.exceptions import NoSuchJobError
    from rq.job import Job as RQJob

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
    from rq import SimpleWorker

    conn = connection()
    stop = threading.Event()
    reconcile()  # before taking work: bring Redis up to date with the database
    if not burst:
        threading.Thread(target=reconcile_loop, args=(stop,), name="rq-reconcile", daemon=True).start()
    try:
        SimpleWorker([rq_queue(conn)], connection=conn, name=name).work(burst=burst, with_scheduler=True)
    finally:
        stop.set()
