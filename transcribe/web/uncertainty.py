"""Graded recognition uncertainty on the review page, by the meeting-relative level `confidence.level` sets.

A word is marked only when it is clearly worse than the meeting's typical word; words under the
fixed cut but not clearly worse than the meeting stay available behind a toggle.
"""

from __future__ import annotations

from transcribe.confidence import Level
from transcribe.minutes.model import Minutes
from transcribe.minutes.summary import all_items
from transcribe.transcript import Segment


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
