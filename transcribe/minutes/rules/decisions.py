"""Decisions and items left open: explicit, confirmed, called for, approved, declined or postponed."""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.phrasing import (
    content_clause,
    decision_sentence,
    first_person,
    proposal_clause,
    strip_discourse,
    strip_tail,
    to_infinitive,
)
from transcribe.minutes.rules.choices import ChoiceRules
from transcribe.minutes.rules.elections import ElectionRules
from transcribe.minutes.rules.heardplan import HeardPlanRules
from transcribe.minutes.rules.misheard import CONSEQUENCE, PERSONS, MisheardCueRules
from transcribe.minutes.rules.outcomes import OutcomeRules
from transcribe.minutes.rules.safety import PREFIX
from transcribe.minutes.rules.settled import SettledRules
from transcribe.minutes.rules.undecided import OpenItemRules
from transcribe.minutes.rules.utterances import (
    WH,
    Utt,
    evidence_list,
    is_agreement,
    merge_evidence,
    negated,
    next_turns,
    personal_commitment,
    split_clauses,
    stems,
)
from transcribe.sv.numbers import COUNT_WORD
from transcribe.sv.text import capitalise, content_words

_ASKED_AFTER = re.compile(r",\s*(?:[\w-]+,\s*)?(?:kan|ska|vill|hinner|tar)\s+(?:du|ni|någon)\b[^.!]*\?\s*$")
_WE_VERB = re.compile(r"^vi\s+(?P<v>[a-zåäö]{3,}(?:ar|er|ör|år))\s+(?P<neg>inte\s+)?(?P<rest>\S.*)")
_TAG_CALL = re.compile(
    r"^(?:eller|okej|ok|va|vad\s+säger\s+ni|tummen\s+upp|(?:är\s+)?alla\s+med\s+på\s+det"
    r"|är\s+det\s+så\s+vi\s+(?:säger|gör|kör))\s*\?$"
)
_SO_WE = re.compile(r"^(?:(?:okej|bra|ja)\b[\s,]*)*så\s+vi\s+(?:landar\s+i|säger|kör\s+på)\s+(?!det\b|så\b)")
# "<body> har bestämt att" with no "då"/"så"/"alltså" settling it: news of what the body did elsewhere.
_REPORTED_PERFECT = re.compile(
    rf"^(?!.*\b(?:då|så|härmed|därmed|alltså|nu)\b).*\b{cues.BODY_NOUN}\s+(?:har|hade)\s+(?:bestämt|beslutat)\b"
)
# Laughter or a denial that it counts: "Haha, okej.", "Det räknas inte, Daniel."
_LAUGHTER = re.compile(
    r"^(?:haha|hehe|ha\s+ha|hihi)\b|\b(?:haha|hehe)\b|^det\s+räknas\s+inte\b|^skämt\s+åsido\b"
    r"|^(?:men\s+)?allvarligt(?:\s+talat)?\b"  # "Men allvarligt, vi kan ha en egen skärbräda ...": the last was jest
)
# A condition put verb first before the no: "Finns det inte två frivilliga en lördag, så säger vi nej till tåget": a
# clause of the proposal being put, not a decision of its own
_IF_THEN = re.compile(
    r"^(?:(?:men|och)\s+)?[a-zåäö]+(?:r|s)\s+(?:det|vi|ni|de|dom|han|hon|man|någon|den)\b[^.]*,\s*(?:(?:så|då)\s+)?$"
)
# A request put to members by name: "Per och Lina, kan ni titta på det tillsammans …?"
_ASKED_OF = re.compile(r"^[a-zåäö-]+(?:\s+och\s+[a-zåäö-]+)?\s*,\s*(?:kan|vill|hinner)\s+(?:du|ni)\b")
_WHEN_DECIDED = re.compile(
    r"\s*(?:klockan|kl\b|samma\s+dag|i\s+morgon|i\s+dag|i\s+kväll|på\s+\w+dag(?:en)?\b|nästa\s+\w+|senare\b|sen\b)"
)
# An approximate figure worked out aloud is a sum, not a settlement: "Då blir det, vänta, runt femhundra ..."
_ESTIMATE = re.compile(rf"\b(?:runt|ungefär|cirka|omkring|nästan|typ)\s+(?:{COUNT_WORD})\b")
# "Jag kommer, om ...": the speaker's own plan or state, no proposal for the group to settle.
_ONLY_ME = re.compile(
    r"^(?:(?:ja|okej|nej|och)\b[\s,.]*)*jag\s+(?!tycker|föreslår|vill|tror|menar|tänkte|tänker|säger|skulle)[a-zåäö]+\b"
)
# How things are or were, with no "vi" in it: "Kaffet står framme.", "Det är inte bara att titta på en mätare.", "Det
# gjorde de i Lysvik": a remark a later "Då gör vi så" cannot have settled.
_STATE_REMARK = re.compile(
    r"^(?:(?:men|och|ja|nej)\b[\s,]*)*(?:det|den|de|dom|[a-zåäö-]{3,}(?:et|en|na|at|an))\s+(?:inte\s+)?"
    r"(?:är|var|står|stod|ligger|låg|finns|fanns|gjorde|fick|hade)\b(?!.*\b(?:vi|kvar)\b)"
)
# Leave to go from the meeting ("gå när du behöver") or the speaker's own offer ("gå med mig"): no permission decided.
_LEAVE_OR_OWN = re.compile(
    r"^gå(?:\s+(?:hem|nu|tidigare|härifrån|när\s+(?:du|ni)\s+\w+|om\s+(?:du|ni)\s+\w+))*[\s.!]*$"
    r"|\b(?:mig|jag|min|mitt|mina)\b"
)
# What another can do or wants, with no "vi": "Men en enkel linjetatuering klarar han.", "Sundbyberg vill ändå helst
# ha tisdagar.": a judgement or another's wish, which a later "Då gör vi så" cannot have settled.
_OTHERS_REMARK = re.compile(
    r"^(?:(?:men|och|ja|nej|fast)\b[\s,]*)*(?:"
    r"(?:(?!vi\b)[a-zåäö-]+\s+){1,6}(?:klarar|orkar|hinner|kan)\s+(?:han|hon|hen|de|dom)\b"
    r"|(?!(?:vi|jag|ni|du|man|alla)\b)[a-zåäö-]+\s+vill\s+(?:(?:ändå|helst|gärna|nog)\s+)*ha\b)(?!.*\bvi\b)"
)
_AGREES = re.compile(r"\bhåller\s+(?:(?:nog|ju|väl|också|inte)\s+)?med\b(?!\s+på\b)")  # agreeing, not "håller på"
_CLOSING = re.compile(r"(?:här|nu|mötet|för\s+(?:i\s+)?(?:dag|kväll))\b")  # "Då avslutar vi här, och ..."
# Words heard where the approved matter stands that are none: a preposition, an article, a conjunction.
_NO_APPROVED = frozenset("med i på för och att en ett som av till om från men".split())
# "vi har", "vi ska", "vi tycker": talk about the group, not a plan.
_NOT_PLANS = frozenset(
    "har ska kan får vill måste behöver tycker tror vet ser hör är går kommer blir hoppas undrar pratar "
    "diskuterar funderar väntar försöker bestämmer beslutar".split()
)


