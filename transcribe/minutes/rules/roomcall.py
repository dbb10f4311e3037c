"""A question put to the room, the others' answers, and the caller's close.

However a group words it, a decision taken by asking the room has the same turn structure: the one who leads
puts a yes/no question to everyone ("Invändningar?", "Alla okej med det?", "Gör vi så, tisdagar från maj?",
"Någon som har något emot att vi tecknar det för ett år?", "Säger vi kvart i ett?"), one or more others answer
it the way that lets it pass (yes to a question asked for agreement, no to one asked for objections), and the
caller speaks next, without asking again and without turning it down ("Bra, så blir det.", "Då köper
föreningen handskar till alla plockare.", "Självklart. Äng blir det.").

The matter is the close's own statement when it carries one, else what the question itself put ("tisdagar
från maj", "att vi tecknar det för ett år"), else the caller's statement just before the question, else the
proposal on the table. A member may settle the question in the answer instead ("Är det rätt uppfattat?" -
"Ja. Så gör vi."). A question to one person ("du"), an open question (vem, vad, när ...), an answer that
objects or asks back, or a close that turns it down or puts it off leaves it open.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.model import Decision
from transcribe.minutes.phrasing import decision_sentence, first_person, proposal_clause, strip_tail, to_infinitive
from transcribe.minutes.rules.acceptance import AcceptanceRules, weight
from transcribe.minutes.rules.misheard import unheard_reply
from transcribe.minutes.rules.safety import PREFIX
from transcribe.minutes.rules.utterances import WH, Utt, stems
from transcribe.sv.text import capitalise, content_words

_OPEN = r"^(?:(?:så|och|okej|ok|bra|då|men|alltså|nå|jaha)\b[\s,.:]*)*(?:[A-ZÅÄÖa-zåäö-]+,\s+)?"
# Asked for objections: a "no" lets it pass. "Invändningar?", "Någon som är emot?", "Någon som tycker att det är
# onödigt?", "Har någon något emot att vi tecknar det för ett år?", "Protester?"
_AGAINST = re.compile(
    _OPEN + r"(?:(?:har\s+|finns\s+det\s+)?(?:någon|några|nån)\s+(?:som\s+)?(?:\w+\s+){0,4}?"
    r"(?:emot|invändning\w*|invänder|protest\w*|annorlunda|onödig\w*|tycker\s+(?:att\s+)?(?:vi\s+)?inte|vill\s+ändra)"
    r"|(?:några\s+)?(?:invändningar|protester|synpunkter\s+emot)\b)"
)
# The matter named in the call for objections: "... emot att vi tecknar det för ett år?"
_AGAINST_MATTER = re.compile(r"\b(?:emot|mot|invändningar\s+mot)\s+att\s+(?P<x>[^?]+)")
# Asked for agreement: a "yes" lets it pass. "Alla okej med det?", "Är alla med?", "Okej för alla?", "Hur låter
# det?", "Är det rätt uppfattat?"; with the matter in it: "Gör vi så, tisdagar från maj?", "Säger vi kvart i
# ett?", "Ska vi säga äng i kvarter B då, ...?"
_FOR = re.compile(
    _OPEN + r"(?:"
    r"(?:är\s+)?(?:alla|ni|vi)\s+(?:alla\s+)?(?:okej|ok|med|överens|eniga|nöjda|överens|på|för)\b(?:\s+(?:med|på|om)\s+det)?"
    r"|(?:okej|ok|bra)\s+för\s+(?:alla|er|er\s+alla)"
    r"|hur\s+låter\s+(?:det|detta|det\s+här)|låter\s+(?:det|detta)\s+\w+"
    r"|är\s+det\s+(?:rätt\s+uppfattat|så\s+vi\s+(?:säger|gör)|okej|ok|bra)"
    r"|(?:gör|kör)\s+vi\s+(?:så|det|på\s+det)\b(?:\s*,\s*(?P<so>[^?]+))?"
    r"|(?:kan|ska)\s+vi\s+(?:köra|göra|ha\s+det)\s+så\b(?:\s*,\s*(?P<so2>[^?]+))?"
    r"|säger\s+vi\s+(?:så|det)\b(?:\s*,\s*(?P<said>[^?]+))?"
    r"|säger\s+vi\s+(?!att\b)(?P<np>[^?]+)"
    r"|(?:ska|kan)\s+vi\s+(?:inte\s+)?(?:bara\s+)?säga\s+(?!att\b|så\b|det\b)(?P<np2>[^?]+)"
    r")"
)
# Answers that let it pass, by the kind of question.
_YES = re.compile(
    r"^(?:ja|jaa|jo|japp|jajamen|javisst|absolut|visst|okej|ok|mm|mhm|precis|exakt|gärna|självklart|givetvis|"
    r"kör|yes|deal|enigt|bra|toppen|perfekt|instämmer|gött|låter\s+bra|det\s+låter\s+bra|det\s+kan\s+jag\s+leva\s+med|"
    r"jag\s+är\s+med|ja\s+för\s+all\s+del|det\s+(?:är|låter)\s+(?:bra|fint|rimligt)|det\s+(?:fungerar|funkar|går\s+bra))\b"
)
_NO = re.compile(r"^(?:nej|nä|nix|ingen|inga|inte\s+(?:jag|från\s+mig|här|vi)|absolut\s+inte|nope)\b")
_BACK = re.compile(r"\b(?:men|fast|vänta|nja|tveksam|vet\s+inte)\b")
# The close turns it down or puts it off
_NOT_CLOSED = re.compile(
    r"^(?:(?:okej|ok|bra|då|så)\b[\s,.]*)*(?:nej|vänta|vi\s+väntar|vi\s+tar\s+det\s+(?:sen|senare|nästa))\b"
)
_SETTLES = re.compile(r"\b(?:så\s+gör\s+vi|det\s+får\s+bli\s+så|så\s+får\s+det\s+bli|då\s+gör\s+vi\s+så)\b")
# What is left of a formula close that still says something: "Då är det så från måndag."
_LEFT = re.compile(r"^(?:från|till|i|på|om|med|under|som|tills)\b")
# A close that names nothing: "Bra, så blir det.", "Då är det så från måndag.", "Självklart.", "Enhälligt."
_FORMULA = re.compile(
    r"^(?:(?:ja|okej|ok|bra|toppen|perfekt|fint|utmärkt|självklart|enhälligt|enigt|alltså|gött|kanon|"
    r"ingen\s+(?:invänder|säger\s+emot|protesterar)|inga\s+invändningar)\b[\s,.!:]*)*"
    r"(?:(?:så|då)\s+(?:blir|är|gör|kör|säger|har)\s+(?:det|vi)(?:\s+(?:så|det|på\s+det|beslutat|bestämt|klubbat))?|det\s+(?:blir|får\s+bli)\s+så"
    r"|så\s+får\s+det\s+bli|vi\s+(?:kör|gör|säger)\s+så|(?:det\s+är\s+)?(?:beslutat|bestämt|spikat|klubbat|avgjort))?"
    r"(?P<rest>[^.!?]*)[.!]?$"
)
_TO_ONE = re.compile(r"\b(?:du|dig|din|ditt|dina)\b")
_WE_INVERTED = re.compile(
    r"^(?P<v>[a-zåäö]{2,}(?:ar|er|ör|år|r))\s+(?P<subj>vi|[a-zåäö-]{3,}(?:en|et|an|na))\s+(?P<neg>inte\s+)?(?P<rest>\S.*)$"
)


def _asked(low: str) -> tuple[bool, str | None] | None:
    """The question put to the room: (asked for objections, the matter it names), or None."""
    low = low.strip()
    if not low.endswith("?") or WH.match(re.sub(_OPEN, "", low)) and not low.startswith("hur låter"):
        return None
    body = re.sub(_OPEN, "", low)
    if _TO_ONE.search(body):
        return None  # "Kan du göra det?": put to one person, a task
    if (m := _AGAINST.match(low)) is not None:
        said = _AGAINST_MATTER.search(low)
        return True, said.group("x") if said else None
    if (m := _FOR.match(low)) is not None:
        matter = next((m.group(g) for g in ("so", "so2", "said", "np", "np2") if m.group(g)), None)
        return False, matter
    return None


def _says(text: str) -> bool:
    """A statement of the matter, not a pronoun's: 'inga fler plastkannor', not 'vi tecknar det'."""
    low = text.lower()
    if re.fullmatch(r"(?:vi\s+)?[\w-]+\s+(?:det|den|dem)(?:\s+\w+)?", low):
        return False
    return weight(text) + (1 if cues.NEG.search(low) else 0) >= 2


