"""Tasks said to or of a participant by name, and a group's dated task.

"Sofia, ta fram en kalkyl till nästa möte" and "Ta med det till ledarna, Mikael": an instruction to a
participant named first or last is theirs; "Karin tar det", "Lotta fixar integrationen, Omid skriver
testfallen": each participant named with a task verb takes it; "Vi gör riskbedömningen tillsammans ... klar
senast torsdag": the speaker commits the group, and is named as the one responsible.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.phrasing import strip_discourse, strip_tail, task_phrase
from transcribe.minutes.rules.passon import PassedOn
from transcribe.minutes.rules.utterances import Utt, action_verb
from transcribe.sv.text import capitalise, content_words

# A participant's first name, a double one too ("Per-Olof")
_NAME = r"[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?"
# "Sofia, ta fram en kalkyl": a name, a comma and an imperative; or the name last ("Ta med det till ledarna, Mikael").
_VOCATIVE = re.compile(rf"^(?P<name>{_NAME}),\s+(?P<v>[a-zåäö]+)(?P<rest>\s+[^.?!]+)[.!]?$")
# "Men ta med det till LRF-mötet, Marianne, de vill höra sånt.": after a conjunction, a clause after the name.
_VOCATIVE_END = re.compile(
    r"^(?:(?:[Mm]en|[Oo]ch|[Ss]å|[Dd]å)\s+)?(?P<v>[A-ZÅÄÖa-zåäö][a-zåäö]+)(?P<rest>\s+[^.?!,]+),\s+"
    rf"(?P<name>{_NAME})(?:[.!]?$|,\s)"
)
# "Skriv ihop ett förslag med datum och skicka till oss.": an imperative opening a sentence
_IMPERATIVE_FIRST = re.compile(r"^(?:(?:[Oo]ch|[Ss]å)\s+)?(?P<v>[A-ZÅÄÖ][a-zåäö]+)(?P<rest>\s+[^.?!]+)[.!]?$")
_AS_USUAL = re.compile(r"\b(?:som\s+vanligt|i\s*dag|i\s*kväll)\b")
_IMPERATIVE = {"gör": "göra", "ta": "ta", "ring": "ringa", "skriv": "skriva", "köp": "köpa", "läs": "läsa",
               "se": "se", "bjud": "bjuda", "lämna": "lämna", "sätt": "sätta", "ställ": "ställa"}  # fmt: skip
# What "X gör" makes, for it to be a task: a thing named ("Tove gör affischen", "Mattias gör listor", "gör en
# checklista"), never "gör det bra", "gör ont", "gör om", "gör inte".
_MADE_THING = re.compile(
    r"^\s+(?:(?:en|ett|nya|ny|nytt|två|tre)\s+)?(?!(?:det|den|dem|detta|inte|aldrig|så|bort|om|ju|redan|också|"
    r"bra|rätt|fel|ont|nog|väl|alltid|ofta|mycket|lite|allt|sitt|sin|sina|något|inget|ingenting)\b)[a-zåäö]{4,}"
)


class NamedTasks(PassedOn):
    """Rules for tasks named to a participant or to the group."""

    def _told(self, u: Utt, asked: bool = False) -> tuple[str, str, str] | None:
        """(label, name, task) of an instruction to a participant named first or last ("Sofia, ta fram …");
        `asked`: said as a question the one named answers ("Fatima, ta fram ett par offerter till dess?")."""
        text = re.sub(r"\?\s*$", ".", u.text) if asked else u.text
        m = _VOCATIVE.match(text) or _VOCATIVE_END.match(text)
        if not m or (u.is_question and not asked) or cues.HEDGE.search(u.low):
            return None
        person = self._named_person(m.group("name").lower())
        if person is None or person[0] == u.speaker:
            return None
        imp, rest = m.group("v").lower(), m.group("rest")
        verb = next((v for v in (_IMPERATIVE.get(imp, imp), imp + "a") if action_verb(v, rest.lower())), None)
        if verb is None and imp == "gör" and _MADE_THING.match(rest):
            verb = "göra"  # "Gör en sida, Linnea.": a thing to make, named
        if verb is None and imp == "gör" and re.fullmatch(r"\s+det", rest):
            return self._do_it_next(u, person)  # "Gör det, Per-Olof. Skriv ihop ett förslag ...": said next
        if verb is None or len(content_words(rest)) < 1:
            return None
        return person[0], person[1], capitalise(f"{verb} {strip_tail(rest).strip()}")

    def _do_it_next(self, u: Utt, person: tuple[str, str, int, int]) -> tuple[str, str, str] | None:
        """'Gör det, Per-Olof. Skriv ihop ett förslag med datum och skicka till oss.': the go-ahead to the one named
        and the imperative after it in the same turn, what they are to do."""
        nxt = self._same_segment_after(u, 1)
        m = _IMPERATIVE_FIRST.match(nxt[0].text) if nxt else None
        if m is None:
            return None
        imp, rest = m.group("v").lower(), m.group("rest")
        verb = next((v for v in (_IMPERATIVE.get(imp, imp), imp + "a") if action_verb(v, rest.lower())), None)
        if verb is None or len(content_words(rest)) < 1:
            return None
        return person[0], person[1], capitalise(f"{verb} {strip_tail(rest).strip()}")

    def _instruction(self, u: Utt) -> bool:
        told = self._told(u)
        if told is None:
            return False
        self._add_action(told[2], told[1], [u, *self._when_promised(u, told[0])], 0.7)
        return True

    def _when_promised(self, u: Utt, label: str) -> list[Utt]:
        """'Gör en sida, Linnea.' - 'Den är klar till helgen.': the first sentence of the one told's reply,
        saying by when without a negation or a doubt, is the task's evidence and its date."""
        reply = next((v for v in self.utts[u.idx + 1 : u.idx + 4] if v.turn != u.turn), None)
        if reply is None or reply.speaker != label or reply.is_question:
            return []
        if cues.NEG.search(reply.low) or cues.HEDGE.search(reply.low) or cues.DATE_REJECT.search(reply.low):
            return []
        dated = any(w.date is not None or w.kind in ("week", "vague") for w in self.whens(reply))
        dated = dated or re.search(r"\btill\s+nästa\s+möte\b", reply.low)
        return [reply] if dated else []

    def _group_commitment(self, u: Utt) -> bool:
        m = re.match(r"^(?:\w+,?\s+){0,2}?vi\s+(?P<v>[a-zåäö]+)\b(?P<rest>[^.?!]*)", strip_discourse(u.low))
        if m and re.search(r"\batt\s+vi\s+$", strip_discourse(u.low)[: m.start("v")]):
            return False  # "Och att vi skickar ärendet till inkasso ...": what a proposal holds, no task
        if not m or cues.HEDGE.search(u.low) or cues.TENTATIVE.search(u.low) or cues.REPORTED.search(u.low):
            return False
        verb, rest = m.group("v"), m.group("rest")
        if not (action_verb(verb, rest) or verb in ("gör", "genomför")) or verb in ("ska", "kan", "har"):
            return False
        due = next(
            (
                w
                for w in self.whens(u)
                if w.date is not None and re.search(r"\b(?:senast|till|innan|före|inför)\s*$", u.low[: w.start])
            ),
            None,
        )
        if due is None:
            return False  # without a deadline "vi gör X" is talk, not a task
        start = u.low.find(m.group("v"), m.start("v"))
        what = task_phrase("vi " + strip_tail(u.text[len(u.text) - len(u.low) + start :]), u.name)
        what = re.split(r",\s*(?:och\s+)?(?:den|det|de)\s+ska", what)[0]
        self._add_action(what, u.name, [u], 0.6, "Flera ansvariga; talaren angiven")
        return True

    def _own_and_others(self, text: str) -> tuple[str, list[str]]:
        """'jag mejlar festivalen, Ali fixar mikrofonerna, Tove gör affischen': the speaker's own task, and the
        clauses after it that open with another participant's name."""
        for cut in re.finditer(r",\s*(?:och\s+)?(?=[A-ZÅÄÖ])|\s+och\s+(?=[A-ZÅÄÖ])", text):
            person = self._named_person(text[cut.end() :].lower())
            if person is not None and person[2] == 0:
                rest = text[cut.end() :]
                return text[: cut.start()], re.split(r",\s*(?:och\s+)?|\s+och\s+(?=[A-ZÅÄÖ])", rest)
        return text, []

    def _named_action(self, u: Utt, clause: str) -> None:
        low = clause.lower()
        person = self._named_person(low)
        if not person or cues.HEDGE.search(low) or "?" in clause:
            return
        label, name, _, e = person
        tail = low[e:]
        if re.match(
            r"^\s*,?\s*(?:du\s+)?(?:tar|fixar|ordnar|sköter|kollar)\s+(?:hand\s+om\s+)?(?:det|den|detta)\b", tail
        ):
            what, src = self._task_for_anaphor(u)
            if what:
                self._add_action(what, name, [x for x in (src, u) if x is not None], 0.7)
            return
        m = re.match(r"^\s*(?:(?:ska|får|kan)\s+)?(?:ansvarar|ansvara|tar\s+ansvar(?:et)?)\s+för\s+(?P<t>.+)", tail)
        if m:
            self._add_action("Ansvara för " + strip_tail(clause[e + m.start("t") :]), name, [u], 0.7)
            return
        m = re.match(r"^\s+(?:(?:ska|får)\s+)?(?P<v>[a-zåäö]+)(?P<t>(?:\s+[^.?!]*)?)[.!]?\s*$", tail)
        made = m is not None and m.group("v") in ("gör", "göra") and _MADE_THING.match(m.group("t"))
        t = _AS_USUAL.sub(" ", m.group("t")) if m and m.group("v") == "skriver" else (m.group("t") if m else "")
        bare = m is not None and not content_words(t)  # "Samir skriver (som vanligt).", "Jukka granskar.": a role
        if m and (action_verb(m.group("v"), m.group("t")) or made) and label != u.speaker and not bare:
            what = task_phrase(strip_tail(clause[e + m.start("v") :]), name)
            self._add_action(what, name, [u], 0.7)
