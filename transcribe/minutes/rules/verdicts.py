"""The settler's verdict after a discussion: a matter kept as it is, or a thing the meeting will not do.

When others have argued a matter, the one who leads the meeting often settles it without a decision word, by
saying that nothing changes or that something will not happen:

- kept as it is: "Prispengarna blir som förra året.", "Och startavgiften står still, trehundra kronor.",
  "Vi rör inte morgonsimmet.", "Det förblir medlemmar först på vardagar.", "Hundar bara i de två hundrummen,
  som förut.", "Receptet rör vi inte.";
- a negative decision: "Det blir ingen vinterbana på sjön i år.", "Då blir det inga nya t-shirts före
  sommaren.", "Vi inför inte AI-verktyget den här terminen.", "Då byter vi inte namn.".

Only the one who leads the talk (the speaker of the most sentences) settles this way, only after others have
spoken on the same matter, and never in a question, a condition, a hedge or a report of the past. Every
verdict is flagged for review: it was said without a decision word.
"""

from __future__ import annotations

import re
from collections import Counter

from transcribe.minutes import cues
from transcribe.minutes.phrasing import decision_sentence, first_person, strip_tail, to_infinitive
from transcribe.minutes.rules.resolutions import ResolutionRules
from transcribe.minutes.rules.utterances import Utt, evidence_list, merge_evidence, stems

_LEAD = r"^(?:(?:ja|nej|okej|ok|bra|då|så|och|men|alltså|hm|mm)\b[\s,.!]*)*"
# Kept as it is: "blir som förra året", "står still", "ligger kvar", "som förut", "rör vi inte"
_KEPT = re.compile(
    r"\bblir\s+som\s+(?:förut|förra\s+året|i\s+fjol|de\s+alltid\s+(?:har\s+)?varit|det\s+alltid\s+(?:har\s+)?varit)\b|"
    r"\bsom\s+förut\b|\bstår\s+still\b|\bligger\s+kvar\b|\bförblir\b|\b(?:rör|ändrar)\s+vi\s+inte\b|"
    r"\bvi\s+(?:rör|ändrar)\s+inte\b|\bändras\s+inte\b"
)
# "Det blir ingen vinterbana", "Då blir det inga nya t-shirts"
_NONE = re.compile(
    r"^(?:(?:ja|okej|ok|bra|då|så|och|alltså|hm|mm)\b[\s,.!]*)*(?:det|då)\s+blir\s+(?:det\s+)?(?:ingen|inget|inga)\s+"
    r"(?!(?:av|mer|annat|ändring)\b)\w+"
)
# "Vi inför inte AI-verktyget", "Då byter vi inte namn"
_WE_NOT = re.compile(
    _LEAD + r"(?:vi\s+(?P<v1>[a-zåäö]{3,}(?:ar|er|ör|år))\s+inte|(?P<v2>[a-zåäö]{3,}(?:ar|er|ör|år))\s+vi\s+inte)"
    r"\s+(?P<rest>\S.*)$"
)
_NOT_VERBS = frozenset(
    "har ska kan får vill måste behöver tycker tror vet ser hör är går kommer blir hoppas undrar hinner orkar "
    "klarar säger menar förstår gillar bryr pratar".split()
)
# Put off, or about now only: "... och så tittar vi igen i september", "Det ändrar vi inte i kväll"
_NOT_NOW = re.compile(
    r"\b(?:tittar|ser|tar)\s+(?:vi\s+)?(?:på\s+det\s+)?(?:igen|upp)\b|\btills?\s+vidare\b|\bi\s+(?:kväll|dag)\b|"
    r"\b(?:jag|du|ni)\b|\b(?:har|hade)\s+(?:bestämt|beslutat)\b|\binformation\b|^(?:(?:ja|nej|okej|så|och|men)\b[\s,.]*)*(?:de|dom|han|hon|hen)\s|\bsamma\s+tid\b"
)
_IF = re.compile(r"^(?:(?:men|och|ja|nej)\b[\s,]*)*(?:om|ifall|när)\b|\b(?:om|ifall)\s+vi\b")


