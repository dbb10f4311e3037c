"""The learned scorer's part in the rules: each sentence's facts, and the decisions the rules passed by.

Runs after the rules. A sentence the rules neither decided nor left open becomes a decision only
when the model (scorer.py) is very sure; its text is phrased like a rule decision ("Mötet beslutade
att ...") and it is always marked for review, as "Kontrollera mot ljudet" when the words around the
cue were unsure or misheard. A rule decision is never dropped: when every sentence behind it scores
low, it is flagged instead. A decision whose negation may have been lost is flagged by the same
negation checks as the rules' own (safety.py).
"""

from __future__ import annotations

import copy
import re

import numpy as np

from transcribe.minutes import cues
from transcribe.minutes.phrasing import content_clause, decision_sentence, proposal_clause, strip_discourse
from transcribe.minutes.rules.safety import PREFIX
from transcribe.minutes.rules.state import RuleState
from transcribe.minutes.rules.utterances import Utt, is_agreement
from transcribe.minutes.scorer import STRUCT, DecisionScorer, normalise
from transcribe.sv.text import content_words

_SUBJECT = re.compile(rf"^(?:vi|{cues.BODY_NOUN})\b")
# "vi beslotar att höja avgiften": a short head (subject, a verb the rules did not know) before the content
_HEAD_ATT = re.compile(r"^(?P<head>(?:[\w-]+,?\s+){1,4}?)att\s+(?P<rest>\S.*)$")
_PERSONAL_HEAD = re.compile(r"\b(?:jag|du|ni|han|hon|de|dom|tycker|tror|föreslår|hoppas|vill|menar|undrar)\b")
LEARNED_WHY = "Beslutet hittades av den inlärda bedömningen, inte av reglerna – kontrollera att det fattades"
DOUBT_WHY = "Den inlärda bedömningen tvivlar på att ett beslut fattades här – kontrollera"


