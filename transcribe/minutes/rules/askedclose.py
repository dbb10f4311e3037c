"""What a close settles when a question stands between the plan and the close.

- The settler's plan, a task put to a member and the member's answer, then the close: "Inga Stockholmsjobb på
  fredagar. Lena, kan du planera så?" - "Det går. Sundbyberg vill ändå helst ha tisdagar." - "Då säger vi så."
  The close settles the plan, not the remark in the answer.
- The matter said in the call itself, before its tag: "Tisdagar och torsdagar klockan tre fram till konserten,
  säger vi det?" - "Ja, det säger vi." - "Då gör vi så." The matter is what comes before the tag, not the
  sentence before the call.

Never when the answer refuses or doubts, nor when the plan was already recorded. Flagged: said without a
decision word.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.rules.acceptance import weight
from transcribe.minutes.rules.silentclose import plan_text
from transcribe.minutes.rules.utterances import Utt, is_agreement, personal_commitment
from transcribe.sv.text import content_words

WHY = "Beslutet uttrycktes utan beslutsord"
# A task put to a member by name: "Lena, kan du planera så?", "Kalle, du beställer?"
_TASK_ASKED = re.compile(
    r"^(?:och\s+)?(?P<name>[a-zåäö-]+),\s+(?:(?:kan|vill|tar|hinner|fixar|ordnar|gör|sköter)\s+(?:du|ni)|(?:du|ni)\s+"
    r"[a-zåäö]+(?:ar|er|ör|år|r))\b[^?]*\?$"
)
# The matter before a tag that puts it to the room: "..., säger vi det?", "..., är vi överens?"
_TAGGED = re.compile(
    r"^(?P<matter>[^?]+?),?\s+(?:(?:säger|gör|kör)\s+(?P<we>[\w-]+)\s+(?:så|det)|är\s+(?:vi|alla)\s+(?:överens|med\s+på\s+det))"
    r"\s*\?$"
)
_REFUSAL = re.compile(r"^(?:nej|nja|men|fast|vänta|nä)\b|\b(?:går\s+inte|kan\s+(?:jag|vi)\s+inte)\b")
_EVALUATION = re.compile(r"^(?:(?:ja|okej|ok|bra)\b[\s,.!]*)*(?:det\s+(?:är|var|låter)|du\s+har\s+rätt|tack)\b")


def _is_close(u: Utt) -> bool:
    """A close that names nothing itself: 'Då säger vi så.', 'Då gör vi så.'"""
    formula = cues.CONFIRMATION.search(u.low) or cues.WEAK_CONFIRMATION.search(u.low)
    return formula is not None and not u.is_question and len(content_words(u.text)) <= 1


class AskedCloses:
    """Closes with a question between the plan and the close; a RuleState mixin."""

    def _asked_close(self, u: Utt) -> bool:
        if u.idx in self.used or u.idx in self.decided:
            return False
        return self._tagged_call(u) or self._close_after_task(u)

    def _asked_turn(self, u: Utt) -> list[Utt]:
        return [v for v in self.utts[max(0, u.idx - 6) : u.idx + 6] if v.turn == u.turn]

    def _close_after_task(self, u: Utt) -> bool:
        """'Inga Stockholmsjobb på fredagar. Lena, kan du planera så?' - 'Det går. ...' - 'Då säger vi så.'"""
        if not _is_close(u) or self._asked_turn(u)[0] is not u or u.idx < 2:
            return False
        answer = self._asked_turn(self.utts[u.idx - 1])
        asked = self.utts[answer[0].idx - 1] if answer[0].idx else None
        if asked is None or asked.speaker != u.speaker or answer[0].speaker == u.speaker:
            return False
        m = _TASK_ASKED.match(asked.low)
        named = self._named_person(m.group("name")) if m else None
        if named is None or named[0] != answer[0].speaker:
            return False  # the task put to the one who answered
        if any(v.is_question or _REFUSAL.search(v.low) or v.idx in self.decided for v in answer):
            return False
        plan: list[Utt] = []
        for v in reversed([x for x in self._asked_turn(asked) if x.idx < asked.idx]):
            if v.is_question or v.idx in self.used or v.idx in self.decided or _EVALUATION.match(v.low):
                break
            if weight(v.text) < 2 or personal_commitment(v.low) or cues.HEDGE.search(v.low):
                break
            plan.insert(0, v)
        if not plan:
            return False
        return self._record_asked(plan[-2:], [asked, *answer, u])

    def _tagged_call(self, u: Utt) -> bool:
        """'Tisdagar och torsdagar klockan tre fram till konserten, säger vi det?' - 'Ja, det säger vi.'"""
        m = _TAGGED.match(u.low)
        if m is None or weight(m.group("matter")) < 2 or cues.TENTATIVE.search(m.group("matter")):
            return False
        if m.group("we") not in (None, "vi") and not (self.robust and u.uncertain(m.group("we"))):
            return False  # "säger <och> det?": the group's "vi" misheard, heard unsure
        replies = [v for v in self.utts[u.idx + 1 : u.idx + 4] if v.turn != u.turn]
        first = replies[0] if replies else None
        if first is None or first.speaker == u.speaker or first.start - u.end > 30:
            return False
        said = self._asked_turn(first)
        agreed = is_agreement(first) or re.match(r"^(?:ja\W+)?det\s+(?:säger|gör|kör)\s+vi\b", first.low)
        if not agreed or any(_REFUSAL.search(v.low) or v.is_question for v in said):
            return False
        after = self.utts[said[-1].idx + 1] if said[-1].idx + 1 < len(self.utts) else None
        close = [after] if after is not None and after.speaker == u.speaker and _is_close(after) else []
        matter = u.text[: len(u.text) - len(u.low) + m.end("matter")]
        return self._record_asked([u], [*said, *close], matter)

    def _record_asked(self, plan: list[Utt], rest: list[Utt], matter: str | None = None) -> bool:
        texts = [matter] if matter is not None else [v.text for v in plan]
        out = [plan_text(text, v.name) for text, v in zip(texts, plan, strict=False)]
        utts = sorted({v.idx: v for v in [*plan, *rest]}.values(), key=lambda v: v.idx)
        self._add_decision(" ".join(out), plan[0], utts, 0.6, WHY)
        self.used.update(v.idx for v in utts)
        return True
