"""A learned second opinion on decisions: a linear model over a sentence's letters, words and setting.

The hand rules recognise the phrasings they were written for; a new author, or a misheard cue
word ("vi beslotar att ..."), slips past them. This model scores every sentence for "the meeting
decided something here" from hashed character n-grams (tolerant of misspellings, since most of a
misheard word's letters survive), hashed word n-grams and a few structural facts (the chair
speaking, agreement after it, a proposal or agreeing turns before it, a "då <verb> vi" closing an
item, the chair's summing-up, whether the rules fired): how a meeting settles something, whoever
wrote its phrasing. Hashing keeps the
shipped file small and needs no vocabulary; the weights are plain numbers in an .npz file, so
loading runs no pickled code. `transcribe.bench.train_decisions` rebuilds the file from the dev
meetings; without the file the rules run alone.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from transcribe.fsutil import atomic_write_bytes

MODEL_PATH = Path(__file__).parent / "data" / "decision_scorer.npz"
CHAR_BITS = 16
WORD_BITS = 14
# The structural facts, in the order of the weights (see rules/learned.py for how each is read).
STRUCT = (
    "chair",
    "first_in_turn",
    "last_in_turn",
    "only_in_turn",
    "question",
    "next_agrees",
    "prev_question",
    "prev_proposal",
    "negation",
    "we_or_body_first",
    "has_att",
    "rule_decision",
    "rule_open",
    "content_words",
    "unsure_share",
    "cue_repaired",
    "late_in_meeting",
    "settles_discussion",
    "prev_agreement",
    "closing_formula",
    "item_closed_after",
    "in_summary",
)
_NUMBER = re.compile(r"\d+")


def normalise(text: str, names: Sequence[str] = ()) -> str:
    """Lower case, digits as one symbol, participants' names as "namn": what generalises across meetings."""
    low = _NUMBER.sub("0", text.lower())
    for n in sorted({p for name in names for p in name.lower().split() if len(p) > 1}, key=len, reverse=True):
        low = re.sub(rf"\b{re.escape(n)}\b", "namn", low)
    return re.sub(r"\s+", " ", low).strip()


@lru_cache(maxsize=1)
def _vectorisers() -> tuple[object, object]:
    # scikit-learn loads here, on the first sentence scored: a minutes run without the model never pays for it
    from sklearn.feature_extraction.text import HashingVectorizer

    chars = HashingVectorizer(analyzer="char_wb", ngram_range=(2, 5), n_features=2**CHAR_BITS,
                              alternate_sign=False, norm="l2")  # fmt: skip
    words = HashingVectorizer(analyzer="word", ngram_range=(1, 2), n_features=2**WORD_BITS, alternate_sign=False,
                              norm="l2", token_pattern=r"(?u)\b\w+\b")  # fmt: skip
    return chars, words


def design(texts: Sequence[str], structs: np.ndarray):  # noqa: ANN201 - a scipy sparse matrix
    """The model's input rows: hashed letters, hashed words and the structural facts side by side."""
    from scipy import sparse  # loaded with scikit-learn, see _vectorisers

    chars, words = _vectorisers()
    dense = sparse.csr_matrix(np.asarray(structs, dtype=np.float64).reshape(len(texts), len(STRUCT)))
    return sparse.hstack([chars.transform(texts), words.transform(texts), dense], format="csr")  # type: ignore[attr-defined]


@dataclass
class DecisionScorer:
    """Weights of a logistic model and the thresholds chosen for it on dev meetings (left out one at a time)."""

    weights: np.ndarray
    bias: float
    add_threshold: float  # a sentence the rules passed by becomes a decision at this probability
    doubt_threshold: float  # a rule decision whose sentences all score below this is flagged
    # ... or at this one when the recogniser was unsure of its words: a misheard cue is why the rules missed it
    unsure_threshold: float = 1.01

    def probabilities(self, texts: Sequence[str], structs: np.ndarray) -> np.ndarray:
        if not len(texts):
            return np.zeros(0)
        z = design(texts, structs) @ self.weights + self.bias
        return 1.0 / (1.0 + np.exp(-z))

    def save(self, path: Path) -> None:
        """Written atomically: float32 weights, compressed (most hashed slots are empty)."""
        buf = _npz_bytes(
            weights=self.weights.astype(np.float32),
            meta=np.array(
                [
                    self.bias,
                    self.add_threshold,
                    self.doubt_threshold,
                    CHAR_BITS,
                    WORD_BITS,
                    len(STRUCT),
                    self.unsure_threshold,
                ]
            ),  # fmt: skip
        )
        atomic_write_bytes(path, buf, mode=0o644)  # a model of phrasings, no meeting data

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> DecisionScorer | None:
        """The model at `path`, or None when there is none or it was built for other features."""
        if not Path(path).is_file():
            return None
        with np.load(path, allow_pickle=False) as f:
            weights, meta = f["weights"].astype(np.float64), f["meta"]
        if len(meta) != 7 or tuple(int(x) for x in meta[3:6]) != (CHAR_BITS, WORD_BITS, len(STRUCT)):
            return None
        return cls(weights, float(meta[0]), float(meta[1]), float(meta[2]), float(meta[6]))


def _npz_bytes(**arrays: np.ndarray) -> bytes:
    buf = io.BytesIO()
    np.savez_compressed(buf, **arrays)
    return buf.getvalue()


@lru_cache(maxsize=1)
def shipped() -> DecisionScorer | None:
    """The committed model (loaded once per process), or None when the file is absent."""
    return DecisionScorer.load(MODEL_PATH)
