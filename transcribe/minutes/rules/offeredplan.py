"""A way out offered as what the group can do, then stated as what it does.

"Men vi kan ta tio rum om dagen, så går det." - "Vi tar tio rum om dagen när de kommer.";
"Femtontusen har vi inte, Ingvar. ... Men vi kan stämma det gamla." - "Men okej, det blir bättre än nu." - "Då
stämmer vi pianot före konserten, och jag ringer pianostämmaren ...". The offer ("vi kan <verb> ...") and the
statement share the verb and the matter; the statement is said by another speaker, or by the one who offered after
someone else answered without refusing. The decision is the statement (the speaker's own task after ", och jag
..." left out).

Never a question, a condition, a hedge or a report, never an offer made on a condition ("... om vi får förare
nog"), never inside a summing-up. Flagged: said as a plan.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.phrasing import decision_sentence, first_person, strip_tail, to_infinitive
from transcribe.minutes.rules.utterances import Utt, stems

WHY = "Beslutet uttrycktes som en plan"
_STATED = re.compile(
    r"^(?:(?:ja|okej|ok|bra|precis)\b[\s,.!]*)*(?:(?:då|så)\s+(?P<v>[a-zåäö]+(?:ar|er|ör|år|yr))\s+vi|"
    r"vi\s+(?P<v2>[a-zåäö]+(?:ar|er|ör|år|yr)))\s+(?P<neg>inte\s+)?(?P<rest>\w[^?]*)$"
)
_NOT_PLANS = frozenset(
    "har ska kan får vill måste behöver tycker tror vet ser hör är kommer blir hoppas undrar pratar säger "
    "väntar tittar funderar diskuterar försöker".split()
)
_CONDITION = re.compile(r"\b(?:om|ifall)\s+(?:vi|det|ni|de|man|någon)\b")
_REFUSAL = re.compile(r"^(?:(?:men|fast)\s+)?(?:nej|nja|nä|vänta|absolut\s+inte)\b")
_SUMMING_UP = re.compile(r"\b(?:sammanfatt\w*|summer\w*)\b")
_OWN_TASK = re.compile(r",\s+och\s+(?:jag|du)\b.*$", re.IGNORECASE)


class OfferedPlans:
    """An offer of what the group can do, stated as what it does; a RuleState mixin."""

    def _offered_plan(self, u: Utt) -> bool:
        if u.is_question or u.idx in self.used or u.idx in self.decided:
            return False
        m = _STATED.match(u.low)
        verb = m and (m.group("v") or m.group("v2"))
        if m is None or verb in _NOT_PLANS or _CONDITION.search(u.low):
            return False
        if (
            cues.TENTATIVE.search(u.low)
            or cues.REPORTED.search(u.low)
            or cues.HEDGE.search(u.low.replace(" inte ", " "))
        ):
            return False
        if any(_SUMMING_UP.search(v.low) for v in self.utts[max(0, u.idx - 4) : u.idx] if v.turn == u.turn):
            return False  # "Nu sammanfattar jag. Vi kör ...": the summing-up's rules read what it recalls
        rest = _OWN_TASK.sub("", strip_tail(u.text[len(u.text) - len(u.low) + m.start("rest") :])).rstrip(" ,.!")
        offer = self._offer_of(u, to_infinitive(verb), rest)
        if offer is None:
            return False
        neg = "inte " if m.group("neg") else ""
        text = decision_sentence(first_person(f"att {neg}{to_infinitive(verb)} {rest}", u.name))
        self._add_decision(text, offer, [offer, u], 0.6, WHY)
        self.used.update((offer.idx, u.idx))
        return True

    def _offer_of(self, u: Utt, inf: str, rest: str) -> Utt | None:
        """The sentence a few before that offered it: 'vi kan <inf> ...' on the same matter, not refused since."""
        offer = re.compile(rf"\bvi\s+(?:kan|kunde|skulle\s+kunna)\s+(?:ju\s+|också\s+|väl\s+)?{re.escape(inf)}\b")
        topic = stems(rest)
        for v in self._window(u, back=8):
            if v.turn == u.turn:
                continue
            m = offer.search(v.low)
            if m is None or v.is_question or v.idx in self.used or v.idx in self.decided or _CONDITION.search(v.low):
                continue  # "Vi kan köra lördagar ... om vi får förare nog": an offer on a condition
            if not topic & self._offer_matter(v):
                continue
            between = [x for x in self.utts[v.idx + 1 : u.idx] if x.turn not in (v.turn, u.turn)]
            if any(_REFUSAL.match(x.low) for x in between):
                return None
            if v.speaker == u.speaker and not any(x.speaker != u.speaker for x in between):
                return None  # the one who offered, with nobody answering between
            return v
        return None

    def _offer_matter(self, v: Utt) -> set[str]:
        """What the offer is about: its turn and the turn it answers ("Jag har en sak om pianot. ..." - "... Men vi
        kan stämma det gamla.")."""
        before = next((x.turn for x in reversed(self.utts[: v.idx]) if x.turn != v.turn), None)
        near = [x for x in self.utts[max(0, v.idx - 8) : v.idx + 3] if x.turn in (v.turn, before)]
        return set().union(*(stems(x.text) for x in near))
