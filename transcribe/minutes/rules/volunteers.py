"""The ones chosen among those who offered themselves: "Jag kan gå." - "Jag också, gärna." - "Bra, då går Oskar och
Lejla först, och de lär upp resten i höst."; "Jag vill gärna köra en." - "Och jag." - … - "Då går Ebba och Jari
utbildningen, och de kör elbilarna först."

Meeting mechanics, not wording: places or turns are offered, two or more members offer themselves in their own
turns, and another (the one who leads) names them as the ones who go, take or do it. Two or more named, each of
whom offered, make it a choice of the meeting; one named who offered is that member's task (actions.py)."""

from __future__ import annotations

import re

from transcribe.minutes.rules.utterances import Utt
from transcribe.sv.text import capitalise

WHY = "Beslutet uttrycktes som ett val bland dem som anmälde sig"
_LEAD = r"^(?:(?:ja|okej|ok|bra|fint|toppen|perfekt|tack)\b[\s,.!]*)*"
# "då går Oskar och Lejla först, …", "så tar Ebba och Jari utbildningen"
_THEN = re.compile(
    _LEAD
    + r"(?:då|så)\s+(?P<v>[a-zåäö]{2,}(?:ar|er|ör|år|r))\s+(?P<names>[a-zåäö-]+(?:(?:\s*,\s*|\s+och\s+)[a-zåäö-]+)+)"
    r"(?P<rest>(?:\s|,).*)?$"
)
# Verbs of state, ability or saying: "Då är Oskar och Lejla klara", "Då kan Oskar och Lejla …"
_NOT_VERBS = frozenset("är har kan ska får vill måste behöver tycker tror vet ser hör säger sa blir finns".split())
# A member offering herself, in her own turn: "Jag kan gå.", "Jag också, gärna.", "Och jag.", "Jag vill gärna köra en."
_OFFERS = re.compile(
    r"^(?:(?:ja|och|okej|visst|gärna)\b[\s,.!]*)*(?:jag\s+(?:kan|tar|går|ställer\s+upp|anmäler\s+mig|också|med)\b"
    r"|jag\s+(?:vill|skulle\s+vilja)\s+gärna\b|och\s+jag\b|gärna\s+jag\b)"
)
_BACK = 14  # sentences back to the offers


class VolunteerChoices:
    """A RuleState mixin: the ones chosen among the members who offered themselves."""

    def _volunteers_chosen(self, u: Utt) -> bool:
        if u.is_question or u.idx in self.used or u.idx in self.decided:
            return False
        m = _THEN.match(u.low)
        if m is None or m.group("v") in _NOT_VERBS:
            return False
        named = [self._named_person(w.strip()) for w in re.split(r",|\boch\b", m.group("names"))]
        labels = {n[0] for n in named if n is not None}
        if None in named or len(labels) < 2 or u.speaker in labels:
            return False
        window = self._window(u, back=_BACK)
        offered = {v.speaker for v in window if v.speaker != u.speaker and _OFFERS.match(v.low)}
        if not labels <= offered:
            return False
        said = u.text[len(u.text) - len(u.low) + m.start("names") :]
        verb = u.text[len(u.text) - len(u.low) + m.start("v") : len(u.text) - len(u.low) + m.end("v")]
        names_end = m.end("names") - m.start("names")
        text = f"{said[:names_end]} {verb.lower()}{said[names_end:]}".strip().rstrip(" .!") + "."
        self._add_decision(capitalise(text), u, [u], 0.6, WHY)
        self.used.add(u.idx)
        return True
