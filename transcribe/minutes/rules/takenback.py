"""Decisions their own speaker takes back, and what stays as it was after a take-back.

One who settles a matter at once ("Två barn. Då lägger vi ner sagostunden i Dokkas.") is often told why not by
another ("Men de två barnen kommer från förskolan …") and answers in the next own turn "Då tar jag tillbaka det":
the first words were a proposal the room turned, not a decision. What the take-back turn then says stays as before
("… sagostunden blir kvar.", "Det blir sex som förut.", "vi fortsätter med överkast") is only the take-back's
result, no decision of its own, unless someone else then settles it ("Bra. Fyrtio kronor som förut, då."); the same
result said again in the summing-up ("Måndagarna blir som förut …") is none either. A new course said after the
take-back ("Då tar jag tillbaka det. Vi öppnar inte kontaktzoot till påsk.") stays a decision."""

from __future__ import annotations

import re

from transcribe.minutes.model import Decision
from transcribe.minutes.rules.state import RuleState
from transcribe.minutes.rules.utterances import Utt, stems

# "Då tar jag tillbaka det", "Jag drar tillbaka förslaget", "Okej, jag tar tillbaka det jag sa".
_TAKE_BACK = re.compile(
    r"\b(?:(?:tar|drar)\s+jag\s+tillbaka|jag\s+(?:tar|drar)\s+tillbaka)\s+(?:det|den|förslaget|mitt\s+förslag)\b"
)
# Things kept as they were: "blir som förut", "blir kvar", "fortsätter med", "behåller".
_AS_BEFORE = re.compile(
    r"\bsom\s+(?:förut|vanligt|tidigare|nu|hittills|i\s+dag)\b|\b(?:blir|står|ligger|finns)\s+kvar\b"
    r"|\bfortsätter\b|\bbehåller\b"
)
_STATE_WORDS = frozenset(stems("som förut vanligt tidigare hittills blir står ligger finns kvar fortsätter behåller"))
_OPENING = 3  # the take-back is said among the first sentences of the turn that answers the objection
_REACH_S = 120.0  # seconds from the decision to the take-back


class TakenBackDecisions(RuleState):
    """The pass that drops decisions taken back by their speaker, and the take-back's result."""

    def taken_back_pass(self) -> None:
        if not self.out.decisions:
            return
        takes = [u for u in self.utts if _TAKE_BACK.search(u.low) and not u.is_question]
        kept: list[Decision] = []
        results: list[set[str]] = []
        for d in self.out.decisions:
            said = self.said_in(d)
            if said and any(self._takes_back(t, said) for t in takes):
                continue
            if said and _AS_BEFORE.search(d.text.lower()) and any(self._result_of(t, said) for t in takes):
                results.append(stems(d.text) - _STATE_WORDS)
                continue
            kept.append(d)
        # the take-back's result said again later (the summing-up): none either
        kept = [d for d in kept if not (_AS_BEFORE.search(d.text.lower()) and any(r & stems(d.text) for r in results))]
        if len(kept) != len(self.out.decisions):
            self.keep_decisions(kept)

    def _takes_back(self, t: Utt, said: list[Utt]) -> bool:
        """`t` takes back what its speaker settled in `said`: said after it, in the same turn or in the speaker's
        next turn, another having spoken between, the take-back among that turn's first sentences."""
        own = [u for u in said if u.speaker == t.speaker and u.idx < t.idx]
        if not own or any(u.idx >= t.idx and u.turn <= t.turn + 2 for u in said):
            return False  # settled again just after (the summing-up, later, may say it again)
        last = own[-1]
        if t.start - last.end > _REACH_S:
            return False
        if t.turn == last.turn:
            return True
        between = self.utts[last.idx + 1 : t.idx]
        if any(v.speaker == t.speaker and v.turn != t.turn for v in between):
            return False  # the speaker said something else since: the take-back is of that
        opening = sum(1 for v in between if v.turn == t.turn)
        return opening < _OPENING and any(v.speaker != t.speaker for v in between)

    def _result_of(self, t: Utt, said: list[Utt]) -> bool:
        """What `said` settles is said in the take-back's own turn after `t`, and no one settles it in the next two
        turns (the talk before it, and the summing-up saying it again, may be among the evidence)."""
        after = [u for u in said if u.idx >= t.idx and u.turn <= t.turn + 2]
        return bool(after) and all(u.turn == t.turn for u in after)