def outcome_sentence(text: str, name: str | None) -> str:
    """The close as the minutes state it: 'Då köper föreningen handskar ...' -> 'Föreningen köper handskar ...',
    'vi tecknar det' -> 'Mötet beslutade att teckna det'."""
    text = re.sub(r"^(?:(?:och|så|då|alltså|okej|bra|ja)\b[\s,:]*)+", "", text.strip(), flags=re.I)
    text = strip_tail(re.sub(r"^(?:så\s+)?här\s*:\s*", "", text, flags=re.I))
    text = text.strip(" ,.:;?")
    low = text.lower()
    it = re.match(r"^(?P<v>[a-zåäö]{2,}(?:ar|er|ör|år|r))\s+(?P<it>det|den)\s+(?P<rest>\S.*)$", low)
    if it is not None and it.group("v") not in ("är", "blir", "har", "kan", "ska", "får"):
        return f"{capitalise(it.group('it'))} {it.group('v')} {text[it.start('rest') :]}."  # "ligger det kvar på ..."
    inv = _WE_INVERTED.match(low)
    we = re.match(r"^vi\s+(?P<v>[a-zåäö]{2,}(?:ar|er|ör|år|r))\s+(?P<neg>inte\s+)?(?P<rest>\S.*)$", low)
    for m, subj in ((inv, inv and inv.group("subj")), (we, "vi")):
        if m is None or m.group("v") in ("är", "har", "kan", "ska", "får", "vill", "måste", "blir"):
            continue
        rest = text[m.start("rest") :]
        neg = "inte " if m.group("neg") else ""
        if subj == "vi":
            return decision_sentence(first_person(f"att {neg}{to_infinitive(m.group('v'))} {rest}", name))
        return f"{capitalise(subj)} {m.group('v')} {neg}{rest}."
    return capitalise(first_person(text, name)) + "."


