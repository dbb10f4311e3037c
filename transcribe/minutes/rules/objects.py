"""Commitments read from their grammar: a first-person verb, the thing it acts on, and when.

"Jag beställer räcket i dag", "Då felanmäler jag dem till fastighetsavdelningen i dag", "Jag
gör ett brev vecka tolv": whatever the verb, a speaker who says what they will do to a named
thing and when is taking a task. The object must follow the verb at once (a pronoun, a definite
noun, or "en"/"ett" and a noun), so "jag åker till Stockholm i morgon" (a journey) and "jag läser
hellre på datorn" (a preference) are none. No list of task verbs is needed.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.phrasing import is_present_verb, strip_discourse, strip_tail, to_infinitive
from transcribe.minutes.rules.unheard import AUX, UnheardCommitments
from transcribe.minutes.rules.utterances import NOT_TASKS, Utt
from transcribe.sv.text import capitalise, content_words

_PARTICLE = r"(?:ut|upp|in|om|fram|med|bort|tillbaka|av|över|igenom|ihop|undan)"
# What a verb acts on, right after it: a pronoun, a definite noun ("räcket", "torsdagarna"), "en/ett" + noun.
_OBJECT = r"(?:dem|den|det(?!\s+(?:är|blir|var|går|finns)\b)|[a-zåäö]{3,}(?:en|et|na)|(?:en|ett)\s+[a-zåäö]{3,})"
# "jag (ska|kan) <verb> [particle] <object>" and "<adverb> <verb> jag [particle] <object>".
_STRAIGHT = re.compile(
    rf"\bjag\s+(?:(?P<modal>ska|kan|får|måste)\s+)?(?P<v>[a-zåäö]+)\s+(?P<obj>(?:{_PARTICLE}\s+)?{_OBJECT})\b"
    r"(?P<rest>[^.?!]*)"
)
_INVERTED = re.compile(
    rf"^(?:(?:då|så|sen|sedan|och\s+så)\s+)?(?P<v>[a-zåäö]+r)\s+jag\s+(?P<obj>(?:{_PARTICLE}\s+)?{_OBJECT})\b"
    r"(?P<rest>[^.?!]*)"
)
# A preference or a state, not a task: "jag läser hellre …", "jag har det …".
_NOT_ACTS = NOT_TASKS | AUX | frozenset({"gillar", "tycka", "vill", "behöver", "minns", "kommer", "blir", "brukar"})


class ObjectTasks(UnheardCommitments):
    """The first-person verb-object-time rule."""

    def _object_task(self, u: Utt) -> bool:
        """'Jag beställer räcket i dag': a first-person verb with its object and a time is the speaker's task."""
        if u.is_question or cues.HEDGE.search(u.low) or cues.TENTATIVE.search(u.low) or cues.REPORTED.search(u.low):
            return False
        low = strip_discourse(u.low)
        m = _STRAIGHT.search(low) or _INVERTED.match(low)
        if m is None:
            return False
        verb = m.group("v")
        modal = "modal" in m.re.groupindex and m.group("modal")
        if verb in _NOT_ACTS or not (is_present_verb(verb) or (modal and verb.endswith("a"))):
            return False
        base = len(u.low) - len(low) if u.low.endswith(low) else max(0, u.low.find(low))
        at, end = base + m.start("obj"), base + m.end()
        times = [
            w.start for w in self.whens(u) if w.start >= at and (w.date is not None or w.kind in ("week", "vague"))
        ]
        if not times:
            return False  # said with when it will be done; without a time it may be a habit or a plan
        end = min(end, times[0])  # the time has its own field: "beställa räcket", due today
        what = capitalise(f"{to_infinitive(verb)} {strip_tail(u.text[at:end])}")
        if len(content_words(what)) < 2:
            return False
        self._add_action(what.strip(" ,"), u.name, [u], 0.7)
        return True
