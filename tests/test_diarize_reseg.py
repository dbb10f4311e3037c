"""Re-segmentation after clustering: a region the clustering gave the wrong speaker goes back to its voice, and
an unclear window inside one speaker's turn stays with that speaker."""

from __future__ import annotations

import numpy as np

from transcribe.diarize.reseg import resegment

DIM = 64


def unit(v: np.ndarray) -> np.ndarray:
    return v / np.linalg.norm(v, axis=-1, keepdims=True)


def call(
    seed: int, order: list[int], per_region: int = 6, spread: float = 0.35
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Windows of speech regions, each region one voice of `order`: embeddings, region ids, true voices."""
    rng = np.random.default_rng(seed)
    voices = unit(rng.standard_normal((max(order) + 1, DIM)))
    emb, region, who = [], [], []
    for r, v in enumerate(order):
        for _ in range(per_region):
            emb.append(unit(voices[v] + spread * rng.standard_normal(DIM) / np.sqrt(DIM) * 4))
            region.append(r)
            who.append(v)
    return unit(np.asarray(emb)), np.asarray(region), np.asarray(who)


def test_a_region_given_the_wrong_speaker_goes_back_to_its_voice() -> None:
    order = [0, 1, 2, 0, 1, 2] * 5
    emb, region, who = call(0, order)
    labels = who.copy()
    labels[region == 7] = 2  # one of voice 1's regions put with voice 2
    out = resegment(emb, labels, region, kappa=10.0, switch=4.0, switch_gap=1.0)
    assert np.array_equal(out, who)


def test_an_unclear_window_inside_a_turn_stays_with_its_speaker() -> None:
    order = [0, 1] * 10
    emb, region, who = call(1, order)
    i = int(np.flatnonzero(region == 4)[3])  # the middle of one of voice 0's regions
    rng = np.random.default_rng(2)
    blend = unit(emb[region == 4].mean(axis=0)) + unit(emb[region == 5].mean(axis=0))
    emb[i] = unit(blend + 0.1 * rng.standard_normal(DIM))  # as like voice 1 as voice 0 (an overlap, a cough)
    labels = who.copy()
    labels[i] = 1
    out = resegment(emb, labels, region, kappa=10.0, switch=4.0, switch_gap=1.0)
    assert out[i] == out[region == 4][0]
    assert np.array_equal(out, who)  # and nothing else moved


def test_no_speaker_is_emptied() -> None:
    """A speaker heard once, briefly and much like the voice around her, keeps her window: the count stays."""
    order = [0, 1] * 4 + [1, 2, 1] + [0, 1] * 4
    emb, region, who = call(3, order)
    keep = (who != 2) | (np.cumsum(who == 2) == 1)  # one window of voice 2, between two of voice 1's regions
    emb, region, who = emb[keep], region[keep], who[keep]
    rng = np.random.default_rng(4)
    emb[who == 2] = unit(emb[who == 1].mean(axis=0) + 0.05 * rng.standard_normal(DIM))
    out = resegment(emb, who, region, kappa=10.0, switch=4.0, switch_gap=1.0)
    assert len(np.unique(out)) == 3
