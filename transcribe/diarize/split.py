"""The split test: is one speaker cluster better explained as two voices?

Average linkage at one threshold merges voices that sound alike in a recording's channel (steady
noise, a telephone line). Such a cluster still holds two groups of windows, and the groups follow the
speaker turns: each turn (speech region) falls wholly in one of them, where a split of one voice by
what is said would cut across its turns. So a cluster is cut in two (a two-way Ward split of
its windows) when each part holds at least `min_s` seconds and, over at least `min_turns` turns of
three windows or more, the turns' windows fall in one part with `min_consistency` or more.

Off by default (`embedded.Params.split`): on 28 dev and dev-stress conversations the three clusters
of two readers that split (noise, telephone) did so along 21-24 turns with consistency 1.0, but so
did three clusters of one reader (31-42 turns). The conversations reuse each reader's few phrases,
so there a split by what is said follows the turns as well and the turn test alone cannot tell it
from a split by voice.

A speaker who says little has few turns: a cluster holding such a voice beside a larger one never
reaches `min_turns`. `Few` lets it split on less evidence (`few.min_s` seconds a part, at least
`few.min_turns` judged turns, each part in `few.min_regions` speech regions or more, so that one
turn cut by what is said is no split) when the parts stand further apart than `max_cos` asks
(`few.max_cos`).

The order of the turns is evidence too (`Runs`, `runs_z`): two voices merged keep to whole turns of
several speech regions, so the parts come in runs of regions, where the parts of one reader cut by what
is said change from region to region as often as chance has it, or more. No bound on the parts'
similarity alone separates the two (dev merged pairs at 0.47-0.71, single readers at 0.50-0.86).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from sklearn.cluster import AgglomerativeClustering

from transcribe.diarize import clustering, voicespace


@dataclass(frozen=True)
class Runs:
    """How the turn structure moves the bound (see `runs_z`).

    Two voices merged keep their turns: a turn's speech regions follow one another and belong to one voice,
    so the parts come in long runs of regions; a voice cut by what it says changes part from region to region
    as often as chance has it, or more (each turn cut in two alike). With runs fewer than chance by more than
    `from_z` standard deviations the parts may stand `gain` more alike per further deviation (a turns-split);
    a split over few turns is no split when its parts alternate beyond `few_max_z`.
    """

    gain: float = 0.0
    from_z: float = 2.0
    few_max_z: float = float("inf")


@dataclass(frozen=True)
class Few:
    """The split of a cluster over few turns (see the module's notes)."""

    min_s: float = 3.0
    min_turns: int = 2
    min_regions: int = 2
    max_cos: float = 0.56


def two_way(x: np.ndarray, max_items: int = 1200) -> np.ndarray:
    """0/1 labels of the best split in two of a cluster's embeddings (Ward on the cluster-centred windows).

    Centred within the cluster, what all its windows share is gone and the split follows what
    tells them apart; Ward, unlike average linkage, does not peel off a few outliers. Memory is
    bounded: Ward splits at most `max_items` windows spread evenly over the cluster, the rest join
    the nearer part's mean.
    """
    x = clustering.l2(x)
    x = x - x.mean(axis=0, keepdims=True)
    if len(x) <= max_items:
        return AgglomerativeClustering(n_clusters=2, linkage="ward").fit_predict(x)
    idx = np.linspace(0, len(x) - 1, max_items).round().astype(int)
    part = AgglomerativeClustering(n_clusters=2, linkage="ward").fit_predict(x[idx])
    means = np.stack([x[idx[part == k]].mean(axis=0) for k in (0, 1)])
    return ((x[:, None, :] - means[None]) ** 2).sum(axis=-1).argmin(axis=1)


def turn_consistency(part: np.ndarray, region: np.ndarray, min_windows: int = 3) -> tuple[float, int]:
    """Share of windows in their turn's majority part, over turns of at least `min_windows`; and those turns."""
    agree = total = turns = 0
    for r in np.unique(region):
        p = part[region == r]
        if len(p) >= min_windows:
            agree += max(int(p.sum()), len(p) - int(p.sum()))
            total += len(p)
            turns += 1
    return (agree / total if total else 0.0), turns


def runs_z(part: np.ndarray, region: np.ndarray) -> float:
    """Wald-Wolfowitz runs test over the cluster's speech regions in time order, each region in its majority part.

    Negative: fewer changes of part between consecutive regions than a random order gives (parts that keep
    to whole turns); positive: more (parts that alternate). 0 when one part holds every region.
    """
    regs = np.unique(region)  # speech regions are numbered in time order
    major = np.array([part[region == r].mean() >= 0.5 for r in regs])
    n1, n2 = int(major.sum()), int((~major).sum())
    if n1 == 0 or n2 == 0 or n1 + n2 < 3:
        return 0.0
    runs = 1 + int((major[1:] != major[:-1]).sum())
    mean = 2.0 * n1 * n2 / (n1 + n2) + 1.0
    var = (mean - 1.0) * (mean - 2.0) / (n1 + n2 - 1.0)
    return float((runs - mean) / np.sqrt(max(var, 1e-9)))


def split_mixed(
    embedding: np.ndarray,
    seconds: np.ndarray,
    region: np.ndarray,
    labels: np.ndarray,
    hi: int,
    min_s: float = 8.0,
    min_turns: int = 16,
    min_consistency: float = 0.97,
    max_cos: float = 1.0,
    voices: np.ndarray | None = None,
    few: Few | None = None,
    runs: Runs = Runs(),
) -> np.ndarray:
    """Labels with every cluster that holds two voices cut in two, at most `hi` speakers in all.

    `seconds`: how much speech each window stands for; `region`: its turn. The parts must also be less
    alike than `max_cos` (`clustering.voice_similarity`, measured on `voices` when given: the windows'
    embeddings in another space, such as the speaker back-end's); with `few`, parts over fewer turns
    split too, further apart (`Few`). The largest clusters are tried first, and both parts of a split
    again (three voices merged come apart in two steps).
    """
    least = min(min_s, few.min_s) if few else min_s

    def cut(c: int, idx: np.ndarray) -> np.ndarray | None:
        if float(seconds[idx].sum()) < 2 * least or len(idx) < 4:
            return None
        part = two_way(embedding[idx])
        smaller = min(float(seconds[idx[part == 0]].sum()), float(seconds[idx[part == 1]].sum()))
        if smaller < least:
            return None
        consistency, turns = turn_consistency(part, region[idx])
        if consistency < min_consistency:
            return None
        v = embedding if voices is None else voices
        sim = clustering.voice_similarity(v[idx[part == 0]], v[idx[part == 1]])
        z = runs_z(part, region[idx])
        bound = max_cos + runs.gain * max(0.0, -z - runs.from_z)
        by_turns = smaller >= min_s and turns >= min_turns and sim < bound
        few_holds = few is not None and z <= runs.few_max_z and _few_holds(few, part, region[idx], turns, sim)
        return part if by_turns or few_holds else None

    return split_largest(labels, seconds, hi, cut, again=True)


def split_largest(labels: np.ndarray, seconds: np.ndarray, hi: int,
                  cut: Callable[[int, np.ndarray], np.ndarray | None], again: bool) -> np.ndarray:  # fmt: skip
    """Labels with clusters cut in two, the largest (in `seconds` of speech) tried first, at most `hi` in all.

    `cut(c, idx)` gives the part (0 or 1 for each of cluster `c`'s windows `idx`) when the cluster holds two
    voices, else None; with `again` both parts are tried again (three voices merged come apart in two steps).
    """
    labels = np.unique(labels, return_inverse=True)[1]

    def size(c: int) -> float:
        return float(seconds[labels == c].sum())

    todo = sorted(np.unique(labels).tolist(), key=size, reverse=True)
    while todo and len(np.unique(labels)) < hi:
        c = todo.pop(0)
        idx = np.flatnonzero(labels == c)
        part = cut(c, idx)
        if part is None:
            continue
        labels[idx[part == 1]] = new = int(labels.max()) + 1
        if again:
            todo = sorted([*todo, c, new], key=size, reverse=True)
    return labels


def _few_holds(few: Few, part: np.ndarray, region: np.ndarray, turns: int, sim: float) -> bool:
    """Does a split over few turns hold: enough judged turns, each part in enough regions, far enough apart?"""
    regions = min(len(np.unique(region[part == k])) for k in (0, 1))
    return turns >= few.min_turns and regions >= few.min_regions and sim < few.max_cos


def with_params(embedding: np.ndarray, seconds: np.ndarray, region: np.ndarray, labels: np.ndarray, top: int,
                min_s: float, raw_cos: float, cp: clustering.ClusterParams) -> np.ndarray:  # fmt: skip
    """`split_mixed` with the bounds of `cp`: through its back-end when it sets `split_cos`, else on raw windows at
    `raw_cos`; `min_s`: seconds each part of a split by turns holds."""
    if cp.split_cos is None:
        return split_mixed(embedding, seconds, region, labels, top, min_s, max_cos=raw_cos)
    voices = voicespace.project(embedding, cp.voice_space)
    few = None if cp.split_few_cos is None else Few(max_cos=cp.split_few_cos)
    runs = Runs(cp.split_runs_gain, cp.split_runs_from, cp.split_few_max_z)
    return split_mixed(embedding, seconds, region, labels, top, min_s, max_cos=cp.split_cos, voices=voices, few=few,
                       runs=runs)  # fmt: skip
