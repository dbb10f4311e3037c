"""The `jobs` table and the read-only status view handed to callers.

The row is the single source of truth for a job, whichever queue (the database
itself or RQ/Redis) carries the work: state, stage, progress, lease and error
all live here, so the web app reads one table however the workers are deployed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import Boolean, DateTime, Float, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from transcribe.db import Base


class JobState(StrEnum):
    queued = "queued"
    running = "running"
    done = "done"
    failed = "failed"
    cancelled = "cancelled"


ACTIVE = (JobState.queued, JobState.running)
FINISHED = (JobState.done, JobState.failed, JobState.cancelled)


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything here is written in UTC."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


class Job(Base):
    __tablename__ = "jobs"
    __table_args__ = (Index("ix_jobs_claim", "state", "priority", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[str] = mapped_column(String(64), index=True)
    source: Mapped[str] = mapped_column(Text)
    options: Mapped[str] = mapped_column(Text, default="{}")  # PipelineOptions as JSON
    owner: Mapped[str] = mapped_column(String(120), default="system")
    priority: Mapped[int] = mapped_column(Integer, default=0)
    backend: Mapped[str] = mapped_column(String(8), default="db")  # "db" | "rq": who carries the work
    state: Mapped[str] = mapped_column(String(16), default=JobState.queued, index=True)
    stage: Mapped[str | None] = mapped_column(String(32), nullable=True)
    percent: Mapped[float] = mapped_column(Float, default=0.0)
    eta_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    error_kind: Mapped[str | None] = mapped_column(String(64), nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    max_attempts: Mapped[int] = mapped_column(Integer, default=3)
    timeout_s: Mapped[float] = mapped_column(Float, default=6 * 3600.0)
    cancel_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    # Epoch seconds, compared in SQL: portable across SQLite and PostgreSQL without timezone pitfalls.
    not_before: Mapped[float] = mapped_column(Float, default=0.0)  # retry backoff
    lease_until: Mapped[float | None] = mapped_column(Float, nullable=True)  # running job: worker alive until
    lease_token: Mapped[str | None] = mapped_column(String(40), nullable=True)  # fences a stale worker out
    worker: Mapped[str | None] = mapped_column(String(200), nullable=True)
    carrier_id: Mapped[str | None] = mapped_column(String(80), nullable=True)  # the RQ job carrying it, if any
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


@dataclass
class JobStatus:
    """A snapshot of one job for the web app and the CLI."""

    id: int
    meeting_id: str
    state: JobState
    stage: str | None
    percent: float
    position: int | None  # 1 = next to start; only while queued
    error: str | None
    attempts: int
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    eta_s: float | None
    owner: str = "system"
    priority: int = 0
    error_kind: str | None = None

    @classmethod
    def from_row(cls, row: Job, position: int | None = None) -> JobStatus:
        return cls(
            id=row.id,
            meeting_id=row.meeting_id,
            state=JobState(row.state),
            stage=row.stage,
            percent=round(row.percent or 0.0, 1),
            position=position,
            error=row.error,
            attempts=row.attempts,
            created_at=as_utc(row.created_at) or utcnow(),
            started_at=as_utc(row.started_at),
            finished_at=as_utc(row.finished_at),
            eta_s=row.eta_s,
            owner=row.owner,
            priority=row.priority,
            error_kind=row.error_kind,
        )


class Task(Base):
    """A short piece of work on one meeting beside the web app (minutes regeneration, voice profiles).

    Kept in the database like a job, so one cut off by a restart runs again when the app starts.
    """

    __tablename__ = "tasks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    meeting_id: Mapped[str] = mapped_column(String(64), index=True)
    owner: Mapped[str] = mapped_column(String(120), default="system")
    state: Mapped[str] = mapped_column(String(16), default=JobState.queued)
    result: Mapped[str | None] = mapped_column(Text, nullable=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
