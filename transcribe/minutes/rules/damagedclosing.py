"""The chair's bare closing ("Då gör vi så.", "Så säger vi det.", "Då kör vi på det.") read back when one or two of
its words were misheard or lost: aligned slot by slot against the heard words, each word off either one the
recogniser was unsure of or one the grammar of the slot rules out (see `_slot_slip`). Read as the closing meant
and flagged "Kontrollera mot ljudet" (the repair is kept)."""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.fuzzy import NEGATIONS, Repair, known_word
from transcribe.minutes.rules.framewords import AUXILIARIES, CONDITIONAL, NO_FRONT, PERSONS, cap, lead

# The chair's bare closings, slot by slot: "Då gör vi så.", "Så säger vi det.", "Då kör vi på det.", "Så gör vi."
_CLOSINGS = (
    (("då", "så"), ("gör", "säger", "kör"), ("vi",), ("så", "det")),
    (("då", "så"), ("kör",), ("vi",), ("på",), ("det",)),
    (("så",), ("gör",), ("vi",)),
)
_VERB_SLOT, _WE_SLOT = 1, 2
_NOT_SLIPS = frozenset("det den dem detta som och att".split())


def _own_verb(word: str) -> bool:
    """A present-tense verb of everyday Swedish ("går", "tar", "hinner"), said as heard however unsure; "kär" for
    "kör" is no verb."""
    if not word.endswith("r") or not known_word(word):
        return False
    inf = word[:-1] if word.endswith("ar") else word[:-2] + "a" if word.endswith("er") else word[:-1]
    return known_word(inf)


def _slot_slip(slot: int, heard: str) -> bool:
    """Could the unsure word `heard` stand for the closing's word in this slot? Never a negation, a condition, a
    person other than the group or a verb of its own ("Då <går> vi.", "Då gör <jag> det." are what was said)."""
    if slot == _WE_SLOT:  # "ni", "vie", "i": never a preposition ("Kör på det." is a reply as heard)
        return heard == "ni" or heard.startswith("vi") or heard in ("i", "e", "ve") or _loose_we(heard)
    if heard in NEGATIONS or heard in CONDITIONAL or heard in AUXILIARIES or _own_verb(heard):
        return False
    if heard in PERSONS or heard in _NOT_SLIPS or cues.is_body(heard):
        return False  # "Då <det> vi se" was "Då får vi se": a pronoun is no verb heard wrong
    return len(heard) <= 4 or not known_word(heard)


# The object forms: never the subject, however surely heard ("Så gör <sig>." was "Så gör vi.")
_OBJECT_FORMS = frozenset("oss sig mig dig".split())
# Words that never stand as a finite verb: a preposition, an article, a conjunction ("Då gick vi", "Då vet vi det"
# have verbs of their own, whatever their ending)
_NO_VERB = frozenset("i på med till av för från mot vid en ett men om".split())


def _ruled_out(slot: int, heard: str) -> bool:
    """The grammar puts `heard` out of the closing's slot however surely the recogniser heard it: after the fronted
    "då" comes the finite verb (V2), so no Swedish word, a preposition, an article or a conjunction there ("Då
    <patier> vi så.", "Då <med> vi så.") is the verb misheard; an object form is no subject ("Bra, då gör <dig>
    så."); and a word that never opens a statement alone ("<Att> gör vi det.") is the front word misheard."""
    if slot == _WE_SLOT:
        return heard in _OBJECT_FORMS
    if slot == 0:
        return (heard in NO_FRONT or not known_word(heard)) and heard not in AUXILIARIES and heard not in CONDITIONAL
    return slot == _VERB_SLOT and _slot_slip(slot, heard) and (heard in _NO_VERB or not known_word(heard))


def _loose_we(heard: str) -> bool:
    """'Då kör <tur> så': a short word that is no person, preposition or negation, for "vi" (see _closing_at)."""
    return len(heard) <= 4 and not (
        heard in PERSONS or heard in NO_FRONT or heard in _NOT_SLIPS or heard in NEGATIONS or heard in CONDITIONAL
        or heard in AUXILIARIES or cues.is_body(heard)
    )  # fmt: skip


# What may follow the chair's closing: when it holds ("Då kör vi så från måndag.", "..., från och med nästa vecka.")
_WHEN_AFTER = frozenset(
    "från till i på med under efter tills redan direkt nu måndag tisdag onsdag torsdag fredag lördag söndag".split()
)


