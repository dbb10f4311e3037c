"""Tasks taken in a reply that names the task only by a pronoun or a yes, or shared out in one sentence.

The turns around a reply say what it takes on. Someone sought for a task ("Jag behöver någon som gör affischen.",
"Vem tar hand om nya Linnea på onsdag?", "Har någon pratat med grannen om staketet?") answered "Jag gör den.",
"Jag tar henne.", "Jag pratar med honom." gives the one who answers the task the question named. A word to
pass on asked of someone ("Mattias, säger du det till båtarna?") answered yes ("Ja. På radion i kväll.") is that
person's task. A task said to "du" with no name, right after the other's turn, is the other's when the same
sentence says what the speaker does in return ("Och du skriver upp vilka som är slut, så beställer jag."), or
when a time is set for it in the turn ("Då får du ringa dem och fråga. Det kan du göra i morgon.").
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.phrasing import is_present_verb, strip_tail, to_infinitive
from transcribe.minutes.rules.promises import SaidPromises
from transcribe.minutes.rules.unheard import AUX
from transcribe.minutes.rules.utterances import NOT_TASKS, Utt, action_verb, is_agreement
from transcribe.sv.text import capitalise, content_words

# "Jag gör den.", "Jag tar henne.", "Jag pratar med honom.", "Det gör jag.": a reply naming the task by a pronoun
_TAKEN = re.compile(
    r"^(?:(?:ja|jo|okej|då|men)\s*,?\s+)?(?:jag\s+(?:kan\s+|ska\s+)?(?P<v>[a-zåäö]+)\s+(?:med\s+|till\s+|på\s+)?"
    r"(?:den|det|dem|henne|honom)|(?:den|det|dem|henne|honom)\s+(?P<v2>[a-zåäö]+r)\s+jag)\s*[.!]?$"
)
# What was sought: "vem tar hand om X?", "vem orkar läsa X?", "har någon pratat med X om Y?", "behöver någon som gör X"
_SOUGHT = re.compile(
    r"(?:\bvem\s+(?:som\s+)?(?:kan\s+|ska\s+|orkar\s+|hinner\s+|vill\s+)?|\bhar\s+någon\s+|"
    r"\b(?:behöver|söker|vill\s+ha|saknar)\s+(?:någon|en)\s+som\s+(?:kan\s+)?)(?P<v>[a-zåäö]{2,})\s+(?P<rest>[^?.!]+)"
)  # never "kan någon hämta in Rasmus?" - "Jag hämtar honom.": a thing done now, in the meeting
# "Mattias, säger du det till båtarna?": a word to pass on asked of the one named
_TELL_ASKED = re.compile(
    r"^(?:och\s+)?(?P<name>[a-zåäö]+),\s+(?:kan\s+du\s+(?P<v1>säga|berätta|meddela)|(?P<v2>säger|berättar|meddelar)"
    r"\s+du)\s+(?P<rest>(?:det\s+)?(?:till|för)\s+[^?]+)\?"
)
# "Och du skriver upp vilka som är slut, så beställer jag.": the other's part, then the speaker's in return
_SHARED = re.compile(
    r"^(?:(?:och|men|då)\s+)?du\s+(?P<v>[a-zåäö]+r)\s+(?P<rest>[^,.?!]+),\s+så\s+(?P<v2>[a-zåäö]+r)\s+jag"
    r"(?P<rest2>[^,.?!]*)"
)
# "Då får du ringa dem och fråga.": a task said to "du" with no name
_YOU_MUST = re.compile(r"^(?:(?:och|men|då|så)\s+)?(?:du\s+(?:får|ska|måste)|(?:får|ska|måste)\s+du)\s+"
                       r"(?P<v>[a-zåäö]+a)\s+(?P<rest>[^.?!]+)")  # fmt: skip
_SUPINE = re.compile(r"^(?P<stem>[a-zåäö]{2,}?)(?:(?P<a>a)t|(?P<it>i)t|(?<=[^aeiouyåäö])t)$")
_SUPINES = {"gjort": "göra", "tagit": "ta", "sagt": "säga", "varit": "vara", "fått": "få"}


def _infinitive(verb: str, supine: bool) -> str:
    """The sought verb as an infinitive: present 'tar' -> 'ta'; after 'har någon' the supine, 'pratat' -> 'prata',
    'ringt' -> 'ringa', 'skrivit' -> 'skriva'."""
    if supine:  # "har någon något emot …?" asks no deed: no supine, no task
        sup = _SUPINE.match(verb)
        return _SUPINES.get(verb) or (sup.group("stem") + "a" if sup else "")
    return to_infinitive(verb) if is_present_verb(verb) else verb


class ReplyTasks(SaidPromises):
    """Tasks read from the reply and the turn before it; they record into the shared state."""

    def _sought_taken(self, u: Utt) -> bool:
        """'Vem tar hand om nya Linnea på onsdag?' - 'Inte jag …' - 'Jag tar henne.': the task sought in one of the
        two turns before, taken by one who answers with a pronoun for it."""
        m = _TAKEN.match(u.low)
        verb = (m.group("v") or m.group("v2")) if m else ""
        if m is None or u.is_question or verb in NOT_TASKS or verb in AUX or not is_present_verb(verb):
            return False
        turns: list[int] = []
        for v in self._window(u, back=6):
            if v.turn == u.turn:
                continue
            if v.turn not in turns:
                turns.append(v.turn)
            if len(turns) > 2:
                return False
            if v.speaker == u.speaker:
                continue
            s = _SOUGHT.search(v.low)
            if s is None or cues.NEG.search(v.low[: s.start()]):
                continue
            sought, rest = _infinitive(s.group("v"), s.group(0).startswith("har")), s.group("rest")
            if (
                not sought
                or sought in NOT_TASKS
                or sought in AUX
                or not [w for w in content_words(rest) if w not in ("det", "den")]
            ):
                return False
            at = v.low.find(rest, s.start("rest"))
            self._add_action(capitalise(f"{sought} {strip_tail(v.text[at : at + len(rest)])}"), u.name, [v, u], 0.7)
            return True
        return False

    def _tell_taken(self, u: Utt) -> bool:
        """'Mattias, säger du det till båtarna?' - 'Ja. På radion i kväll.': a word to pass on, asked by name and
        answered yes by the one named, is their task (when and how said after the yes)."""
        if not is_agreement(u) or cues.HEDGE.search(u.low) or re.search(r"\bnej\b", u.low):
            return False
        turn = self._turn_before(u)
        first = next((v for v in self.utts[max(0, u.idx - 2) : u.idx + 1] if v.turn == u.turn), u)
        asked = turn[-1] if turn else None
        m = _TELL_ASKED.match(asked.low) if asked is not None and asked.is_question and first is u else None
        person = self._named_person(m.group("name")) if m else None
        if m is None or person is None or person[0] != u.speaker:
            return False
        verb = to_infinitive(m.group("v1") or m.group("v2"))
        at = asked.low.find(m.group("rest"), m.start("rest"))
        what = capitalise(f"{verb} {strip_tail(asked.text[at : at + len(m.group('rest'))])}")
        self._add_action(what, u.name, [asked, u, *self._same_segment_after(u, 1)], 0.7)
        return True

    def _shared_out(self, u: Utt) -> bool:
        """'Och du skriver upp vilka borstar som är slut, så beställer jag.': the first part is the task of the one
        who spoke just before, the part after 'så … jag' the speaker's own, on the same thing."""
        m = _SHARED.match(u.low)
        turn = self._turn_before(u)
        first = next((v for v in self.utts[max(0, u.idx - 3) : u.idx + 1] if v.turn == u.turn), u)
        if m is None or not turn or first is not u or cues.HEDGE.search(u.low) or cues.TENTATIVE.search(u.low):
            return False
        verb, rest, verb2 = m.group("v"), m.group("rest"), m.group("v2")
        other = turn[-1]
        if verb in NOT_TASKS or verb2 in NOT_TASKS or not action_verb(verb, rest) or not content_words(rest):
            return False
        if not action_verb(verb2, m.group("rest2")) or other.name is None:
            return False
        at = u.low.find(rest, m.start("rest"))
        said = f"{to_infinitive(verb)} {strip_tail(u.text[at : at + len(rest)])}"
        self._add_action(capitalise(said), other.name, [u], 0.7)
        own = strip_tail(m.group("rest2")).strip()
        what = f"{to_infinitive(verb2)} {own or 'det'}" + ("" if len(content_words(own)) > 1 else f" ({said})")
        self._add_action(capitalise(what), u.name, [u], 0.7)
        return True

    def _you_must_timed(self, u: Utt) -> bool:
        """'Då får du ringa dem och fråga. Det kan du göra i morgon.': a task said to 'du' with no name, right after
        the other's turn, with a day set for it in the same turn, is the other's."""
        m = _YOU_MUST.match(u.low)
        turn = self._turn_before(u)
        if m is None or u.is_question or not turn or cues.HEDGE.search(u.low) or cues.TENTATIVE.search(u.low):
            return False
        if re.search(r"\bgärna\b", u.low) or self._named_person(u.low) is not None:
            return False  # "du får gärna …" is leave, not a task; a name said is read by the named rules
        verb, rest = m.group("v"), m.group("rest")
        if verb in NOT_TASKS or verb in AUX or not action_verb(verb, rest) or turn[-1].name is None:
            return False
        said = [u, *self._same_segment_after(u, 1)]
        if not any(w.date is not None and w.date >= self.ref for v in said for w in self.whens(v)):
            return False
        at = u.low.find(rest, m.start("rest"))
        what = capitalise(f"{verb} {strip_tail(u.text[at : at + len(rest)])}")
        self._add_action(what, turn[-1].name, said, 0.7)
        return True
