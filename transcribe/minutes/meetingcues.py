"""Swedish cue phrases for the next meeting and its date: naming the meeting, scheduling it, a date turned down
or confirmed, and a deadline set by a meeting ("till nästa möte"). All patterns run on lower-cased text."""

from __future__ import annotations

import re


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in parts))


# What a meeting is called: "möte", "träff", "sammanträde", "avstämning", and councils and assemblies by name
# ("föräldraråd", "styrgruppsmöte", "årsstämma").
MEETING_NOUN = r"[a-zåäö]*(?:möte|träff|sammanträde|avstämning|råd|rådet|stämma|stämman)"
NEXT_MEETING = _rx(
    rf"\bnästa\s+(?:{MEETING_NOUN}|gång\s+vi\s+(?:ses|träffas))\b",
    r"\bvi\s+ses\s+(?:igen|nästa\s+gång|då|på|den|\w+dag|nästa\s+(?:\w+dag|vecka))\b",
    r"\bses\s+vi\s+(?:igen|nästa|på|den|\w+dag)\b",
    r"\b(?:vi\s+)?träffas\s+(?:vi\s+)?igen\b",
    r"\bmötet\s+därpå\b",
    r"\bnästa\s+gång\s+vi\s+ses\b",
    r"\bnär\s+(?:ses|träffas)\s+vi\b",
)
# "nästa APT", "nästa LSG": a meeting named by its acronym (matched on the original case).
NEXT_MEETING_ACRONYM = re.compile(r"\b[Nn]ästa\s+[A-ZÅÄÖ]{2,6}\b")

# "till nästa möte" is a deadline, not a scheduling statement.
NEXT_MEETING_DEADLINE = re.compile(
    r"\b(?:till|före|innan|inför|på|vid|under|från|om)\s+(?:det\s+)?nästa\s+(?:\w*möte|\w*träff|sammanträde|gång)"
)
SCHEDULING = re.compile(
    r"\b(?:ses|träffas|blir|hålls|håller|är|bokar|boka|lägger|lägga|datum|dag|tid|när|passar|funkar|säger)\b"
)
# Turning a proposed date down; plain "kan inte" is too broad (it may answer another question).
DATE_REJECT = _rx(
    r"\b(?:passar|funkar|fungerar|går)\s+(?:\w+\s+)?(?:inte|dåligt)\b",
    r"\bdå\s+kan\s+(?:jag|vi)\s+inte\b",
    r"\bdå\s+är\s+jag\s+(?:bortrest|borta|ledig|upptagen|på\s+semester)\b",
    r"\bkrockar\b",
    r"^\s*nej,?\s+(?:då|den\s+dagen|det\s+datumet)\b",
)
DATE_CONFIRM = _rx(
    r"^\s*(?:ja|jo|absolut|visst|okej|bra|toppen|perfekt|gärna)\b",
    r"\b(?:passar|funkar|fungerar|går)\s+(?:bra|fint|utmärkt|för\s+mig)\b",
    r"\bdå\s+(?:säger|bokar|kör)\s+vi\b",
    r"\bdå\s+ses\s+vi\b",
    r"\bbestämt\b",
)

DEADLINE_PREP = re.compile(r"\b(?P<prep>senast|till|innan|före|inför|på|under|om|efter)\s*$")