def _align(lows: list[str], closing: tuple[tuple[str, ...], ...], unsure: set[str]) -> tuple[str, ...] | None:
    """The fewest edits (at most two) turning the heard words into the closing: an unsure word in a slot ("sub") or
    extra, a word of the closing lost ("del"); per slot what was heard there, the most slots heard as said ("hit")."""
    best: dict[tuple[int, int], tuple[int, tuple[str, ...]]] = {(0, 0): (0, ())}
    for i in range(len(lows) + 1):
        for j in range(len(closing) + 1):
            if (i, j) not in best:
                continue
            cost, ops = best[(i, j)]
            steps = []
            if i < len(lows) and j < len(closing):
                if lows[i] in closing[j]:
                    steps.append((i + 1, j + 1, cost, (*ops, "hit")))
                elif lows[i] in unsure and _slot_slip(j, lows[i]):
                    steps.append((i + 1, j + 1, cost + 1, (*ops, "sub")))
                elif _ruled_out(j, lows[i]):
                    steps.append((i + 1, j + 1, cost + 1, (*ops, "ruled")))  # heard surely, but not there
            if j < len(closing):
                steps.append((i, j + 1, cost + 1, (*ops, "del")))  # a word of the closing lost
            if i < len(lows) and lows[i] in unsure and _slot_slip(-1, lows[i]):
                steps.append((i + 1, j, cost + 1, ops))  # an extra word heard
            for a, b, c, o in steps:
                old = best.get((a, b))
                if c <= 2 and (old is None or (c, -o.count("hit")) < (old[0], -old[1].count("hit"))):
                    best[(a, b)] = (c, o)
    end = best.get((len(lows), len(closing)))
    return end[1] if end is not None and end[0] > 0 else None


def damaged_closing(text: str, unsure: set[str]) -> tuple[str, list[Repair]] | None:
    """'Då <mest> <ni> så.', '<I> gör <i> så.', 'Då vi <men>.', '<-Då> säger <-vi> så.': the chair's bare closing
    with two of its words misheard or lost, each word heard the closing's own or unsure, its last word not lost, "vi"
    lost only from "säger så" ("Gör så." is said to one member); or with one word off and when it holds after it
    ("Då kör <tur> så måndag."). Read as the closing meant ("Då gör vi så.") and flagged."""
    if text.rstrip().endswith("?"):
        return None
    toks, lows, k = lead(text)
    if NEGATIONS & set(lows) or len(lows) - k < 2:
        return None
    ends = [n for n in range(k + 2, len(lows)) if lows[n] in _WHEN_AFTER and len(lows) - n <= 6]
    # "Då <man> vi så, affischerna lämnas till återvinning.": the closing, a comma, and the matter it settles
    ends += [n for n in range(k + 2, min(len(lows) - 1, k + 6)) if text[toks[n - 1].end() :].startswith(",")]
    for end in [len(lows), *ends]:
        found = _closing_at(text, toks, lows[k:end], unsure, k, 2 if end == len(lows) else 1)
        if found is not None:
            fixed, repairs = found
            return (fixed + text[toks[end - 1].end() :] if end < len(lows) else f"{fixed}."), repairs
    return None


def _closing_at(text: str, toks: list[re.Match[str]], words: list[str], unsure: set[str], k: int, edits: int
                ) -> tuple[str, list[Repair]] | None:  # fmt: skip
    """The closing `words` (the sentence's from `k`) read as meant with at most `edits` words misheard or lost
    (one when something follows it), without its full stop, and the repair."""
    if not 2 <= len(words) <= 5:
        return None
    for closing in _CLOSINGS:
        ops = _align(words, closing, unsure)
        if ops is None or ops.count("hit") < 2 or ops[-1] == "del":
            continue
        if len(closing) == 3 and (ops[_WE_SLOT] == "sub" or ops[0] == "del"):
            continue  # "Så gör <ni>.": how the members are to do it, as said; "<-Så> gör vi." is cueframes' lost "då"
        if "ruled" in ops and ops.count("hit") < len(closing) - 1:
            continue  # a word heard surely is read as another only when the rest of the closing was heard as said
        if edits < 2 and (len(words) != len(closing) or ops.count("hit") < len(closing) - edits):
            continue  # "Då kör vi <i> <gång> med det": more than one word off before what follows is no closing
        loose = ops[_WE_SLOT] == "sub" and words[_WE_SLOT] != "ni" and _loose_we(words[_WE_SLOT])
        if loose and ops != ("hit", "hit", "sub", *("hit",) * (len(closing) - 3)):
            continue  # "Då kör <tur> så": the group's place heard wrong only when the rest of the closing was heard
        verb = next((w for w in words if w in closing[_VERB_SLOT]), closing[_VERB_SLOT][0])
        if ops[_WE_SLOT] == "del" and (verb != "säger" or ops[_VERB_SLOT] != "hit"):
            continue
        if ops[_VERB_SLOT] == "del" and "del" in (ops[_WE_SLOT], ops[0]):
            continue  # "Då vi." / "vi så": too little left of the closing
        meant = [words[0] if words[0] in closing[0] else closing[0][0], verb, *(w[0] for w in closing[2:])]
        meant[-1] = words[-1] if words[-1] in closing[-1] else meant[-1]
        lead = text[: toks[k].start()]
        heard = text[toks[k].start() : toks[k + len(words) - 1].end()]
        return f"{lead}{cap(meant[0], lead)} {' '.join(meant[1:])}", [Repair(heard, " ".join(meant), "decision")]
    return None
