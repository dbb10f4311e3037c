"""Tasks settled in two turns: a member offers or is told, another says so.

"Men jag kan nämna det för dem." - "Gör det.": an offer said as a statement is the offerer's task once
another speaker tells them to do it ("Gör det.", "Ja tack, gör det innan …", "Ja, gör det") or welcomes it
in the first words of the next turn ("Jag kan göra en skylt." - "Gärna.", "Det tackar vi för."); a bare "ja"
or "bra" is not enough, since a statement may only be a thought. "Och fråga om Elin vill spela." - "Det gör jag.": an
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
# "Gärna.", "Ja tack.", "Det tackar vi för.", "Toppen, tack.": the offer welcomed (never a bare "ja" or "bra")
_WELCOMED = re.compile(
    r"^(?:(?:ja|jo|okej|åh)\s*,?\s+)?(?:gärna|ja\s+tack|tack|det\s+tackar\s+vi\s+för|toppen|perfekt|jättebra|"
    r"utmärkt|snällt|superbra)\b(?!\s*,?\s*(?:men|fast|nej)\b)"
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
# "Kan du göra det?": a task asked for by a pronoun, said before as a need
_DO_THAT = re.compile(r"^(?:göra|fixa|ordna|sköta|ta\s+hand\s+om|ta|kolla)\s+(?:det|den|dem|detta)\b(?:\s+också)?\W*$")
# "Leden dit måste märkas om", "Då borde checklistan uppdateras också": a thing that needs doing, said passively
_SUBJ = r"(?!det\b|vi\b|jag\b|du\b|ni\b|han\b|hon\b|de\b|man\b|någon\b)[a-zåäö][\w\s-]{2,50}?"
_MODAL = r"(?:måste|behöver|borde|bör|ska)"
_PASSIVE = (
    re.compile(rf"(?:^|,\s*|\b(?:och|men)\s+)(?P<subj>{_SUBJ})\s+{_MODAL}\s+(?:också\s+)?(?P<v>[a-zåäö]{{3,}}as)\b"
               r"(?P<rest>[^.,;?!]*)"),
    re.compile(rf"^(?:\w+,?\s+)?(?:då|så|nu)\s+{_MODAL}\s+(?P<subj>{_SUBJ})\s+(?:också\s+)?(?P<v>[a-zåäö]{{3,}}as)\b"
               r"(?P<rest>[^.,;?!]*)"),
)  # fmt: skip


class OfferedTasks(AddressedTasks):
    """Two-turn tasks; they record into the shared state."""

    def _offer_said(self, u: Utt) -> bool:
        """'Men jag kan nämna det för dem, att de ska akta pelaren.' - 'Gör det.': the offerer's task."""
        prev = self.utts[u.idx - 1] if u.idx > 0 else None
        said = strip_discourse(u.low)
        if prev is None or prev.speaker == u.speaker or prev.is_question:
            return False
        if not (_DO_IT.match(said) or (prev.turn != u.turn and _WELCOMED.match(said) and not cues.NEG.search(said))):
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

    def _need_meant(self, v: Utt) -> str | None:
        """'Då borde checklistan uppdateras också.' - 'Kan du göra det?': the need said just before a request
        that names its task by a pronoun is the task asked for."""
        rm = re.search(r"\b(?:kan|skulle|vill|hinner)\s+du\s+(?P<r>[^?]+)", v.low)
        if rm is None or not _DO_THAT.match(rm.group("r").strip()):
            return None
        for x in self._window(v, back=3):
            m = _PASSIVE[0].search(x.low) or _PASSIVE[1].search(x.low)
            if m is not None and not x.is_question and not cues.NEG.search(x.low):
                subj = m.group("subj").strip()
                rest = re.sub(r"\b(?:också|ju|nog|igen)\b", " ", m.group("rest"))
                return capitalise(" ".join(f"{m.group('v')[:-1]}{rest} {subj}".split()))
        return None

    def _when_answered(self, u: Utt) -> bool:
        """'Leden dit måste märkas om.' - 'När kan du göra det?' - 'På lördag, om vädret håller.': asked when,
        the one asked answers with a day in the first words of the turn, and so takes the need on."""
        prev = self.utts[u.idx - 1] if u.idx > 0 else None
        if prev is None or prev.turn == u.turn or prev.speaker == u.speaker or not prev.is_question:
            return False
        if not re.match(r"^(?:\w+,\s+)?när\s+(?:kan|hinner)\s+du\b", prev.low) or cues.NEG.search(u.low):
            return False
        if not any(w.date is not None and w.start <= 4 for w in self.whens(u)) or cues.HEDGE.search(u.low):
            return False
        what = self._need_meant(prev)
        if what is None:
            return False
        self._add_action(what, u.name, [prev, u], 0.7)
        return True

