"""A proposal on the table, an act that accepts it, and the matter read from the proposal.

However a new group phrases it, a decision said without a decision word has three parts: something put
to the meeting (a proposal, a summary of the talk, "Mitt förslag är så här. ..."), an act that settles it
and the matter, which the act itself seldom names. The act comes in a few grammatical kinds:

- a short call for agreement answered by another member: "Deal då? Under tjugo, en vecka." - "Deal.",
  "Kan vi enas om det? Mobilerna in vid middagen, ..." - "Det kan vi.", "Låter det klokt?" - "Kör så.",
  "Tummen upp från alla?" - "Tummen upp!", "Är det okej för alla?" - "Ja.";
- a settling formula in the settler's own turn, after the matter or before it: "Två ledare på bryggan, minst
  en med livräddning. Det är spikat.", "Det låter bra. Två på jour ... Okej, vi kör så.", "Det är avgjort
  då. Scania.", "Det får bli så här: ...", "Då har vi ett beslut på det.";
- a lead that settles and states the matter in one sentence: "Vi landar i att vi har öppet till elva ...",
  "Jag hör inga protester, så vi inför listan ...", "Ingen säger emot, alltså. Frukosten går upp ...".

The matter is the settler's statement next to the act in the same turn, else the proposal the call or the
formula answers. A refusal, a doubt or a question after the call leaves it open; a task ("Viktor, du gör
jourschemat?") or the speaker's own plan is no matter of the meeting's.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.phrasing import decision_sentence, first_person, proposal_clause, strip_tail, to_infinitive
from transcribe.minutes.rules.resolutions import ResolutionRules
from transcribe.minutes.rules.utterances import Utt, personal_commitment, stems
from transcribe.sv.numbers import COUNT_WORD
from transcribe.sv.text import capitalise, content_words

_LEAD = r"^(?:(?:ja|jo|okej|ok|bra|då|så|och|men|mm|toppen|perfekt|utmärkt|självklart|klart|fint|hm)\b[\s,.!]*)*"
# A short call for agreement: the question asks only whether the group agrees.
_CALL = re.compile(
    _LEAD + r"(?:[a-zåäö-]+,\s+)?(?:deal|okej|ok|tummen\s+upp|kör\s+vi(?:\s+på\s+(?:det|så))?|säger\s+vi\s+(?:så|det)"
    r"|(?:kan|ska)\s+vi\s+(?:enas|komma\s+överens|köra\s+så|säga\s+så|köra\s+på\s+det)"
    r"|låter\s+(?:det|detta|det\s+här)\s+(?:bra|klokt|rimligt|vettigt|okej|ok)"
    r"|(?:är|blir)\s+(?:det|detta|det\s+här)\s+(?:okej|ok|bra|rimligt|godkänt)"
    r"|(?:går|funkar|fungerar)\s+det\s+(?:bra|för)|håller\s+(?:ni|alla)\s+med"
    r"|är\s+(?:vi|alla|ni)\s+(?:alla\s+)?(?:eniga|överens|med|nöjda|okej)|alla\s+med|(?:är\s+)?ni\s+med"
    r"|(?:har\s+)?(?:någon|några)\s+(?:som\s+(?:har\s+)?)?(?:något\s+)?(?:är\s+)?(?:emot|invändningar|invänder)"
    r"|kan\s+(?:du|ni)\s+leva\s+med)"
    r"(?:\s+(?:(?:på|om|med|för|från|mot)\s+)?(?:det|detta|det\s+här|alla|er|allihop))?"
    r"(?:\s+(?:då|alltså|allihop|alla|för\s+alla))?\s*\?$"
)
# A proposal put as a question: "Ska vi bara sätta upp en Swishskylt bredvid burken?", "Ska vi kedja fast dem?",
# "Kan vi inte bara säga att den som sitter i juryn inte får tävla?", "Så: Sundborn igen nästa midsommar?"
_PUT = re.compile(
    r"^(?:(?:men|och|okej|ok|bra|så)\b[\s,]*)*(?:"
    r"(?:kan|ska)\s+vi\s+(?:inte\s+)?(?:bara\s+)?säga\s+att\s+(?P<said>[^?]+)"
    r"|(?:ska|skulle|kan)\s+vi\s+(?:inte\s+)?(?:bara\s+)?(?P<inf>(?!(?:ta|tala|prata|diskutera|rösta|vänta|ses|träffas|"
    r"gå|fortsätta|avsluta|säga|göra|ha|vara|bestämma|besluta|enas|komma)\b)[a-zåäö]{2,}a)\s+(?P<rest>[^?]+)"
    r"|så\s*:\s*(?P<np>[^?]+)"
    r"|(?:[^?]*[:,]\s*)?(?:alla|ni|de)\s+som\s+är\s+för\s+att\s+(?P<vote>[^?]+))\?$"  # "..., alla som är för att ...?"
)
# A proposal put as a bare question with no verb of its own: "Sex till nio som tisdagarna?"
_VERBLESS_Q = re.compile(
    r"^(?:(?:men|och|okej|ok|bra|så)\b[\s,]*)*(?P<np>(?!(?:vem|vad|var|när|hur|varför|vilken|vilka|vilket|och|eller)\b)"
    r"[a-zåäö0-9][^?]*)\?$"
)
_FINITE = re.compile(
    r"\b(?:är|blir|har|kan|ska|får|gör|går|vill|måste|tar|kör|tycker|vet|säger|behöver|finns|kommer|passar|funkar|"
    r"låter|heter|hade|var|blev|sa|jag|du|ni|vi|han|hon|man|någon|det)\b|[a-zåäö]{3,}(?:ade|de|te)\b"
)
# An accepting reply: "Deal.", "Det kan vi.", "Kör så.", "Tummen upp!", "Gör så.", "Ja, absolut."
_ACCEPT = re.compile(
    r"^(?:(?:ja|jaja|jo|japp|jajamen|javisst|absolut|visst|okej|ok|bra|toppen|perfekt|precis|exakt|gärna|mm|"
    r"självklart|givetvis|yes|enigt|deal|kör|klart|gött|tummen\s+upp|instämmer|håller\s+med|det\s+kan\s+vi|det\s+gör\s+vi|"
    r"gör\s+så|gör\s+det|kör\s+så|kör\s+på\s+det|(?:det\s+)?låter\s+(?:bra|klokt|rimligt|vettigt)|jag\s+är\s+med|"
    r"inga\s+invändningar|ingen\s+invändning|ingen|inga|nej)\b[\s,.!]*)+"
)
# "Nej, vänta.", "Jag är inte säker", "Det kan vi inte": no acceptance
_DOUBT = re.compile(r"\b(?:vänta|inte|aldrig|tveksam|emot|nja|fast|men)\b")
# A formula that settles and names nothing: "Det är spikat.", "Okej, vi kör så.", "Då har vi ett beslut på det."
_SETTLE = re.compile(
    _LEAD + r"(?:det\s+är\s+(?:alltså\s+)?(?:spikat|avgjort|bestämt|beslutat|klubbat)|"
    r"(?:då\s+)?har\s+vi\s+(?:ett\s+beslut(?:\s+på\s+(?:det|den\s+punkten))?|det(?:\s+så)?)|vi\s+kör\s+så|kör\s+så|"
    r"(?:då\s+)?är\s+det\s+(?:vår|vårt)\s+(?:gräns|regel|linje)|"  # "Då är det vår gräns. Sextio kronor kilot ..."
    r"(?:så\s+)?får\s+det\s+bli|det\s+får\s+bli\s+så|vi\s+säger\s+så|så\s+blir\s+det|(?:då\s+)?är\s+det\s+så|"
    r"så\s+gör\s+vi|så\s+har\s+vi\s+det)"
    r"(?:\s+(?:då|alltså|nu|(?:den|det)\s+här\s+\w+|i\s+(?:år|vinter|sommar|höst|vår)))?\s*[.!]?$"
)
# The winner named before the formula: "Okej, Skatås får det bli.", "Biblioteket i mars får det bli då."
_NAMED_SETTLE = re.compile(
    _LEAD + r"(?:(?P<np>(?!(?:det|så|då|vi|jag|du|ni|han|hon|den|de|dom|inget|ingen|inga)\b)[\w-]+(?:\s+[\w-]+){0,4}?)"
    r"\s+får\s+det\s+(?:bli|vara)(?:\s+(?:då|alltså))?|då\s+blir\s+det\s+(?P<np2>[\w-]+(?:\s+[\w-]+){0,3}(?:,[^.?!]*)?))"
    r"\s*[.!]?$"
)
# A name or a thing in the definite form, no adjective: "Skatås", "Oskar och Mohammed", "biblioteket i mars"
_NAMED = re.compile(r"^(?:[A-ZÅÄÖ][\w-]+|[a-zåäö-]{3,}(?:en|et|na|arna|erna))\b")
# A lead that settles and says the matter after it: "Vi landar i att ...", "Jag hör inga protester, så ..."
_SETTLE_LEAD = re.compile(
    _LEAD + r"(?:vi\s+landar\s+i(?:\s+att)?|det\s+får\s+bli\s+(?:så\s+här|regeln)(?:\s+då)?\s*:|"
    r"(?:då\s+)?har\s+vi\s+ett\s+beslut\s*:|"
    r"jag\s+hör\s+inga\s+(?:protester|invändningar)\s*,?\s*(?:så|alltså)?|"
    r"ingen\s+(?:säger\s+emot|invänder|protesterar)\s*,?\s*(?:alltså|så)?\s*[,.]?)\s*(?P<rest>\S.*)$"
)
_TASK = re.compile(r"^(?:[\w-]+,\s+)?(?:du|ni|jag|han|hon)\s+|,\s*(?:du|ni)\s+\w+\s*\?$")
# Numbers carry the matter ("Under tjugo, en vecka.") though they are no content words.
_NUMBER = re.compile(rf"\b{COUNT_WORD}\b")
# An argument, not a matter: "Men besöken blir färre ...", "jag har räknat på det", "..., så hinner alla ..."
_ARGUMENT = re.compile(
    r"^(?:men|punkt)\b|\b(?:jag|mig)\b|,\s+så\s+\w+\s+(?:alla|man|de|det|folk|ni|du)\b|\bdet\s+är\s+ju\b"
)
_SUMMING_UP = re.compile(r"\b(?:summer\w*|sammanfatta\w*|sammanfattningsvis)\b")
# The call for someone to fill a role or take a task, no matter settled: "Först ska vi ha någon som leder stämman.",
# "Och så behöver vi någon som justerar." (the one proposed after it is the role's election, roles.py)
_NEEDS_SOMEONE = re.compile(
    r"\b(?:ska\s+(?:vi|ni)\s+ha|behöver\s+(?:vi|jag|ni)|(?:vi|jag|ni)\s+behöver)\s+(?:någon|nån|en|två|några)\s+"
    r"(?:\w+\s+)?som\b"
)
_NOT_WE_PLAN = frozenset("har ska kan får vill måste behöver tycker tror vet ser hör är kommer hoppas undrar".split())


def weight(text: str) -> int:
    """Content words and numbers: how much of a matter a sentence states."""
    return len(content_words(text)) + len(_NUMBER.findall(text.lower()))


def _states_outcome(u: Utt) -> bool:
    """The caller's own closing states the outcome, which the closing and approval rules record."""
    return bool(cues.CONFIRMATION.search(u.low) or cues.AGREED_OR_NOT.search(u.low) or cues.APPROVAL.search(u.low))


