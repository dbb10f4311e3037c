"""Decisions the meeting itself takes back: said in jest and denied or laughed off by the room, a rule quoted from
another body's papers or another body's decision told (otherbody.py), or what stays as it was after a vote that
failed.

Every rule family records a decision where a sentence sounds settled; what the next turns do with it decides
whether it was one. This pass reads the turns around each decision found, after all rules have run."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from transcribe.minutes.fuzzy import known_word
from transcribe.minutes.model import Decision
from transcribe.minutes.rules.floor import gives_floor
from transcribe.minutes.rules.otherbody import NOT_OURS_WORDS, SAY_ELSEWHERE, OtherBodyReports
from transcribe.minutes.rules.outsidemeeting import item_moved, outside_meeting
from transcribe.minutes.rules.repeats import without_repeats
from transcribe.minutes.rules.utterances import Utt, next_turns, stems
from transcribe.sv.numbers import COUNT_WORD, parse_number

# Another speaker denies that it counts or refuses to write it: "Det är inget beslut, Leif.", "Det skriver jag
# inte.", "Det har vi absolut inte bestämt.", "Det räknas inte."; or laughs and says no: "Ha ha. Nej."
_DENIED = re.compile(
    r"^(?:(?:nej|men|ha\s+ha|haha|okej)\b[\s,.!]*)*(?:"
    # the subject may be misheard or lost: "<där> är inget beslut, Arne."
    r"(?:[a-zåäö]+\s+){0,2}(?:är|var)\s+(?:ju\s+)?(?:inget|inte\s+(?:ett|något))\s+beslut"
    r"|(?:det|den)\s+skriver\s+(?:jag|vi)\s+inte\b"
    r"|det\s+har\s+vi\s+(?:\w+\s+)?inte\s+(?:bestämt|beslutat)"
    r"|det\s+räknas\s+inte|det\s+var\s+ett\s+skämt|skämt\s+åsido"
    # the decider's say denied: "Det bestämmer inte du, Anders.", "Det är inte du som bestämmer."
    # ("Det beslutar inte vi, Mattias." denies it is ours; "Men det bestämmer vi inte i dag" puts something off)
    r"|det\s+(?:bestämmer|beslutar)\s+(?:inte\s+(?:du|ni|vi)|(?:du|ni)\s+inte)\b"
    # the same said to the one who decided by name, its first word misheard: "<Vill> beslutar inte vi, Mattias."
    r"|[a-zåäö]+\s+(?:bestämmer|beslutar)\s+inte\s+(?:du|ni|vi)\s*,\s*[a-zåäö-]+\s*(?:[.!]|$)"
    # someone or something else decides it, not the one who said it: "Det beslutar fysiken, Kjell. Inte du."
    r"|det\s+(?:bestämmer|beslutar)\s+[a-zåäö]+(?:[,.]\s*[a-zåäö-]+)?[,.]\s*inte\s+(?:du|ni|vi)\b"
    r"|det\s+är\s+inte\s+(?:du|ni)\s+som\s+(?:bestämmer|beslutar))"
)
# Another than the one who decided says, at the opening of the answer, it is not the meeting's to decide.
_NOT_OURS = re.compile(r"^(?:(?:nej|men|okej)\b[\s,.!]*)*(?:[a-zåäö-]+\s*,\s*)?(?:" + NOT_OURS_WORDS + ")")
# The cleft putting the answerer's own say against the one who decided, by name: "Det är jag som skriver kontrakten,
# Linh."
_MINE_NAMED = re.compile(
    r"^(?:(?:nej|men)\b[\s,.!]*)*det\s+är\s+(?:ju\s+)?jag\s+som\s+[a-zåäö]+\b.*,\s*(?P<name>[a-zåäö-]+)\s*[.!]?$"
)
_LAUGH_NO = re.compile(r"^(?:ha\s+ha|haha|hehe)\b[\s,.!]*nej\b")
# The sentence after says where the rule is written, another body's papers: "Det står i Röda korsets riktlinjer."
_CITED = re.compile(
    # ("i" misheard as another short word: "Det står <vi> Röda korsets riktlinjer.")
    r"^(?:(?:men|och|ja)\b[\s,]*)*(?:det|så)\s+(?:står|stod)\s+(?:det\s+)?(?:i|[a-zåäö]{1,3})\s+(?:\w+\s+){0,3}"
    r"(?:riktlinjer\w*|regl\w*|stadg\w*|lag\w*|avtal\w*|policy\w*|föreskrift\w*)\b"
)
# A vote or a proposal that failed: what follows is how things stay, no decision.
_FAILED = re.compile(r"\bförslaget\s+(?:faller|föll|avslås|avslogs)\b|\bfick\s+inte\s+majoritet\b")
# "Vi säljer inte till femtonåringar.": the group's practice said against another's claim, no decision.
_WE_NOT = re.compile(r"^(?:(?:nej|men)\b[\s,.!]*)*vi\s+(?P<v>[a-zåäö]{3,}(?:ar|er|ör|år))\s+inte\s+(?P<rest>\S.*)$")
# The same turn says the matter is decided later: "Då tar vi in offerter. Men det bestämmer vi när vi vet."
_DECIDED_LATER = re.compile(
    r"^(?:(?:men|och)\s+)?(?:det|den\s+frågan|det\s+där)\s+(?:bestämmer|beslutar|avgör)\s+vi\s+(?:först\s+)?"
    r"(?:när|sen|senare|nästa|efter|längre\s+fram|i\s+\w+|på\s+\w+)\b"
)
# A plan said in the negative with the matter taken up later in the same turn: "Då blir det ingen övning på tisdag.
# Vi får ta den när båten är tillbaka.", "Så det blir ingen ny tolk nu. Vi får ta det i juni igen." - put off, not
# settled (a new course said instead, "vi tar igen det i nästa vecka", is no taking up again)
_TAKEN_UP_LATER = re.compile(
    r"^(?:(?:men|och|så|då)\s+)?vi\s+(?:får|ska|kan)\s+ta\s+(?:det|den|dem)\s+(?:igen\b|när\b|senare\b|sen\b|"
    r"(?:i|på|efter)\s+[a-zåäö]+(?:\s+[a-zåäö]+)?\s+igen\b)"
    r"|\bvi\s+(?:bestämmer|beslutar)\s+(?:datum|dag|dagen|tid|tiden|datumet)\s+(?:då|sen|senare|när)\b"
)
# "Vi ses andra söndagen i december", "Då ses vi på torsdag" ("vi" misheard: "<Förminolen> ses andra söndagen")
_SEE_YOU = re.compile(
    r"^(?:(?:då|så|och|okej|bra|ja)\b[\s,]*)*(?:vi\s+ses|ses\s+vi|[a-zåäö]+\s+ses(?=\s+(?:nästa|igen|den|på|om|"
    r"[a-zåäö]+dag(?:en)?|första|andra|tredje|fjärde|sista)\b))\b"
)
# Those who stand aside from a decision: "Styrelsen deltar inte i beslutet." ("i" lost: "… deltar inte det beslutet")
_STANDS_ASIDE = re.compile(r"\bdeltar\s+inte\s+(?:i\s+|[a-zåäö]{1,2}\s+)?(?:(?:det|detta)\s+(?:här\s+)?)?beslutet\b")
# The move to the next subject read as the plan: "Mötet beslutade att hoppa till motionerna."
_MOVES_ON = re.compile(
    r"^(?:mötet\s+beslutade\s+att\s+)?(?:hoppa|gå)\s+(?:fram\s+|vidare\s+|över\s+|tillbaka\s+|direkt\s+|raka\s+vägen\s+)?till\b"
)
# How the meeting votes, begins or closes: "vi röstar om det med handuppräckning", "avsluta med att sjunga …"
_HOW = re.compile(
    r"\brösta(?:r)?\s+(?:om\s+(?:det|den|saken|förslaget)\s+)?(?:med|genom)\s+(?:handuppräckning|slutna\s+sedlar|acklamation)"
    r"|^(?:mötet\s+beslutade\s+att\s+)?avsluta\s+(?:mötet\s+)?med\s+att\b"
    # a show of hands: "Ska vi räcka upp händer?" - "Ja.", "Vi räcker upp händerna."
    r"|\bräck(?:a|er)\s+upp\s+(?:en\s+)?(?:hand|handen|händer|händerna)\s*[.!?]?$"
    # the call to begin, no matter named: "Okej, vi kör medan pizzan är varm.", "Då sätter vi igång."
    r"|^(?:mötet\s+beslutade\s+att\s+)?(?:köra|börja|sätta\s+igång|dra\s+igång|köra\s+igång)"
    r"(?:\s+(?:nu|då|direkt|med\s+en\s+gång))?(?:\s*,?\s+(?:medan|innan)\s+[^,.]*)?\s*[.!]?$"
)
# What is usual told as such ("Mötet beslutade att bruka ses i september."): the habit, never a decision.
_HABIT = re.compile(r"^(?:mötet\s+beslutade\s+att\s+)?(?:vi\s+)?bruka(?:r)?\b")
# What is already done or always was: "Vi kollar dem när vi kommer tillbaka. Det gör vi ju redan.", "Så gör vi redan,
# Jukka." (not "Det har vi redan bestämt", this meeting's own word again)
_ALREADY = re.compile(
    r"^(?:(?:men|och|ja|nej|jo)\b[\s,.!]*)*(?:det|så)\s+(?:gör|har)\s+(?:vi|de|ni)\s+(?:ju\s+)?(?:redan|alltid)\b"
    r"(?!\s+(?:bestämt|beslutat|sagt|kommit|klubbat)\b)"
)
_VOTERS_FRAME = frozenset("mötet beslutade att och jag".split())  # what is left of the hands raised is names
_NEGATED = re.compile(r"\b(?:inte|ingen|inget|inga)\b")
# The caller asks who wants the proposal: "Vilka vill boka spelmannen från Orsa?", "De som vill ha en avgift?",
# "Någon mer än Sune som vill öppna för fler bilar?"
_WHO_WANTS = re.compile(
    r"\b(?:vilka|vem|de\s+som|den\s+som|någon(?:\s+mer)?(?:\s+än\s+[a-zåäö-]+)?\s+som)\s+(?:vill|är\s+för)\b"
)
# The decision's own sentence leaves the matter to later: "Vi tar in offerter efter nyår och tar det då."; or names
# what is to be decided, and where or when, with no "att" of what it is: "Vi bestämmer dagen i gruppen."
_LATER_CLAUSE = re.compile(
    r"\b(?:och|så)\s+(?:(?:tar|bestämmer|beslutar|avgör)\s+vi|tar|bestämmer|beslutar)\s+(?:vi\s+)?det\s+"
    r"(?:då|sen|senare|nästa\s+gång|på\s+nästa|när\b|efter\b)"
    # (an "att" the misheard-word repair put in before it leaves it as verbless as it was)
    r"|^(?:(?:och|men|så|då)\s+)?vi\s+(?:bestämmer|beslutar)\s+(?!om\b|oss\b|det\b|så\b|till\b|inte\b)"
    r"(?:att\s+|(?:[a-zåäö]+\s+){0,2}?)(?!om\b|det\b)[a-zåäö]+(?:en|et|na|an|arna|erna)\s+"
    r"(?:(?:i|på|via|över|efter)\s+[a-zåäö]+(?:\s+[a-zåäö]+)?|sen|senare)\s*[.!]?$"
    # the same with what is to be decided lost: "Vi bestämmer <dagen> i gruppen." - only where and when are left
    r"|^(?:(?:och|men|så|då)\s+)?vi\s+(?:bestämmer|beslutar)\s+(?:att\s+)?(?:i|på|via|efter)\s+[a-zåäö]+(?:\s+[a-zåäö]+)?"
    r"\s*[.!]?$"
)
# The matter taken up when something comes: "Vi tar upp det när avtalet ska förnyas.", "Vi tar det när vi vet mer."
# (the particle misheard as no word, or one the recogniser was unsure of: "Vi tar <ubp> det när …")
_WHEN_COMES = re.compile(
    r"^(?:(?:men|och|så|då)\s+)?vi\s+(?:får\s+ta|tar)\s+(?:(?P<p>[a-zåäö]{2,4})\s+)?(?:det|den|frågan)\s+(?:igen\s+)?"
    r"(?:när|efter\s+att)\b"
)
# The same turn says it was agreed before, by others: "Det har jag och styrelsen redan kommit överens om." (not "Det
# har vi redan bestämt", this meeting's own word again)
_AGREED_BEFORE = re.compile(
    r"^(?:(?:men|och|ja)\b[\s,]*)*det\s+har\s+(?!vi\s+redan\b)(?:[a-zåäö]+\s+){1,4}redan\s+(?:kommit\s+överens|bestämt|beslutat)\b"
)
# A bare noun phrase and "då": a choice settled ("Tacos då.") or the next matter opened ("Bortamatcherna då.").
_BARE_NP = re.compile(r"^(?P<np>[a-zåäö-]+(?:\s+[a-zåäö-]+){0,2})[\s,]+då\s*[.!]?$")
# The one who leads leaves a member's plan for later or for another forum: "Den får du ta upp på årsmötet i så fall.",
# "Det får vi prata mer om."
_PUT_OFF = re.compile(
    r"^(?:(?:nej|men|ja|okej|tja)\b[\s,.!]*)*(?:det|den|det\s+där|den\s+frågan)\s+(?:får|måste|kan)\s+(?:du|ni|vi)\s+"
    # ("ta" misheard as a short word: "Den får du <är> upp på årsmötet i så fall.")
    r"(?:(?:nog|väl|i\s+så\s+fall)\s+)?(?:(?:ta|[a-zåäö]{1,3})\s+upp\s+(?:på|i|med)\b|ta\s+upp|lyfta|"
    r"prata\s+(?:\w+\s+)?(?:mer\s+)?om|återkomma|fundera\s+på|ta\s+senare)\b"
)
# A sum worked out aloud: what is left of the money once a cost is paid ("Vi har fjorton tusen i kassan efter
# hallhyran. Då har vi två tusen kvar till hela terminen."), no plan.
_LEFT_OVER = re.compile(
    rf"^(?:(?:okej|ja|bra|och)\b[\s,.]*)*(?:då|så)\s+har\s+vi\s+(?:(?:bara|ungefär|runt|nästan|cirka)\s+)?"
    rf"(?:{COUNT_WORD})(?:\s+(?:{COUNT_WORD}))*(?:\s+kronor)?\s+kvar\b"
)
# Words that carry no claim when a sentence is said back: fillers, the opening no, the name it is said to.
_FILLER = frozenset("ju väl nog alltså nej men ja och så".split())
_NOT = frozenset("inte inget ingen inga".split())
_FRAME = frozenset("det den är var blir".split())  # "Det är inte punkt slut": the words said back in a frame
_AS_IT_WAS = re.compile(r"\bsom\s+(?:förut|nu|vanligt|tidigare|i\s+dag|det\s+är|den\s+är|de\s+är)\b|\bligger\s+kvar\b")


class RetractedDecisions(OtherBodyReports):
    """The pass that drops decisions the meeting's own next turns take back."""

    def retract_pass(self, read: Sequence[Decision] = ()) -> None:
        """Drop what the next turns take back; the decisions in `read` were read by an earlier run and stay (run
        again after the late passes, for what they recovered, a summing-up's sentence among them)."""
        if not self.out.decisions:
            return
        kept: list[Decision] = []
        for d in self.out.decisions:
            made = [] if any(d is r for r in read) else self._made_in(d)
            if made and (
                self._denied_after(made)
                or self._cited(made)
                or self._answers_not_ours(made)
                or _beside_decisions(d)
                or item_moved(d.text)
                or outside_meeting(self.utts, made, d.text)
                or self._hands_only(d)
                or self._after_failed_vote(d, made)
                or self._voted_down(d, made)
                or self._rebuts(made)
                or self._contradicted(made)
                or self._decided_later(d, made)
                or self._left_for_later(made)
                or self._opens_matter(d, made)
                or self.told_elsewhere(d, made)
                or self.says_elsewhere(d, made)
                or self.others_deed(d)
                or self.confirmed_elsewhere(made)
                or gives_floor(d.text, made)
                or self._already_done(made)
                or _summed(d, made)
            ):
                continue
            kept.append(d)
        kept = without_repeats(kept, self.said_in)
        if len(kept) != len(self.out.decisions):
            self.keep_decisions(kept)

    def _made_in(self, d: Decision) -> list[Utt]:
        """The sentences where the decision was made: its evidence up to the first gap of a minute (a summing-up
        restating it later is not where it was made)."""
        made: list[Utt] = []
        for u in self.said_in(d):
            if made and u.start - made[-1].end > 60:
                break
            made.append(u)
        return made

    def _denied_after(self, made: list[Utt]) -> bool:
        """One of the next two turns opens by denying it counts, refusing to write it, or laughing it off; or the
        next turn, another's, opens by saying it is not the meeting's to decide."""
        deciders = {u.speaker for u in made}
        first_answer = next((v.turn for v in next_turns(self.utts, made[-1], turns=1)), None)
        for v in next_turns(self.utts, made[-1], reach=11):
            opening = sum(1 for w in self.utts[max(0, v.idx - 2) : v.idx] if w.turn == v.turn) < 2
            # with the sentence after it: "Det beslutar fysiken, Kjell. Inte du."
            said = " ".join(w.low for w in self.utts[v.idx : v.idx + 2] if w.turn == v.turn)
            if opening and (_DENIED.search(said) or _LAUGH_NO.search(v.low)):
                return True
            if opening and v.speaker not in deciders and v.turn == first_answer and self._not_ours(v, made):
                return True  # (in the answer right after it: a later one may answer another's words)
        return False

    @staticmethod
    def _not_ours(v: Utt, made: list[Utt]) -> bool:
        """`v`, opening another's answer, says the matter is not the meeting's, that another holds the say, or puts
        the answerer's own say against the one who decided, by name."""
        if _NOT_OURS.search(v.low) or SAY_ELSEWHERE.search(v.low):
            return True
        m = _MINE_NAMED.match(v.low)
        return m is not None and any(u.name and u.name.split()[0].lower() == m["name"] for u in made)

    def _already_done(self, made: list[Utt]) -> bool:
        """A sentence where it was made, the speaker's next one, or the opening of another's answer says it is done
        already or always was ('Vi kollar dem när vi kommer tillbaka. Det gör vi ju redan.' - 'Det gör vi redan.'):
        a practice told, no decision."""
        last = made[-1]
        after = [v for v in self.utts[last.idx + 1 : last.idx + 3] if v.turn == last.turn]
        answer = next(next_turns(self.utts, last, turns=1), None)
        if answer is not None and answer.speaker != last.speaker:
            after.append(answer)
        return any(_ALREADY.match(v.low) for v in [*made, *after])

    def _answers_not_ours(self, made: list[Utt]) -> bool:
        """The one told, in the turn before, that the matter is not the meeting's to decide answers with a plan ('Vi
        sänker den.' - 'Det är inte vi här som sätter avgiften. Det gör styrelsen.' - 'Då skriver vi en skrivelse.'):
        the plan of that member's side, to bring it to the body that decides."""
        first = made[0]
        before = [v for v in self.utts[max(0, first.idx - 12) : first.idx] if v.turn < first.turn]
        if not before or before[-1].speaker == first.speaker:
            return False
        told = [v for v in before if v.turn == before[-1].turn]
        answered = [v for v in before if v.turn == told[0].turn - 1]
        return (
            bool(answered)
            and answered[0].speaker == first.speaker
            and bool(_NOT_OURS.search(told[0].low))
            and all(u.speaker == first.speaker for u in made)
        )

    def _hands_only(self, d: Decision) -> bool:
        """The decision says only who raised a hand ('Den trettonde? Niklas, Josefin och Lovisa. Tre mot två.' read as
        'Mötet beslutade att Niklas, Josefin och Lovisa.'): the count, not the matter voted on (a name misheard
        as a word the recogniser was unsure of may stand among them)."""
        names = {n.split()[0].lower() for n in (v.name for v in self.utts) if n}
        words = [w for w in re.findall(r"[a-zåäö-]+", d.text.lower()) if w not in _VOTERS_FRAME]
        others = [w for w in words if w not in names]
        if len(words) - len(others) < 2 or len(others) > 1:
            return False
        return not others or any(u.uncertain(others[0]) for u in self.said_in(d))

    def _cited(self, made: list[Utt]) -> bool:
        """The same turn goes on to say where the rule is written, or that it was agreed before: another body's
        rule restated, or an old agreement recalled."""
        last = made[-1]
        after = [v for v in self.utts[made[0].idx + 1 : last.idx + 2] if v.turn == last.turn]
        return any(_CITED.search(v.low) or _AGREED_BEFORE.search(v.low) for v in after)

    def _after_failed_vote(self, d: Decision, made: list[Utt]) -> bool:
        """'Förslaget faller. Lamporna lyser hela natten som förut.': things stay as they were, nothing decided."""
        turn = made[-1].turn
        before = [v for v in self.utts[max(0, made[0].idx - 4) : made[-1].idx + 1] if v.turn == turn]
        return any(_FAILED.search(v.low) for v in before) and bool(_AS_IT_WAS.search(d.text.lower()))

    def _voted_down(self, d: Decision, made: list[Utt]) -> bool:
        """'Vilka vill boka spelmannen? ... Två. Och emot? ... Tre. Då bokar vi inte honom i år.': the outcome said
        in the negative in the turn of the caller who asked who wants the proposal - voted down, not decided."""
        if not _NEGATED.search(d.text.lower()):
            return False
        for u in made:
            if not _NEGATED.search(u.low):
                continue
            said = [v for v in self.utts[max(0, u.idx - 8) : u.idx] if v.turn == u.turn]
            call = next((i for i, v in enumerate(said) if v.is_question and _WHO_WANTS.search(v.low)), None)
            if call is None or _NEGATED.search(said[call].low):
                continue
            # the hands for, then (after the next question, "Och emot?") the hands against
            sides: list[list[int]] = [[]]
            for v in said[call + 1 :]:
                if v.is_question:
                    sides.append([])
                elif (n := _hands(v.low)) is not None:
                    sides[-1].append(n)
            pro = max(sides[0], default=None)
            con = max(sides[1], default=None) if len(sides) > 1 else None
            if pro == 0 or pro is not None and con is not None and pro < con:
                return True
        return False

    def _rebuts(self, made: list[Utt]) -> bool:
        """'... och så säljer vi snus till femtonåringar.' - 'Vi säljer inte till femtonåringar.': a claim the turn
        before made as a fact (not a wish or a question) denied with its own verb and matter."""
        first = made[0]
        m = _WE_NOT.match(first.low)
        if m is None or len(made) > 1 and made[-1].turn != first.turn:
            return False
        before = [v for v in self.utts[max(0, first.idx - 4) : first.idx] if v.turn == first.turn - 1]
        verb, topic = m.group("v"), stems(m.group("rest"))
        claim = re.compile(rf"(?<!att )\b(?:{verb}\s+vi|vi\s+{verb})\b(?!\s+inte)(?P<rest>[^.?!]*)")
        return any(
            v.speaker != first.speaker and not v.is_question and (c := claim.search(v.low)) and topic & stems(c["rest"])
            for v in before
        )

    def _decided_later(self, d: Decision, made: list[Utt]) -> bool:
        """The turn goes on to say it is decided later, or its own sentence does: a plan for a case not yet known, or
        for deciding, not a decision; a plan said in the negative whose matter the turn takes up again later."""
        first, last = made[0], made[-1]
        after = [v for v in self.utts[first.idx + 1 : last.idx + 3] if v.turn == first.turn]
        if any(
            _LATER_CLAUSE.search(v.low) or _taken_when(v)
            for v in made
            if v.speaker == first.speaker and not v.is_question
        ):
            return True
        if _NEGATED.search(d.text.lower()) and any(_TAKEN_UP_LATER.search(v.low) for v in after):
            return True
        return any(_DECIDED_LATER.search(v.low) for v in after)

    def _opens_matter(self, d: Decision, made: list[Utt]) -> bool:
        """'Bortamatcherna då. Skjutsarna. Det var kaos i höstas ...': a bare noun phrase no one said before, the
        speaker going on about it, opens a matter; a choice it settles was named before it ('Tacos eller pizza?')."""
        said = stems(d.text)
        for u in made:
            m = _BARE_NP.match(u.low)
            if m is None or not (topic := stems(m.group("np"))) or not topic >= said:
                continue
            goes_on = u.idx + 1 < len(self.utts) and self.utts[u.idx + 1].turn == u.turn
            if goes_on and not any(topic & stems(v.text) for v in self.utts[max(0, u.idx - 8) : u.idx]):
                return True
        return False

    def _left_for_later(self, made: list[Utt]) -> bool:
        """A member's plan the one who leads answers, in one of the next two turns, by leaving it for later or for
        another forum ('Vi byter anropssignal.' - 'Den har vi haft sedan sextiotre.' - 'Den får du ta upp på
        årsmötet i så fall.'): proposed, not decided."""
        first = made[0]
        counts = Counter(v.speaker for v in self.utts if v.speaker)
        leader = counts.most_common(1)[0][0] if counts else None
        if leader is None or any(v.speaker == leader for v in made):
            return False
        for v in next_turns(self.utts, made[-1], turns=2):
            opening = sum(1 for w in self.utts[max(0, v.idx - 2) : v.idx] if w.turn == v.turn) < 2
            if v.speaker == leader and opening and _PUT_OFF.search(v.low) and v.speaker != first.speaker:
                return True
        return False

    def _contradicted(self, made: list[Utt]) -> bool:
        """The next turn opens by saying no to the one who said it, by name and nothing more ('Nej, Jan.'), or
        by saying one of that turn's sentences back with 'inte' ('Punkt slut.' - 'Det är inte punkt slut, Arne.',
        'Det är ju självklart.' - 'Det är inte självklart.'): contradicted at once, nothing settled."""
        first, last = made[0], made[-1]
        opening = next(next_turns(self.utts, last, turns=1), None)
        if opening is None or opening.speaker == first.speaker or not first.name:
            return False
        said_to = first.name.split()[0].lower()
        whole = [v for v in self.utts[opening.idx : opening.idx + 3] if v.turn == opening.turn]
        if len(whole) == 1 and re.fullmatch(rf"nej[,.!]?\s+{re.escape(said_to)}\s*[.!]?", opening.low):
            return True
        names = {n.split()[0].lower() for n in (v.name for v in self.utts) if n}
        back = _words(opening.low) - names
        if not back & _NOT:
            return False
        back -= _NOT
        own = [v for v in self.utts[first.idx : last.idx + 4] if v.turn == first.turn]
        for v in own:
            w = _words(v.low) - names
            if any(len(x) >= 4 for x in w) and not w & _NOT and w <= back and back - w <= _FRAME:
                return True
        return False


