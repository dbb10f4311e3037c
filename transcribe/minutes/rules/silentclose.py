"""A plan put to the room with a call for objections, closed by the caller when none came.

The one who leads states the plan (often without a verb), asks whether anyone objects and, after a "Nej."
from the room or a pause they end themselves with "Ingen.", closes: "Salt på busslinjerna och vid skolorna,
grus på allt annat. Säger någon emot?" - "Ingen. Då är det så."; "Alltid två i båten, från i dag och framåt.
Säger någon emot?" - "Nej." - "Då är det så. Sammanfattning. ...". The decision is the plan said before the
call in the caller's turn (the speaker's own task and a pointer such as "Då gör vi som jag sa." left out), else
the course said right after the close ("Säger någon emot? Nej. Då är det vår regel från och med i dag. Inga
händer ...").

A close whose call someone answered with more than a short no, or a call that is not the caller's, is left to
the other rules. Flagged: said without a decision word.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.phrasing import first_person, strip_tail, we_decision
from transcribe.minutes.rules.acceptance import weight
from transcribe.minutes.rules.utterances import Utt, personal_commitment, stems
from transcribe.sv.text import capitalise

WHY = "Beslutet uttrycktes utan beslutsord"
_OPEN = r"^(?:(?:och|så|då|okej|ok|bra|ja)\b[\s,]*)*"
# "Säger någon emot?", "Har någon invändningar?", "Någon som är emot?", "Ingen som säger emot?", "Inga invändningar?"
_OBJECTION_CALL = re.compile(
    _OPEN + r"(?:(?:säger|är|har|tycker)\s+(?:någon|några|ni)\s+(?:något\s+)?(?:emot|nej|invändningar|annorlunda)"
    r"|(?:någon|några|ingen|inga)\s+(?:som\s+(?:är|har\s+något|säger)\s+)?(?:emot|invändningar)"
    r"|(?:protesterar|invänder)\s+(?:någon|några))(?:\s+(?:det|mot\s+det))?\s*\?$"
    r"|^[\w-]+\s+(?:någon|några)\s+(?:något\s+)?emot\s*\?$"  # whatever verb was heard: "<Mest> någon emot?"
)
# No objection, said by the room or by the caller after a pause: "Nej.", "Ingen.", "Inga invändningar."
_NONE = re.compile(r"^(?:nej|nä|ingen|inga|ingen\s+invändning|inga\s+invändningar|ingen\s+alls)\s*[.!]?$")
# The caller's close: "Då är det så.", "Ingen. Då är det bestämt.", "Då gäller det.", "Då är det vår regel ..."
_CLOSE = re.compile(
    r"^(?:(?:nej|ingen|inga|bra|okej|ok)\b[\s,.!]*)*(?:då|så)\s+(?:är\s+det\s+(?:så|bestämt|beslutat|klubbat|spikat"
    r"|(?:vår|vårt)\s+(?:regel|beslut|gräns|linje))|har\s+vi\s+det\s+så|gäller\s+det|kör\s+vi\s+(?:så|på\s+det)"
    r"|gör\s+vi\s+så)(?:\s+(?:då|alltså|från\s+(?:och\s+med\s+)?(?:i\s+dag|nu|i\s+kväll)))?\s*[.!]?$"
)
# The close heard with its first word misheard: "<För> är det så." (the word marked unsure)
_CLOSE_HEARD = re.compile(r"^(?P<w>[\w-]+)\s+(?:är\s+det\s+(?:så|bestämt|beslutat)|har\s+vi\s+det\s+så)\s*[.!]?$")
# The proposer's close after a pause: "Från måndag då.", "Så. Det gäller från och med i dag."
_FROM_NOW = re.compile(
    r"^(?:(?:och|så)\s+)?(?:det\s+gäller\s+)?(?P<when>från\s+(?:och\s+med\s+)?(?:i\s+dag|nu|i\s+morgon|nästa\s+vecka|"
    r"(?:nästa\s+)?(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)|första\s+\w+|januari|februari|mars|april|"
    r"maj|juni|juli|augusti|september|oktober|november|december))(?:\s+då)?\s*[.!]?$"
)
# The caller's own answer to her call for objections, after a pause: "Ingen som säger emot? Bra."
_BARE_CLOSE = re.compile(r"^(?:bra|okej|ok|skönt|fint|toppen)\s*[.!]?$")
# A plan put: the clause of a wish or intention, "Jag vill att rapporten är skriven ...", "Jag tänker att vi ..."
_WISH = re.compile(r"^(?:(?:och|men|så)\s+)?jag\s+(?:vill|tänker|tänkte|föreslår)\s+att\s+(?P<plan>\S.*)$")
# ... or a plan with "vi" as its subject: "Vi kör med den elektriska ...", "Den tar vi inte in ..."
_WE_PLAN = re.compile(
    r"^(?:(?:och|men|så)\s+)?(?P<plan>(?:vi\s+[a-zåäö]+r|(?!(?:då|så|det|sen|nu)\b)(?:[\w-]+\s+){1,3}[a-zåäö]+r\s+vi)\b.*)$"
)  # never "Då skriver vi på.": a close, no plan
_IF = re.compile(r"\b(?:om|ifall|kanske|skulle)\b")
# A rule from a time on: "Från i dag har alla munskydd när de slipar, ...", "Från och med måndag går vi två ..."
_RULE_FROM = re.compile(r"^(?:och\s+)?från\s+(?:och\s+med\s+)?(?:i\s+dag|nu|i\s+morgon|måndag|nästa\s+\w+)\s+\w+r\s+\S")
# Not the plan: the speaker's assent, a reason, a task for someone, the meeting's order
_NOT_PLAN = re.compile(
    r"^(?:(?:och|men)\s+)?(?:du\s+har\s+rätt|det\s+(?:är|var|låter)\b|för\s+att|eftersom|jag\b|du\b|ni\b|"
    r"sammanfatt\w*|nästa\b|tack\b)|^[\w-]+,\s+(?:du|ni|kan|vill)\b"
)


def plan_text(text: str, name: str | None) -> str:
    """A plan as the minutes state it: 'vi <verb> ...' as the meeting's decision, any other statement as said."""
    said = strip_tail(re.sub(r"^(?:(?:då|så|och|alltså)\b[\s,]*)+", "", text.strip(), flags=re.I)).strip(" ,.!")
    return we_decision(said[:1].lower() + said[1:], name) or capitalise(first_person(said, name)) + "."


