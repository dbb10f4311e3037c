"""Minutes items scored against the words they rest on: which decisions, actions and conclusions a
person must check against the audio, and why (the thresholds are in `transcribe.confidence`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from transcribe.confidence import (
    CONTEXT_WORDS,
    CUE_LOW,
    GAP_S,
    LOW_PASSAGE,
    MAX_REASONS,
    NEGATION_LOW,
    NEGATIONS,
    OVERLAP_FACTOR,
    REVIEW_BELOW,
)
from transcribe.minutes.model import REVIEW_PREFIX, Action, Conclusion, Decision, Item, Minutes, OpenItem
from transcribe.sv.calendar import MONTH_NAMES, WEEKDAY_NAMES
from transcribe.sv.numbers import cardinal, ordinal
from transcribe.sv.text import stem
from transcribe.transcript import Segment, Transcript, Word

_DECISION_VERB = re.compile(r"^(?:besl[uy]t\w*|bestäm\w*|enas|enades|enats|överens|godkän\w*|klubb\w*|antog|antar)$")
# Number and date words whose mishearing changes what an item says. "en", "ett" and "andra" are left out:
# as articles and "other" they are in nearly every sentence.
_NUMBER_WORDS = frozenset(
    [cardinal(n) for n in (0, *range(2, 20), *range(20, 100, 10))]
    + [ordinal(n) for n in (1, *range(3, 11))]
    + ["hundra", "tusen", "miljon", "miljoner", "halv", "halvtimme", "kvart"]
)
_DATE_WORDS = frozenset([*MONTH_NAMES, *WEEKDAY_NAMES, "idag", "imorgon", "vecka", "veckan"])
_NOT_NAMES = frozenset({"Jag", "Vi", "Ni", "Du", "De", "Det", "Den", "Och", "Men", "Så", "Då", "Ja", "Nej"})


def _norm(text: str) -> str:
    return re.sub(r"[^\wåäöéü:-]", "", text.strip().lower())


def _show(word: Word) -> str:
    """The word as a reader will look for it: no surrounding punctuation."""
    return word.text.strip().strip(".,!?;:\"'()") or word.text.strip()


@dataclass
class Assessment:
    confidence: float
    reasons: list[str]


def _segments_for(item: Item, transcript: Transcript) -> list[Segment]:
    """The evidence segments; by time when ids changed since extraction (edits renumber segments)."""
    out: list[Segment] = []
    for e in item.evidence:
        seg = transcript.segment(e.segment_id)
        if seg is None or seg.end < e.start - 0.05 or seg.start > e.end + 0.05:
            seg = next((s for s in transcript.segments if min(s.end, e.end) - max(s.start, e.start) > 0), None)
        if seg is not None and seg not in out:
            out.append(seg)
    return out


def _item_text(item: Item) -> str:
    if isinstance(item, Action):
        return " ".join(x for x in (item.what, item.owner or "", item.due_text or "") if x)
    if isinstance(item, OpenItem):
        return f"{item.text} {item.reason}"
    return getattr(item, "text", "")


def _window(words: list[Word], item_stems: set[str]) -> tuple[int, int]:
    """Index range of the words that say the item (its own words plus context), else the whole segment."""
    hits = [i for i, w in enumerate(words) if (n := _norm(w.text)) and (
        stem(n) in item_stems or _DECISION_VERB.match(n))]  # fmt: skip
    if not hits:
        return 0, len(words)
    return max(0, min(hits) - CONTEXT_WORDS), min(len(words), max(hits) + CONTEXT_WORDS + 1)


def _cue_kind(words: list[Word], i: int, names: set[str]) -> str | None:
    raw = _show(words[i])
    low = raw.lower()
    if low in NEGATIONS:
        return "negation"
    if re.search(r"\d", raw) or low in _NUMBER_WORDS:
        return "number"
    if low in _DATE_WORDS:
        return "date"
    sentence_start = i == 0 or words[i - 1].text.strip().endswith((".", "!", "?"))
    if raw[:1].isupper() and raw not in _NOT_NAMES and (not sentence_start or low in names):
        return "name"
    return None


_CUE_LABEL = {"negation": "ordet", "number": "talet", "date": "datumet", "name": "namnet"}


def _decision_slots(words: list[Word], lo: int, hi: int) -> list[str]:
    """Reasons from the places around a decision verb where a lost negation would hide."""
    reasons: list[str] = []
    for v in range(lo, hi):
        verb = _norm(words[v].text)
        if not _DECISION_VERB.match(verb):
            continue
        first, last = max(0, v - 2), min(len(words) - 1, v + 2)
        for j in range(v - 1, first - 1, -1):
            if words[j].text.strip().endswith((".", "!", "?")):
                first = j + 1  # the slot ends at the sentence before
                break
        for j in range(v, last):
            if words[j].text.strip().endswith((".", "!", "?")):
                last = j
                break
        for j in range(first, last + 1):
            w = words[j]
            if w.text.strip() and _norm(w.text) not in NEGATIONS and w.probability < NEGATION_LOW:
                if j == v:
                    reasons.append(f'beslutsordet "{_show(w)}" hördes osäkert (p={w.probability:.2f})')
                else:
                    where = "före" if j < v else "efter"
                    reasons.append(
                        f'ordet "{_show(w)}" {where} "{verb}" hördes osäkert '
                        f'(p={w.probability:.2f}) – ett "inte" kan ha fallit bort'
                    )
                break
        for j in range(first, last):
            gap = words[j + 1].start - words[j].end
            if gap >= GAP_S:
                reasons.append(f'{gap:.1f} s utan ord vid "{verb}" – ett ord kan saknas')
                break
    return reasons


def assess(item: Item, transcript: Transcript) -> Assessment:
    """Confidence of one item from its evidence, and the reasons a person must check it."""
    segments = _segments_for(item, transcript)
    item_stems = {stem(_norm(w)) for w in _item_text(item).split() if _norm(w)}
    names = {p.casefold() for s in transcript.speakers if s.name for p in s.name.split()}
    reasons: list[str] = []
    window_probs: list[float] = []
    cue_min = 1.0
    agree = total = 0
    overlap = False
    for seg in segments:
        words = [w for w in seg.words if w.text.strip()]
        overlap |= seg.overlap
        if seg.repaired:
            reasons.append("transkriptionen reparerades här")
        if not words:
            continue
        lo, hi = _window(words, item_stems)
        window_probs += [w.probability for w in words[lo:hi]]
        for i in range(lo, hi):
            kind = _cue_kind(words, i, names)
            if kind is None:
                continue
            p = words[i].probability
            cue_min = min(cue_min, p)
            bar = NEGATION_LOW if kind == "negation" else CUE_LOW
            if p < bar:
                reasons.append(f'{_CUE_LABEL[kind]} "{_show(words[i])}" hördes osäkert (p={p:.2f})')
        if isinstance(item, Decision):
            reasons += _decision_slots(words, lo, hi)
        total += len(words)
        agree += sum(1 for w in words if w.speaker in (None, seg.speaker))
    mean = sum(window_probs) / len(window_probs) if window_probs else 1.0
    if window_probs and mean < LOW_PASSAGE:
        reasons.append(f"passagen hördes osäkert (medel p={mean:.2f})")
    if overlap:
        reasons.append("flera talar samtidigt")
    attribution = (agree / total if total else 1.0) * (OVERLAP_FACTOR if overlap else 1.0)
    confidence = item.confidence * min(mean, cue_min) * attribution
    return Assessment(round(max(0.0, min(1.0, confidence)), 3), _ranked(reasons))


def _ranked(reasons: list[str]) -> list[str]:
    """Unique reasons, negation trouble first, at most MAX_REASONS (a reviewer reads the first ones)."""
    unique = list(dict.fromkeys(reasons))
    order = sorted(unique, key=lambda r: 0 if any(f'"{n}"' in r for n in NEGATIONS) else 1)
    return order[:MAX_REASONS] + (["…"] if len(order) > MAX_REASONS else [])


def _items(m: Minutes) -> list[Item]:
    out: list[Item] = [*m.decisions, *m.actions, *m.not_decided]
    if m.next_meeting is not None:
        out.append(m.next_meeting)
    out += [c for c in m.conclusions if isinstance(c, Conclusion)]
    return out


def score_minutes(minutes: Minutes, transcript: Transcript, threshold: float = REVIEW_BELOW) -> Minutes:
    """A copy of `minutes` whose decisions, actions, open items, next meeting and conclusions carry
    confidence from their evidence and are flagged for review where the audio must be checked.

    Flags are only added: an item the extractor flagged stays flagged (its reason is kept), and an
    item a person already accepted or edited is left as it is. Themes and mood are summaries of
    many passages and keep their own confidence.
    """
    out = minutes.model_copy(deep=True)
    for item in _items(out):
        if item.status in ("accepted", "edited"):
            continue
        a = assess(item, transcript)
        item.confidence = a.confidence
        reasons = a.reasons or ([f"låg säkerhet ({a.confidence:.2f})"] if a.confidence < threshold else [])
        if not reasons:
            continue
        earlier = item.review_reason if item.needs_review and item.review_reason else None
        text = REVIEW_PREFIX + "; ".join(reasons)
        if earlier and not earlier.startswith(REVIEW_PREFIX) and earlier.lower() not in text.lower():
            text += f" ({earlier})"
        item.needs_review, item.review_reason = True, text
    return out
