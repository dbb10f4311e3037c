"""Per-meeting change history (who changed what, when), deleted with the meeting."""

from __future__ import annotations

from sqlalchemy import select

from transcribe.db import session
from transcribe.web.models import Meeting, MeetingChange


def add_change(meeting_id: str, user: str, action: str, detail: str = "") -> None:
    with session() as s:
        meeting = s.get(Meeting, meeting_id)
        s.add(MeetingChange(meeting_id=meeting_id, user=user, action=action, detail=detail[:4000],
                            version=meeting.version if meeting else 0))


def changes(meeting_id: str) -> list[MeetingChange]:
    with session() as s:
        q = select(MeetingChange).where(MeetingChange.meeting_id == meeting_id).order_by(MeetingChange.id.desc())
        return list(s.scalars(q))
