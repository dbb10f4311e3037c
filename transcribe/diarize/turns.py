"""Window labels to speaker turns: flickers smoothed away within a speech region, runs spread over the regions.

Words are re-segmented later (`transcribe.diarize.assign`); these turns are the diariser's own output.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from transcribe.diarize.base import Turn

if TYPE_CHECKING:
    from transcribe.diarize.embedded import Windows


def smooth(w: Windows, labels: np.ndarray, min_turn: float) -> np.ndarray:
    """Within each speech region, absorb runs shorter than `min_turn` into a longer neighbour."""
    labels = labels.copy()
    for r in np.unique(w.region):
        idx = np.flatnonzero(w.region == r)
        while True:
            runs = _runs(labels[idx])
            if len(runs) < 2:
                break
            durs = [w.end[idx[b - 1]] - w.start[idx[a]] for a, b, _ in runs]
            k = int(np.argmin(durs))
            if durs[k] >= min_turn:
                break
            left = durs[k - 1] if k > 0 else -1.0
            right = durs[k + 1] if k + 1 < len(runs) else -1.0
            a, b, _ = runs[k]
            labels[idx[a:b]] = runs[k - 1][2] if left >= right else runs[k + 1][2]
    return labels


def _runs(x: np.ndarray) -> list[tuple[int, int, int]]:
    """(start, stop, value) of runs of equal values."""
    runs: list[tuple[int, int, int]] = []
    a = 0
    for i in range(1, len(x) + 1):
        if i == len(x) or x[i] != x[a]:
            runs.append((a, i, int(x[a])))
            a = i
    return runs


def to_turns(w: Windows, labels: np.ndarray, regions: list[tuple[float, float]], merge_gap: float) -> list[Turn]:
    """Speaker turns: window labels spread over their regions, split where the label changes."""
    turns: list[Turn] = []
    centres = (w.start + w.end) / 2
    for r, (a, b) in enumerate(regions):
        idx = np.flatnonzero(w.region == r)
        if len(idx) == 0:  # too short to embed: the speaker of the nearest window in time
            if len(centres) == 0:
                continue
            near = int(np.argmin(np.abs(centres - (a + b) / 2)))
            turns.append(Turn(a, b, str(labels[near])))
            continue
        t0 = a
        for _s, e, lab in _runs(labels[idx]):
            t1 = b if e == len(idx) else float((centres[idx[e - 1]] + centres[idx[e]]) / 2)
            turns.append(Turn(t0, t1, str(lab)))
            t0 = t1
    turns.sort(key=lambda t: t.start)
    merged: list[Turn] = []
    for t in turns:
        if merged and merged[-1].speaker == t.speaker and t.start - merged[-1].end <= merge_gap:
            merged[-1] = Turn(merged[-1].start, max(merged[-1].end, t.end), t.speaker)
        else:
            merged.append(t)
    return merged
