"""Clustering through the speaker back-end (opt-in), on hand-made embeddings built from its shipped file."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score

from transcribe.diarize.clustering import BACKEND_PARAMS, ClusterParams, cluster, l2, with_backend
from transcribe.speakers.backend import load, project


def two_voices_heard_through_two_channels(seed: int = 0, n: int = 60) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Two voices, each heard through two channels. The voices differ along the directions the back-end
    trusts most (one voice's windows vary least there), the channels along the one it discounts most,
    and further apart in raw cosine than the voices are."""
    b = load()
    assert b is not None, "the back-end file ships with the package"
    u, _, _ = np.linalg.svd(b.transform.astype(np.float64))
    rng = np.random.default_rng(seed)
    rows, voice, channel = [], [], []
    for v in (-1, 1):
        for c in (-1, 1):
            for _ in range(n):
                x = b.mean + 0.1 * v * (u[:, 0] + u[:, 1]) + 0.25 * c * u[:, -1] + 0.01 * rng.normal(size=256)
                rows.append(x)
                voice.append(v)
                channel.append(c)
    return l2(np.asarray(rows)), np.asarray(voice), np.asarray(channel)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_back_end_finds_the_voices_where_raw_cosines_find_the_channels(seed: int) -> None:
    x, voice, channel = two_voices_heard_through_two_channels(seed)
    raw = cluster(x, params=ClusterParams())
    assert adjusted_rand_score(channel, raw) == pytest.approx(1.0)  # raw cosines: one speaker per channel
    through_backend = cluster(x, params=BACKEND_PARAMS)
    assert len(np.unique(through_backend)) == 2
    assert adjusted_rand_score(voice, through_backend) == pytest.approx(1.0)


def test_the_default_clustering_stays_on_raw_cosines() -> None:
    assert ClusterParams().backend is False
    x, _, channel = two_voices_heard_through_two_channels()
    assert adjusted_rand_score(channel, cluster(x)) == pytest.approx(1.0)


def test_a_fused_cosine_is_the_mean_of_the_raw_and_the_back_end_cosine() -> None:
    rng = np.random.default_rng(3)
    x = rng.normal(size=(5, 256))
    f = with_backend(x)
    assert np.allclose(np.linalg.norm(f, axis=1), 1.0)
    raw, bk = l2(x), project(x).astype(np.float64)
    assert np.allclose(f @ f.T, (raw @ raw.T + bk @ bk.T) / 2, atol=1e-5)
    other = rng.normal(size=(4, 64))  # not GE2E-sized: no back-end applies, the raw cosine stays
    g = with_backend(other)
    assert np.allclose(g @ g.T, l2(other) @ l2(other).T, atol=1e-6)
