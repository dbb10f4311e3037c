"""Speaker clustering and word-level re-segmentation on hand-made embeddings and words."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score

from transcribe.diarize.assign import assign_speakers, join_words, sentences
from transcribe.diarize.base import Diarization, Turn
from transcribe.diarize.clustering import (
    ClusterParams,
    centre,
    cluster,
    single_speaker,
    spectral,
    two_way_similarity,
    voice_similarity,
)
from transcribe.diarize.embedded import EmbeddedDiarizer, Params, Windows, absorb_small, smooth
from transcribe.transcript import Segment, Transcript, Word


def voices(sizes: list[int], seed: int = 0, shared: float = 0.8, noise: float = 0.35) -> tuple[np.ndarray, np.ndarray]:
    """GE2E-like windows: every voice shares one direction (cosine ~0.64 between voices, as real
    different people score), windows scatter around their voice (cosine ~0.9 between two of one voice)."""
    rng = np.random.default_rng(seed)

    def unit(v: np.ndarray) -> np.ndarray:
        return v / np.linalg.norm(v, axis=-1, keepdims=True)

    common = unit(rng.normal(size=256))
    rows, truth = [], []
    for k, n in enumerate(sizes):
        voice = shared * common + np.sqrt(1 - shared**2) * unit(rng.normal(size=256))
        rows += list(voice + noise * unit(rng.normal(size=(n, 256))))
        truth += [k] * n
    return unit(np.asarray(rows)), np.asarray(truth)


def test_three_voices_found_without_a_count() -> None:
    x, truth = voices([60, 40, 30])
    labels = cluster(x)
    assert len(np.unique(labels)) == 3
    assert adjusted_rand_score(truth, labels) == pytest.approx(1.0)


def test_counts_are_honoured() -> None:
    x, truth = voices([60, 40, 30])
    assert len(np.unique(cluster(x, num=2))) == 2
    assert len(np.unique(cluster(x, hi=2))) == 2
    assert len(np.unique(cluster(x, lo=4))) == 4
    assert len(np.unique(cluster(x, num=1))) == 1


def test_one_voice_is_one_speaker_by_the_two_way_test() -> None:
    one, _ = voices([80], seed=3)
    two, _ = voices([40, 40], seed=3)
    assert two_way_similarity(one) > two_way_similarity(two)
    assert single_speaker(one) and not single_speaker(two)
    assert len(np.unique(cluster(one))) == 1


def test_short_recording_falls_back_and_still_splits() -> None:
    x, truth = voices([6, 5], seed=4)
    labels = cluster(x)  # 11 items: fewer than min_spectral
    assert adjusted_rand_score(truth, labels) == pytest.approx(1.0)


def test_spectral_autotune_finds_the_count_from_the_eigengap() -> None:
    x, truth = voices([50, 40, 30, 30], seed=5)
    labels = spectral(centre(x), 2, 8)
    assert len(np.unique(labels)) == 4
    assert adjusted_rand_score(truth, labels) > 0.95
    both = cluster(x, params=ClusterParams(method="spectral", centred=True))
    assert adjusted_rand_score(truth, both) > 0.95


def test_centring_removes_the_shared_direction() -> None:
    x, _ = voices([30, 30], seed=6)
    assert float(np.mean(x @ x.T)) > 0.6  # raw GE2E-like vectors are all alike
    c = centre(x)
    assert np.allclose(np.linalg.norm(c, axis=1), 1.0)
    assert abs(float(np.mean(c @ c.T))) < 0.1


def test_subsample_then_nearest_centroid_labels_every_item() -> None:
    x, truth = voices([200, 150], seed=7)
    labels = cluster(x, params=ClusterParams(max_items=50))
    assert labels.shape == truth.shape
    assert adjusted_rand_score(truth, labels) == pytest.approx(1.0)


def windows(labels: list[int], hop: float = 0.5) -> Windows:
    n = len(labels)
    start = np.arange(n) * hop
    x, _ = voices([n], seed=8)
    return Windows(start=start, end=start + 1.5, region=np.zeros(n, dtype=int), embedding=x)


def test_smoothing_absorbs_a_flicker_but_keeps_a_turn() -> None:
    w = windows([0] * 10 + [1] + [0] * 10 + [1] * 10)
    out = smooth(w, np.array([0] * 10 + [1] + [0] * 10 + [1] * 10), min_turn=2.0)  # one window spans 1.5 s
    assert list(out) == [0] * 21 + [1] * 10


def test_a_cluster_too_small_to_be_a_speaker_joins_another() -> None:
    x, _ = voices([20, 20, 2], seed=9)
    w = Windows(start=np.arange(42) * 0.5, end=np.arange(42) * 0.5 + 1.5, region=np.arange(42), embedding=x)
    labels = np.array([0] * 20 + [1] * 20 + [2] * 2)
    out = absorb_small(w, labels, min_speaker=3.0)
    assert len(np.unique(out)) == 2
    assert len(np.unique(absorb_small(w, labels, min_speaker=30.0, keep=2))) == 2


def test_a_distinct_voice_that_said_little_stays_but_a_fragment_of_a_voice_joins() -> None:
    x, truth = voices([30, 30, 10], seed=4)  # the third voice speaks 5 s (10 windows, 0.5 s apart)
    w = Windows(start=np.arange(70) * 0.5, end=np.arange(70) * 0.5 + 1.5, region=np.arange(70), embedding=x)
    kept = absorb_small(w, truth, min_speaker=8.0, distinct_s=4.0, distinct_cos=0.76)
    assert adjusted_rand_score(truth, kept) == pytest.approx(1.0)
    assert len(np.unique(absorb_small(w, truth, min_speaker=8.0))) == 2  # without the voice test: absorbed
    fragment = truth.copy()
    fragment[:10] = 3  # a third of the first voice split off as its own small cluster
    out = absorb_small(w, fragment, min_speaker=8.0, distinct_s=4.0, distinct_cos=0.76)
    assert len(np.unique(out)) == 3
    assert adjusted_rand_score(truth, out) == pytest.approx(1.0)


def test_a_channel_split_of_one_voice_joins_it_but_a_short_distinct_voice_stays() -> None:
    x, truth = voices([40, 40, 8], seed=13)  # the third voice: 4 s of speech
    rng = np.random.default_rng(13)
    channel = rng.normal(size=256)
    x[30:40] += 0.25 * channel / np.linalg.norm(channel)  # 5 s of the first voice over another line
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    labels = truth.copy()
    labels[30:40] = 3
    n = len(x)
    w = Windows(start=np.arange(n) * 0.5, end=np.arange(n) * 0.5 + 1.5, region=np.arange(n), embedding=x)
    out = absorb_small(w, labels, min_speaker=6.0, distinct_s=4.0, distinct_cos=0.76)
    assert len(np.unique(out)) == 3
    assert adjusted_rand_score(truth, out) == pytest.approx(1.0)


def test_voice_similarity_is_not_fooled_by_a_small_cluster() -> None:
    # windows as scattered as real GE2E windows of one voice (mean pairwise cosine ~0.72)
    x, truth = voices([200, 200], seed=14, noise=0.6)
    a, b = x[truth == 0], x[truth == 1]
    same = [voice_similarity(a[i : i + 4], a[100:]) for i in range(0, 100, 4)]  # 2 s of the same voice
    other = [voice_similarity(b[i : i + 4], a[100:]) for i in range(0, 100, 4)]
    assert min(same) > 0.97 > 0.76 > max(other)
    # a plain centroid cosine of four windows is pulled down by their own scatter
    assert np.mean([centroid_cosine(a[i : i + 4], a[100:]) for i in range(0, 100, 4)]) < np.mean(same) - 0.03


def centroid_cosine(a: np.ndarray, b: np.ndarray) -> float:
    ca, cb = a.mean(axis=0), b.mean(axis=0)
    return float(ca @ cb / np.linalg.norm(ca) / np.linalg.norm(cb))


def test_a_given_count_goes_to_voices_not_to_outliers() -> None:
    x, truth = voices([60, 50, 40], seed=11)
    rng = np.random.default_rng(11)
    odd = rng.normal(size=(3, 256))  # three windows unlike anyone (a cough, two people at once)
    x = np.vstack([x, odd / np.linalg.norm(odd, axis=1, keepdims=True)])
    n = len(x)
    w = Windows(start=np.arange(n) * 2.0, end=np.arange(n) * 2.0 + 1.5, region=np.arange(n), embedding=x)
    regions = [(float(a), float(b)) for a, b in zip(w.start, w.end, strict=True)]
    hyp = EmbeddedDiarizer().label(regions, w, 3, 3, 3)
    assert len(hyp.labels) == 3
    found = np.array([next(t.speaker for t in hyp.turns if t.start <= s < t.end) for s in w.start[:150] + 0.1])
    assert adjusted_rand_score(truth, found) == pytest.approx(1.0)


# ----------------------------------------------------------------------------- word level


def words(*items: tuple[float, float, str]) -> list[Word]:
    return [Word(start=a, end=b, text=f" {t}") for a, b, t in items]


def test_sentences_end_at_full_stops_and_long_pauses() -> None:
    ws = words((0, 0.4, "Ja."), (0.5, 0.9, "Vi"), (0.9, 1.2, "kör"), (2.6, 3.0, "Okej"), (3.0, 3.3, "då?"))
    assert [[w.text.strip() for w in s] for s in sentences(ws)] == [["Ja."], ["Vi", "kör"], ["Okej", "då?"]]


def test_a_sentence_keeps_one_speaker_when_a_turn_boundary_is_off() -> None:
    # the diariser's change comes 0.3 s early: "budgeten." would go to the next speaker word by word
    ws = words((0.0, 0.5, "Vi"), (0.5, 1.0, "går"), (1.0, 1.5, "igenom"), (1.5, 2.2, "budgeten."),
               (2.4, 2.8, "Tack"), (2.8, 3.3, "Anna."))  # fmt: skip
    shuffled = [ws[i] for i in (3, 0, 5, 1, 4, 2)]  # words arrive out of order: taken by start time
    t = Transcript(segments=[Segment(id=0, start=0.0, end=3.3, text=join_words(ws), words=shuffled)])
    d = Diarization([Turn(0.0, 1.6, "SPEAKER_00"), Turn(1.6, 3.5, "SPEAKER_01")])
    out = assign_speakers(t, d)
    assert [s.text for s in out.segments] == ["Vi går igenom budgeten.", "Tack Anna."]
    assert [s.speaker for s in out.segments] == ["SPEAKER_00", "SPEAKER_01"]
    assert all(w.speaker == "SPEAKER_00" for w in out.segments[0].words)


def test_short_windows_do_not_make_a_speaker_of_their_own() -> None:
    # two voices speak in long stretches; 12 s of sub-second scraps (breaths, phrase tails) embed alike
    # whoever said them, like a third voice, and must join the speakers instead of becoming one
    x, truth = voices([60, 60, 24], seed=12)
    n = len(x)
    start = np.arange(n) * 2.0
    end = start + np.where(truth == 2, 0.5, 1.5)
    w = Windows(start=start, end=end, region=np.arange(n), embedding=x)
    regions = [(float(a), float(b)) for a, b in zip(start, end, strict=True)]
    hyp = EmbeddedDiarizer().label(regions, w, None, 1, None)
    assert len(hyp.labels) == 2
    everyone = EmbeddedDiarizer(Params(min_window=0.0)).label(regions, w, None, 1, None)
    assert len(everyone.labels) == 3  # what happened when every window shaped the clusters
