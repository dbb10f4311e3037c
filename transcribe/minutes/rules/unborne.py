"""Decisions nobody carries: a member who says the meeting's decision formula for the meeting ("Då bestämmer vi att
Björn får paddla först.") while the one who leads it neither takes it up nor comes back to it.

A member has no mandate to close a matter for the meeting; when one says "Då bestämmer vi att …" the room decides
what it was by what it does next. The one who leads answering with a yes, saying the matter back, or the summing-up
restating it makes it the meeting's; the leader going on to something else ("Bra. Nästa möte blir …"), the one it
burdens answering "Drömmer du." or "Tack så mycket.", make it a quip. Only the formula counts here: a member closing
with the matter itself ("Då köper vi den.") is often how a small group settles, and stays.

Who leads is read from the turns: the speaker of the most sentences, with a turn that hands the floor to the next
speaker by name ("Mattorna. Erik.") worth several sentences; in a short exchange nobody leads, and one who speaks
nearly as much as the leader leads with her.

Two statements read as decisions are no act of the meeting whoever answers them, when said in one turn and carried
by no one else's words: a member's offer, the verb with "gärna" ("Serbisk jul? Då byter vi gärna."), and a report
of what happened, its verb in the past ("Ingen klagade för att ingen visste det."). This pass runs after the other
decision passes."""

from __future__ import annotations

import re
from collections import Counter

from transcribe.minutes import cues
from transcribe.minutes.model import Decision
from transcribe.minutes.rules.settledsentence import source_sentence
from transcribe.minutes.rules.state import RuleState
from transcribe.minutes.rules.utterances import Utt, next_turns, stems

# The meeting's own decision formula, said as the first words of the sentence: "Då bestämmer vi att …",
# "Vi beslutar också att …"
_FORMULA = re.compile(
    r"^(?:(?:och|men|så|då|okej|ja)\b[\s,]*)*(?:(?:då|så)\s+(?:bestämmer|beslutar)\s+vi|vi\s+(?:bestämmer|beslutar))"
    r"\s+(?:(?:också|även|härmed|alltså)\s+)?att\b"
)
# A member's willingness, not the meeting's act: "Då byter vi gärna.", "Vi tar gärna den."
_OFFER = re.compile(r"\b(?:vi\s+[a-zåäö]{3,}(?:ar|er|ör|år)|[a-zåäö]{3,}(?:ar|er|ör|år)\s+vi)\s+gärna\b")
# What happened, the finite verb in the past: "Ingen klagade …", "Vi hade kö varje söndag."
_PAST = re.compile(
    r"^(?:(?:då|så|och|men|nej|ja|okej)\b[\s,.]*)*(?:ingen|inget|inga|vi|det|de|dom|man)\s+"
    r"(?:[a-zåäö]{2,}ade|var|fick|gick|tog|kom|sa|sade|gjorde|blev|hade|visste|köpte|sålde)\b"
)
_NOW = re.compile(r"\b(?:är|blir|ska|kör|tar|gör|har|får|nu|från\s+och\s+med)\b")
FLOOR = 4  # sentences a turn handing the floor to the next speaker by name is worth in telling who leads
LEAD_MIN = 8  # below this many sentences' worth nobody is seen to lead (a short exchange)
CO_LEAD = 0.8  # a speaker with this share of the leader's worth leads with her: no member speaking out of turn
_REACH_TURNS = 3  # the turns after the formula in which the one who leads answers it


class UnborneDecisions(RuleState):
    """The pass that drops a member's decision formula nobody carries."""

    def unborne_pass(self) -> None:
        if not self.out.decisions:
            return
        worth = self.lead_worth()
        lead = worth.most_common(1)[0][0] if worth else None
        led = lead is not None and worth[lead] >= LEAD_MIN
        members = {sp for sp, n in worth.items() if n <= CO_LEAD * worth[lead]} if led else set()
        kept: list[Decision] = []
        for d in self.out.decisions:
            said = self.said_in(d)
            if said and said[0].speaker in members and self._unborne(d, said, lead):
                continue
            if said and self._aside(d, said, members):
                continue
            kept.append(d)
        if len(kept) != len(self.out.decisions):
            self.keep_decisions(kept)

    def lead_worth(self) -> Counter[str]:
        """Who leads the talk: sentences said, and the floor handed to the next speaker by name."""
        first = {n.split()[0].lower(): v.speaker for v in self.utts if v.speaker and (n := v.name)}
        score: Counter[str] = Counter(v.speaker for v in self.utts if v.speaker)
        for u, nxt in zip(self.utts, self.utts[1:], strict=False):
            if not u.speaker or nxt.turn == u.turn or nxt.speaker == u.speaker:
                continue
            last = re.split(r"[,.!?]\s*", u.low.strip(" .!?"))[-1].strip()
            if first.get(last) == nxt.speaker:
                score[u.speaker] += FLOOR
        return score

    @staticmethod
    def _aside(d: Decision, said: list[Utt], members: set[str]) -> bool:
        """Said in one turn and carried by nobody else's words: a member's offer ("Serbisk jul? Då byter vi
        gärna.") or a report of what happened ("Ingen klagade för att ingen visste det.") decides nothing."""
        src = source_sentence(said, d.text)
        if src is None or len({u.turn for u in said}) > 1:
            return False
        if src.speaker in members and _OFFER.search(src.low):
            return True
        return _PAST.match(src.low) is not None and not _NOW.search(src.low)

    def _unborne(self, d: Decision, said: list[Utt], lead: str) -> bool:
        maker = said[0].speaker
        if not _FORMULA.match(said[0].low):
            return False
        if any(u.speaker != maker for u in said) or said[-1].start - said[0].end > 60:
            return False  # others' words are part of it, or a summing-up says it again
        matter = stems(d.text) - {s for u in said for s in stems(u.name or "")}
        for v in next_turns(self.utts, said[-1], turns=_REACH_TURNS, reach=12):
            if v.speaker != lead:
                continue
            turn = [w for w in self.utts[v.idx : v.idx + 6] if w.turn == v.turn]
            if any(len(matter & stems(w.text)) >= 2 for w in turn):
                return False  # the one who leads says the matter back
            opens = cues.AGREEMENT.search(v.low) is not None
            return not (opens and len(turn) == 1)  # a plain yes carries it; a yes that moves on does not
        return True
