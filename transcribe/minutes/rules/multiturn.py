"""A decision read from the shape of the turns when the words that mark it were lost.

A matter is settled in a pattern of turns more than in one word: members argue it, the one who leads the talk
states how it will be, and another member takes on the work that follows ("Då tar vi inte in några nya
medlemmar förrän till hösten." - "Jag mejlar kön och säger det."). Under recognition errors the leader's
"Då ... vi", "Så gör vi" or "Vi ..." is the short word most often lost, while the turns around it survive.

When the leader's turn was heard unsure and no rule read a decision or an open matter in it, a statement of that
turn is taken as the decision if

* two other members spoke just before, one of them on the same matter (a content word shared), and
* the next turn is another member's task or assent ("Jag mejlar kön och säger det.", "Bra."),

and the statement is no question, task, wish, condition, hedge, refusal, report, next meeting or matter left for
later, and is said after the opening. Every such item is flagged: its decision words were not heard, and the words
it stands on were unsure.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.phrasing import strip_tail, we_decision
from transcribe.minutes.rules.safety import PREFIX
from transcribe.minutes.rules.summingup import SummingUpReading
from transcribe.minutes.rules.utterances import Utt, is_agreement, personal_commitment, stems
from transcribe.sv.text import capitalise, content_words

SHAPE_WHY = f"{PREFIX}beslutsorden hördes inte; läst av turerna runt det (inlägg före, uppgift eller medhåll efter)"
_BEFORE_TURNS = 4
# What a statement of the leader's may not be: a task, a thought, the meeting's order, a condition.
_NOT_STATEMENT = re.compile(
    r"^(?:jag|du|ni|han|hon|tack|nästa|vem|vad|hur|när|var|om|ifall|men\s+om|en\s+sak\s+till|då\s+går\s+vi|"
    r"vi\s+går\s+vidare|okej\s*[.!]?$)\b"
)
# A wish, a need or an opinion in the main clause ("Allmänheten vill ha en senare tid", "Vi behöver nya medlemmar"),
# the order of the talk ("vi börjar med det tråkiga"), a matter left for later ("nästa gång", "när vi vet"), things
# as they are ("som vanligt"), another body's act in the past ("Nämnden <beslutade> i maj att höja istaxan"); a
# sentence with a decision word the decision rules did not take ("Det är Ruths val, inget vi bestämmer här").
_MONTHS = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
_NOT_OUTCOME = re.compile(
    r"^(?:[\w-]+,?\s+){0,3}(?:vill|tycker|tror|behöver|borde|måste|verkar|känns|undrar|hoppas)\b"
    r"|\b(?:börjar\s+med|först|nästa\s+gång|senare|när\s+vi\s+vet|som\s+vanligt)\b"
    r"|\b(?:bestämmer|beslutar|bestämt|beslutat|beslut)\b"
    rf"|^(?:{cues.BODY_NOUN})\b.*\b(?:i|förra)\s+(?:{_MONTHS}|fjol|våras|höstas|somras|vintras|veckan|månaden|året)\b"
)
_OPENING_TURNS = 8  # the opening sets the order of the talk: no outcome is read from its shape


class TurnShapeDecisions(SummingUpReading):
    """Decisions recovered from who speaks before and after the leader's garbled close."""

    def turn_shape_pass(self) -> None:
        if not self.robust:
            return
        lead = self.talk_leader()
        turns = self._shape_turns()
        for k, turn in enumerate(turns):
            if not turn or turn[0].speaker != lead or k < _OPENING_TURNS or k + 1 >= len(turns):
                continue
            if any(v.idx in self.decided or v.idx in self.opened for v in turn):
                continue
            if not any(v.unsure for v in turn) or turn[-1].is_question:
                continue
            before, after = turns[max(0, k - _BEFORE_TURNS) : k], turns[k + 1]
            said = self._shape_statement(turn, before, after)
            if said is not None:
                text = (
                    we_decision(strip_tail(said.text).rstrip(" ,.!"))
                    or capitalise(strip_tail(said.text).rstrip(" ,.!")) + "."
                )
                self._add_decision(text, said, [said], 0.45, SHAPE_WHY)

    def _shape_turns(self) -> list[list[Utt]]:
        out: list[list[Utt]] = []
        for v in self.utts:
            if out and out[-1][0].turn == v.turn:
                out[-1].append(v)
            else:
                out.append([v])
        return out

    def _shape_statement(self, turn: list[Utt], before: list[list[Utt]], after: list[Utt]) -> Utt | None:
        """The leader's sentence the turns around it bear out, or None."""
        lead = turn[0].speaker
        others = [t for t in before if t[0].speaker != lead]
        if len({t[0].speaker for t in others}) < 2 or after[0].speaker == lead:
            return None
        argued = {s for t in others for v in t for s in stems(v.text) if len(s) >= 4}
        taken = {s for v in after for s in stems(v.text) if len(s) >= 4}
        answer = after[0]
        if not (personal_commitment(answer.low) or is_agreement(answer)):
            return None
        best: tuple[int, Utt] | None = None
        for v in turn:
            own = {s for s in stems(v.text) if len(s) >= 4}
            if v.is_question or len(content_words(v.text)) < 3 or _NOT_STATEMENT.match(v.low):
                continue
            if self._named_person(v.low) is not None or _NOT_OUTCOME.search(v.low):
                continue  # "Prata med skolan, Elsa, ...": a task; "hockeyn vill ha isen": a wish
            if (cues.UNDECIDED.search(v.low) or cues.TENTATIVE.search(v.low) or cues.REJECTED.search(v.low)
                    or cues.HEDGE.search(v.low) or cues.NEXT_MEETING.search(v.low)):  # fmt: skip
                continue
            if not own & argued:
                continue
            score = len(own & argued) + len(own & taken)
            if best is None or score > best[0]:
                best = (score, v)
        return best[1] if best else None
