"""The leader's plan heard whole after talk that was misheard: read from the order of the turns.

The group's plan stated as settled ("Då håller vi stämman lördagen den femtonde juli på hembygdsgården.") is read
as a decision only when another speaker spoke on the same matter just before, and that is judged by the words the
turns share. Under recognition errors those words are what the recogniser loses or bends in the others' turns
("Då blir det den <över>." for "den femtonde", "<Lov> lagar vi ..."), so the plan goes unread while the turns
around it still have the shape of a close: others spoke in the sentences just before, and the one who leads the
talk then says what the group does. When the others' sentences in that window hold words the recogniser was unsure
of (so the shared words may be among them), the leader's plan after them is read as discussed. This is tried
last, for a sentence no other rule read, so a close another rule reads keeps its reading. The plan is flagged as
every plan is; on a transcript without word probabilities nothing changes.
"""

from __future__ import annotations

import re

from transcribe.minutes.rules.utterances import Utt
from transcribe.sv.text import content_words

_AFTER_OTHERS = 4  # sentences before the plan in which another speaker must have spoken
_WINDOW = 8  # sentences before the plan in which the others' words were heard unsure
_CONDITION = re.compile(r"\b(?:om|ifall)\b")  # "... släpper vi bara in om polisen kommer med någon": a case
_SKIPPED = re.compile(r"\bhoppar\b.*\böver\b")  # "Då hoppar vi webben över i dag": the agenda's order


class HeardPlanRules:
    """A RuleState mixin: the plan's link to the talk before it (SettledRules asks), also when that talk was
    misheard; tried last, when no rule read the sentence, so it takes nothing another rule reads."""

    _misheard_talk = False  # while the last try runs: the others' misheard talk may be what the plan settles

    def misheard_talk_settles(self, u: Utt, what: str) -> bool:
        """In the last try only: the plan `u` states (`what`) settles the others' talk before it, misheard."""
        return self._misheard_talk and self.talk_misheard(u, what)

    def _heard_plan(self, u: Utt) -> bool:
        """The last of the sentence rules: the group's plan read again, its link to the talk before allowed to have
        been misheard (see talk_misheard)."""
        if not self.robust or u.idx in self.decided:
            return False
        self._misheard_talk = True
        try:
            return bool(self._declarative(u))
        finally:
            self._misheard_talk = False

    def talk_misheard(self, u: Utt, what: str) -> bool:
        """`u` is the leader's, another speaker spoke just before it, and the others' sentences before it were
        heard with words the recogniser was unsure of; `what` (the plan's matter) names a matter ("Då släcker vi
        och låser." does not) and no case it holds for, and `u` skips no item of the agenda."""
        if u.speaker is None or u.speaker != self._leader():
            return False
        if len(content_words(what)) < 2 or _CONDITION.search(what.lower()) or _SKIPPED.search(u.low):
            return False
        if not any(v.speaker != u.speaker for v in self.utts[max(0, u.idx - _AFTER_OTHERS) : u.idx]):
            return False
        return any(v.unsure for v in self._window(u, back=_WINDOW) if v.speaker != u.speaker)
