"""The audit log: who uploaded, viewed, edited, approved, exported or deleted what, and when."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, Integer, String, Text, select
from sqlalchemy.orm import Mapped, mapped_column

from transcribe.db import Base, session

ACTIONS = (
    "upload", "view", "edit", "approve", "export", "delete", "login", "login_failed",
    "retention_delete", "job_failed", "job_retry", "job_cancel", "profile_enroll", "profile_forget",
    "rename_speaker", "merge_speakers", "split_speaker", "reassign_turn",
    "logout", "user_create", "user_disable", "user_enable", "user_delete", "user_password", "user_role",
    "llm_settings",
)  # fmt: skip


class AuditEvent(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=lambda: datetime.now(UTC), index=True)
    user: Mapped[str] = mapped_column(String(120), default="system")
    action: Mapped[str] = mapped_column(String(40), index=True)
    target: Mapped[str] = mapped_column(String(200), default="")  # e.g. "meeting:12"
    detail: Mapped[str] = mapped_column(Text, default="")


def record(action: str, target: str = "", user: str = "system", detail: str = "") -> None:
    """Append one event; never rewrites earlier ones."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    with session() as s:
        s.add(AuditEvent(action=action, target=target, user=user, detail=detail))


def events(target: str | None = None, limit: int = 500) -> list[AuditEvent]:
    with session() as s:
        q = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)
        if target:
            q = q.where(AuditEvent.target == target)
        return list(s.scalars(q))


def last_actor(target: str, action: str) -> str | None:
    """Who last did `action` to `target`, or None when nobody did."""
    with session() as s:
        q = select(AuditEvent.user).where(AuditEvent.target == target, AuditEvent.action == action)
        return s.scalars(q.order_by(AuditEvent.id.desc()).limit(1)).first()


def took_part(target: str, user: str, besides: str) -> bool:
    """Whether `user` did anything to `target` other than `besides`, however long ago: a long history of
    others' edits must not hide it."""
    with session() as s:
        q = select(AuditEvent.id).where(AuditEvent.target == target, AuditEvent.user == user,
                                        AuditEvent.action != besides)  # fmt: skip
        return s.scalars(q.limit(1)).first() is not None
