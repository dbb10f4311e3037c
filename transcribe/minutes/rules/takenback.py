"""Decisions their own speaker takes back, and what stays as it was after a take-back.

One who settles a matter at once ("Två barn. Då lägger vi ner sagostunden i Dokkas.") is often told why not by
another ("Men de två barnen kommer från förskolan …") and answers in the next own turn "Då tar jag tillbaka det":
the first words were a proposal the room turned, not a decision. What the take-back turn then says stays as before
("… sagostunden blir kvar.", "Det blir sex som förut.", "vi fortsätter med överkast") is only the take-back's
result, no decision of its own, unless someone else then settles it ("Bra. Fyrtio kronor som förut, då."); the same
result said again in the summing-up ("Måndagarna blir som förut …") is none either. A new course said after the
take-back ("Då tar jag tillbaka det. Vi öppnar inte kontaktzoot till påsk.") stays a decision. What was settled on
a matter the speaker later names as no longer holding ("Okej. Då gäller inte det vi sa om entrén. Stämman är gratis
…", once another raised a reason minutes after) is none either; the course said there is."""

from __future__ import annotations

import re

from transcribe.minutes.model import Decision
from transcribe.minutes.rules.state import RuleState
from transcribe.minutes.rules.utterances import Utt, stems
from transcribe.sv.text import content_words

# "Då tar jag tillbaka det", "Ja, då tar vi tillbaka det", "Jag drar tillbaka förslaget"; what was just said
# struck or changed at once ("Då får vi stryka det jag just sa.", "Då får vi ändra det.", "Glöm det jag sa.").
# (the last word may be misheard: "Då får vi stryka det jag just <förminolen>.", "Då får vi ändra <i>.")
_TAKE_BACK = re.compile(
    r"\b(?:(?:tar|drar)\s+(?:jag|vi)\s+tillbaka|(?:jag|vi)\s+(?:tar|drar)\s+tillbaka)\s+"
    # (the pronoun misheard as a short word closing the sentence: "Ja, då tar vi tillbaka <din>.")
    r"(?:det|den|förslaget|mitt\s+förslag|[a-zåäö]{1,3}(?=\s*[.!]?$))\b"
    r"|\b(?:stryk|stryka|stryker\s+vi|glöm|glömmer\s+vi|ändra|ändrar\s+vi|ta\s+bort)\s+det\s+(?:jag|vi)\s+"
    r"(?:just\s+[a-zåäö]+|sa)\b"
    r"|^(?:(?:okej|nej|ja|men)\b[\s,]*)*(?:då\s+)?(?:får\s+vi|måste\s+vi)\s+(?:stryka|ändra)\s+(?:på\s+)?[a-zåäö]+\s*[.!]?$"
    # "forget it" closing the sentence: "Då blir det inga lördagar i maj, glöm det." (not "glöm det inte")
    r"|\bglöm\s+det\s*[.!]?$"
    # the plan given up, said on its own: "Då går det ju inte." (others' "Det går inte" is an objection: the pass
    # reads it only from the one whose plan it was, opening his answer to the objection)
    r"|^(?:(?:nej|ja|okej|men)\b[\s,]*)*då\s+går\s+det\s+(?:ju\s+)?inte\s*[.!]?$"
)
# What a take-back's own sentence may still say: how things stay, the plan said in the negative or left as it is
# ("Då blir det inga lördagar i maj, glöm det.", "Nej, då låter vi grind två vara öppen.")
_STAYS = re.compile(r"\b(?:inte|ingen|inget|inga)\b|\blåt(?:er)?\s+(?:vi\s+)?(?:\w+\s+){1,3}vara\b")
# The same with its verb misheard, the recogniser unsure of it: "Då <en> vi <strka> det jag just sa."
_TAKE_BACK_SLOT = re.compile(r"\b(?P<verb>[a-zåäö]+)\s+det\s+jag\s+just\s+sa\b")
# What was said on a matter named no longer holds: "Då gäller inte det vi sa om entrén.", "Stryk det vi sa om kaffet."
# ("sa om" misheard: "Då gäller inte det vi <i> <på> entrén.")
_MATTER_BACK = re.compile(
    r"\b(?:gäller\s+inte|stryk|stryker\s+vi|glöm)\s+det\s+(?:jag|vi)\s+(?:just\s+)?(?:sa\s+om\s+|[a-zåäö]+\s+)"
    r"(?P<matter>[^.,!?]+)"
)
_MATTER_REACH_S = 300.0  # seconds from the decision to the words that it no longer holds
# Things kept as they were: "blir som förut", "blir kvar", "fortsätter med", "behåller".
_AS_BEFORE = re.compile(
    r"\bsom\s+(?:förut|vanligt|tidigare|nu|hittills|i\s+dag)\b|\b(?:blir|står|ligger|finns)\s+kvar\b"
    r"|\bfortsätter\b|\bbehåller\b"
    # "Cykelpatrullen är kvar i sommar.", "caféet får vara", "Då får panflöjten vara kvar": left as it is
    r"|\bär\s+kvar\b|\bfår\s+(?:[a-zåäö-]+\s+){0,2}vara(?:\s+kvar\b|\s*(?:[.,!]|$))"
)
# What a take-back leaves: things as before, or the plan's matter struck ("Då stryker vi biblioteket.")
_RESULT = re.compile(_AS_BEFORE.pattern + r"|\bstryk(?:a|er)\b(?!\s+(?:vi\s+)?det\b)")
_STATE_WORDS = frozenset(
    stems("som förut vanligt tidigare hittills blir står ligger finns är får vara kvar fortsätter behåller")
)
# The speaker's own plan struck with a pronoun in the answer to another's objection: "Jaha. Nej, det visste jag inte.
# Då stryker vi det, caféet är öppet som förut …" (read only after the speaker's own plan and another's turn)
_STRIKES_OWN = re.compile(
    r"^(?:(?:okej|nej|ja|jaha|men|jo)\b[\s,.!]*)*(?:då\s+)?stryker\s+vi\s+det\b(?!\s+(?:jag|vi)\b)"
)
# A question put to one by name closing the take-back's turn ("Jonas, cyklarna?"): the answer is that one's task
_ASKED_BY_NAME = re.compile(r"^(?P<name>[a-zåäö-]+)\s*,\s*\S")
_NEGATED = re.compile(r"\b(?:inte|ingen|inget|inga)\b")
_NEGATIONS = frozenset(stems("inte ingen inget inga"))
_FRAME = frozenset(stems("mötet beslutade att"))  # the frame a rule may put before the plan
_TALK = 4  # turns before a take-back holding the proposal it takes back
_SAME_MATTER = 2  # content words the speaker's settling turns between share with the one taken back
_OPENING = 3  # the take-back is said among the first sentences of the turn that answers the objection
_REACH_S = 120.0  # seconds from the decision to the take-back


