"""Scale-out, the delivery side: Redis (RQ) carries job ids to workers on many machines.

`submit` writes the job row, then enqueues an RQ job that only names the row's id
and the task that runs it, `transcribe.jobs.rq_worker.execute`, by its dotted path:
the side that submits never loads the runner. The database keeps the truth; see
`rq_worker` for the worker side and the reconciliation of messages Redis lost.
"""

from __future__ import annotations

import logging
import uuid
from datetime import timedelta

from redis import Redis
from rq import Queue
from rq.job import Job as RQJob

from transcribe.jobs import queue

log = logging.getLogger(__name__)

QUEUE_NAME = "protokoll"
EXECUTE = "transcribe.jobs.rq_worker.execute"


def connection() -> Redis:
    return Redis.from_url(queue.settings().redis_url, socket_connect_timeout=5)


def rq_queue(conn: Redis | None = None) -> Queue:
    return Queue(QUEUE_NAME, connection=conn or connection())


def enqueue(job_id: int, delay_s: float = 0.0, conn=None) -> str:
    """Put (or put back) job `job_id` on the RQ queue; returns the RQ job id."""
    q = rq_queue(conn)
    carrier = f"protokoll-{job_id}-{uuid.uuid4().hex[:8]}"
    kwargs = dict(job_id=carrier, job_timeout=-1, result_ttl=24 * 3600, failure_ttl=7 * 24 * 3600,
                  description=f"protokoll job {job_id}")  # fmt: skip
    if delay_s > 0.5:
        q.enqueue_in(timedelta(seconds=delay_s), EXECUTE, job_id, **kwargs)
    else:
        q.enqueue(EXECUTE, job_id, **kwargs)
    queue.set_carrier(job_id, carrier)
    return carrier


def cancel_carrier(carrier_id: str | None) -> None:
    """Best effort: drop a cancelled job's RQ message so it does not wait in the queue."""
    if not carrier_id:
        return
    try:
        RQJob.fetch(carrier_id, connection=connection()).cancel()
    except Exception as exc:  # absent already, Redis down: the row already says cancelled
        log.debug("cancel of RQ job %s skipped: %s", carrier_id, exc)
