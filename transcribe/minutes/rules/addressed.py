"""Tasks given to someone else: said to "du", asked and echoed, or handed to a person by name.

Who owns a task follows from the turn structure, not from a list of phrases: "du" is the
participant named in the sentence or, failing that, the one who answers and agrees; a reply
that repeats the verb of the question put to its speaker accepts that task whatever the verb;
"vi ber Sirpa att …" gives the task to the person named, present or not.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.phrasing import strip_discourse, strip_tail, task_phrase, to_infinitive
from transcribe.minutes.rules.objects import ObjectTasks
from transcribe.minutes.rules.utterances import NOT_TASKS, Utt, action_verb, is_agreement
from transcribe.sv.text import capitalise, content_words

# "jag anmäler dem senast på måndag": a first-person verb (modal optional) and what follows it.
FIRST_PERSON = re.compile(r"\bjag\s+(?:(?P<modal>ska|kan|får|måste)\s+)?(?P<v>[a-zåäö]+)(?P<rest>[^.?!]*)")
# "Vi ber Sirpa att göra affischen", "Vi ber Malin gå igenom de sju eleverna".
_DELEGATION = re.compile(
    r"\b(?:[Vv]i|[Jj]ag)\s+ber\s+(?P<name>[A-ZÅÄÖ][a-zåäöé]+)\s+(?:att\s+)?(?P<v>[a-zåäö]+a|gå|ta|se|be)(?P<rest>\s[^.?!]+)"
)
# "Då skickar du ut kallelsen", "du tar kontakt med leverantören": a task said to the person addressed.
_YOU = re.compile(r"^(?:(?:då|så|och|men)\s+)?(?:(?P<v1>[a-zåäö]+r)\s+du|du\s+(?P<v2>[a-zåäö]+r))\s+(?P<rest>[^?]+)$")
# "Linh och Johan, ni uppdaterar era innan jul": the people named first, then "ni" or "du" and the task.
_NAMED_YOU = re.compile(
    r"^(?:(?:[Oo]ch|[Mm]en|[Ss]å|[Dd]å)\s+)?(?P<names>[A-ZÅÄÖ][a-zåäöé]+(?:(?:,\s*|\s+och\s+)[A-ZÅÄÖ][a-zåäöé]+)*),"
    r"\s+(?:ni|du)\s+(?P<v>[a-zåäö]+r)\s+(?P<rest>[^?]+)$"
)
_NAME_LAST = re.compile(r",\s+(?P<name>[A-ZÅÄÖ][a-zåäöé]+)\s*[.!]?\s*$")


class AddressedTasks(ObjectTasks):
    """Rules for tasks whose owner is someone other than the speaker."""

    def _you_task(self, u: Utt) -> bool:
        """A task said to "du": the participant named in the sentence, else the one who answers and agrees."""
        m = _YOU.match(strip_discourse(u.low))
        if not m or u.is_question or cues.HEDGE.search(u.low) or cues.TENTATIVE.search(u.low):
            return False
        verb, rest = m.group("v1") or m.group("v2"), m.group("rest")
        if verb in NOT_TASKS or not action_verb(verb, rest) or not content_words(rest):
            return False
        named = _NAME_LAST.search(u.text)
        person = self._named_person(named.group("name").lower()) if named else None
        reply = next((v for v in self.utts[u.idx + 1 : u.idx + 3] if v.speaker != u.speaker), None)
        if person is not None and person[0] != u.speaker:
            owner, utts = person[1], [u]
        elif reply is not None and is_agreement(reply) and not cues.HEDGE.search(reply.low):
            owner, utts = reply.name, [u, reply]
        else:
            return False
        at = u.low.rfind(rest)
        rest = _NAME_LAST.sub("", u.text[at : at + len(rest)] if at >= 0 else rest)
        self._add_action(capitalise(f"{to_infinitive(verb)} {strip_tail(rest).strip()}"), owner, utts, 0.7)
        return True

    def _named_you(self, u: Utt) -> bool:
        """'Linh och Johan, ni uppdaterar era innan jul, och skickar dem till mig': each participant named
        gets the task said to them."""
        m = _NAMED_YOU.match(u.text)
        if not m or u.is_question or cues.HEDGE.search(u.low) or cues.TENTATIVE.search(u.low):
            return False
        verb, rest = m.group("v").lower(), m.group("rest")
        timed = any(w.date is not None or w.kind in ("week", "vague") for w in self.whens(u))
        if verb in NOT_TASKS or not (action_verb(verb, rest.lower()) or timed) or not content_words(rest):
            return False
        people = [self._named_person(n.lower()) for n in re.split(r",\s*|\s+och\s+", m.group("names"))]
        if not people or any(p is None or p[0] == u.speaker for p in people):
            return False
        what = task_phrase(f"{verb} {strip_tail(rest)}")
        for person in people:
            self._add_action(what, person[1], [u], 0.7)
        return True

    def _delegation(self, u: Utt) -> bool:
        """'Vi ber Sirpa att göra affischen': the person named gets the task (known participant or not)."""
        m = _DELEGATION.search(u.text)
        if not m or u.is_question or cues.HEDGE.search(u.low) or cues.REPORTED.search(u.low):
            return False
        rest = re.split(r",", m.group("rest"))[0]
        if len(content_words(rest)) < 1:
            return False
        person = self._named_person(m.group("name").lower())
        owner = person[1] if person else m.group("name")
        self._add_action(capitalise(f"{m.group('v').lower()} {strip_tail(rest).strip()}"), owner, [u], 0.7)
        return True

    def _echoed_request(self, u: Utt) -> bool:
        """A reply that repeats the verb of the question put to its speaker accepts that task, whatever the verb."""
        m = FIRST_PERSON.search(u.low)
        if not m or cues.HEDGE.search(u.low) or re.match(r"\s*(?:inte|aldrig)\b", m.group("rest")):
            return False
        asked = self._question_to(u)
        if asked is not None and asked[0] == m.group("v"):
            self._add_action(asked[1], u.name, [asked[2], u], 0.75)
            return True
        return False
