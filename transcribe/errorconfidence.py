"""How sure the simulated recogniser is of each word, and where its errors fall, as the real one.

A real recogniser is not equally unsure everywhere: where it follows the speech its right words are
heard surely, and its errors come in bursts where the audio is hard. Two statistics of the aligned
real output carry that, and `transcribe.errormodel` applies them at any simulated rate:

- how errors follow errors: over the true words in order, the counts of (previous word erred, this
  word erred). Their odds ratio does not depend on the overall rate, so at a simulated rate `q` the
  error probability after an error and after a right word keep that ratio while their long-run mean
  stays `q` (`burst_probability`);
- a word's probability given whether it is right, the share of errors among the WINDOW events on
  each side of it (true words lost or changed, words added) and whether a lost word is right beside
  it: for right and wrong words apart, the plane logit(p) = a + b * density + c * beside fitted to the
  real words, and how far the real words lay from it (a histogram). A simulated word is drawn on the
  plane at its own place, so at WER 0.1, where few errors lie near a right word, most right words are
  sure, and the words beside a lost "inte" less so, as the real recogniser's are. The real recogniser
  on the espeak dev audio errs on most words, so it is seldom seen with few errors around: the plane
  carries what it does there to the clean passages of a low simulated rate.
"""

from __future__ import annotations

import bisect
import functools
import math
import random
from collections.abc import Sequence

import numpy as np

WINDOW = 3  # events on each side of a word that make its local error density
RESIDUAL_BINS = 24  # histogram of logit(p) around the line, over [-RESIDUAL_SPAN, RESIDUAL_SPAN]
RESIDUAL_SPAN = 6.0
P_MIN, P_MAX = 0.001, 0.999


def empty() -> dict[str, object]:
    """The statistics before any meeting is added (`points` are kept only until `finish`)."""
    return {"window": WINDOW, "burst": [[0, 0], [0, 0]], "points": {"right": [], "wrong": []}}


def density(wrong: Sequence[bool], i: int) -> float:
    """The share of errors among the events around event i (WINDOW on each side, i left out)."""
    lo, hi = max(0, i - WINDOW), min(len(wrong), i + WINDOW + 1)
    n = hi - lo - 1
    return (sum(wrong[lo:hi]) - wrong[i]) / n if n > 0 else 0.0


def _logit(p: float) -> float:
    p = min(P_MAX, max(P_MIN, p))
    return math.log(p / (1 - p))


def add(stats: dict, kinds: Sequence[str], probs: Sequence[float | None]) -> None:
    """Add one aligned meeting: its events in order ('hit', 'sub', 'merge', 'del', 'ins') and the heard words'
    probabilities (None for a deletion or a word without one)."""
    wrong = [k != "hit" for k in kinds]
    prev: bool | None = None
    for k, bad in zip(kinds, wrong, strict=True):
        if k == "ins":
            continue
        if prev is not None:
            stats["burst"][prev][bad] += 1
        prev = bad
    for i, (bad, p) in enumerate(zip(wrong, probs, strict=True)):
        if p is not None and kinds[i] != "del":
            point = (round(density(wrong, i), 4), int(beside_deletion(kinds, i)), round(_logit(p), 4))
            stats["points"]["wrong" if bad else "right"].append(point)


def beside_deletion(kinds: Sequence[str], i: int) -> bool:
    """Whether the event before or after event i is a true word the recogniser lost."""
    return (i > 0 and kinds[i - 1] == "del") or (i + 1 < len(kinds) and kinds[i + 1] == "del")


def finish(stats: dict) -> None:
    """Per right and wrong words: the plane logit(p) = a + b * density + c * beside a lost word (least squares) and
    the histogram of the words around it, in place of the words themselves (the model file stays small)."""
    for label, pts in stats.pop("points", {}).items():
        if not pts:
            continue
        x = np.array([[1.0, d, adj] for d, adj, _ in pts])
        y = np.array([v for *_, v in pts])
        a, b, c = (float(v) for v in np.linalg.lstsq(x, y, rcond=None)[0])
        hist = [0] * RESIDUAL_BINS
        for d, adj, v in pts:
            r = (v - a - b * d - c * adj + RESIDUAL_SPAN) / (2 * RESIDUAL_SPAN)
            hist[min(RESIDUAL_BINS - 1, max(0, int(r * RESIDUAL_BINS)))] += 1
        stats[label] = {"a": round(a, 4), "b": round(b, 4), "c": round(c, 4), "n": len(pts), "residuals": hist}


