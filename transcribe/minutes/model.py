"""The minutes draft: typed, evidence-backed items a reviewer can accept or reject.

Every claim in the minutes points at the transcript segments it came from, so a
reviewer can jump to the audio and nothing is stated without a source.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from transcribe.transcript import Segment, Transcript


class Evidence(BaseModel):
    """One transcript passage backing an item."""

    segment_id: int
    speaker: str | None = None
    speaker_name: str | None = None
    start: float
    end: float
    quote: str

    @classmethod
    def of(cls, seg: Segment, transcript: Transcript) -> Evidence:
        """The whole segment as evidence, with its speaker's name as the transcript knows it."""
        return cls(
            segment_id=seg.id,
            speaker=seg.speaker,
            speaker_name=transcript.speaker_name(seg.speaker) or None,
            start=seg.start,
            end=seg.end,
            quote=seg.text.strip(),
        )


# How a review reason begins when a person must listen to the passage (confidence and the rules' safety checks).
REVIEW_PREFIX = "Kontrollera mot ljudet: "


def check_reason(reason: str | None) -> str:
    """A review reason without its "Kontrollera mot ljudet", which the flag beside it already says."""
    return (reason or "").removeprefix(REVIEW_PREFIX.rstrip(": ")).lstrip(":–- ").strip()


class Item(BaseModel):
    """Common review fields: every item can be traced, flagged and reviewed."""

    id: str = ""
    evidence: list[Evidence] = Field(min_length=1)
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    needs_review: bool = False
    review_reason: str | None = None
    status: Literal["draft", "accepted", "edited", "rejected"] = "draft"
    # Which backend produced the item: the rules, the language model, or the rules worded by the model.
    source: Literal["rules", "llm", "rules+llm"] = "rules"


class Participant(BaseModel):
    label: str
    name: str | None = None
    role: str | None = None


class Theme(Item):
    heading: str
    paragraph: str
    mentions: int = 0
    share_of_speaking_time: float = Field(default=0.0, ge=0.0, le=1.0)
    raised_by: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)


class Emotion(Item):
    emotion: str
    strength: float = Field(ge=0.0, le=1.0)
    theme: str | None = None


class Mood(BaseModel):
    overall: str = ""
    emotions: list[Emotion] = Field(default_factory=list)


class Decision(Item):
    text: str
    proposed_by: str | None = None
    filed_under: str | None = None  # the agenda item (§ number) a reviewer put it under; None: where it was said


class Action(Item):
    what: str
    owner: str | None = None
    due: dt.date | None = None
    due_text: str | None = None


class NextMeeting(Item):
    # A datetime when a clock time was said, a date when only the day was, None when unparseable.
    when: dt.datetime | dt.date | None = None
    text: str


class OpenItem(Item):
    text: str
    reason: str


class Conclusion(Item):
    text: str


class Minutes(BaseModel):
    title: str = "Mötesprotokoll"
    date: dt.date | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    place: str | None = None
    duration_s: float = 0.0
    participants: list[Participant] = Field(default_factory=list)
    n_participants: int = 0
    description: str = ""
    themes: list[Theme] = Field(default_factory=list)
    mood: Mood = Field(default_factory=Mood)
    decisions: list[Decision] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    next_meeting: NextMeeting | None = None
    not_decided: list[OpenItem] = Field(default_factory=list)
    # Free strings are allowed so a reviewer can add a conclusion without evidence.
    conclusions: list[Conclusion | str] = Field(default_factory=list)
    backend: str = "rules"
    notes: list[str] = Field(default_factory=list)

    def to_json(self, indent: int | None = 2) -> str:
        return self.model_dump_json(indent=indent)

    @classmethod
    def from_json(cls, text: str | bytes) -> Minutes:
        return cls.model_validate_json(text)
