"""Where the items start when the recognised words say almost nothing: by order and time.

A recogniser that gets nine words in ten wrong leaves neither the chair's transitions nor the item titles
to find, and an aligner that only trusts words reports nearly every item as not treated. Chairs follow the
agenda, though, and give the items roughly equal time: the naive placement (item k of n at k/n of the
recording) is right about half the time. When fewer than FILL_SHARE of the items were found by their
words and the words themselves are mostly no Swedish (under KNOWN_SHARE of them are words Swedish
knows: 0.82-0.91 on true and noisy dev transcripts, 0.46-0.64 from whisper-base on their audio), every
item is placed in agenda order near its share of the time, and a sentence around that time
takes the start when the words still point at the item there. The recogniser's sentences can be long
(twenty seconds and more), so a start need not be one. SPREAD was chosen on the dev meetings' audio
(a turn's beginning or the chair's voice as extra pull did not help there and was left out).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Protocol

from transcribe.agenda.parse import AgendaItem
from transcribe.agenda.units import Alignment, ItemSpan, Unit
from transcribe.minutes.fuzzy import known_word

FILL_SHARE = 0.5  # below this share of items found by their words, the transcript is read by order and time
KNOWN_SHARE = 0.75  # below this share of known Swedish words, the recognition failed
SPREAD = 1.0  # the width of an item's expected start, in item slots
W_TIME = 1.0  # closeness to the expected start, against evidence above threshold


class Timed(Protocol):
    start: float


def unrecognisable(texts: Iterable[str]) -> bool:
    """Mostly no Swedish words: a well-heard meeting that skips most of its agenda keeps them *ej behandlad*."""
    words = [w for t in texts for w in re.findall(r"[a-zåäöé]{3,}", t.lower())]
    return bool(words) and sum(map(known_word, words)) < KNOWN_SHARE * len(words)


def by_time(units: list[Timed], B: list[list[float]], end: float) -> list[float]:
    """One start time per item, strictly increasing: the best of the item's share of the time itself
    and the sentence starts around it (with their evidence above threshold, B > 0)."""
    K = len(B)
    if not K:
        return []
    slot = max(end, 1e-6) / K
    # candidates: (time, unit index or -1 for a bare time)
    cands = sorted([(k * slot, -1) for k in range(K)] + [(u.start, i) for i, u in enumerate(units)])

    def score(k: int, c: int) -> float:
        t, i = cands[c]
        near = W_TIME * math.exp(-0.5 * ((t - k * slot) / (SPREAD * slot)) ** 2)
        return near if i < 0 else near + max(B[k][i], 0.0)

    NEG = -1e18
    C = len(cands)
    f = [[NEG] * C for _ in range(K)]
    back = [[-1] * C for _ in range(K)]
    for k in range(K):
        best, arg, j = (0.0, -1, C) if k == 0 else (NEG, -1, 0)
        for c in range(C):
            while j < C and cands[j][0] < cands[c][0]:  # the item before starts strictly earlier
                if f[k - 1][j] > best:
                    best, arg = f[k - 1][j], j
                j += 1
            if best > NEG / 2:
                f[k][c] = best + score(k, c)
                back[k][c] = arg
    c = max(range(C), key=lambda j: f[K - 1][j])
    out = [0.0] * K
    for k in range(K - 1, -1, -1):
        out[k] = cands[c][0]
        c = back[k][c]
    return out


def from_times(spans: list[ItemSpan], leaves: list[AgendaItem], starts: list[float], units: list[Unit]) -> Alignment:
    """Every item treated, in agenda order, from its start time (by_time); a sentence belongs to
    the item being treated at its middle."""
    by_number = {s.number: s for s in spans}
    end = max(units[-1].end, starts[-1]) if units else starts[-1]
    for k, t in enumerate(starts):
        span = by_number[leaves[k].number]
        span.treated, span.order, span.start = True, k + 1, round(t, 2)
        span.end = round(starts[k + 1] if k + 1 < len(starts) else end, 2)
        span.segment_ids = sorted({u.seg_id for u in units if span.start <= (u.start + u.end) / 2 < span.end})
        span.cue = next((u.text[:200] for u in units if u.start >= t), "")
    for s in spans:  # a parent item spans its sub-items
        kids = [c for c in spans if c.parent == s.number and c.treated]
        if kids:
            s.treated, s.order = True, min(c.order or 0 for c in kids)
            s.start, s.end = kids[0].start, kids[-1].end
            s.segment_ids = sorted({i for c in kids for i in c.segment_ids})
    early = sorted({u.seg_id for u in units if (u.start + u.end) / 2 < starts[0]})
    other_spans = [(0.0, round(starts[0], 2))] if early else []
    return Alignment(items=spans, other_segments=early, other_spans=other_spans, by_time=True)
