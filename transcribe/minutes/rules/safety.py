"""Negation safety: a decision must never come out confidently inverted because an "inte" was lost.

A recogniser drops short function words most easily, and "inte" is one. A decision read
without its negation looks perfectly well formed, so the text alone cannot tell; the
passage around it can. These checks give a reason to check the audio when:

* the decision clause holds a word that normally needs a negation ("att anordna något
  sommarläger", "heller", "alls", "längre");
* the passage around it argues against the same thing ("vi har inte hittat några ledare",
  "jag vill inte byta"), so the decision may have been a refusal;
* the decision cue itself was repaired from a misheard word (low word probabilities right
  around the decision verb are checked by transcribe/confidence/items.py);
* the same decision is stated both with and without a negation.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from transcribe.minutes import cues
from transcribe.minutes.fuzzy import lost_negation_hint
from transcribe.minutes.model import REVIEW_PREFIX
from transcribe.minutes.rules.utterances import Utt, stems
from transcribe.sv.calendar import MONTHS, WEEKDAYS
from transcribe.sv.numbers import CARDINALS, ORDINALS
from transcribe.sv.text import stem

PREFIX = REVIEW_PREFIX
_AGAINST = (cues.NEG, cues.REJECTED, cues.HEDGE, cues.UNDECIDED)
_CUE_KINDS = frozenset({"decision", "split"})


def negative(text: str) -> bool:
    return bool(cues.NEG.search(text.lower()))


def polarity_conflict(a: str, b: str) -> bool:
    """The same decision said once with and once without a negation."""
    return negative(a) != negative(b)


_DATE_STEMS = frozenset(stem(w) for w in [*MONTHS, *WEEKDAYS, *ORDINALS, *CARDINALS, "klockan", "vecka", "veckan"])
_NOT_AGAINST = re.compile(r"\binte\s+(?:bara|minst|enbart|endast)\b")
_BARE_NO = re.compile(r"^\W*nej(?:\W+(?:nej|tack))?\W*$")
# "Nej, det vet jag.", "Nej, jag förstår.": agreeing with something negative just said, no refusal
# "Några invändningar? Nej.", "Några andra förslag? – Nej.": a "no" to a call for objections is assent
_OBJECTIONS_ASKED = re.compile(
    r"\b(?:några|någon|inga|ingen|något)\s+(?:\w+\s+)?(?:invändningar|invändning|förslag|synpunkter|emot|annan|annat)"
    r"|\bnågon\s+som\s+(?:är\s+)?(?:emot|invänder|har\s+invändningar)|\bnågot\s+mer\b"
)
_KNOWN_NO = re.compile(r"^\W*nej\W+(?:(?:det|jag)\s+)?(?:vet|förstår|hör|håller\s+med)(?:\s+jag)?\b")


def _topic(text: str) -> set[str]:
    """What the sentence is about: its content stems, dates and numbers left out."""
    return {s for s in stems(text) if len(s) >= 4 and s not in _DATE_STEMS}


def _same(x: str, y: str) -> bool:
    """The same word or the same root of a compound: six letters in common ('semesterönskemål' / 'sommarsemest')."""
    if x == y:
        return True
    if min(len(x), len(y)) < 6:
        return False
    m = SequenceMatcher(None, x, y, autojunk=False).find_longest_match(0, len(x), 0, len(y))
    return m.size >= 6


def _overlap(a: set[str], b: set[str]) -> bool:
    """Shared topic, compounds and derivations included ('uppgradera' / 'uppgradering', 'läkemedelsrum')."""
    return any(_same(x, y) for x in a for y in b)


def shared_topic(a: str, b: str) -> int:
    """How many topic words the two share, counted on the side with more ('semesterönskemålen' is two)."""
    ta, tb = _topic(a), _topic(b)
    return max(sum(any(_same(x, y) for y in tb) for x in ta), sum(any(_same(y, x) for x in ta) for y in tb))


def _against(low: str) -> bool:
    """A refusal, a negation or a hedge ('inte bara', 'inte minst' are neither)."""
    if _KNOWN_NO.match(low) and not cues.NEG.search(low[4:]):
        return False
    low = _NOT_AGAINST.sub(" ", low)
    return any(rx.search(low) for rx in _AGAINST)


def doubt(text: str, own: list[Utt], nearby: list[Utt]) -> str | None:
    """Why this (positive) decision may be an inverted refusal; None when nothing suggests it."""
    if negative(text):
        return None
    body = re.sub(r"^\S+\s+(?:beslutade|enades\s+om|sade)\s+", "", text.lower())
    if lost_negation_hint(body):
        return PREFIX + 'beslutet innehåller "något/några/heller" utan nekande – ett "inte" kan ha fallit bort'
    for u in own:
        repaired = [r for r in u.repairs if r.kind in _CUE_KINDS]
        if repaired:
            return PREFIX + f"beslutsordet hördes otydligt ({repaired[0].describe()})"
    topic = _topic(text)
    own_ids = {u.idx for u in own}
    stated = max(own, key=lambda u: u.idx) if own else None
    # "Nej. Vi har inte folk. Jag föreslår att ... Är alla med?" - "Ja." - "Då är det beslutat.": a bare "Nej" just
    # before the proposal counts as much as one before the last words that settled it
    saying = [u for u in own if u is not stated and _overlap(topic, _topic(u.text))]
    asked = {v.idx + 1 for v in nearby if v.is_question and _OBJECTIONS_ASKED.search(v.low)}
    for v in nearby:
        if v.idx in own_ids or v.is_question or (v.idx in asked and _BARE_NO.match(v.low)):
            continue
        # "Nej. Jag föreslår att vi säger nej. Styrelsen beslutar att godkänna ...": a refusal just before, same turn
        adjacent = stated is not None and v.turn == stated.turn and 0 < stated.idx - v.idx <= 2
        if _BARE_NO.match(v.low) and any(v.turn == u.turn and 0 < u.idx - v.idx <= 2 for u in saying):
            adjacent = True
        if _against(v.low) and (adjacent or _overlap(topic, _topic(v.text))):
            quote = v.text if len(v.text) <= 70 else v.text[:67] + "…"
            return PREFIX + f'samtalet runt beslutet talar emot det ("{quote}") – ett "inte" kan ha fallit bort'
    return None
