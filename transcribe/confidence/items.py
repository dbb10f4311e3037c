"""Minutes items scored against the words they rest on: which decisions, actions and conclusions a
person must check against the audio, and why (the thresholds are in `transcribe.confidence`).

A flag is worth something only when it is selective, so an item is flagged for the words that carry
its meaning, not for any unsure word near it: a negation, or a word where a lost negation would have
stood beside the decision verb; the decision verb itself; the numbers, dates and names among the
item's own words; the item's own words as a whole. "Unsure" is relative to the meeting: a word below
a share of the meeting's median probability (never above the fixed cut), because a recogniser that
hears a whole meeting poorly gives every word a low probability and a fixed cut then flags everything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from transcribe.confidence import (
    CUE_LOW,
    CUE_RATIO,
    GAP_S,
    LOW_PASSAGE,
    MAX_REASONS,
    NEGATION_LOW,
    NEGATIONS,
    OVERLAP_FACTOR,
    PASSAGE_RATIO,
    REVIEW_BELOW,
    SLOT_RATIO,
    level,
)
from transcribe.confidence.reasons import say
from transcribe.minutes.model import REVIEW_PREFIX, Action, Conclusion, Decision, Item, Minutes, OpenItem
from transcribe.sv.calendar import MONTH_NAMES, WEEKDAY_NAMES
from transcribe.sv.numbers import cardinal, ordinal
from transcribe.sv.text import content_words, stem
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
_SUBJECTS = frozenset({"vi", "ni", "de", "jag", "man", "hon", "han", "styrelsen", "nämnden", "mötet", "gruppen"})
_NOT_NAMES = frozenset({"Jag", "Vi", "Ni", "Du", "De", "Det", "Den", "Och", "Men", "Så", "Då", "Ja", "Nej"})


def _norm(text: str) -> str:
    return re.sub(r"[^\wåäöéü:-]", "", text.strip().lower())


def _show(word: Word) -> str:
    """The word as a reader will look for it: no surrounding punctuation."""
    return word.text.strip().strip(".,!?;:\"'()") or word.text.strip()


def _ends_sentence(word: Word) -> bool:
    return word.text.strip().endswith((".", "!", "?"))


@dataclass
class Assessment:
    confidence: float
    reasons: list[str]


@dataclass(frozen=True)
class Cuts:
    """Below which probability a word carrying an item's meaning is doubtful in this meeting."""

    cue: float  # a number, date or name among the item's words, or the decision verb
    slot: float  # a negation, or a word beside the decision verb where a lost negation would have stood
    passage: float  # the mean of the item's own words

    @classmethod
    def of(cls, transcript: Transcript, cue_ratio: float = CUE_RATIO, slot_ratio: float = SLOT_RATIO,
           passage_ratio: float = PASSAGE_RATIO) -> Cuts:  # fmt: skip
        median = level(transcript).median
        return cls(min(CUE_LOW, cue_ratio * median), min(NEGATION_LOW, slot_ratio * median),
                   min(LOW_PASSAGE, passage_ratio * median))  # fmt: skip


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


def _cue_kind(words: list[Word], i: int, names: set[str]) -> str | None:
    raw = _show(words[i])
    low = raw.lower()
    if low in NEGATIONS:
        return "negation"
    if re.search(r"\d", raw) or low in _NUMBER_WORDS:
        return "number"
    if low in _DATE_WORDS:
        return "date"
    sentence_start = i == 0 or _ends_sentence(words[i - 1])
    if raw[:1].isupper() and raw not in _NOT_NAMES and (not sentence_start or low in names):
        return "name"
    return None


def _span(words: list[Word], item_stems: set[str], item_words: set[str], names: set[str]) -> tuple[int, int]:
    """Index range of the words that say the item (first to last of its own content words, cue words and
    decision verb), else the whole segment. Function words the item shares with its neighbours do not count."""
    hits = []
    for i, w in enumerate(words):
        n = _norm(w.text)
        if not n:
            continue
        if stem(n) in item_stems or _DECISION_VERB.match(n) or (n in item_words and _cue_kind(words, i, names)):
            hits.append(i)
    return (min(hits), max(hits) + 1) if hits else (0, len(words))


_CUE_LABEL = {"negation": "ordet", "number": "talet", "date": "datumet", "name": "namnet"}


