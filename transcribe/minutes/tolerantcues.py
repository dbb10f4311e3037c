"""Cue patterns that survive a recognition error: a leading word misheard, a deciding body lost, or
the verb of a confirmation misheard (the slot must then be a word the recogniser was unsure of).

Used only when the transcript may hold recognition errors (robust mode); the patterns for a true
transcript are in cues.py, which names these too. All run on lower-cased text.
"""

from __future__ import annotations

import re

from transcribe.minutes.cuewords import ADV, BODY, BODY_NOUN, CHANGE_VERBS, PREP

_DECIDE_PRESENT = r"(?:beslutar|bestämmer)"  # the chair decides in the present; "beslutade" may be reported
DECISION_TOLERANT: list[tuple[str, re.Pattern[str]]] = [
    (
        "beslutade",
        re.compile(rf"^(?:[\w-]+,?\s+)?(?:har\s+)?{_DECIDE_PRESENT}\s+{BODY}(?:\s+oss)?{ADV}\s+{PREP}\s+(?P<rest>.+)"),
    ),
    (
        "beslutade",
        re.compile(
            rf"(?:^|\b(?:då|så|nu|och)\s+)(?P<slot>[\w-]+\s+)?{_DECIDE_PRESENT}\s+(?P<prep>att)\s+"
            r"(?P<rest>.+)"
        ),
    ),
]
CONFIRMATION_SLOT = re.compile(
    r"\b(?:då|så)\s+(?P<slot>[\w-]+)\s+vi\s+på\s+(?:det|så)\b|\b(?:då|så)\s+är\s+det\s+(?P<slot2>[\w-]+)\s*[.!]?$"
)
# Verbs that make "då X vi på det" something else than a confirmation.
NOT_CONFIRMING = frozenset(
    """
arbetar börjar fortsätter funderar får har jobbar kan litar pratar satsar ser ska tar tittar tänker väntar är
återkommer
""".split()
)
_BODY_WORD = re.compile(rf"^(?:vi|oss|{BODY_NOUN})$")


def is_body(word: str) -> bool:
    """A word that names the deciding body: "vi", "styrelsen", "styrgruppen", "föräldrarådet" ..."""
    return bool(_BODY_WORD.match(word.strip().lower()))


# A meeting date said with its cue misheard: "nästa <?> blir torsdagen den ...".
NEXT_MEETING_SLOT = re.compile(
    r"\bnästa\s+(?P<slot>[\w-]+)(?:\s+[\w-]+)?\s+(?:blir|är|hålls|håller\s+vi|den|\w+dag(?:en)?)\b"
)
# Confirmations whose structure survives one misheard word even when the recogniser was sure of it:
# "<Bra, för> gör vi så." (a V2 sentence: the word before "gör vi" can only be a fronted adverb like "då"),
# "Då <vill> vi bestämt det" (a supine needs "har"), "Då är det <lost>." (the participle lost).
CONFIRMATION_STRUCTURAL = re.compile(
    r"^(?:(?:ja|bra|okej)\b[\s,]*)?(?P<slot>[\w-]+)\s+(?:gör|säger|kör)\s+vi\s+(?:så|det|på\s+det)\s*[.!]?$"
    r"|\b(?:då|så)\s+(?P<slot2>[\w-]+)\s+vi\s+(?:bestämt|beslutat)\s+(?:det|så)\b"
    r"|^(?:(?:ja|bra|okej)\b[\s,]*)?(?:då|så)\s+är\s+det\s*[.!]?$"
)
# Fronted words that make "<X> gör vi så" something else than a confirmation ("Sen gör vi så", "Hur gör vi det").
NOT_CONFIRMING_FRONT = frozenset(
    "sen sedan senare först ibland aldrig alltid ofta hur varför när vad nej inte annars det".split()
)
# "Då <kan> de valda", "Då är <NP> <misheard>": an approval with its verb misheard (robust mode).
APPROVAL_TOLERANT = re.compile(
    r"^(?:(?:ja|bra|okej|tack)\b[\s,.]*)?(?:då|så|därmed|härmed)\s+(?P<slot>[\w-]+)\s+(?P<np>(?:[\w-]+\s+){0,3}?[\w-]+)\s+"
    r"(?P<part>godkänd|godkänt|godkända|antagen|antaget|antagna|fastställd|fastställt|fastställda|vald|valt|valda)"
    r"\s*[.!]?$"
)

# "<?> har vi bestämt det", "då bestämmer <?> det": the chair's confirmation with one word misheard.
CONFIRMATION_TOLERANT = re.compile(
    r"(?:^|\b)(?:[\w-]+\s+)?har\s+(?P<slot>[\w-]+)\s+(?:bestämt|beslutat)\s+(?:det|så)\b"
    r"|\b(?:då|så)\s+(?:bestämmer|beslutar)\s+(?P<slot2>[\w-]+)\s+(?:det|så)\b"
)
# "Då <?> vi nej till plattformen", "Då säger <?> nej till ...".
NEGATIVE_DECISION_TOLERANT = re.compile(
    r"\b(?:då|så)\s+(?:(?P<slot>[\w-]+)\s+vi|säger\s+(?P<slot2>[\w-]+))\s+nej(?:\s+till)?(?:\s+(?P<x>[^,.;!?]+))?"
)
# "<?> stryker inte den andra testomgången": a plan stated as fact with its subject misheard.
DECLARATIVE_TOLERANT = re.compile(rf"^(?P<slot>[\w-]+)\s+(?P<v>{CHANGE_VERBS})\s+(?P<neg>inte\s+)?(?P<rest>.+)")
# "Då <?> vi att renovera tvättstugan": "<verb> vi att <infinitive>" is only grammatical with a deciding or
# saying verb, so an unsure word there is most likely the lost "beslutar"/"bestämmer".
DECISION_SLOT_VERB = re.compile(
    rf"\b(?:då|så|nu)\s+(?P<slot>[\w-]+)\s+{BODY}\s+(?P<prep>att)\s+(?P<inf>[a-zåäö]+a)\s+(?P<more>\S+)"
)
SAYING_VERBS = frozenset(
    """
anser ber föreslår förutsätter hoppas hör kan konstaterar kräver lovar menar märker ser ska säger tror tycker
vet vill önskar
""".split()
)
NOT_INFINITIVES = frozenset(
    """
alla andra bara båda dessa dina ena enda extra flera första gamla hela många nya samma sina sista stora vilka
våra
""".split()
)
# "Dem skriver <?>": an object-first commitment whose "jag" was misheard (robust mode, unsure word only).
COMMIT_FRONTED_SLOT = re.compile(
    r"^(?:\w+,?\s+)?(?:det|den|dem|de|detta|den\s+biten)\s+(?P<v>[a-zåäö]+r)\s+(?P<slot>[\w-]+)\b(?P<rest>[^.?!]*)"
)
