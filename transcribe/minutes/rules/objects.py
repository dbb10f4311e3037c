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
from transcribe.minutes.dates import find_whens
from transcribe.minutes.phrasing import is_present_verb, strip_discourse, strip_tail, to_infinitive
from transcribe.minutes.rules.unheard import AUX, UnheardCommitments
from transcribe.minutes.rules.utterances import NOT_TASKS, Utt
from transcribe.sv.text import capitalise, content_words

_PARTICLE = r"(?:ut|upp|in|om|fram|med|bort|tillbaka|av|över|igenom|ihop|undan)"
# What a verb acts on, right after it: a pronoun, a definite noun ("räcket", "torsdagarna"), "en/ett" + noun.
_OBJECT = (
    r"(?:dem|den|det(?!\s+(?:är|blir|var|går|finns)\b)|[a-zåäö]{3,}(?:en|et|na|at)|(?:en|ett)\s+[a-zåäö]{3,}"
    r"|(?:nya|nytt)\s+[a-zåäö]{4,}|de\s+[a-zåäö]{3,}[ae]\s+[a-zåäö]{3,}(?:na|en|et))"
)  # "jag gör nya prisskyltar i dag", "jag flyttar de skadade volymerna i morgon"
# "jag visar henne provmottagningen": a person before the thing; "jag ansöker hos regionen": what is acted on
# after a preposition (a definite noun or a name), never where someone goes ("jag åker till stan")
_TO_WHOM = r"(?:(?:henne|honom|dem|oss)\s+(?=[a-zåäö]{3,}(?:en|et|na)\b))?"
_THROUGH = r"|(?:hos|med|för|om)\s+[a-zåäö]{3,}(?:en|et|na)\b"
_MOTION = frozenset({"åker", "går", "reser", "flyger", "sitter", "står", "bor", "är", "var", "äter", "pratar"})
# "jag (ska|kan) <verb> [particle] <object>" and "<adverb> <verb> jag [particle] <object>".
_STRAIGHT = re.compile(
    rf"\bjag\s+(?:(?P<modal>ska|kan|får|måste)\s+)?(?P<v>[a-zåäö]+)\s+"
    rf"(?P<obj>(?:{_PARTICLE}\s+)?{_TO_WHOM}(?:{_OBJECT}{_THROUGH}))\b(?P<rest>[^.?!]*)"
)
_INVERTED = re.compile(
    rf"^(?:(?:då|så|sen|sedan|och\s+så)\s+)?(?P<v>[a-zåäö]+r)\s+jag\s+(?P<obj>(?:{_PARTICLE}\s+)?{_OBJECT})\b"
    r"(?P<rest>[^.?!]*)"
)
_FRONTED = re.compile(
    r"^(?:(?:och|men|så)\s+)?(?P<obj>[a-zåäö]{3,}(?:en|et|na|at))\s+(?P<v>[a-zåäö]+r)\s+jag\b(?P<rest>[^.?!]*)"
)
# "Och affischen till releasen, den gör jag innan mars.": the object put first and taken up by a pronoun
_DISLOCATED = re.compile(
    r"^(?:(?:och|men|så)\s+)?(?P<obj>[a-zåäö]{3,}(?:en|et|na|at)(?:\s+(?:till|för|om|med|på)\s+[^,]{3,40})?),\s+"
    r"(?:den|det|dem)\s+(?P<v>[a-zåäö]+r)\s+jag\b(?P<rest>[^.?!]*)"
)
_DEADLINE_TAIL = re.compile(r"[\s,]*\b(?:senast|till|innan|före|inför|på|i|om|under)?\s*$", re.IGNORECASE)
# "Till nästa söndag?", "Senast fredag.", "Onsdag." (a day alone, its "på" lost or never said)
_FRAGMENT = re.compile(
    r"^(?:och\s+)?(?:senast|till|innan|före|inför|på|i|om|nästa|(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?)\b"
)
# "Jag gör ett schema … Ni får det på söndag.": the thing made, handed over on a day
_HANDED = re.compile(r"\b(?:det|den|dem)\b")
# "… det skickar jag ut i veckan": a time, though no day
_THIS_WEEK = re.compile(r"\b(?:i\s+veckan|den\s+här\s+veckan|under\s+veckan)\b")
# A preference or a state, not a task: "jag läser hellre …", "jag har det …".
_NOT_ACTS = NOT_TASKS | AUX | frozenset({"gillar", "tycka", "vill", "behöver", "minns", "kommer", "blir", "brukar"})