class SilentCloses:
    """A plan put with a call for objections and closed by the caller; a RuleState mixin."""

    def _silent_close(self, u: Utt) -> bool:
        if u.is_question or u.idx in self.used or u.idx in self.decided:
            return False
        if not self._cue_heard(u, _CLOSE, _CLOSE_HEARD):
            return self._paused_close(u)
        call = self._objection_call(u)
        if call is None:
            return self._unfilled_pause(u)
        plan = self._plan_before(call) or self._course_after_close(u)
        if not plan or not self.spoken_on(call, " ".join(v.text for v in plan)):
            return False
        text = " ".join(plan_text(v.text, v.name) for v in plan)
        said = sorted({v.idx: v for v in [*plan, *self.utts[call.idx : u.idx + 1]]}.values(), key=lambda v: v.idx)
        self._add_decision(text, plan[0], said, 0.6, WHY)
        self.used.update(v.idx for v in said)
        return True

    def _paused_close(self, u: Utt) -> bool:
        """The proposer's own close after a pause nobody filled: a time from now on after her plan ("Jag tänker att
        vi flyttar kvällsmjölkningen till sex." - "Från måndag då."), or "Bra." after her own call for objections
        ("... Vi kör med den elektriska i kylrummet." - "Ingen som säger emot? Bra. Dieseln stannar ute på kajen.")."""
        when = _FROM_NOW.match(u.low)
        call = self.utts[u.idx - 1] if u.idx else None
        if when is None and not (
            _BARE_CLOSE.match(u.low) and call is not None and call.turn == u.turn and _OBJECTION_CALL.match(call.low)
        ):
            return False
        own = self._own_before(call if when is None else u)
        plans = [v for v in own if self._paused_plan(v.low) is not None][:2][::-1]  # the plan's sentences, in order
        if not plans or any(v.idx in self.decided or v.idx in self.used for v in plans):
            return False
        plan, texts = plans[0], []
        for v in plans:
            said = self._paused_plan(v.low) or ""
            texts.append(plan_text(v.text[len(v.text) - len(v.low) + v.low.rindex(said) :], v.name))
        after = self._course_after_close(u) if when is None else []
        if when is not None:
            texts[-1] = f"{texts[-1][:-1]}, {when.group('when')}."
        text = " ".join([*texts, *(plan_text(v.text, v.name) for v in after)])
        utts = sorted({v.idx: v for v in [plan, *self.utts[plan.idx + 1 : u.idx + 1], *after]}.values(),
                      key=lambda v: v.idx)  # fmt: skip
        self._add_decision(text, plan, utts, 0.6, WHY)
        self.used.update(v.idx for v in utts)
        return True

    def _unfilled_pause(self, u: Utt) -> bool:
        """The leader's rule ending her turn, a pause nobody filled and her close opening the next: "... Från i dag
        har alla munskydd när de slipar, och utsuget på. Alltid." - "Bra. Då är det så." The room's silence is its
        assent; the rule is what was decided."""
        before = [v for v in self.utts[max(0, u.idx - 2) : u.idx] if v.turn == u.turn]
        if any(not _BARE_CLOSE.match(v.low) for v in before) or u.speaker != self.talk_leader():
            return False  # the close must open its turn, behind a bare "Bra." at most
        first = before[0] if before else u
        own = self._own_before(first)
        if not own or own[0].turn == first.turn:
            return False  # another spoke between, or no pause: the call rules read it
        rule = next((v for v in own[:3] if _RULE_FROM.match(v.low) or _WE_PLAN.match(v.low)), None)
        if rule is None or rule.is_question or rule.idx in self.used or rule.idx in self.decided:
            return False
        if cues.HEDGE.search(rule.low) or cues.TENTATIVE.search(rule.low) or _IF.search(rule.low):
            return False
        utts = self.utts[rule.idx : u.idx + 1]
        self._add_decision(plan_text(rule.text, rule.name), rule, utts, 0.6, WHY)
        self.used.update(v.idx for v in utts)
        return True

    def _own_before(self, u: Utt) -> list[Utt]:
        """The speaker's own sentences just before `u`, newest first, back to another speaker's (at most four)."""
        out: list[Utt] = []
        for v in reversed(self.utts[max(0, u.idx - 4) : u.idx]):
            if v.speaker != u.speaker:
                break
            out.append(v)
        return out

    @staticmethod
    def _paused_plan(low: str) -> str | None:
        """The plan in a sentence: the clause of 'jag vill att ...', or a plan with 'vi' as said; None for none."""
        if cues.HEDGE.search(low) or low.rstrip().endswith("?") or _IF.search(low):
            return None
        m = _WISH.match(low) or _WE_PLAN.match(low)
        return m.group("plan") if m is not None and weight(m.group("plan")) >= 1 else None

    def _objection_call(self, u: Utt) -> Utt | None:
        """The caller's call for objections just before the close, with nothing but short no's between."""
        for v in reversed(self.utts[max(0, u.idx - 4) : u.idx]):
            if v.speaker == u.speaker and v.is_question:
                return v if _OBJECTION_CALL.match(v.low) else None
            if not _NONE.match(v.low.strip()):
                return None  # "Ja, jag.", "Vänta, ...": someone objected or went on
        return None

    def _cue_heard(self, u: Utt, said: re.Pattern[str], heard: re.Pattern[str]) -> bool:
        """The cue as said, or under recognition errors with its first word heard unsure."""
        if said.match(u.low):
            return True
        m = heard.match(u.low) if self.robust else None
        return m is not None and u.uncertain(m.group("w"))

    def _plan_before(self, call: Utt) -> list[Utt]:
        """The plan in the caller's turn before the call; the caller's own task between them left out."""
        plan: list[Utt] = []
        for v in reversed(self.utts[max(0, call.idx - 4) : call.idx]):
            if v.turn == call.turn and v.idx in self.decided and not plan and not v.is_question:
                return [v]  # read already as a ruling: the call and the close are more of its evidence
            if v.turn != call.turn or v.is_question or v.idx in self.used or v.idx in self.decided:
                break
            low = re.sub(r"^(?:(?:och|så|alltså)\b[\s,]*)", "", v.low)
            if personal_commitment(low) and not plan:
                continue  # "Jag köper in de tunna som inte kliar.": the caller's task, not the plan
            if _NOT_PLAN.match(low) or weight(v.text) < 2 or cues.HEDGE.search(low) or cues.TENTATIVE.search(low):
                break
            plan.insert(0, v)
            if len(plan) == 2:
                break
        return plan

    def _course_after_close(self, u: Utt) -> list[Utt]:
        """'Då är det vår regel från och med i dag. Inga händer eller ansikten ...': the course said after."""
        nxt = self.utts[u.idx + 1] if u.idx + 1 < len(self.utts) else None
        if nxt is None or nxt.turn != u.turn or nxt.is_question or nxt.idx in self.used or nxt.idx in self.decided:
            return []
        low = re.sub(r"^(?:(?:och|så|alltså)\b[\s,]*)", "", nxt.low)
        if _NOT_PLAN.match(low) or weight(nxt.text) < 2 or personal_commitment(low):
            return []
        return [nxt]

    def spoken_on(self, u: Utt, text: str, back: int = 14) -> bool:
        """A matter of the meeting's: someone else spoke on it before `u`, or `u`'s speaker raised it in an earlier
        turn and another answered before `u` ("Tills dess åker ingen ut ensam. Alltid två i båten." - "Det borde vi
        ha alltid, inte bara nu." - "Du har rätt. Alltid två i båten, ...")."""
        mine = stems(text)
        window = self._window(u, back=back)
        if any(mine & stems(v.text) for v in window if v.speaker != u.speaker):
            return True
        own = [v.idx for v in window if v.speaker == u.speaker and v.turn != u.turn and mine & stems(v.text)]
        return bool(own) and any(v.speaker != u.speaker and v.idx > min(own) for v in window)
