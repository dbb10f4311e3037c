"""The database-backed job queue: every state change is one conditional UPDATE.

Workers claim a job with a compare-and-set UPDATE (`... WHERE id = ? AND state =
'queued'`), which is atomic in SQLite (WAL, one writer at a time) and in
PostgreSQL (the row is re-checked after the row lock), so two workers never run
the same job. A running job holds a lease that its worker renews; when a worker
dies (kill -9, power cut) the lease runs out and the next worker reclaims the job,
whose pipeline then resumes from its last finished stage. Every later write by a
worker is fenced by the lease token it got, so a worker that lost its lease can
no longer change the row.
"""

from __future__ import annotations

import json
import logging
import os
import time
import uuid
from dataclasses import asdict, dataclass, fields
from datetime import date
from pathlib import Path

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session

from transcribe import audit
from transcribe.db import session
from transcribe.errors import BadOption, JobConflict, UserError
from transcribe.jobs.models import ACTIVE, Job, JobState, JobStatus, utcnow
from transcribe.pipeline import PipelineOptions

log = logging.getLogger(__name__)


class JobNotFound(UserError):
    exit_code = 2


@dataclass(frozen=True)
class Settings:
    backend: str  # "db" (embedded) or "rq"
    redis_url: str
    lease_s: float  # a running job whose worker has not renewed this long is reclaimed
    max_attempts: int
    timeout_s: float  # per job, wall clock
    backoff_s: float  # first retry delay; doubles each attempt
    backoff_max_s: float
    poll_s: float  # idle worker poll interval


