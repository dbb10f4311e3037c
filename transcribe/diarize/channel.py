"""The recording's channel, measured from the signal: is its speech band-limited like a telephone line?

A telephone line passes about 300-3400 Hz and is sampled at 8 kHz, so nothing of the voices
reaches above 4 kHz; a microphone in a room, even a noisy or reverberant one, leaves a few percent
of the speech energy up there (fricatives, breath, the noise itself). The share of speech energy
above `high_hz` against the energy inside the telephone band, measured on the speech regions only
(silence and a faint noise floor would say nothing of the voices), tells the two apart by tens of
dB, whatever the recording's level: one decision per recording.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from transcribe.audio import Audio

SR = 16_000
N_FFT = 512  # 32 ms frames at 16 kHz: 31.25 Hz bins


@dataclass(frozen=True)
class ChannelParams:
    high_hz: float = 4000.0  # energy at or above this is outside any telephone band
    band_hz: tuple[float, float] = (300.0, 3400.0)  # the telephone band the share is measured against
    # Speech with less than this share above `high_hz` (dB against the band) is band-limited. On the 40 dev
    # and 24 dev-stress conversations (VAD regions) telephone lines measured -32 to -45 dB, microphones in
    # clean, reverberant, noisy and far conditions -8 to -23 dB; the own samples -9 to -18 dB: the middle of the gap.
    limit_db: float = -27.0
    max_seconds: float = 60.0  # speech read for the measure, spread over the whole recording


def high_band_db(x: np.ndarray, params: ChannelParams = ChannelParams()) -> float:
    """Energy at or above `high_hz` against the energy inside `band_hz`, in dB, of 16 kHz samples `x`."""
    x = np.asarray(x, dtype=np.float32)
    if len(x) < N_FFT:
        return 0.0
    frames = np.lib.stride_tricks.sliding_window_view(x, N_FFT)[:: N_FFT // 2]
    power = (np.abs(np.fft.rfft(frames * np.hanning(N_FFT).astype(np.float32), axis=1)) ** 2).sum(axis=0)
    f = np.fft.rfftfreq(N_FFT, 1 / SR)
    band = float(power[(f >= params.band_hz[0]) & (f < params.band_hz[1])].sum())
    high = float(power[f >= params.high_hz].sum())
    return float(10 * np.log10(max(high, 1e-20) / max(band, 1e-20)))


def speech_sample(audio: Audio, regions: list[tuple[float, float]], max_seconds: float) -> np.ndarray:
    """Up to `max_seconds` of the speech regions, an equal part of every region read (bounded memory)."""
    total = sum(b - a for a, b in regions)
    if total <= 0:
        return np.zeros(0, dtype=np.float32)
    share = min(1.0, max_seconds / total)
    parts = [audio.float32(a, a + (b - a) * share) for a, b in regions if (b - a) * share * SR >= N_FFT]
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)


def measure(audio: Audio, regions: list[tuple[float, float]], params: ChannelParams = ChannelParams()) -> float:
    """The recording's speech energy above the telephone band, in dB (0.0 when there is no speech to measure)."""
    return high_band_db(speech_sample(audio, regions, params.max_seconds), params)


def band_limited(high_db: float | None, params: ChannelParams = ChannelParams()) -> bool:
    """Does speech measured at `high_db` (`measure`) come through a telephone-like band? None: not measured."""
    return high_db is not None and high_db < params.limit_db
