"""A close that only points back at a proposal: the matter is the proposal's, the act is the close.

A group that decides without a decision word often settles a member's proposal with words that name nothing
of their own - "Precis. Så blir det.", "Bra. Då står det så.", "Ingen emot? Då gör vi det.", "Kör." - or
with a bare echo of its key words - "Den elfte då." after "Jag tänkte lördagen den elfte september",
"Bra. Kodlås från oktober." after "... så sätter vi kodlås på grinden från oktober". The turn structure
carries it: someone put a proposal for the group (a view on what "vi" do, a wish that "vi" do it, a plan
said in the group's present tense), the others answered without a standing objection, and another speaker
closes (or the proposer, once someone else has answered). The decision is the proposal's content; the
evidence holds both the proposal and the close. Flagged: said without a decision word.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.phrasing import decision_sentence, first_person, group_clause, strip_tail
from transcribe.minutes.rules.acceptance import weight
from transcribe.minutes.rules.commitments import WHY
from transcribe.minutes.rules.utterances import Utt, stems
from transcribe.sv.numbers import COUNT_WORD, parse_number
from transcribe.sv.text import capitalise, content_words

_LEAD = r"^(?:(?:ja|okej|ok|bra|precis|exakt|absolut|toppen|fint|gött|då|så)\b[\s,.!]*)*"
# Words that settle and name nothing: the matter is the proposal's.
_POINTING = re.compile(
    _LEAD + r"(?:så\s+blir\s+det|(?:då|så)\s+står\s+det\s+så|så\s+gör\s+vi|(?:då\s+)?gör\s+vi\s+(?:det|så)|"
    r"det\s+gör\s+vi|(?:då\s+)?kör\s+vi(?:\s+(?:det|så|på\s+det))?|kör|då\s+tar\s+vi\s+det|då\s+säger\s+vi\s+(?:det|så)|"
    r"(?:så\s+)?får\s+det\s+bli|då\s+blir\s+det\s+så|då\s+är\s+det\s+bestämt)"
    r"(?:\s+(?:då|alltså|nu))?\s*[.!]$"
)
# A proposal for the group, its matter after the head: "Jag tycker att vi inte trycker ...", "Jag skulle vilja
# att vi anställer ...", "Om ingen säger något så sätter vi ...", "Så från och med måndag städar vi ...",
# "Jag tänkte lördagen den elfte september"
_PROPOSING = re.compile(
    r"^(?:(?:okej|ok|ja|nej|så|och|men|bra|då)\b[\s,.]*)*(?:"
    r"jag\s+tycker\s+(?P<neg>inte\s+)?(?:att\s+)?(?=(?:vi|man)\s)|"
    r"jag\s+tycker\s+(?:att\s+)?(?!(?:det|den|de|dom|du|ni|han|hon|jag|inte|nog|också|så)\b)(?=\w+\s+\w)|"
    r"(?:jag\s+(?:skulle\s+vilja|vill)|vill\s+jag)\s+att\s+|"
    r"jag\s+föreslår\s+(?:att\s+)?|"
    r"jag\s+tänkte\s+(?:att\s+)?(?=(?:vi\s|den\s|på\s|[a-zåäö]+(?:dag|dagen)\b))|"
    r"(?:så\s+)?om\s+ingen\s+(?:har\s+något\s+emot\s+det|säger\s+(?:något|emot))\s*,?\s*(?:så\s+)?(?=[a-zåäö]+\s+(?:vi|jag)\s)|"
    r"(?=(?:så\s+)?från\s+och\s+med\s+\w+\s+[a-zåäö]+\s+vi\s)|"
    r"(?=vi\s+(?!(?:har|är|var|kan|ska|får|vill|måste|tycker|tror|vet|ser|hör|brukar|hade|skulle|behöver|"
    r"kommer|pratar|borde|bör|också)\b)[a-zåäö]{1,}(?:ar|er|ör|år)\s))"
    r"(?P<rest>\S.*)$"
)
_INVERTED = re.compile(
    r"^(?:så\s+)?(?:från\s+och\s+med\s+(?P<when>\w+)\s+)?(?P<v>[a-zåäö]{1,}(?:ar|er|ör|år))\s+(?P<who>vi|jag)\s+"
    r"(?P<neg>inte\s+)?(?P<rest>\S.*)$"
)
_WE = re.compile(
    r"^vi\s+(?:ska\s+)?(?P<neg>inte\s+)?(?P<v>[a-zåäö]{1,}(?:ar|er|ör|år|a))\s+(?P<neg2>inte\s+)?(?P<rest>\S.*)$"
)
# An echo close: a few words, no verb, all of them said in the proposal ("Den elfte då.", "Ja, samma priser.")
_ECHO = re.compile(
    _LEAD + r"(?P<np>(?!(?:det|den\s+är|vi|jag|du|ni|nej|inte)\b)[\w-]+(?:[\s,]+[\w-]+){0,4}?)"
    r"(?:\s*,?\s*då)?\s*[.!]$"
)
_VERBISH = re.compile(
    r"\b(?:är|blir|har|kan|ska|får|gör|går|vill|måste|tar|kör|vet|säger|tycker|var|sa|blev|hade|"
    r"behöver|finns|kommer|tror)\b"
)
# A reason after the matter: "..., för då är de flesta hemma", "..., eftersom ..."
_REASON = re.compile(r",?\s+(?:för\s+(?:då|det|att)|eftersom|annars)\b.*$", re.IGNORECASE)
_OWN_CLOSE = re.compile(r"^(?:(?:okej|bra|ja)\b[\s,.]*)*(?:då|så)\s+[a-zåäö]+\s+(?:vi|det)\b")
_BARE = re.compile(r"^(?:kör|ja)\s*[.!]$")
_RESTATE_LEAD = re.compile(r"^(?:(?:ja|okej|ok|bra|precis|då|så|alltså)\b[\s,.!]*)+")
_NONE_DO = re.compile(r"^(?:ingen|inget|inga)\s+[a-zåäö]+(?:ar|er|ör|år|r)\b")
_NONE_AFTER = re.compile(r"^[^,]*\b[a-zåäö]{2,}(?:ar|er|ör|år|r)\s+(?:ingen|inget|inga)\s+\w")
_NOT_STATED = frozenset("har är kan får vill måste tycker tror vet ser hör brukar behöver kommer pratar".split())
_OBJECTING = re.compile(r"^(?:men|fast|vänta|nej|nja|aldrig)\b|\b(?:håller\s+inte\s+med|är\s+emot)\b")
_OWN_PLAN = re.compile(r"\bjag\s+(?:ringer|mejlar|skriver|tar|fixar|bokar|ordnar|kollar|köper|skickar)\b")


def _numbers(text: str) -> set[str]:
    """Figures and ordinals, which carry a matter ("Den elfte då.") though they are no content words."""
    words = re.findall(r"[\w-]+", text.lower())
    return {w for w in words if w not in ("en", "ett") and (parse_number(w) is not None or re.fullmatch(COUNT_WORD, w))}


def _opinion(low: str, m: re.Match[str]) -> bool:
    """'Jag tycker idén är bra': a view of a thing, not a matter for the group ("Jag tycker samma priser ...")."""
    rest = low[m.start("rest") :]
    return "tycker" in low[: m.start("rest")] and not re.match(r"^(?:vi|man)\b", rest) and bool(_VERBISH.search(rest))


class PointBackRules:
    """A pointing close and the proposal it settles, recorded into the shared state."""

    def _pointed_back(self, u: Utt) -> bool:
        if u.is_question or u.idx in self.used or u.idx in self.decided:
            return False
        if self._restating_close(u):
            return True
        if cues.TENTATIVE.search(u.low) or cues.NEXT_MEETING.search(u.low):
            return False
        pointing = _POINTING.match(u.low) is not None
        echo = None if pointing else _ECHO.match(u.low)
        if not pointing and (echo is None or _VERBISH.search(echo.group("np")) or u.text.rstrip().endswith("!")):
            return False  # "Sextiofem!": a surprise, not a close
        if echo is not None and not content_words(echo.group("np")) and not _numbers(echo.group("np")):
            return False
        own = [v for v in self.utts[max(0, u.idx - 3) : u.idx] if v.turn == u.turn]
        if len(own) > 1 or any(v.idx in self.decided or v.idx in self.used or weight(v.text) > 1 for v in own):
            return False  # the close opens its turn ("Bra. Så blir det."), after nothing recorded or said of weight
        before = next((v for v in reversed(self.utts[: u.idx]) if v.turn != u.turn), None)
        if before is not None and before.is_question and not own:
            return False  # "Okej?" - "Kör.": an answer to a call, which the call's own rules read
        later = [v for v in self.utts[u.idx + 1 : u.idx + 4] if v.turn == u.turn]
        if echo is not None and any(_OWN_CLOSE.match(v.low) for v in later):
            return False  # "Trehundra. Okej. Då tar vi det för vårens kurs.": the turn's own close says it
        found = self._proposal_pointed_at(u, echo.group("np") if echo else None)
        stated = self._stated_after(u) if pointing else None
        if found is None and (stated is None or not self._answered_round(u)):
            return False  # "Då kör vi. Karin Wallin kommer i april, ...": after a round of answers, said in full
        proposal, matter = found if found is not None else (None, "")
        said = [u] if proposal is None else [proposal, u]
        if stated is not None:  # "Då gör vi så. Från och med mars skickar vi sms dagen innan, ...": said in full
            matter = stated[1]
            said.append(stated[0])
        self._add_decision(matter, proposal or u, said, 0.6, WHY)
        self.used.update(v.idx for v in said)
        return True

    def _answered_round(self, u: Utt) -> bool:
        """Two or more others answered in the turns just before the close, none of them objecting."""
        turns = [v for v in self._window(u, back=8) if v.turn != u.turn][:6]
        others = {v.speaker for v in turns if v.speaker != u.speaker}
        return len(others) >= 2 and not any(_OBJECTING.search(v.low) for v in turns if v.speaker != u.speaker)

    def _restating_close(self, u: Utt) -> bool:
        """'Jag tycker inte att vi ska lägga något anbud ...' - ... - 'Då lämnar vi inget anbud.': a later turn that
        says again, as the group's, what a proposal put (two of its content words or figures), once the room let it
        stand; the decision is in the closer's words, the evidence on both."""
        own = [v for v in self.utts[max(0, u.idx - 3) : u.idx] if v.turn == u.turn]
        if len(own) > 1 or any(weight(v.text) > 1 or v.is_question for v in own):
            return False  # the close opens its turn, after no more than "Ja." or "Okej."
        lead = _RESTATE_LEAD.match(u.low)
        body = u.text[lead.end() if lead else 0 :].strip()
        low = body.lower()
        if re.match(r"^(?:om|ifall|när|men|fast|jag|du|ni|[\w-]+,)\b", low) or weight(body) < 2:
            return False
        if cues.TENTATIVE.search(low) or cues.HEDGE.search(low.replace(" inte ", " ")) or cues.REPORTED.search(low):
            return False
        fronted = bool(lead and re.search(r"\b(?:då|så|alltså)\b", lead.group(0))) or low.startswith("från och med")
        inverted = _INVERTED.match(low) is not None and fronted  # "Tar vi tjuren första dagen, så ...": a condition
        we = _WE.match(low)
        if not (we or inverted or _NONE_DO.match(low) or _NONE_AFTER.search(low)):
            return False  # the group's statement ("vi stänger ...", "lämnar vi inget ...", "går ingen in ensam")
        if (we is not None and we.group("v") in _NOT_STATED) or any(_OBJECTING.search(v.low) for v in own):
            return False  # "Vänta. Vi får LOK-stöd ...": what the group has or gets, said against the proposal
        if re.match(r"^(?:då\s+|så\s+)?(?:väljer|utser)\b", low):
            return False  # an election or the protokoll's roles: the election rules read them
        names = stems(" ".join(re.findall(r"\b[A-ZÅÄÖ][\w-]+", body[1:])))
        said = (stems(body) - names) | _numbers(body)  # a name shared is no matter shared
        turns: list[int] = []
        for v in self._window(u, back=10):
            if v.turn == u.turn:
                continue
            turns += [] if v.turn in turns else [v.turn]
            if len(turns) > 4 or v.idx in self.used or v.idx in self.decided:
                return False
            m = _PROPOSING.match(v.low)
            if m is None or v.is_question:
                continue
            headed = re.search(r"\b(?:jag|om\s+ingen)\b", v.low[: m.start("rest")]) is not None
            shared = len(said & (stems(v.text) | _numbers(v.text)))
            if shared < (1 if headed else 2) or _opinion(v.low, m):
                continue  # a plan said in passing is restated with two of its own words
            if v.speaker == u.speaker and not fronted:
                return False  # the proposer saying the plan again after an answer amends it; a close says "då"
            if not self._room_let_stand(v, u, False):
                return False
            text = self._matter_text(u, strip_tail(body).rstrip(" .!,"), False)
            self._add_decision(text, v, [v, *own, u], 0.6, WHY)
            self.used.update(x.idx for x in [v, *own, u])
            return True
        return False

    def _stated_after(self, u: Utt) -> tuple[Utt, str] | None:
        """The group's statement right after the close in its turn, which says the matter in the closer's words."""
        nxt = self.utts[u.idx + 1] if u.idx + 1 < len(self.utts) else None
        if nxt is None or nxt.turn != u.turn or nxt.is_question or nxt.idx in self.decided or nxt.idx in self.used:
            return None
        low = nxt.low
        if cues.TENTATIVE.search(low) or cues.REPORTED.search(low) or cues.AGENDA_TALK.search(low):
            return None
        rest = strip_tail(nxt.text).rstrip(" .!,")
        m = _INVERTED.match(low) if low.startswith(("från och med", "så från och med")) else _WE.match(low)
        if m is not None:
            return None if m.group("v") in _NOT_STATED else (nxt, self._matter_text(nxt, rest, False))
        if re.match(r"^(?:det|den|de|dom|jag|du|ni|han|hon|man|och|men|[\w-]+,)\b", low) or weight(rest) < 3:
            return None  # "Karin Wallin kommer i april, hundra kronor i inträde": a matter named, not a remark
        raised = any(stems(rest) & stems(v.text) for v in self._window(u, back=14) if v.speaker != u.speaker)
        return (nxt, capitalise(first_person(rest, nxt.name)) + ".") if raised else None

    def _proposal_pointed_at(self, u: Utt, echoed: str | None) -> tuple[Utt, str] | None:
        """The latest proposal before the close in another turn, its matter, when the room let it stand."""
        turns_back: list[int] = []
        for v in self._window(u, back=10):
            if v.turn == u.turn:
                continue
            if v.turn not in turns_back:
                turns_back.append(v.turn)
            if len(turns_back) > 5:
                return None
            if v.idx in self.used or v.idx in self.decided:
                return None  # settled already: the close adds nothing of its own
            m = _PROPOSING.match(v.low)
            if m is None or v.is_question or cues.REPORTED.search(v.low) or _opinion(v.low, m):
                continue
            rest = _REASON.sub("", strip_tail(v.text[m.start("rest") :])).rstrip(" .!,")
            if len(content_words(rest)) + len(_numbers(rest)) < 2:
                continue
            head = v.low[: m.start("rest")]
            call = "om ingen" in head  # "Om ingen säger något så sätter vi ...": a "nej" assents
            if echoed is not None:
                said = stems(echoed) | _numbers(echoed)
                if not said or not said <= (stems(v.text) | _numbers(v.text)):
                    continue  # the echo names what this proposal said, or it is no echo of it
                if not re.search(r"\b(?:jag|om\s+ingen)\b", head) or (v.speaker == u.speaker and not call):
                    return None  # an echo of a report, or the proposer repeating a heading of their own
            if not self._room_let_stand(v, u, call):
                return None
            if _BARE.match(u.low) and any(x.turn not in (v.turn, u.turn) for x in self.utts[v.idx + 1 : u.idx]):
                return None  # a bare "Kör." answers the turn before it, not a proposal further back
            return v, self._matter_text(v, rest, bool(m.group("neg")))
        return None

    def _room_let_stand(self, proposal: Utt, u: Utt, call: bool) -> bool:
        """Someone other than the proposer answers or closes, and the last answer before the close objects not
        (after a call for objections, a "Nej." is no objection)."""
        between = [v for v in self.utts[proposal.idx + 1 : u.idx] if v.turn != proposal.turn and v.turn != u.turn]
        others = {v.speaker for v in between if v.speaker != proposal.speaker}
        if u.speaker == proposal.speaker and not others:
            return False  # the proposer alone: a plan, not a close
        if any(v.idx in self.decided or v.idx in self.used for v in between):
            return False
        if call:
            return not any(v.is_question is False and re.match(r"^(?:men|fast|vänta)\b", v.low) for v in between)
        last = [v for v in between if v.turn == between[-1].turn] if between else []
        return not any(v.is_question or _OBJECTING.search(v.low) for v in last)  # the last answer asks or objects

    def _matter_text(self, v: Utt, rest: str, neg: bool) -> str:
        """The proposal as the minutes say it: the group's verb as an att-clause, else the matter itself."""
        low = rest.lower()
        if (m := _INVERTED.match(low)) is not None:
            when = f"från och med {m.group('when')} " if m.group("when") else ""
            said = rest[m.start("rest") :]
            if m.group("who") == "jag":  # "om ingen har något emot det kör jag från första lördagen i april"
                return capitalise(f"{when}{v.name or 'jag'} {m.group('v')} {m.group('neg') or ''}{said}") + "."
            neg_word = "inte " if (neg or m.group("neg")) else ""
            clause = group_clause(m.group("v"), said, neg_word)
            return decision_sentence(first_person(f"att {when}{clause[4:]}", v.name))
        if (m := _WE.match(low)) is not None:
            neg_word = "inte " if (neg or m.group("neg") or m.group("neg2")) else ""
            verb = m.group("v")
            clause = (
                f"att {neg_word}{verb} {rest[m.start('rest') :]}"
                if verb.endswith("a")
                else group_clause(verb, rest[m.start("rest") :], neg_word)
            )
            return decision_sentence(first_person(clause, v.name))
        return capitalise(first_person(rest, v.name)) + "."
