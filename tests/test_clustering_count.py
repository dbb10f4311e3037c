"""The speaker count per recording: a threshold scaled to the recording, overlapped speech that is nobody's voice."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score

from transcribe.bench.speakers import summarise, table
from transcribe.diarize.clustering import ClusterParams, adaptive_threshold, cluster
from transcribe.diarize.embedded import EmbeddedDiarizer, Params, Windows
from transcribe.diarize.overlap import between_share, drop_overlaps


def unit(v: np.ndarray) -> np.ndarray:
    return v / np.linalg.norm(v, axis=-1, keepdims=True)


def voices(sizes: list[int], seed: int = 1, noise: float = 0.7, channel: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """GE2E-like windows of a few voices (cosine ~0.64 between voices); `channel` adds one direction to
    every window, as a noisy room or a telephone line pulls all voices of a recording together."""
    rng = np.random.default_rng(seed)
    common, line = unit(rng.normal(size=256)), unit(rng.normal(size=256))
    rows, truth = [], []
    for k, n in enumerate(sizes):
        voice = 0.8 * common + 0.6 * unit(rng.normal(size=256))
        rows += list(unit(voice + noise * unit(rng.normal(size=(n, 256)))) + channel * line)
        truth += [k] * n
    return unit(np.asarray(rows)), np.asarray(truth)


def test_voices_pulled_together_by_the_channel_are_still_told_apart() -> None:
    x, truth = voices([60, 40, 30], channel=1.1)  # different voices now at cosine ~0.73
    fixed = cluster(x, params=ClusterParams(ahc_relative=None))
    assert len(np.unique(fixed)) < 3  # one threshold for every recording merges them ...
    assert adjusted_rand_score(truth, cluster(x)) == pytest.approx(1.0)  # ... the recording's own does not


def test_the_threshold_follows_how_far_apart_the_voices_are() -> None:
    thresholds = [adaptive_threshold(voices([60, 40, 30], channel=c)[0]) for c in (0.0, 0.3, 0.6, 1.1)]
    assert thresholds == sorted(thresholds, reverse=True)  # the closer the voices, the tighter
    assert thresholds[0] > 0.3 > thresholds[2]
    p = ClusterParams()
    assert p.ahc_min <= min(thresholds) and max(thresholds) <= p.ahc_max
    assert adaptive_threshold(voices([1, 1])[0]) == p.ahc_threshold  # two items: nothing to measure
    assert adaptive_threshold(voices([60, 40])[0], ClusterParams(ahc_relative=None)) == p.ahc_threshold


def test_a_given_count_tells_apart_voices_closer_than_the_free_count_floor() -> None:
    """The floor on the threshold guards the count estimate; with the count given, the largest clusters
    are the speakers, so voices closer than the floor are still told apart and two odd windows take no count."""
    x, truth = voices([60, 50, 40], channel=1.2, noise=0.6)
    x = np.vstack([x, unit(np.random.default_rng(0).normal(size=(2, 256)))])  # a cough, two people at once
    n = len(x)
    w = Windows(start=np.arange(n) * 2.0, end=np.arange(n) * 2.0 + 1.5, region=np.arange(n), embedding=x)
    given = EmbeddedDiarizer().cluster_windows(w, 3, 3, 3)
    assert adjusted_rand_score(truth, given[:-2]) == pytest.approx(1.0)
    floored = Params(clustering=ClusterParams(ahc_min_given_count=ClusterParams().ahc_min))
    assert adjusted_rand_score(truth, EmbeddedDiarizer(floored).cluster_windows(w, 3, 3, 3)[:-2]) < 0.5


# ----------------------------------------------------------------------------- overlapped speech


def test_a_run_between_two_other_speakers_of_a_region_counts_as_between() -> None:
    region = np.array([0] * 8 + [1] * 3 + [2] * 3)
    labels = np.array([0, 0, 0, 2, 2, 1, 1, 1] + [2, 2, 2] + [0, 2, 0])
    seconds = np.full(len(labels), 0.5)
    # cluster 2: two windows between speakers 0 and 1, three alone in a region, one between 0 and 0
    assert between_share(region, labels, seconds, 2) == pytest.approx(2 / 6)
    assert between_share(region, labels, seconds, 0) == 0.0


def conversation(seed: int = 5) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Voices A and B take 20 turns; at 8 of the handovers two windows hear both at once (8 s in all);
    voice D says three short things (4.5 s) in regions of her own. Windows 0.5 s apart."""
    rng = np.random.default_rng(seed)
    a, b, d = (unit(0.8 * unit(np.ones(256)) + 0.6 * unit(rng.normal(size=256))) for _ in range(3))
    both = unit(rng.normal(size=256))  # two voices at once embed as neither, nor as their mean

    def spoken(v: np.ndarray, n: int) -> list[np.ndarray]:
        return list(unit(v + 0.35 * unit(rng.normal(size=(n, 256)))))

    rows, region, truth, r = [], [], [], 0
    for turn in range(20):
        first, second = (a, b) if turn % 2 == 0 else (b, a)
        k = (0, 1) if turn % 2 == 0 else (1, 0)
        blend = 2 if turn % 5 in (0, 2) else 0
        rows += spoken(first, 6) + spoken(unit(first + second + 1.5 * both), blend) + spoken(second, 6)
        truth += [k[0]] * 6 + [2] * blend + [k[1]] * 6
        region += [r] * (12 + blend)
        r += 1
        if turn % 7 == 3:
            rows += spoken(d, 3)
            truth += [3] * 3
            region += [r] * 3
            r += 1
    return unit(np.asarray(rows)), np.asarray(region), np.asarray(truth), np.full(len(truth), 0.5)


