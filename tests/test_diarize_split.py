"""The split test: a cluster holding two voices that take turns is cut in two, a cluster of one voice is not."""

from __future__ import annotations

import numpy as np

from transcribe.diarize.split import split_mixed, turn_consistency

DIM = 256


def voices(rng: np.random.Generator, cos: float) -> tuple[np.ndarray, np.ndarray]:
    """Two unit voice vectors `cos` alike (as merged voices in one channel are)."""
    a = rng.standard_normal(DIM)
    a /= np.linalg.norm(a)
    o = rng.standard_normal(DIM)
    o -= (o @ a) * a
    o /= np.linalg.norm(o)
    return a, cos * a + np.sqrt(1 - cos**2) * o


def turns(rng: np.random.Generator, who: list[np.ndarray], per_turn: int = 5, spread: float = 0.06):
    """Windows of consecutive turns: each turn's windows are its voice plus what is said (noise)."""
    emb, region = [], []
    for r, v in enumerate(who):
        for _ in range(per_turn):
            emb.append(v + spread * rng.standard_normal(DIM))
            region.append(r)
    emb = np.asarray(emb)
    return emb / np.linalg.norm(emb, axis=1, keepdims=True), np.asarray(region)


def test_a_cluster_of_two_voices_taking_turns_is_split() -> None:
    rng = np.random.default_rng(0)
    a, b = voices(rng, 0.8)
    order = [a, b] * 10  # 20 turns
    emb, region = turns(rng, order)
    seconds = np.full(len(emb), 0.5)
    labels = split_mixed(emb, seconds, region, np.zeros(len(emb), int), hi=10)
    assert len(np.unique(labels)) == 2
    truth = np.repeat([0, 1] * 10, 5)
    agree = max(np.mean(labels == truth), np.mean(labels != truth))
    assert agree == 1.0  # each voice's turns in one part
    kept = split_mixed(emb, seconds, region, np.zeros(len(emb), int), hi=10, max_cos=0.5)
    assert len(np.unique(kept)) == 1  # parts more alike than the limit stay one speaker


def test_a_cluster_of_one_voice_is_not_split() -> None:
    rng = np.random.default_rng(1)
    a, _ = voices(rng, 0.8)
    emb, region = turns(rng, [a] * 30)
    labels = split_mixed(emb, np.full(len(emb), 0.5), region, np.zeros(len(emb), int), hi=10)
    assert len(np.unique(labels)) == 1


def test_two_voices_in_too_few_turns_or_over_the_limit_stay_together() -> None:
    rng = np.random.default_rng(2)
    a, b = voices(rng, 0.8)
    emb, region = turns(rng, [a, b] * 4, per_turn=12)  # 8 turns: too few to tell voices from what is said
    seconds = np.full(len(emb), 0.5)
    assert len(np.unique(split_mixed(emb, seconds, region, np.zeros(len(emb), int), hi=10))) == 1
    emb, region = turns(rng, [a, b] * 10)  # enough turns, but one speaker at most was asked for
    seconds = np.full(len(emb), 0.5)
    assert len(np.unique(split_mixed(emb, seconds, region, np.zeros(len(emb), int), hi=1))) == 1


def test_turn_consistency_counts_turns_of_three_windows_or_more() -> None:
    part = np.array([0, 0, 0, 1, 1, 1, 0, 1, 0])
    region = np.array([0, 0, 0, 1, 1, 1, 2, 2, 3])
    consistency, n = turn_consistency(part, region)
    assert n == 2 and consistency == 1.0  # the two-window and one-window turns do not count
    consistency, n = turn_consistency(np.array([0, 1, 0, 1, 1, 0]), np.array([0, 0, 0, 1, 1, 1]))
    assert n == 2 and consistency == 4 / 6
