"""Typed records for a meeting series and its period report.

The report is a pydantic model first and Markdown/DOCX second, so the JSON can
be reviewed, diffed and rendered again without re-reading any meeting.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field


class SeriesMeeting(BaseModel):
    path: str  # absolute meeting directory (transcript.json, minutes*.json)
    added: dt.datetime


class Series(BaseModel):
    """A named list of meeting directories plus the user's framing text."""

    name: str
    description: str = ""
    purpose: str = ""
    created: dt.datetime
    meetings: list[SeriesMeeting] = Field(default_factory=list)


class Passage(BaseModel):
    """A transcript passage a report line rests on: every one must exist in its meeting."""

    meeting: int  # 1-based position in the series
    segment_id: int
    speaker: str | None = None
    start: float
    end: float
    quote: str


class Member(BaseModel):
    name: str
    role: str | None = None
    attended: list[int] = Field(default_factory=list)  # meeting numbers


class MeetingBlock(BaseModel):
    number: int
    path: str
    title: str
    date: dt.date | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    n_participants: int = 0
    participants: list[str] = Field(default_factory=list)
    description: str = ""
    decisions: list[str] = Field(default_factory=list)
    next_meeting: str | None = None  # Swedish text, e.g. "10 december 2026 kl. 09.00"
    minutes_source: Literal["approved", "draft", "generated", "none"] = "draft"


DecisionStatus = Literal["beslutat", "följt upp", "öppet"]


class DecisionEntry(BaseModel):
    meeting: int
    date: dt.date | None = None
    kind: Literal["beslut", "ej beslutat"]
    text: str
    status: DecisionStatus
    status_reason: str = ""
    followed_up_in: list[int] = Field(default_factory=list)
    follow_ups: list[Passage] = Field(default_factory=list)
    evidence: list[Passage] = Field(default_factory=list)


class ActionEntry(BaseModel):
    meeting: int
    what: str
    owner: str | None = None
    due: dt.date | None = None
    status: Literal["klar", "förfallen", "ej återrapporterad", "ny"]
    open: bool
    reason: str = ""
    done_evidence: list[Passage] = Field(default_factory=list)
    evidence: list[Passage] = Field(default_factory=list)


class RecurringTheme(BaseModel):
    label: str
    keywords: list[str] = Field(default_factory=list)
    meetings: list[int] = Field(default_factory=list)
    headings: list[str] = Field(default_factory=list)
    speaking_time_s: float = 0.0
    share_of_speaking_time: float = Field(default=0.0, ge=0.0, le=1.0)  # of the whole series


class MoodPoint(BaseModel):
    meeting: int
    date: dt.date | None = None
    overall: str = ""
    emotions: dict[str, float] = Field(default_factory=dict)  # emotion -> strongest strength
    valence: float = 0.0  # -1 (negative) .. +1 (positive), from the emotions' strengths


class SeriesReport(BaseModel):
    name: str
    title: str
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    overview: str = ""
    purpose: str = ""
    members: list[Member] = Field(default_factory=list)
    meetings: list[MeetingBlock] = Field(default_factory=list)
    decision_log: list[DecisionEntry] = Field(default_factory=list)
    actions: list[ActionEntry] = Field(default_factory=list)
    themes: list[RecurringTheme] = Field(default_factory=list)
    mood: list[MoodPoint] = Field(default_factory=list)
    mood_trend: str = ""
    conclusions: list[str] = Field(default_factory=list)
    rules: dict[str, str] = Field(default_factory=dict)  # how each status was decided, printed in the report
    generated: dt.datetime

    @property
    def open_actions(self) -> list[ActionEntry]:
        return [a for a in self.actions if a.open]

    def to_json(self, indent: int | None = 2) -> str:
        return self.model_dump_json(indent=indent)
