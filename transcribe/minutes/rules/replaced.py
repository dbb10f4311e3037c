"""The course set in place of one taken back: the leader's next plan on the same matter.

When a plan is taken back ("Okej. Jag drar tillbaka det.", "Ja, då går det ju inte. Då får vi ta tillbaka det där.
Var kan vi vara då?"), the talk turns to what to do instead, and the one who leads closes it in a later turn with the
new course, said as the consequence ("då") or the replacement ("i stället"): "Vi kör glögg och pepparkakor i växeln
som vanligt då, den tredje söndagen i advent.", "Då har vi auktionen här i klubblokalen i stället, och vi behåller den
sjuttonde." The usual course named again ("som vanligt") is the choice made here, not a habit, and "har vi" holds the
event, not a report. The matter is the one taken back when the close answers the take-back's turn, else a word or a
day shared with the talk since. Never in the take-back's own turn (what stays as before there is its result), never
once another reading settled the matter in between, never a question, a hedge or the meeting's order.
A course an earlier meeting set, recalled and withdrawn by the group ("Det vi sa förra gången, att vi skulle börja med
trimning på fredagarna. Det drar vi tillbaka."), is this meeting's decision not to follow it.
Flagged: said without a decision word.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.phrasing import decision_sentence, first_person, group_clause, strip_tail
from transcribe.minutes.rules.commitments import WHY
from transcribe.minutes.rules.utterances import Utt
from transcribe.sv.numbers import parse_number

# A plan withdrawn: "Jag drar tillbaka det.", "Då får vi ta tillbaka det där.", "Ja, då går det ju inte."
_WITHDRAWN = re.compile(
    r"\b(?:(?:tar|drar)\s+(?:jag|vi)\s+tillbaka|(?:jag|vi)\s+(?:tar|drar)\s+tillbaka|(?:får|måste)\s+vi\s+ta\s+"
    r"tillbaka)\b|\bdå\s+går\s+det\s+(?:ju\s+)?inte\b"
)
# The new course: "Då har vi auktionen här ...", "Vi kör glögg ... som vanligt då"
_NEW_COURSE = re.compile(
    r"^(?:(?:okej|ja|bra|nej)\b[\s,.]*)*(?:(?P<then>då)\s+(?P<v>[a-zåäö]+r)\s+vi|vi\s+(?P<v2>[a-zåäö]+r))\s+"
    r"(?P<neg>inte\s+)?(?P<rest>\S.*)$"
)
# The group withdrawing what was recalled: "Det drar vi tillbaka.", "Och det tar vi tillbaka nu."
_WE_WITHDRAW = re.compile(r"^(?:(?:och|så|men)\s+)?det\s+(?:drar|tar)\s+vi\s+tillbaka(?:\s+nu)?\s*[.!]?$")
# An earlier meeting's course recalled: "Det vi sa förra gången, att vi skulle börja med trimning på fredagarna."
_RECALLED = re.compile(
    r"^(?:(?:och|men)\s+)?(?:det\s+vi|det\s+som\s+vi|det\s+mötet)\s+(?:sa|bestämde|beslutade)\s+(?:förra\s+(?:gången|"
    r"mötet|månaden|veckan)|sist|i\s+höstas|i\s+våras|i\s+fjol)\s*,?\s+att\s+(?:vi\s+skulle\s+)?(?P<plan>[a-zåäö]+a\b.*)$"
)
_INSTEAD = re.compile(r"\bi\s*stället\b|\bsom\s+(?:vanligt|förut|förra\s+året)\s+då\b")
# Talk, thought, ability and the meeting's order: no course
_NO_COURSE = frozenset(
    "tycker tror vet ser hör hoppas undrar pratar diskuterar funderar väntar försöker säger menar ber tackar "
    "kommer behöver hinner orkar klarar brukar går hoppar avslutar börjar fortsätter".split()
)
_NOT_TAKEN = re.compile(r"^(?:upp|det|den|dem|nästa|punkt|paus|en\s+paus|över|vidare|hand\s+om|\w+(?:at|it|tt)\b)")
_HELD_BACK = re.compile(r"^(?:vänta|nej|nja|nä|stopp)\b")
_BACK = 12  # sentences back to the take-back


def said_numbers(low: str) -> set[int]:
    """The numbers and days said ('den sjuttonde' -> 17), one and zero left out."""
    return {n for w in re.findall(r"[a-zåäö0-9]+", low) if (n := parse_number(w)) is not None and n > 1}


class ReplacedCourses:
    """The plan set in place of one taken back (mixed into the rule extractor)."""

    def _earlier_withdrawn(self, u: Utt) -> bool:
        """'Det vi sa förra gången, att vi skulle börja med trimning på fredagarna. Det drar vi tillbaka.': a course
        an earlier meeting set, recalled and withdrawn by the group now, is this meeting's decision not to."""
        if not _WE_WITHDRAW.match(u.low) or u.idx in self.used or u.idx in self.decided or not u.idx:
            return False
        recalled = self.utts[u.idx - 1]
        m = _RECALLED.match(recalled.low)
        if recalled.turn != u.turn or m is None or recalled.idx in self.decided:
            return False
        plan = strip_tail(recalled.text[m.start("plan") :]).rstrip(" .!,")
        self._add_decision(decision_sentence(f"att inte {plan}"), u, [recalled, u], 0.6, WHY)
        self.used.update((recalled.idx, u.idx))
        return True

    def _replacing_course(self, u: Utt) -> bool:
        if u.is_question or u.idx in self.used or u.idx in self.decided or u.speaker != self.talk_leader():
            return False
        m = _NEW_COURSE.match(u.low)
        if m is None or not (m.group("then") or _INSTEAD.search(u.low)):
            return False
        verb = m.group("v") or m.group("v2")
        if verb in _NO_COURSE or _NOT_TAKEN.match(m.group("rest")) or re.match(r"(?:som|så)\b", m.group("rest")):
            return False  # "Då gör vi som jag sa.": a pointer to the plan, which its own reading takes
        if any(v.is_question for v in self.utts[u.idx + 1 : u.idx + 4] if v.turn == u.turn):
            return False  # the course put to the room: its call and answer settle it
        back = self.utts[max(0, u.idx - _BACK) : u.idx]
        taken = [v for v in back if v.turn != u.turn and _WITHDRAWN.search(v.low)]
        if not taken or any(v.idx in self.decided for v in back if v.idx > taken[-1].idx):
            return False  # no take-back before, or the matter settled again in between
        if cues.TENTATIVE.search(u.low) or cues.HEDGE.search(u.low) or cues.REPORTED.search(u.low):
            return False
        if cues.AGENDA_TALK.search(u.low) or cues.NEXT_MEETING.search(u.low) or self.hypothetical(u):
            return False
        back_to = u.idx - taken[-1].idx + 10
        answered = all(v.turn == taken[-1].turn for v in self.utts[taken[-1].idx : u.idx])  # the take-back's answer
        days = {n for v in self._window(u, back=back_to) for n in said_numbers(v.low)}
        if not answered and not self._raised(u, m.group("rest"), others_only=False, back=back_to):
            if not said_numbers(m.group("rest")) & days:
                return False  # the matter nobody spoke of: a word or a day shared with the talk before
        reply = next((v for v in self.utts[u.idx + 1 : u.idx + 6] if v.turn != u.turn), None)
        if reply is not None and reply.speaker != u.speaker and _HELD_BACK.match(reply.low):
            return False
        rest = strip_tail(u.text[m.start("rest") :]).rstrip(" .!,")
        text = decision_sentence(first_person(group_clause(verb, rest, m.group("neg") or ""), u.name))
        self._add_decision(text, u, [u], 0.6, WHY)
        self.used.add(u.idx)
        return True
