"""A member's suggestion the one who leads takes up as a proposal of her own: one decision, where she settles it.

"Börja nio då. Och sluta sex." - … - "Mitt förslag är att vi börjar klockan nio under sommaren och slutar klockan
sex. Räck upp handen." - "Ja." - "Då börjar vi nio och slutar sex …": the short-close rules read the member's words
as settled (a bare matter with "då"), but the leader's own proposal on the same matter, put to the room a few turns
later, is where the meeting decides; the member's words are the suggestion it grew from, not a second decision. A
suggestion the leader answers only with a yes, or takes up with no proposal of her own, stays. This pass runs after
the other decision passes."""

from __future__ import annotations

from transcribe.minutes import cues
from transcribe.minutes.model import Decision
from transcribe.minutes.rules.state import RuleState
from transcribe.minutes.rules.utterances import Utt, stems

_REACH_TURNS = 4  # turns after the suggestion in which the leader puts her own proposal


class TakenUpSuggestions(RuleState):
    """The pass that drops a member's suggestion the leader made her own proposal and settled."""

    def taken_up_pass(self) -> None:
        if len(self.out.decisions) < 2:
            return
        worth = self.lead_worth()
        lead = worth.most_common(1)[0][0] if worth else None
        if lead is None:
            return
        said = {d.id: self.said_in(d) for d in self.out.decisions}
        kept: list[Decision] = [
            d
            for d in self.out.decisions
            if not self._taken_up(d, said[d.id], lead, [said[o.id] for o in self.out.decisions if o is not d])
        ]
        if len(kept) != len(self.out.decisions):
            self.keep_decisions(kept)

    def _taken_up(self, d: Decision, own: list[Utt], lead: str, others: list[list[Utt]]) -> bool:
        """`d` was read from one member's turn alone, and another decision rests on the leader's proposal on the same
        matter, said within the next few turns."""
        if not own or own[0].speaker == lead or len({(u.speaker, u.turn) for u in own}) > 1:
            return False
        last = own[-1]
        matter = stems(d.text) - {s for u in own for s in stems(u.name or "")}
        for other in others:
            for v in other:
                if v.speaker != lead or not last.turn < v.turn <= last.turn + _REACH_TURNS:
                    continue
                if cues.PROPOSAL.search(v.low) and not v.is_question and matter & stems(v.text):
                    return True
        return False
