"""A learned second opinion on decisions: a linear model over how a sentence sits in the meeting.

The hand rules recognise the phrasings they were written for; a new author, or a misheard cue
word ("vi beslotar att ..."), slips past them. This model scores every sentence for "the meeting
decided something here", mostly from structural facts that hold whoever wrote the meeting (the
chair speaking after several others, agreement over the next turns, "vi"/the body with a present
or obligation verb, no question, no hedge, the topic changing after it) and, with little capacity,
from hashed letters and words of the sentence's opening, where its verb phrase stands (letters
survive a misheard word). Many hashed n-grams of the whole sentence memorised the dev authors'
phrasings, so the lexical part is a setting chosen by holding out whole author batches
(`transcribe.bench.train_decisions`). Probabilities are calibrated on those held-out scores.
The model is either that linear one or gradient-boosted trees over the structural facts alone
(which of the two ranked the sentences of batches held out better ships); the trees are stored as
arrays (feature, threshold, children, leaf value per node) and walked here, so both kinds are plain
numbers in an .npz file, loading runs no pickled code, and without the file the rules run alone.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from transcribe.fsutil import atomic_write_bytes

MODEL_PATH = Path(__file__).parent / "data" / "decision_scorer.npz"
FORMAT = 3  # the npz layout; a file of another layout is not loaded
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
    "we_present_or_obligation",
    "hedge",
    "proposal_here",
    "agreeing_speakers",
    "speakers_before",
    "topic_shift_after",
    "first_person",
    "reported_or_done",
    "decision_word",
    "position",
    # the turns around it (rules/learned_context.py)
    "call_answered",
    "short_replies_before",
    "restates_before",
    "task_after",
    "task_here",
    "closer_opening",
    "no_finite_verb",
    "chair_after_others",
    "amount_or_time",
    "replies_after",
    # how the sentence was heard and whether its matter comes back (rules/learned_context.py)
    "opening_unsure",
    "mean_word_prob",
    "neighbours_unsure",
    "restated_after",
    "restated_elsewhere",
    "meeting_unsure",
)
CONTEXT = STRUCT[STRUCT.index("position") + 1 :]
LEXICAL = ("none", "opening", "full")  # what the hashed n-grams read: nothing, the opening, the whole sentence
_NUMBER = re.compile(r"\d+")


@dataclass(frozen=True)
class Features:
    """Which words the model reads besides the structural facts, and how many hashed slots they get."""

    lexical: str = "opening"
    char_bits: int = 12
    word_bits: int = 10

    @property
    def n_features(self) -> int:
        lex = 0 if self.lexical == "none" else 2**self.char_bits + 2**self.word_bits
        return lex + len(STRUCT)


def normalise(text: str, names: Sequence[str] = ()) -> str:
    """Lower case, digits as one symbol, participants' names as "namn": what generalises across meetings."""
    low = _NUMBER.sub("0", text.lower())
    for n in sorted({p for name in names for p in name.lower().split() if len(p) > 1}, key=len, reverse=True):
        low = re.sub(rf"\b{re.escape(n)}\b", "namn", low)
    return re.sub(r"\s+", " ", low).strip()


def opening(low: str) -> list[str]:
    """The words before the content, where the verb phrase stands: up to the first "att", at most six."""
    words = re.findall(r"[\w-]+", low)[:6]
    return words[: words.index("att")] if "att" in words else words


@lru_cache(maxsize=4)
def _vectorisers(char_bits: int, word_bits: int) -> tuple[object, object]:
    # scikit-learn loads here, on the first sentence scored: a minutes run without the model never pays for it
    from sklearn.feature_extraction.text import HashingVectorizer

    chars = HashingVectorizer(analyzer="char_wb", ngram_range=(2, 4), n_features=2**char_bits,
                              alternate_sign=False, norm="l2")  # fmt: skip
    words = HashingVectorizer(analyzer="word", ngram_range=(1, 2), n_features=2**word_bits, alternate_sign=False,
                              norm="l2", token_pattern=r"(?u)\b\w+\b")  # fmt: skip
    return chars, words


