"""Commitments whose verb after "jag" the recogniser took, read from the turn they answer.

A first-person task rests on two short words, and a recogniser often loses the verb: "Jag <sig> Jonas
och Sara på torsdag.", "Jag <det> dem innan februari." Swedish grammar shows the gap: after a
clause-first "jag" the finite verb must follow, so a pronoun, a preposition, a word no Swedish has or
an infinitive there means the verb was lost. The gap alone is weak evidence (a word heard unsure is
right more often than not), so the sentence must also name a day, or answer another speaker's request,
need or close in the turn just before ("Gör det, Eva. Ett kort brev och klubbens dekal." - "Jag <det>
dem innan februari."). The task keeps what was heard, with what that turn spoke of when the heard
words name too little, and is flagged for a check against the audio.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.dates import find_whens
from transcribe.minutes.fuzzy import known_word
from transcribe.minutes.phrasing import is_present_verb, strip_tail
from transcribe.minutes.rules.named import NamedTasks
from transcribe.minutes.rules.safety import PREFIX
from transcribe.minutes.rules.unheard import AUX
from transcribe.minutes.rules.utterances import NOT_TASKS, Utt, action_verb, strip_due
from transcribe.sv.numbers import ORDINALS
from transcribe.sv.text import capitalise, content_words

# Words that can never be the finite verb straight after a clause-first "jag": pronouns, prepositions, "att"
# ("Jag <att> kylfirman."), an ordinal ("Jag <första> honom tillbaka i eftermiddag.")
_NO_VERB = frozenset(
    "du sig mig dig oss er dem den det de han hon henne honom vi ni man en ett på i till med in ut upp om för åt "
    "av över bort fram hem nu där här som min mitt mina att".split()
) | frozenset(w for w in ORDINALS if " " not in w)
# Strong past forms: "Jag gick igenom alla västar" is a report, however unsure the verb was heard.
_STRONG_PAST = frozenset(
    "gick tog sa sade fick kom såg gav drog skrev drack sov låg satt stod for bar bad lät slog sprang hann fann "
    "blev gjorde visste ville kunde skulle hade var åkte köpte sålde ringde hörde".split()
)
# After "jag" these make a real sentence or a reply without a verb ("Jag med.", "Jag också", "Jag själv?").
_REAL_AFTER_JAG = frozenset("också med själv inte bara nog gärna då igen heller".split())
_CLAUSE_JAG = re.compile(
    r"^(?:(?:ja|jo|okej|absolut|visst|bra|och|men|så|då)\s*,?\s+){0,2}jag\s+(?P<gap>[a-zåäö]+)\b(?P<rest>[^.?!]*)"
)
_PRONOUNS = frozenset("det den dem de henne honom dig er mig".split())
_PAST = re.compile(r"(?:de|te|dde|tte)$")
_ROLE = re.compile(r"\b(?:protokoll\w*|justera\w*|justerare|sekreterare|ordförande)\b")
_GONE = re.compile(r"\b(?:förra|i\s+går|igår|i\s+fjol|förut|häromdagen|senast\s+vi)\b")
_WHY = re.compile(
    r"\b(?:varför|hur\s+kommer|hur\s+gick)\b|\b(?:har|hade)\s+(?:du|ni|vi)\s+(?:inte\s+|redan\s+|aldrig\s+)?"
    r"[a-zåäö]+(?:at|it|tt|gt)\b"
)
_THAT_CLAUSE = re.compile(r"\batt\s+(?:\w+\s+)?(?:vi|ni|du|de|dom|man|han|hon|det|den|jag)\b")
# "Någon borde ringa dem.", "Och någon måste laga skrivaren.": a need said to the room
_NEED_WORDS = re.compile(r"\b(?:behöver|måste|borde|bör|saknas|fattas)\b")


class TaskGaps(NamedTasks):
    """A first-person task with its verb lost, read where the turn structure asks for one (robust mode only)."""

    def _prompt(self, u: Utt) -> Utt | None:
        """The sentence a commitment answers: in the turn just before, another speaker's request, need or close
        ("Kan någon ringa dem?", "Någon borde ringa dem.", "Gör det, Eva.")."""
        before = [v for v in self._window(u, back=3) if v.turn != u.turn]
        if not before or before[0].speaker == u.speaker:
            return None
        turn = before[0].turn
        for v in (x for x in before if x.turn == turn):
            low = v.low
            if v.is_question and _WHY.search(low):
                return None  # "Varför har du inte sagt något?": asks for an account, not a task
            if cues.REQUEST.search(low) or cues.NEED.search(low) or _NEED_WORDS.search(low):
                return v  # "Och någon måste laga skrivaren.", "Någon borde ringa dem."
            if re.search(r"\b(?:gör|ta|fixa|ordna|kör)\s+(?:det|så)\b", low):
                return v  # "Gör det, Eva.", "Bra. Så gör vi.", "Då kör vi på det."
        return None

    def _heard(self, text: str) -> list[str]:
        """The words that say what the task is: content words, not pronouns, not the time it is due."""
        for w in sorted(find_whens(text, self.ref), key=lambda w: -w.start):
            text = text[: w.start] + text[w.start + len(w.text) :]
        return [w for w in content_words(strip_due(text)) if w not in _PRONOUNS]

    def _with_matter(self, what: str, u: Utt, prompt: Utt | None) -> str | None:
        """The task as heard, with the matter it is about when the heard words name too little ("… det dem
        (Gör det, Eva. Ett kort brev och klubbens dekal)"): the speaker's own sentence just before, else the turn
        it answers. None when nothing says what the task is."""
        said = self._heard(what)
        if len(said) >= 2:
            return what
        own = self._window(u, back=1)
        before = own[0] if own and own[0].turn == u.turn and not own[0].is_question else prompt
        said_with = [before] if before is not prompt or prompt is None else self._turn_of(prompt, u)
        matter = ". ".join(strip_tail(v.text).strip(" .!?") for v in said_with if v is not None)
        if len(content_words(matter)) < (1 if before is prompt else 2) or _ROLE.search(matter.lower()):
            return what if said else None
        return f"{strip_due(what)} ({matter})"

    def _turn_of(self, v: Utt, u: Utt) -> list[Utt]:
        """The prompt and the sentences of its turn after it ("Gör det, Eva. Ett kort brev och klubbens dekal.")."""
        return [x for x in self.utts[v.idx : v.idx + 3] if x.turn == v.turn and x.idx < u.idx]

    def _reported(self, u: Utt) -> bool:
        """'Jag <körde> i förra veckan.': a time gone by, a report and no task."""
        return bool(_GONE.search(u.low)) or any(w.date is not None and w.date < self.ref for w in self.whens(u))

    def _gap_commitment(self, u: Utt) -> bool:
        """'Jag <du> blommor.', 'Jag <sig> mattejp i morgon.': the verb after "jag" lost or misheard."""
        m = _CLAUSE_JAG.match(u.low)
        if not m or u.is_question or cues.HEDGE.search(u.low) or cues.TENTATIVE.search(u.low):
            return False
        gap, rest = m.group("gap"), m.group("rest")
        if gap in AUX or gap in _REAL_AFTER_JAG or is_present_verb(gap) or gap in NOT_TASKS:
            return False
        unsure_word = u.uncertain(gap) and not _PAST.search(gap) and gap not in _STRONG_PAST and len(gap) >= 3
        infinitive = action_verb(gap) and gap.endswith("a")
        if not (gap in _NO_VERB or unsure_word or infinitive or not known_word(gap)):
            return False
        if re.match(r"\s*(?:inte|aldrig)\b", rest) or re.search(r"\b(?:vara|bli|vore|är|var|blir|blev)\b", rest):
            return False  # "Jag <kan> inte …", "jag <ska> vara …": no lost task verb
        if _THAT_CLAUSE.search(f"{gap}{rest}") or re.match(r"\s*(?:\w+\s+)?att\b", rest):
            return False  # "Jag <tycker> att vi tar betalt …": a view or a proposal, a clause and no object
        if _ROLE.search(f"{gap} {rest}") or not rest.strip() or self._reported(u):
            return False  # this meeting's role; nothing heard after the gap; a report of what was done
        drop = u.uncertain(gap) and gap not in _NO_VERB and not infinitive  # the misheard verb itself
        kept = u.text[m.start("rest" if drop else "gap") : m.end("rest")]
        what = capitalise(strip_tail(kept).strip()) if infinitive else f"… {strip_tail(kept).strip()}"
        if re.match(r"\s*[a-zåäö]+a\b", rest) and gap in ("nu", "då", "så", "sen", "också"):
            return False  # "Jag <kan> nu sätta upp det": the modal lost, the verb heard; the other rules read it
        prompt = self._prompt(u)
        if prompt is None and not any(w.date is not None for w in self.whens(u)):
            return False  # neither an answer to anyone nor a day: too little to call it a task
        what = self._with_matter(what, u, prompt)
        if what is None or self._recent_task(u, what):
            return False
        self._add_action(what, u.name, [u], 0.45, f"{PREFIX}verbet efter ”jag” hördes inte")
        return True
