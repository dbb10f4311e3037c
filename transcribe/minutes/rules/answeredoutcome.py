"""The outcome the one who leads states once the room has answered a matter put to it.

A matter is put to the room (a question, a call to raise hands, a request passed on: "Vad säger ni om Alva?",
"Räck upp handen om ni vill ha Hakkas varannan tisdag.", "Arrangörerna frågar om bokbussen kan stå på torget"),
the others answer yes or one offers to do it ("Ja, hon är söt.", "Ja, upp med den.", "Jag kör."), and the leader
says how it will be with the matter as its subject: "Då blir Alva lucia.", "Alla tre. Då får Hakkas en hållplats
vid skolan ...", "Då står bokbussen på torget på vinterfesten, ..., och Göran kör." The decision is that
statement with its subject first.

Only the leader of the talk, only with a named or definite subject that the matter put to the room named, never
a question, a condition or a hedge, and never after a refusal. Flagged: said without a decision word.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.phrasing import first_person, strip_tail
from transcribe.minutes.rules.utterances import Utt, is_agreement, stems
from transcribe.sv.text import capitalise, content_words

WHY = "Beslutet uttrycktes utan beslutsord"
# "Då får Hakkas en hållplats ...", "Då blir Alva lucia.", "Då står bokbussen på torget ..."
_THEN = re.compile(
    r"^(?:(?:ja|okej|ok|bra)\b[\s,.!]*)*då\s+(?P<v>[a-zåäö]{2,}(?:ar|er|ör|år|r))\s+"
    r"(?P<np>[\w-]{3,})\s+(?P<rest>\S.*)$"
)
_DEFINITE = re.compile(r"[a-zåäö-]{3,}(?:en|et|na|an)$")
# State, ability and saying: "Då kan Alva ...", "Då är bussen full", "Då har Göran ..."
_NOT_OUTCOME = frozenset("är har kan ska vill måste behöver tycker tror vet ser hör hinner kommer säger verkar".split())
# The matter put to the room: asked, or a call or a request with "om"
_PUT = re.compile(r"\b(?:frågar|fråga|undrar|säger\s+ni|tycker\s+ni|handen|händerna|röstar)\s+(?:\w+\s+)?om\b")
# One offering to do it: "Jag kör.", "Jag kan.", "Jag tar det."
_OFFER = re.compile(r"^(?:(?:ja|okej)\b[\s,.!]*)?jag\s+(?:kör|kan|tar\s+det|gör\s+det|ställer\s+upp|jobbar)\s*[.!]?$")
_REFUSAL = re.compile(r"^(?:nej|nja|men|fast|vänta|nä)\b")
_CONDITION = re.compile(r"\b(?:om|ifall)\s+(?:vi|det|ni|de|någon)\b")


class AnsweredOutcomes:
    """The leader's outcome after the room answered the matter put to it; a RuleState mixin."""

    def _answered_outcome(self, u: Utt) -> bool:
        if u.is_question or u.idx in self.used or u.idx in self.decided or u.speaker != self.talk_leader():
            return False
        m = _THEN.match(u.low)
        if m is None or m.group("v") in _NOT_OUTCOME or _CONDITION.search(u.low) or cues.HEDGE.search(u.low):
            return False
        if m.group("np") in ("vi", "det", "den", "jag", "du", "ni", "man"):
            return False
        own = [v for v in self.utts[max(0, u.idx - 3) : u.idx] if v.turn == u.turn]
        if any(content_words(v.text) for v in own):
            return False  # the outcome opens the turn, after at most a count ("Alla tre.")
        opened = own[0].idx if own else u.idx
        prev = self.utts[opened - 1] if opened else None
        answer = [v for v in self.utts[max(0, opened - 4) : opened] if prev is not None and v.turn == prev.turn]
        if not answer or answer[0].speaker == u.speaker or not self._answered_yes(answer):
            return False
        at = len(u.text) - len(u.low)
        np = u.text[at + m.start("np") : at + m.end("np")]
        if not (np[:1].isupper() or _DEFINITE.match(np)) or not self._put_to_room(u, np):
            return False
        rest = strip_tail(u.text[at + m.start("rest") :]).rstrip(" ,.!")
        text = capitalise(first_person(f"{np} {m.group('v')} {rest}", u.name)) + "."
        self._add_decision(text, u, [u], 0.6, WHY)
        self.used.add(u.idx)
        return True

    @staticmethod
    def _answered_yes(answer: list[Utt]) -> bool:
        """The turn before said yes or offered to do it, and refused nothing."""
        first = min(answer, key=lambda v: v.idx)
        if _REFUSAL.match(first.low) or any(v.is_question for v in answer):
            return False
        return is_agreement(first) or _OFFER.match(first.low) is not None

    def _put_to_room(self, u: Utt, np: str) -> bool:
        """The subject was named in a matter put to the room a few sentences before."""
        named = stems(np) or {np.lower()}
        for v in self._window(u, back=10):
            if (v.is_question or _PUT.search(v.low)) and named & (stems(v.text) | set(v.low.split())):
                return True
        return False
