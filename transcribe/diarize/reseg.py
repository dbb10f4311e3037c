"""Re-segmentation after the partition: each window's speaker chosen again along the turns (a Viterbi pass).

Each speaker is the mean of its windows through the back-end; a window's fit to a speaker is `kappa` times its
cosine to that mean (a von Mises-Fisher score with one concentration for the recording). Changing speaker
between two windows of one speech region costs `switch`, between two regions `switch_gap`: a window whose
neighbours and centroid disagree with its cluster follows them, and a region that sounds clearly like another
speaker goes to that speaker. The means are then taken again from the new labels (`rounds`). The count stays:
no speaker is made, and a pass that would leave one without windows is not taken.
"""

from __future__ import annotations

import numpy as np

from transcribe.diarize import clustering


def viterbi(loglik: np.ndarray, region: np.ndarray, switch: float, switch_gap: float) -> np.ndarray:
    """The best path of labels (column indices of `loglik`, windows in time order) under the change costs."""
    n, k = loglik.shape
    back = np.zeros((n, k), dtype=np.int32)
    acc = loglik[0].copy()
    for i in range(1, n):
        cost = switch if region[i] == region[i - 1] else switch_gap
        best = int(np.argmax(acc))
        move = acc[best] - cost
        back[i] = np.where(acc >= move, np.arange(k), best)
        acc = np.maximum(acc, move) + loglik[i]
    path = np.empty(n, dtype=np.int64)
    path[-1] = int(np.argmax(acc))
    for i in range(n - 1, 0, -1):
        path[i - 1] = back[i, path[i]]
    return path


def resegment(voices: np.ndarray, labels: np.ndarray, region: np.ndarray, kappa: float, switch: float,
              switch_gap: float, rounds: int = 2) -> np.ndarray:  # fmt: skip
    """Labels 0..k-1 chosen again by `viterbi` over the windows (`voices`, in time order), up to `rounds` times."""
    labels = np.unique(labels, return_inverse=True)[1]
    for _ in range(rounds):
        ids, means = clustering.centroids(voices, labels)
        if len(ids) < 2:
            break
        new = ids[viterbi(kappa * (clustering.l2(voices) @ means.T), region, switch, switch_gap)]
        if np.array_equal(new, labels) or len(np.unique(new)) < len(ids):
            break
        labels = new
    return labels