def design(texts: Sequence[str], structs: np.ndarray, features: Features = Features()):  # noqa: ANN201 - scipy sparse
    """The model's input rows: the hashed words `features` asks for and the structural facts side by side."""
    from scipy import sparse  # loaded with scikit-learn, see _vectorisers

    dense = sparse.csr_matrix(np.asarray(structs, dtype=np.float64).reshape(len(texts), len(STRUCT)))
    if features.lexical == "none":
        return dense
    read = list(texts) if features.lexical == "full" else [" ".join(opening(t)) for t in texts]
    chars, words = _vectorisers(features.char_bits, features.word_bits)
    return sparse.hstack([chars.transform(read), words.transform(read), dense], format="csr")  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Trees:
    """Gradient-boosted regression trees as arrays: node k tests `facts[feature[k]] <= threshold[k]` and goes to
    left[k] or right[k]; a leaf adds value[k] to the margin. `roots` are the first node of each tree."""

    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    leaf: np.ndarray
    roots: np.ndarray

    FIELDS = ("feature", "threshold", "left", "right", "value", "leaf", "roots")

    def margins(self, structs: np.ndarray) -> np.ndarray:
        """The summed leaf values of every tree for each row of structural facts."""
        x = np.asarray(structs, dtype=np.float64)
        rows = np.arange(len(x))
        total = np.zeros(len(x))
        for root in self.roots:
            node = np.full(len(x), root)
            for _ in range(64):  # deeper than any tree grown; a walk ends at the leaves
                inner = ~self.leaf[node]
                if not inner.any():
                    break
                go_left = x[rows, self.feature[node]] <= self.threshold[node]
                node = np.where(inner, np.where(go_left, self.left[node], self.right[node]), node)
            total += self.value[node]
        return total

    def arrays(self) -> dict[str, np.ndarray]:
        return {f"tree_{k}": getattr(self, k) for k in self.FIELDS}

    @classmethod
    def from_arrays(cls, f: object) -> Trees:
        return cls(*(np.asarray(f[f"tree_{k}"]) for k in cls.FIELDS))  # type: ignore[index]


@dataclass
class DecisionScorer:
    """Weights of a logistic model, its calibration and the thresholds chosen for it on held-out dev batches."""

    weights: np.ndarray
    bias: float
    add_threshold: float  # a sentence the rules passed by becomes a decision at this probability
    doubt_threshold: float  # a rule decision whose sentences all score below this is flagged
    # ... or at this one when the recogniser was unsure of its words: a misheard cue is why the rules missed it
    unsure_threshold: float = 1.01
    features: Features = field(default_factory=Features)
    calibration: tuple[float, float] = (1.0, 0.0)  # slope and offset on the raw margin (Platt)
    trees: Trees | None = None  # when set, the margin is the trees' (over the facts alone), not the weights'

    def margins(self, texts: Sequence[str], structs: np.ndarray) -> np.ndarray:
        """The uncalibrated scores."""
        if not len(texts):
            return np.zeros(0)
        if self.trees is not None:
            return self.trees.margins(np.asarray(structs).reshape(len(texts), len(STRUCT))) + self.bias
        return design(texts, structs, self.features) @ self.weights + self.bias

    def probabilities(self, texts: Sequence[str], structs: np.ndarray) -> np.ndarray:
        a, b = self.calibration
        return 1.0 / (1.0 + np.exp(-(a * self.margins(texts, structs) + b)))

    def save(self, path: Path) -> None:
        """Written atomically: float32 weights (or the trees' arrays), compressed."""
        f = self.features
        meta = [FORMAT, self.bias, self.add_threshold, self.doubt_threshold, self.unsure_threshold,
                LEXICAL.index(f.lexical), f.char_bits, f.word_bits, len(STRUCT), *self.calibration]  # fmt: skip
        trees = self.trees.arrays() if self.trees is not None else {}
        buf = _npz_bytes(weights=self.weights.astype(np.float32), meta=np.array(meta, dtype=np.float64), **trees)
        atomic_write_bytes(path, buf, mode=0o644)  # a model of how meetings decide, no meeting data

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> DecisionScorer | None:
        """The model at `path`, or None when there is none or it was built for other features."""
        if not Path(path).is_file():
            return None
        with np.load(path, allow_pickle=False) as f:
            weights, meta = f["weights"].astype(np.float64), f["meta"]
            trees = Trees.from_arrays(f) if "tree_roots" in f.files else None
        if len(meta) != 11 or int(meta[0]) != FORMAT or int(meta[8]) != len(STRUCT):
            return None
        features = Features(LEXICAL[int(meta[5])], int(meta[6]), int(meta[7]))
        if len(weights) != features.n_features or (trees is not None and trees.feature.max() >= len(STRUCT)):
            return None
        return cls(weights, float(meta[1]), float(meta[2]), float(meta[3]), float(meta[4]), features,
                   (float(meta[9]), float(meta[10])), trees)  # fmt: skip


def _npz_bytes(**arrays: np.ndarray) -> bytes:
    buf = io.BytesIO()
    np.savez_compressed(buf, **arrays)
    return buf.getvalue()


@lru_cache(maxsize=1)
def shipped() -> DecisionScorer | None:
    """The committed model (loaded once per process), or None when the file is absent."""
    return DecisionScorer.load(MODEL_PATH)
