"""The last word counts: a decision reopened by "Vänta" and settled again the other way.

A group often settles a matter, hears a fact it had forgotten and settles it again within a few turns:
"Okej, nattskift torsdag då." - "Vänta. Museet har sagt att de kan ta den på måndag." - ... - "Då struntar vi
i nattskiftet. Boken levereras på måndag i stället ...", or "Bra. Då slutar vi med pappret." - "Men vänta lite.
Vem köper presentkort? ..." - ... - "Okej. Samir har rätt. Vi behåller pappret. Men alla nya kort har en kod
...". The turn structure carries it: a decision, another speaker reopening it with "vänta", and the one who
settled it saying the group's course on the same matter (a word of the decision again). The minutes keep
that last course: the first reading is replaced by it, or dropped when a rule read the last one already.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.phrasing import decision_sentence, first_person, group_clause, strip_tail
from transcribe.minutes.rules.utterances import Utt, evidence_list, stems
from transcribe.sv.text import capitalise

# "Vänta. ...", or a thing the course forgot asked back: "Men bandet på söndag kväll, då?"
_REOPEN = re.compile(r"^(?:(?:men|nej|fast|oj|ja)\b[\s,.!]*)*vänta\b|^men\b[^?]*\bdå\s*\?$")
# The group's course said again: "Då struntar vi i nattskiftet", "Vi behåller pappret", "Det blir ingen höjning"
_FRONTED = re.compile(r"^(?:då|så)\s+(?P<v>[a-zåäö]+(?:ar|er|ör|år))\s+vi\s+(?P<neg>inte\s+)?(?P<rest>\S.*)$")
_WE = re.compile(r"^vi\s+(?P<v>[a-zåäö]+(?:ar|er|ör|år))\s+(?P<neg>inte\s+)?(?P<rest>\S.*)$")
_NONE = re.compile(r"^(?:då\s+)?blir\s+det\s+(?:ingen|inget|inga)\s+\w")
_CHANGE = re.compile(r"^(?:då\s+)?(?:ändrar|byter|vänder)\s+vi(?:\s+(?:på\s+)?det)?(?:\s+då)?\s*[.!]$")
# A course that only points ("Då gör vi så. Öppet varje natt ..."): the sentences after it name the course
_POINTING = re.compile(r"^(?:så|det|det\s+här|detta|den|på\s+det)(?:\s+(?:då|nu|alltså))?$")
_NOT_COURSE = frozenset("har är kan ska får vill måste tycker tror vet ser hör säger pratar tar".split())
_BACK_TURNS = 8


class LastWordDecisions:
    """A pass after the rules: a reopened decision's first reading gives way to the last (a RuleState mixin)."""

    def last_word_pass(self) -> None:
        for d in list(self.out.decisions):
            said = self.said_in(d)
            ends = [v for i, v in enumerate(said) if i + 1 == len(said) or said[i + 1].turn != v.turn]
            later = next((c for c in (self._settled_again(v, d.text) for v in ends) if c is not None), None)
            if later is None:
                continue
            course, text = later
            ids = {v.idx for v in course}
            other = next((o for o in self.out.decisions if o is not d and {v.idx for v in self.said_in(o)} & ids), None)
            if other is not None and other.evidence[0].start > d.evidence[-1].end - 1e-6:
                self.keep_decisions([o for o in self.out.decisions if o is not d])  # read already: drop the first
                continue
            d.text = text
            d.evidence = evidence_list(course)
            self.decided.update(v.idx for v in course)

    def _settled_again(self, settler: Utt, text: str) -> tuple[list[Utt], str] | None:
        """After another speaker's 'Vänta', the group's course on the same matter said by someone else."""
        matter = stems(text)
        reopened: str | None = None
        turns = 0
        for v in self.utts[settler.idx + 1 : settler.idx + 30]:
            if v.turn == settler.turn:
                continue
            turns += v.idx == 0 or self.utts[v.idx - 1].turn != v.turn
            if turns > _BACK_TURNS:
                return None
            if reopened is None:
                reopened = v.speaker if v.speaker != settler.speaker and _REOPEN.match(v.low) else None
                continue
            if v.speaker != settler.speaker or v.is_question:
                continue  # the one who settled it settles it again
            start = _lead_end(v.low)
            low = v.low[start:]
            turn_after = [x for x in self.utts[v.idx : v.idx + 3] if x.turn == v.turn]
            if cues.TENTATIVE.search(low) or cues.REPORTED.search(low):
                continue
            if not shares_matter(matter, stems(" ".join(x.text for x in turn_after))):
                continue
            m = _FRONTED.match(low) or _WE.match(low)
            if m is not None and m.group("v") not in _NOT_COURSE:
                rest = strip_tail(v.text[start + m.start("rest") :]).rstrip(" .!,")
                told = m.group("rest").rstrip(" .!,")
                pointing = _POINTING.match(told) is not None and not m.group("neg")
                clause = group_clause(m.group("v"), rest, m.group("neg") or "")
                first = "" if pointing else decision_sentence(first_person(clause, v.name))
            elif _NONE.match(low):
                first = capitalise(strip_tail(v.text[start:]).rstrip(" .!,")) + "."
            elif _CHANGE.match(low) and len(turn_after) > 1 and not turn_after[1].is_question:
                said = turn_after[1]  # "Okej, då ändrar vi. Dejan julafton, Amanda nyår."
                return [v, said], capitalise(first_person(strip_tail(said.text).rstrip(" .!,"), said.name)) + "."
            else:
                continue
            more = [x for x in self.utts[v.idx + 1 : v.idx + 3] if x.turn == v.turn and not x.is_question]
            more = [x for x in more if not re.match(r"^(?:jag|du|ni|[\w-]+,)\b", x.low)]
            if not first and not more:
                continue  # "Då gör vi så." and nothing after it: the course is not named here
            text_more = [capitalise(first_person(strip_tail(x.text).rstrip(" .!"), x.name)) + "." for x in more]
            return [v, *more], " ".join([t for t in (first, *text_more) if t])
        return None


def shares_matter(a: set[str], b: set[str], least: int = 4) -> bool:
    """The same matter: a word shared, or one word the other's head or stem ('nattskift' - 'nattskiftet',
    'terminsavgift' - 'avgiften'), the shorter `least` letters or more."""
    return any(
        x == y
        or (min(len(x), len(y)) >= least and (x.startswith(y) or y.startswith(x) or x.endswith(y) or y.endswith(x)))
        for x in a
        for y in b
    )


def _lead_end(low: str) -> int:
    """Where the statement starts after 'Okej.', 'Bra,' (but not its own 'då'/'så')."""
    m = re.match(r"^(?:(?:okej|ok|bra|ja|nej)\b[\s,.!]*)*", low)
    return m.end() if m else 0
