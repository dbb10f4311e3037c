"""The arithmetic behind matching voices to profiles: unit vectors, a piece against a profile's closest
channel, and adaptive s-norm against the cohort. `match.py` decides names from these numbers; kept apart
so the decisions read without the linear algebra."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from transcribe.speakers.profiles import Profile

if TYPE_CHECKING:
    from transcribe.diarize.base import Diarization


def unit_vectors(source: Diarization | Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
    """{label: unit-length embedding} of a diarisation (or a mapping); empty and non-finite ones left out."""
    embeddings = getattr(source, "embeddings", source)
    out = {}
    for label, v in embeddings.items():
        v = np.asarray(v, dtype=np.float32).ravel()
        n = float(np.linalg.norm(v))
        if v.size and np.isfinite(n) and n > 0:
            out[str(label)] = v / n
    return out


def channels(p: Profile, dim: int) -> np.ndarray:
    """(channels, dim) unit vectors: the profile as recorded and through each stored channel."""
    rows = [c for c in p.centroids().values() if c.shape == (dim,)]
    return np.stack(rows) if rows else np.zeros((0, dim), np.float32)


def closest_channel(evidence: np.ndarray, heard: list[np.ndarray]) -> np.ndarray:
    """(pieces, profiles): each piece against the profile's closest channel; -1 where sizes differ."""
    out = np.full((len(evidence), len(heard)), -1.0)
    for j, h in enumerate(heard):
        if len(h):
            out[:, j] = (evidence @ h.T).max(axis=1)
    return out


def top_stats(scores: np.ndarray, top: int) -> tuple[np.ndarray, np.ndarray]:
    """Mean and spread of each row's `top` highest cohort scores."""
    x = -np.sort(-scores, axis=-1)[..., :top]
    return x.mean(axis=-1), np.maximum(x.std(axis=-1), 0.01)


def s_norm(raw: np.ndarray, evidence: np.ndarray, heard: list[np.ndarray], cohort: np.ndarray,
                top: int) -> np.ndarray:  # fmt: skip
    """Adaptive s-norm of (pieces, profiles) scores: each piece against the cohort as profiles are
    heard (closest channel), each profile's channels against the cohort as recorded."""
    piece_mu, piece_sd = top_stats(np.einsum("nd,kcd->nkc", evidence, cohort).max(axis=2), top)
    prof = np.stack([(h @ cohort[:, 0].T).max(axis=0) if len(h) else np.zeros(len(cohort)) for h in heard])
    prof_mu, prof_sd = top_stats(prof, top)
    return 0.5 * ((raw - piece_mu[:, None]) / piece_sd[:, None] + (raw - prof_mu[None]) / prof_sd[None])


@dataclass(frozen=True)
class Scores:
    raw: np.ndarray  # (labels, profiles) cosine, the QUANTILE of the label's piece scores
    norm: np.ndarray | None  # the same, normalised against the cohort
    pieces: np.ndarray  # (labels,) pieces behind each row (0: centroid only)
    support: np.ndarray | None = None  # (labels, profiles) share of the label's pieces favouring the profile
    split: np.ndarray | None = None  # (labels,) cosine between the two groups of the label's pieces
