"""Minutes drafts scored against the samples' truth: items matched one to one, owners, dates.

A predicted item matches a true one by the Dice coefficient of their content stems, helped
by evidence from the right turn of the recording (see MATCH_THRESHOLD); the matching is a
Hungarian assignment, so one true item is credited once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

from transcribe.sv.calendar import MONTH_NAMES
from transcribe.sv.numbers import cardinal, ordinal
from transcribe.sv.spoken import normalise
from transcribe.sv.text import dice, library_stopwords, stem

# A predicted item matches a true one when the Dice coefficient of their content stems
# is at least MIN_DICE and Dice + TIME_BONUS * (share of the item's evidence time inside
# the true item's turn) reaches MATCH_THRESHOLD. The truth is a paraphrase, so text alone
# is strict (Dice >= 0.3); evidence from the right turn lets a looser wording (Dice >= 0.1)
# count. See bench/README.md for how these were chosen.
MATCH_THRESHOLD = 0.3
MIN_DICE = 0.1
TIME_BONUS = 0.2

_NEGATIONS = {"inte", "ej", "ingen", "inget", "inga", "icke", "aldrig", "nej"}


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    numbers = {cardinal(n) for n in range(0, 101)} | {ordinal(n) for n in range(1, 32)}
    keep = _NEGATIONS | numbers | set(MONTH_NAMES)  # they change what a decision says
    return frozenset(normalise(w) for w in library_stopwords()) - keep


def content_stems(text: str) -> frozenset[str]:
    """Swedish stems of the words that carry meaning (stopwords out, negations and numbers kept)."""
    stop = _stopwords()
    return frozenset(stem(w) for w in normalise(text).split() if w not in stop)


Span = tuple[float, float]


def _inside(truth: Span, evidence: Sequence[Span]) -> float:
    """Share of the evidence time that lies inside the true item's turn (0..1)."""
    a, b = truth
    total = sum(max(0.0, e - s) for s, e in evidence)
    if total <= 0:
        return 0.0
    return sum(max(0.0, min(e, b) - max(s, a)) for s, e in evidence) / total


@dataclass(frozen=True)
class Pair:
    truth: int
    predicted: int
    score: float


@dataclass
class MatchResult:
    """One-to-one matching of predicted items to true items."""

    pairs: list[Pair]
    n_truth: int
    n_predicted: int

    @property
    def tp(self) -> int:
        return len(self.pairs)

    @property
    def precision(self) -> float:
        """1.0 when nothing was predicted: no claim, no wrong claim."""
        return self.tp / self.n_predicted if self.n_predicted else 1.0

    @property
    def recall(self) -> float:
        """1.0 when there was nothing to find."""
        return self.tp / self.n_truth if self.n_truth else 1.0

    @property
    def unmatched_predicted(self) -> list[int]:
        hit = {p.predicted for p in self.pairs}
        return [i for i in range(self.n_predicted) if i not in hit]

    def to_dict(self) -> dict[str, Any]:
        return {"precision": self.precision, "recall": self.recall, "tp": self.tp, "n_truth": self.n_truth,
                "n_predicted": self.n_predicted, "pairs": [asdict(p) for p in self.pairs]}  # fmt: skip


def similarity(truth_text: str, predicted_text: str, truth_span: Span | None = None,
               evidence: Sequence[Span] | None = None) -> float:  # fmt: skip
    """Matching score (see MATCH_THRESHOLD); 0 when the texts share too little."""
    d = dice(content_stems(truth_text), content_stems(predicted_text))
    if d < MIN_DICE:
        return 0.0
    bonus = TIME_BONUS * _inside(truth_span, evidence) if truth_span and evidence else 0.0
    return d + bonus


def match_items(
    truth_texts: Sequence[str],
    predicted_texts: Sequence[str],
    threshold: float = MATCH_THRESHOLD,
    truth_spans: Sequence[Span | None] | None = None,
    predicted_evidence: Sequence[Sequence[Span]] | None = None,
) -> MatchResult:
    """Hungarian one-to-one assignment maximising similarity; pairs below `threshold` are dropped."""
    n, m = len(truth_texts), len(predicted_texts)
    if n == 0 or m == 0:
        return MatchResult([], n, m)
    score = np.zeros((n, m))
    for i, t in enumerate(truth_texts):
        for j, p in enumerate(predicted_texts):
            span = truth_spans[i] if truth_spans else None
            ev = predicted_evidence[j] if predicted_evidence else None
            score[i, j] = similarity(t, p, span, ev)
    rows, cols = linear_sum_assignment(score, maximize=True)
    pairs = [Pair(int(i), int(j), round(float(score[i, j]), 3)) for i, j in zip(rows, cols, strict=True)
             if score[i, j] >= threshold]  # fmt: skip
    return MatchResult(pairs, n, m)


def same_person(truth_name: str | None, predicted_name: str | None) -> bool:
    """Owner check: full names equal, or a lone first name equal to the other's first name."""
    a, b = normalise(truth_name or "").split(), normalise(predicted_name or "").split()
    if not a or not b:
        return False
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return a[0] == b[0] and a[-1] == b[-1]


# --------------------------------------------------------------------------- scoring a minutes draft


