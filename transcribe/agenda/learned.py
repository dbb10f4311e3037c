"""How far to trust each kind of the aligner's evidence that an item starts, learned from every dev author at once.

The hand weights in `align.evidence_matrix` were set meeting by meeting, author after author. A model over the same
kinds of evidence, kept apart (the item's number said, a transition, the title's words, the item's kind named, a
heading, the chair or a member opening their own item, a turn's first sentence, how strongly the talk turns there,
the place the agenda's order and the meeting's length lead one to expect), gradient-boosted trees trained on the true
starts of all dev agenda meetings (`transcribe.bench.agenda_learn`, which also measures it leaving each author out).
Where the model is sure an item starts (log-odds above 0) its sureness is added to the summed evidence, capped;
evidence is never taken away, so a strike (negative evidence) and the passes after the ordered choice read the scale
they were set on. The trees are plain arrays in an .npz file (loading runs no pickled code); without the file the
hand evidence stands alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from transcribe.agenda.named import ASIDE
from transcribe.minutes.scorer import Trees

WEIGHTS_PATH = Path(__file__).parent / "data" / "learned_starts.npz"
SHORT = 6  # words in a sentence short enough to be the chair naming an item, as align.SHORT
FEATURES = (
    "number_said",  # the item's number said (a positive reference)
    "number_against",  # its number said near a strike or a putting off
    "cue",  # a transition, a member opening their own item, the talk turning (weighted by who speaks)
    "topic",  # share of the title's words (by rarity) in the sentence and the next
    "own",  # share of the title's words in the sentence itself
    "kind",  # the item's kind named ("justerare", "dagordningen")
    "heading",  # the item named alone or first in the chair's turn
    "aside",  # "Som vi sa, valen nu": the order agreed before
    "inner",  # 1 unless inside a member's turn
    "leads",  # the chair (or the opener, for the elections) or a member opening their own item
    "late",  # the meeting's officials named late in it
    "named",  # named outright: may move the item out of the agenda's order
    "hand",  # the hand-weighted sum of the above
    "topic_cue",  # the title's words said with a cue
    "turning",  # how strongly the talk turns to a new item there (boundaries.boundary_strength)
    "turn_first",  # the first sentence of a turn
    "chair",  # said by the one who leads the meeting
    "from_expected",  # distance from where the agenda's order and the meeting's length put the item
    "before_expected",  # more than one item's share before that place
    "short",  # a short sentence
    "question",  # a question
    "hand_positive",  # the hand sum, where positive
)


class Evidence(NamedTuple):
    """The parts of one (item, sentence) pair's evidence before `align.evidence_matrix` sums them."""

    k: int
    i: int
    number: float
    cue: float
    topic: float
    own: float
    kind: float
    heading: bool
    said_now: bool  # the item's topic put first by the chair ("Vi tar läckan först")
    inner: float
    leads: float
    late: bool
    score: float


@dataclass(frozen=True)
class StartModel:
    """Gradient-boosted trees over FEATURES (the decision scorer's `Trees`: node n tests `x[feature[n]] <=
    threshold[n]`; a leaf adds value[n] to the log-odds), with what turns their log-odds into evidence."""

    trees: Trees
    baseline: float  # the log-odds before any tree
    gain: float  # evidence added per unit of log-odds above 0
    cap: float  # log-odds beyond this add nothing more

    def log_odds(self, X: np.ndarray) -> np.ndarray:
        """Each row's log-odds that an item starts there, walked by the same tree code as the decision scorer."""
        return self.baseline + self.trees.margins(X)

    def save(self, path: Path, trained_on: Sequence[str]) -> None:
        arrays = {k: getattr(self.trees, k) for k in Trees.FIELDS}
        meta = np.array([self.baseline, self.gain, self.cap])
        np.savez_compressed(
            path, features=np.array(FEATURES), meta=meta, trained_on=np.array(sorted(trained_on)), **arrays
        )


def trained_on(path: Path = WEIGHTS_PATH) -> list[str]:
    """The meetings the shipped model was trained on."""
    with np.load(path, allow_pickle=False) as f:
        return [str(m) for m in f["trained_on"]]


