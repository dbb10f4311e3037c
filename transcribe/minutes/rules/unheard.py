"""Commitments with a word the recogniser lost: the verb after "jag", or the "jag" itself.

Swedish puts the finite verb second: a statement that opens "jag" + a particle, an article
or an object ("Jag ut betalningsinformationen senast …", "Jag det till henne i dag") has
lost its verb, and one that opens with a task verb ("<?> skickar protokollet …") has lost
its subject. Either way it is still the speaker's task; the item says what was not heard
and is flagged for a check against the audio. True transcripts never have these gaps.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.dates import find_whens
from transcribe.minutes.fuzzy import known_word
from transcribe.minutes.phrasing import is_present_verb, strip_tail, to_infinitive
from transcribe.minutes.rules.safety import PREFIX
from transcribe.minutes.rules.state import RuleState
from transcribe.minutes.rules.utterances import NOT_TASKS, Utt, action_verb, similar, strip_due, substantive
from transcribe.sv.text import capitalise, content_words

# After "jag" these make a real sentence; any other unsure function word there stands for a lost verb.
AUX = frozenset("har hade är var kan kunde ska skulle blir får fick vill måste tror tycker vet menar hoppas känner "
                "också inte bara nog själv".split())  # fmt: skip
# Words that cannot follow a clause-initial "jag" unless its verb was lost: particles, articles, pronoun objects.
_GAP_WORDS = frozenset("ut upp in igenom fram till över bort ihop hem av i på om för åt en ett det den dem de alla "
                       "några min mitt mina henne honom ny nya nytt".split())  # fmt: skip
# "jag" opening a clause (so the verb must follow it): at the start, or after a reply word or a conjunction.
_CLAUSE_JAG = re.compile(
    r"^(?:(?:ja|jo|okej|absolut|visst|bra|och|men|så)\s*,?\s+)?jag\s+(?P<gap>[a-zåäö]+)\b(?P<rest>[^.?!]*)"
)
_FIRST_VERB = re.compile(r"\bjag\s+(?P<v>[a-zåäö]+)(?P<rest>[^.?!]*)")
# "… och bokar en dag", "… och skickar det till er": a coordinated present-tense verb.
_AND_TASK = re.compile(r"\boch\s+(?:jag\s+)?(?P<v>[a-zåäö]+(?:ar|er|ör))\b")
_NO_SUBJECT = frozenset({"att", "en", "ett", "och", "är", "som"})  # no subject of a finite verb
_MODALS = frozenset({"kan", "ska", "får"})
_PRONOUN_WORDS = frozenset({"det", "den", "dem", "de", "henne", "honom"})
# "Jag <föreslår> att vi lämnar över …": a lost verb followed by an att-clause said, proposed or thought something
# (a task verb takes an object, not a clause)
_CLAUSE_AFTER = re.compile(r"^\s*att\s+(?:vi|ni|du|de|dom|man|han|hon|det|den|[a-zåäö]+(?:en|et|na))\b")


class UnheardCommitments(RuleState):
    """Rules for commitments with a lost or misheard verb or subject (robust mode only)."""

    def _unheard_commitment(self, u: Utt) -> bool:
        """'Jag <misheard> siffrorna till Maria senast måndag': a dated first-person task, verb unheard."""
        m = re.search(r"\bjag\s+(?P<v>[\w-]+)\s+(?P<rest>[^.?!]+)", u.low)
        if not m or not u.uncertain(m.group("v")) or cues.HEDGE.search(u.low) or cues.TENTATIVE.search(u.low):
            return False
        if m.group("v") in AUX or _CLAUSE_AFTER.match(m.group("rest")):
            return False  # "jag har/kan/ska ...", "jag <föreslår> att vi ..."
        dated = any(w.date is not None and re.search(r"\b(?:senast|till|innan|före)\s*$", u.low[: w.start])
                    for w in self.whens(u))  # fmt: skip
        if not dated or len(content_words(m.group("rest"))) < 2:
            return False
        what = capitalise(strip_tail(u.text[m.start("v") :]))
        if self._recent_task(u, what):
            return False  # this speaker's task already recorded, said again
        self._add_action(what, u.name, [u], 0.45, f'{PREFIX}verbet hördes otydligt ("{m.group("v")}")')
        return True

    def _verb_lost(self, u: Utt) -> bool:
        """'Jag ut betalningsinformationen senast den sista mars': "jag" opens the clause, but what follows
        cannot be its verb, so the verb was lost. The task keeps what was heard, with the gap shown."""
        m = _CLAUSE_JAG.match(u.low)
        if not m or m.group("gap") not in _GAP_WORDS and not re.search(r"(?:et|en|na)$", m.group("gap")):
            return False
        if is_present_verb(m.group("gap")) or u.is_question or cues.HEDGE.search(u.low):
            return False
        if re.search(r"\b(?:inte|aldrig)\b|\b(?:vara|bli)\b", m.group("rest")) or m.group("gap").endswith("dagen"):
            return False  # "jag <kan> inte …", "jag <kan> vara …", "jag lördagen …": no lost task verb
        if m.group("gap") in ("på", "om", "för") and _CLAUSE_AFTER.match(m.group("rest")):
            return False  # "Jag <föreslår> att vi …" heard "Jag på att vi …": a proposal, not a task
        if re.match(r"(?:[a-zåäö]+\s+)?protokoll", f"{m.group('gap')} {m.group('rest').strip()}"):
            return False  # "Jag för protokollet i kväll", "Jag <skriver> ihop protokollet": this meeting's role
        why = f"{PREFIX}verbet efter ”jag” hördes inte"
        asked = self._request_to(u)  # "kan du be leverantören om …?" - "Ja, jag <?> i dag": the task asked for
        question = self._question_to(u) if asked is None else None  # "säger du det till henne?" - "Jag <?> det"
        asked = asked or ((question[1], question[2]) if question else None)
        if asked is not None:
            self._add_action(asked[0], u.name, [asked[1], u], 0.45, why)
            return True
        task_verb = any(action_verb(w) for w in re.findall(r"[a-zåäö]+", m.group("rest")))
        timed = find_whens(u.text, self.ref)  # every time word, also those the shared prefilter skips ("innan helgen")
        if len(content_words(m.group("gap") + " " + m.group("rest"))) < 2 or not (timed or task_verb):
            return False  # a task is said with its time or its verb; without either this is too little to go on
        what = "… " + strip_tail(u.text[m.start("gap") :]).strip()
        if not [w for w in content_words(strip_due(what)) if w not in _PRONOUN_WORDS] or self._recent_task(u, what):
            return False  # "jag <?> dem senast måndag": nothing left to say what the task is
        self._add_action(what, u.name, [u], 0.4, why)
        return True

    def _second_verb(self, u: Utt) -> bool:
        """'Jag <misheard> Solgården och bokar en dag före påsk': the first verb was not heard, the task verb
        coordinated with it was; the task is the speaker's, flagged."""
        m = _FIRST_VERB.search(u.low)
        if not m or not (u.uncertain(m.group("v")) or not known_word(m.group("v"))) or m.group("v") in AUX:
            return False
        second = _AND_TASK.search(m.group("rest"))
        if not second or not action_verb(second.group("v"), m.group("rest")[second.end() :]):
            return False
        if u.is_question or cues.HEDGE.search(u.low) or cues.TENTATIVE.search(u.low):
            return False
        start = m.start("rest") + second.start("v")
        task = f"{to_infinitive(second.group('v'))} {strip_tail(u.text[start + len(second.group('v')) :])}".strip()
        first = u.text[m.start("rest") : m.start("rest") + second.start()].strip(" ,")
        # "… Solgården och boka en dag": what was heard of the first part, unless it is only a time
        what = f"… {first} och {task}" if first and strip_due(first) == first.strip(" ,.") else capitalise(task)
        if self._recent_task(u, what):
            return False
        self._add_action(what, u.name, [u], 0.45, f'{PREFIX}verbet hördes otydligt ("{m.group("v")}")')
        return True

    def _subjectless_commitment(self, u: Utt) -> bool:
        """'<?> skickar protokollet till Kerstin senast fredag': a dated task whose "jag" was lost or misheard.

        A Swedish statement never opens with its verb, so a task verb first (or after a word the recogniser
        was unsure of, or one that is no subject) with a time is the speaker's own task, flagged for a check."""
        toks = re.findall(r"[a-zåäö-]+", u.low)
        if toks and toks[0].endswith("a") and not is_present_verb(toks[0]) and not u.uncertain(toks[0]):
            return False  # "Skicka databladet till mig i dag.": an imperative, the listener's task, not a lost "jag"
        if len(toks) > 1 and toks[0] in ("och", "men", "så") and u.uncertain(toks[1]):
            toks = toks[1:]  # "Och <?> mejlar ett preliminärt schema …"
        if (
            toks
            and toks[0] not in ("vi", "ni", "du", "de", "dom", "man")
            and (u.uncertain(toks[0]) or toks[0] in _NO_SUBJECT)
        ):
            toks = toks[1:]
        if toks and toks[0] in _MODALS and len(toks) > 1 and toks[1].endswith("a"):
            toks = toks[1:]  # "<?> kan fråga förvaltningen …"
        first = toks[0] if toks else ""
        if len(toks) < 3 or not (is_present_verb(first) or first.endswith("a")) or first in NOT_TASKS:
            return False
        verb = to_infinitive(first)
        if u.is_question or not action_verb(verb, " ".join(toks[1:])) or cues.HEDGE.search(u.low):
            return False
        if cues.TENTATIVE.search(u.low):
            return False
        if not find_whens(u.text, self.ref):  # every time word, also those the shared prefilter skips ("innan påsk")
            return False  # a task is said with its time: "… i nästa vecka", "… innan påsk", "… på fredag"
        start = u.low.find(first)
        what = capitalise(f"{verb} {strip_tail(u.text[start + len(first) :]).strip()}")
        if self._recent_task(u, what):
            return False
        self._add_action(what, u.name, [u], 0.45, f"{PREFIX}den som åtog sig uppgiften hördes inte säkert")
        return True

    def _question_to(self, u: Utt) -> tuple[str, str, Utt] | None:
        """(verb, task, question) of the "<verb> du …?" another speaker just put to this one, if it asks a task.

        "hör du oss?" asks none; "säger du det till henne?" does, and its "det" is what was said just before."""
        for v in self._window(u, back=2):
            if v.speaker == u.speaker:
                continue
            q = re.search(r"\b(?P<v>[a-zåäö]+r)\s+du\s+(?P<rest>[^?]+)\?", v.low)
            if not q or q.group("v") in AUX:
                return None
            if q.group("v") in NOT_TASKS and not (q.group("v") == "säger" and " till " in q.group("rest")):
                return None
            what = f"{to_infinitive(q.group('v'))} {strip_tail(v.text[q.start('rest') : q.end('rest')])}"
            before = self.utts[v.idx - 1] if v.idx and self.utts[v.idx - 1].turn == v.turn else None
            if before is not None and re.search(r"\bdet\b", q.group("rest")) and substantive(before):
                what = f"{what} ({strip_tail(before.text)})"  # what "det" stands for, said just before
            return q.group("v"), capitalise(what), v
        return None

    def _recent_task(self, u: Utt, what: str) -> bool:
        """This speaker's task already recorded close by says this one again (a summing-up, or a second
        sentence saying how or when): it adds fewer than two words of its own. A new task nearby is kept."""
        new = {w for w in content_words(strip_due(what)) if w not in _PRONOUN_WORDS}
        for a in self.out.actions:
            if a.owner != u.name or abs(a.evidence[-1].start - u.start) >= 90:
                continue
            if len(new - set(content_words(a.what))) < 2 or similar(a.what, what, 0.5):
                return True
        return False
