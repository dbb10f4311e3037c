"""Tasks settled in two turns: a member offers or is told, another says so.

"Men jag kan nämna det för dem." - "Gör det.": an offer said as a statement is the offerer's task once
another speaker tells them to do it ("Gör det.", "Ja tack, gör det innan …", "Ja, gör det"); a bare "ja"
is not enough, since a statement may only be a thought. "Och fråga om Elin vill spela." - "Det gör jag.": an
imperative put to no one by name is the task of the one who answers that they will do it.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.phrasing import strip_discourse, strip_tail, to_infinitive
from transcribe.minutes.rules.addressed import NOT_ASKED, AddressedTasks, task_verb
from transcribe.minutes.rules.utterances import NOT_TASKS, Utt
from transcribe.sv.text import capitalise, content_words

# "Gör det.", "Ja tack, gör det innan den ramlar ner", "Okej, gör det då."
_DO_IT = re.compile(
    r"^(?:(?:ja|jo|okej|ok|bra|absolut|gärna)(?:\s+tack)?\s*,?\s+)?gör\s+det\b(?!\s+(?:inte|sen|senare)\b)"
)
# "jag kan nämna det för dem", "Och så kan jag skruva fast högtalarna", "jag vill köra dem tio gånger"
_OFFERED = re.compile(
    r"(?:\bjag\s+(?:kan|ska|vill|skulle\s+kunna)|\bkan\s+jag)\s+(?:också\s+|gärna\s+|ju\s+)?(?P<v>[a-zåäö]+)"
    r"(?P<rest>[^.?!]*)"
)
# "Det gör jag.", "Ja, det gör jag.", "Det fixar jag."
_WILL_DO = re.compile(r"^(?:(?:ja|jo|okej|absolut|visst)\s*,?\s+)?det\s+(?:gör|fixar|ordnar|tar)\s+jag\b")
# "Och fråga om Elin vill spela.", "Ring dem i morgon.": an imperative opening the sentence
_IMPERATIVE = re.compile(r"^(?:(?:och|men|så|då)\s+)?(?P<v>[a-zåäö]{3,})\s+(?P<rest>[^.?!]+)")
_IMPERATIVES = {"ring": "ringa", "skriv": "skriva", "köp": "köpa", "skicka": "skicka", "fråga": "fråga",
                "kolla": "kolla", "boka": "boka", "mejla": "mejla", "beställ": "beställa", "hör": "höra",
                "prata": "prata", "ta": "ta", "be": "be", "kontakta": "kontakta", "kör": "köra"}  # fmt: skip
_NOT_OFFERS = frozenset({"inte", "aldrig", "tyvärr", "nog", "kanske"})


class OfferedTasks(AddressedTasks):
    """Two-turn tasks; they record into the shared state."""

    def _offer_said(self, u: Utt) -> bool:
        """'Men jag kan nämna det för dem, att de ska akta pelaren.' - 'Gör det.': the offerer's task."""
        prev = self.utts[u.idx - 1] if u.idx > 0 else None
        if prev is None or prev.speaker == u.speaker or prev.is_question or not _DO_IT.match(strip_discourse(u.low)):
            return False
        src, offer = next(((v, m) for v in reversed(self.utts[: u.idx]) if v.turn == prev.turn
                           for m in [_OFFERED.search(v.low)] if m), (None, None))  # fmt: skip
        if src is None or offer is None:
            return False
        verb, rest = to_infinitive(offer.group("v")), offer.group("rest")
        words = rest.split()
        if (verb in NOT_ASKED or verb in NOT_TASKS or not task_verb(verb, rest) or not content_words(rest)
                or _NOT_OFFERS & set(words[:2]) or cues.HEDGE.search(offer.string)):  # fmt: skip
            return False
        at = src.low.find(rest, offer.start("rest"))
        what = strip_tail(src.text[at : at + len(rest)] if at >= 0 else rest).strip(" ,")
        what = re.split(r",\s+(?:den|det|de|så|för|eftersom)\s|\s+innan\s+jag\b", what)[0]
        self._add_action(capitalise(f"{verb} {what}"), src.name, [src, u], 0.7)
        return True

    def _imperative_taken(self, u: Utt) -> bool:
        """'Och fråga om Elin vill spela.' - 'Det gör jag.': the imperative, the answerer's task."""
        prev = self.utts[u.idx - 1] if u.idx > 0 else None
        if prev is None or prev.speaker == u.speaker or prev.is_question or not _WILL_DO.match(u.low):
            return False
        said = [v for v in reversed(self.utts[: u.idx]) if v.turn == prev.turn and not v.is_question]
        src, m = next(((v, m) for v in said for m in [_IMPERATIVE.match(v.low)] if m and m.group("v") in _IMPERATIVES),
                      (None, None))  # fmt: skip
        if src is None or m is None or not content_words(m.group("rest")) or cues.HEDGE.search(src.low):
            return False
        verb = _IMPERATIVES[m.group("v")]
        at = src.low.find(m.group("rest"), m.start("rest"))
        self._add_action(capitalise(f"{verb} {strip_tail(src.text[at:]).strip(' ,')}"), u.name, [src, u], 0.7)
        return True
