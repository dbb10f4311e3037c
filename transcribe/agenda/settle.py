"""Which § a decision (or action) was settled under: the item being treated at its own sentence.

The rules extractor cites whole passages, and the aligner starts an item at the head of the turn that
announces it (a reply like "Klubbat." opens the same turn). A decision the chair states before the
transition in that turn ("Då beslutar vi så, och går vidare till punkt fem", "Klubbat. Nästa punkt …")
closes the item before, so the decision is placed by the sentence that says it, not by its passage's
start, and one said ahead of the announcement belongs to the item treated before.
"""

from __future__ import annotations

from transcribe.agenda.align import Alignment, Unit
from transcribe.agenda.phrases import ANNOUNCEMENT, SETTLES
from transcribe.agenda.topics import overlap
from transcribe.sv.text import content_words, stem

EPS = 0.01  # item times are rounded to 1/100 s


def saying_sentence(text: str, units: list[Unit]) -> Unit:
    """The sentence of a passage that says the decision: the most of its words, else the passage's first."""
    words = {stem(w) for w in content_words(text)}
    best = max(units, key=lambda u: len(overlap(words, u.stems)))
    return best if overlap(words, best.stems) else units[0]


def settled_under(alignment: Alignment, units: list[Unit], segment_id: int, text: str, at: float) -> str | None:
    """The item number a decision `text`, cited last by `segment_id` (starting at `at`), belongs to; None for
    Övrigt."""
    own = [u for u in units if u.seg_id == segment_id]
    if not own:
        return alignment.item_at(at)
    u = saying_sentence(text, own)
    number = alignment.item_at(u.start + EPS)
    span = alignment.item(number) if number else None
    if span is None or span.start is None or span.announced is None:
        return number
    before = u.start < span.announced - EPS  # a reply ahead of the announcement, in the turn opening the item
    if not before and abs(u.start - span.announced) < EPS:  # "Då beslutar vi så och går vidare till …"
        cue = ANNOUNCEMENT.search(u.low)
        before = cue is not None and bool(SETTLES.search(u.low[: cue.start()]))
    return alignment.item_at(span.start - EPS) if before else number
