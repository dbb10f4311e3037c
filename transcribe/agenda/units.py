"""The transcript as the aligner reads it: sentences with times ("units"), and the alignment it returns (each
agenda item's span, the talk outside any item, the passages where an item was taken up again)."""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel, Field

from transcribe.agenda.numbers import heard_as_punkt
from transcribe.sv.text import content_words, sentences, stem
from transcribe.transcript import Transcript


@dataclass
class Unit:
    """One sentence of the transcript with its estimated time."""

    idx: int
    seg_id: int
    start: float
    end: float
    text: str
    speaker: str | None
    low: str = ""
    stems: set[str] = field(default_factory=set)


class ItemSpan(BaseModel):
    number: str
    title: str
    kind: str | None = None
    level: int = 0
    parent: str | None = None
    start: float | None = None
    end: float | None = None
    segment_ids: list[int] = Field(default_factory=list)
    treated: bool = False
    order: int | None = None  # position among the treated items, in meeting order
    score: float = 0.0  # evidence for the chosen start (higher is surer)
    cue: str = ""  # the sentence that started it
    announced: float | None = None  # when the chair announced it, after a reply that opens the same turn


class Alignment(BaseModel):
    items: list[ItemSpan] = Field(default_factory=list)
    other_segments: list[int] = Field(default_factory=list)  # Övrigt: talk outside any item
    other_spans: list[tuple[float, float]] = Field(default_factory=list)
    by_time: bool = False  # placed by order and time only: the words were unrecognisable (fallback.py)
    returns: list[tuple[float, float, str]] = Field(default_factory=list)  # an item taken up again: from, to, number

    def item(self, number: str) -> ItemSpan | None:
        return next((i for i in self.items if i.number == number), None)

    def item_at(self, t: float) -> str | None:
        """The (leaf) item being treated at time t; None for Övrigt."""
        for it in self.items:
            if it.treated and not self._has_children(it) and it.start is not None and it.end is not None:
                if it.start <= t < it.end:
                    return it.number
        return None

    def returned_at(self, t: float) -> str | None:
        """The item taken up again at time t, after the talk had moved on ("Då går vi tillbaka till punkt fem")."""
        return next((n for a, b, n in self.returns if a <= t < b), None)

    def _has_children(self, item: ItemSpan) -> bool:
        return any(i.parent == item.number for i in self.items)


def build_units(transcript: Transcript) -> list[Unit]:
    """Sentences with times: from word timestamps when present, else by character share."""
    units: list[Unit] = []
    for seg in transcript.segments:
        text = seg.text.strip()
        if not text:
            continue
        parts = sentences(text) or [text]
        words = [w for w in seg.words if w.text.strip()]
        n_words = sum(len(p.split()) for p in parts)
        pos_chars, pos_words = 0, 0
        for p in parts:
            if words and len(words) == n_words:
                start = words[pos_words].start
                end = words[min(pos_words + len(p.split()), len(words)) - 1].end
            else:
                share = (seg.end - seg.start) / max(len(text), 1)
                start = seg.start + share * pos_chars
                end = start + share * len(p)
            units.append(Unit(len(units), seg.id, start, max(end, start), p, seg.speaker))
            pos_chars += len(p) + 1
            pos_words += len(p.split())
    for u in units:
        u.low = heard_as_punkt(u.text.lower())
        u.stems = {stem(w) for w in content_words(u.text)}
    return units
