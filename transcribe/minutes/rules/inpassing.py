"""A plan the one who leads says in passing, settled when a member takes up its errand.

Not every decision is argued: the one who leads often says the group's course on a matter one member raised, or on
none, and goes on ("Förresten, fredagsfikat med BVC i maj, det ställer vi in, för de flyttar till nya huset. Nästa sak,
tolkarna."; "Släng dem. Vi beställer nya från regionens tryckeri. Oskar, kan du beställa?"). What settles it is the
next turns: a member takes up the errand the plan needs - asked by name in the same turn and saying yes ("Oskar, kan
du beställa?" - "Japp."), or offering it himself and told to go ahead ("Ska jag säga till BVC det?" - "Gör det.").
The errand names the plan by a pronoun ("skicka ut det") or by a word of it ("beställa", "BVC").

The plan is the group's course in the present tense ("vi bjuder in ...", "vi slutar mata sista mars") or a matter
put first and taken up by "det" ("fredagsfikat ..., det ställer vi in"); never a question, a condition, a hedge, a
wish, a matter put off, the meeting's order or the next meeting, and never when the member who was asked objects.
Flagged: said without a decision word.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.phrasing import decision_sentence, first_person, group_clause, strip_tail
from transcribe.minutes.rules.commitments import WHY
from transcribe.minutes.rules.utterances import Utt, is_agreement, stems

# "Vi beställer nya ...", "Och vi bjuder in de sex markägarna ...": the group's course
_WE_DO = re.compile(
    r"^(?:(?:och|men|så|okej|bra|ja)\b[\s,]*)*vi\s+(?P<v>[a-zåäö]{2,}r)\s+(?P<neg>inte\s+)?(?P<rest>\S.*)$"
)
# "Förresten, fredagsfikat med BVC i maj, det ställer vi in, ...": the matter put first and taken up by "det"
_PUT_FIRST = re.compile(
    r"^(?:(?:förresten|och|men|okej|bra|ja)\b[\s,]*)*(?P<np>[a-zåäö][\w\s-]{3,}?),\s+(?:det|den|dem)\s+(?P<v>[a-zåäö]{2,}r)"
    r"\s+vi\s+(?P<neg>inte\s+)?(?P<rest>[^,.!?]*)"
)
# Talk, thought, wish, ability, waiting, the meeting's order and an errand (asking, calling): no course
_NO_COURSE = frozenset(
    "har är får tar går kör kommer börjar fortsätter avslutar tycker tror vet ser hör hoppas undrar pratar "
    "diskuterar funderar väntar försöker säger menar ber tackar behöver hinner orkar klarar brukar skriver "
    "lämnar frågar ringer mejlar kollar kontaktar".split()
)
# The errand asked of one by name: "Oskar, kan du beställa?", "Ingrid, kan du skicka ut det?"
_ASKED = re.compile(r"^(?P<name>[A-ZÅÄÖ][\w-]+),\s+(?:kan\s+du|du)\s+(?P<errand>\S.*)\?$")
# The errand offered: "Ska jag säga till BVC det?", "Jag kan ringa dem."
_OFFERED = re.compile(r"^(?:(?:ja|okej)\b[\s,]*)*(?:ska\s+jag|jag\s+kan|kan\s+jag)\s+(?P<errand>\S.*)$")
_GO_AHEAD = re.compile(r"^(?:(?:ja|gärna|absolut|bra)\b[\s,.!]*)*(?:gör\s+(?:det|så)|ja|gärna|tack)\b")
_IT = re.compile(r"\b(?:det|den|dem)\b")
_HELD_BACK = re.compile(r"^(?:vänta|nej|nja|nä|stopp|men)\b")
_HABIT_MAIN = re.compile(r"\b(?:ofta|alltid|aldrig|ibland|brukar)\b")


class PassingDecisions:
    """A plan said in passing and settled by the errand a member takes up (mixed into the rule extractor)."""

    def _decided_in_passing(self, u: Utt) -> bool:
        if u.is_question or u.idx in self.used or u.idx in self.decided or u.speaker != self.talk_leader():
            return False
        first = _PUT_FIRST.match(u.low)
        m = first or _WE_DO.match(u.low)
        if m is None or m.group("v") in _NO_COURSE:
            return False
        # "..., som vi alltid har gjort", "..., för de flyttar ... och har inte tid": the reason, not the plan
        main = re.split(r",\s+(?:som|för|eftersom)\b", u.low)[0]
        if _HABIT_MAIN.search(main) or re.search(r"\b(?:om|ifall|när|innan|tills)\b", main[: m.start("rest")]):
            return False
        if cues.TENTATIVE.search(main) or cues.HEDGE.search(main) or cues.REPORTED.search(main):
            return False
        if cues.AGENDA_TALK.search(main) or cues.NEXT_MEETING.search(u.low) or cues.UNDECIDED.search(u.low):
            return False
        if self.hypothetical(u) or re.search(r"\bförst\s*[.!]?$", main):
            return False  # "Vi frågar medlemmarna först.": a step before the matter is settled
        rest = strip_tail(u.text[m.start("rest") : len(main)]).rstrip(" .!,")
        if first is not None:
            rest = f"{rest} {u.text[m.start('np') : m.end('np')]}".strip()
        if len(stems(rest)) < 1:
            return False
        taken = self._errand_taken(u, stems(rest) | {m.group("v")[:5]})
        if taken is None:
            return False
        text = decision_sentence(first_person(group_clause(m.group("v"), rest, m.group("neg") or ""), u.name))
        self._add_decision(text, u, [u, *taken], 0.6, WHY)
        self.used.add(u.idx)
        return True

    def _errand_taken(self, u: Utt, matter: set[str]) -> list[Utt] | None:
        """The sentences where a member takes up the plan's errand, or None when none does."""
        turn = [v for v in self.utts[u.idx + 1 : u.idx + 4] if v.turn == u.turn]
        after = [v for v in self.utts[u.idx + 1 : u.idx + 8] if v.turn != u.turn]
        if not after or after[0].speaker == u.speaker:
            return None
        reply = after[0]
        if _HELD_BACK.match(reply.low):
            return None
        asked = next((v for v in turn if (a := _ASKED.match(v.text)) is not None), None)
        if asked is not None:
            a = _ASKED.match(asked.text)
            person = self._named_person(asked.low)
            if (
                a is None
                or person is None
                or person[0] != reply.speaker
                or not self._names_plan(a.group("errand"), matter)
            ):
                return None
            agreed = is_agreement(reply) or re.match(r"^(?:jag\s+\w+r|det\s+gör\s+jag)\b", reply.low)
            return [asked, reply] if agreed else None
        offer = _OFFERED.match(reply.low)
        if offer is None or not self._names_plan(offer.group("errand"), matter):
            return None
        answer = next((v for v in after[1:] if v.turn != reply.turn), None)
        if answer is None or answer.speaker != u.speaker or not _GO_AHEAD.match(answer.low):
            return None
        return [reply, answer]

    @staticmethod
    def _names_plan(errand: str, matter: set[str]) -> bool:
        """The errand points at the plan: a pronoun for it or a word of it (a verb's start: 'beställ')."""
        words = stems(errand) | {w[:5] for w in re.findall(r"[a-zåäö]+", errand.lower())}
        return bool(_IT.search(errand.lower()) or words & matter)
