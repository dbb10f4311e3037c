"""Tables of the people and meetings the web app keeps: users, meetings, shares, the per-meeting change
history, series owners and logins. Outside `transcribe.web` because the job queue reads them too
(retention counts from a meeting's approval date).

The history lives here, not in the global audit log, because it quotes transcript
text (old -> new) and must disappear with the meeting; the audit log keeps only
who did what to which meeting id.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from transcribe.db import Base

ROLES = ("secretary", "facilitator", "admin")


def _now() -> datetime:
    return datetime.now(UTC)


class User(Base):
    __tablename__ = "web_users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True, index=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20), default="secretary")
    lang: Mapped[str] = mapped_column(String(5), default="sv")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


class Meeting(Base):
    __tablename__ = "web_meetings"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)  # also the jobs meeting_id
    title: Mapped[str] = mapped_column(String(300), default="")
    date: Mapped[str] = mapped_column(String(10), default="")  # ISO date as typed
    place: Mapped[str] = mapped_column(String(300), default="")
    original_name: Mapped[str] = mapped_column(String(300), default="")  # display only, never a path
    owner_id: Mapped[int] = mapped_column(ForeignKey("web_users.id"), index=True)
    job_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=0)  # number of approved versions
    approved_by: Mapped[str | None] = mapped_column(String(120), nullable=True)
    approved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class MeetingShare(Base):
    __tablename__ = "web_meeting_shares"

    meeting_id: Mapped[str] = mapped_column(ForeignKey("web_meetings.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("web_users.id", ondelete="CASCADE"), primary_key=True)


class MeetingChange(Base):
    __tablename__ = "web_meeting_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[str] = mapped_column(ForeignKey("web_meetings.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    user: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=0)  # the approved version this change led to / worked on


class SeriesOwner(Base):
    """Who created a meeting series (the series itself is a JSON file, transcribe.series.store).

    Only its creator (and admins) may see a series; one made on the command line has no row here
    and is visible to admins only.
    """

    __tablename__ = "web_series"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("web_users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


class WebSession(Base):
    """A login the server can end: the signed cookie names one of these, and a cookie whose row is gone
    (logout, password change, account disabled) no longer logs anyone in."""

    __tablename__ = "web_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # SHA-256 of the cookie's token
    user_id: Mapped[int] = mapped_column(ForeignKey("web_users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