def test_a_blend_between_two_speakers_joins_them_and_a_short_speaker_of_her_own_stays() -> None:
    x, region, truth, seconds = conversation()
    out = drop_overlaps(x, region, seconds, truth)
    assert len(np.unique(out)) == 3
    speakers = truth != 2
    assert adjusted_rand_score(truth[speakers], out[speakers]) == pytest.approx(1.0)  # A, B and D intact
    assert set(out[truth == 2]) <= set(out[truth <= 1])  # each blend went to A or B, never to D
    assert len(np.unique(drop_overlaps(x, region, seconds, truth, keep=4))) == 4
    assert len(np.unique(drop_overlaps(x, region, seconds, truth, max_s=5.0))) == 4  # 8 s: too much to be blends


def test_the_diariser_counts_no_speaker_for_overlapped_speech() -> None:
    x, region, truth, _ = conversation()
    start = np.cumsum(np.where(np.r_[True, region[1:] != region[:-1]], 2.0, 0.5))  # 0.5 s pauses between regions
    w = Windows(start=start, end=start + 1.5, region=region, embedding=x)
    regions = [(float(start[region == r].min()), float(start[region == r].max() + 1.5)) for r in np.unique(region)]
    plain = EmbeddedDiarizer(Params(overlap_max_s=None)).label(regions, w, None, 1, None)
    assert len(plain.labels) == 4  # the blends kept as a voice of their own
    assert len(EmbeddedDiarizer().label(regions, w, None, 1, None).labels) == 3


def test_the_speaker_bench_says_which_counts_were_missed() -> None:
    """Per group, the recordings counted wrong by true:found speakers, so an under-count of many voices shows."""
    found = [(8, 6), (8, 6), (3, 3), (2, 3), (7, 7)]
    rows = [{"id": f"dev-{i:02d}-{t}spk-telephone", "der": 0.1, "der_collar0": 0.2, "jer": 0.1,
             "true_speakers": t, "found_speakers": f} for i, (t, f) in enumerate(found)]  # fmt: skip
    s = summarise(rows)
    assert s["count_confusion"] == {"2:3": 1, "8:6": 2}
    assert s["count_exact_share"] == 0.4
    text = table({"real_dev": {"summary": s, "baseline": s, "spectral_autotune": s}})
    assert "real_dev counted wrong (true:found): 2:3 x1, 8:6 x2" in text
    right = summarise([dict(r, found_speakers=r["true_speakers"]) for r in rows])
    assert "counted wrong" not in table({"real_dev": {"summary": right, "baseline": s, "spectral_autotune": s}})
