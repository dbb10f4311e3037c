"""The transcript: the typed record every stage reads and writes.

Pydantic models so that JSON written by one stage (or edited by a person in the
web app) is validated when the next stage reads it, and round-trips losslessly.
"""

from __future__ import annotations

from pydantic import BaseModel, Field


class Word(BaseModel):
    start: float
    end: float
    text: str
    probability: float = 1.0
    speaker: str | None = None


class Segment(BaseModel):
    id: int
    start: float
    end: float
    text: str
    words: list[Word] = Field(default_factory=list)
    speaker: str | None = None
    # True when another speaker talks at the same time (kept, not dropped).
    overlap: bool = False
    # Decoder statistics, kept so later stages can judge how much to trust a passage.
    avg_logprob: float | None = None
    no_speech_prob: float | None = None
    # Set when the repetition guard had to cut or re-decode this passage.
    repaired: bool = False

    @property
    def duration(self) -> float:
        return max(0.0, self.end - self.start)


class SpeakerInfo(BaseModel):
    """A diarised speaker label and what we know about the person behind it."""

    label: str
    name: str | None = None
    role: str | None = None
    # Where the name came from: "user", "introduction", "profile", ...
    name_source: str | None = None
    # Proposal awaiting a reviewer's confirmation (e.g. from a voice profile).
    proposed_name: str | None = None
    proposal_score: float | None = None


class Transcript(BaseModel):
    source: str = ""
    language: str = "sv"
    duration: float = 0.0
    model: str = ""
    segments: list[Segment] = Field(default_factory=list)
    speakers: list[SpeakerInfo] = Field(default_factory=list)
    # Free metadata: title, date, place given by the user, timings per stage...
    metadata: dict[str, str] = Field(default_factory=dict)

    # --- serialisation -------------------------------------------------
    def to_json(self, indent: int | None = 2) -> str:
        return self.model_dump_json(indent=indent)

    @classmethod
    def from_json(cls, text: str | bytes) -> Transcript:
        return cls.model_validate_json(text)

    # --- convenience ---------------------------------------------------
    @property
    def text(self) -> str:
        return " ".join(s.text.strip() for s in self.segments if s.text.strip())

    def speaker_name(self, label: str | None) -> str:
        """Display name for a speaker label; falls back to the label itself."""
        if label is None:
            return ""
        for info in self.speakers:
            if info.label == label:
                if info.name:
                    return info.name
                # An unconfirmed voice-profile match reads as a question to the reviewer.
                return f"{info.proposed_name}?" if info.proposed_name else info.label
        return label

    def speaker_labels(self) -> list[str]:
        """Labels in order of first appearance."""
        seen: list[str] = []
        for seg in self.segments:
            if seg.speaker and seg.speaker not in seen:
                seen.append(seg.speaker)
        return seen

    def speaking_time(self) -> dict[str, float]:
        totals: dict[str, float] = {}
        for seg in self.segments:
            if seg.speaker:
                totals[seg.speaker] = totals.get(seg.speaker, 0.0) + seg.duration
        return totals

    def segment(self, seg_id: int) -> Segment | None:
        for seg in self.segments:
            if seg.id == seg_id:
                return seg
        return None

    def renumber(self) -> None:
        """Give segments consecutive ids after splitting or merging."""
        for i, seg in enumerate(self.segments):
            seg.id = i