class LearnedRules(RuleState):
    """Scores the sentences once the rules have run; see the module docstring."""

    def sentence_facts(self) -> tuple[list[str], np.ndarray]:
        """Each sentence as the model reads it: its normalised text and its structural facts (scorer.STRUCT)."""
        names = [s.name for s in self.t.speakers if s.name]
        counts: dict[str | None, int] = {}
        for u in self.utts:
            counts[u.speaker] = counts.get(u.speaker, 0) + 1
        chair = max(counts, key=lambda k: counts[k]) if counts else None
        n = len(self.utts)
        rows = np.zeros((n, len(STRUCT)))
        texts = []
        for i, u in enumerate(self.utts):
            prev = self.utts[i - 1] if i else None
            nxt = self.utts[i + 1] if i + 1 < n else None
            first = prev is None or prev.turn != u.turn
            last = nxt is None or nxt.turn != u.turn
            after = [v for v in self.utts[i + 1 : i + 4] if v.speaker != u.speaker][:2]
            before = self.utts[max(0, i - 3) : i]
            words = u.low.split()
            facts = {
                "chair": u.speaker == chair,
                "first_in_turn": first,
                "last_in_turn": last,
                "only_in_turn": first and last,
                "question": u.is_question,
                "next_agrees": any(is_agreement(v) for v in after),
                "prev_question": prev is not None and prev.is_question,
                "prev_proposal": any(
                    cues.PROPOSAL.search(v.low) or cues.CALL_FOR_DECISION.search(v.low) for v in before
                ),
                "negation": bool(cues.NEG.search(u.low)),
                "we_or_body_first": bool(_SUBJECT.match(strip_discourse(u.low))),
                "has_att": " att " in f" {u.low} ",
                "rule_decision": u.idx in self.decided,
                "rule_open": u.idx in self.opened,
                "content_words": min(len(content_words(u.text)), 15) / 15,
                "unsure_share": sum(w.strip(".,!?;:") in u.unsure for w in words) / max(1, len(words)),
                "cue_repaired": any(r.kind in ("decision", "split") for r in u.repairs),
                "late_in_meeting": i >= 0.8 * n,
            }
            rows[i] = [float(facts[k]) for k in STRUCT]
            texts.append(normalise(u.text, names))
        return texts, rows

    def sentence_scores(self, scorer: DecisionScorer) -> np.ndarray:
        texts, rows = self.sentence_facts()
        return scorer.probabilities(texts, rows)

    def learned_pass(self, scorer: DecisionScorer | None = None, add_at: float | None = None,
                     doubt_below: float | None = None) -> None:  # fmt: skip
        """Add the decisions the rules passed by and flag the rule decisions the model doubts."""
        scorer = scorer or self.scorer
        if scorer is None or not self.utts:
            return
        p = self.sentence_scores(scorer)
        self.apply_scores(p, scorer.add_threshold if add_at is None else add_at,
                          scorer.doubt_threshold if doubt_below is None else doubt_below)  # fmt: skip

    def apply_scores(self, p: np.ndarray, add_at: float, doubt_below: float) -> None:
        """The additions and doubts for sentence probabilities `p` (separate so thresholds can be swept)."""
        by_rules = list(self.out.decisions)
        for d in by_rules:
            idxs = [u.idx for u in self.utts if u.idx in self.decided and {s.id for s in u.segs} & _ids(d)]
            if idxs and max(p[i] for i in idxs) < doubt_below and not d.needs_review:
                d.needs_review, d.review_reason = True, DOUBT_WHY
        for i in np.argsort(-p, kind="stable"):
            if p[i] < add_at:
                break
            self._learned_decision(self.utts[int(i)])
        if len(self.out.decisions) > len(by_rules):
            self.out.decisions.sort(key=lambda d: d.evidence[0].start)
            for k, d in enumerate(self.out.decisions, 1):
                d.id = f"d{k}"

    def _learned_decision(self, u: Utt) -> None:
        if u.idx in self.decided or u.idx in self.opened or u.idx in self.used or u.is_question:
            return
        found = self._learned_clause(u)
        if found is None:
            return
        clause, utts = found
        unsure = u.repairs or (u.unsure & set(re.findall(r"[\w-]+", u.low)[:6]))
        why = f"{PREFIX}beslutsformuleringen hördes otydligt" if unsure else LEARNED_WHY
        self._add_decision(decision_sentence(clause), utts[0], utts, 0.5, why)

    def _learned_clause(self, u: Utt) -> tuple[str, list[Utt]] | None:
        """What was decided: the content after a short head ("vi <verb> att ..."), the sentence itself as a
        clause, or, for a bare confirmation, the proposal before it."""
        text = strip_discourse(u.text)
        m = _HEAD_ATT.match(text)
        if m and not _PERSONAL_HEAD.search(m.group("head").lower()) and len(content_words(m.group("rest"))) >= 2:
            return content_clause(m.group("rest"), "att", u.name), [u]
        if len(content_words(text)) >= 3 and not _PERSONAL_HEAD.match(text.lower()):
            clause = proposal_clause(u.text, u.name, self._addressee(u))
            return (clause, [u]) if clause and len(clause.split()) >= 3 else None
        proposal, objections = self._find_proposal(u, strict=True)
        if proposal is None or objections or (proposal.speaker == u.speaker and proposal.turn == u.turn):
            return None
        clause = self._clause(proposal)
        if not clause or len(clause.split()) < 3:
            return None
        self.used.add(proposal.idx)
        return clause, [proposal, u]

    def snapshot(self) -> tuple:
        """The state a learned pass changes, to try several thresholds on one run of the rules."""
        return copy.deepcopy((self.out, self.used, self.decided, self.opened))

    def restore(self, snap: tuple) -> None:
        self.out, self.used, self.decided, self.opened = copy.deepcopy(snap)


def _ids(d) -> set[int]:  # noqa: ANN001 - a Decision
    return {e.segment_id for e in d.evidence}
