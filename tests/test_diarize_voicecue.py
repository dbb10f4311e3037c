"""The second speaker cue: a voice's pitch is read per window, also over a telephone band where its fundamental is
filtered out, and a low and a high voice stay apart once the cue is fused with embeddings that cannot tell them."""

from __future__ import annotations

import numpy as np
from scipy.signal import butter, sosfilt

from transcribe.diarize import clustering, plda, voicecue

SR = 16_000


def voice(f0: float, seconds: float, seed: int = 0) -> np.ndarray:
    """A buzzing vowel at `f0` with a slow vibrato: harmonics up to 4 kHz, falling 6 dB per octave."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * SR)) / SR
    phase = 2 * np.pi * np.cumsum(f0 * (1 + 0.02 * np.sin(2 * np.pi * 3 * t))) / SR
    x = sum(np.sin(k * phase) / k for k in range(1, int(4000 / f0)))
    return (0.1 * x / np.max(np.abs(x)) + 0.002 * rng.standard_normal(len(t))).astype(np.float32)


def telephone(x: np.ndarray) -> np.ndarray:
    return sosfilt(butter(4, [300, 3400], "band", fs=SR, output="sos"), x).astype(np.float32)


def pitch_hz(x: np.ndarray) -> float:
    cues = voicecue.window_cues(x, 0.0, np.array([0.25]), np.array([1.75]))
    return float(np.exp(cues[0, 0]))


def test_pitch_of_a_low_and_a_high_voice() -> None:
    assert abs(pitch_hz(voice(110.0, 2.0)) - 110.0) < 5.0
    assert abs(pitch_hz(voice(210.0, 2.0)) - 210.0) < 8.0


def test_pitch_is_read_over_a_telephone_band_without_its_fundamental() -> None:
    # 110 Hz lies below the band's 300 Hz: the pitch is read from the harmonics' spacing
    assert abs(pitch_hz(telephone(voice(110.0, 2.0))) - 110.0) < 5.0
    assert abs(pitch_hz(telephone(voice(180.0, 2.0))) - 180.0) < 8.0


def test_silence_has_no_pitch() -> None:
    x = (0.001 * np.random.default_rng(1).standard_normal(2 * SR)).astype(np.float32)
    cues = voicecue.window_cues(x, 0.0, np.array([0.0]), np.array([1.5]))
    assert np.isnan(cues[0, 0])


def test_two_voices_the_embeddings_merge_are_told_apart_with_the_cue_on() -> None:
    rng = np.random.default_rng(2)
    n = 20
    shared = rng.standard_normal(16)
    items = shared + 0.3 * rng.standard_normal((2 * n, 16))  # one cloud: two voices the embedding cannot tell
    cues = np.zeros((2 * n, 3 + voicecue.N_CEP), dtype=np.float32)
    cues[:, 0] = np.concatenate([rng.normal(4.7, 0.05, n), rng.normal(5.3, 0.05, n)])  # log-F0 ~110 and ~200 Hz
    cue_items = voicecue.item_vectors(cues, [np.array([i]) for i in range(2 * n)], (0,))
    truth = np.repeat([0, 1], n)

    def agree(labels: np.ndarray) -> float:
        return max(np.mean(labels == truth), np.mean(labels != truth))

    off = clustering.cluster(items, 2, params=clustering.ClusterParams(), cues=cue_items)
    on = clustering.cluster(items, 2, params=clustering.ClusterParams(cue_weight=1.0), cues=cue_items)
    assert agree(on) == 1.0
    assert agree(off) < 0.9


def test_pitch_as_a_plda_dimension_tells_two_voices_the_embeddings_cannot() -> None:
    # two voices whose windows share one cloud in the PLDA's latent space, one at ~110 Hz and one at ~200 Hz
    rng = np.random.default_rng(3)
    n, psi = 12, np.full(8, 2.0)
    a, b = rng.standard_normal((n, 8)), rng.standard_normal((n, 8))
    pa, pb = (
        voicecue.pitch_latent(rng.normal(np.log(110), 0.05, n)),
        voicecue.pitch_latent(rng.normal(np.log(200), 0.05, n)),
    )
    root = np.sqrt(n)  # two speakers' means of n windows, scaled as `plda.llr` reads one window

    def llr(x: np.ndarray, y: np.ndarray, extra: tuple[np.ndarray, np.ndarray] | None = None) -> float:
        if extra is None:
            return float(plda.llr(x.mean(0) * root, y.mean(0) * root, psi * n))
        (zx, zpsi), (zy, _) = extra
        xs, ys = np.r_[x.mean(0), zx.mean()] * root, np.r_[y.mean(0), zy.mean()] * root
        return float(plda.llr(xs, ys, np.r_[psi, zpsi] * n))

    assert llr(a, b) > 0  # the embeddings alone: one voice
    assert llr(a, b, (pa, pb)) < 0  # with the pitch: two
    same = voicecue.pitch_latent(rng.normal(np.log(110), 0.05, n))
    assert llr(a, b, (pa, same)) > llr(a, b)  # the same pitch adds evidence of one voice


def test_a_window_without_pitch_or_an_octave_wrong_says_little() -> None:
    prior = voicecue.PitchPrior()
    z, psi = voicecue.pitch_latent(np.array([np.nan, prior.mean + 5.0, prior.mean - 5.0]), prior)
    assert z[0] == 0.0  # no pitch: the voices' mean
    assert abs(z[1]) < 10 and abs(z[2]) < 10  # a wild reading is cut
    assert 3.0 < psi < 8.0  # voices stand 2-3 times further apart in pitch than one voice's windows
