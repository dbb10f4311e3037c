"""A matter settled by the meeting: a settling turn, its content said after it or proposed before it.

Swedish meetings settle a matter in many words beside "beslutar": "Så blir det.", "Det blir vårt svar.",
"Då har vi samtycke: ...", "Ingen invänder.", "Spikat.", "Enhälligt.", "Jag hör att det är bifall.",
"Då tar jag det som ett ja." The rule reads the structure, not the phrase:

- a settling sentence followed in the same turn by statements of what was settled ("Så blir det. Inget
  överklagande, vi förhandlar med bolaget ...") takes those statements as the decision;
- a bare settling sentence takes the proposal before it, when someone other than its proposer agreed or
  settled it, and nobody objected in between ("Vi köper inga raketer i år." - "Ja." - "Så får det vara.").

The exclusions of the other decision rules hold: a question, a condition, another body, a report of an
old decision, a hedge, the meeting's order ("Då går vi tillbaka till punkt sju") decide nothing.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.fuzzy import known_word
from transcribe.minutes.phrasing import (
    decision_sentence,
    first_person,
    is_present_verb,
    proposal_clause,
    strip_tail,
    to_infinitive,
    we_decision,
)
from transcribe.minutes.rules.safety import PREFIX, shared_topic
from transcribe.minutes.rules.utterances import (
    WH,
    Utt,
    is_agreement,
    misheard_match,
    personal_commitment,
    stems,
    substantive,
)
from transcribe.sv.text import capitalise, content_words

_LEAD = r"^(?:(?:ja|jo|japp|okej|ok|bra|gött|nej|precis|absolut|självklart|aa|mm|hm|tyst\s+i\s+rummet)\b[\s,.!]*)*"
# Sentences that settle a matter without naming it. Those of cues.CONFIRMATION are settling too.
SETTLING = re.compile(
    _LEAD + r"(?P<mark>(?:och\s+)?(?:så|då)\s+blir\s+det(?:\s+så)?|det\s+blir\s+så|(?:då|så)\s+är\s+det\s+så"
    r"|så\s+får\s+det\s+(?:vara|bli)|(?:då|så)\s+har\s+vi\s+det|spikat|enhälligt|klart\s+vi\s+gör"
    r"|det\s+blir\s+(?:vårt|mötets|\w+(?:ets|ens|ns))\s+(?:svar|beslut|yttrande|linje)"
    r"|(?:då|så)\s+har\s+vi\s+(?:samtycke|konsensus|ett\s+beslut)"
    r"|till\s+protokollet|(?:då\s+)?tar\s+jag\s+det\s+som\s+ett\s+ja|jag\s+hör\s+att\s+det\s+är\s+bifall"
    rf"|(?:då|så)\s+har\s+(?:vi|{cues.BODY_NOUN})\s+sagt\s+ja"
    r"|ingen\s+(?:invänder|säger\s+emot|är\s+emot|har\s+invändningar)|inga\s+invändningar"
    r"|det\s+är\s+vi\s+(?:\w+\s+)?överens\s+om(?:,\s+tror\s+jag)?"
    r"|(?:ja,\s+)?så\s+beslutar\s+vi|(?:då|så)\s+(?:gör|säger|kör)\s+vi\s+(?:så|det)"
    r"|(?:då|så)\s+är\s+det\s+(?:bestämt|beslutat|klubbat)|klubbat|det\s+är\s+(?:beslutat|bestämt)"
    r"|det\s+skriver\s+vi\s+in(?:\s+i\s+\w+)?)"
    r"(?:\s+då)?\s*(?:(?P<sep>[:,])\s*(?P<rest>\S.*?)\s*[.!]?|[.!]?)$"
)
# "Då har <mott> det. Renvaktaren öppnar på fredagen ...": the chair's "Då har vi det" with "vi" misheard; read
# only with the matter said after it, and only when the recogniser was unsure of the word.
_SETTLING_WE = re.compile(
    _LEAD + r"(?P<mark>(?:då|så)\s+har\s+(?P<we>[\w-]+)\s+(?:det|samtycke|konsensus|ett\s+beslut))"
    r"(?:\s+då)?\s*(?:(?P<sep>[:,])\s*(?P<rest>\S.*?)\s*[.!]?|[.!]?)$"
)
_GROUP_SUBJECTS = frozenset("vi det den de dom detta alla inget ingen inga".split())
_NOT_WE = frozenset("jag du ni han hon hen de dom man inte aldrig ej".split())
WE_MISHEARD_WHY = f'{PREFIX}"vi" i beslutsformuleringen hördes otydligt'
# Settling sentences that may stand for the bare settling of a proposal before them (the others are
# confirmations the older rules read, or need their content said).
_BARE_OK = re.compile(
    r"(?:så|då)\s+blir\s+det|det\s+blir\s+så|så\s+får\s+det|klart\s+vi\s+gör|enhälligt|så\s+beslutar\s+vi"
    r"|det\s+skriver\s+vi\s+in|ingen\s+(?:invänder|säger|är|har)|inga\s+invändningar|(?:då|så)\s+är\s+det\s+så"
)
# A restating sentence that is something else: a task, a question, a thank-you, the next matter.
_NOT_RESTATING = re.compile(
    r"^(?:jag|du|ni|han|hon|tack|grattis|nästa|vem|kan|ska|vill|okej|bra|och\s+så|sen|sedan)\b"
    r"|\b(?:skriv|ring|mejla|kolla)\s+(?:det|du)\b"
)
# "att har vi bara ett förslag": a sentence with a fronted adverb and its finite verb, no plan
_NOT_A_PLAN = re.compile(r"^att\s+(?:har|är|var|finns|blir|kan|ska|får|måste|vill|tycker|tror)\b")
_PERSONAL = re.compile(r"^(?:\w+,?\s+)?(?:jag|du|ni|han|hon|de|dom)\b")
# "Då är inte lokalen bokad": a consequence with its verb before a subject other than "vi"
_CONSEQUENCE = re.compile(r"^(?:\w+,?\s+)?(?:då|så)\s+(?:är|blir|har|kan|får|ska|går|finns|måste)\s+(?!vi\b)")
# "Okej, så det blir pizza ... Eller?": a statement put with a tag question is a proposal
_TAG = re.compile(r"[,.]?\s*(?:eller|va|okej|ok|visst|eller\s+hur|eller\s+vad\s+säger\s+ni)\s*\?\s*$")
# A plan the group states as settled: "Då köper vi singlarna", "Men partistödet söker vi", "Rådet återremitterar
# alltså ansökan". Verbs of talk, thought, ability or the meeting's order are no plan.
_NOT_PLAN_VERBS = frozenset(
    "har ska kan får vill måste behöver tycker tror vet ser hör är går kommer blir hoppas undrar pratar diskuterar "
    "funderar väntar försöker ses träffas börjar fortsätter tar kör gör säger sammanfattar avslutar hinner litar "
    "kollar lyssnar bestämmer beslutar tackar hälsar brukar slutar lär menar märker förstår minns glömmer önskar "
    "behåller äter dricker sitter står ligger heter känner räknar läser lämnar väljer använder".split()
)
_PLAN_LEAD = r"^(?:(?:ja|okej|ok|bra|gött|nej|precis|absolut)\b[\s,.!]*)*"
_INVERTED_PLAN = re.compile(
    _PLAN_LEAD + r"(?:och\s+|men\s+)?(?:då|så)\s+(?P<v>[a-zåäö]+(?:ar|er|ör|yr))\s+vi\s+(?P<neg>inte\s+)?"
    r"(?P<rest>\S.*)"
)
_FRONTED_PLAN = re.compile(
    _PLAN_LEAD + r"(?:men\s+|och\s+)?(?P<np>(?!(?:om|antingen|eller|när|ifall|innan|det|den|dem|de|vi|jag|du|så|då|"
    r"vad|hur|var|vem|sen|sedan|nu|här|där|alltid|aldrig|ofta|ibland|och|men)\b)(?:[\w-]+\s+(?:och\s+)?){0,4}?[\w-]+)\s+"
    # "Och det är precis därför vi börjar med tvåan.": a "därför" clause gives a reason, no plan
    r"(?P<v>(?!därför\b)[a-zåäö]{3,}(?:ar|er|ör|yr))\s+vi\b(?P<rest>[^.!?]*)"
)
_BODY_PLAN = re.compile(
    _PLAN_LEAD + rf"(?:(?:då|så)\s+)?(?P<body>{cues.BODY_NOUN})\s+(?:alltså\s+|därför\s+)?"
    r"(?P<v>[a-zåäö]{3,}(?:ar|er|ör|yr))\s+(?:alltså\s+)?(?P<neg>inte\s+)?(?P<rest>\S.*)"
)
# "Okej, så påminnelsen går ut två dagar innan": a summing-up after others spoke (not "okej, så vi har ...")
# "Då gör vi en cykelrensning", "Då gör vi dräneringen på tolvan": a thing done, not "gör vi så"
_DONE_THING = re.compile(r"(?:en|ett)\s|[a-zåäö]{4,}(?:en|et|na)\b")
_SUMMARY = re.compile(
    r"^(?:okej|ok|bra|ja)[\s,.]+så,?\s+(?P<np>(?!(?:det|vi|jag|du|ni|man|de|dom|han|hon|den|här|där|nu)\b)"
    r"[\w-]+(?:\s+[\w-]+){0,3}?)\s+(?P<v>[a-zåäö]+(?:ar|er|ör|yr|år))\s+(?P<rest>\S.*)"
)
_NOT_STATES = frozenset("har är kan ska får vill måste behöver tycker tror vet undrar verkar känns".split())
_ORDER = re.compile(r"^(?:tillbaka|vidare|över\s+till|till\s+nästa|till\s+(?:punkt|frågan)|ett\s+steg)\b")
_HABIT = re.compile(r"\b(?:ofta|alltid|ibland|vanligtvis|normalt|oftast|sällan|brukar|varje|som\s+vanligt)\b")
_LATER = re.compile(r"\b(?:nästa\s+(?:gång|möte)|senare|längre\s+fram|efter\s+\w+\s+möte)\b")
_OBJECTION = re.compile(r"^\s*(?:nej|nja|men)\b|\b(?:emot|invänd\w*|tveksam|dålig\s+idé)\b")


def heard_subject(word: str) -> bool:
    """A first word that reads as the subject of the group's statement however unsure ("vi", "det", "inget",
    "stugan"): a lost "jag" is heard as a short word ("en", "jon", "är"), not as these."""
    w = word.strip(" ,.:;!?")
    return w in _GROUP_SUBJECTS or (len(w) >= 5 and known_word(w) and not is_present_verb(w))


class SettledRules:
    """'Så blir det. Inget överklagande, ...': recorded into the shared state (a RuleState mixin)."""

    def _settled(self, u: Utt) -> bool:
        m = SETTLING.match(u.low)
        misheard = m is None and self.robust and self._settling_we_misheard(u)
        m = _SETTLING_WE.match(u.low) if misheard else m
        if m is None or u.is_question or u.idx in self.used or cues.REPORTED.search(u.low):
            return False
        said = self._settled_said_after(u, m)
        if misheard and said is None:
            return False  # nothing said after it: too little left to read a decision from
        if said is not None:
            text, utts = said
            proposal = self._settled_proposal(u)
            if proposal is not None:
                self.used.add(proposal.idx)
            closing = self._settled_closing(utts[-1] if utts else u)
            why = self._polarity_differs(proposal, text)  # "Jag föreslår att vi inte ..." - "Då säger vi så. Vi ..."
            why = why or (WE_MISHEARD_WHY if misheard else None)
            self._add_decision(text, proposal or u, [*([proposal] if proposal else []), u, *utts, *closing], 0.75, why)
            self.used.update(v.idx for v in [u, *utts, *closing])
            return True
        if not _BARE_OK.search(m.group("mark")):
            return False
        proposal = self._settled_proposal(u)
        if proposal is None:
            return False
        clause = proposal_clause(_TAG.sub(".", proposal.text), proposal.name, self._addressee(proposal))
        if not clause or len(content_words(clause)) < 2 or _NOT_A_PLAN.match(clause):
            return False
        self.used.add(proposal.idx)
        unheard = self.robust and any(x.unsure for x in self._settled_turn(proposal))
        why = f'{PREFIX}förslaget hördes otydligt – kontrollera att inget "inte" har fallit bort' if unheard else None
        self._add_decision(decision_sentence(clause), proposal, [proposal, u], 0.7, why)
        return True

    @staticmethod
    def _settling_we_misheard(u: Utt) -> bool:
        m = _SETTLING_WE.match(u.low)
        return m is not None and m.group("we") not in _NOT_WE and u.uncertain(m.group("we"))

    def _settled_said_after(self, u: Utt, m: re.Match[str]) -> tuple[str, list[Utt]] | None:
        """What the settling sentence and the statements after it in the same turn say was settled."""
        parts: list[str] = []
        if m.group("rest") and len(content_words(m.group("rest"))) >= 1:
            parts.append(u.text[len(u.text) - len(u.low) + m.start("rest") :])
        utts: list[Utt] = []
        for v in self.utts[u.idx + 1 : u.idx + 3]:
            if v.turn != u.turn or not self._settled_restates(v):
                break
            if not parts and not any(shared_topic(v.text, w.text) or stems(v.text) & stems(w.text)
                                     for w in self._window(u, back=16)):  # fmt: skip
                break  # "Då gör vi så. Kaffet står framme i köket.": not what was talked about
            parts.append(v.text)
            utts.append(v)
        if not parts or len(content_words(" ".join(parts))) < 2:
            return None
        return self._settled_text(parts, u.name), utts

    def _settled_closing(self, v: Utt) -> list[Utt]:
        """'... el och gasol går bra. Klubbat.': the chair's last word on the matter just recorded."""
        nxt = self.utts[v.idx + 1] if v.idx + 1 < len(self.utts) else None
        if nxt is None or nxt.turn != v.turn or nxt.is_question:
            return []
        bare = SETTLING.match(nxt.low)
        return [nxt] if (bare and not bare.group("rest")) or cues.CONFIRMATION.fullmatch(nxt.low.rstrip(" .!")) else []

    def _settled_restates(self, v: Utt) -> bool:
        low = re.sub(r"^(?:alltså|så|och|då|ja|okej)\b[\s,:]*", "", v.low)
        if v.is_question or v.idx in self.used or _NOT_RESTATING.search(low) or personal_commitment(low):
            return False
        first = low.split()[0] if low.split() else ""
        if v.uncertain(first) and not heard_subject(first):
            return False  # "<Till> meddelar fastighet i morgon": a lost "jag" may stand there
        if self._named_person(low.split()[0] if low.split() else ""):
            return False  # "Máret, du och jag tar det mötet": a task for someone
        if cues.TENTATIVE.search(low) or cues.AGENDA_TALK.search(low) or cues.NEXT_MEETING.search(low):
            return False
        if re.search(r"\bbeslut(?:et)?\b", low) or cues.REPORTED.search(low):
            return False
        return len(content_words(v.text)) >= 2 or bool(cues.NEG.search(low))

    @staticmethod
    def _settled_text(parts: list[str], name: str | None) -> str:
        """'Vi skriver brevet.' -> 'Mötet beslutade att skriva brevet.'; other statements as said."""
        text = " ".join(strip_tail(p).rstrip(" .!") + "." for p in parts)
        text = re.sub(r"^(?:alltså|så|och|då)\b[\s,:]*", "", text, flags=re.I)
        we = we_decision(text, name) if len(parts) == 1 else None
        return we or capitalise(first_person(text, name))

    def _group_plan(self, u: Utt) -> bool:
        """'Gött. Då köper vi singlarna.', 'Men partistödet söker vi.', 'Rådet återremitterar alltså ansökan.':
        after others spoke on the matter, the group's plan stated as settled. Flagged as a plan."""
        if u.is_question or cues.TENTATIVE.search(u.low) or cues.REPORTED.search(u.low) or _HABIT.search(u.low):
            return False
        if cues.HEDGE.search(u.low.replace(" inte ", " ")) or cues.AGENDA_TALK.search(u.low) or _LATER.search(u.low):
            return False
        low = u.low
        if (summary := _SUMMARY.match(low)) is not None and summary.group("v") not in _NOT_STATES:
            return self._summary_plan(u, summary)
        m = _INVERTED_PLAN.match(low) or _FRONTED_PLAN.match(low)
        body = None
        if m is None and (b := _BODY_PLAN.match(low)) is not None and self._body_is_own(b.group("body")):
            m, body = b, b.group("body")
        if (
            m is None
            or (m.group("v") in _NOT_PLAN_VERBS and not (m.group("v") == "gör" and _DONE_THING.match(m.group("rest"))))
            or re.search(r"\b(?:om|ifall|när|innan)\b", low[: m.start("v")])
        ):
            return False
        rest = strip_tail(u.text[m.start("rest") :]).rstrip(" .!,")
        if _ORDER.match(rest.lower()):
            return False  # "Då hoppar vi tillbaka till budgeten": the meeting's order
        np = u.text[m.start("np") : m.end("np")].strip() if "np" in m.groupdict() else ""
        if len(content_words(f"{np} {rest}")) < 1 or not self._plan_discussed(u, f"{np} {rest}"):
            return False
        neg = "inte " if m.groupdict().get("neg") else ""
        clause = first_person(f"att {neg}{to_infinitive(m.group('v'))} {np} {rest}".replace("  ", " "), u.name)
        text = decision_sentence(clause.strip(), body=capitalise(body) if body else "Mötet")
        self._add_decision(text, u, [u], 0.6, "Beslutet uttrycktes som en plan")
        return True

    def _summary_plan(self, u: Utt, m: re.Match[str]) -> bool:
        """'Okej, så påminnelsen går ut två dagar innan från och med nu.': a member sums up what was settled."""
        said = strip_tail(u.text[m.start("np") :]).rstrip(" .!,")
        if len(content_words(said)) < 2 or not self._plan_discussed(u, said):
            return False
        self._add_decision(capitalise(first_person(said, u.name)) + ".", u, [u], 0.6, "Beslutet uttrycktes som en plan")
        return True

    def _plan_discussed(self, u: Utt, what: str) -> bool:
        """Someone else spoke on this in the turns just before: a matter settled, not a remark in passing."""
        topic = stems(what)
        others = [v for v in self._window(u, back=8) if v.speaker != u.speaker]
        if any(topic & stems(v.text) or shared_topic(what, v.text) for v in others):
            return True
        if self.robust and any(misheard_match(what, u, v) for v in others):
            return True  # the matter misheard in one turn
        return self.misheard_talk_settles(u, what)  # in the last try, the others' whole talk misheard (heardplan.py)

    def _settled_turn(self, v: Utt) -> list[Utt]:
        return [x for x in self.utts[max(0, v.idx - 6) : v.idx + 7] if x.turn == v.turn]

    def _settled_proposal(self, u: Utt) -> Utt | None:
        """The proposal a settling sentence closes: the latest statement of substance within a few turns, with
        agreement by someone other than its speaker (or settled by another) and no objection after it."""
        agreed = False
        turns = 0
        last_turn = u.turn
        for v in reversed(self.utts[max(0, u.idx - 10) : u.idx]):
            if v.turn != last_turn:
                turns, last_turn = turns + 1, v.turn
            if turns > 4 or u.start - v.end > 90 or v.idx in self.used:
                return None
            if any(x.idx in self.decided for x in self._settled_turn(v)):
                return None  # the matter was recorded already: this settles it again
            turn = self._settled_turn(v)
            if v.speaker != u.speaker and any(_OBJECTION.search(x.low) and not is_agreement(x) for x in turn):
                return None  # "Nej, det vill jag inte. Barnen älskar raketerna."
            if is_agreement(v) or not substantive(v):
                agreed = agreed or (is_agreement(v) and v.speaker != u.speaker)
                continue
            tagged = v.is_question and _TAG.search(v.low) and len(content_words(_TAG.sub("", v.text))) >= 2
            if v.is_question and not tagged and (WH.match(v.low) or not cues.PROPOSAL.search(v.low)):
                continue  # "Okej för alla?": the call, the proposal is before it
            if cues.UNDECIDED.search(v.low) or cues.REPORTED.search(v.low) or cues.AGENDA_PROPOSAL.search(v.low):
                return None
            if re.match(r"^(?:om|ifall)\b", v.low) or cues.AGENDA_TALK.search(v.low):
                return None
            if v.speaker == u.speaker and not agreed:
                return None
            proposed = bool(cues.PROPOSAL.search(v.low))
            cued = [x for x in turn if x.idx < v.idx and cues.PROPOSAL.search(x.low) and not x.is_question]
            if not proposed and cued:
                return cued[-1]  # "Jag föreslår lördagen den tolfte. Då är lokalen ledig.": what was proposed
            if not proposed and (_PERSONAL.match(v.low) or _CONSEQUENCE.match(v.low)):
                return None  # "Jag förstår.", "Då är inte lokalen bokad": no proposal
            reply = next(x for x in self.utts[v.idx + 1 : u.idx + 1] if x.turn != v.turn)
            answered = reply.speaker == u.speaker  # the settling is the first reply to it
            return v if proposed or agreed or answered else None
        return None