class ObjectTasks(UnheardCommitments):
    """The first-person verb-object-time rule."""

    def _object_task(self, u: Utt) -> bool:
        """'Jag beställer räcket i dag': a first-person verb with its object and a time is the speaker's task."""
        if u.is_question or cues.HEDGE.search(u.low) or cues.REPORTED.search(u.low):
            return False
        low = strip_discourse(u.low)
        m = _STRAIGHT.search(low) or _INVERTED.match(low) or _FRONTED.match(low) or _DISLOCATED.match(low)
        if m is None or cues.TENTATIVE.search(low[: m.start("obj")]):
            return False  # "jag kanske beställer …"; a tentative word in the object ("ett förslag") is the task
        verb = m.group("v")
        if verb in _MOTION and re.match(r"(?:hos|med|för|om)\s", m.group("obj")):
            return False  # "jag åker med bussen i morgon": a way to go, nothing acted on
        modal = "modal" in m.re.groupindex and m.group("modal")
        if verb in _NOT_ACTS or not (is_present_verb(verb) or verb in ("gör", "tar") or (modal and verb.endswith("a"))):
            return False
        base = len(u.low) - len(low) if u.low.endswith(low) else max(0, u.low.find(low))
        if m.re in (_FRONTED, _DISLOCATED):  # "Och avierna skickar jag ut senast …": the object first
            at, end, obj = base + m.start("rest"), base + m.end(), u.text[base + m.start("obj") : base + m.end("obj")]
        else:
            at, end, obj = base + m.start("obj"), base + m.end(), ""
        # every time word, also those the shared prefilter skips ("i helgen")
        timed = [w for w in find_whens(u.text, self.ref) if w.date is not None or w.kind in ("week", "vague")]
        times = [w.start for w in timed if w.start >= at] + [
            w.start() for w in _THIS_WEEK.finditer(u.low) if w.start() >= at
        ]
        utts = [u]
        if not times:  # "Jag kan göra ett förslag. Till nästa söndag?": the time as a fragment straight after
            later = self._time_fragment(u)
            if later is None:
                return False  # said with when it will be done; without a time it may be a habit or a plan
            utts.append(later)
        # the time has its own field: "beställa räcket" due today, "göra schemat och lägga det i gruppchatten"
        if m.re in (_FRONTED, _DISLOCATED):  # "skickar jag ut senast …, med …": the particle before the time
            end = min([end, *times])
        said, pos = "", at
        for w in sorted((w for w in timed if at <= w.start < end), key=lambda w: w.start):
            said += _DEADLINE_TAIL.sub("", u.text[pos : w.start]) + " "
            pos = max(pos, w.end)
        said += _DEADLINE_TAIL.sub("", u.text[pos:end])
        said = re.sub(r"\boch\s+(\w+(?:ar|er))\b", lambda x: "och " + to_infinitive(x.group(1)), " ".join(said.split()))
        said = strip_tail(said.strip(" ,"))
        said = re.split(r"\s*,\s*(?:det|den|de|dom|så|för|eftersom)\s", said)[0]  # "…, det är de som har avtalet"
        acted_on = f"{said} {obj}".strip()
        if not [w for w in content_words(acted_on) if w not in ("det", "den", "dem")]:
            return False  # "jag betalar den i dag": what "den" is was said before; the anaphor rules read it
        what = capitalise(f"{to_infinitive(verb)} {acted_on}")
        self._add_action(what.strip(" ,"), u.name, utts, 0.7)
        return True

    def _time_fragment(self, u: Utt) -> Utt | None:
        """The speaker's next words, when they are only a time ("Till nästa söndag?", "Senast fredag.") or hand
        the thing over on a day ("Ni får det på söndag.")."""
        nxt = self._same_segment_after(u, 1)
        handed = bool(nxt) and len(nxt[0].low.split()) <= 8 and _HANDED.search(nxt[0].low) is not None
        if not nxt or not (handed or (len(nxt[0].low.split()) <= 4 and _FRAGMENT.match(nxt[0].low))):
            return None
        whens = self.whens(nxt[0])
        return nxt[0] if any(w.date is not None or w.kind in ("week", "vague") for w in whens) else None
