"""A second speaker cue beside GE2E: the voice's pitch and spectral envelope per window.

Over a telephone band GE2E embeddings of two voices can stand as close as one voice's own windows. How high
a voice is (its fundamental, F0) and the shape of its spectral envelope inside the band are measured
independently of the encoder. Per window (`window_cues`):

- pitch: the median log-F0 of the window's voiced frames and their spread (a normalised autocorrelation
  over 40 ms frames every 10 ms, 60-400 Hz, voiced where the peak is 0.5 or more of the frame's energy);
- envelope: cepstral means of log mel energies restricted to the telephone band (300-3400 Hz), so wide- and
  narrow-band recordings compare, coefficients 1-12.

The cues are standardised within the recording (`standardise`): what they tell is only how voices of one
recording differ from each other. `cue_distance` gives the distance of items so standardised.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from transcribe.audio import Audio

SR = 16_000
FRAME = 640  # 40 ms: two periods of a 60 Hz voice
HOP = 160  # 10 ms
F0_MIN, F0_MAX = 60.0, 400.0
VOICED = 0.5  # normalised autocorrelation peak of a voiced frame
N_FFT = 1024
BAND = (300.0, 3400.0)
N_MEL = 24
N_CEP = 12
MIN_VOICED = 5  # voiced frames a window needs for its pitch to count


@functools.cache
def _band_mel() -> np.ndarray:
    """A mel filterbank over the telephone band only, (N_FFT // 2 + 1, N_MEL)."""
    import librosa

    fb = librosa.filters.mel(sr=SR, n_fft=N_FFT, n_mels=N_MEL, fmin=BAND[0], fmax=BAND[1], norm=None)
    return fb.astype(np.float32).T


@functools.cache
def _dct() -> np.ndarray:
    n = np.arange(N_MEL)
    k = np.arange(1, N_CEP + 1)[:, None]
    return np.cos(np.pi * k * (2 * n + 1) / (2 * N_MEL)).astype(np.float32).T  # (N_MEL, N_CEP)


def frame_features(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per 10 ms frame of 16 kHz samples `x`: log-F0 (NaN where unvoiced) and band cepstra (n, N_CEP)."""
    x = np.asarray(x, dtype=np.float32)
    if len(x) < FRAME:
        x = np.pad(x, (0, FRAME - len(x)))
    xp = np.pad(x, FRAME // 2)
    frames = np.lib.stride_tricks.sliding_window_view(xp, FRAME)[::HOP][: max(1, len(x) // HOP)]
    frames = frames - frames.mean(axis=1, keepdims=True)
    spec = np.fft.rfft(frames * np.hanning(FRAME).astype(np.float32), n=N_FFT, axis=1)
    spec_raw = np.fft.rfft(frames, n=N_FFT, axis=1)  # N_FFT >= FRAME + the longest lag: no wrap-around
    power = (np.abs(spec) ** 2).astype(np.float32)
    cep = np.log(power @ _band_mel() + 1e-8) @ _dct()
    # normalised autocorrelation (the window's own autocorrelation divided out, as in Boersma 1993)
    ac = np.fft.irfft(np.abs(spec_raw) ** 2, axis=1)[:, :FRAME]
    win_ac = np.fft.irfft(np.abs(np.fft.rfft(np.ones(FRAME, np.float32), n=N_FFT)) ** 2)[:FRAME]
    ac = ac / np.maximum(ac[:, :1], 1e-9) / np.maximum(win_ac / win_ac[0], 1e-3)
    lo, hi = int(SR / F0_MAX), int(SR / F0_MIN)
    seg = ac[:, lo : hi + 1]
    best = seg.argmax(axis=1)
    peak = seg[np.arange(len(seg)), best]
    lag = (best + lo).astype(np.float64)
    # parabolic interpolation of the peak
    i = np.clip(best + lo, 1, ac.shape[1] - 2)
    a, b, c = ac[np.arange(len(ac)), i - 1], ac[np.arange(len(ac)), i], ac[np.arange(len(ac)), i + 1]
    den = a - 2 * b + c
    lag = lag + np.where(np.abs(den) > 1e-9, 0.5 * (a - c) / np.where(np.abs(den) > 1e-9, den, 1.0), 0.0)
    energy = (frames**2).mean(axis=1)
    loud = energy > 0.05 * np.median(energy[energy > 0]) if np.any(energy > 0) else np.zeros(len(energy), bool)
    logf0 = np.where((peak >= VOICED) & loud, np.log(SR / np.maximum(lag, 1.0)), np.nan)
    return logf0, cep


def window_cues(x: np.ndarray, offset: float, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Cues (n, 3 + N_CEP) of windows [starts, ends) (seconds) inside samples `x` that begin at `offset`.

    Columns: median log-F0 of the voiced frames, their interquartile spread, the voiced share, band cepstra
    1-12 averaged over the window's frames. Pitch columns are NaN where fewer than `MIN_VOICED` frames are voiced.
    """
    logf0, cep = frame_features(x)
    out = np.full((len(starts), 3 + N_CEP), np.nan, dtype=np.float32)
    for j, (s, e) in enumerate(zip(starts, ends, strict=True)):
        a = int(round((s - offset) * SR / HOP))
        b = max(a + 1, int(round((e - offset) * SR / HOP)))
        f = logf0[a:b]
        v = f[~np.isnan(f)]
        out[j, 2] = len(v) / max(1, len(f))
        if len(v) >= MIN_VOICED:
            q1, med, q3 = np.percentile(v, [25, 50, 75])
            out[j, 0], out[j, 1] = med, q3 - q1
        out[j, 3:] = cep[a:b].mean(axis=0)
    return out


def standardise(cues: np.ndarray) -> np.ndarray:
    """Cues z-scored per column within the recording (NaN kept: a window without pitch)."""
    c = np.asarray(cues, dtype=np.float64)
    mu = np.nanmean(c, axis=0) if np.any(~np.isnan(c)) else np.zeros(c.shape[1])
    sd = np.nanstd(c, axis=0)
    return (c - mu) / np.where(sd > 1e-9, sd, 1.0)


def recording_cues(audio: Audio, regions: list[tuple[float, float]], region: np.ndarray, starts: np.ndarray,
                   ends: np.ndarray) -> np.ndarray:  # fmt: skip
    """`window_cues` of every window of a recording (`region`: each window's index into `regions`), region by region."""
    out = np.full((len(starts), 3 + N_CEP), np.nan, dtype=np.float32)
    for r in np.unique(region):
        m = region == r
        a, b = regions[int(r)]
        out[m] = window_cues(audio.float32(a, b), a, starts[m], ends[m])
    return out


@dataclass(frozen=True)
class PitchPrior:
    """How voices' pitch spreads, in log-F0 of 1.5 s window medians over the telephone line: the mean and spread of
    voices' medians (`across`) and of one voice's windows around its own median (`within`, deviations cut at `clip`:
    octave errors). Fitted on the 61 dev cohort readers (`python -m transcribe.bench.train_backend --cues`)."""

    mean: float = 5.046
    across: float = 0.286
    within: float = 0.130
    clip: float = 0.3


def pitch_latent(logf0: np.ndarray, prior: PitchPrior = PitchPrior()) -> tuple[np.ndarray, float]:
    """Windows' log-F0 as one more dimension of the PLDA's latent space (`plda.latent`), and its across-voice variance.

    In that space one voice's windows spread with variance 1 and voices' means with psi, so the pitch dimension is
    the log-F0 in units of `within` (a window without pitch at the prior's mean, deviations beyond `clip` cut) with
    psi (`across` / `within`) squared; appended to the latent windows and to psi it enters `plda.llr` as one more
    independent dimension.
    """
    f = np.asarray(logf0, dtype=np.float64)
    f = np.where(np.isnan(f), prior.mean, f)
    lo = prior.mean - 3 * prior.across - prior.clip
    hi = prior.mean + 3 * prior.across + prior.clip
    return (np.clip(f, lo, hi) - prior.mean) / prior.within, (prior.across / prior.within) ** 2


def item_vectors(cues: np.ndarray, groups: list[np.ndarray], columns: tuple[int, ...]) -> np.ndarray:
    """Per clustering item (windows `groups`), the chosen cue `columns` standardised within the recording and averaged,
    a window without pitch counting as the recording's mean (0), scaled to unit expected length."""
    z = np.nan_to_num(standardise(cues)[:, list(columns)])
    return np.stack([z[g].mean(axis=0) for g in groups]) / np.sqrt(len(columns))


def fuse(items: np.ndarray, cue_items: np.ndarray, weight: float) -> np.ndarray:
    """Unit items whose dot product is the items' cosine plus `weight`**2 times the cues' dot product, renormalised."""
    x = items / np.maximum(np.linalg.norm(items, axis=-1, keepdims=True), 1e-12)
    y = np.concatenate([x, weight * cue_items], axis=-1)
    return y / np.maximum(np.linalg.norm(y, axis=-1, keepdims=True), 1e-12)