def _env_float(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return float(raw)
    except ValueError as exc:
        raise BadOption(f"{name} måste vara ett tal (fick {raw!r})") from exc


def settings() -> Settings:
    """Read from the environment each time, so tests and operators can change it without a restart."""
    backend = os.environ.get("TRANSCRIBE_QUEUE", "db").strip().lower() or "db"
    if backend not in ("db", "rq"):
        raise BadOption(f"TRANSCRIBE_QUEUE måste vara 'db' eller 'rq' (fick {backend!r})")
    return Settings(
        backend=backend,
        redis_url=os.environ.get("TRANSCRIBE_REDIS_URL", "redis://localhost:6379/0"),
        lease_s=_env_float("TRANSCRIBE_JOB_LEASE_S", 30.0),
        max_attempts=max(1, int(_env_float("TRANSCRIBE_JOB_MAX_ATTEMPTS", 3))),
        timeout_s=_env_float("TRANSCRIBE_JOB_TIMEOUT_S", 6 * 3600.0),
        backoff_s=_env_float("TRANSCRIBE_JOB_BACKOFF_S", 10.0),
        backoff_max_s=_env_float("TRANSCRIBE_JOB_BACKOFF_MAX_S", 600.0),
        poll_s=_env_float("TRANSCRIBE_JOB_POLL_S", 1.0),
    )


# --- options <-> JSON ------------------------------------------------------------------


def options_to_json(options: PipelineOptions) -> str:
    return json.dumps(asdict(options), default=str, ensure_ascii=False)


def options_from_json(text: str) -> PipelineOptions:
    data = json.loads(text or "{}")
    known = {f.name for f in fields(PipelineOptions)}
    data = {k: v for k, v in data.items() if k in known}
    if data.get("meeting_date"):
        data["meeting_date"] = date.fromisoformat(data["meeting_date"])
    return PipelineOptions(**data)


# --- creating and reading ----------------------------------------------------------------


def create(
    source: Path,
    meeting_id: str,
    options: PipelineOptions,
    owner: str = "system",
    priority: int = 0,
    backend: str = "db",
    timeout_s: float | None = None,
    max_attempts: int | None = None,
) -> int:
    cfg = settings()
    with session() as s:
        busy = s.scalar(
            select(Job.id).where(Job.meeting_id == meeting_id, Job.state.in_([str(x) for x in ACTIVE])).limit(1)
        )
        if busy is not None:
            raise JobConflict(f"mötet {meeting_id} har redan ett aktivt jobb ({busy}): avbryt det eller vänta")
        row = Job(
            meeting_id=meeting_id, source=str(source), options=options_to_json(options), owner=owner,
            priority=priority, backend=backend, state=JobState.queued,
            timeout_s=timeout_s or cfg.timeout_s, max_attempts=max_attempts or cfg.max_attempts,
            created_at=utcnow(), updated_at=utcnow(),
        )  # fmt: skip
        s.add(row)
        s.flush()
        return row.id


def job_row(s: Session, job_id: int) -> Job:
    """The job's row in this session; a job id nobody has is the user's mistake, said in one line."""
    row = s.get(Job, job_id)
    if row is None:
        raise JobNotFound(f"inget jobb med id {job_id}")
    return row


def get(job_id: int) -> Job:
    with session() as s:
        row = job_row(s, job_id)
        s.expunge(row)
        return row


def _position(s, row: Job) -> int | None:
    if row.state != JobState.queued:
        return None
    ahead = s.scalar(
        select(func.count(Job.id)).where(
            Job.state == JobState.queued,
            or_(Job.priority > row.priority, and_(Job.priority == row.priority, Job.id < row.id)),
        )
    )
    return int(ahead or 0) + 1


def status(job_id: int) -> JobStatus:
    with session() as s:
        row = job_row(s, job_id)
        return JobStatus.from_row(row, _position(s, row))


def list_jobs(state: JobState | str | None = None, meeting_id: str | None = None) -> list[JobStatus]:
    with session() as s:
        q = select(Job).order_by(Job.id.desc())
        if state is not None:
            q = q.where(Job.state == str(JobState(state)))
        if meeting_id is not None:
            q = q.where(Job.meeting_id == meeting_id)
        rows = list(s.scalars(q))
        order: dict[int, int] = {}
        if any(r.state == JobState.queued for r in rows):  # one query for every queue position
            queued = s.execute(select(Job.id, Job.priority).where(Job.state == JobState.queued)).all()
            order = {jid: i + 1 for i, (jid, _) in enumerate(sorted(queued, key=lambda r: (-r[1], r[0])))}
        return [JobStatus.from_row(r, order.get(r.id)) for r in rows]


def rows_for_meeting(meeting_id: str) -> list[Job]:
    with session() as s:
        rows = list(s.scalars(select(Job).where(Job.meeting_id == meeting_id).order_by(Job.id)))
        s.expunge_all()
        return rows


def meetings_with_active_jobs() -> set[str]:
    with session() as s:
        return set(s.scalars(select(Job.meeting_id).where(Job.state.in_([str(x) for x in ACTIVE]))))


# --- claiming and the lease ------------------------------------------------------------------


@dataclass(frozen=True)
class Claim:
    job_id: int
    token: str
    attempt: int
    timeout_s: float


def _claimable(now: float):
    return or_(
        and_(Job.state == JobState.queued, Job.cancel_requested.is_(False), Job.not_before <= now),
        and_(Job.state == JobState.running, Job.lease_until < now),
    )


def claim(worker: str, job_id: int | None = None, backend: str = "db") -> Claim | None:
    """Take the next runnable job (or `job_id`) for `worker`, or None.

    A running job whose lease has expired is taken over; one that has already
    used all its attempts that way (it keeps killing its worker) is failed instead.
    """
    cfg = settings()
    now = time.time()
    with session() as s:
        q = select(Job.id, Job.state, Job.attempts, Job.max_attempts, Job.timeout_s).where(_claimable(now))
        if job_id is not None:
            q = q.where(Job.id == job_id)
        else:
            q = q.where(Job.backend == backend).order_by(Job.priority.desc(), Job.id).limit(8)
        candidates = s.execute(q).all()
    for cand in candidates:
        if cand.state == JobState.running and cand.attempts >= cand.max_attempts:
            _fail_abandoned(cand.id, now, cand.attempts)
            continue
        token = uuid.uuid4().hex
        with session() as s:
            res = s.execute(
                update(Job)
                .where(Job.id == cand.id, _claimable(now))
                .values(
                    state=JobState.running,
                    lease_token=token,
                    lease_until=now + cfg.lease_s,
                    worker=worker,
                    attempts=Job.attempts + 1,
                    started_at=func.coalesce(Job.started_at, utcnow()),
                    updated_at=utcnow(),
                    finished_at=None,
                )  # fmt: skip
                .execution_options(synchronize_session=False)
            )
        if res.rowcount == 1:
            if cand.state == JobState.running:
                log.warning("job %s: previous worker stopped renewing its lease; resuming it", cand.id)
            return Claim(cand.id, token, cand.attempts + 1, float(cand.timeout_s))
    return None


def _fail_abandoned(job_id: int, now: float, attempts: int) -> None:
    message = (
        f"arbetsprocessen som körde jobbet stannade {attempts} gång(er) (avslutad, kraschad eller utan minne); "
        "starta om jobbet när orsaken är åtgärdad"
    )
    with session() as s:
        res = s.execute(
            update(Job)
            .where(Job.id == job_id, Job.state == JobState.running, Job.lease_until < now)
            .values(
                state=JobState.failed,
                error=message,
                error_kind="WorkerLost",
                lease_token=None,
                lease_until=None,
                finished_at=utcnow(),
                updated_at=utcnow(),
                eta_s=None,
            )
            .execution_options(synchronize_session=False)
        )
    if res.rowcount == 1:
        audit.record("job_failed", f"job:{job_id}", detail=message)


@dataclass(frozen=True)
class Beat:
    held: bool  # this worker still owns the job
    cancel: bool  # someone asked for it to stop


def heartbeat(job_id: int, token: str, renew: bool = True) -> Beat:
    """Renew the lease (when `renew`) and report whether the job should keep running."""
    with session() as s:
        if renew:
            s.execute(
                update(Job)
                .where(Job.id == job_id, Job.lease_token == token, Job.state == JobState.running)
                .values(lease_until=time.time() + settings().lease_s)
                .execution_options(synchronize_session=False)
            )
        row = s.execute(select(Job.state, Job.lease_token, Job.cancel_requested).where(Job.id == job_id)).first()
    if row is None:
        return Beat(held=False, cancel=True)  # deleted under us
    held = row.state == JobState.running and row.lease_token == token
    return Beat(held=held, cancel=bool(row.cancel_requested))


def progress(job_id: int, token: str, stage: str, percent: float, eta_s: float | None) -> Beat:
    with session() as s:
        res = s.execute(
            update(Job)
            .where(Job.id == job_id, Job.lease_token == token, Job.state == JobState.running)
            .values(stage=stage, percent=round(min(max(percent, 0.0), 100.0), 2), eta_s=eta_s, updated_at=utcnow())
            .execution_options(synchronize_session=False)
        )
        cancel = s.scalar(select(Job.cancel_requested).where(Job.id == job_id))
    return Beat(held=res.rowcount == 1, cancel=bool(cancel))


def _finish(job_id: int, token: str, **values: object) -> bool:
    values.setdefault("updated_at", utcnow())
    for attempt in range(5):  # the final write matters: ride out a briefly locked database
        try:
            with session() as s:
                res = s.execute(
                    update(Job)
                    .where(Job.id == job_id, Job.lease_token == token, Job.state == JobState.running)
                    .values(**values)
                    .execution_options(synchronize_session=False)
                )
            return res.rowcount == 1
        except (OperationalError, PoolTimeout):
            if attempt == 4:
                raise
            time.sleep(0.5 * 2**attempt)
    return False


def finish_done(job_id: int, token: str) -> bool:
    return _finish(
        job_id, token, state=JobState.done, stage=None, percent=100.0, eta_s=0.0, error=None, error_kind=None,
        lease_token=None, lease_until=None, finished_at=utcnow(),
    )  # fmt: skip


def finish_failed(job_id: int, token: str, message: str, kind: str, transient: bool) -> JobState | None:
    """Fail the attempt: requeue with backoff if transient and attempts remain, else fail the job."""
    row = get(job_id)
    cfg = settings()
    if transient and row.attempts < row.max_attempts:
        delay = min(cfg.backoff_max_s, cfg.backoff_s * 2 ** max(0, row.attempts - 1))
        note = f"försök {row.attempts} av {row.max_attempts} misslyckades: {message}; nytt försök om {delay:.0f} s"
        ok = _finish(
            job_id, token, state=JobState.queued, error=note, error_kind=kind, not_before=time.time() + delay,
            lease_token=None, lease_until=None, eta_s=None,
        )  # fmt: skip
        log.warning("job %s: %s", job_id, note)
        return JobState.queued if ok else None
    ok = _finish(
        job_id, token, state=JobState.failed, error=message, error_kind=kind, lease_token=None, lease_until=None,
        eta_s=None, finished_at=utcnow(),
    )  # fmt: skip
    if ok:
        log.error("job %s failed: %s", job_id, message)
        audit.record("job_failed", f"job:{job_id}", detail=f"meeting:{row.meeting_id}: {message}")
    return JobState.failed if ok else None


def finish_cancelled(job_id: int, token: str) -> bool:
    return _finish(
        job_id, token, state=JobState.cancelled, error="avbrutet", error_kind="Cancelled", lease_token=None,
        lease_until=None, eta_s=None, finished_at=utcnow(),
    )  # fmt: skip


def release(job_id: int, token: str) -> bool:
    """Hand a job back untouched (worker shutting down): it does not count as an attempt."""
    return _finish(
        job_id, token, state=JobState.queued, lease_token=None, lease_until=None, attempts=Job.attempts - 1,
        eta_s=None,
    )  # fmt: skip


def set_carrier(job_id: int, carrier_id: str) -> None:
    """Remember the RQ job id that currently carries this job (for reconciliation)."""
    with session() as s:
        s.execute(
            update(Job)
            .where(Job.id == job_id)
            .values(carrier_id=carrier_id)
            .execution_options(synchronize_session=False)
        )
