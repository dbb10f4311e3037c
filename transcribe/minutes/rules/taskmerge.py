"""One task said in pieces is one task; a habit, a done deed or an old arrangement is none.

People give a task in more than one breath: "Jag mejlar ut enkäten till alla medlemmar." – "Jag
lägger ut den på Instagram också."; "Jag kan ta reda på det." – "Jag mejlar dig siffrorna." The same
person's next words that add to the task ("också", "även") and act on it (a pronoun, or a word of it) extend it
instead of making a second task ("Och jag gör affischen till lägret också" is one);
a pronoun alone does not ("Skicka besluten …" – "Jag mejlar dem i dag" are two tasks). And a
first-person sentence is no commitment when it tells a habit ("Jag skriver alltid e-post"), something
already under way ("Och jag gör det redan", "Jag skriver upp det nu") or an arrangement made before
("Och Samuel håller i den, som vi sa då").
"""

from __future__ import annotations

import datetime as dt
import re

from transcribe.minutes.rules.offered import OfferedTasks
from transcribe.minutes.rules.utterances import Utt, evidence_list, merge_evidence, stems

# A task whose object is only a pronoun: "Räkna på det", "Lägga ut den på Instagram", "Fråga honom".
_BARE_OBJECT = re.compile(
    r"^\S+(?:\s+(?:reda\s+)?(?:ut|upp|in|på|med|om|över|igenom))?\s+(?:det|den|dem|honom|henne)"
    r"(?:\s+(?:också|då|nu))?\W*$"
)
# What the next words act on is the task already taken: "Lägga ut den på Instagram också"
_PRONOUN_FIRST = re.compile(r"^\S+(?:\s+(?:ut|upp|in|på|med|om|över|igenom|till))?\s+(?:det|den|dem|honom|henne)\b")
# Words that add to what the speaker already took on: "… på Instagram också"
_ADDS = re.compile(r"\b(?:också|även|dessutom)\b")
# A habit, a deed already under way, an arrangement made before: no new task
_NO_TASK = re.compile(
    r"\bjag\s+[a-zåäö]+\s+(?:alltid|oftast|ofta|jämt|vanligtvis|normalt)\b"
    r"|\bjag\s+[a-zåäö]+\s+(?:upp\s+|in\s+)?(?:det|den|dem|så)\s+(?:redan|nu)\s*[.!]?$"
    r"|\bsom\s+vi\s+(?:sa|sade|bestämde|kom\s+överens\s+om)\b"
    # willingness, not a promise: "Jag tar gärna pennan i kväll också", "Jag skriver gärna."
    r"|\bjag\s+[a-zåäö]+\s+gärna\b"
    # a negation behind an adverb: "Jag läser tydligen inte medlemsbladet."
    r"|\bjag\s+[a-zåäö]+\s+(?:tydligen|nog|ju|väl|visst|faktiskt)\s+(?:inte|aldrig)\b"
    # taking a seat: "Noel, sätt dig", "jag sätter mig bara"
    r"|\b(?:sätt|sätter|sätta)\s+(?:dig|mig|er|oss|sig)\b"
)
_GAP_S = 30.0  # the same person's next words, not a later point of the meeting


def no_task(low: str) -> bool:
    """A first-person sentence that tells a habit, a deed under way, an earlier arrangement, a willingness or a
    negation; or someone taking a seat."""
    return bool(_NO_TASK.search(low))


class TaskMerging(OfferedTasks):
    """Tasks said in pieces joined into one; they record into the shared state."""

    def _names_only(self, what: str) -> bool:
        """The task text is nothing but participants' names ('Agnieszka Nowak och Bengt Nilsson')."""
        rest = what.lower()
        if self._names_rx is None or not self._names_rx.search(rest):
            return False
        return not re.sub(r"\b(?:och|samt)\b|[,.]", " ", self._names_rx.sub(" ", rest)).strip()

    def _continues_last(self, what: str, owner: str | None, utts: list[Utt]) -> bool:
        """'Jag kan räkna på det.' … 'Jag gör en kalkyl och skickar den senast fredag.': the same person's next
        task within a minute says what the earlier one named only by a pronoun: one task, evidence of both."""
        last = self.out.actions[-1] if self.out.actions else None
        if last is None or last.owner != owner or owner is None or not self.robust:
            return False
        if min(x.start for x in utts) - last.evidence[-1].end > 60:
            return False
        if not _BARE_OBJECT.search(last.what) or _BARE_OBJECT.search(what):
            return False
        last.what = what
        last.evidence = merge_evidence(last.evidence, evidence_list(utts))
        if last.due is None:
            last.due, last.due_text = self._due(utts)  # type: ignore[attr-defined]
        return True

    def _adds_to_last(
        self, what: str, owner: str | None, utts: list[Utt], due: dt.date | None = None, due_text: str | None = None
    ) -> bool:
        """The same person's next words add to the task just taken ("Jag lägger ut den på Instagram också"):
        one task, both parts said."""
        last = self.out.actions[-1] if self.out.actions else None
        if last is None or owner is None or last.owner != owner or not self.robust:
            return False
        gap = min(x.start for x in utts) - last.evidence[-1].end
        if gap > _GAP_S or not _ADDS.search(what.lower()):
            return False  # "Jag mejlar dem i dag" after "Skicka besluten": a second task, said as one
        extra = " ".join(re.sub(r"\s*" + _ADDS.pattern, "", what).strip(" ,.").split())
        if not _PRONOUN_FIRST.search(extra.lower()) and not stems(extra.split(" ", 1)[-1]) & stems(last.what):
            return False  # "Handla" - "Och jag gör affischen till lägret också": a second task, its own object
        if extra.lower() not in last.what.lower() and not _BARE_OBJECT.search(extra):  # "ta med det": said again
            last.what = f"{last.what} och {extra[:1].lower()}{extra[1:]}"
        last.evidence = merge_evidence(last.evidence, evidence_list(utts))
        if last.due is None and due is not None:
            last.due, last.due_text = due, due_text
        return True