class DecisionRules(
    OpenItemRules, ElectionRules, ChoiceRules, OutcomeRules, HeardPlanRules, SettledRules, MisheardCueRules
):
    """Decision rules; they record into the shared state."""

    def _explicit_decision(self, u: Utt) -> bool:
        """'Vi beslutar att ...', 'Då beslutar styrelsen att ... och att ...'."""
        tolerant = cues.DECISION_TOLERANT if self.robust else []
        if self.robust and self._slot_decision(u):
            return True
        for n, (verb, pat) in enumerate(cues.DECISION_WITH_CONTENT + tolerant):
            m = pat.search(u.low)
            if not m:
                continue
            loose = n >= len(cues.DECISION_WITH_CONTENT)
            if (loose or u.repairs) and _WHEN_DECIDED.match(u.low[m.start("rest") :]):
                continue  # "Och så bestämmer vi klockan fem samma dag ...": when it is decided, not what
            slot = (m.groupdict().get("slot") or "").strip()
            if loose and slot and not cues.is_body(slot) and (not u.uncertain(slot) or slot in PERSONS):
                continue  # "jag beslutar att", "de bestämde att", "<Han> beslutar att" ("Om nämnden"): not the meeting
            # "Då beslutar styrelsen att höja avgiften<.> Sara, kan du skriva brevet?": the full stop lost, the
            # question is the next sentence's
            asked = _ASKED_AFTER.search(u.low, m.start("rest"))
            if negated(u.low, m.start(), m.start("rest")) or (u.is_question and asked is None):
                return False
            head = u.low[: m.start("rest")]
            cond = re.sub(r"\bom\s+att\s*$", "", head)[-40:]  # the cue's own "överens om att" is no "om"
            if cues.REPORTED.search(head) or re.search(r"\b(?:om|ifall|kanske|eventuellt|skulle)\b", cond):
                return False
            if cues.PAST_WHEN.search(u.low):
                return False  # "Stämman beslutade i juni att ...": an old decision recalled
            if self._laughed_off(u):
                return False  # "Då bestämmer vi att Ingrid bjuder på semlor." - "Det räknas inte." - "Haha.": a joke
            if re.search(r"\b(?:beslutade|bestämde)\b", head) and any(
                cues.REPORTED.search(v.low) for v in [u, *self._window(u, back=3)]
            ):
                return False  # "Vad beslutade ni förra gången?" - "Vi beslutade att ...": reported
            if self.robust and n == 0 and self._unsure_opener(u, m.start()):
                return False
            rest = u.text[m.start("rest") : asked.start() if asked else len(u.text)]
            if CONSEQUENCE.search(rest.lower()) and not re.match(r"^\s*(?:om|ifall)\b", rest.lower()):
                # "<Om> nämnden beslutar att stänga skolan så flyttar familjerna": a condition; a decision whose
                # content is conditional ("beslutar att om X, så Y") stays a decision
                return False
            if re.match(r"^\s*(?:det|detta|så)\b", rest.lower()) and len(content_words(rest)) < 3:
                return False  # "vi bestämmer det": a confirmation
            if cues.NEXT_MEETING.search(rest.lower()) and any(w.date is not None for w in self.whens(u)):
                return True  # the next meeting's date has its own section
            gd = m.groupdict()
            if not self._own_body(gd.get("body"), n):
                return False  # "Hembygdsföreningen beslutade att ...": another body's decision
            if gd.get("body") not in (None, "vi") and _REPORTED_PERFECT.search(head):
                return False  # "Ja, ledningen har bestämt att ...": told as news, not settled by the chair
            body = capitalise(gd["body"]) if gd.get("body") and gd["body"] != "vi" else "Mötet"
            made = False
            condition = re.match(r"^\s*(?:om|ifall)\b(?P<c>[^,]*)", rest.lower())
            if self.robust and condition and not cues.NEG.search(condition.group("c")):
                # "beslutar att om maskinerna <inte> är lagade, så ...": a lost "inte" turns the condition around
                loose_why = f'{PREFIX}beslutet gäller på ett villkor – kontrollera att inget "inte" har fallit bort'
            else:
                loose_why = None
            recap = bool(re.search(r"\bhar\s+(?:\w+\s+){0,2}(?:bestämt|beslutat)\b", head))
            colon = ":" in u.low[m.start() : m.start("rest")]  # "Så vi har alltså beslutat: a, b och c"
            for part in self.colon_items(rest) if colon else split_clauses(rest):
                clause = content_clause(part, gd.get("prep") or "", u.name)
                if recap and self._recaps(clause, u):
                    made = True  # "vi har alltså bestämt att ...": a summing-up of a decision made earlier
                    continue
                if len(clause.split()) >= 2:
                    why = f"{PREFIX}beslutsformuleringen hördes ofullständigt" if loose else loose_why
                    self._add_decision(decision_sentence(clause, verb, body), u, [u], 0.6 if loose else 0.9, why)
                    made = True
            if made:  # a later "då är det beslutat" confirms this, not an older proposal
                self.used.add(u.idx)
            return made
        return False

    def _laughed_off(self, u: Utt) -> bool:
        """The room laughs at it in the next two turns, or someone says it does not count: said in jest."""
        return any(_LAUGHTER.search(v.low) for v in next_turns(self.utts, u))

    def _own_body(self, body: str | None, pattern_no: int) -> bool:
        """The body deciding is this meeting: "vi", a plain "styrelsen"/"nämnden", one named in the title or
        vocabulary ("Styrgruppen för ..."), or any body in the chair's formula "Då beslutar kyrkorådet att"."""
        if not body or body == "vi" or body in cues.PLAIN_BODIES or pattern_no == 1:
            return True
        return self._own_compound(body)

    def _approval(self, u: Utt) -> bool:
        """'Då är dagordningen godkänd' -> 'Dagordningen godkändes.'; an election ('Då väljer stämman Leif.')."""
        if self._election(u) or self._convened(u) or self._filed(u) or self._fronted_act(u) or self._unheard_close(u):
            return True
        m = cues.APPROVAL.search(u.low)
        if not m or u.is_question or cues.NEG.search(u.low[m.start() : m.end()]):
            return False
        np = u.text[m.start("np") : m.end("np")]
        elected = m.group("part").startswith(("vald", "valt"))
        if np.lower() in _NO_APPROVED or (np.lower() in ("du", "ni") and not elected):
            return False  # "Då är <med> godkänd", "Då är du godkänd för att ta kvällarna": no matter approved
        role = ""
        if np.lower() in ("de", "dem", "han", "hon", "hen") and (named := self._proposed_names(u)) is not None:
            np, role = named  # "Till justerare föreslår jag Agnieszka Nowak och Bengt Nilsson. ... Då är de valda."
        pending = self.pending.pop(u.idx, None)
        utts = [u] + (pending[1] if pending else [])
        self._add_decision(f"{capitalise(np)} {cues.APPROVAL_PAST[m.group('part')]}{role}.", u, utts, 0.85)
        return True

    def _negative_decision(self, u: Utt) -> bool:
        """'Då säger vi nej till plattformen': decided against, and the proposal was rejected."""
        m = cues.NEGATIVE_DECISION.search(u.low)
        if m is None and self.robust:
            m = self._slotted(u, cues.NEGATIVE_DECISION_TOLERANT)
        if not m or u.is_question or _IF_THEN.match(u.low[: m.start()]):
            return False
        proposal, _ = self._find_proposal(u, strict=True)
        clause = self._clause(proposal) if proposal else None
        utts = [x for x in (proposal, u) if x is not None]
        if clause and re.match(r"^att\s+\w+", clause):
            text = decision_sentence("att inte " + clause[4:])
        elif m.group("x"):  # "Vi avslår ansökan": a request turned down, not a course of action decided
            self._add_open(capitalise(strip_tail(u.text[m.start("x") : m.end("x")])), "Förslaget avslogs", [u], 0.8)
            return True
        else:
            return False
        self._add_decision(text, proposal, utts, 0.8)
        if proposal is not None and clause:
            self.used.add(proposal.idx)
            self._add_open(f"Förslaget {clause}", "Förslaget avslogs", utts, 0.8)
        return True

    def _confirmation(self, u: Utt) -> bool:
        if u.idx in self.used:
            return False  # the close of a call already recorded ("Beviljar årsmötet ...? Ja. Då är det beslutat.")
        if u.idx not in self.pending and not _ESTIMATE.search(u.low) and self._settled(u):
            return True
        m = cues.CONFIRMATION.search(u.low)
        weak = False
        if not m:
            m = cues.WEAK_CONFIRMATION.search(u.low)
            weak = True
        if not m and (m := self._slot_confirmation(u)) is not None:
            return self._confirmed_proposal(u, m)
        if not m or u.is_question or negated(u.low, m.start(), m.end()):
            return False
        if re.match(r"\s*(?:inte|aldrig|ändå)\b", u.low[m.end() :]):
            return False  # "Nej, Kalle. Det gör vi inte.": the proposal turned down; "Det gör vi ändå.": done anyway
        if cues.UNDECIDED.search(u.low) or cues.REJECTED.search(u.low):
            return False
        # A bare "Klubbat." closes a call; misheard calls leave only chatter before it, which it does not confirm.
        bare = self.robust and bool(re.match(r"^(?:(?:ja|bra|tack)\b[\s,.]*)*klubbat\s*[.!]?$", u.low))
        pending = self.pending.pop(u.idx, None)
        if pending is None and not weak and (closed := self.closed_call(u)) is not None:
            self.used.update(x.idx for x in closed[1])
            self._add_decision(closed[0], closed[1][0], [*closed[1], u], 0.8)
            return True
        if pending is not None:
            proposal, objections = pending[0], []
        elif (called := self.called_proposal(u)) is not None:
            proposal, objections = called, []
        else:
            proposal, objections = self._find_proposal(u, strict=weak or bare)
            if (
                proposal is not None
                and not cues.PROPOSAL.search(proposal.low)
                and (_STATE_REMARK.match(proposal.low) or _OTHERS_REMARK.match(proposal.low))
            ):
                proposal = None  # the latest thing said is a remark on how things are, nothing proposed
        if weak and (proposal is None or proposal.speaker == u.speaker or objections):
            return False
        if proposal is not None and proposal is not u and cues.PUT_OFF_LATER.search(proposal.low):
            return False  # "Det tar vi efteråt, Stina. Då säger vi så.": the matter put off
        if proposal is not None and proposal is not u and _ONLY_ME.match(proposal.low) and " vi " not in proposal.low:
            return False  # "Jag kommer, om jag hinner." - "Då säger vi så.": one's own plan, nothing to settle
        if (restated := self.restatement(u)) is not None:  # "Då säger vi så. <the decision as a fact>"
            if proposal is not None:
                self.used.add(proposal.idx)
            utts = [x for x in (proposal, u, restated[0]) if x is not None] + (pending[1] if pending else [])
            extra = "Invändningar före beslutet" if objections else self._polarity_differs(proposal, restated[1])
            self._add_decision(restated[1], proposal or u, utts, 0.8 if not objections else 0.55, extra)
            return True
        if proposal is None and self._merge_into_recent(u):
            return True
        before = u.text[: m.start()].strip(" ,")
        after = strip_tail(re.sub(r"^här\s*:\s*", "", u.text[m.end() :].strip(" ,.:")))  # "gör vi så här: ..."
        if len(content_words(before)) >= 3 and not re.match(r"^(?:ja|okej|bra|men)\b", before.lower()):
            clause, proposal = proposal_clause(before, u.name, self._addressee(u)), u
        elif cues.NEG.match(after.lower()) and content_words(after):
            # "Då är det bestämt, ingen paus. Fika före och efter.": what was settled, said after the settling
            more = self._elaboration(u)
            text = " ".join(capitalise(strip_tail(x).rstrip(" .!")) + "." for x in [after, *(v.text for v in more)])
            if proposal is not None:
                self.used.add(proposal.idx)
            self._add_decision(text, proposal or u, [x for x in (proposal, u, *more) if x is not None], 0.75)
            return True
        elif len(content_words(after)) >= 3:
            # The chair summarises what was decided: "Då kör vi på det, studiebesök på Norrmetall den 14 januari."
            clause = after if re.match(r"^(?:att|om)\s", after) else f"{after}"
        elif proposal is not None:
            if personal_commitment(proposal.low) and not cues.PROPOSAL.search(proposal.low):
                return False  # "jag skriver utkastet" - "kör på det": an action, not a decision
            clause = self._clause(proposal)
        else:
            return False
        if not clause or len(clause.split()) < 2:
            return False
        if proposal is not None and proposal is not u and WH.match(strip_discourse(proposal.low)):
            return False  # an open question cannot be confirmed into a decision
        if proposal is not None and proposal.speaker != u.speaker and _ASKED_OF.match(proposal.low):
            return False  # "Per och Lina, kan ni titta på det …?" - "Det gör vi.": the ones asked take the task
        if proposal is not None:
            self.used.add(proposal.idx)
            if cues.NEXT_MEETING.search(proposal.low) and self.whens(proposal) and proposal is not u:
                return True
        extra = "Invändningar före beslutet" if objections else None
        conf = 0.75 if not objections else 0.55
        utts = [x for x in (proposal, u) if x is not None] + (pending[1] if pending else [])
        self._add_decision(decision_sentence(clause), proposal, utts, conf, extra)
        return True

    def _merge_into_recent(self, u: Utt) -> bool:
        """'Då är det beslutat' right after a decision already recorded: more evidence, not a new one."""
        if not self.out.decisions:
            return False
        last = self.out.decisions[-1]
        if u.start - last.evidence[-1].end <= 60:
            last.evidence = merge_evidence(last.evidence, evidence_list([u]))
            return True
        return False

    def _call_for_decision(self, u: Utt) -> bool:
        """'Är vi överens om att X?' answered by agreement from others, without objection."""
        tag = _TAG_CALL.match(u.low) and self.proposal_before_call(u)  # "Så vi landar i att ... Eller?"
        so = _SO_WE.match(u.low)  # "Så vi landar i mejl, överallt?": the chair's summary put as a question
        if not ((cues.CALL_FOR_DECISION.search(u.low) or tag or so) and u.is_question):
            return False
        agreed: list[Utt] = []
        for v in self.utts[u.idx + 1 : u.idx + 5]:
            if v.start - u.end > 60 or (v.speaker == u.speaker and agreed):
                break
            if v.speaker == u.speaker:
                continue
            if cues.REJECTED.search(v.low) or cues.UNDECIDED.search(v.low) or re.match(r"^\s*(?:nej|nja)\b", v.low):
                return False
            if re.search(r"\b(?:emot|invändningar)\b", u.low) and re.match(r"^\s*ja\b", v.low):
                return False  # "Säger någon emot?" - "Ja, jag.": an objection, not assent
            if is_agreement(v):
                agreed.append(v)
        if not agreed:
            return False
        m = re.search(r"\böverens\s+om\s+(?:att\s+)?(?P<rest>.+)", u.low)
        proposal: Utt | None = u
        clause: str | None = None
        if m and len(content_words(m.group("rest"))) >= 2:
            clause = content_clause(u.text[m.start("rest") :], "att", u.name)
        elif so and len(content_words(u.text[so.end() :])) >= 2:
            clause = content_clause(u.text[so.end() :].rstrip(" ?"), "att", u.name)
        elif cues.PROPOSAL.search(u.low) and len(content_words(u.text)) >= 3:
            clause = self._clause(u)  # "Kan vi godkänna dagordningen?"
        else:
            proposal, objections = self._find_proposal(u, strict=True)
            if (before := self.proposal_before_call(u)) is not None:
                proposal, objections = before, []  # "Om X betalar hälften, så köper vi den. Säger vi det?"
            if proposal is None or objections:
                return False
            clause = self._clause(proposal)
        if not clause or len(clause.split()) < 2:
            return False
        self.used.add(proposal.idx)
        closing = next(
            (
                v
                for v in self.utts[agreed[-1].idx + 1 : agreed[-1].idx + 4]
                if v.speaker == u.speaker and (cues.CONFIRMATION.search(v.low) or cues.APPROVAL.search(v.low))
            ),
            None,
        )
        if closing is not None:  # the chair's "då har vi bestämt det" will record it
            self.pending[closing.idx] = (proposal, [u, agreed[0]])
            return True
        self._add_decision(decision_sentence(clause), proposal, [proposal, u, agreed[0]], 0.7)
        return True

    def _declarative(self, u: Utt) -> bool:
        """'I stället flyttar vi driftstarten till februari': a plan stated as fact, flagged for review."""
        if self.answers_what_if(u):
            return False  # "Och vad gör vi om det är frost?" - "Då ställer vi in ...": the plan for a case
        if self._outcome(u):  # "Då går Dimma i pension ...", "Då säger vi trettio kronor mer ..."
            return True
        if self.hypothetical(u):
            return False  # "Höjer vi tappar vi folk": a condition
        never = re.search(r"\baldrig\b", u.low) is not None  # "Kupolen orkar vi aldrig.": how things are
        agrees = _AGREES.search(u.low) is not None  # "Styrelsen håller med om att rampen är dålig.": a view shared
        if self._choice(u) or (not self.unsettled(u) and not never and not agrees and self._group_plan(u)):
            return True
        if self._commitment(u):  # "Vi publicerar inte namnet.", "Avgiften ligger kvar.", "Tacos då."
            return True
        low = re.sub(r"^(?:(?:ja|okej|bra|nej)\b[\s,]*)+", "", u.low)
        m = cues.DECLARATIVE_INVERTED.match(low) or cues.DECLARATIVE_DIRECT.match(low)
        if m is None and self.robust:
            m = self._slotted(u, cues.DECLARATIVE_TOLERANT, low)
            if m is not None and m.group("rest").split()[0] in PERSONS:
                return False  # "Då avslutar jag mötet": someone else than the group is the subject
            if m is not None and m.group("slot") == "det" and not u.uncertain("det"):
                return False  # "Det förlänger ju tiden": a remark with "det" heard as said, not a lost "vi"
        if not m or u.is_question or cues.TENTATIVE.search(u.low) or cues.REPORTED.search(u.low):
            return False
        if cues.AGENDA_TALK.search(m.group("rest")) or cues.HEDGE.search(u.low.replace(" inte ", " ")):
            return False
        if re.match(r"(?:ofta|alltid|ibland|vanligtvis|normalt|oftast|sällan|brukar)\b", m.group("rest")):
            return False  # a habit, not a decision
        if m.group("v") == "avslutar" and (len(m.group("rest").split()) <= 3 or _CLOSING.match(m.group("rest"))):
            return False  # "Då avslutar vi här, och jag låser upp ...": closing the meeting
        verb = re.sub(r"\s+", " ", m.group("v")).split(" ")
        inf = " ".join([to_infinitive(verb[0])] + verb[1:])
        rest = strip_tail(u.text[len(u.text) - len(m.group("rest")) :])
        neg = "inte " if m.group("neg") else ""
        clause = first_person(f"att {neg}{inf} {rest}", u.name)
        self._add_decision(decision_sentence(clause), u, [u], 0.6, "Beslutet uttrycktes som en plan")
        return True

    def _arrangement(self, u: Utt) -> bool:
        """'Från och med december gör vi så att Johan sköter schemat': flagged like a plan stated as fact."""
        m = cues.ARRANGEMENT.match(re.sub(r"^(?:(?:ja|okej|bra)\b[\s,]*)+", "", strip_discourse(u.low)))
        if not m or u.is_question or cues.TENTATIVE.search(u.low) or cues.REPORTED.search(u.low):
            return False
        rest = strip_tail(u.text[len(u.text) - len(m.group("rest")) :])
        if len(content_words(rest)) < 2:
            return False
        self._add_decision(decision_sentence(first_person(f"att {rest}", u.name)), u, [u], 0.6,
                           "Beslutet uttrycktes som en plan")  # fmt: skip
        return True

    def _restated_proposal(self, u: Utt) -> bool:
        """'Jag vill inte att vi lämnar anbud.' - 'Vi lämnar inte något anbud.': a wish restated as fact by another."""
        low = re.sub(r"^(?:(?:ja|okej|bra|då|så|nej)\b[\s,]*)+", "", u.low)
        m = _WE_VERB.match(low)
        if not m or u.is_question or cues.TENTATIVE.search(u.low) or cues.REPORTED.search(u.low):
            return False
        verb = m.group("v")
        if verb in _NOT_PLANS or cues.HEDGE.search(u.low.replace(" inte ", " ")):
            return False
        topic = stems(m.group("rest"))
        for v in self._window(u, back=4):
            if v.speaker == u.speaker or v.idx in self.used or v.is_question:
                continue
            wish = re.search(rf"\batt\s+vi\s+(?:inte\s+)?{verb}\b(?P<rest>[^.?!]*)", v.low)
            if wish and topic & stems(wish.group("rest")):
                self.used.add(v.idx)
                neg = "inte " if m.group("neg") else ""
                rest = strip_tail(u.text[len(u.text) - len(m.group("rest")) :])
                clause = first_person(f"att {neg}{to_infinitive(verb)} {rest}", u.name)
                self._add_decision(decision_sentence(clause), v, [v, u], 0.7)
                return True
        return False

    def _permission(self, u: Utt) -> bool:
        """'Så du får gå den': permission given to the person one is talking to."""
        m = cues.PERMISSION.search(u.low)
        if not m or u.is_question or cues.NEG.search(u.low[max(0, m.start() - 12) : m.start()]):
            return False
        other = next((v for v in self._window(u, back=12) if v.speaker != u.speaker), None)
        if other is None or not other.name:
            return False
        rest = strip_tail(u.text[m.start("v") : m.end("rest")])
        if _LEAVE_OR_OWN.search(rest.lower()):
            return False  # "Du får gå när du behöver.", "Du får gå med mig, jag har ...": leave to go, an offer
        if re.search(r"\b(?:den|det|dem)$", rest):
            topic = self._topic_before(u)
            if topic:
                rest = re.sub(r"\b(?:den|det|dem)$", topic, rest)
        self._add_decision(f"{other.name} får {rest}.", u, [u], 0.6, "Beslutet uttrycktes som ett tillstånd")
        return True

    def _topic_before(self, u: Utt) -> str | None:
        """'Och så kursen i projektledning som du frågade om.' -> 'kursen i projektledning'."""
        for v in self._window(u, back=3):
            if v.turn != u.turn:
                break
            m = re.match(
                r"^(?:och\s+så|sen|angående|när\s+det\s+gäller|vad\s+gäller)\s+(?P<np>.+?)"
                r"(?:\s+som\b.*)?[.?!]*$",
                v.low,
            )
            if m:
                return v.text[m.start("np") : m.end("np")]
        return None
