"""The recording's channel, told from the signal: speech through a telephone band or from a microphone."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from sklearn.metrics import adjusted_rand_score

from samples import conversations as conv
from transcribe.audio import Audio
from transcribe.diarize import channel, clustering
from transcribe.diarize.clustering import BAND_LIMITED_PARAMS, ClusterParams, l2
from transcribe.diarize.embedded import EmbeddedDiarizer, Params, Windows, absorb_small
from transcribe.speakers.backend import load

SR = conv.SR
READER = conv.TEST_POOL / "5750-100289-0000.flac"  # a real LibriSpeech reader (CC BY 4.0, see its README)


def speech() -> np.ndarray:
    x = conv.load_flac(READER)
    return x * np.float32(0.1 / np.sqrt(np.mean(x**2)))


def noisy(x: np.ndarray, snr_db: float, seed: int = 0) -> np.ndarray:
    """Pink noise at `snr_db` under the speech, as in the generator's noise condition."""
    n = conv._pink(len(x), np.random.default_rng(seed))
    return x + n * np.float32(np.sqrt(np.mean(x**2)) * 10 ** (-snr_db / 20))


def wav(tmp_path: Path, x: np.ndarray, name: str) -> Audio:
    path = tmp_path / f"{name}.wav"
    sf.write(str(path), np.clip(x, -1, 1), SR, subtype="PCM_16")
    return Audio.from_wav(path)


def test_telephone_speech_is_band_limited_and_microphone_speech_is_not(tmp_path: Path) -> None:
    x = speech()
    whole = [(0.0, len(x) / SR)]
    heard = {
        "clean": x,
        "noise": noisy(x, 12.0),
        "telephone": conv.telephone(x),
        "telephone, quiet and noisy line": conv.telephone(noisy(x * 0.05, 20.0)),
    }
    db = {k: channel.measure(wav(tmp_path, v, str(i)), whole) for i, (k, v) in enumerate(heard.items())}
    limited = {k: channel.band_limited(v) for k, v in db.items()}
    assert limited == {"clean": False, "noise": False, "telephone": True, "telephone, quiet and noisy line": True}
    # tens of dB apart, whatever the level: one decision per recording with a wide margin on each side
    limit = channel.ChannelParams().limit_db
    assert db["clean"] > limit + 5 and db["noise"] > limit + 5 and db["telephone"] < limit - 10


def test_only_speech_is_measured_not_the_hiss_between_turns(tmp_path: Path) -> None:
    """A telephone conversation recorded with wide-band hiss in its silences is still a telephone line."""
    line = conv.telephone(speech())
    hiss = np.random.default_rng(3).standard_normal(4 * SR).astype(np.float32) * np.float32(0.003)
    x = np.concatenate([hiss, line, hiss])
    spoken = [(4.0, 4.0 + len(line) / SR)]
    audio = wav(tmp_path, x, "call")
    assert channel.band_limited(channel.measure(audio, spoken))
    assert not channel.band_limited(channel.measure(audio, [(0.0, 4.0)]))  # the hiss alone: wide band


def test_the_measure_reads_a_bounded_share_of_every_region(tmp_path: Path) -> None:
    audio = wav(tmp_path, speech(), "long")
    regions = [(0.0, 4.0), (5.0, 9.0), (10.0, 12.0)]
    part = channel.speech_sample(audio, regions, max_seconds=5.0)
    assert len(part) == pytest.approx(5.0 * SR, abs=3)  # half of each region: spread over the recording
    assert len(channel.speech_sample(audio, [], 5.0)) == 0 and channel.measure(audio, []) == 0.0
    assert not channel.band_limited(None)  # not measured: the ordinary clustering


def test_the_diariser_clusters_band_limited_recordings_with_their_own_rule() -> None:
    own = ClusterParams(ahc_relative=0.5)
    d = EmbeddedDiarizer(Params(band_limited_clustering=own))
    z = np.zeros(3)
    w = Windows(z, z + 1.5, z.astype(int), np.ones((3, 256)), high_band_db=-45.0)
    assert d.clustering_params(w) is own
    microphone = Windows(z, z + 1.5, z.astype(int), np.ones((3, 256)), high_band_db=-15.0)
    assert d.clustering_params(microphone) == Params().clustering
    assert d.clustering_params(w.subset(np.array([True, False, True]))) is own  # the measure survives a subset
    assert EmbeddedDiarizer(Params(band_limited_clustering=None)).clustering_params(w) == Params().clustering
    assert Params().band_limited_clustering == BAND_LIMITED_PARAMS and BAND_LIMITED_PARAMS.backend
    assert Params().clustering.backend is False  # microphones: raw cosines


def a_call(seed: int = 0, n: int = 60) -> tuple[Windows, np.ndarray, np.ndarray]:
    """Two voices, each heard over two lines, hand-made from the shipped back-end: the voices differ along
    the directions it trusts most, the lines along the one it discounts most, further apart in raw cosine."""
    b = load()
    assert b is not None, "the back-end file ships with the package"
    u, _, _ = np.linalg.svd(b.transform.astype(np.float64))
    rng = np.random.default_rng(seed)
    rows, voice, line = [], [], []
    for v in (-1, 1):
        for c in (-1, 1):
            rows += [b.mean + 0.1 * v * (u[:, 0] + u[:, 1]) + 0.25 * c * u[:, -1] + 0.01 * rng.normal(size=256)
                     for _ in range(n)]  # fmt: skip
            voice += [v] * n
            line += [c] * n
    x = l2(np.asarray(rows))
    start = np.arange(len(x)) * 0.5
    return Windows(start, start + 1.5, np.arange(len(x)), x, high_band_db=-45.0), np.asarray(voice), np.asarray(line)


