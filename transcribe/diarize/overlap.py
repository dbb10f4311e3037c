"""Clusters of overlapped speech: windows where two people talk at once are nobody's voice.

Where one speaker starts before the other has finished, the windows over both voices embed as a
blend of them, and such blends gather in a small cluster of their own that is unlike every single
voice, so the test for a distinct speaker who said little keeps it. In time such a cluster sits
inside a speech region between two other speakers: the one finishing and the one starting. A
cluster most of whose speech lies between two different speakers of the same region is overlapped
speech, not a speaker, and its windows join their nearest speaker.

On 40 dev and 24 dev-stress conversations the clusters with at least 40 % of their speech between
two others were overlaps or fragments of a larger voice, 2-7 s each, but for one reader of 12 s
(half of it between two others): the test looks only at clusters under `max_s` seconds.
"""

from __future__ import annotations

import numpy as np

from transcribe.diarize import clustering


def _runs(region: np.ndarray, labels: np.ndarray, c: int) -> list[tuple[np.ndarray, int | None, int | None]]:
    """Each run of cluster `c`'s windows within a region: its window indices, the other label before and after it."""
    out = []
    for r in np.unique(region[labels == c]):
        idx = np.flatnonzero(region == r)
        lab = labels[idx]
        i = 0
        while i < len(idx):
            if lab[i] != c:
                i += 1
                continue
            j = i
            while j < len(idx) and lab[j] == c:
                j += 1
            before, after = lab[:i][lab[:i] != c], lab[j:][lab[j:] != c]
            out.append((idx[i:j], int(before[-1]) if len(before) else None, int(after[0]) if len(after) else None))
            i = j
    return out


def between_share(region: np.ndarray, labels: np.ndarray, seconds: np.ndarray, c: int) -> float:
    """Share of cluster `c`'s seconds in runs that have one other speaker before and another after in their region.

    `region`: each window's speech region, windows in time order; `seconds`: how much speech each stands for.
    """
    total = float(seconds[labels == c].sum())
    if total <= 0:
        return 0.0
    inside = sum(float(seconds[i].sum()) for i, a, b in _runs(region, labels, c) if None not in (a, b) and a != b)
    return inside / total


def drop_overlaps(
    embedding: np.ndarray,
    region: np.ndarray,
    seconds: np.ndarray,
    labels: np.ndarray,
    keep: int = 1,
    max_s: float = 10.0,
    min_share: float = 0.4,
) -> np.ndarray:
    """Labels 0..k-1 with every overlapped-speech cluster's windows given to the speakers around them.

    A cluster under `max_s` seconds with at least `min_share` of its speech between two other speakers
    goes, the smallest first; at least `keep` clusters stay. Each run of its windows joins the nearer
    (centred centroids) of the speakers just before and after it in its region, or the nearest of all
    when it has no neighbour there.
    """
    labels = np.unique(labels, return_inverse=True)[1]
    x = clustering.centre(embedding)
    while len(np.unique(labels)) > max(keep, 1):
        ids = np.unique(labels)
        size = {int(c): float(seconds[labels == c].sum()) for c in ids}
        found = [c for c in size if size[c] < max_s and between_share(region, labels, seconds, c) >= min_share]
        if not found:
            break
        c = min(found, key=size.__getitem__)
        others = labels != c
        names, cents = clustering.centroids(x[others], labels[others])
        out = labels.copy()
        for idx, before, after in _runs(region, labels, c):
            near = [k for k in (before, after) if k is not None] or names.tolist()
            rows = np.flatnonzero(np.isin(names, near))
            out[idx] = names[rows[(x[idx] @ cents[rows].T).argmax(axis=1)]]
        labels = np.unique(out, return_inverse=True)[1]
    return labels
