"""Do a label's pieces agree on one voice? A label that mixes two people must not carry a name.

The diariser sometimes gives two voices one label. A low quantile of the pieces' scores
(`match.QUANTILE`) already keeps most such labels from a name, but not all: when the second voice
sounds like the first one's profile, or when it holds many short turns that give no piece of their
own, the label's typical piece still scores like the named person. Two checks on the pieces
themselves catch what the quantile misses:

- support: the share of pieces that on their own favour the profile (normalised score >=
  `Z_SUPPORT`); a mixed label has pieces that point elsewhere or nowhere;
- split: the label's pieces cut in two groups (2-means from the farthest pair); if both groups are
  substantial (`MIN_SHARE` each) and their centroids lie further apart than one voice's pieces do
  in one recording (cosine < `SPLIT_COS`), the label holds two voices. Pieces of one recording share
  its channel, so this compares voices without the enrolment's channel in between.

A label failing either is at most proposed ("Anna?"), for the reviewer to split or confirm. So is
a label whose pieces hold less than `MIN_COVERAGE` of its speech (`evidence.coverage`): turns
shorter than a piece's trimmed minimum give none, so another voice speaking in short turns can
hold most of a label's time while its pieces are someone else's.

Chosen on the 30 dev conversations (`python -m transcribe.bench.profiles_real --count 30`), with
hand-made mixed labels built from the pieces of two pure dev labels of one conversation (8 pieces
of one voice, 2, 4 or 8 of another): support >= 0.8 at Z_SUPPORT 1.0 cost no name on the dev
labels (raw cosines 52 of 82, through the back-end 56), and the split test likewise (the lowest
split cosine of a correctly named dev label was 0.85; of the one-in-three mixes still named by
the support test, most lay at 0.63-0.68). As the bench builds them (`bench.mixed_labels`), the
mixes named on raw cosines went 17 -> 0 of 285 at one voice in three, 0 of 200 half and half
(138 -> 126 of 296 at one in five, a label mostly one person's). Coverage: correctly named dev
labels had pieces holding 0.78 of their speech or more; the one dev label under 0.6 (0.57) was 65 %
one reader's by time and 5 of its 8 pieces another's, a label that would have been named wrongly.
"""

from __future__ import annotations

import numpy as np

Z_SUPPORT = 1.0  # a piece supports a profile when its normalised score with it reaches this
AGREE = 0.8  # share of a label's pieces that must support the profile it is named after
SPLIT_COS = 0.8  # two groups of a label's pieces further apart than this hold two voices
MIN_SHARE = 0.25  # ... when each group holds at least this share of the pieces
MIN_SPLIT_PIECES = 4  # fewer pieces say nothing of a split
MIN_COVERAGE = 2 / 3  # share of a label's speech its pieces must hold for a name


def support(norm: np.ndarray, floor: float = Z_SUPPORT) -> np.ndarray:
    """(profiles,) share of the pieces whose normalised score (pieces, profiles) reaches `floor`."""
    return (np.asarray(norm) >= floor).mean(axis=0)


def split_cosine(pieces: np.ndarray, min_share: float = MIN_SHARE) -> float:
    """Cosine between the centroids of the label's pieces cut in two (1.0: no substantial second group)."""
    x = np.asarray(pieces, dtype=np.float64)
    if len(x) < MIN_SPLIT_PIECES:
        return 1.0
    x = x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)
    sim = x @ x.T
    i, j = np.unravel_index(int(np.argmin(sim)), sim.shape)
    side = sim[:, i] >= sim[:, j]
    for _ in range(20):  # 2-means on the unit sphere, seeded by the farthest pair
        if side.all() or not side.any():
            return 1.0
        a, b = x[side].mean(axis=0), x[~side].mean(axis=0)
        new = x @ a / np.linalg.norm(a) >= x @ b / np.linalg.norm(b)
        if (new == side).all():
            break
        side = new
    if side.all() or not side.any() or min(side.mean(), 1 - side.mean()) < min_share:
        return 1.0
    a, b = x[side].mean(axis=0), x[~side].mean(axis=0)
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


def agrees(support_share: float | None, split: float, agree: float = AGREE, split_cos: float = SPLIT_COS) -> bool:
    """Do the pieces agree enough for a name? `support_share` None: no cohort, the split test alone."""
    return (support_share is None or support_share >= agree) and split >= split_cos