def test_over_a_telephone_band_the_diariser_finds_the_voices_not_the_lines() -> None:
    """The count pass (through the profiles' back-end, whose directions the call is made of) finds the voices;
    the partition through the telephone back-end is checked on real voices (`test_diarize_voicespace`)."""
    w, voice, line = a_call()
    counting = EmbeddedDiarizer(Params(band_limited_clustering=replace(BAND_LIMITED_PARAMS, partition=None)))
    assert adjusted_rand_score(voice, counting.cluster_windows(w, None, 1, None)) == pytest.approx(1.0)
    microphone = replace(w, high_band_db=-15.0)  # the same windows taken for a microphone: raw cosines
    by_line = EmbeddedDiarizer().cluster_windows(microphone, None, 1, None)
    assert adjusted_rand_score(line, by_line) == pytest.approx(1.0)


def test_through_a_microphone_too_a_voice_who_said_little_is_told_apart_through_the_back_end() -> None:
    """Two voices at length and a third who says four seconds, raw-alike to the first (noise or a room pulls
    voices together): the clustering keeps her apart, and so does the distinct-voice test through the back-end."""
    b = load()
    assert b is not None
    u, _, _ = np.linalg.svd(b.transform.astype(np.float64))
    rng = np.random.default_rng(0)
    rows, who = [], []
    for voice, direction, n in ((0, u[:, 0], 120), (1, u[:, 1], 120), (2, -u[:, 0], 8)):
        rows += [b.mean + 0.25 * direction + 0.03 * rng.normal(size=256) for _ in range(n)]
        who += [voice] * n
    x, who = l2(np.asarray(rows)), np.asarray(who)
    start = np.arange(len(x)) * 0.5
    w = Windows(start, start + 1.5, np.arange(len(x)), x, high_band_db=-15.0)  # a microphone: raw clustering
    assert clustering.voice_similarity(x[who == 2], x[who == 0]) > Params().distinct_cos
    labels = EmbeddedDiarizer().cluster_windows(w, None, 1, None)
    assert len(np.unique(labels)) == 3 and adjusted_rand_score(who, labels) > 0.9  # a few stray windows at most
    raw_test = Params(clustering=ClusterParams(distinct_cos=None))
    assert len(np.unique(EmbeddedDiarizer(raw_test).cluster_windows(w, None, 1, None))) == 2


def three_voices_one_saying_little(n_small: int) -> tuple[Windows, np.ndarray]:
    """Two voices at length and a third who says `n_small` half-second windows, raw-alike to the first (a
    telephone line pulls every voice together) but apart along the directions the back-end trusts."""
    b = load()
    assert b is not None
    u, _, _ = np.linalg.svd(b.transform.astype(np.float64))
    rng = np.random.default_rng(0)
    rows, who = [], []
    for voice, direction, n in ((0, u[:, 0], 120), (1, u[:, 1], 120), (2, -u[:, 0], n_small)):
        rows += [b.mean + 0.25 * direction + 0.03 * rng.normal(size=256) for _ in range(n)]
        who += [voice] * n
    x = l2(np.asarray(rows))
    start = np.arange(len(x)) * 0.5
    return Windows(start, start + 1.5, np.arange(len(x)), x, high_band_db=-45.0), np.asarray(who)


def test_over_a_telephone_band_a_voice_who_said_five_seconds_is_told_apart_through_the_back_end() -> None:
    """Eight people on a call, some of whom say a sentence or two: the raw test took them for the talkers they
    sound like over the line; through the back-end they stay, from four seconds of speech."""
    w, who = three_voices_one_saying_little(10)  # five seconds
    assert clustering.voice_similarity(w.embedding[who == 2], w.embedding[who == 0]) > Params().distinct_cos
    labels = EmbeddedDiarizer().cluster_windows(w, None, 1, None)
    assert len(np.unique(labels)) == 3 and adjusted_rand_score(who, labels) > 0.9
    raw_test = Params(band_limited_clustering=replace(BAND_LIMITED_PARAMS, distinct_cos=None))
    assert len(np.unique(EmbeddedDiarizer(raw_test).cluster_windows(w, None, 1, None))) == 2


def test_over_a_telephone_band_a_small_cluster_under_four_seconds_must_stand_far_apart_to_be_a_voice() -> None:
    """Over a line a fragment of one voice can look as distinct as another person: three seconds are not
    enough there unless the voice stands far from every kept one through the diariser's telephone back-end
    (this one stands at 0.40 of the second voice there), while through a microphone they are."""
    w, who = three_voices_one_saying_little(6)  # three seconds
    assert len(np.unique(EmbeddedDiarizer().cluster_windows(w, None, 1, None))) == 2
    # The rule itself, on the three voices as clustered: which of them stays depends on the channel only.
    # (Whether the clustering keeps six noisy windows in one piece varies with the machine's BLAS.)
    microphone = replace(w, high_band_db=-15.0)
    voices = clustering.with_backend(w.embedding)
    kept = {}
    for name, heard in (("telephone", w), ("microphone", microphone)):
        cp, p = EmbeddedDiarizer().clustering_params(heard), Params()
        distinct_s = p.distinct_s if cp.distinct_s is None else cp.distinct_s
        labels = absorb_small(
            heard, who, p.min_speaker, distinct_s=distinct_s, distinct_cos=cp.distinct_cos, voices=voices
        )
        kept[name] = len(np.unique(labels))
    assert kept == {"telephone": 2, "microphone": 3}