def log_odds_ratio(stats: dict) -> float:
    """How much likelier an error is right after an error than after a right word (log odds ratio, >= 0)."""
    (n00, n01), (n10, n11) = stats.get("burst") or [[0, 0], [0, 0]]
    if min(n00, n01, n10, n11) == 0:
        return 0.0
    return max(0.0, math.log((n11 * n00) / (n10 * n01)))


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


@functools.lru_cache(maxsize=4096)
def _shift(q: float, lor: float) -> float:
    """The log-odds shift b after a right word (b + lor after an error) whose two-state chain errs at rate q."""
    if lor <= 0 or q <= 0 or q >= 1:
        return 0.0
    base = math.log(q / (1 - q))
    lo, hi = -30.0, 0.0
    for _ in range(60):
        b = (lo + hi) / 2
        p01, p11 = _sigmoid(base + b), _sigmoid(base + b + lor)
        rate = p01 / (1 - p11 + p01)
        lo, hi = (b, hi) if rate < q else (lo, b)
    return (lo + hi) / 2


def burst_probability(q: float, after_error: bool, lor: float) -> float:
    """The error probability of a word whose mean error rate is q, after an error or after a right word, so that
    errors follow errors with odds ratio exp(lor) and the long-run rate stays q."""
    if lor <= 0 or q <= 0 or q >= 1:
        return q
    q = round(q, 4)
    b = _shift(q, lor) + (lor if after_error else 0.0)
    return _sigmoid(math.log(q / (1 - q)) + b)


def sample(hist: Sequence[int], rng: random.Random) -> float:
    """A probability drawn from a histogram over [0, 1] (uniform within its bin)."""
    return round(min(0.999, max(0.001, _draw(hist, rng))), 4)


def _draw(hist: Sequence[int], rng: random.Random) -> float:
    """A value in [0, 1] from a histogram of equal bins (uniform within its bin; uniform 0.6-1 when empty)."""
    total = sum(hist)
    if not total:
        return rng.uniform(0.6, 1.0)
    cum, acc = [], 0
    for n in hist:
        acc += n
        cum.append(acc)
    b = bisect.bisect_right(cum, rng.randrange(total))
    return (b + rng.random()) / len(hist)


def probabilities(stats: dict, kinds: Sequence[str], heard: Sequence[int], rng: random.Random) -> list[float]:
    """A probability for each heard event (indices into `kinds`, the events in order, deletions included): on the
    learned plane at the event's local error density and whether a lost word is beside it, moved by a residual
    drawn from the learned ones."""
    wrong = [k != "hit" for k in kinds]
    out = []
    for i in heard:
        fit = stats["wrong" if wrong[i] else "right"]
        x = fit["a"] + fit["b"] * density(wrong, i) + fit.get("c", 0.0) * beside_deletion(kinds, i)
        x += (2 * _draw(fit["residuals"], rng) - 1) * RESIDUAL_SPAN
        out.append(round(min(P_MAX, max(P_MIN, 1 / (1 + math.exp(-x)))), 4))
    return out


def auroc(right: Sequence[float], wrong: Sequence[float]) -> float | None:
    """How well a word's probability tells right words from wrong: P(a right word's p > a wrong word's), ties half."""
    if not right or not wrong:
        return None
    ranked = sorted([(p, 1) for p in right] + [(p, 0) for p in wrong])
    rank_sum, i = 0.0, 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        mid = (i + j + 1) / 2  # ranks i+1 .. j share their mean
        rank_sum += mid * sum(lab for _, lab in ranked[i:j])
        i = j
    n1, n0 = len(right), len(wrong)
    return (rank_sum - n1 * (n1 + 1) / 2) / (n1 * n0)
