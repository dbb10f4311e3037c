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

from transcribe.minutes.model import Action
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
    # a word on what one is saying, not a task: "Ja, jag frågar bara.", "Jag säger bara."
    r"|\bjag\s+[a-zåäö]+r\s+bara\s*[.!]?$|\bjag\s+bara\s+(?:säger|frågar|undrar|tänker)\b"
    # a note taken in this meeting: "Okej, jag skriver upp det."
    r"|\bjag\s+(?:skriver\s+upp|antecknar|noterar)\s+(?:det|den|dem|detta)\s*[.!]?$"
    # an offer received: "Det tar jag gärna emot."
    r"|\b(?:det|den|dem)\s+tar\s+jag\s+(?:gärna\s+|tacksamt\s+)?emot\b"
    # agreeing, not buying: "Okej. Jag köper det."
    r"|^(?:(?:okej|ja|då)\s*,?\s+)?jag\s+köper\s+det\s*[.!]?$"
    # taking a seat: "Noel, sätt dig", "jag sätter mig bara"
    r"|\b(?:sätt|sätter|sätta)\s+(?:dig|mig|er|oss|sig)\b"
)
# A task turned down: "Nej.", "Det räknas inte.", "Inte jag."
_REFUSAL = re.compile(r"^(?:nej|nä|nää|det\s+räknas\s+inte|inte\s+jag|glöm\s+det)\b")
_GAP_S = 30.0  # the same person's next words, not a later point of the meeting
# A sentence that adds a task of its own: "Och jag mejlar Y", "Jag gör affischen också"
_ANOTHER = re.compile(r"^(?:och|sen|sedan|dessutom)\b|\b(?:också|även|dessutom)\b")
_OPENS_ANOTHER = re.compile(r"^(?:och|sen|sedan|dessutom)\b")
# Another's word taking a task as given: "Tack, Nils.", "Bra.", "Toppen."
_THANKS = re.compile(r"^(?:tack|bra|toppen|perfekt|utmärkt|jättebra|fint)\b")


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

    def _task_refused(self, u: Utt) -> bool:
        """'Då bestämmer vi att Ingrid bjuder på semlor.' - 'Det räknas inte, Daniel.': a task given by another and
        turned down in the first words of the one named's next turn is none."""
        prev = self.utts[u.idx - 1] if u.idx > 0 else None
        if prev is None or prev.turn == u.turn or prev.speaker == u.speaker or not _REFUSAL.match(u.low):
            return False
        last = self.out.actions[-1] if self.out.actions else None
        if last is None or last.owner != u.name:
            return False
        given = {s.id for v in self.utts[: u.idx] if v.turn == prev.turn for s in v.segs}
        if not {e.segment_id for e in last.evidence} <= given:
            return False
        self.out.actions.remove(last)
        return True

    def _continues_last(self, what: str, owner: str | None, utts: list[Utt]) -> bool:
        """'Jag kan räkna på det.' … 'Jag gör en kalkyl och skickar den senast fredag.': the same person's next
        task within a minute says what the earlier one named only by a pronoun: one task, evidence of both."""
        last = self.out.actions[-1] if self.out.actions else None
        if last is None or last.owner != owner or owner is None or not self.robust:
            return False
        u = max(utts, key=lambda x: x.idx)
        if u.name != owner:
            return False  # another's words about this person ("Då bestämmer vi att Ingrid bjuder på semlor")
        said = {v.turn for v in self.utts if {e.segment_id for e in last.evidence} & {s.id for s in v.segs}}
        if said and u.turn - max(said) > 2:
            return False  # others have talked of something else in between
        if min(x.start for x in utts) - last.evidence[-1].end > 60:
            return False
        if not _BARE_OBJECT.search(last.what) or _BARE_OBJECT.search(what):
            return False
        if _OPENS_ANOTHER.match(u.low) or self._acknowledged(last, u):
            return False  # "Jag byter den. Och Valmeten lägger jag ut …"; "Tack, Nils. Och Kramfors?" - "Jag ringer …"
        last.what = what
        last.evidence = merge_evidence(last.evidence, evidence_list(utts))
        if last.due is None:
            last.due, last.due_text = self._due(utts)  # type: ignore[attr-defined]
        return True

    def _acknowledged(self, last: Action, u: Utt) -> bool:
        """Another speaker's turn between the task and this sentence opens by taking the task as given ('Tack,
        Nils.'), so what the owner says after it is a task of its own."""
        ids = {e.segment_id for e in last.evidence}
        said = [v.idx for v in self.utts if ids & {s.id for s in v.segs}]
        if not said:
            return False
        between = self.utts[max(said) + 1 : u.idx]
        firsts = [v for k, v in enumerate(between)
                  if v.speaker != u.speaker and (k == 0 or between[k - 1].turn != v.turn)]  # fmt: skip
        return any(_THANKS.match(v.low) for v in firsts)

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

    def _answers_task(
        self, what: str, owner: str | None, utts: list[Utt], due: dt.date | None, due_text: str | None
    ) -> bool:
        """'Noor, kan du kolla båten?' - 'Ja. Jag ringer Destination Gotland på torsdag.'; 'Jag ringer
        servicefirman.' - 'Gör det.' - 'Ja. Jag ringer dem i veckan.': the first words of the reply to the turn
        that gave the task say how or when it is done: one task, evidence and due of both. A sentence that adds
        ("och", "också") is a task of its own; so is a later sentence of the reply."""
        u = max(utts, key=lambda x: x.idx)
        if owner is None or len(utts) > 1 or u.name != owner or _ANOTHER.search(u.low):
            return False
        earlier = [v for v in self.utts[: u.idx] if v.turn == u.turn]
        if any(len(v.low.split()) > 3 for v in earlier):
            return False  # the reply's first sentence only, after a "Ja." at most
        last = next((a for a in reversed(self.out.actions) if a.owner == owner), None)
        if last is None:
            return False
        ids = {e.segment_id for e in last.evidence}
        turns = {v.turn: v.speaker for v in self.utts if ids & {s.id for s in v.segs}}
        before = [v for v in self.utts[: u.idx] if v.turn < u.turn]
        prev_turn = before[-1].turn if before else None
        prev_speaker = before[-1].speaker if before else None
        asked = prev_turn in turns and prev_speaker != u.speaker  # the turn just before gave the task
        mine = [v for v in before if v.turn < (prev_turn or 0)]
        own = bool(mine) and mine[-1].turn in turns and mine[-1].speaker == u.speaker  # said, "Gör det.", said again
        if not (asked or u.turn in turns or (own and _PRONOUN_FIRST.search(what.lower()))):
            return False
        last.evidence = merge_evidence(last.evidence, evidence_list(utts))
        if last.due is None and due is not None:
            last.due, last.due_text = due, due_text
        return True
