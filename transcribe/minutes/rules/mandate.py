"""The meeting's own word that it decides nothing: said at the opening ("Det här är en medlemsträff. Vi fattar inga
beslut i dag.") or in the summing-up ("Vi har alltså inte bestämt något i dag.", "Inget av det här är klubbat.").

A meeting that says it takes no decisions takes none: a sentence after the opening's word that sounds settled is a
joke, a member's wish or an outcome of another body, and one before the summing-up's word was not a decision either,
or the one who sums up would not say so. Only the word about the whole meeting counts, not a matter put off ("Vi tar
inget beslut om lokalen i dag", "Då tar vi inget beslut i kväll" in the middle of the meeting).

This pass runs after every rule family has recorded its decisions."""

from __future__ import annotations

import re

from transcribe.minutes.model import Decision
from transcribe.minutes.rules.state import RuleState
from transcribe.minutes.rules.utterances import Utt

_TODAY = r"(?:i\s+dag|i\s+kväll|här|nu|på\s+det\s+här\s+mötet|på\s+den\s+här\s+träffen)"
_NOTHING = r"(?:något|någonting|ingenting|inget)"
# The opening: what the meeting will not do, in the present or future ("Vi fattar inga beslut i kväll", "vi kan inte
# besluta något i kväll", "Vi kommer inte att fatta några beslut i kväll", "Vi beslutar ingenting här", "det finns
# inget för oss att besluta", "det är inget vi ska besluta om här"), or that it cannot ("vi är inte beslutsföra").
_WILL_NOT = re.compile(
    r"\b(?:fattar|tar)\s+(?:vi\s+)?(?:inga|inte\s+några)\s+beslut\b"
    r"|\b(?:kan|får|ska|kommer)\s+(?:vi\s+)?inte\s+(?:att\s+)?(?:kunna\s+)?"
    rf"(?:besluta|bestämma|fatta\s+(?:några|något)\s+beslut|ta\s+(?:några|något)\s+beslut)(?:\s+{_NOTHING})?\b"
    rf"|\bvi\s+(?:beslutar|bestämmer)\s+(?:ingenting|inget|inte\s+något)\b"
    r"|\binget\s+(?:för\s+oss\s+att|som\s+vi\s+ska|vi\s+ska)\s+besluta\b"
    rf"|\binga\s+beslut\s+{_TODAY}"
    # not quorate: "Vi är tolv i föreningen, så vi är inte beslutsföra i kväll."
    r"|\b(?:är|blir)\s+(?:(?:vi|ju)\s+)*inte\s+beslutsför[at]?\b"
)
# The summing-up: what the meeting did not do ("Vi har inte beslutat något i kväll", "Så, inga beslut i dag.").
_DID_NOT = re.compile(
    rf"\bhar\s+(?:\w+\s+)?inte\s+(?:beslutat|bestämt|fattat\s+(?:några|något)\s+beslut)\s+(?:{_NOTHING}\s+)?{_TODAY}"
    rf"|\binga\s+beslut\s+{_TODAY}|\binget\s+beslut\s+här\b"
    # "Inget av det här är klubbat.", "Inget av det vi sagt i kväll är beslutat."
    r"|\binget\s+av\s+det(?:ta|\s+här|\s+vi\s+\w+(?:\s+i\s+(?:dag|kväll))?)?\s+är\s+(?:\w+\s+)?(?:klubbat|beslutat|bestämt)\b"
)
# The word is about one matter, not the meeting: "... något om kameror i kväll", "... förrän kommunen ...".
_SCOPED = re.compile(rf"^\s*(?:{_TODAY}\s+)?(?:om|förrän|innan|utan)\s+(?!{_TODAY}\b)")
# The meeting's own recap that it did decide: "Så vi har alltså beslutat: ..." outweighs the opening's word.
_RECAP = re.compile(r"\bhar\s+(?:\w+\s+){0,2}(?:beslutat|bestämt)\b(?!\s+(?:oss|mig)\b)")
_NEGATED = re.compile(r"\b(?:inte|inget|ingenting|inga)\b")
_OPENING_TURNS = 8  # the opening: the first speaker turns, small talk before the chair starts included


def _unscoped(m: re.Match[str], low: str) -> bool:
    return not _SCOPED.match(low[m.end() :])


def _says(rx: re.Pattern[str], u: Utt) -> bool:
    return not u.is_question and any(_unscoped(m, u.low) for m in rx.finditer(u.low))


class MeetingMandate(RuleState):
    """The pass that drops decisions a meeting says, at its opening or in its summing-up, it did not take."""

    def mandate_pass(self) -> None:
        if not self.out.decisions:
            return
        opening = next((u for u in self.utts if u.turn < _OPENING_TURNS and _says(_WILL_NOT, u)), None)
        # the last summing-up word: a decision before it was none; the opening's "inga beslut i dag" is no summing-up
        closing = next((u for u in reversed(self.utts) if u.turn >= _OPENING_TURNS and _says(_DID_NOT, u)), None)
        if opening is None and closing is None:
            return
        by_seg: dict[object, Utt] = {}
        for u in self.utts:
            for s in u.segs:
                by_seg.setdefault(s.id, u)
        kept: list[Decision] = []
        for d in self.out.decisions:
            said = [by_seg[e.segment_id] for e in d.evidence if e.segment_id in by_seg]
            first = min((u.idx for u in said), default=None)
            recap = any(_RECAP.search(u.low) and not _NEGATED.search(u.low) for u in said)
            # where it was first said: a summing-up restating it after the closing word does not save it
            if first is not None and (opening is not None and first > opening.idx and not recap or
                                      closing is not None and first < closing.idx):  # fmt: skip
                continue
            kept.append(d)
        if len(kept) != len(self.out.decisions):
            self.keep_decisions(kept)
