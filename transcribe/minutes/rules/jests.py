"""Decisions said in jest: the speaker's own next words turn the ruling into a joke.

A chair who opens with a quip often words it as a ruling ("Då bestämmer vi att Göran inte får välja radiokanal
längre.", "Vi beslutar härmed att Oskar aldrig mer får göra popcorn.") and takes it back in the same breath: a no
and a greeting ("Nej, men välkomna.", "Nej, god morgon, …"), "Skämt åsido", "Nej, allvarligt", or words saying the
meeting begins for real only now ("Okej, nu börjar vi på riktigt.", "vi tar det riktiga nu"). Whichever rule read
the sentence, these words right after it in the same turn say it was none. The room's laughter in the next turns is
read where the decision formula is (decisions.py); this pass reads the speaker's own turn, after all rules."""

from __future__ import annotations

import re

from transcribe.minutes.model import Decision
from transcribe.minutes.rules.state import RuleState
from transcribe.minutes.rules.utterances import Utt

_OPENERS = r"^(?:(?:nej|okej|ok|men|så|ja|hej|haha|ha\s+ha)\b[\s,.!]*)*"
# What turns the sentence before into a joke, said first in the next sentence of the same turn.
_JEST_AFTER = re.compile(
    _OPENERS + r"(?:skämt\s+åsido|allvarligt(?:\s+talat)?\b"
    r"|(?:nu\s+)?(?:börjar|kör)\s+vi\s+(?:på\s+riktigt|på\s+allvar)\b"
    r"|(?:vi\s+)?tar\s+(?:vi\s+)?det\s+riktiga\b)"
    # the speaker's own no, then a greeting: the meeting had not begun, the ruling was a quip
    r"|^nej\b[\s,.!]*(?:men\b[\s,]*)?(?:välkomna|välkommen|god\s+(?:morgon|kväll|dag|middag|eftermiddag)|hej\b)"
)
_REACH = 2  # sentences of the same turn after the ruling in which the speaker turns it into a joke


def jested(utts: list[Utt], u: Utt) -> bool:
    """The speaker's next sentences in the same turn open by turning `u` into a joke."""
    after = [v for v in utts[u.idx + 1 : u.idx + 1 + _REACH] if v.turn == u.turn]
    return any(_JEST_AFTER.search(v.low) for v in after)


class JestDecisions(RuleState):
    """The pass that drops rulings their own speaker turns into a joke."""

    def jest_pass(self) -> None:
        if not self.out.decisions:
            return
        kept: list[Decision] = [d for d in self.out.decisions if not any(jested(self.utts, u) for u in self.said_in(d))]
        if len(kept) != len(self.out.decisions):
            self.keep_decisions(kept)
