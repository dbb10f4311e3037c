"""How the one who settles closes a discussion in their own turn, the matter said in the same turn.

- A short close, then the course: "Då backar vi. Ingen orkester för åttatusen. Vi frågar skolkören i stället
  ...", "Då får det vara. ... Femhundrafyrtionio hela säsongen, ...", "Ett litet äventyr. Vi gör det. Booking i
  år, sen bara vår egen sida från nästa år.", "Då gäller det från i kväll. Dörren stängs klockan elva, ..." - the
  decision is the course said after it (a reason in between is left out).
- A member's promise undone and replaced: "Det där är inte ditt att lova, Håkan. ... Han får veckan för halva
  priset ...", "... det kan inte du säga ja till ... Ingen journalist kommer in när vi har öppet." - the
  decision is the rule or permission set instead.
- The group's plan said plainly by the one who leads, closing a discussion: followed in the same turn by the
  task it gives ("Vi gör om räcket, gratis, med rätt färg. Johanna, du tar det, ..."; "Då köper vi en ny, det
  är inget att diskutera, ... Hanna, du beställer."), or after weighing the others by name ("Johanna, Stina,
  Kalle vill köpa. Mehmet vill hyra. ... Vi köper en ny.").

Never a question, a condition, a hedge or a report; the course must be on a matter others spoke on. Flagged:
said without a decision word.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.phrasing import decision_sentence, first_person, strip_tail, to_infinitive
from transcribe.minutes.rules.utterances import Utt, stems
from transcribe.sv.text import capitalise, content_words

WHY = "Beslutet uttrycktes utan beslutsord"
_SHORT_CLOSE = re.compile(
    r"^(?:(?:ja|okej|ok|bra)\b[\s,.!]*)*(?:då\s+backar\s+vi|(?:då|så)\s+får\s+det\s+vara|vi\s+gör\s+det|"
    r"(?:då|så)\s+gäller\s+det(?:\s+från\s+(?:och\s+med\s+)?[\w\s]+)?)\s*[.!]$"
)
_NOT_YOURS = re.compile(
    r"\binte\s+(?:ditt|din|ert|er)\s+(?:att\s+(?:lova|bestämma)|sak|beslut)\b|"
    r"\bkan\s+(?:inte\s+du|du\s+inte)\s+(?:lova|säga\s+ja|bestämma)\b"
)
# The course set instead of a member's promise: a rule about no one, a permission to the one concerned
_INSTEAD = re.compile(
    r"^(?:men\s+)?(?:(?:ingen|inga|inget)\s+[a-zåäö-]+\s+[a-zåäö]+(?:ar|er|ör|år)\b|"
    r"(?!det\b)(?:han|hon|de|dom|[a-zåäö]+)\s+får\s+(?!inte\b)\w)"
)
_CONCLUDED = re.compile(
    r"^(?:så|alltså)\s+(?!(?:vi|det|jag|du|ni)\b)[\w-]+(?:\s+[\w-]+)?\s+[a-zåäö]+(?:ar|er|ör|år|yr)\s+inte\s+\w"
)
# A reason or an argument between the close and the course: "Vi kan inte ha ett pris i katalogen ..."
_REASON = re.compile(r"^(?:för|eftersom|annars|det\s+är|det\s+var|vi\s+(?:kan|har|är|måste)\b)")
_NOT_COURSE = re.compile(r"^(?:jag|du|ni|och\s+[A-ZÅÄÖa-zåäö]+,|tack|nästa|vem|vad|hur)\b|^[\w-]+,\s+(?:du|ni)\b")
_TASK = re.compile(r"^(?:och\s+)?[A-ZÅÄÖ][a-zåäö-]+,\s+(?:du|ni)\s+\w+")
_PLAIN_PLAN = re.compile(
    r"^(?:(?:okej|ok|bra|ja)\b[\s,.!]*)*(?:vi\s+(?P<v>[a-zåäö]+(?:ar|er|ör|år|yr))|(?:då|så)\s+(?P<v2>[a-zåäö]+"
    r"(?:ar|er|ör|år|yr))\s+vi)\s+(?P<rest>(?!(?:det|så|inte|nog|också|bara)\b)\w[^?]*)$"
)
_NOT_PLANS = frozenset(
    "har ska kan får vill måste behöver tycker tror vet ser hör är går kommer blir hoppas undrar pratar säger "
    "tar tittar väntar sätter börjar fortsätter ses träffas kör löser äger heter kostar betyder".split()
)
# A figure or name with a settling formula, echoing a proposal said before: "Trettio får det bli."
_ECHO_SETTLE = re.compile(
    r"^(?:(?:ja|okej|ok|bra)\b[\s,.!]*)*(?P<np>(?!(?:det|så|då|vi|jag|du|ni|han|hon|den|inget|ingen|inga)\b)"
    r"[\w-]+(?:\s+[\w-]+){0,2}?)\s+får\s+det\s+(?:bli|vara)(?:\s+då)?\s*[.!]$"
)
_PROPOSAL_LEAD = re.compile(
    r"^(?:(?:okej|ok|bra|ja)\b[\s,.!]*)*(?:vi\s+säger\s+så\s+här|mitt\s+förslag(?:\s+är)?)\s*:\s*", re.IGNORECASE
)
# An invitation or an offer answered: "Okej, så vi säger ja till Hjo med två vagnar, ..."
_ANSWER = re.compile(
    r"^(?:(?:okej|ok|bra|ja)\b[\s,.!]*)*(?:så\s+|då\s+)?vi\s+säger\s+(?P<yes>ja|nej)\s+till\s+(?P<rest>\w[^?]*)$"
)
# The group's next statement in the same turn: "Bron packar vi i lådan ...", "Vi tar med stegen också."
_GROUP_SAYS = re.compile(
    r"^(?:och\s+)?(?:vi\s+[a-zåäö]+(?:ar|er|ör|år|yr)\b|[\w-]+\s+[a-zåäö]+(?:ar|er|ör|år|yr)\s+vi\b)"
)
_CONDITION = re.compile(r"^(?:(?:men|och)\s+)?(?:om|ifall|när|innan)\b|\b(?:om|ifall)\s+(?:vi|det|ni)\b")


class LeadCloses:
    """Closes in the settler's own turn, recorded into the shared state (a RuleState mixin)."""

    def _lead_close(self, u: Utt) -> bool:
        if u.is_question or u.idx in self.used or u.idx in self.decided:
            return False
        if cues.TENTATIVE.search(u.low) or cues.REPORTED.search(u.low) or self.turn_left_open(u):
            return False
        return (
            self._short_close(u)
            or self._promise_undone(u)
            or self._plain_plan(u)
            or self._echo_settle(u)
            or self._answered_offer(u)
        )

    def _turn_after(self, u: Utt, n: int = 4) -> list[Utt]:
        return [v for v in self.utts[u.idx + 1 : u.idx + 1 + n] if v.turn == u.turn]

    def _discussed(self, u: Utt, text: str, back: int = 12, own: bool = False) -> bool:
        """Another speaker spoke on it just before (or, with `own`, the speaker in an earlier turn, then
        answered by others)."""
        mine = stems(text)
        window = self._window(u, back=back)
        if any(mine & stems(v.text) for v in window if v.speaker != u.speaker):
            return True
        answered = {v.speaker for v in window if v.speaker != u.speaker}
        return own and bool(answered) and any(len(mine & stems(v.text)) >= 2 for v in window if v.turn != u.turn)

    def _course_after(self, u: Utt) -> list[Utt]:
        """The statements of the course after a close in its turn, a reason between them left out."""
        out: list[Utt] = []
        for v in self._turn_after(u, 3):
            low = re.sub(r"^(?:(?:så|och|då|alltså)\b[\s,:]*)", "", v.low)
            if v.is_question or v.idx in self.used or v.idx in self.decided or _NOT_COURSE.match(low):
                break
            if _TASK.match(v.text) or cues.NEXT_MEETING.search(low) or cues.TENTATIVE.search(low):
                break
            if self._named_person(low.split()[0]) is not None:
                break  # "Yuki säger det till alla tränare.": a task for someone, not the course
            if _REASON.match(low) and not out:
                continue
            if len(content_words(v.text)) + bool(cues.NEG.search(low)) < 2:
                break  # "Ingen orkester i år.": the negation carries the course
            out.append(v)
            if len(out) == 2:
                break
        return out

    def _record_course(self, u: Utt, course: list[Utt], lead: list[Utt]) -> bool:
        text = " ".join(capitalise(strip_tail(first_person(v.text, u.name)).rstrip(" ,.!")) + "." for v in course)
        said = [*lead, *course]
        self._add_decision(text, u, said, 0.55, WHY)
        self.used.update(v.idx for v in said)
        return True

    def _short_close(self, u: Utt) -> bool:
        """'Då backar vi. Ingen orkester för åttatusen. ...': the course after a short close."""
        if not _SHORT_CLOSE.match(u.low):
            return False
        others = [v for v in self._window(u, back=8) if v.speaker != u.speaker]
        if len({v.speaker for v in others}) < 1:
            return False
        course = self._course_after(u)
        if not course or not self._discussed(u, " ".join(v.text for v in course), back=20, own=True):
            return False
        return self._record_course(u, course, [u])

    def _echo_settle(self, u: Utt) -> bool:
        """'Trettio får det bli.' ending the turn, after a proposal said before and answered by others."""
        m = _ECHO_SETTLE.match(u.low)
        if m is None or self._turn_after(u, 1):
            return False
        echoed = stems(m.group("np")) | set(re.findall(r"[a-zåäö]+", m.group("np")))
        for v in self._window(u, back=10):
            if v.idx in self.decided or v.is_question:
                continue
            body = _PROPOSAL_LEAD.sub("", v.text)
            if body == v.text and v.speaker == u.speaker:
                continue  # the settler's own plan only when put as one ("Vi säger så här: ...")
            words = stems(body) | set(re.findall(r"[a-zåäö]+", body.lower()))
            if not echoed <= words or len(content_words(body)) < 3:
                continue
            between = {x.speaker for x in self.utts[v.idx + 1 : u.idx] if x.turn != v.turn}
            if not between - {v.speaker}:
                return False
            text = capitalise(strip_tail(first_person(body, v.name)).rstrip(" ,.!")) + "."
            self._add_decision(text, v, [v, u], 0.55, WHY)
            self.used.update((v.idx, u.idx))
            return True
        return False

    def _answered_offer(self, u: Utt) -> bool:
        """'Okej, så vi säger ja till Hjo med två vagnar, burgarna och Linh.': an invitation answered."""
        m = _ANSWER.match(u.low)
        if m is None or _CONDITION.search(u.low):
            return False
        rest = strip_tail(u.text[len(u.text) - len(u.low) + m.start("rest") :]).rstrip(" ,.!")
        if not self._discussed(u, rest):
            return False
        clause = first_person(f"att säga {m.group('yes')} till {rest}", u.name)
        self._add_decision(decision_sentence(clause), u, [u], 0.55, WHY)
        self.used.add(u.idx)
        return True

    def _promise_undone(self, u: Utt) -> bool:
        """'Det där är inte ditt att lova, Håkan. ... Han får veckan för halva priset ...'."""
        if not _NOT_YOURS.search(u.low):
            return False
        course = [v for v in self._turn_after(u, 4) if _INSTEAD.match(v.low) and not v.is_question]
        if not course:  # the one who undid it sums up a few turns later: "Så föreningen sponsrar inte avslutningen."
            later = [v for v in self.utts[u.idx + 1 : u.idx + 9] if v.turn != u.turn and v.speaker == u.speaker]
            course = [v for v in later[:1] if _CONCLUDED.match(v.low) and not v.is_question]
        if not course or any(v.idx in self.used or v.idx in self.decided for v in course):
            return False
        self.used.update(range(u.idx + 1, course[0].idx))  # the reasons between: part of the undoing
        return self._record_course(u, course[:2], [u])

    def _plain_plan(self, u: Utt) -> bool:
        """'Vi köper en ny.' by the one who leads: a task follows, or the others were weighed by name."""
        if u.speaker != self.talk_leader() or _CONDITION.search(u.low) or cues.HEDGE.search(u.low):
            return False
        m = _PLAIN_PLAN.match(u.low)
        verb = m and (m.group("v") or m.group("v2"))
        if m is None or verb in _NOT_PLANS:
            return False
        others = {v.speaker for v in self._window(u, back=10) if v.speaker != u.speaker}
        if len(others) < 2:
            return False
        after = self._turn_after(u, 2)
        tasked = any(_TASK.match(v.text) for v in after)
        own = [v for v in self.utts[max(0, u.idx - 4) : u.idx] if v.turn == u.turn]
        named = {n for v in own for n in re.findall(r"\b[A-ZÅÄÖ][a-zåäö]+\b", v.text) if n.lower() in self.names}
        if not (tasked or (len(named) >= 2 and not after)):
            return False
        rest = strip_tail(u.text[len(u.text) - len(u.low) + m.start("rest") :]).rstrip(" ,.!")
        rest = re.split(r",\s+(?:det\s+är|annars|för|eftersom)\b", rest)[0]
        text = decision_sentence(first_person(f"att {to_infinitive(verb)} {rest}", u.name))
        said = [u]
        nxt = after[0] if after else None
        if nxt is not None and not nxt.is_question and _GROUP_SAYS.match(nxt.low) and nxt.idx not in self.decided:
            said.append(nxt)  # "... Bron packar vi i lådan med skumgummi.": the same plan's next part
            text = f"{text} {capitalise(strip_tail(first_person(nxt.text, u.name)).rstrip(' ,.!'))}."
        self._add_decision(text, u, said, 0.55, WHY)
        self.used.update(v.idx for v in said)
        return True
