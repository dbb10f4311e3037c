"""Small clusters: a speaker who said little stays, a fragment of a larger voice joins it.

A free-count clustering leaves, beside the speakers, small clusters: an overlap, a cough, a phrase of
one voice that sounds unlike the rest of it, or a person who said a sentence or two. A cluster under
the speaker floor (`min_speaker` seconds) is a speaker only on evidence that it is another voice:

- from `distinct_s` seconds of speech, its voice less alike to every kept speaker than `distinct_cos`
  (`clustering.voice_similarity` on the `voices` given);
- from `faint_s` seconds, below that, further apart than `faint_cos` on `faint_voices`: the less speech a
  cluster holds, the further from every kept speaker it must stand (`ClusterParams.faint_s`).

The rest join their nearest kept speaker by the windows' own (centred) embeddings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from transcribe.diarize import clustering

if TYPE_CHECKING:
    from transcribe.diarize.embedded import Windows


def absorb_small(
    w: Windows,
    labels: np.ndarray,
    min_speaker: float,
    keep: int = 1,
    distinct_s: float = float("inf"),
    distinct_cos: float = 1.0,
    voices: np.ndarray | None = None,
    faint_s: float = float("inf"),
    faint_cos: float = -1.0,
    faint_voices: np.ndarray | None = None,
) -> np.ndarray:
    """Clusters with less than `min_speaker` seconds (an overlap, a cough) join their nearest speaker.

    At least `keep` clusters stay (the largest ones). A small cluster of at least `distinct_s`
    seconds whose voice is unlike every kept speaker (`clustering.voice_similarity` below
    `distinct_cos`: clearly less alike to them than to itself) is a speaker who said little, and stays;
    so does one of `faint_s` to `distinct_s` seconds below `faint_cos` on `faint_voices`.
    The tests are measured on `voices` (the windows' embeddings in another space, such as
    `clustering.with_backend`) when given; the small clusters join by the windows' own embeddings.
    """
    voices = w.embedding if voices is None else voices
    faint_voices = voices if faint_voices is None else faint_voices
    hop = np.minimum(w.end - w.start, np.median(np.diff(w.start)) if len(w) > 1 else 1.0)
    totals = {c: float(hop[labels == c].sum()) for c in np.unique(labels)}
    ranked = sorted(totals, key=totals.__getitem__, reverse=True)
    big = [c for c in ranked if totals[c] >= min_speaker] or ranked[:1]
    big = big if len(big) >= keep else ranked[:keep]
    kept = list(big)
    for c in ranked:
        if c in big:
            continue
        if totals[c] >= distinct_s:
            space, bound = voices, distinct_cos
        elif totals[c] >= faint_s:
            space, bound = faint_voices, faint_cos
        else:
            continue
        x = space[labels == c]
        if max(clustering.voice_similarity(x, space[labels == k]) for k in kept) < bound:
            big.append(c)
    if len(big) == len(totals):
        return labels
    small = ~np.isin(labels, big)
    out = labels.copy()
    x = clustering.centre(w.embedding)
    out[small] = clustering.nearest(x[~small], labels[~small], x[small])
    return np.unique(out, return_inverse=True)[1]
