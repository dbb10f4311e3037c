"""The split test: a cluster holding two voices that take turns is cut in two, a cluster of one voice is not."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from sklearn.metrics import adjusted_rand_score

from transcribe.diarize.clustering import BAND_LIMITED_PARAMS
from transcribe.diarize.embedded import EmbeddedDiarizer, Params, Windows
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


def telephone_call(seed: int) -> tuple[Windows, np.ndarray]:
    """Three people take 36 turns over a telephone line; two of them sound alike through it (cosine 0.85)."""
    rng = np.random.default_rng(seed)
    common = rng.standard_normal(DIM)
    a = 0.8 * common / np.linalg.norm(common) + 0.6 * voices(rng, 0.0)[0]
    a /= np.linalg.norm(a)
    o = rng.standard_normal(DIM)
    o -= (o @ a) * a
    b = 0.85 * a + np.sqrt(1 - 0.85**2) * o / np.linalg.norm(o)
    c = 0.8 * common / np.linalg.norm(common) + 0.6 * voices(rng, 0.0)[0]
    emb, region = turns(rng, [a, b, c / np.linalg.norm(c)] * 12, per_turn=6, spread=0.04)
    start = np.arange(len(emb)) * 0.5 + region * 1.0  # windows 0.5 s apart, a second between turns
    w = Windows(start, start + 1.5, region, emb, high_band_db=-40.0)  # no speech above 4 kHz: a telephone line
    return w, region % 3


def test_two_alike_voices_on_a_telephone_line_are_told_apart_by_their_turns() -> None:
    for seed in range(3):
        w, truth = telephone_call(seed)
        labels = EmbeddedDiarizer().cluster_windows(w, None, 1, None)
        assert adjusted_rand_score(truth, labels) == 1.0  # three speakers, each turn with its own
        unsplit = Params(band_limited_clustering=replace(BAND_LIMITED_PARAMS, split=False))
        merged = EmbeddedDiarizer(unsplit).cluster_windows(w, None, 1, None)
        assert len(np.unique(merged)) == 2  # the clustering alone took the two for one
        assert len(np.unique(EmbeddedDiarizer().cluster_windows(w, None, 1, 2))) == 2  # --max-speakers 2 holds
