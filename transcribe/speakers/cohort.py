"""The impostor cohort: voices that are nobody in any meeting, to say how alike strangers sound.

A raw cosine of 0.86 means little on its own: some labels (a muffled telephone voice, a cluster
that mixes people) sit close to every voice, some profiles (a short or noisy enrolment) attract
every label. Score normalisation compares a score with the same label's and the same profile's
scores against people known to be someone else (adaptive s-norm, Matejka et al. 2017; Cumani et
al. 2011): the cohort here is 61 LibriSpeech readers (dev readers with id % 4 == 0, never used in
the benchmark's conversations; CC BY 4.0, embeddings only, no audio), each as recorded and through
the channel variants enrolment uses.
`python -m transcribe.bench.profiles_real --build-cohort` rebuilds the file.
"""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np

from transcribe.speakers.channels import VARIANTS

COHORT_PATH = Path(__file__).resolve().parent / "data" / "cohort.npz"
CHANNELS = ("clean", *VARIANTS)


@functools.cache
def cohort(path: Path = COHORT_PATH) -> np.ndarray:
    """(speakers, channels, 256) unit vectors; empty when the file is missing (no normalisation then)."""
    try:
        with np.load(path) as z:
            x = z["embeddings"].astype(np.float32)
    except (OSError, KeyError, ValueError):
        return np.zeros((0, len(CHANNELS), 256), np.float32)
    return x / np.maximum(np.linalg.norm(x, axis=2, keepdims=True), 1e-12)
