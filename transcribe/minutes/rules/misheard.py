"""Decisions heard with their cue word misheard (robust mode): the tolerant readings and their limits.

A decision verb or a confirmation the recogniser was unsure of is read from the frame around it ("Då <unsure> vi
att renovera tvättstugan", "Då <misheard> vi på det"), recorded and flagged for a check; a word before the body
that may have been a lost "om" or "när" ("<Den> nämnden beslutar att stänga skolan") makes the sentence no
decision of this meeting.
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.fuzzy import NEGATIONS, Repair, known_word
from transcribe.minutes.phrasing import content_clause, decision_sentence, strip_discourse
from transcribe.minutes.rules.safety import PREFIX
from transcribe.minutes.rules.utterances import WH, Utt, negated, personal_commitment

PERSONS = frozenset({"jag", "du", "ni", "han", "hon", "de", "dom", "man", "hen", "mig", "dig"})
# "... att stänga skolan, så flyttar familjerna": a consequence, so the sentence was a condition ("om ...").
CONSEQUENCE = re.compile(r"(?:^|[\s,])så\s+(?!att\b)[a-zåäö]{3,}(?:ar|er|ör|år)\s+[a-zåäö]")
_POSSESSIVES = frozenset("min mitt mina din ditt dina vår vårt våra er ert era hans hennes deras dess".split())
_OPENERS = frozenset(
    "då så nu och men ja jo nej japp okej ok bra tack precis absolut visst exakt gärna härmed därmed alltså".split()
)
# "Då <net> vi bestämt att": a supine after the body needs a "har" before it in a main clause.
_SUPINE = re.compile(rf"(?:vi|{cues.BODY_NOUN})\s+(?:bestämt|beslutat)\b")
_SUBORDINATING = frozenset("när innan eftersom medan sedan sen tills".split())
_NOT_HAR = _SUBORDINATING | frozenset("om ifall inte aldrig ej".split())


def unheard_reply(v: Utt) -> bool:
    """'Mina.' for "Nej.", 'Hitkan.' for "Ja.": a reply of one or two words, every one heard unsure and none a
    negation or a person. What was said cannot be read from it; the turns around it must tell."""
    words = re.findall(r"[\w-]+", v.low)
    unsure = {w.strip(",.!?;:") for w in v.unsure}
    if not 1 <= len(words) <= 2 or any(w not in unsure for w in words) or v.is_question:
        return False
    return not any(w in NEGATIONS or w in PERSONS or cues.is_body(w) for w in words)


class MisheardCueRules:
    """The tolerant readings of a misheard cue; recorded into the shared state (a RuleState mixin)."""

    def _unsure_opener(self, u: Utt, body_at: int) -> bool:
        """'<?> nämnden beslutar att ...': the unsure word before the body may have been "om" or "när".

        A possessive there ("<Min> nämnden beslutar") is no Swedish either: the word was misheard, however sure.
        """
        before = re.findall(r"[\w-]+", u.low[:body_at])
        if not before or before[-1] in _OPENERS or before[-1] in ("har", "hade"):
            return False  # "Nej, vi beslutar att ...", "Jo, då ...": an answer or a settling word, heard as said
        if before[-1] in _SUBORDINATING:
            return True  # "Så när vi bestämt att ... ringer jag": a clause of time, not the decision
        if before[-2:-1] in (["då"], ["så"]) and _SUPINE.match(u.low[body_at:]) and before[-1] not in _NOT_HAR:
            # "Då <net> vi bestämt att ...": after the chair's "då", only "har" fits before the body and its supine
            u.repairs = [*u.repairs, Repair(before[-1], "har", "decision")]
            return False
        set_off = re.search(r"[,.!:;]\s*$", u.low[:body_at]) is not None  # "Visst, vi beslutar ...": no "om" there
        return before[-1] in _POSSESSIVES or (u.uncertain(before[-1]) and not set_off)

    def _slot_decision(self, u: Utt) -> bool:
        """'Då <unsure> vi att renovera tvättstugan': the decision verb was misheard; recorded, flagged."""
        m = cues.DECISION_SLOT_VERB.search(u.low)
        if m is None or u.is_question or not u.uncertain(m.group("slot")):
            return False
        if m.group("slot") in cues.SAYING_VERBS or m.group("inf") in cues.NOT_INFINITIVES:
            return False
        if m.group("slot").endswith("r") and known_word(m.group("slot")):
            return False  # "Då hinner vi att testa ...": a verb of its own that takes "att", heard as said
        if negated(u.low, m.start(), m.start("inf")) or cues.TENTATIVE.search(u.low) or cues.REPORTED.search(u.low):
            return False
        clause = content_clause(u.text[m.start("inf") :], "att", u.name)
        if len(clause.split()) < 3 or CONSEQUENCE.search(u.low[m.start("inf") :]):
            return False
        self._add_decision(decision_sentence(clause), u, [u], 0.5, f"{PREFIX}beslutsordet hördes inte säkert")
        return True

    def _slotted(self, u: Utt, pattern: re.Pattern[str], low: str | None = None) -> re.Match[str] | None:
        """A tolerant pattern whose open slot holds a word the recogniser was unsure of (or the word meant)."""
        m = pattern.search(u.low if low is None else low)
        if m is None:
            return None
        slot = m.group("slot") or m.group("slot2")
        if slot in PERSONS:
            return None  # "jag tar in offerter", "då säger hon nej": a person, not the meeting
        return m if slot in ("vi", "det") or u.uncertain(slot) else None

    def _slot_confirmation(self, u: Utt) -> re.Match[str] | None:
        """'Då <misheard> vi på det', 'Då är det <misheard>': a confirmation whose verb the recogniser was unsure of."""
        if not self.robust:
            return None
        m = self._slotted(u, cues.CONFIRMATION_SLOT) or self._slotted(u, cues.CONFIRMATION_TOLERANT)
        if m is None:
            m = cues.CONFIRMATION_STRUCTURAL.search(u.low)
            slot = m and (m.group("slot") or m.group("slot2"))
            if m is None or slot in cues.NOT_CONFIRMING_FRONT or cues.NEG.search(slot or "") or slot in PERSONS:
                return None
        return m if m is not None and (m.group("slot") or m.group("slot2")) not in cues.NOT_CONFIRMING else None

    def _confirmed_proposal(self, u: Utt, m: re.Match[str]) -> bool:
        """A misheard confirmation counts only after a real proposal with no objection, and is flagged."""
        if u.is_question or negated(u.low, m.start(), m.end()) or cues.UNDECIDED.search(u.low):
            return False
        proposal, objections = self._find_proposal(u, strict=True)
        restated = None if objections else self.restatement(u)
        if restated is not None:  # "Då är det <lost>. Från januari sköter projektet kontakten ...": the restatement
            if proposal is not None:
                self.used.add(proposal.idx)
            utts = [x for x in (proposal, u, restated[0]) if x is not None]
            self._add_decision(restated[1], proposal or u, utts, 0.5, f"{PREFIX}bekräftelsen hördes otydligt")
            return True
        if proposal is None or objections or proposal.speaker == u.speaker:
            return False
        if personal_commitment(proposal.low) and not cues.PROPOSAL.search(proposal.low):
            return False
        clause = self._clause(proposal)
        if not clause or len(clause.split()) < 2 or WH.match(strip_discourse(proposal.low)):
            return False
        self.used.add(proposal.idx)
        if cues.NEXT_MEETING.search(proposal.low) and self.whens(proposal):
            return True
        self._add_decision(decision_sentence(clause), proposal, [proposal, u], 0.5,
                           f"{PREFIX}bekräftelsen hördes otydligt")  # fmt: skip
        return True