def _decision_slots(words: list[Word], lo: int, hi: int, cut: float) -> list[str]:
    """Reasons from the places beside a decision verb where a lost negation would hide: the word before
    it ("har [inte] beslutat"), after it or its subject ("beslutar [inte]", "då beslutar vi [inte]") and
    after its "att" ("beslutar (vi) att [inte]")."""
    reasons: list[str] = []
    for v in range(lo, hi):
        verb = _norm(words[v].text)
        if not _DECISION_VERB.match(verb):
            continue
        slot, k = [v - 1, v + 1], v + 1
        if k < len(words) and _norm(words[k].text) in _SUBJECTS:  # "då beslutar vi [inte]": subject after the verb
            k += 1
            slot.append(k)
        if k < len(words) and _norm(words[k].text) == "att":  # "beslutar (vi) att [inte]"
            slot.append(k + 1)
        # a slot across a sentence end belongs to the sentence before or after
        slot = [j for j in slot if 0 <= j < len(words) and not _ends_sentence(words[j if j < v else j - 1])]
        for j in slot:
            w = words[j]
            if _norm(w.text) not in NEGATIONS and w.probability < cut:
                where = "före" if j < v else "efter"
                reasons.append(say("slot_unsure", word=_show(w), side=where, verb=verb, p=f"{w.probability:.2f}"))
                break
        for a in range(min([*slot, v]), max([*slot, v])):
            gap = words[a + 1].start - words[a].end
            if gap >= GAP_S:
                reasons.append(say("gap", gap=f"{gap:.1f}", verb=verb))
                break
    return reasons


def _negation_like(words: list[Word], lo: int, hi: int, cut: float) -> list[str]:
    """An unsure word of the decision that sounds like "inte" ("vinter", "inne"): what the recogniser
    writes when it mishears the negation, so the decision may say the opposite of what was decided."""
    for w in words[lo:hi]:
        n = _norm(w.text)
        if len(n) >= 3 and n not in NEGATIONS and w.probability < cut and Levenshtein.distance(n, "inte") <= 2:
            return [say("negation_like", word=_show(w), p=f"{w.probability:.2f}")]
    return []


def assess(item: Item, transcript: Transcript, cuts: Cuts | None = None) -> Assessment:
    """Confidence of one item from its evidence, and the reasons a person must check it."""
    cuts = cuts or Cuts.of(transcript)
    segments = _segments_for(item, transcript)
    text = _item_text(item)
    item_stems = {stem(w) for w in content_words(text)}
    item_words = {_norm(w) for w in text.split() if _norm(w)}
    names = {p.casefold() for s in transcript.speakers if s.name for p in s.name.split()}
    reasons: list[str] = []
    span_probs: list[float] = []
    cue_min = 1.0
    agree = total = 0
    overlap = False
    for seg in segments:
        words = [w for w in seg.words if w.text.strip()]
        overlap |= seg.overlap
        if seg.repaired:
            reasons.append(say("repaired"))
        if not words:
            continue
        lo, hi = _span(words, item_stems, item_words, names)
        span_probs += [w.probability for w in words[lo:hi]]
        for i in range(lo, hi):
            kind = "verb" if isinstance(item, Decision) and _DECISION_VERB.match(_norm(words[i].text)) else None
            kind = kind or _cue_kind(words, i, names)
            if kind is None:
                continue
            p = words[i].probability
            cue_min = min(cue_min, p)
            if p >= (cuts.slot if kind == "negation" else cuts.cue):
                continue
            if kind == "verb":
                reasons.append(say("verb_unsure", word=_show(words[i]), p=f"{p:.2f}"))
            else:
                reasons.append(say("cue_unsure", what=_CUE_LABEL[kind], word=_show(words[i]), p=f"{p:.2f}"))
        if isinstance(item, Decision):
            reasons += _decision_slots(words, lo, hi, cuts.slot) + _negation_like(words, lo, hi, cuts.slot)
        total += len(words)
        agree += sum(1 for w in words if w.speaker in (None, seg.speaker))
    mean = sum(span_probs) / len(span_probs) if span_probs else 1.0
    if span_probs and mean < cuts.passage:
        reasons.append(say("passage_unsure", p=f"{mean:.2f}"))
    if overlap:
        reasons.append(say("overlap"))
    attribution = (agree / total if total else 1.0) * (OVERLAP_FACTOR if overlap else 1.0)
    if item.confidence * attribution < REVIEW_BELOW:
        reasons.append(say("low_confidence", p=f"{item.confidence * attribution:.2f}"))
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


def score_minutes(minutes: Minutes, transcript: Transcript, cuts: Cuts | None = None) -> Minutes:
    """A copy of `minutes` whose decisions, actions, open items, next meeting and conclusions carry
    confidence from their evidence and are flagged for review where the audio must be checked.

    Flags are only added: an item the extractor flagged stays flagged (its reason is kept), and an
    item a person already accepted or edited is left as it is. Themes and mood are summaries of
    many passages and keep their own confidence.
    """
    out = minutes.model_copy(deep=True)
    cuts = cuts or Cuts.of(transcript)
    for item in _items(out):
        if item.status in ("accepted", "edited"):
            continue
        a = assess(item, transcript, cuts)
        item.confidence = a.confidence
        if not a.reasons:
            continue
        earlier = item.review_reason if item.needs_review and item.review_reason else None
        text = REVIEW_PREFIX + "; ".join(a.reasons)
        if earlier and not earlier.startswith(REVIEW_PREFIX) and earlier.lower() not in text.lower():
            text += f" ({earlier})"
        item.needs_review, item.review_reason = True, text
    return out
