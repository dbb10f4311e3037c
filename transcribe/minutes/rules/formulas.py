"""The chair's call for agreement heard with a word or two wrong: read as meant, and flagged.

A matter is often settled by a few fixed words after it: the chair's call for agreement ("Är alla med på det?",
"Någon som har något emot det?", "Kan du leva med det?", "Tummen upp från alla?") and the others' yes. The rules
read the matter from the turns the call ties together, so a call the recogniser damaged ("Alla <har> på <på>?",
"<Dett> du leva med det?", "Tummen upp <rån> alla?") loses the decision although the matter itself was heard. A
question that is such a call with at most two words misheard, lost or added (one in a call of three words or
fewer) is read as the call. The call alone decides nothing: the decision still needs what the rules ask of the
call said whole (a proposal before it, the others' agreement after it, no objection), and its matter must be
heard (RuleState drops a decision tied by a repaired call when half its words or more were heard unsure). A
word read differently must be one the recogniser was unsure of and one it could have made of the call's word:
spelled alike, a short form that is no word of the language, or, in a call of four words or more, a short word
(the recogniser's commonest slips); a longer word is the matter itself. A lost word is a small one inside a
longer call, never its last word nor its "vi", "då" or "så". Never a negation, a person or a deciding body, so
"Kan han leva med det?" and "Är ingen med på det?" stay as heard. The chair's closings read the same way
("Det gör vi <tid>." as "Då gör vi så.") added more false decisions than right ones on the dev meetings and are
left to cueframes.py.
"""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from transcribe.minutes import cues
from transcribe.minutes.fuzzy import NEGATIONS, Repair, known_word, phonetic_key
from transcribe.minutes.rules.cueframes import TOKEN

# The chair's call for agreement: only as a question.
CALLS = tuple(
    tuple(f.split())
    for f in (
        "är alla med på det",
        "alla med på det",
        "är ni med på det",
        "är alla med",
        "är ni med",
        "är vi överens",
        "är vi överens om det",
        "är alla överens",
        "är alla överens om det",
        "är vi eniga",
        "kan vi enas om det",
        "någon som är emot",
        "någon som är emot det",
        "några som är emot det",
        "någon som invänder",
        "någon som har invändningar",
        "någon som har något emot det",
        "har någon något emot det",
        "några invändningar",
        "går det bra",
        "går det för alla",
        "är det okej",
        "är det okej för alla",
        "okej för alla",
        "låter det bra",
        "säger vi så",
        "säger vi det",
        "kör vi på det",
        "ska vi säga så",
        "ska vi köra på det",
        "kan du leva med det",
        "kan ni leva med det",
        "håller ni med",
        "håller alla med",
        "tummen upp från alla",
    )
)
_LEAD = frozenset("ja nej okej ok bra tack och men jo toppen perfekt mm".split())
_TAIL = frozenset("då alltså nu".split())  # "Är alla med på det, då?": said after the formula, kept as heard
_PERSONS = frozenset("jag du ni han hon hen de dom man mig dig sig sin sitt sina".split())


def _slip(heard: str, meant: str, unsure: set[str], long: bool) -> bool:
    """Could the recogniser have made the unsure word `heard` of the formula's word `meant`?"""
    if heard not in unsure or heard in NEGATIONS or meant in NEGATIONS or cues.is_body(heard):
        return False
    if heard in _PERSONS and not (heard == "ni" and meant == "vi"):
        return False  # "Kan han leva med det?" is asked of another
    if meant and (Levenshtein.normalized_similarity(heard, meant) >= 0.5 or phonetic_key(heard) == phonetic_key(meant)):
        return True
    if len(heard) > 5:
        return False  # "Det är <drivrutinen>.": a longer word is the matter itself, however rare
    return not known_word(heard) or (long and len(heard) <= 3)


