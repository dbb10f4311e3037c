"""A back-end for GE2E embeddings that discounts the channel: WCCN, optionally followed by LDA.

A raw GE2E cosine mixes who speaks with how they were heard: a voice enrolled clean and heard over
a telephone line or from across a reverberant room can score lower than two different people in
the same room. Within-class covariance normalisation (Hatch et al. 2006) whitens the directions in
which one voice varies between channels, so they weigh less in the cosine; LDA then keeps the
directions along which voices differ most relative to that variation. Both are fitted on voices
heard through several channels, never on anyone the benchmark scores (see
`python -m transcribe.bench.train_backend`, which rebuilds `data/backend.npz` deterministically).

The file holds two arrays, a mean and a projection matrix: no pickled code.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import numpy as np

BACKEND_PATH = Path(__file__).resolve().parent / "data" / "backend.npz"


def unit_rows(x: np.ndarray) -> np.ndarray:
    """`x` scaled to unit length along its last axis, in its own dtype; an all-zero row stays zero."""
    return x / np.maximum(np.linalg.norm(x, axis=-1, keepdims=True), 1e-12)


@dataclass(frozen=True)
class Backend:
    """x -> unit((unit(x) - mean) @ transform)."""

    mean: np.ndarray  # (dim,)
    transform: np.ndarray  # (dim, out)

    @property
    def dim(self) -> int:
        return int(self.transform.shape[0])

    def project(self, x: np.ndarray) -> np.ndarray:
        """Unit vectors in the back-end's space; any leading shape, last axis the embedding."""
        x = np.asarray(x, dtype=np.float32)
        return unit_rows((unit_rows(x) - self.mean) @ self.transform).astype(np.float32)

    def save(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp.npz")
        np.savez_compressed(tmp, mean=self.mean.astype(np.float32), transform=self.transform.astype(np.float16))
        tmp.replace(path)
        return path


def fit(embeddings: np.ndarray, speakers: np.ndarray, shrink: float = 0.1, dims: int | None = None) -> Backend:
    """Fit WCCN (and LDA to `dims` directions when given) on embeddings labelled by speaker.

    `shrink` blends the within-speaker covariance with a multiple of the identity (a share of its
    mean variance), so directions seen little in training are not blown up.
    """
    x = unit_rows(np.asarray(embeddings, dtype=np.float64))
    speakers = np.asarray(speakers)
    mean = x.mean(axis=0)
    ids = np.unique(speakers)
    centres = np.stack([x[speakers == s].mean(axis=0) for s in ids])
    within = x - centres[np.searchsorted(ids, speakers)]
    sw = within.T @ within / len(x)
    sw = (1 - shrink) * sw + shrink * np.trace(sw) / len(sw) * np.eye(len(sw))
    vals, vecs = np.linalg.eigh(sw)
    whiten = vecs / np.sqrt(np.maximum(vals, 1e-12))  # sw^(-1/2), up to a rotation
    if dims is not None:
        between = (centres - mean) @ whiten
        _, s, vt = np.linalg.svd(between, full_matrices=False)
        whiten = whiten @ vt[: min(dims, len(s))].T
    return Backend(mean.astype(np.float32), whiten.astype(np.float32))


@functools.cache
def load(path: Path = BACKEND_PATH) -> Backend | None:
    """The shipped back-end; None when the file is missing or unreadable (raw cosines then)."""
    try:
        with np.load(path) as z:
            return Backend(z["mean"].astype(np.float32), z["transform"].astype(np.float32))
    except (OSError, KeyError, ValueError):
        return None


def project(embeddings: np.ndarray) -> np.ndarray:
    """GE2E embeddings (..., 256) as the shipped back-end sees them, unit length; unchanged (but
    unit length) without a back-end file or for vectors of another size."""
    b = load()
    x = np.asarray(embeddings, dtype=np.float32)
    if b is None or x.shape[-1] != b.dim:
        return unit_rows(x)
    return b.project(x)
