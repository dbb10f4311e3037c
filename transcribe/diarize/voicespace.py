"""The speaker back-end the diariser compares voices through, chosen per channel.

Two back-ends, both a mean and a matrix applied to GE2E embeddings (`transcribe.speakers.backend.Backend`):

- "profiles": the voice profiles' back-end (`transcribe/speakers/data/backend.npz`), fitted on ~3 s pieces
  of dev cohort readers heard through many channels, so a voice enrolled in one channel is recognised in
  another;
- "telephone": the diariser's own (`data/telephone_backend.npz`, see `data/README.md`), fitted on the
  diariser's 1.5 s windows of the same cohort readers heard only through a telephone line. Within one
  call every voice shares the line, so what it must discount is how one voice varies over the line,
  not between channels. On the dev readers it was not fitted on (id % 4 == 2, their windows through the
  line) same-versus-different AUC 0.939 -> 0.951, EER 0.132 -> 0.116 against "profiles" (raw GE2E 0.914 /
  0.153); on pairs of windows 0.953 -> 0.965, EER 0.114 -> 0.096.

A missing or unreadable file leaves the embeddings as they are (unit length): raw cosines.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from transcribe.speakers.backend import BACKEND_PATH, load, unit_rows

TELEPHONE_BACKEND = Path(__file__).resolve().parent / "data" / "telephone_backend.npz"
BACKENDS = {"profiles": BACKEND_PATH, "telephone": TELEPHONE_BACKEND}


def project(embeddings: np.ndarray, space: str = "profiles") -> np.ndarray:
    """GE2E embeddings (..., 256) through the named back-end, unit length (float32)."""
    if space not in BACKENDS:
        raise ValueError(f"okänd röstrymd {space!r}; välj bland {', '.join(BACKENDS)}")
    b = load(BACKENDS[space])
    x = np.asarray(embeddings, dtype=np.float32)
    if b is None or x.shape[-1] != b.dim:
        return unit_rows(x)
    return b.project(x)