class RoomCallRules(AcceptanceRules):
    """A question to the room answered the way that passes it, and the caller's close."""

    def _room_call(self, u: Utt) -> bool:
        held = (set(self.used), set(self.decided))
        if self._call_answered(u):
            return True
        self.used, self.decided = held  # a plan in the caller's turn freed for the call stays as it was read
        return False

    def _call_answered(self, u: Utt) -> bool:
        asked = _asked(u.low)
        if asked is None or u.idx in self.used or u.idx in self.decided or cues.NEXT_MEETING.search(u.low):
            return False
        against, named = asked
        replaced: list[Decision] = []
        if any(v.turn == u.turn and (v.idx in self.used or v.idx in self.decided) for v in self._window(u, 3)):
            replaced = self._plans_in_turn(u)  # "... så öppnar vi kupolen ... Låter det bra?": read as a plan first
            if not replaced:
                return False  # "Alltså: beslut, klubben kräver ... Någon som invänder?": recorded already
            freed = {v.idx for v in self._window(u, 6) if v.turn == u.turn}
            self.used, self.decided = self.used - freed, self.decided - freed
        replies: list[Utt] = []
        rest: list[Utt] = []
        close: Utt | None = None
        put: list[Utt] = []  # "Kan vi köra så? Tre personer per vecka från första maj ...?": the matter put after
        for v in self.utts[u.idx + 1 : u.idx + 14]:
            if v.start - u.end > 60 or v.idx in self.used or v.idx in self.decided:
                return False
            if v.speaker == u.speaker:
                if (
                    v.turn == u.turn
                    and v.is_question
                    and not put
                    and named is None
                    and not WH.match(v.low)
                    and not cues.CALL_FOR_DECISION.search(u.low)  # "Är vi överens om det? ...?": the call rules' own
                ):
                    put.append(v)
                    named = v.text.rstrip(" ?")
                    continue
                if v.turn == u.turn and against and not put and _NO.match(v.low) and len(v.low.split()) <= 2:
                    own = self._own_answer(v)  # "Någon som vill ändra priset? Nej. Då ligger det kvar på tjugo."
                    if own is None:
                        return False
                    close = own
                    replies.append(v)
                    break
                if v.turn == u.turn:
                    return False  # the caller goes on in the same breath: no answer waited for
                close = v
                break
            if replies and v.turn == replies[-1].turn:
                rest.append(v)  # the rest of an answer: "Ja. Så gör vi."
                continue
            if v.is_question or len(replies) >= 4:
                return False  # asked back, or a debate rather than answers
            replies.append(v)
        unheard = [v for v in replies if self.robust and self._unheard_answer(v)]
        heard = [v for v in replies if v not in unheard]  # "Några invändningar?" - "<Mina>." - "Nej. Det är rimligt."
        if not heard or not self._passes(heard, against):
            return False
        settled = next((v for v in [*replies, *rest] if self._member_settles(v)), None)
        if settled is not None:
            close = settled  # "Är det rätt uppfattat, Camilla?" - "Ja. Så gör vi."
        elif close is None or close.is_question or _NOT_CLOSED.match(close.low):
            return False
        if cues.REJECTED.search(close.low) or cues.UNDECIDED.search(close.low) or cues.TENTATIVE.search(close.low):
            return False
        matter = self._called_matter(u, close, named)
        if matter is None:
            return False
        text, said, closing = matter
        thing = re.search(r"\b(?P<np>[a-zåäö]{3,}(?:et|en|na))\s*\?$", u.low)
        if close.turn == u.turn and thing is not None and re.match(r"^(?:Det|Den)\s", text):
            text = capitalise(thing.group("np")) + text[3:]  # "Någon som vill ändra priset? Nej. Då ligger det kvar."
        for d in replaced:  # what the caller said before the call, read as a plan, is the call's matter
            self.out.decisions.remove(d)
        if unheard:
            utts = sorted({v.idx: v for v in [*said, u, *put, *replies, *closing]}.values(), key=lambda v: v.idx)
            self.used.update(v.idx for v in utts)
            self._add_decision(text, utts[0], utts, 0.6, f"{PREFIX}ett av svaren hördes otydligt")
            return True
        self._record(text, [*said, u, *put, *replies, *closing])
        return True

    def _unheard_answer(self, v: Utt) -> bool:
        """An answer heard so unsure it says neither yes nor no ('Mina.'), while another answer is heard: left
        out of the count, and the decision flagged."""
        return unheard_reply(v) and not (_YES.match(v.low) or _NO.match(v.low)) and not self._named_person(v.low)

    def _plans_in_turn(self, call: Utt) -> list[Decision]:
        """The decisions read from the caller's own turn before the call, when every one was a plan said
        without a decision word (confidence 0.6 or less); else none."""
        segs = {s.id for v in self.utts[max(0, call.idx - 6) : call.idx + 1] if v.turn == call.turn for s in v.segs}
        touching = [d for d in self.out.decisions if any(e.segment_id in segs for e in d.evidence)]
        if any(d.confidence > 0.6 or any(e.segment_id not in segs for e in d.evidence) for d in touching):
            return []
        return touching

    def _own_answer(self, no: Utt) -> Utt | None:
        """The caller's own 'Nej.' to the call, read off the room, and the statement that follows it in the turn."""
        nxt = self.utts[no.idx + 1] if no.idx + 1 < len(self.utts) else None
        if nxt is None or nxt.turn != no.turn or nxt.is_question or not content_words(nxt.text):
            return None
        return nxt

    @staticmethod
    def _passes(replies: list[Utt], against: bool) -> bool:
        """The first answer lets the question pass and none objects: 'Nej.' to 'Invändningar?', 'Ja.' to 'Alla
        med?'; 'Ja, jag.' or 'Nej, vänta.' stops it."""
        passing = _NO if against else _YES
        blocking = _YES if against else _NO
        firsts = [re.sub(r"^(?:eh|öh|hm)\b[\s,.]*", "", r.low) for r in replies]
        if not passing.match(firsts[0]) or (not against and _BACK.search(firsts[0].split(".")[0])):
            return False
        for low in firsts:
            if cues.REJECTED.search(low) or (blocking.match(low) and not passing.match(low)):
                return False
            if against and re.match(r"^(?:ja|jo)\b", low):
                return False  # "Ja, jag.": an objection
        return True

    @staticmethod
    def _member_settles(v: Utt) -> bool:
        return bool(_SETTLES.search(v.low))

    def _called_matter(self, call: Utt, close: Utt, named: str | None) -> tuple[str, list[Utt], list[Utt]] | None:
        """The close's own statement, else what the call named, else the caller's statement before it, else the
        proposal on the table; and the close, unless the caller moved on to something else."""
        m = _FORMULA.match(close.low)
        rest = close.text[m.start("rest") :].strip(" ,.:") if m else close.text
        formula = not content_words(rest) or bool(_LEFT.match(rest.lower()))
        talked = set().union(*(stems(v.text) for v in self._window(call, 10)), stems(call.text))
        if close.speaker == call.speaker and _says(rest) and stems(rest) & talked:
            more = [v for v in self._after_in_turn(close) if stems(v.text) & talked]
            said = [(close, rest), *((v, v.text) for v in more)]
            return " ".join(outcome_sentence(r, v.name) for v, r in said), [], [close, *more]
        closing = [close] if formula or close.speaker != call.speaker else []  # "Hundar.": the next item
        left = rest if close.speaker == call.speaker and _LEFT.match(rest.lower()) else ""  # "... så från måndag."
        tail = f" {capitalise(left)}." if left and not re.search(r"\b(?:det|den|dem)\b", left.lower()) else ""
        if named and weight(named) >= 2:
            q = call.text.lower().find(named)
            said = call.text[q : q + len(named)] if q >= 0 else named
            return outcome_sentence(re.sub(r",?\s+då\s*(?=,|$)", "", said), call.name) + tail, [], closing
        before = self._before_in_turn(call)
        if before:
            return " ".join(outcome_sentence(v.text, v.name) for v in before) + tail, before, closing
        proposal = self._proposal_for(call)
        clause = proposal_clause(proposal.text, proposal.name, self._addressee(proposal)) if proposal else None
        if proposal is None or not clause or len(clause.split()) < 2:
            return None
        self.used.add(proposal.idx)
        return decision_sentence(clause) + tail, [proposal], closing
