"""A word to pass on: telling someone outside the meeting what it said.

"Jag ska säga det till kyrkorådet, de undrade.", "Jag säger till dem i skolan i morgon.", "Kalle, säg det till
dem.": saying or telling something to a person or body (never to those in the room: "säg till mig", "säg till
om ni inte kan") is a task, the speaker's or the one named's. A proposal ("och att jag säger det till byalaget"),
a question or a hedge is none.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.phrasing import strip_tail
from transcribe.minutes.rules.taskmerge import TaskMerging
from transcribe.minutes.rules.utterances import Utt
from transcribe.sv.text import capitalise, content_words

_TELL = {"säga": "säga", "säger": "säga", "berätta": "berätta", "berättar": "berätta", "meddela": "meddela",
         "meddelar": "meddela", "säg": "säga"}  # fmt: skip
# Who is told: someone outside the room (a pronoun for the people talked of, a name, a body)
_WHO = r"(?P<prep>till|för|åt)\s+(?!(?:er|dig|mig|oss|alla|varandra|om|när|ifall)\b)(?P<who>[^,.?!]+)"
# "jag ska säga det till kyrkorådet", "och jag säger det till Göran", "jag berättar det för föräldrarna"
_SAY_I = re.compile(
    rf"(?:^|,\s*|\b(?:och|men|så|då)\s+)jag\s+(?:ska\s+|kan\s+)?(?P<v>säga|säger|berätta|berättar|"
    rf"meddela|meddelar)\s+(?P<obj>(?:det|detta)\s+)?{_WHO}"
)
# "Jag svarar honom det. I morgon.": an answer to give someone outside the room
_ANSWER_I = re.compile(
    r"(?:^|,\s*|\b(?i:och|men|så|då)\s+)(?i:jag\s+(?:ska\s+|kan\s+)?(?:svarar|svara))\s+"
    r"(?P<who>honom|henne|dem|dom|[A-ZÅÄÖ][a-zåäöé]+)(?:\s+(?:det|detta))?\s*(?:[.!]|$)"
)
# What they are told, said in the talk before: "Då får de stå i kön som alla andra.", "Det får Gunnar lämna …"
_FOR_THEM = re.compile(
    r"\b(?:(?:han|hon|de|dom)\s+(?:får|ska|måste|kan|behöver|slipper)|"
    r"(?:får|ska|måste|kan|behöver|slipper)\s+(?:han|hon|de|dom|[A-ZÅÄÖ][a-zåäöé]+)\s)"
)
# "Kalle, säg det till dem.", "Säg det till Göran, Anna."
_SAY_NAMED = re.compile(
    rf"^(?:(?:och|men|så)\s+)?(?:(?P<name>[a-zåäö]+),\s+)?(?P<v>säg|berätta)\s+(?P<obj>det\s+)?{_WHO}"
)
# What they are told, said after the one told: ", hon får boka in sig på samtalet i dag" (not ", de undrade")
_WHAT_TOLD = re.compile(r",\s+(?P<c>(?:han|hon|de|dom|ni|du)\s+(?:får|ska|måste|kan|behöver|slipper)\s+[^.?!]+)", re.I)
_NAME_LAST = re.compile(r",\s+(?P<name>[a-zåäö]+)\s*[.!]?\s*$")


class PassedOn(TaskMerging):
    """The rule for a word to pass on; it records into the shared state."""

    def _passed_on(self, u: Utt) -> bool:
        """'Jag säger till dem i skolan i morgon': the speaker's task; 'Kalle, säg det till dem.': Kalle's."""
        if u.is_question or cues.HEDGE.search(u.low) or cues.TENTATIVE.search(u.low):
            return False
        m = _SAY_I.search(u.low)
        owner = u.name
        answer = _ANSWER_I.search(u.text) if m is None else None
        if answer is not None:  # "Jag svarar honom det.": the answer the meeting gave, to pass on
            said = self._word_to_pass(u)
            what = f"Svara {answer.group('who')}"
            self._add_action(f"{what} ({said})" if said else what, owner, [u], 0.7)
            return True
        if m is None:
            m = _SAY_NAMED.match(u.low)
            named = (m.group("name") or (n.group("name") if (n := _NAME_LAST.search(u.low)) else "")) if m else ""
            person = self._named_person(named) if named else None
            if m is None or person is None or person[0] == u.speaker:
                return False
            owner = person[1]
        who = strip_tail(u.text[m.start("who") : m.end("who")]).strip()
        if not who:
            return False
        verb = _TELL[m.group("v")]
        what = capitalise(f"{verb} {m.group('obj') or ''}{m.group('prep')} {who}")
        after = _WHAT_TOLD.match(u.text[m.end("who") :])  # "jag säger till henne, hon får boka in sig …"
        said = strip_tail(after.group("c")).rstrip(" .!") if after else self._word_to_pass(u)
        said = None if re.search(r"\batt\s", who) else said  # "säger åt honom att lägga den …": said in it
        self._add_action(f"{what} ({said})" if said else what, owner, [u], 0.7)
        return True

    def _word_to_pass(self, u: Utt) -> str | None:
        """What is to be told, when the sentence does not say it after a comma: the nearest statement before it
        with something to say ("Då ligger det kvar på tjugo kronor." before "Jag ska säga det till kyrkorådet")."""
        said = [v for v in self._window(u, back=4)
                if not v.is_question and len(content_words(v.text)) >= 2 and not _SAY_I.search(v.low)]  # fmt: skip
        told = next((v for v in said if v.turn != u.turn and _FOR_THEM.search(v.text)), None)
        pick = told or (said[0] if said else None)  # what they may or must do, else the nearest statement
        return strip_tail(pick.text).rstrip(" .!") if pick is not None else None