def _evidence_spans(item: Any) -> list[Span]:
    return [(float(e.start), float(e.end)) for e in getattr(item, "evidence", None) or []]


def _truth_span(item: Mapping[str, Any]) -> Span | None:
    if item.get("start") is None or item.get("end") is None:
        return None
    return float(item["start"]), float(item["end"])


def as_date(value: Any) -> dt.date | None:
    """A date from a date, a datetime or an ISO string ("2026-12-14T10:00"); None when it is none of them."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@dataclass
class FalseDecisions:
    """Predicted decisions that match no true decision; the worst kind matches a not-decided item."""

    texts: list[str] = field(default_factory=list)
    not_decided_texts: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.texts)

    @property
    def not_decided(self) -> int:
        return len(self.not_decided_texts)


def false_decisions(truth: Mapping[str, Any], predicted: Sequence[Any],
                    threshold: float = MATCH_THRESHOLD) -> FalseDecisions:  # fmt: skip
    """Unmatched predicted decisions, and which of them restate something the meeting did NOT decide."""
    decisions = truth.get("decisions") or []
    result = match_items([d["text"] for d in decisions], [p.text for p in predicted], threshold,
                         [_truth_span(d) for d in decisions], [_evidence_spans(p) for p in predicted])  # fmt: skip
    unmatched = [predicted[j] for j in result.unmatched_predicted]
    open_items = truth.get("not_decided") or []
    against_open = match_items(
        [o["text"] for o in open_items],
        [p.text for p in unmatched],
        threshold,
        [_truth_span(o) for o in open_items],
        [_evidence_spans(p) for p in unmatched],
    )
    return FalseDecisions([p.text for p in unmatched], [unmatched[p.predicted].text for p in against_open.pairs])


def decision_scores(truth: Mapping[str, Any], predicted: Sequence[Any],
                    threshold: float = MATCH_THRESHOLD) -> MatchResult:  # fmt: skip
    """Predicted `Decision`s (anything with .text and .evidence) against truth['decisions']."""
    decisions = truth.get("decisions") or []
    return match_items([d["text"] for d in decisions], [p.text for p in predicted], threshold,
                       [_truth_span(d) for d in decisions], [_evidence_spans(p) for p in predicted])  # fmt: skip


@dataclass
class ActionScores:
    match: MatchResult
    owner_correct: int
    due_correct: int

    @property
    def owner_accuracy(self) -> float | None:
        """Share of matched actions whose owner is the right person (None when none matched)."""
        return self.owner_correct / self.match.tp if self.match.tp else None

    @property
    def due_accuracy(self) -> float | None:
        return self.due_correct / self.match.tp if self.match.tp else None

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.match.to_dict(),
            "owner_accuracy": self.owner_accuracy,
            "due_accuracy": self.due_accuracy,
            "owner_correct": self.owner_correct,
            "due_correct": self.due_correct,
        }


def action_scores(
    truth: Mapping[str, Any],
    predicted: Sequence[Any],
    label_names: Mapping[str, str] | None = None,
    threshold: float = MATCH_THRESHOLD,
) -> ActionScores:
    """Predicted `Action`s (.what, .owner, .due, .evidence) against truth['actions'].

    An owner given as a speaker label is translated through `label_names` first.
    """
    actions = truth.get("actions") or []
    match = match_items([a["what"] for a in actions], [p.what for p in predicted], threshold,
                        [_truth_span(a) for a in actions], [_evidence_spans(p) for p in predicted])  # fmt: skip
    names = label_names or {}
    owners = dues = 0
    for pair in match.pairs:
        t, p = actions[pair.truth], predicted[pair.predicted]
        owner = names.get(p.owner, p.owner) if p.owner else None
        owners += same_person(t.get("owner"), owner)
        dues += as_date(t.get("due")) == as_date(getattr(p, "due", None))
    return ActionScores(match, owners, dues)


def next_meeting_exact(truth_when: str | None, predicted: Any) -> dict[str, Any]:
    """Exact: same date and clock time ("YYYY-MM-DDTHH:MM"), or both absent; date_match ignores the time."""
    when = getattr(predicted, "when", predicted)
    if isinstance(when, dt.datetime):
        shown = when.strftime("%Y-%m-%dT%H:%M")
    elif isinstance(when, dt.date):
        shown = when.isoformat()
    else:
        shown = None if when is None else str(when)
    return {
        "exact": (truth_when or None) == shown,
        "date_match": as_date(truth_when) == as_date(when),
        "truth": truth_when,
        "predicted": shown,
    }


def score_minutes(truth: Mapping[str, Any], minutes: Any, label_names: Mapping[str, str] | None = None) -> dict:
    """All minutes scores of one draft (a `transcribe.minutes.model.Minutes`) against truth.json['truth']."""
    decisions = decision_scores(truth, minutes.decisions)
    actions = action_scores(truth, minutes.actions, label_names)
    false = false_decisions(truth, minutes.decisions)
    return {
        "decisions": decisions.to_dict(),
        "actions": actions.to_dict(),
        "next_meeting": next_meeting_exact(truth.get("next_meeting"), minutes.next_meeting),
        "false_decisions": {
            "count": false.count,
            "not_decided": false.not_decided,
            "texts": false.texts,
            "not_decided_texts": false.not_decided_texts,
        },  # fmt: skip
    }