class TakenBackDecisions(RuleState):
    """The pass that drops decisions taken back by their speaker, and the take-back's result."""

    def taken_back_pass(self) -> None:
        if not self.out.decisions:
            return
        takes = [u for u in self.utts if (_takes_back_words(u) or self._strikes_own(u)) and not u.is_question]
        named = [(u, stems(m["matter"])) for u in self.utts if not u.is_question and (m := _MATTER_BACK.search(u.low))]
        said_of = {d.id: self.said_in(d) for d in self.out.decisions}
        deciding = {(u.speaker, u.turn) for said in said_of.values() for u in said}
        kept: list[Decision] = []
        results: list[set[str]] = []
        # each take-back and the words of the talk it took back (the proposal and its close, read or misheard)
        withdrawn = [
            (t, stems(" ".join(u.text for u in self.utts[: t.idx] if u.turn >= t.turn - _TALK))) for t in takes
        ]
        for d in self.out.decisions:
            said = said_of[d.id]
            if said and any(self._takes_back(t, said, deciding) for t in takes):
                continue
            if said and any(
                _NEGATED.search(d.text.lower()) and self._result_of(t, said) and _within(d, w) for t, w in withdrawn
            ):
                continue  # the plan taken back said in the negative ("Ja, då tar vi tillbaka det. Ingen avgift.")
            if said and any(_no_longer_holds(t, matter, d, said) for t, matter in named):
                continue
            if said and _RESULT.search(d.text.lower()) and any(self._result_of(t, said) for t in takes):
                results.append(stems(d.text) - _STATE_WORDS)
                continue
            kept.append(d)
        # the take-back's result said again later (the summing-up): none either
        kept = [d for d in kept if not (_AS_BEFORE.search(d.text.lower()) and any(r & stems(d.text) for r in results))]
        if len(kept) != len(self.out.decisions):
            self.keep_decisions(kept)

    def _takes_back(self, t: Utt, said: list[Utt], deciding: set[tuple[str | None, int]]) -> bool:
        """`t` takes back what its speaker settled in `said`: said after it, in the same turn or in the speaker's
        next turn, another having spoken between, the take-back among that turn's first sentences. The speaker's
        turns between that settle the same again ("Jag tänkte att vi gör det igen." - "Hon bakar gärna." - "Då kör
        vi kaffe och våfflor …") go back with it."""
        own = [u for u in said if u.speaker == t.speaker and u.idx <= t.idx]
        if not own or any(u.idx > t.idx and u.turn <= t.turn + 2 for u in said):
            return False  # settled again just after (the summing-up, later, may say it again)
        if own[-1] is t and not _STAYS.search(t.low) and len(content_words(_TAKE_BACK.sub(" ", t.low))) > 1:
            return False  # the take-back's own sentence says a new course ("Glöm det, vi kör på fredag i stället.")
        last = own[-1]
        if t.start - last.end > _REACH_S:
            return False
        if t.turn == last.turn:
            return True
        between = self.utts[last.idx + 1 : t.idx]
        matter = stems(" ".join(u.text for u in own))
        for turn in {v.turn for v in between if v.speaker == t.speaker and v.turn != t.turn}:
            again = stems(" ".join(v.text for v in between if v.turn == turn))
            if (t.speaker, turn) not in deciding or len(matter & again) < _SAME_MATTER:
                return False  # the speaker said something else since: the take-back is of that
        opening = sum(1 for v in between if v.turn == t.turn)
        return opening < _OPENING and any(v.speaker != t.speaker for v in between)

    def _result_of(self, t: Utt, said: list[Utt]) -> bool:
        """What `said` settles is said in the take-back's own turn after `t`, and no one settles it in the next two
        turns (the talk before it, and the summing-up saying it again, may be among the evidence)."""
        after = [u for u in said if u.idx >= t.idx and u.turn <= t.turn + 2]
        return bool(after) and all(u.turn == t.turn or self._answers_named(u, t) for u in after)

    def _answers_named(self, u: Utt, t: Utt) -> bool:
        """`u` is said in the turn right after `t`'s, which closed with a question put to one by name."""
        asked = [v for v in self.utts[t.idx : u.idx] if v.turn == t.turn]
        if u.turn != t.turn + 1 or not asked or not asked[-1].is_question:
            return False
        m = _ASKED_BY_NAME.match(asked[-1].low)
        return m is not None and any(v.name and v.name.split()[0].lower() == m["name"] for v in self.utts)

    def _strikes_own(self, u: Utt) -> bool:
        """`u` strikes "it" in the answer to another's objection, the speaker's turn before that holding a plan read
        as decided ("Då stänger vi caféet …" - "Vänta, …" - "Då stryker vi det, …")."""
        if not _STRIKES_OWN.match(u.low):
            return False
        before = [v for v in self.utts[max(0, u.idx - 12) : u.idx] if v.turn < u.turn]
        if not before or before[-1].speaker == u.speaker:
            return False
        objection = before[-1].turn
        own = [v for v in before if v.turn == objection - 1 and v.speaker == u.speaker]
        return any(v.idx in self.decided for v in own) and u.start - own[-1].end <= _REACH_S