class VerdictRules(ResolutionRules):
    """The leader's verdict after a discussion; the rules record into the shared state."""

    def _verdict(self, u: Utt) -> bool:
        if u.is_question or u.idx in self.used or u.idx in self.decided or u.speaker != self._leader():
            return False
        low = u.low
        if cues.TENTATIVE.search(low) or cues.REPORTED.search(low) or _IF.search(low):
            return False
        if cues.HEDGE.search(low.replace(" inte ", " ")) or _NOT_NOW.search(low) or cues.NEXT_MEETING.search(low):
            return False
        if re.search(r"[a-zåäö],\s+[A-ZÅÄÖ][a-zåäö]+\s*[.!]?$", u.text) or self._summing_up_turn(u):
            return False  # "Som vanligt, Fredrik.": said to one member; "Då sammanfattar jag. ...": a summary
        we = _WE_NOT.match(low)
        if we and (we.group("v1") or we.group("v2")) in _NOT_VERBS:
            we = None
        if not (we or _NONE.match(low) or _KEPT.search(low)) or not self._argued(u):
            return False
        if we:
            verb = we.group("v1") or we.group("v2")
            rest = strip_tail(u.text[we.start("rest") :])
            text = decision_sentence(first_person(f"att inte {to_infinitive(verb)} {rest}", u.name))
        else:
            lead = r"^(?:(?:ja|nej|okej|ok|bra|då|så|och|men|alltså|hm|mm)\b[\s,.!]*)+"
            text = re.sub(lead, "", u.text.strip(), flags=re.IGNORECASE)
            text = strip_tail(text).strip(" ,.")
            text = text[:1].upper() + text[1:] + "."
        self.used.add(u.idx)
        prev = self.utts[u.idx - 1] if u.idx else None
        last = self.out.decisions[-1] if self.out.decisions else None
        if prev is not None and prev.turn == u.turn and last is not None and prev.idx in self.decided:
            if any(e.start <= prev.start < e.end or prev.start <= e.start < prev.end for e in last.evidence):
                # "Vi chansar inte med isen. Det blir ingen vinterbana på sjön i år.": one verdict said twice
                last.text = f"{last.text} {text}"
                last.evidence = merge_evidence(last.evidence, evidence_list([u]))
                self.decided.add(u.idx)
                return True
        self._add_decision(text, u, [u], 0.55, "Beslutet uttrycktes utan beslutsord")
        return True

    def _summing_up_turn(self, u: Utt) -> bool:
        turn = [v for v in self.utts[max(0, u.idx - 4) : u.idx + 1] if v.turn == u.turn]
        return any(re.search(r"\b(?:sammanfatta\w*|summer\w*|sammanfattningsvis)\b", v.low) for v in turn)

    def _leader(self) -> str | None:
        """Who leads the talk: the speaker of the most sentences."""
        if not hasattr(self, "_leader_cache"):
            counts = Counter(v.speaker for v in self.utts if v.speaker)
            self._leader_cache = counts.most_common(1)[0][0] if counts else None
        return self._leader_cache

    def _argued(self, u: Utt) -> bool:
        """Others spoke on the matter just before: two of them, one sharing a content word with the verdict's turn
        or with what the leader said on it before."""
        window = self._window(u, back=12)
        others = {v.speaker for v in window if v.speaker != u.speaker}
        turn = [v for v in self.utts[max(0, u.idx - 3) : u.idx + 3] if v.turn == u.turn]
        own = [v for v in window if v.speaker == u.speaker]  # the leader's own words on the matter before
        topic = {s for v in [u, *turn, *own] for s in stems(v.text)}
        shared = any(v.speaker != u.speaker and topic & stems(v.text) for v in window)
        return len(others) >= 2 and shared
