"""A choice put to the room with its "eller" misheard or lost, read back from the question's grammar.

A matter is often settled by a choice put as a question: "Får P tolv åka till cupen, ja eller nej?", "Ska vi ha
den öppen under lunchen eller inte?". The recogniser often hits the short "eller" ("ja <lov> nej?", "lunchen <vi>
inte?", "lunchen inte?"), and the question no longer offers the two sides the answers pick from. Swedish leaves no
other word there: between "ja" and "nej" closing a question only "eller" stands, and a question opening with its
verb ("Ska vi ...", "Får ...") does not end on "inte" after its object or adverbial, only on "eller inte" (an object
pronoun may stand before it: "Får jag det inte?"). The word heard there (or none) is read as "eller" and flagged;
the "inte" is kept as said.
"""

from __future__ import annotations

import re

from transcribe.minutes.fuzzy import Repair
from transcribe.minutes.rules.utterances import Utt

# "..., ja <lov> nej?": one word between the two answers at the question's end
_YES_NO = re.compile(r"\bja[\s,]+(?P<x>[a-zåäö]+)[\s,]+nej\w?\s*\?\s*$", re.IGNORECASE)
# A question opening with its verb: "Ska vi ...", "Får P tolv ...", "Kan vi ..."
_V1 = re.compile(r"^(?:(?:men|och|så|okej)\b[\s,]*)*(?:ska|skall|får|kan|vill|bör|borde|har|är|blir|tar|gör|kör)\s")
# "... <word> inte?" closing it, and the word before "inte"
_NOT_LAST = re.compile(r"(?P<x>[a-zåäö]+)\s+inte\s*\?\s*$", re.IGNORECASE)
_OBJECT = frozenset("det den dem honom henne mig dig sig oss er".split())
_NO_SUBSTITUTE = frozenset("eller ja nej".split())


def choice_repair(u: Utt) -> tuple[str, list[Repair]] | None:
    """`u`, a question closing on its two sides, with its "eller" read back (see the module), or None."""
    if not u.is_question:
        return None
    m = _YES_NO.search(u.text)
    if m is not None and m.group("x").lower() not in _NO_SUBSTITUTE:
        a, b = m.span("x")
        return u.text[:a] + "eller" + u.text[b:], [Repair(m.group("x"), "eller", "choice")]
    m = _NOT_LAST.search(u.text)
    if m is None or not _V1.match(u.low) or len(u.low[: m.start()].split()) < 4:
        return None  # "Kommer han inte?": the subject right after the verb, an ordinary negated question
    x, before = m.group("x").lower(), u.low[: m.start()].split()[-1].strip(",")
    if x in _OBJECT or x == "eller" or _V1.match(before + " "):
        return None  # "..., eller kan vi inte?": a tag, the verb before its subject
    if x in u.unsure or x in ("vi", "ni", "jag", "du"):  # "lunchen <vi> inte?": the word heard in its place
        a, b = m.span("x")
        return u.text[:a] + "eller" + u.text[b:], [Repair(m.group("x"), "eller", "choice")]
    at = m.end("x")  # "lunchen inte?": lost
    return u.text[:at] + " eller" + u.text[at:], [Repair("", "eller", "choice")]
