"""The two kinds of learned decision scorer the trainer compares: a logistic model and gradient-boosted trees.

The logistic model reads the hashed words its setting asks for beside the structural facts; the
trees read the facts alone (sklearn's HistGradientBoostingClassifier), where they can learn what a
linear model cannot: that a sentence shaped like a decision the rules passed by is seldom one on a
clean transcript and often one when its opening was misheard. Both are fitted deterministically on
the sentences that are surely labelled, with the classes balanced. The fitted trees are copied
into plain arrays (scorer.Trees), and the copy is checked to score exactly as the fitted model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression, SGDClassifier
from threadpoolctl import threadpool_limits

from transcribe.minutes.scorer import STRUCT, Features, Trees, design

EPOCHS = 20
TREES = 150  # boosting rounds
LEAVES = 15  # leaves per tree
MIN_LEAF = 40  # sentences a leaf needs: no leaf for one author's handful of phrasings


@dataclass(frozen=True)
class Setting:
    """One model setting tried: the kind ("linear" or "trees"), the words hashed (linear only) and the L2 strength
    (linear) or learning rate (trees)."""

    features: Features
    alpha: float
    kind: str = "linear"

    @property
    def name(self) -> str:
        return f"{self.features.lexical}/{self.alpha:g}" if self.kind == "linear" else f"trees/{self.alpha:g}"


Model = tuple[np.ndarray | Trees, float]  # the weights or trees, and the bias


def inputs(texts: Sequence[str], structs: np.ndarray, setting: Setting) -> Any:  # noqa: ANN401 - sparse or dense
    """The rows a setting's model reads: hashed words and facts (linear), the facts alone (trees)."""
    if setting.kind == "trees":
        return np.asarray(structs, dtype=np.float64).reshape(len(texts), len(STRUCT))
    return design(texts, structs, setting.features)


def margins(model: Model, x: Any) -> np.ndarray:  # noqa: ANN401 - sparse or dense
    """Uncalibrated scores of the rows `x` (from `inputs`)."""
    m, bias = model
    if isinstance(m, Trees):
        return m.margins(x) + bias
    return np.asarray(x @ m).ravel() + bias


def fit(xs: Sequence[Any], ys: Sequence[np.ndarray], setting: Setting) -> Model:
    """The model of `setting` on these rows, unsure rows (-1) left out; deterministic."""
    y = np.concatenate(ys)
    keep = y >= 0
    if setting.kind == "trees":
        x = np.vstack(xs)[keep]
        clf = HistGradientBoostingClassifier(learning_rate=setting.alpha, max_iter=TREES, max_leaf_nodes=LEAVES,
                                             min_samples_leaf=MIN_LEAF, l2_regularization=1.0, early_stopping=False,
                                             class_weight="balanced", random_state=0)  # fmt: skip
        with threadpool_limits(1):  # one thread: on a busy machine OpenMP's waiting threads slow it a hundredfold
            clf.fit(x, y[keep])
        trees, bias = tree_arrays(clf)
        got = trees.margins(x[:2000]) + bias
        if not np.allclose(got, clf.decision_function(x[:2000]), atol=1e-6):
            raise RuntimeError("the trees copied into arrays do not score as the fitted model")
        return trees, bias
    xm = sparse.vstack(xs, format="csr")
    clf = SGDClassifier(loss="log_loss", alpha=setting.alpha, class_weight="balanced", max_iter=EPOCHS, tol=None,
                        average=True, random_state=0)  # fmt: skip
    clf.fit(xm[keep], y[keep])
    return clf.coef_[0].copy(), float(clf.intercept_[0])


def tree_arrays(clf: HistGradientBoostingClassifier) -> tuple[Trees, float]:
    """The fitted trees as arrays and the model's baseline margin. scikit-learn keeps its trees in the
    attribute `_predictors` (one node table per round); that table is the only place they are."""
    tables = [round_[0].nodes for round_ in clf._predictors]  # noqa: SLF001 - see the docstring
    if any(t["is_categorical"].any() for t in tables):
        raise RuntimeError("categorical splits are not stored")
    offsets = np.cumsum([0] + [len(t) for t in tables[:-1]])
    nodes = np.concatenate(tables)
    shift = np.repeat(offsets, [len(t) for t in tables])
    leaf = nodes["is_leaf"].astype(bool)
    trees = Trees(
        feature=np.where(leaf, 0, nodes["feature_idx"]).astype(np.int32),
        threshold=nodes["num_threshold"].astype(np.float64),
        left=np.where(leaf, 0, nodes["left"] + shift).astype(np.int32),
        right=np.where(leaf, 0, nodes["right"] + shift).astype(np.int32),
        value=nodes["value"].astype(np.float64),
        leaf=leaf,
        roots=offsets.astype(np.int32),
    )
    return trees, float(np.ravel(clf._baseline_prediction)[0])  # noqa: SLF001


def calibrate(m: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Platt scaling of out-of-batch margins: slope and offset that make the scores probabilities."""
    keep = y >= 0
    lr = LogisticRegression(C=1e4).fit(m[keep].reshape(-1, 1), y[keep])
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])
