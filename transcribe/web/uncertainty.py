"""Graded recognition uncertainty for the review page, relative to the meeting's own level.

A fixed cut (p < 0.5) marks nearly every word of a poorly recognised meeting, so the marks say
nothing. Here a word is marked only when it is clearly worse than the meeting's typical word:
below RATIO times the meeting's median word probability (and never above the fixed cut). Words
under the fixed cut but not clearly worse than the meeting stay available behind a toggle.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from transcribe.formats import LOW_CONFIDENCE
from transcribe.minutes.model import Minutes
from transcribe.minutes.summary import all_items
from transcribe.transcript import Segment, Transcript

RATIO = 0.6  # chosen on the dev samples: bench section "uncertainty" (transcribe.bench.uncertainty)
STRONG = 0.5  # a word below half the meeting's cut is marked more strongly


@dataclass(frozen=True)
class Level:
    """The meeting's median word probability and the cut below which a word is marked."""

    median: float
    cut: float

    def grade(self, p: float) -> int:
        """0 sure; 1 uncertain by the fixed cut only; 2 clearly worse than the meeting; 3 far worse."""
        if p < self.cut * STRONG:
            return 3
        if p < self.cut:
            return 2
        return 1 if p < LOW_CONFIDENCE else 0


def level(transcript: Transcript, ratio: float = RATIO) -> Level:
    probs = [w.probability for s in transcript.segments for w in s.words if w.text.strip()]
    median = statistics.median(probs) if probs else 1.0
    return Level(median=median, cut=min(LOW_CONFIDENCE, ratio * median))


def graded_words(seg: Segment, lvl: Level) -> list[tuple[str, int, float]]:
    """(word, grade, probability) for a segment with any uncertain word, else [] (the plain text is shown).

    Edited segments have no word timings and so no grades. The template escapes the words.
    """
    words = [(w.text.strip(), lvl.grade(w.probability), w.probability) for w in seg.words if w.text.strip()]
    return words if any(g for _, g, _ in words) else []


def evidence_segments(minutes: Minutes | None) -> set[int]:
    """Segments behind a minutes item still in the minutes: the passages worth checking first."""
    if minutes is None:
        return set()
    return {e.segment_id for item in all_items(minutes) if item.status != "rejected" for e in item.evidence}
