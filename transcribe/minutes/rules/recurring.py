"""A new recurring practice: said as what the group does each time, then given its first date.

"Och en sak till. Den sista fredagen i varje månad kör vi drop-in på flash, ... utan bokning." - "Ja, det var
roligt." - "... Första gången blir fredagen den tjugofemte februari." A custom said alone may be how things already
are; the first time set by the same speaker a few turns later shows it starts now. The decision is the practice
with its first date.

Never a question, a condition or a hedge; the practice is the speaker's own statement with "vi" and a recurrence
("varje", "varannan", "var tredje"). Flagged: said without a decision word.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.rules.silentclose import plan_text
from transcribe.minutes.rules.utterances import Utt

WHY = "Beslutet uttrycktes utan beslutsord"
_FIRST_TIME = re.compile(r"^(?:(?:och|så|då)\s+)?första\s+gången\s+(?:blir|är)\s+(?:det\s+)?\w")
_RECURRING = re.compile(r"\b(?:varje|varannan|vartannat|var\s+(?:tredje|fjärde|annan))\b")
_WE = re.compile(r"\b[a-zåäö]+(?:ar|er|ör|år|yr)\s+vi\b|^(?:och\s+)?vi\s+[a-zåäö]+(?:ar|er|ör|år|yr)\b")
_CONDITION = re.compile(r"\b(?:om|ifall)\s+(?:vi|det|ni|de|man)\b")


class RecurringPractices:
    """A recurring practice given its first date; a RuleState mixin."""

    def _first_time_set(self, u: Utt) -> bool:
        if u.is_question or u.idx in self.used or u.idx in self.decided:
            return False
        m = _FIRST_TIME.match(u.low)
        if m is None:
            return False
        for v in self._window(u, back=8):
            if v.speaker != u.speaker or v.is_question or v.idx in self.used or v.idx in self.decided:
                continue
            if not (_RECURRING.search(v.low) and _WE.search(v.low)) or _CONDITION.search(v.low):
                continue
            if cues.HEDGE.search(v.low) or cues.TENTATIVE.search(v.low) or cues.REPORTED.search(v.low):
                return False
            text = f"{plan_text(v.text, v.name)} {plan_text(u.text, u.name)}"
            self._add_decision(text, v, [v, u], 0.6, WHY)
            self.used.update((v.idx, u.idx))
            return True
        return False
