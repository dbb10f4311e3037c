"""Channel variants of enrolment speech, so a profile still knows a voice heard another way.

A GE2E embedding carries the channel as well as the voice: on the real-voice dev conversations a
reader enrolled from a clean recording scored a median 0.83 against their own diarised speech and
as little as 0.69 over a telephone line, while two different clean readers reached 0.85. No
threshold separates those. So each enrolled sample is also embedded as heard through a telephone
band, three rooms (small to large) and background noise, and a label is compared with the
profile's closest variant: matched-condition scoring, the usual remedy (augmented enrolment)
when enrolment and test recordings differ. The variants are generic signal processing with fixed
seeds, so a profile is reproducible; no audio is kept, only their embeddings.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

SR = 16_000


def telephone(x: np.ndarray) -> np.ndarray:
    """A telephone line's 300-3400 Hz band."""
    # scipy.signal takes most of a second to import: only when a voice is enrolled, not with the CLI
    from scipy.signal import butter, sosfilt

    return sosfilt(butter(4, [300, 3400], "band", fs=SR, output="sos"), x).astype(np.float32)


def room(x: np.ndarray, rt60: float, tail: float, seed: int) -> np.ndarray:
    """A room: the direct sound plus an exponentially decaying diffuse tail (`rt60` seconds to -60 dB)."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(rt60 * SR)) / SR
    h = rng.standard_normal(len(t)) * np.exp(-6.9 * t / rt60) * tail
    h[0] = 1.0
    from scipy.signal import fftconvolve  # loaded late, as in telephone()

    y = fftconvolve(x, h)[: len(x)]
    return (y * (_peak(x) / _peak(y))).astype(np.float32)


def noisy(x: np.ndarray, snr_db: float = 15.0, seed: int = 2) -> np.ndarray:
    """Low-frequency-heavy background noise (a room's hum and murmur) at `snr_db` below the speech."""
    rng = np.random.default_rng(seed)
    n = np.cumsum(rng.standard_normal(len(x)))
    n -= np.convolve(n, np.ones(64) / 64, "same")  # a random walk, its drift removed: a falling spectrum
    loud = x[np.abs(x) > 1e-3]
    speech = float(np.sqrt(np.mean(loud**2))) if loud.size else 0.0
    n *= speech * 10 ** (-snr_db / 20) / max(float(np.sqrt(np.mean(n**2))), 1e-12)
    return (x + n).astype(np.float32)


def _peak(x: np.ndarray) -> float:
    return max(float(np.max(np.abs(x))) if x.size else 0.0, 1e-9)


# name -> transform; "clean" (the speech as recorded) is the profile's own embeddings.
VARIANTS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "telephone": telephone,
    "room_small": lambda x: room(x, 0.3, 0.1, seed=4),
    "room": lambda x: room(x, 0.5, 0.1, seed=1),
    "room_large": lambda x: room(x, 0.8, 0.2, seed=3),
    "noise": noisy,
}


def variants(x: np.ndarray) -> dict[str, np.ndarray]:
    """The speech `x` (16 kHz float) as heard through each channel of `VARIANTS`."""
    x = np.asarray(x, dtype=np.float32)
    return {name: f(x) for name, f in VARIANTS.items()}
