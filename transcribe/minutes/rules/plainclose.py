"""The settler's plain close: a word that ends the talk, then the group's choice said as a fact.

When others have argued a matter, the one who settles it often marks the end of the talk with a word of its
own - "Okej.", "Så.", "Nej." - and then says what the group does, in the first person plural and the present
tense, with no decision word: "Okej. Vi lägger övningen på Remmene, helgen tolfte till fjortonde mars.",
"Så. Vi slår till. Fyratusen för Glimåkran från Bollnäs ...", "Nej. Vi tar inte emot några skolbesök i vår.
Inte förrän filterhallen är klar.". The same settler may end a list of terms with "Punkt.": "Okej.
Juniorerna får tisdagarna, ... Seniorerna tar tre och fyra. Punkt.".

The turn structure carries it: two or more others spoke on the matter just before, the close names something
they talked of, and it is no question, condition, hedge, report, habit, the meeting's order or a thing put
off. A "Punkt." after the speaker's own wish ("Jag vill ha en låda. ... Punkt.") is a proposal, not a close.

The word may lead the close's own sentence ("Okej, så vi stänger mellan jul och nyår ...") and a close's "så" may
stand before "vi" ("Bra. Så vi sitter på fritidsgården ..."). The one who leads the talk also says the plan without
"vi" after it: without a verb ("Okej. Fyratusen fyrahundra från och med maj, då.", "Så. Vegetariskt på Holmön, och
egen frukost.") or with the matter as its subject ("Okej. Kaj går i lilla gruppen och får två veckor till ...",
"Okej, så, ettåringarna följer inte med till Skansen."). Never an answer to a question just put, the next matter
opened ("Bra. Priserna till krogarna då."), a bidding ("Bra, skriv in det i schemat, Petra."), a report ("det har
nämnden redan satt") or a thing the others did not speak of; under recognition errors, never a plan without a verb
whose second word or a short word inside it was heard unsure (where a verb may have been lost).
Flagged: said without a decision word.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.phrasing import decision_sentence, first_person, group_clause, is_present_verb, strip_tail
from transcribe.minutes.rules.commitments import WHY
from transcribe.minutes.rules.inpassing import PassingDecisions
from transcribe.minutes.rules.replaced import ReplacedCourses, said_numbers
from transcribe.minutes.rules.utterances import Utt, personal_commitment, stems
from transcribe.sv.text import capitalise, content_words, stopwords

# A sentence that is only the word ending the talk: "Okej.", "Så.", "Nej.", "Bra."
_ENDING_WORD = re.compile(r"^(?:okej|ok|så|nej|bra|gott|toppen|kör)\s*[.!]$")
# The word that ends the talk said as the close's own lead: "Okej, grillar på gården ...", "Okej, så, ettåringarna ..."
_LEAD_IN = re.compile(r"^(?:okej|ok|bra|så|nej)\s*[,:]\s*(?:så\s*[,:]?\s+)?")
_SO_WE = re.compile(r"^så\s+(?=vi\s)")
# The group's choice said as a fact: "Vi lägger övningen på Remmene", "Vi tar inte emot några skolbesök"
_WE_PRESENT = re.compile(
    r"^(?:men\s+|och\s+)?vi\s+(?P<v>[a-zåäö]{1,}(?:ar|er|ör|år|yr))\s+(?P<neg>inte\s+)?(?P<rest>\S.*)$"
)
_WE_HAVE = re.compile(r"^(?:men\s+|och\s+)?vi\s+(?P<v>har)\s+(?P<neg>inte\s+)?(?P<rest>(?:öppet|stängt)\b.*)$")
# Verbs of saying, thinking, ability or the meeting's course: talk about the group, not a choice
_NOT_CHOICES = frozenset(
    "tycker tror vet ser hör hoppas undrar pratar diskuterar funderar väntar försöker bestämmer beslutar "
    "har får gör kör landar börjar fortsätter går kommer behöver hinner orkar klarar brukar säger menar ber "
    "tackar avslutar".split()
)
_NOT_TAKEN = re.compile(r"^(?:upp|med|det|den|dem|nästa|punkt|en\s+paus|paus|över|vidare|hand\s+om)\b")
_LATER = re.compile(
    r"\b(?:nästa\s+(?:gång|möte|vecka)|senare|efteråt|sen\s*[.!]?$|längre\s+fram|en\s+annan\s+gång|till\s+(?:våren|hösten))"
)
_HABIT = re.compile(r"\b(?:ofta|alltid|aldrig|ibland|vanligtvis|normalt|oftast|sällan|brukar)\b")
_PUNKT = re.compile(r"^punkt\s*[.!]$")
# "Så julmarknaden blir det inget med i år.": the thing said first, the negative outcome after
_NONE_OF = re.compile(
    r"^(?:(?:så|okej|nej|ja)\b[\s,.]*)*(?P<np>[a-zåäö-]{3,}(?:en|et|na|an))\s+blir\s+det\s+(?:inget|ingenting)\s+"
    r"(?P<prep>med|av)\b(?P<rest>[^.!?]*)[.!]?$"
)
# The next speaker takes a member's statement as the group's: "Precis. Det tycker jag också.", "Ja. Det säger vi
# till alla."
_AGREE_WORD = re.compile(r"^(?:ja|precis|absolut|exakt|okej|bra|javisst|självklart)\b[\s,.!]*")
_ENDORSES = re.compile(
    r"^(?:(?:ja|precis|absolut|exakt|okej|bra|javisst|självklart)\b[\s,.!]*)*"
    r"(?:det\s+tycker\s+jag\s+också|det\s+säger\s+vi(?:\s+till\s+\w+)?|så\s+(?:gör|säger|kör)\s+vi)\s*[.!]?$"
)
_FROM_NOW = re.compile(
    r"^(?:och\s+)?från\s+och\s+med\s+(?:nu|i\s+dag|måndag|nästa\s+\w+)\s+(?P<v>är|blir|gäller|har)\s+(?P<rest>\S.*)$"
)
# "Så: tuben går på service i Göteborg, och vi betalar högst femtusen ...": the settler sums the matter up
_SUMS_UP = re.compile(r"^(?:(?:okej|bra|ja)\b[\s,.]*)*(?:så|alltså)\s*:\s*(?P<rest>\S.*)$")
_FINITE = re.compile(r"\b(?:vi|[a-zåäö-]{3,}(?:en|et|na|an))\s+[a-zåäö]{2,}(?:ar|er|ör|år|yr)\b")
_OWN_VIEW = re.compile(r"\b(?:jag|vi)\s+(?:vill|tycker|tänker|tänkte|föreslår|kunde|skulle)\b")


# The plan the one who leads says after that word, without "vi": a thing, a sum or a course said without a verb
# ("Fyratusen fyrahundra från och med maj, då.", "Papper och anonymt.", "Vegetariskt på Holmön, och egen frukost.")
# or with the matter as its subject ("Kaj går i lilla gruppen ...", "Ettåringarna följer inte med till Skansen.")
_SUBJECT_PLAN = re.compile(
    r"^(?P<subj>[a-zåäö-]{2,}(?:en|et|na|an)|[a-zåäö]*(?:hundra|tusen)[a-zåäö]*)\s+(?P<v>[a-zåäö]+)\s+"
    r"(?P<neg>inte\s+)?(?P<rest>\S.*)$"
)
_NAMED_PLAN = re.compile(r"^(?P<subj>[a-zåäö]+)\s+(?P<v>[a-zåäö]+)\s+(?P<neg>inte\s+)?(?P<rest>\S.*)$")
_FINITE_WORDS = frozenset(
    "är blir har får går tar gör kan ska vill måste var blev hade fick gick tog gjorde kunde skulle ville står "
    "ligger sitter finns".split()
)
_NOT_VERB_WORDS = frozenset("efter under över eller mer kvar där här när för var hur per vidare sommar vinter".split())
# Talk, thought, ability, wish and price: a view or a fact, no course set
_NO_COURSE = frozenset(
    "tycker tror vet ser hör hoppas undrar pratar diskuterar funderar väntar försöker säger menar ber tackar kan "
    "ska vill måste brukar verkar känns heter kostar räcker behöver hinner orkar klarar kommer lär".split()
)
_PERSONAL = re.compile(r"\b(?:jag|du|dig|ni|er|vi|man|dom|han|hon|dem|tack)\b")
_OBJECT_IT = re.compile(r"\b(?:det|den|dem)\s+(?:i|på|till|med|för|av|in|ut|upp|ner|om|sen|nu|då)\b|\b(?:det|den|dem)$")
_SUBORDINATE = re.compile(r"\s(?:tills|när|innan|eftersom|om)\s")
_THEN_IT = re.compile(r"^(?:då|så)\s+blir\s+det\s+(?!inte\b|så\b|bra\b|klart\b|inget\b|ingen\b)")
# A report of what was done: "det har nämnden redan satt", "Hyran har gått upp"
_HAS_DONE = re.compile(r"\bhar\s+(?:\w+\s+){0,2}?[a-zåäö]{2,}(?:at|it|tt|dd|tt)\b")
_NOT_WORDS = frozenset("igen sen men hen".split())
# The next speaker holding the plan back: "Vänta, ...", "Nej, ...", "Men ...?"
_HELD_BACK = re.compile(r"^(?:vänta|nej|nja|nä|stopp|fast)\b")


class PlainCloseRules(ReplacedCourses, PassingDecisions):
    """The settler's plain close, recorded into the shared state (mixed into the rule extractor)."""

    def _plain_close(self, u: Utt) -> bool:
        return (
            self._we_close(u)
            or self._ended_plan(u)
            or self._replacing_course(u)
            or self._earlier_withdrawn(u)
            or self._decided_in_passing(u)
            or self._full_stop_close(u)
            or self._none_of_it(u)
            or self._endorsed(u)
            or self._summed_up(u)
        )

    def _discussed_by_others(self, u: Utt) -> bool:
        """Two or more others spoke in the sentences before the settler's turn."""
        others = {v.speaker for v in self._window(u, back=10) if v.turn != u.turn and v.speaker != u.speaker}
        return len(others) >= 2

    def _ending_word_before(self, u: Utt) -> bool:
        prev = self.utts[u.idx - 1] if u.idx else None
        return prev is not None and prev.turn == u.turn and _ENDING_WORD.match(prev.low) is not None

    def _plan_start(self, u: Utt) -> int | None:
        """Where the plan starts in `u` when a word that ends the talk stands before it: the sentence before
        ("Okej. Vi lägger ...") or the sentence's own lead ("Okej, så vi stänger ...", "Okej, grillar på gården
        ..."), a close's "så" before "vi" read past ("Bra. Så vi sitter ..."); None when none does."""
        if self._ending_word_before(u):
            at = 0
        elif (lead := _LEAD_IN.match(u.low)) is not None:
            at = lead.end()
        else:
            return None
        so_we = _SO_WE.match(u.low[at:])
        return at + (so_we.end() if so_we else 0)

    def _we_close(self, u: Utt) -> bool:
        """'Okej. Vi lägger övningen på Remmene, ...', 'Nej. Vi tar inte emot några skolbesök i vår.'"""
        at = self._plan_start(u)
        if u.is_question or u.idx in self.used or u.idx in self.decided or at is None:
            return False
        low = u.low[at:]
        m = _WE_HAVE.match(low)  # "Vi har öppet på julafton ...": a state the group keeps
        if m is None and (w := _WE_PRESENT.match(low)) is not None and w.group("v") not in _NOT_CHOICES:
            m = w
        if m is None or _NOT_TAKEN.match(m.group("rest")):
            return False
        if cues.TENTATIVE.search(u.low) or cues.HEDGE.search(u.low) or cues.REPORTED.search(u.low):
            return False
        if cues.AGENDA_TALK.search(u.low) or _LATER.search(u.low) or _HABIT.search(u.low) or self.hypothetical(u):
            return False
        if re.search(r"\b(?:om|ifall|när|innan)\b", low[: m.start("rest")]) or not self._discussed_by_others(u):
            return False
        more = self._elaborations(u)
        said = " ".join([m.group("rest"), *(v.text for v in more)])  # the matter, not the verb
        if not self._raised(u, said, others_only=False, back=14):  # the matter of the item, opened by anyone
            return False
        rest = strip_tail(u.text[at + m.start("rest") :]).rstrip(" .!,")
        text = decision_sentence(first_person(group_clause(m.group("v"), rest, m.group("neg") or ""), u.name))
        text = " ".join([text, *(capitalise(strip_tail(v.text).rstrip(" .!")) + "." for v in more)])
        self._add_decision(text, u, [u, *more], 0.6, WHY)
        self.used.update(v.idx for v in [u, *more])
        return True

    def _ended_plan(self, u: Utt) -> bool:
        """'Okej. Fyratusen fyrahundra från och med maj, då.', 'Okej. Kaj går i lilla gruppen ...': the one who
        leads ends the others' talk with a word of her own and says the plan without "vi", on their matter."""
        at = self._plan_start(u)
        if at is None or u.is_question or u.idx in self.used or u.idx in self.decided:
            return False
        if u.speaker != self.talk_leader() or not self._discussed_by_others(u):
            return False
        low = u.low[at:]
        if cues.TENTATIVE.search(low) or cues.HEDGE.search(low) or cues.REPORTED.search(low) or self.hypothetical(u):
            return False
        if cues.AGENDA_TALK.search(low) or cues.NEXT_MEETING.search(low) or _LATER.search(low) or _HABIT.search(low):
            return False
        if _HAS_DONE.search(_SUBORDINATE.split(low)[0]) or re.search(r",\s+[A-ZÅÄÖ][a-zåäö-]+[.!]?$", u.text):
            return False  # "..., det har nämnden redan satt": a report; "Tre lådor, Petra.": said to one
        asked = next((v for v in reversed(self.utts[: u.idx]) if v.turn != u.turn), None)
        if asked is not None and asked.is_question:
            return False  # "Gäller det kurserna också?" - "Nej, kurserna ligger som de är.": an answer, no close
        # "Kaj går i lilla gruppen ...": a name nobody here has (a dog, a place) as the matter, doing with no one here
        first = re.match(r"[A-ZÅÄÖ][a-zåäö]+\s", u.text[at:])
        person = self._named_person(low)
        named = first is not None and first.group().strip().lower() not in stopwords() and person is None
        then = _THEN_IT.match(low)  # "Bra. Då blir det månadsservice på Bergsgatan ...": the outcome named
        if then is not None:
            at, low = at + then.end(), low[then.end() :]
        verbless = self._verbless_plan(low)
        plan = verbless or (None if then else self._subject_plan(low, named))
        if plan is not None and (verbless or named):
            heard = [w for w in re.findall(r"[a-zåäö0-9-]+", plan) if w in u.unsure]
            second = re.findall(r"[a-zåäö0-9-]+", plan)[1:2]
            if (
                len(heard) >= 3
                or any(len(w) <= 3 and not plan.startswith(w) for w in heard)
                or set(second) & set(heard)
            ):
                return False  # a short word inside it, or its second, heard unsure ("... <lov> i natten"): a verb lost
        if plan is None or not self._raised(u, u.text[at : at + len(plan)], back=14):
            return False  # the matter nobody else spoke on: a new item, not a close
        nxt = self.utts[u.idx + 1] if u.idx + 1 < len(self.utts) else None
        if nxt is not None and nxt.turn == u.turn and nxt.is_question and not _PERSONAL.search(nxt.low):
            return False  # "Okej. Fyrtiofyra. Går det?" is put to the room: the call rules read its answer
        reply = next((v for v in self.utts[u.idx + 1 : u.idx + 6] if v.turn != u.turn), None)
        if reply is not None and reply.speaker != u.speaker and _HELD_BACK.match(reply.low):
            return False
        more = self._elaborations(u)
        plan = low  # the whole sentence: "Det blir månadsservice ... tills de har moderniserat, på vår bekostnad."
        said = [
            ("Det blir " if then else "")
            + re.sub(r",?\s+då$", "", strip_tail(u.text[at : at + len(plan)]).rstrip(" ,.!")),
            *(v.text for v in more),
        ]
        text = " ".join(capitalise(first_person(strip_tail(x).rstrip(" ,.!"), u.name)) + "." for x in said)
        self._add_decision(text, u, [u, *more], 0.6, WHY)
        self.used.update(v.idx for v in [u, *more])
        return True

    @staticmethod
    def _verbless_plan(low: str) -> str | None:
        """The plan said without a verb, up to its first clause's end, or None."""
        clause = re.split(r",\s+(?:det|och|men|så)\b|[.!]|\s+(?=(?:tills|när|innan|eftersom)\s)", low)[0]
        words = re.findall(r"[a-zåäö0-9-]+", clause)
        if not words or words[0] in ("och", "men", "nästa") or _PERSONAL.search(clause) or _OBJECT_IT.search(clause):
            return None  # "Skriv in det i schemat, Petra.": a bidding, not a plan
        if len(content_words(clause)) < 2 or re.search(r"\b(?:att|som)\b", clause):
            return None  # "Och se till att de kommer in ...": a bidding with its clause
        if any(w in _FINITE_WORDS for w in words[1:]) or any(
            is_present_verb(w) and w not in _NOT_VERB_WORDS for w in words[1:3]
        ):
            return None  # "Bussen går klockan sju": a sentence with its verb
        if re.search(r"[a-zåäö]{3,}(?:en|et|na|an)\s+då$", clause) and not said_numbers(clause):
            return None  # "Priserna till krogarna då.": the next matter opened, not a plan
        return low[: len(clause)]

    @staticmethod
    def _subject_plan(low: str, named: bool) -> str | None:
        """The plan with the matter as its subject ('ettåringarna följer inte med ...', a name when `named`), or
        None."""
        m = (_NAMED_PLAN if named else _SUBJECT_PLAN).match(low)
        if m is None or m.group("subj") in _NOT_WORDS or m.group("v") in _NO_COURSE:
            return None
        if not (m.group("v") in _FINITE_WORDS or is_present_verb(m.group("v"))) or m.group("v") in _NOT_VERB_WORDS:
            return None
        if re.match(r"(?:har|hade)\s+\w+(?:at|it|tt|t)\b", f"{m.group('v')} {m.group('rest')}"):
            return None  # "Hyran har gått upp": a report
        if m.group("v") == "får" and re.match(r"(?:vänta|[a-zåäö]+a)\b", m.group("rest")):
            return None  # "Tröjorna får vänta.": put off, or a duty
        return low

    def _none_of_it(self, u: Utt) -> bool:
        """'Så julmarknaden blir det inget med i år.': a negative outcome with its matter said first."""
        m = _NONE_OF.match(u.low)
        if m is None or u.is_question or u.idx in self.used or not self._discussed_by_others(u):
            return False
        np = u.text[m.start("np") : m.end("np")]
        if not self._raised(u, np, others_only=False, back=14):
            return False
        rest = u.text[m.start("rest") : m.end("rest")].rstrip(" ,")
        more = self._elaborations(u)  # "Vi satsar på biblioteket i stället."
        text = " ".join(
            [
                f"Det blir inget {m.group('prep')} {np.lower()}{rest}.",
                *(capitalise(first_person(strip_tail(v.text).rstrip(" .!"), v.name)) + "." for v in more),
            ]
        )
        self._add_decision(text, u, [u, *more], 0.6, WHY)
        self.used.update(v.idx for v in [u, *more])
        return True

    def _endorsed(self, u: Utt) -> bool:
        """'Från och med nu är det gratis för alla under arton.' - 'Precis. Det tycker jag också.': a member's
        rule or plan that the next speaker takes as the group's."""
        if u.is_question or u.idx in self.used or u.idx in self.decided or not self._discussed_by_others(u):
            return False
        m = _FROM_NOW.match(u.low) or _WE_PRESENT.match(u.low)
        if m is None or ("v" in m.groupdict() and m.group("v") in _NOT_CHOICES) or len(content_words(u.text)) < 2:
            return False
        if cues.TENTATIVE.search(u.low) or cues.HEDGE.search(u.low) or _HABIT.search(u.low) or self.hypothetical(u):
            return False
        more = [v for v in self.utts[u.idx + 1 : u.idx + 3] if v.turn == u.turn]  # "Inte när vi är klara."
        if any(v.is_question or len(content_words(v.text)) > 3 for v in more):
            return False
        nxt = self.utts[u.idx + 1 + len(more)] if u.idx + 1 + len(more) < len(self.utts) else None
        if nxt is None or nxt.turn == u.turn or nxt.speaker == u.speaker or _AGREE_WORD.match(nxt.low) is None:
            return False  # the statement that ends the member's turn, taken up at once by the next speaker
        said = [v for v in self.utts[nxt.idx : nxt.idx + 2] if v.turn == nxt.turn]
        endorsing = next((v for v in said if _ENDORSES.match(v.low)), None)
        if endorsing is None:
            return False
        if _FROM_NOW.match(u.low):
            text = capitalise(first_person(strip_tail(u.text).rstrip(" .!,"), u.name)) + "."
        else:
            rest = strip_tail(u.text[m.start("rest") :]).rstrip(" .!,")
            text = decision_sentence(first_person(group_clause(m.group("v"), rest, m.group("neg") or ""), u.name))
        text = " ".join([text, *(capitalise(strip_tail(v.text).rstrip(" .!")) + "." for v in more)])
        self._add_decision(text, u, [u, *more, endorsing], 0.6, WHY)
        self.used.update(v.idx for v in [u, *more, endorsing])
        return True

    def _summed_up(self, u: Utt) -> bool:
        """'Så: tuben går på service i Göteborg, och vi betalar högst femtusen utan att fråga styrelsen.': the
        matter summed up by the settler after the talk; a part of it read a moment before ('Då säger vi
        femtusen som tak.') is the same decision, said once."""
        m = _SUMS_UP.match(u.low)
        if m is None or u.is_question or u.idx in self.used or u.idx in self.decided:
            return False
        rest = strip_tail(u.text[m.start("rest") :]).rstrip(" .!,")
        if not _FINITE.search(m.group("rest")) or len(content_words(rest)) < 4 or not self._discussed_by_others(u):
            return False
        if cues.TENTATIVE.search(u.low) or cues.HEDGE.search(u.low) or cues.AGENDA_TALK.search(u.low):
            return False
        if not self._raised(u, rest, others_only=False, back=14):
            return False
        said = stems(rest)
        near = {s.id for v in self._window(u, back=8) for s in v.segs}
        for d in [d for d in self.out.decisions if d.confidence <= 0.6 and d.evidence]:
            fragment = len(content_words(d.text)) <= 3 and stems(d.text) & said
            if fragment and all(e.segment_id in near for e in d.evidence):
                self.out.decisions.remove(d)  # a short part of it read a moment before is this decision
        self._add_decision(capitalise(first_person(rest, u.name)) + ".", u, [u], 0.6, WHY)
        self.used.add(u.idx)
        return True

    def _full_stop_close(self, u: Utt) -> bool:
        """'Okej. Juniorerna får tisdagarna, ... Seniorerna tar tre och fyra. Punkt.': the terms before it."""
        if _PUNKT.match(u.low) is None:
            return False
        terms: list[Utt] = []
        for v in reversed(self.utts[max(0, u.idx - 4) : u.idx]):
            if v.turn != u.turn or _ENDING_WORD.match(v.low):
                break
            terms.insert(0, v)
        if not terms or not self._discussed_by_others(terms[0]):
            return False
        turn = [v for v in self._window(u, back=8) if v.turn == u.turn]
        if any(v.is_question or _OWN_VIEW.search(v.low) or cues.TENTATIVE.search(v.low) for v in turn):
            return False  # "Jag vill ha en låda. De lägger telefonen i lådan ... Punkt.": a wish, not a close
        if any(v.idx in self.used or v.idx in self.decided or personal_commitment(v.low) for v in terms):
            return False
        if sum(len(content_words(v.text)) for v in terms) < 3 or not self._raised(terms[0], terms[0].text, back=14):
            return False
        text = " ".join(capitalise(first_person(strip_tail(v.text).rstrip(" .!,"), v.name)) + "." for v in terms)
        self._add_decision(text, terms[0], [*terms, u], 0.6, WHY)
        self.used.update(v.idx for v in [*terms, u])
        return True
