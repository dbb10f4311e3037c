"""The matter of a sentence put to the room, in its own words: without the false starts and fillers of speech
("Så vi, eh, vi kör... alltså, vi tar …"), the opener ("Så", "Okej", "Bra") and the lead that only puts it ("jag
tycker att vi …", "om jag fattar rätt, …", "vi kör så här, att …").
"""

from __future__ import annotations

import re

OPENER = re.compile(r"^(?:(?:så|och|okej|ok|ja|alltså|men|bra)\b[\s,]*)+", re.IGNORECASE)
# The lead of a plan put to the room, not its matter: "jag tycker (att) vi …", "jag tänkte att …", "jag vill att vi
# …", "om jag fattar rätt, …", "vi kör så här, att …"
_LEAD = re.compile(
    r"^(?:om\s+jag\s+(?:fattar|förstår|har\s+förstått)\s+(?:det\s+)?rätt\s*,?\s*"
    r"|jag\s+(?:tycker|tänkte|tänker|vill)\s+(?:att\s+)?(?=vi\b|[a-zåäö-]+(?:en|et|na)\s)"
    r"|(?:vi\s+kör\s+så\s+här|(?:så\s+)?här\s+(?:gör\s+vi|då)?)\s*[,:]\s*(?:att\s+)?)+",
    re.IGNORECASE,
)
_LATE_LEAD = re.compile(
    r",\s+(?:och\s+|men\s+)?(?P<lead>jag\s+(?:tycker|vill|tänkte)\s+(?:att\s+)?vi\b)", re.IGNORECASE
)
RULE_LEAD = re.compile(r"^(?:vi\s+kör\s+så\s+här|så\s+här\s+gör\s+vi)\s*[,:]")
# A false start or filler in spoken style: "Så vi, eh, vi kör... alltså, vi tar …", ", liksom,"
_FILLER = re.compile(r"\b(?:eh|öh|äh|liksom)\b[,.]*\s*")
_FALSE_START = re.compile(r"^.*(?:\.\.\.|…)\s*(?:alltså\s*,?\s*)?")


def fluent(text: str) -> str:
    """The sentence without its false starts and fillers: 'Så vi, eh, vi kör... alltså, vi tar X' -> 'vi tar X'."""
    text = _FALSE_START.sub("", text.strip())
    text = _FILLER.sub("", text)
    text = re.sub(r"\b(\w+),?\s+\1\b", r"\1", text, flags=re.IGNORECASE)  # "vi, vi kör" -> "vi kör"
    return re.sub(r"\s+,", ",", re.sub(r"\s{2,}", " ", text)).strip(" ,")


def plain(text: str) -> str:
    """The matter of a sentence put to the room: fluent, without its opener and lead, from a lead said after a
    comma ('Det är deras beslut, och jag tycker vi tackar …' -> 'vi tackar …')."""
    text = OPENER.sub("", fluent(text))
    late = _LATE_LEAD.search(text)
    return _LEAD.sub("", text[late.start("lead") :] if late else text)