def _may_be_lost(formula: tuple[str, ...], j: int) -> bool:
    """A small word inside the formula ("Då tar <-jag> det som ett ja"); never its last word ("Då kör vi." starts
    something), its "vi", "då" or "så" ("Kör på det." is a member's reply) nor a word of its own ("överens")."""
    word = formula[j]
    return 0 < j < len(formula) - 1 and len(word) <= 3 and word not in ("vi", "då", "så") and word not in NEGATIONS


def _align(words: list[str], formula: tuple[str, ...], unsure: set[str]) -> tuple[int, int] | None:
    """(edits, words heard as said) of the cheapest reading of `words` as `formula`, within the edits allowed."""
    long = len(formula) >= 4
    most = 2 if long else 1
    # (words read, formula words read, words lost) -> (edits, words heard as said)
    best: dict[tuple[int, int, int], tuple[int, int]] = {(0, 0, 0): (0, 0)}
    for i in range(len(words) + 1):
        for j in range(len(formula) + 1):
            for lost in (0, 1):
                if (i, j, lost) not in best:
                    continue
                cost, hits = best[(i, j, lost)]
                steps = []
                if i < len(words) and j < len(formula):
                    if words[i] == formula[j]:
                        steps.append((i + 1, j + 1, lost, cost, hits + 1))
                    elif _slip(words[i], formula[j], unsure, long):
                        steps.append((i + 1, j + 1, lost, cost + 1, hits))
                if j < len(formula) and long and not lost and _may_be_lost(formula, j):
                    steps.append((i, j + 1, 1, cost + 1, hits))  # one word of a longer formula lost
                if i < len(words) and _slip(words[i], "", unsure, long):
                    steps.append((i + 1, j, lost, cost + 1, hits))  # a word heard that was not said
                for a, b, d, c, h in steps:
                    old = best.get((a, b, d))
                    if c <= most and (old is None or (c, -h) < (old[0], -old[1])):
                        best[(a, b, d)] = (c, h)
    ends = [best[k] for k in ((len(words), len(formula), 0), (len(words), len(formula), 1)) if k in best]
    end = min(ends, key=lambda e: (e[0], -e[1]), default=None)
    if end is None or end[0] == 0 or end[1] < max(2, (len(formula) + 1) // 2):
        return None
    return end


def formula_repair(text: str, unsure: set[str]) -> tuple[str, list[Repair]] | None:
    """The sentence read as the call or closing it was, and the repair made; None when it is none (or whole)."""
    if not text.rstrip().endswith("?"):
        return None
    toks = list(TOKEN.finditer(text))
    lows = [t.group(0).lower() for t in toks]
    k = next((n for n, w in enumerate(lows) if w not in _LEAD), len(lows))
    named = k + 1 < len(toks) and toks[k].group(0)[:1].isupper() and text[toks[k].end() :].startswith(",")
    if named:
        k += 1  # "Gerd, kan du leva med det?": the one asked, named first
    end = len(lows)
    while end > k and lows[end - 1] in _TAIL:
        end -= 1
    words = lows[k:end]
    if not 3 <= len(words) <= 8 or any(w in NEGATIONS for w in words):
        return None
    found = None
    for formula in CALLS:
        if words == list(formula):
            return None
        if abs(len(words) - len(formula)) > 2:
            continue
        got = _align(words, formula, unsure)
        if got is not None and (found is None or (got[0], -got[1]) < (found[0][0], -found[0][1])):
            found = (got, formula)
    if found is None:
        return None
    formula = found[1]
    start = toks[k].start()
    lead = text[:start]
    first = formula[0].capitalize() if not lead.strip() or lead.rstrip().endswith((".", "!", "?")) else formula[0]
    tail = text[toks[end - 1].end() : toks[-1].end()] if end < len(toks) else ""
    meant = " ".join((first, *formula[1:]))
    heard = text[start : toks[end - 1].end()]
    return f"{lead}{meant}{tail}?", [Repair(heard, " ".join(formula), "formula")]