def _takes_back_words(u: Utt) -> bool:
    """`u` says its speaker takes back what was just said, its verb heard or heard unsure."""
    if _TAKE_BACK.search(u.low):
        return True
    m = _TAKE_BACK_SLOT.search(u.low)
    return m is not None and u.uncertain(m["verb"])


def _no_longer_holds(t: Utt, matter: set[str], d: Decision, said: list[Utt]) -> bool:
    """`t` says that what was said on `matter` no longer holds, and `d` on that matter was settled before it, within
    minutes, and not said again in the turns right after (the new course said there is a decision of its own)."""
    if said[0].turn >= t.turn or t.start - said[0].end > _MATTER_REACH_S:
        return False
    if not _on(matter, d.text):
        return False
    return not any(u.idx > t.idx and u.turn <= t.turn + 2 and _on(matter, u.text) for u in said)


def _within(d: Decision, matter: set[str]) -> bool:
    """Every word `d` says besides its negation is a word of `matter`, or the last part of a compound of it
    ('avgift' of 'medlemsavgift'): the matter taken back said in the negative, nothing new."""
    said = stems(d.text) - _NEGATIONS - _FRAME
    return bool(said) and all(any(_same_word(a, b) or b.endswith(a) and len(a) >= 5 for b in matter) for a in said)


def _on(matter: set[str], text: str) -> bool:
    """`text` speaks of `matter`: a word of it in any form."""
    return any(_same_word(a, b) for a in matter for b in stems(text))


def _same_word(a: str, b: str) -> bool:
    """The same word in another form: one stem begins the other ("entré", "entrén")."""
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_.startswith(short)