def load(path: Path = WEIGHTS_PATH) -> StartModel | None:
    """The model in `path`, or None when it is missing or was trained on other features."""
    try:
        with np.load(path, allow_pickle=False) as f:
            if tuple(str(n) for n in f["features"]) != FEATURES:
                return None
            baseline, gain, cap = (float(v) for v in f["meta"])
            return StartModel(Trees(*(np.asarray(f[k]) for k in Trees.FIELDS)), baseline, gain, cap)
    except (OSError, ValueError, KeyError):
        return None


@lru_cache(maxsize=1)
def default_model() -> StartModel | None:
    return load()


# a model put in the shipped one's place while measuring (transcribe.bench.agenda_learn.using)
ACTIVE: ContextVar[StartModel | None] = ContextVar("start_model", default=None)
# the evidence parts of the one `align.evidence_matrix` call being recorded, if any
_PARTS: ContextVar[list[Evidence] | None] = ContextVar("evidence_parts", default=None)


def recording() -> list[Evidence]:
    """Keep apart the parts of the next evidence matrix (`record`) until `recorded` is asked for them."""
    parts: list[Evidence] = []
    _PARTS.set(parts)
    return parts


def record(*part: Any) -> None:  # noqa: ANN401 - the summands, as Evidence lists them
    parts = _PARTS.get()
    if parts is not None:
        parts.append(Evidence(*part))


# the features of every matrix rescored while training rows are read (transcribe.bench.agenda_learn)
SEEN: ContextVar[list[dict[tuple[int, int], list[float]]] | None] = ContextVar("seen_features", default=None)


def recorded() -> list[Evidence]:
    """The parts kept since `recording`, which ends."""
    parts = _PARTS.get() or []
    _PARTS.set(None)
    return parts


def features(
    units: Sequence[Any],
    n_items: int,
    parts: Sequence[Evidence],
    named: Sequence[Sequence[bool]],
    turns: Sequence[float] | None,
    chair: str | None,
) -> dict[tuple[int, int], list[float]]:
    """The features of every (item, sentence) pair the evidence parts name."""
    out = {}
    last = max(len(units) - 1, 1)
    for e in parts:
        u = units[e.i]
        rel, expected = e.i / last, (e.k + 0.5) / n_items
        out[(e.k, e.i)] = [
            max(e.number, 0.0),
            max(-e.number, 0.0),
            e.cue,
            e.topic,
            e.own,
            e.kind,
            float(e.heading),
            float(e.said_now and bool(ASIDE.search(u.low))),
            e.inner,
            e.leads,
            float(e.late),
            float(named[e.k][e.i]),
            e.score,
            e.topic * e.cue,
            turns[e.i] if turns else 0.0,
            float(e.i == 0 or units[e.i - 1].seg_id != u.seg_id),
            float(u.speaker == chair),
            abs(rel - expected),
            float(rel < expected - 1.0 / n_items),
            float(len(u.text.split()) <= SHORT),
            float(u.text.rstrip().endswith("?")),
            max(e.score, 0.0),
        ]
    return out


def rescored(
    units: Sequence[Any],
    B: list[list[float]],
    named: Sequence[Sequence[bool]],
    turns: Sequence[float] | None,
    chair: str | None,
    threshold: float,
    model: StartModel | None = None,
) -> list[list[float]]:
    """B, whose parts were `recorded`, with the model's sureness added where the hand evidence is not against the
    item (B + threshold >= 0) and the model puts the item's start there with log-odds above 0."""
    parts = recorded()
    model = model or ACTIVE.get() or default_model()
    out = [row[:] for row in B]
    feats = features(units, len(B), parts, named, turns, chair) if parts else {}
    if (seen := SEEN.get()) is not None:
        seen.append(feats)
    if model is None or not model.gain or not feats:
        return out
    pairs = [(k, i) for k, i in feats if B[k][i] + threshold >= 0]
    if not pairs:
        return out
    for (k, i), sure in zip(pairs, model.log_odds(np.array([feats[p] for p in pairs])), strict=True):
        if sure > 0:
            out[k][i] += model.gain * min(float(sure), model.cap)
    return out
