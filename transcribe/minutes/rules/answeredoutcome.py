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
_PUT = re.compile(r"\b(?:frågar|undrar)\b|\b(?:säger\s+ni|tycker\s+ni|handen|händerna|röstar)\s+(?:\w+\s+)?om\b")
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
        at = len(u.text) - len(u.low)
        np = u.text[at + m.start("np") : at + m.end("np")]
        put = self._put_to_room(u, np) if np[:1].isupper() or _DEFINITE.match(np) else None
        if put is None or not self._answered_yes(put, own[0] if own else u):
            return False
        rest = strip_tail(u.text[at + m.start("rest") :]).rstrip(" ,.!")
        text = capitalise(first_person(f"{np} {m.group('v')} {rest}", u.name)) + "."
        self._add_decision(text, u, [u], 0.6, WHY)
        self.used.add(u.idx)
        return True

    def _answered_yes(self, put: Utt, opened: Utt) -> bool:
        """Others answered between the matter put and the outcome, the last just before it: that one neither refused
        nor asked, and one of them said yes or offered to do it (a "Ja" lost to the recogniser in one answer leaves
        the others)."""
        turns: dict[int, list[Utt]] = {}
        for v in self.utts[put.idx + 1 : opened.idx]:
            if v.turn != put.turn and v.speaker != opened.speaker:
                turns.setdefault(v.turn, []).append(v)
        answers = list(turns.values())
        if not answers or answers[-1][-1].idx != opened.idx - 1:
            return False  # the outcome follows another's answer, not the leader's own words
        last = answers[-1]
        if _REFUSAL.match(last[0].low) or any(v.is_question for v in last):
            return False
        return any(is_agreement(said[0]) or _OFFER.match(said[0].low) for said in answers)

    def _put_to_room(self, u: Utt, np: str) -> Utt | None:
        """The matter put to the room a few sentences before that named the subject."""
        named = stems(np) or {np.lower()}
        for v in self._window(u, back=10):
            if (v.is_question or _PUT.search(v.low)) and named & (stems(v.text) | set(v.low.split())):
                return v
        return None