def _taken_when(u: Utt) -> bool:
    """`u` takes the matter up when something comes, its particle 'upp', none, or a word heard unsure or no word."""
    m = _WHEN_COMES.match(u.low)
    return m is not None and (m["p"] in (None, "upp") or u.uncertain(m["p"]) or not known_word(m["p"]))


def _beside_decisions(d: Decision) -> bool:
    """The decision is read from the farewell naming the next meeting ('Då säger vi så, vi ses andra söndagen i
    december …'): the next meeting has its own place in the minutes; from the note that some stand aside from the
    decision ('Styrelsen deltar inte i beslutet.'), which the decision itself is not; or from the meeting's own
    mechanics: the move to the next subject ('Då hoppar vi till motionerna.'), how it votes ('vi röstar om det med
    handuppräckning', 'Ska vi räcka upp händer?'), how it begins ('vi kör medan pizzan är varm') or how it closes
    ('Vi avslutar med att sjunga …'); or from what is usual ('Vi brukar ses i september.')."""
    low = d.text.lower()
    return bool(
        _SEE_YOU.match(low)
        or _STANDS_ASIDE.search(low)
        or _MOVES_ON.match(low)
        or _HOW.search(low)
        or _HABIT.match(low)
    )


def _summed(d: Decision, made: list[Utt]) -> bool:
    """The decision is read from a sum of what is left ('Då har vi två tusen kvar ...'), its words the sum's."""
    said = stems(d.text)
    return any(_LEFT_OVER.match(u.low) and len(said - stems(u.text)) <= 1 for u in made)


def _hands(low: str) -> int | None:
    """The hands a sentence counts: a number ("Tre."), the names raised ("Nadia, Olof och jag." 3), nobody ("Nej.",
    "Ingen."), or None."""
    words = re.findall(r"[a-zåäö-]+", low)
    if words in (["nej"], ["ingen"], ["inga"]):
        return 0
    if len(words) == 1 and (n := parse_number(words[0])) is not None:
        return n
    if 2 <= len(words) <= 6 and "och" in words and not any(parse_number(w) is not None for w in words):
        return len(re.split(r",|\boch\b", low))
    return None


def _words(low: str) -> set[str]:
    return set(re.findall(r"[a-zåäöéü]+", low)) - _FILLER
