"""The close said by the one who put the question, after the others answered it.

A member (not only the one who leads) puts a choice or a plan for the group to the room ("Så frågan är, ska vi ha
dem på kvällen, eller ska vi ha dem kvar på dagtid?", "Ska vi ta in två hundar till i stora gruppen, eller vänta
till hösten?"), the others answer, picking a side ("Kvällen. Alltså, de jobbar ju."), perhaps with the leader's
bare "Mm.", and the one who asked sums up the answer as the group's plan at the opening of her next turn ("Kväll då.
Tisdagar, sex till åtta, från hösten.", "Okej, så inga nya i stora gruppen förrän till hösten.").

What makes it a close and not a remark:
- who: the one who asked, at the opening of her next turn (behind a bare "Okej." at most); between the question
  and the close only the others spoke, and nothing they said was read as decided;
- the question: the last sentence of the asker's turn, put to the room (never to one by name: that is a task),
  about what the group does ("ska vi …", "tar vi X eller Y?");
- the close: the side the others picked, said back without a verb ("Kväll då.", "inga nya i stora gruppen
  förrän till hösten") or as the group's plan ("vi kör på kvällen"), sharing a word with an answer and with the
  question; never a question, a condition, a hedge, a view, a report or the speaker's own task;
- after: the next turn by another does not object or ask back on the matter.

The decision is the close with the details said after it in the same turn ("Tisdagar, sex till åtta, från
hösten."), up to the speaker's own task or a question. Flagged: said without a decision word.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.phrasing import first_person, is_present_verb, strip_tail
from transcribe.minutes.rules.roomassent import group_plan
from transcribe.minutes.rules.utterances import Utt, personal_commitment, stems
from transcribe.sv.text import capitalise, content_words

WHY = "Beslutet uttrycktes utan beslutsord"
# A question for the group's course: "ska vi …", "ska det vara …", "tar vi X eller Y?" (never "Gratis för oss eller
# gratis för hallen?", a question of fact)
_ASKED = re.compile(r"\b(?:ska|skall)\s+(?:vi|det|man)\b[^?]*\?$|\b[a-zåäö]+r\s+vi\b[^?]*\beller\b[^?]*\?$")
# Put to one person by name: "Lena, ska du …?", "…, Olof?": a task or an answer sought, not the room's course
_TO_ONE = re.compile(r"^(?:och\s+)?[a-zåäö-]+,\s|,\s*[a-zåäö-]+\s*\?$|\b(?:du|ni)\b")
# The summing-up's lead: "Okej, så …", "Ja, alltså …", "Mm. Då …"
_LEAD = re.compile(r"^(?:(?:okej|ok|ja|bra|mm|då|så|alltså)\b[\s,.:!]*)+")
_CLOSING_DA = re.compile(r",?\s+(?:då|alltså)\s*[.!]?$")
# Not a plan: a view, a report, a condition or the speaker's own doing
_NOT_PLAN = re.compile(
    r"^(?:om|ifall|när|innan|eftersom|men|fast|jag|du|ni|han|hon|de|dom|det\s+(?:är|var)|tror|tycker)\b"
    r"|\b(?:tror|tycker|kanske|nog|väl|hade|har\s+\w+[dt])\b"
)
# A bare word of assent before the close in its turn: "Okej.", "Mm.", "Ja, ja."
_BARE = re.compile(r"^(?:(?:okej|ok|ja|jaha|mm|bra|precis)\b[\s,.!]*)+$")
# An objection or a question back opening the next turn
_OBJECTS = re.compile(r"^(?:nej|nja|nä|vänta|fast|stopp|men)\b")


def _details(v: Utt) -> bool:
    """A sentence that goes on with the close: not a task, a question, a new item or another's matter."""
    low = v.low
    if v.is_question or re.match(r"^(?:och\s+)?(?:[\w-]+,\s+)?(?:jag|du|ni)\b", low) or personal_commitment(low):
        return False
    return len(content_words(v.text)) >= 2 and not cues.NEXT_MEETING.search(low) and not cues.AGENDA_TALK.search(low)


class AskerCloses:
    """The asker's own summing-up of the answers; a RuleState mixin."""

    def _asker_close(self, u: Utt) -> bool:
        if u.is_question or u.idx in self.used or u.idx in self.decided:
            return False
        own = [v for v in self.utts[max(0, u.idx - 3) : u.idx] if v.turn == u.turn]
        if any(not _BARE.match(v.low) for v in own):
            return False  # the close opens its turn
        asked, answers = self._asker_question(own[0] if own else u)
        if asked is None or not answers:
            return False
        said = self._asker_sums_up(u)
        if said is None or not stems(said) & set().union(*(stems(v.text) for v in answers)):
            return False  # the side the others picked, said back
        if not stems(said) & stems(asked.text):
            return False  # on the matter the question put
        if self._asker_objected(u):
            return False
        more = []
        for v in self.utts[u.idx + 1 : u.idx + 4]:
            if v.turn != u.turn or v.idx in self.decided or not _details(v):
                break
            more.append(v)
        first = capitalise(first_person(said, u.name))
        text = " ".join([f"{first}.", *(capitalise(strip_tail(v.text).rstrip(" .!,")) + "." for v in more)])
        self._add_decision(text, u, [asked, u, *more], 0.6, WHY)
        self.used.update(v.idx for v in [u, *more])
        return True

    def _asker_question(self, start: Utt) -> tuple[Utt | None, list[Utt]]:
        """The asker's question that ends her turn before `start`, and the others' sentences after it."""
        answers: list[Utt] = []
        for v in reversed(self.utts[max(0, start.idx - 12) : start.idx]):
            if v.speaker == start.speaker:
                if not v.is_question or not _ASKED.search(v.low) or _TO_ONE.search(v.low):
                    return None, []
                if any(w.idx in self.decided or w.idx in self.used for w in answers):
                    return None, []  # an answer another rule read as settling it
                return v, answers
            answers.append(v)
        return None, []

    def _asker_sums_up(self, u: Utt) -> str | None:
        """What the close says the group does, without its lead and closing 'då': None when it is no plan."""
        low = u.low
        if cues.TENTATIVE.search(low) or cues.HEDGE.search(low) or cues.REPORTED.search(low):
            return None
        at = _LEAD.match(low)
        rest = low[at.end() :] if at else low
        if not rest or _NOT_PLAN.search(rest):
            return None
        verbless = not any(is_present_verb(w) for w in re.findall(r"[a-zåäö]+", rest)[:2])
        if not (verbless or group_plan(rest)):
            return None
        text = u.text.strip()
        said = _CLOSING_DA.sub("", strip_tail(text[len(text) - len(rest) :]).rstrip(" .!,"))
        return said if content_words(said) else None

    def _asker_objected(self, u: Utt) -> bool:
        """The next turn by another objects, or asks back on the matter."""
        nxt = next((v for v in self.utts[u.idx + 1 : u.idx + 6] if v.turn != u.turn), None)
        if nxt is None or nxt.speaker == u.speaker:
            return False
        return bool(_OBJECTS.match(nxt.low) or cues.REJECTED.search(nxt.low)) or (
            nxt.is_question and bool(stems(nxt.text) & stems(u.text))
        )
