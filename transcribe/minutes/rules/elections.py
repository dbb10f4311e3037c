"""Elections stated by the chair: 'Då väljer stämman Leif.' is a decision of the meeting.

Annual meetings elect by the chair's formula rather than by "beslutar": the body, the verb "väljer"
and the people elected, often after "Något annat förslag? Nej." The role comes from the sentence
itself ("till ordförande för ett år") or from the item the chair announced just before ("val av
ordförande för stämman"); a first name is completed from the participants' names.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.phrasing import strip_tail
from transcribe.minutes.rules.resolutions import ResolutionRules
from transcribe.minutes.rules.utterances import Utt
from transcribe.sv.text import capitalise

_ELECTS = re.compile(
    rf"^(?:(?:ja|bra|okej|nej|tack)\b[\s,.]*)*(?:då|så|därmed|härmed)\s+(?:om)?väljer\s+"
    rf"(?P<body>vi|{cues.BODY_NOUN})(?:\s+(?:alltså|därmed|härmed|också))*\s+(?P<x>(?!att\b|det\b|om\b|bort\b)\S.*)"
)
_ROLE_IN = re.compile(r"\s+(?:till|som)\s+(?P<role>[\w -]+?)\s*$")
_ITEM = re.compile(r"\bval\s+av\s+(?P<role>[a-zåäö]+(?:\s+för\s+(?:stämman|mötet|årsmötet))?)(?P<more>[^.?!]*)")
# The protokoll's own officers are its roles (minutes.roles), not decisions.
_OFFICERS = re.compile(r"\b(?:justera\w*|sekreterare|protokollförare|rösträknare)\b")


class ElectionRules(ResolutionRules):
    """The chair's election formula, recorded into the shared state."""

    def _election(self, u: Utt) -> bool:
        """'Då väljer årsmötet Anna-Karin Svensson till ordförande för ett år.' -> a decision naming who."""
        m = _ELECTS.match(u.low)
        if not m or self._refused(u, u.low[: m.start("x")]) or not self._body_is_own(m.group("body")):
            return False
        x = strip_tail(u.text[m.start("x") :]).rstrip(" .!")
        if cues.NEG.match(x.lower()) or _OFFICERS.search(x.lower()):
            return False
        if not (self._named_person(x.lower()) or re.search(r"\b[A-ZÅÄÖ][a-zåäö]+", x)):
            return False  # "Då väljer vi den billigare": a choice, not an election
        role = "" if _ROLE_IN.search(x) else self._announced_role(u)
        if role is None:
            return False  # "val av två justerare": the protokoll's roles
        if (who := self._named_person(x.lower())) and x.lower() == who[1].split()[0].lower():
            x = who[1]  # "Då väljer stämman Leif." -> the full name
        body = "Mötet" if m.group("body") == "vi" else capitalise(m.group("body"))
        self._add_decision(f"{body} valde {x}{role}.", u, [u], 0.85)
        return True

    def _announced_role(self, u: Utt) -> str | None:
        """' till ordförande för stämman' from the item announced just before ('Första punkten är val av ...');
        None when that item elects the protokoll's officers."""
        for v in self._window(u, back=4):
            if (m := _ITEM.search(v.low)) is not None:
                return None if _OFFICERS.search(m.group(0)) else f" till {m.group('role')}"
        return ""