class AcceptanceRules(ResolutionRules):
    """Proposal + acceptance act + matter; the rules record into the shared state."""

    def _accepted(self, u: Utt) -> bool:
        return (
            self._accepted_call(u)
            or self._settled_here(u)
            or self._settle_lead(u)
            or self._accepted_question(u)
            or self._named_winner(u)
        )

    def _named_winner(self, u: Utt) -> bool:
        """'Okej, Skatås får det bli.': the alternative others argued for, named with a settling formula."""
        m = _NAMED_SETTLE.match(u.low)
        if m is None or u.is_question or u.idx in self.used or u.idx in self.decided:
            return False
        group = "np" if m.group("np") else "np2"
        np = strip_tail(u.text[m.start(group) : m.end(group)]).strip(" ,")
        if not _NAMED.match(np) or cues.NEG.match(np.lower()):
            return False  # "Då blir det dyrt.", "Då blir det ingen fest.": no alternative named
        named = stems(np)
        if not content_words(np) or not any(
            v.speaker != u.speaker and named & stems(v.text) for v in self._window(u, 12)
        ):
            return False  # "Bra får det vara.": nothing raised by name
        self._record(f"Beslut: {capitalise(np)}.", [u])
        return True

    # ------------------------------------------------------------------ acts
    def _accepted_call(self, u: Utt) -> bool:
        """A short call for agreement that another member accepts, with no one objecting first."""
        if not u.is_question or not _CALL.match(u.low) or u.idx in self.used:
            return False
        replies = [v for v in self.utts[u.idx + 1 : u.idx + 6] if v.turn != u.turn][:3]
        first = replies[0] if replies else None
        if first is None or first.speaker == u.speaker or first.start - u.end > 30:
            return False
        no_objection = bool(re.search(r"\b(?:emot|invändningar|invänder)\b", u.low))
        said_no = bool(re.match(r"^\s*(?:nej|ingen|inga)\b", first.low))
        if not _ACCEPT.match(first.low) or cues.REJECTED.search(first.low) or said_no != no_objection:
            return False  # "Låter det klokt?" - "Nej."; "Någon emot?" - "Ja, jag."
        if not no_objection and _DOUBT.search(first.low.split(".")[0]):
            return False  # "Ja, men vänta ..."
        if any(v.speaker == u.speaker and _states_outcome(v) for v in self.utts[first.idx + 1 : first.idx + 4]):
            return False  # "Då är vi (inte) enade om det. ...": the caller closes the call, that rule records it
        matter = self._matter(u)
        if matter is None:
            return False
        text, utts = matter
        self._record(text, [*utts, u, first])
        return True

    def _accepted_question(self, u: Utt) -> bool:
        """A proposal put as a question that two other members accept, with no one objecting between:
        'Ska vi bara sätta upp en Swishskylt bredvid burken?' - 'Det kostar inget. Gör så.' - ...,
        'Så: Sundborn igen nästa midsommar?' - 'Självklart.' - 'Givetvis.'"""
        m = _PUT.match(u.low) or _VERBLESS_Q.match(u.low)
        if m is None or u.idx in self.used or u.idx in self.decided or cues.NEXT_MEETING.search(u.low):
            return False
        if m.re is _VERBLESS_Q and (_FINITE.search(u.low) or not 2 <= len(u.low.split()) <= 8):
            return False  # "Har alla läst protokollet?": a question of fact, not a proposal
        accepted: list[Utt] = []
        turns: dict[int, list[Utt]] = {}
        for v in self.utts[u.idx + 1 : u.idx + 12]:
            if v.turn != u.turn:
                turns.setdefault(v.turn, []).append(v)
        for said in list(turns.values())[:5]:
            if said[0].speaker == u.speaker:
                break  # the caller speaks again: closes it, or goes on
            if any(v.idx in self.decided or v.idx in self.used for v in said):
                return False
            low = re.sub(r"^[^.!?]*(?:kostar|skadar|gör)\s+inget\s*[.!]\s*", "", " ".join(v.low for v in said))
            if cues.REJECTED.search(low) or re.match(r"^\s*(?:nej|men|fast|nja|vänta)\b", low) or said[0].is_question:
                return False  # "Det kostar inget. Gör så." accepts; "Inspelad musik?" asks back
            if not _ACCEPT.match(low) or _DOUBT.search(low.split(".")[0]):
                if accepted:
                    break  # "Gör så." - "Jag fixar skylten.": accepted, then a task
                return False
            accepted.append(said[-1])
        if len(accepted) < 2 and not (accepted and re.search(r"\bgör\s+(?:så|det)\b", accepted[0].low)):
            return False
        group = next(g for g in ("said", "np", "rest", "vote") if m.groupdict().get(g))
        matter = strip_tail(u.text[m.start(group) : m.end(group)]).strip(" ,")
        stated = self._after_in_turn(u)  # "Ska vi skriva in det? Intyg från någon som känner ..., från nästa år."
        if (
            cues.AGENDA_TALK.search(matter.lower())
            or weight(" ".join([m.groupdict().get("inf") or "", matter, *(v.text for v in stated)])) < 2
        ):
            return False
        before = self.utts[u.idx - 1] if u.idx else None
        if (
            m.re is _VERBLESS_Q
            and before is not None
            and before.turn == u.turn
            and re.search(r",\s*då\s*\.$", before.low)
        ):
            lead = re.sub(r",?\s*då\s*$", "", before.text.strip().rstrip(" .!"))
            matter = f"{lead}, {matter[:1].lower()}{matter[1:]}"  # "Torsdagar från maj, då. Sex till nio ...?"
        if group == "rest":
            text = decision_sentence(first_person(f"att {m.group('inf')} {matter}", u.name))
        elif group == "vote":
            text = self._as_decision(matter, u)  # "alla som är för att vi köper en andra elbil ...?" - "Ja." ...
        else:
            text = capitalise(first_person(matter, u.name)) + "."
        if stated:
            text = f"{text} {' '.join(self._as_decision(v.text, v) for v in stated)}"
        closing = self.utts[accepted[-1].idx + 1] if accepted[-1].idx + 1 < len(self.utts) else None
        if closing and closing.speaker == u.speaker and _states_outcome(closing):
            return False  # "Kan vi godkänna den?" - "Ja." - "Då är dagordningen godkänd.": that rule records it
        said = [u, *stated, *accepted]
        if closing and closing.speaker == u.speaker and not closing.is_question:
            said.append(closing)  # "Enigt.", "Då svarar jag ja till dem."
            ack = re.fullmatch(r"(?:bra|okej|ok|toppen|fint)\s*[.!]?", closing.low.strip())
            bare = self._after_in_turn(closing) if ack else []
            if bare and not _SETTLE.match(bare[0].low):  # "Kör." - "Bra. Svinnmätning vecka femton."
                text = f"Beslut: {strip_tail(bare[0].text).strip(' .')}."
                said.append(bare[0])
        self._record(text, said)
        return True

    def _settled_here(self, u: Utt) -> bool:
        """'Det är spikat.', 'Okej, vi kör så.': a formula whose matter stands next to it in the turn."""
        if u.is_question or not _SETTLE.match(u.low) or u.idx in self.used:
            return False
        matter = self._matter(u, after_first=False)
        if matter is None:
            return False
        text, utts = matter
        self._record(text, [*utts, u])
        return True

    def _settle_lead(self, u: Utt) -> bool:
        """'Vi landar i att ...', 'Jag hör inga protester, så vi inför listan ...': act and matter in one."""
        m = _SETTLE_LEAD.match(u.low)
        if m is None or u.is_question or cues.TENTATIVE.search(m.group("rest")):
            return False
        nxt = self.utts[u.idx + 1] if u.idx + 1 < len(self.utts) else None
        if nxt is not None and nxt.turn == u.turn and nxt.is_question:
            return False  # "Så vi landar i att ... Eller?": put to the meeting, the answer settles it
        rest = u.text[m.start("rest") :]
        utts = [u]
        if len(content_words(rest)) < 2:
            nxt = self._after_in_turn(u)
            if not nxt:
                return False
            rest, utts = nxt[0].text, [u, nxt[0]]
        self._record(self._as_decision(rest, u), utts)
        return True

    # ------------------------------------------------------------------ the matter
    def _matter(self, u: Utt, after_first: bool = True) -> tuple[str, list[Utt]] | None:
        """What the act settles: the statement next to it in the turn (a call's matter most often follows it, a
        formula's precedes it), else the proposal it answers."""
        for v in reversed(self.utts[max(0, u.idx - 3) : u.idx]):
            if v.turn == u.turn and (v.idx in self.decided or v.idx in self.used):
                return None  # "Vi bestämmer att ... Är det okej?": the act confirms what is recorded already
        after, before = self._after_in_turn(u), self._before_in_turn(u)
        for said in (after, before) if after_first else (before, after):
            if said:
                return " ".join(self._as_decision(v.text, v) for v in said), said
        if not after_first and (bare := self._after_in_turn(u, least=1)):
            return f"Beslut: {strip_tail(bare[0].text).strip(' .')}.", bare  # "Det är avgjort då. Scania."
        proposal = self._proposal_for(u)
        if proposal is None:
            return None
        clause = proposal_clause(proposal.text, proposal.name, self._addressee(proposal))
        clause = re.sub(r"^(?:att\s+)?(?:om\s+)?vi\s+säger\s+så\s+här\s*:\s*", "", clause or "", flags=re.I)
        if not clause or len(clause.split()) < 2:
            return None
        self.used.add(proposal.idx)
        more = self._after_in_turn(proposal)  # "Då säger vi ja till samarbetet. Och dirigenten väljer ..."
        text = " ".join([decision_sentence(clause), *(self._as_decision(v.text, v) for v in more)])
        return text, [proposal, *more]

    def _statement(self, v: Utt, least: int = 2) -> bool:
        """A sentence that can state the matter: not asked, not a task or one's own plan, not doubted."""
        low = v.low
        return not (
            v.is_question
            or v.idx in self.used
            or v.idx in self.decided
            or weight(v.text) < least
            or _TASK.search(low)
            or _ARGUMENT.search(low)
            or personal_commitment(low)
            or cues.HEDGE.search(low.replace(" inte ", " "))
            or cues.REPORTED.search(low)
            or cues.NEXT_MEETING.search(low)
            or _SETTLE.match(low)
            or _CALL.match(low)
            or _SUMMING_UP.search(low)
            or _NEEDS_SOMEONE.search(low)
            or re.match(r"^(?:(?:ja|okej|bra|mm|hm)\b[\s,.]*)*(?:det\s+låter|jag\s+tycker|jag\s+tror|tack)\b", low)
        )

    def _after_in_turn(self, u: Utt, least: int = 2) -> list[Utt]:
        out: list[Utt] = []
        for v in self.utts[u.idx + 1 : u.idx + 3]:
            if v.turn != u.turn or not self._statement(v, least):
                break
            out.append(v)
        return out

    def _before_in_turn(self, u: Utt) -> list[Utt]:
        out: list[Utt] = []
        for v in reversed(self.utts[max(0, u.idx - 3) : u.idx]):
            if v.turn == u.turn and not out and _ARGUMENT.search(v.low) and not v.is_question:
                continue  # "... så hyr vi inte ut dem. Jag vill inte ha sladdar över gräset. Säger vi så?"
            if v.turn != u.turn or not self._statement(v):
                break
            out.insert(0, v)
        return out

    def _proposal_for(self, u: Utt) -> Utt | None:
        """The proposal the act answers, when no one objected to it."""
        proposal, objections = self._find_proposal(u, strict=True)
        if proposal is None or objections or not self._statement(proposal, 3):
            return None
        between = self.utts[proposal.idx + 1 : u.idx + 1]
        if any(v.speaker != proposal.speaker and re.match(r"^(?:men|nej|fast)\b", v.low) for v in between):
            return None  # "Men då slutar föreningarna komma.": the proposal was argued against
        return proposal

    # ------------------------------------------------------------------ recording
    def _as_decision(self, text: str, u: Utt) -> str:
        """A statement of the matter as the minutes say it: 'vi <verb> ...' becomes 'Mötet beslutade att ...'."""
        lead = r"^(?:(?:och|så|då|alltså|okej|bra|ja)\b[\s,]*)+"
        text = strip_tail(re.sub(lead, "", text.strip(), flags=re.IGNORECASE)).strip(" ,.:;")
        we = re.match(r"^vi\s+(?P<v>[a-zåäö]{2,}(?:ar|er|ör|år|r))\s+(?P<neg>inte\s+)?(?P<rest>\S.*)$", text, re.I)
        if we and we.group("v").lower() not in _NOT_WE_PLAN:
            neg = "inte " if we.group("neg") else ""
            return decision_sentence(first_person(f"att {neg}{to_infinitive(we.group('v').lower())} {we.group('rest')}",
                                                  u.name))  # fmt: skip
        return capitalise(first_person(text, u.name)) + "."

    def _record(self, text: str, utts: list[Utt]) -> None:
        utts = sorted({v.idx: v for v in utts}.values(), key=lambda v: v.idx)
        self.used.update(v.idx for v in utts)
        self._add_decision(text, utts[0], utts, 0.6, "Beslutet uttrycktes utan beslutsord")
