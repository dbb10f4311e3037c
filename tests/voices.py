"""Hand-made voice embeddings for the speaker tests: unit vectors and a cohort of strangers."""

from __future__ import annotations

import numpy as np

DIM = 256  # Resemblyzer's embedding size


def unit(seed: int) -> np.ndarray:
    """A random direction in embedding space, the same for a seed."""
    v = np.random.default_rng(seed).normal(size=DIM)
    return (v / np.linalg.norm(v)).astype(np.float32)


def towards(base: np.ndarray, other: np.ndarray, cos: float) -> np.ndarray:
    """A unit vector whose cosine with `base` is exactly `cos` (other gives the direction)."""
    ortho = other - (other @ base) * base
    ortho /= np.linalg.norm(ortho)
    return (cos * base + np.sqrt(1 - cos**2) * ortho).astype(np.float32)


def cohort(first_seed: int, voices: int = 40, pieces: int = 6) -> np.ndarray:
    """(voices, pieces, DIM) normalised embeddings of strangers, each voice's pieces alike."""
    c = np.stack([[np.random.default_rng(first_seed + k).normal(size=DIM)] * pieces for k in range(voices)])
    c = c.astype(np.float32)
    return c / np.linalg.norm(c, axis=2, keepdims=True)
