"""An alternative a member offered, chosen by the one who leads with an imperative.

"Hur mycket kostar nya?" - "Tre tusen styck. Eller så byter jag hjulen för femhundra per vagn." - "Byt hjulen.
Det är billigare och det går fortare. Ali byter hjulen på alla sex vagnarna." The imperative repeats the verb
and the thing of the alternative just offered ("eller så <verb> jag ...", "jag kan <verb> ..."), so it picks
that course for the group, not only a task. The decision is the leader's statement of it in the same turn when
there is one ("Ali byter hjulen ..."), else the imperative as the meeting's decision.

Only the leader of the talk, only as the first words of the turn after the offer. Flagged: said without a
decision word.
"""

from __future__ import annotations

import re

from transcribe.minutes.phrasing import decision_sentence, first_person, strip_tail, to_infinitive
from transcribe.minutes.rules.utterances import Utt, stems
from transcribe.sv.text import capitalise

WHY = "Beslutet uttrycktes utan beslutsord"
# "Byt hjulen.", "Ta den billiga.", "Beställ två." - a short sentence opening with a bare verb
_IMPERATIVE = re.compile(r"^(?P<v>[a-zåäö]{2,})\s+(?P<obj>(?:[\w-]+\s*){1,4})[.!]$")
# The alternative offered: "Eller så byter jag hjulen ...", "Jag kan byta hjulen ...", "Annars lagar jag dem"
_ALTERNATIVE = re.compile(
    r"\b(?:eller\s+(?:så\s+)?|annars\s+)(?P<v>[a-zåäö]+(?:ar|er|ör|år|yr))\s+(?:jag|vi)\s+(?P<obj>\w.*)|"
    r"\b(?:jag|vi)\s+(?:kan|kunde)\s+(?:också\s+)?(?P<inf>[a-zåäö]+a)\s+(?P<obj2>\w.*)"
)
_NOT_CHOICES = frozenset("gör ta säg kolla titta vänta ring tänk hör se".split())
# A plan for the group put as a yes/no question: "Den gamla traktorn säljer vi, va?", "Ska vi sälja traktorn?"
_PLAN_ASKED = re.compile(
    r"^(?:(?:och|men|så)\s+)?(?:ska\s+vi\s+(?P<inf>[a-zåäö]+a)\s+(?P<obj1>[^?,]+)"
    r"|(?P<obj2>(?!(?:vad|hur|var|när|vem|vilka|vilken|varför|det|då|så)\b)(?:[\w-]+\s+){1,4}?)"
    r"(?P<v>[a-zåäö]+(?:ar|er|ör|yr|år))\s+vi)(?:,?\s+(?:va|eller|eller\s+hur|väl))?\s*\?$"
)
# The answer: yes and the imperative of the plan's verb on it, "Ja ja, sälj den."
_ASSENTED_IMPERATIVE = re.compile(
    r"^(?:(?:ja|jo|okej|absolut|visst)\b[\s,.!]*)+(?P<v>[a-zåäö]{2,})\s+(?:den|det|dem|dom)\s*[.!]?$"
)


def _imperative_of(infinitive: str) -> set[str]:
    """'byta' -> {'byt', 'byta'}, 'ringa' -> {'ring', 'ringa'}, 'gå' -> {'gå'}."""
    return {infinitive, infinitive[:-1]} if infinitive.endswith("a") and len(infinitive) > 3 else {infinitive}


class ChosenAlternatives:
    """The leader's imperative that picks the alternative a member offered; a RuleState mixin."""

    def _chosen_alternative(self, u: Utt) -> bool:
        if u.is_question or u.idx in self.used or u.idx in self.decided:
            return False
        if self._asked_plan_bidden(u):
            return True
        if u.speaker != self.talk_leader():
            return False
        m = _IMPERATIVE.match(u.low)
        if m is None or m.group("v") in _NOT_CHOICES or (u.idx and self.utts[u.idx - 1].turn == u.turn):
            return False
        offer = self._offered_alternative(u, m.group("v"), m.group("obj"))
        if offer is None:
            return False
        inf = offer[1]
        stated = next(
            (
                v
                for v in self.utts[u.idx + 1 : u.idx + 4]
                if v.turn == u.turn
                and not v.is_question
                and re.search(rf"\b{re.escape(inf[:3])}\w*\s", v.low)
                and stems(m.group("obj")) & stems(v.text)
            ),
            None,
        )
        if stated is not None:
            text = capitalise(first_person(strip_tail(stated.text).rstrip(" ,.!"), u.name)) + "."
        else:
            text = decision_sentence(first_person(f"att {inf} {strip_tail(m.group('obj')).rstrip(' ,.!')}", u.name))
        said = [offer[0], u, *([stated] if stated is not None else [])]
        self._add_decision(text, u, said, 0.6, WHY)
        self.used.update(v.idx for v in said)
        return True

    def _asked_plan_bidden(self, u: Utt) -> bool:
        """A plan for the group asked by a member and answered, at the next turn's start, by yes and the imperative of
        its own verb: "Den gamla traktorn säljer vi, va? Pappa?" - "Ja ja, sälj den. Men silon, ..."."""
        m = _ASSENTED_IMPERATIVE.match(u.low)
        if m is None or not u.idx or self.utts[u.idx - 1].turn == u.turn:
            return False
        asked = [v for v in self.utts[max(0, u.idx - 3) : u.idx] if v.turn == self.utts[u.idx - 1].turn]
        for v in reversed(asked):
            p = _PLAN_ASKED.match(v.low)
            if v.speaker == u.speaker or p is None or v.idx in self.decided:
                continue
            inf = p.group("inf") or to_infinitive(p.group("v"))
            if m.group("v") not in _imperative_of(inf):
                return False
            at = len(v.text) - len(v.low)
            obj = (
                v.text[at + p.start("obj1") : at + p.end("obj1")] if p.group("inf") else v.text[at : at + p.end("obj2")]
            )
            obj = strip_tail(obj).strip(" ,.!")
            if obj.split(" ", 1)[0].lower() in ("den", "det", "de", "dom", "en", "ett"):
                obj = obj[:1].lower() + obj[1:]  # the fronted object's article, not a name
            text = decision_sentence(first_person(f"att {inf} {obj}", v.name))
            self._add_decision(text, v, [v, u], 0.6, WHY)
            self.used.update((v.idx, u.idx))
            return True
        return False

    def _offered_alternative(self, u: Utt, imperative: str, obj: str) -> tuple[Utt, str] | None:
        """The alternative in the other speaker's turn just before, with the same verb and thing."""
        before = [v for v in self.utts[max(0, u.idx - 4) : u.idx] if v.turn == self.utts[u.idx - 1].turn]
        for v in reversed(before):
            if v.speaker == u.speaker or v.is_question:
                return None
            a = _ALTERNATIVE.search(v.low)
            if a is None:
                continue
            inf = a.group("inf") or to_infinitive(a.group("v"))
            if imperative in _imperative_of(inf) and stems(obj) & stems(a.group("obj") or a.group("obj2")):
                return v, inf
        return None
