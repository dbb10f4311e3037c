"""The caller's own close: a call to the room, the room's answers, and the caller's next words settle it.

One who puts a matter to the room ("Fyrahundra rosor och hundra pioner, någon som tycker annorlunda?", "Då blir
det andra september. Lördag. Hör jag någon som säger nej?", "Så här: ... Är det okej?") and hears no objection
settles it in the next turn of their own, in one of three ways:

- the matter said in full, as a statement: "Klubbmästerskapet går lördagen den andra september.", "Då är det
  söndagen den tjugotredje april." - the decision is that statement;
- words that point back: "Då gäller det." - the decision is the matter the call put;
- the caller's own act on it: "Då beställer jag det i dag." - the decision is the matter with the act's verb.

A pass after the rules: a decision already read from the call takes the full statement's words; a call no rule
read gets its decision here. Never after an objection, a question back, or when the caller's next words are
a question, a condition or another matter. Flagged: said without a decision word.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.phrasing import decision_sentence, first_person, strip_tail, to_infinitive
from transcribe.minutes.rules.utterances import Utt, evidence_list, merge_evidence, stems
from transcribe.sv.numbers import COUNT_WORD
from transcribe.sv.text import capitalise, content_words

WHY = "Beslutet uttrycktes utan beslutsord"
# A call for objections: a "nej" answers yes
_NO_OBJECTION = re.compile(
    r"\b(?:någon|några|ingen)\s+(?:som\s+)?(?:har\s+)?(?:något\s+)?(?:är\s+)?(?:emot|invändningar|invänder|"
    r"tycker\s+annorlunda|säger\s+nej|säger\s+emot)\b|\bhör\s+jag\s+(?:någon|några|ett)\b"
)
# A call for assent: a "ja" answers yes
_ASSENT = re.compile(
    r"\b(?:är|blir)\s+det\s+(?:okej|ok|bra)(?:\s+för\s+alla)?\s*\?$|\bkan\s+(?:alla|ni)\s+leva\s+med\s+det\b|"
    r"\bär\s+(?:alla|ni)\s+med(?:\s+på\s+det)?\s*\?$|\bokej\s+för\s+alla\s*\?$"
)
_OBJECTS = re.compile(r"^(?:(?:ja|okej)\W+)?(?:men|fast|vänta|nja|jo)\b|\b(?:emot|inte\s+bra|dålig\s+idé)\b")
_LEAD = re.compile(r"^(?:(?:ja|okej|ok|bra|fint|då|så|alltså)\b[\s,.!]*)+")
# Words that point back at the call: "Då gäller det.", "Då är det bestämt."
_POINTING = re.compile(
    r"^(?:(?:ja|okej|ok|bra|fint)\b[\s,.!]*)*(?:då|så)\s+(?:gäller\s+det|är\s+det\s+(?:bestämt|klart|så)|"
    r"blir\s+det\s+så|kör\s+vi)(?:\s+då)?\s*[.!]$"
)
# The caller's own act on the matter: "Då beställer jag det i dag."
_OWN_ACT = re.compile(
    r"^(?:(?:ja|okej|ok|bra)\b[\s,.!]*)*(?:då\s+)?(?P<v>[a-zåäö]{3,}(?:ar|er|ör))\s+jag\s+(?:det|dem|den|dom)\b"
)
_NOT_ACTS = frozenset("har är kan ska får vill måste tycker tror vet ser hör säger tar gör skriver".split())
_NOT_STATED = re.compile(r"^(?:jag|du|ni|han|hon|och|men|fast|om|när|nästa|tack|vem|vad|hur)\b|^[\w-]+,\s")
_NUMBER = re.compile(rf"\b{COUNT_WORD}\b")


def _said(text: str) -> set[str]:
    """Content stems and figures: what a sentence names."""
    return stems(text) | set(_NUMBER.findall(text.lower()))


class CallerCloses:
    """A pass after the rules (a RuleState mixin): calls closed by the caller's next words."""

    def callers_close_pass(self) -> None:
        for u in self.utts:
            if not u.is_question or not (_NO_OBJECTION.search(u.low) or _ASSENT.search(u.low)):
                continue
            matter = self._call_matter(u)
            close = self._callers_close(u) if matter else None
            if close is None or close.idx in self.decided or close.idx in self.used:
                continue
            self._settle_call(u, matter, close)

    def _decision_with(self, idxs: set[int]) -> object | None:
        """The decision whose evidence holds one of these sentences, if any."""
        return next((d for d in self.out.decisions if idxs & {v.idx for v in self.said_in(d)}), None)

    def _call_matter(self, u: Utt) -> list[tuple[Utt, str]]:
        """What the call puts: the words before it in its own sentence, else the caller's sentences before it."""
        head = u.text[: u.text.rfind(",")] if "," in u.text else ""
        if head and (content_words(head) or _NUMBER.search(head.lower())) and not cues.TENTATIVE.search(head.lower()):
            return [(u, head.strip())]
        out: list[tuple[Utt, str]] = []
        for v in reversed(self.utts[max(0, u.idx - 3) : u.idx]):
            if v.turn != u.turn or v.is_question or re.match(r"^(?:jag|du|ni)\b", v.low):
                break
            text = re.sub(r"^(?:så\s+här|mitt\s+förslag(?:\s+är)?)\s*:\s*", "", v.text, flags=re.IGNORECASE)
            if cues.TENTATIVE.search(text.lower()) or not (content_words(text) or _NUMBER.search(text.lower())):
                break
            out.insert(0, (v, text.strip()))
        return out[-2:]

    def _callers_close(self, u: Utt) -> Utt | None:
        """The caller's next sentence, after answers by others that object to nothing."""
        answers: list[Utt] = []
        for v in self.utts[u.idx + 1 : u.idx + 9]:
            if v.turn == u.turn:
                continue
            if v.speaker == u.speaker:
                return v if answers and not v.is_question else None
            if v.is_question or _OBJECTS.search(v.low):
                return None
            if _ASSENT.search(u.low) and re.match(r"^\s*nej\b", v.low):
                return None  # "Är det okej?" - "Nej."
            if v.idx in self.decided and self._decision_with({v.idx}) is not self._decision_with({u.idx}):
                return None  # the answer settled something else
            answers.append(v)
            if len({x.turn for x in answers}) > 3:
                return None
        return None

    def _settle_call(self, u: Utt, matter: list[tuple[Utt, str]], close: Utt) -> None:
        said = {s for _, text in matter for s in _said(text)}
        body = _LEAD.sub("", close.text).strip()
        low = close.low
        known = self._decision_with({u.idx, *(m.idx for m, _ in matter)})
        text = None
        if _POINTING.match(low):
            text = None if known else capitalise(" ".join(strip_tail(t).rstrip(" .!,") + "." for _, t in matter))
        elif (act := _OWN_ACT.match(low)) is not None and act.group("v") not in _NOT_ACTS:
            what = " ".join(strip_tail(t).rstrip(" .!,") for _, t in matter)
            clause = f"att {to_infinitive(act.group('v'))} {what[:1].lower()}{what[1:]}"
            text = None if known else decision_sentence(first_person(clause, u.name))
        elif not _NOT_STATED.match(body.lower()) and not cues.TENTATIVE.search(low) and said & _said(body):
            if len(_said(body)) < 2 or cues.NEXT_MEETING.search(low):
                return
            stated = capitalise(strip_tail(body).rstrip(" .!,")) + "."
            if known is not None:
                known.text = stated
                known.evidence = merge_evidence(known.evidence, evidence_list([close]))
                self.decided.add(close.idx)
                return
            text = stated
        if text is None:
            if known is not None and _POINTING.match(low):
                known.evidence = merge_evidence(known.evidence, evidence_list([close]))
                self.decided.add(close.idx)
            return
        utts = [*(m for m, _ in matter), u, close]
        self._add_decision(text, u, utts, 0.6, WHY)
        self.used.update(v.idx for v in utts)
