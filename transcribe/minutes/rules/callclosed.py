"""A call for assent and the caller's close on the same matter after the yeses are one decision, not two.

"Är alla överens om två meter och en gul linje?" – "Ja." – "Ja." – "Då flyttar vi repet före helgen, och ingen
besökare går förbi linjen.": the call rules record the question's matter once the room says yes, and the close,
said by the same speaker as the first thing after the yeses, is recorded again in its own words. The close is what
was decided; the question was its proposal. This pass folds the call into the close: the close's words, both
passages as evidence. It runs after the other decision passes."""

from __future__ import annotations

from transcribe.minutes.rules.state import RuleState
from transcribe.minutes.rules.utterances import Utt, is_agreement, merge_evidence, stems

_BETWEEN = 4  # sentences of others' yeses between the call and the close


class CallClosedDecisions(RuleState):
    """The pass that folds a call for assent into the caller's close after the yeses."""

    def call_closed_pass(self) -> None:
        if len(self.out.decisions) < 2:
            return
        said = self.said_in
        folded: set[int] = set()
        for i, d in enumerate(self.out.decisions):
            call = said(d)
            if not call or not call[0].is_question:
                continue
            close = next((e for e in self.out.decisions[i + 1 :] if self._closes(call, said(e))), None)
            if close is not None:
                close.evidence = merge_evidence(close.evidence, d.evidence)
                close.proposed_by = close.proposed_by or d.proposed_by
                folded.add(id(d))
        if folded:
            self.keep_decisions([d for d in self.out.decisions if id(d) not in folded])

    def _closes(self, call: list[Utt], close: list[Utt]) -> bool:
        """The close's first sentence is the caller's, the first thing after the call's own turn and the others'
        short yeses to it."""
        if not close or close[0].speaker != call[0].speaker or close[0].is_question:
            return False
        q, c = call[0], close[0]
        between = [v for v in self.utts[q.idx + 1 : c.idx] if v.turn != q.turn]
        if any(v.turn == q.turn for v in self.utts[q.idx + 1 : c.idx]) or len(between) > _BETWEEN or not between:
            return False
        first_of_turn = c.idx == 0 or self.utts[c.idx - 1].turn != c.turn
        if not first_of_turn or not all(v.speaker != q.speaker and is_agreement(v) for v in between):
            return False
        asked, closed = stems(q.text), stems(c.text)  # the same matter: a word in common, or two forms of one
        return bool(asked & closed) or any(len(a) >= 4 and a[:4] == b[:4] for a in asked for b in closed)
