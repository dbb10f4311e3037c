"""Actions: who committed to what, by when."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from transcribe.minutes import cues
from transcribe.minutes.fuzzy import known_word
from transcribe.minutes.model import Action
from transcribe.minutes.phrasing import (
    is_present_verb,
    strip_discourse,
    strip_tail,
    task_phrase,
    to_infinitive,
)
from transcribe.minutes.rules.addressed import ASKED, FIRST_PERSON, task_verb
from transcribe.minutes.rules.replytasks import ReplyTasks
from transcribe.minutes.rules.safety import PREFIX
from transcribe.minutes.rules.slips import read_commitment, tolerant_verb
from transcribe.minutes.rules.taskmerge import no_task
from transcribe.minutes.rules.unheard import AUX
from transcribe.minutes.rules.utterances import (
    NOT_TASKS,
    Utt,
    action_verb,
    evidence_list,
    is_agreement,
    merge_evidence,
    personal_commitment,
    similar,
    stems,
    strip_due,
    substantive,
)
from transcribe.sv.text import capitalise, content_words

_WHEN_WORDS = re.compile(r"\b(?:i\s*dag|idag|i\s*morgon|imorgon|i\s*kväll|nu|sen|sedan|senare|också)\b")
_PRONOUN_OBJECT = re.compile(
    r"^jag\s+(?:ska\s+|kan\s+)?[a-zåäö]+\s+(?:med\s+|ut\s+|upp\s+|in\s+)?(?:dem|den|det|henne|honom)\b"
)
# "Då gör jag den första rapporten", "Sen skickar jag ut kallelsen": first person, verb first.
_INVERTED = re.compile(
    r"^(?:(?:då|så|sen|sedan|och\s+så|i\s+morgon|imorgon)\s+)?(?P<v>[a-zåäö]+r)\s+jag\s+(?:också\s+|gärna\s+)?"
    r"(?P<rest>[^.?!]+)"
)
_ASKED_SLOT = re.compile(r"^(?:\w+,\s+)?(?:kan|vill|skulle|orkar|hinner)\s+(?P<slot>\w+)\s+(?P<r>[a-zåäö]{3,}a\b[^?]*)")
# "Men du kan ta det på personalmötet": what the listener may or should do, said to them
_YOU_MAY = re.compile(r"\bdu\s+(?:kan|får|ska|måste)\s+(?P<r>[a-zåäö]+a\b[^.?!]*)")
# "Får jag plasta in de sämsta volymerna?": the speaker's own task, asked leave for
_MAY_I = re.compile(r"\b(?:får|ska|kan)\s+jag\s+(?P<r>[a-zåäö]+a\b[^?]*)\?")
# "Jag gör det nya schemat": "det" is the article of a noun, no pronoun
_ARTICLE = re.compile(r"\bjag\s+(?:kan\s+|ska\s+)?\w+\s+(?:det|den|de)\s+(?:[a-zåäö]+a|ny|nytt)\s+[a-zåäö]{3,}")
# "Bra. Då gör jag det.": the verb first, the task said before
_DO_I_IT = re.compile(
    r"^(?:(?:då|så|okej|ja)\s*,?\s+)*(?:gör|tar|fixar|ordnar|sköter|kollar|löser)\s+jag\s+(?:det|den|dem|detta)"
    r"(?:\s+(?:också|då|gärna))?\s*[.!]?$"
)
_ANAPHOR_VERBS = frozenset({"gör", "tar", "fixar", "ordnar", "sköter", "kollar", "löser"})
# "Jag hämtar dem på lördag", "Jag kör in dem.": a first-person verb whose object is only a pronoun
_PRONOUN_DATED = re.compile(
    r"^(?:(?:och|men|så|då)\s+)?jag\s+(?:ska\s+)?(?P<v>[a-zåäö]+r)\s+(?:(?P<p>ut|upp|in|ner|hem|över|tillbaka)\s+)?"
    r"(?P<obj>dem|den|det)\b(?!\s+(?:som|att)\b)"
)
_RAISING = re.compile(r"\b(?:vill\s+jag|jag\s+vill)\s+(?:gärna\s+)?(?:ta\s+upp|lyfta|säga|fråga|berätta)\b")
_DEADLINE_WORD = re.compile(r"\b(?:senast|till|innan|före|inför)(?:\s+på)?\s*$")


# A role in this meeting, not a task for after it: "Goran skriver protokollet, som vanligt", "Petra, kan du
# justera?", "Jag håller i mötet som vanligt", "då tar jag över klubban här" (the protokoll records roles).
_ROLE_TASK = re.compile(
    r"^(?:(?:skriva|föra)\s+(?:protokoll(?:et)?|anteckningarna|minnesanteckningarna)|justera(?:\s+protokollet)?|"
    r"(?:två\s+som\s+)?läs\w*\s+igenom\s+(?:\w+\s+)?(?:protokollet|anteckningar\w*)(?:\s+efteråt)?\s+och\s+"
    r"(?:skriv\w*|sätt\w*\s+sitt\s+namn)\s+under.*|"
    r"(?:hålla\s+i|leda)\s+(?:mötet|stämman|sammanträdet|det\s+här|detta)|ta\s+över\s+klubban|"
    r"(?:skriva|notera|anteckna)\s+(?:in\s+|ner\s+)?att\s+.*|"
    r"vara\s+(?:ordförande|sekreterare|justerare|mötesordförande|rösträknare))"
    r"(?:\s+(?:i\s+dag|i\s+kväll|idag|här|nu|som\s+vanligt|för\s+mötet|för\s+stämman))*\W*$"
)


_NAMED = re.compile(r"\b[A-ZÅÄÖ][a-zåäöé]+")


def _same_task(a: str, b: str) -> bool:
    """Two task texts for one task: alike, and alike in more than the verb ("Beställa räcket" is not
    "Beställa färg och skylta")."""
    ta, tb = stems(a.split(" ", 1)[1]) if " " in a else set(), stems(b.split(" ", 1)[1]) if " " in b else set()
    other_verb = a.split(" ", 1)[0].lower() != b.split(" ", 1)[0].lower()
    if other_verb and len(ta & tb) < 2 and ta and tb and not set(_NAMED.findall(a[1:])) & set(_NAMED.findall(b[1:])):
        return False  # "Säga det till kyrkorådet" is not "Ta med frågan till kyrkorådet": another verb, one word shared
    return similar(a, b, 0.5) and (not ta or not tb or bool(ta & tb))  # a bare verb ("Skriva") is the same task


class ActionRules(ReplyTasks):
    """Commitment rules; they record into the shared state."""

    def _task_for_anaphor(self, u: Utt) -> tuple[str | None, Utt | None]:
        """What 'det' refers to in 'jag tar det': the nearest request, need, proposal or topic."""
        window = self._window(u, back=6)
        for v in window:
            m = cues.REQUEST.search(v.low) or cues.NEED.search(v.low)
            if m is None and v.speaker != u.speaker and not v.is_question:
                m = _YOU_MAY.search(v.low)  # "Men du kan ta det på personalmötet." - "Jag tar det där, då."
            if m is None and v.speaker == u.speaker and v.is_question:
                m = _MAY_I.search(v.low)  # "… får jag plasta in de sämsta volymerna?" - … - "Då gör jag det."
            slot = _ASKED_SLOT.match(v.low) if m is None and self.robust and v.is_question else None
            if slot is not None and (v.uncertain(slot.group("slot")) or not known_word(slot.group("slot"))):
                m = slot  # "Kan <är> stämma av det …?": the "du" of the request was misheard
            if m:
                req = m.group("r") if m.re is _ASKED_SLOT else next(g for g in m.groups() if g)
                if re.match(r"^(?:det|den|detta)\b", req) or re.match(r"^(?:\w+\s+)?(?:inte|aldrig)\b", req):
                    continue  # "vem tar det?" refers further back; "det behöver du inte fråga om" asks nothing
                start = v.low.find(req)
                return task_phrase(strip_tail(v.text[start:] if start >= 0 else req), v.name), v
            pm = cues.PASSIVE_NEED.search(v.low)
            if pm:
                verb = pm.group("v")[:-1]  # göras -> göra
                subj = re.sub(r"^(?:så\s+|och\s+)?(?:en\s+del\s+av\s+)?", "", pm.group("subj")).strip()
                return capitalise(f"{verb}{pm.group('rest')} {subj}".replace("  ", " ")), v
            said_no = cues.NEG.search(v.low) and not v.is_question  # "Det kan vi inte bestämma här": no proposal
            if cues.PROPOSAL.search(v.low) and substantive(v) and v.turn != u.turn and not said_no:
                clause = self._clause(v)
                if clause:
                    return capitalise(re.sub(r"^att\s+", "", clause)), v
        return None, None

    def _topic_np(self, u: Utt) -> str | None:
        for v in self._window(u, back=3):
            m = cues.TOPIC.search(v.low)
            if m:
                np = strip_tail(v.text[m.start("np") : m.end("np")])
                return re.split(r",", np)[0]
        return None

    def _add_action(
        self,
        what: str,
        owner: str | None,
        utts: list[Utt],
        conf: float,
        review: str | None = None,
        no_due: bool = False,
    ) -> None:
        what = strip_due(self.order_before(what, utts))
        if not what or _ROLE_TASK.match(what.lower()):
            return
        if self._names_only(what):
            return  # "Agnieszka Nowak och Bengt Nilsson": people proposed, nothing to do
        first, _, tail = what.partition(" ")
        meant = tolerant_verb(first.lower()) if self.robust and not known_word(first.lower()) else None
        if meant is not None and meant != first.lower():  # "Binga Nilssons …": the verb as meant, flagged
            meant = to_infinitive(meant) if is_present_verb(meant) else meant
            what, review = capitalise(f"{meant} {tail}"), review or f'{PREFIX}"{first}" lästes som "{meant}"'
        due_when, due_text = (None, None) if no_due else self._due(utts)
        if self._continues_last(what, owner, utts) or self._answers_task(what, owner, utts, due_when, due_text):
            return
        for a in self.out.actions:
            if a.owner == owner and _same_task(a.what, what) and not self._apart(a, what, utts):
                a.evidence = merge_evidence(a.evidence, evidence_list(utts))
                if a.due is None and due_when is not None:
                    if not a.needs_review and not review and a.what.split()[0] != what.split()[0]:
                        a.what = what  # "Jag pratar med Gunvor." ... "Och jag ringer Gunvor om skåpet. I morgon."
                    a.due, a.due_text = due_when, due_text
                return
        if self._adds_to_last(what, owner, utts, due_when, due_text):
            return
        needs, reason = self._review(utts, review)
        self.out.actions.append(
            Action(
                id=f"a{len(self.out.actions) + 1}",
                what=what,
                owner=owner,
                due=due_when,
                due_text=due_text,
                evidence=evidence_list(utts),
                confidence=conf if not needs else min(conf, 0.6),
                needs_review=needs,
                review_reason=reason,
            )
        )

    def _apart(self, a: Action, what: str, utts: list[Utt]) -> bool:
        """'Jag skriver det.' and, after others have talked of another thing, 'Jag kan skriva till honom igen': a
        task named only by a pronoun is not the same as a later one that names its object."""
        bare = not [w for w in content_words(strip_due(a.what)) if w not in ("det", "den", "dem")]
        if not bare or len(content_words(strip_due(what))) < 2:
            return False
        ids = {e.segment_id for e in a.evidence}
        said = [v.turn for v in self.utts if ids & {s.id for s in v.segs}]
        return bool(said) and min(x.turn for x in utts) - max(said) > 2

    def _due(self, utts: list[Utt]) -> tuple[dt.date | None, str | None]:
        """The deadline: in the commitment, the speaker's next sentences, then the request."""
        main = max(utts, key=lambda x: x.idx)
        order = (
            [main]
            + self._same_segment_after(main, 2)
            + sorted((x for x in utts if x is not main), key=lambda x: -x.idx)
        )
        vague: tuple[dt.date | None, str | None] | None = None
        for u in order:
            # "jag mejlar i dag och återkommer senast fredag": the date after a deadline word is the due date
            for w in sorted(self.whens(u), key=lambda w, u=u: not cues.DEADLINE_PREP.search(u.low[: w.start])):
                if w.date is None and w.kind != "vague":
                    continue
                prep = cues.DEADLINE_PREP.search(u.low[: w.start])
                text = ((prep.group("prep") + " ") if prep else "") + w.text
                if w.kind == "vague":
                    if (prep or re.match(r"(?:senast|innan|före|inför)\b", w.text.lower())) and vague is None:
                        vague = (None, text.strip())
                    continue
                return w.date, text.strip()
        return vague or (None, None)

    def _hedge(self, u: Utt) -> str | None:
        """'bare' for no firm commitment, 'timing' for a commitment without a promised date, else None."""
        texts = [u.low] + [v.low for v in self._same_segment_after(u, 1)]
        if any(cues.TIMING_HEDGE.search(t) for t in texts):
            return "timing"
        if cues.HEDGE.search(u.low):
            return "bare"
        if any(
            re.match(
                r"^(?:men\s+)?(?:jag\s+kan\s+inte\s+lova|det\s+kan\s+jag\s+inte\s+lova|jag\s+ska\s+försöka)"
                r"(?:\s+det)?\s*[.!]?$",
                t,
            )
            for t in texts[1:]
        ):
            return "bare"
        return None

    def _commit(self, what: str | None, u: Utt, src: Utt | None, owner: str | None, conf: float) -> None:
        if not what:
            return
        utts = [x for x in (src, u) if x is not None]
        hedge = self._hedge(u)
        if hedge == "bare":
            self._add_open(f"{what} (inget fast åtagande från {owner or 'talaren'})", "Inget fast åtagande", utts, 0.5)
        elif hedge == "timing":
            self._add_action(what, owner, utts, conf, "Inget löfte om när", no_due=True)
        else:
            self._add_action(what, owner, utts, conf)

    def _as_meant(self, u: Utt) -> Utt:
        """The sentence with its misheard commitment words ("jeg", "ded", "byder") read as meant (slips.py)."""
        fixed, repairs = read_commitment(u.text, u.unsure, keep=self.names)
        if not repairs:
            return u
        return dataclasses.replace(u, text=fixed, low=fixed.lower(), repairs=[*u.repairs, *repairs], _whens=None)

    def _actions(self, u: Utt) -> None:
        if u.is_question:
            return
        if self.robust:
            u = self._as_meant(u)
        low = u.low
        # 1. "jag tar det" / "det fixar jag": the task comes from the request before it.
        if _RAISING.search(low) or no_task(low) or self._task_refused(u):
            return  # "sen vill jag ta upp en sak till": a point for the meeting, not a task; a habit (taskmerge.py)
        if (self._same_task_again(u) or self._accepted_request(u) or self._offer_task(u) or self._offer_said(u)
                or self._imperative_taken(u) or self._when_answered(u) or self._group_asked(u)
                or self._imperative_echoed(u) or self._who_helps(u) or self._echo_inverted(u) or self._sought_taken(u)
                or self._tell_taken(u) or self._shared_out(u) or self._you_must_timed(u)):  # fmt: skip
            return  # "Annika, svarar du Bertil?" - "Ja, jag ringer honom.": the request, taken on (addressed.py)
        if self._passed_on(u):
            return  # "Jag ska säga det till kyrkorådet": a word to pass on (passon.py)
        anaphor = cues.COMMIT_ANAPHOR.search(low) or _DO_I_IT.match(strip_discourse(low))
        if anaphor and not _ARTICLE.search(low):
            own = self._own_offer(u)  # "Jag kan ringa dem, men jag lovar inget. Jag gör det på måndag."
            what, src = (own, self.utts[u.idx - 1]) if own is not None else self._task_for_anaphor(u)
            self._commit(what, u, src, u.name, 0.8)
            return
        fm = cues.COMMIT_FRONTED.match(strip_discourse(low))
        if fm is None and self.robust:  # "Dem skriver <unsure>": the "jag" was misheard
            fm = cues.COMMIT_FRONTED_SLOT.match(strip_discourse(low))
            fm = fm if fm is not None and u.uncertain(fm.group("slot")) else None
        if fm and action_verb(fm.group("v"), fm.group("rest")):
            what, src = self._task_for_anaphor(u)
            if what is None:
                np = self._topic_np(u)
                what = capitalise(f"{to_infinitive(fm.group('v'))} {np}") if np else None
            self._commit(what, u, src, u.name, 0.75)
            return
        # 2. "jag skickar ut protokollet senast fredag"; "jag mejlar dem i dag" after "kan du be leverantören om X?"
        #    is the task asked for.
        m = re.search(r"\bjag\b", low)
        if m and re.match(r"jag\s+\w+\s+(?:inte|aldrig|hellre|helst)\b", low[m.start() :]):
            m = None  # "jag läser inte på skärm", "jag läser hellre på datorn": a negation or a preference
        if m and (personal_commitment(low[m.start() :]) or self._dated_first_person(u)):
            asked = self._request_to(u) if _PRONOUN_OBJECT.match(low[m.start() :]) else None
            if asked is not None:
                self._commit(asked[0], u, asked[1], u.name, 0.8)
                return
            own, others = self._own_and_others(u.text[m.start() :])
            self._commit(task_phrase(strip_tail(own), u.name), u, None, u.name, 0.8)
            for clause in others:  # "Jag mejlar festivalen, Ali fixar mikrofonerna, Tove gör affischen."
                self._named_action(u, clause)
            return
        # 2b. "Då gör jag den första rapporten till nästa möte": the same, verb first.
        if self._inverted_commitment(u):
            return
        # 2b'. "Jag beställer räcket i dag": any first-person verb with its object and a time (objects.py).
        if self._object_task(u):
            return
        # 2b''. "Jag hämtar dem på lördag." after "Då köper vi fyra regntunnor.": a pronoun task with its day.
        if self._pronoun_dated(u):
            return
        # 2c. "Sofia, ta fram en kalkyl till nästa möte": an instruction to a participant by name.
        if self._instruction(u) or self._order_to_raiser(u):
            return
        # 3. "Vi gör riskbedömningen tillsammans ... klar senast torsdag": the speaker commits the group.
        if self._group_commitment(u):
            return
        # 3b. "Jag <misheard> siffrorna till Maria senast måndag": a dated first-person task, verb unheard.
        if self.robust and (
            self._unheard_commitment(u)
            or self._verb_lost(u)
            or self._second_verb(u)
            or self._subjectless_commitment(u)
            or self._gap_commitment(u)
        ):
            return
        # 3b'. "Då skickar du ut kallelsen, Anna." - "Ja.": "du" is the person addressed, who accepts;
        #      "Linh och Johan, ni uppdaterar era innan jul": each person named.
        if self._you_task(u) or self._named_you(u) or self._named_must(u):
            return
        # 3c. "Vi ber Sirpa att göra affischen": the meeting hands a task to someone by name.
        if self._delegation(u):
            return
        # 3d. "Ulrika, säger du det till henne?" - "Jag säger det till henne i dag.": the request echoed.
        if self._echoed_request(u):
            return
        # 3e. "Jag kopierar texterna i stor stil." after the group settled the song: a plan the turn asks for.
        if self._plain_promise(u) or self._named_after_verb(u):
            return
        # 4. Named participants take tasks: "Karin tar det", "Lotta fixar integrationen, Omid skriver testfallen".
        for clause in re.split(r",\s*(?:och\s+)?|\s+och\s+(?=[A-ZÅÄÖ])", u.text):
            self._named_action(u, clause)
        # 5. "Kan du ...?" answered "ja" by the person asked.
        if is_agreement(u) and cues.ACCEPT_REQUEST.search(low) and not cues.HEDGE.search(low):
            asked = self._request_to(u)
            if asked is not None:
                verb = asked[0].split()[0].lower()
                unsure = [x for x in re.findall(r"[a-zåäö]+", asked[1].low) if verb in (x, to_infinitive(x))
                          and asked[1].uncertain(x)]  # fmt: skip
                why = f'{PREFIX}verbet i frågan hördes otydligt ("{unsure[0]}")' if unsure else None
                self._add_action(asked[0], u.name, [asked[1], u], 0.75, why)

    def _pronoun_dated(self, u: Utt) -> bool:
        """'Då köper vi fyra regntunnor.' - 'Jag hämtar dem på lördag.': a first-person verb on a pronoun, with a day
        in the sentence or the next of the turn ('Jag kör in dem. Jag ska till Örebro den tjugonde december ändå.'),
        is the speaker's task on what the turn before spoke of, which the task carries."""
        m = _PRONOUN_DATED.match(strip_discourse(u.low))
        if m is None or cues.HEDGE.search(u.low) or cues.TENTATIVE.search(u.low) or cues.NEG.search(u.low):
            return False
        verb = m.group("v")
        if verb in NOT_TASKS or verb in AUX or verb in _ANAPHOR_VERBS or not is_present_verb(verb):
            return False
        said = [u, *self._same_segment_after(u, 1)]
        if not any(w.date is not None for v in said for w in self.whens(v)):
            return False
        before = [v for v in self.utts[: u.idx] if v.turn < u.turn]
        prev = before[-1] if before else None
        if prev is None or prev.speaker == u.speaker or prev.is_question or len(content_words(prev.text)) < 3:
            return False
        particle = f" {m.group('p')}" if m.group("p") else ""
        what = f"{to_infinitive(verb)}{particle} {m.group('obj')} ({strip_tail(prev.text).rstrip(' .!')})"
        self._commit(capitalise(what), u, None, u.name, 0.7)
        return True

    def _same_task_again(self, u: Utt) -> bool:
        """'Jag kan fråga förvaltningen. Jag mejlar dem i dag.': a pronoun-object commitment right after the
        speaker's own is that task again (how or when), so it adds evidence and a date, not a second task."""
        m = re.search(r"\bjag\b", u.low)
        if not m or not (_PRONOUN_OBJECT.match(u.low[m.start() :]) or cues.COMMIT_ANAPHOR.search(u.low)):
            return False
        prev = next((v for v in self._window(u, back=2) if v.speaker == u.speaker and v.turn == u.turn), None)
        mine = [a for a in self.out.actions if a.owner == u.name and prev is not None]
        if not mine or mine[-1].evidence[-1].segment_id not in {s.id for s in prev.segs}:
            return False
        a = mine[-1]
        a.evidence = merge_evidence(a.evidence, evidence_list([u]))
        if a.due is None and not a.needs_review:
            a.due, a.due_text = self._due([u])
        return True

    def _dated_first_person(self, u: Utt) -> bool:
        """'Jag anmäler dem senast på måndag': any first-person verb with a deadline is a commitment.

        The deadline makes it one whatever the verb, so the rule needs no list of task verbs; only
        verbs of saying, thinking and being ("jag tror", "jag är ledig till måndag") are left out."""
        m = FIRST_PERSON.search(u.low)
        if not m or cues.HEDGE.search(u.low) or cues.TENTATIVE.search(u.low) or cues.REPORTED.search(u.low):
            return False
        verb = m.group("v")
        if verb in NOT_TASKS or verb in AUX or not (is_present_verb(verb) or (m.group("modal") and verb.endswith("a"))):
            return False
        rest_at = m.start("rest")
        return len(content_words(m.group("rest"))) >= 1 and any(
            (w.date is not None or w.kind in ("week", "vague"))
            and w.start >= rest_at
            and _DEADLINE_WORD.search(u.low[: w.start + (len(w.text.split()[0]) if w.kind == "vague" else 0)])
            for w in self.whens(u)
        )  # "före midsommar": a vague time holds its own deadline word

    def _request_to(self, u: Utt) -> tuple[str, Utt] | None:
        """The task another speaker just asked of this one ("Amir, kan du be leverantören om en tidplan?",
        "Ta med det till ledarna, Mikael.")."""
        asker_turn = None
        for v in self._window(u, back=3):
            if v.speaker == u.speaker and asker_turn is None:
                continue
            if asker_turn is not None and v.turn != asker_turn:
                return None  # only the turn that asked: "Ali, kan du hämta pressen? Du har ju den stora vagnen."
            asker_turn = v.turn
            told = self._told(v, asked=v.is_question)
            if told is not None and told[0] == u.speaker:
                return told[2], v
            rm = ASKED.search(v.low)
            if rm and v.is_question:
                if rm.group("r") is not None:
                    what = task_phrase(strip_tail(v.text[rm.start("r") :]), None)
                else:  # "tar du kontakt med X?" -> "ta kontakt med X"
                    what = f"{to_infinitive(rm.group('v'))} {strip_tail(v.text[rm.start('r2') :])}"
                words = _WHEN_WORDS.sub(" ", what.lower()).split()
                # "kan du skriva i dag?" asks for a role, not a task; "kan du mejla honom?" names a person to reach
                said = content_words(" ".join(words[1:])) or {"honom", "henne"} & set(words[1:2])
                if words and task_verb(words[0], " ".join(words[1:])) and said:
                    return what, v
                heard = (rm.group("r") or rm.group("v")).split()[0]
                if self.robust and words and v.uncertain(heard) and len(content_words(" ".join(words[1:]))) >= 2:
                    return what, v  # "kan du <ser> ett meddelande till vårdcentralerna?": the verb misheard, asked
                if (need := self._need_meant(v)) is not None:  # "Kan du göra det?" after a need said before
                    return need, v
        return None

    def _deadline(self, u: Utt) -> bool:
        return any(w.date is not None or w.kind == "vague" for w in self.whens(u)) and bool(
            re.search(r"\b(?:senast|till|innan|före|inför)\s", u.low)
        )

    def _inverted_commitment(self, u: Utt) -> bool:
        low = strip_discourse(u.low)
        after = re.search(r",\s+(?=(?:så|då)\s)", low)  # "Skriv några rader, så läser jag igenom dem"
        m = _INVERTED.match(low) or (_INVERTED.match(low[after.end() :]) if after else None)
        if not m or m.group("v") in NOT_TASKS or cues.HEDGE.search(u.low) or cues.TENTATIVE.search(u.low):
            return False
        verb, rest = to_infinitive(m.group("v")), m.group("rest")
        if not (action_verb(verb, rest) or (verb == "göra" and self._deadline(u))) or len(content_words(rest)) < 1:
            return False
        if re.match(r"(?:inte|aldrig|ingen|inget|inga)\b", rest):
            return False  # "Då bokar jag inte Berlin i alla fall": a negation, nothing to do
        if m.group("v") in _ANAPHOR_VERBS and re.match(
            r"^(?:det|den|dem|detta|så)\s*(?:$|(?:till|senast|i|på|innan|före|nu|också|då)\b)", rest
        ):
            return False  # "då gör jag det": the anaphor rules read it ("då skickar jag det till Omar" is read here)
        start = u.low.rfind(m.group("rest"))
        self._commit(capitalise(f"{verb} {strip_tail(u.text[start:])}"), u, None, u.name, 0.75)
        return True

    # ------------------------------------------------------------------ next meeting
