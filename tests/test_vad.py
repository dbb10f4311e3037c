"""Speech regions: a quiet, far-away speaker after a near one is still found, silence is not."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from scipy.signal import fftconvolve

from transcribe.audio import Audio
from transcribe.vad import QuietSpeech, speech_regions, trim_to_floor

LIBRISPEECH = Path(__file__).resolve().parent / "data" / "librispeech"
SR = 16_000
GAP = 0.5  # seconds of room noise between turns


def far(x: np.ndarray, rng: np.random.Generator, db: float) -> np.ndarray:
    """The voice through a reverberant room (0.8 s exponential tail), `db` quieter."""
    t = np.arange(int(0.8 * SR)) / SR
    rir = rng.standard_normal(len(t)) * np.exp(-6.9 * t / 0.8)
    rir[0] = 0.0
    rir = rir / np.sqrt(np.sum(rir**2))
    rir[0] = 0.3
    y = fftconvolve(x, rir)[: len(x)]
    return (y / np.sqrt(np.mean(y**2)) * np.sqrt(np.mean(x**2)) * 10 ** (-db / 20)).astype(np.float32)


Spans = list[tuple[float, float]]


def build_meeting(directory: Path) -> tuple[Audio, Spans, Spans]:
    """Near and far reader alternating in 6 s turns; returns the audio, far turns and silent gaps."""
    rng = np.random.default_rng(0)
    near, _ = sf.read(LIBRISPEECH / "254-12312-0000.flac", dtype="float32")
    quiet, _ = sf.read(LIBRISPEECH / "5322-7678-0000.flac", dtype="float32")
    quiet = far(quiet, rng, 22.0)
    parts, far_turns, gaps, t = [], [], [], 0.0
    for i in range(2):
        for who, x in (("near", near), ("far", quiet)):
            seg = x[i * 6 * SR : (i + 1) * 6 * SR]
            parts += [seg, np.zeros(int(GAP * SR), np.float32)]
            if who == "far":
                far_turns.append((t, t + len(seg) / SR))
            gaps.append((t + len(seg) / SR + 0.15, t + len(seg) / SR + GAP - 0.15))
            t += len(seg) / SR + GAP
    parts.append(np.zeros(3 * SR, np.float32))  # a long silence at the end
    gaps.append((t + 0.2, t + 2.8))
    y = np.concatenate(parts)
    y = y + 1e-4 * rng.standard_normal(len(y)).astype(np.float32)  # the room's noise floor
    return Audio.from_array(y, directory), far_turns, gaps


@pytest.fixture(scope="module")
def meeting(tmp_path_factory: pytest.TempPathFactory) -> tuple[Audio, Spans, Spans]:
    return build_meeting(tmp_path_factory.mktemp("vad"))


def covered(regions: list[tuple[float, float]], spans: list[tuple[float, float]]) -> float:
    """Share of the spans' time inside some region."""
    inside = sum(max(0.0, min(b, d) - max(a, c)) for a, b in spans for c, d in regions)
    return inside / sum(b - a for a, b in spans)


def test_quiet_far_speaker_is_covered(meeting) -> None:
    audio, far_turns, _ = meeting
    plain = speech_regions(audio, threshold=0.4)
    adapted = speech_regions(audio, threshold=0.4, quiet=QuietSpeech())
    assert covered(plain, far_turns) < 0.3  # the global threshold loses much of the far voice ...
    assert covered(adapted, far_turns) >= 0.7  # ... the per-recording second look finds it
    assert set(plain) <= set(adapted)  # regions already found stay as they were


def test_quiet_speech_adds_no_silence(meeting) -> None:
    audio, _, gaps = meeting
    adapted = speech_regions(audio, threshold=0.4, quiet=QuietSpeech())
    assert covered(adapted, gaps) < 0.05
    assert all(b > a for a, b in adapted)
    assert all(b <= c for (_, b), (c, _) in zip(adapted, adapted[1:], strict=False))  # sorted, no overlap


def test_region_edges_over_the_noise_floor_are_cut() -> None:
    fs = 512 / SR  # one Silero frame
    energy = np.full(400, -60.0)  # the recording's noise floor
    energy[100:200] = -25.0  # a voice from frame 100 to 200
    energy[150] = -60.0  # a brief dip inside the voice is kept
    # Silero's region starts 20 frames early and runs on 50 frames over the noise
    out = trim_to_floor([(80 * fs, 250 * fs), (300 * fs, 320 * fs)], energy, SR, 3.0, 0.15)
    assert out == [pytest.approx((100 * fs, 200 * fs))]  # the noise-only region is gone


def test_trimming_keeps_the_voices(meeting) -> None:
    audio, far_turns, gaps = meeting
    trimmed = speech_regions(audio, threshold=0.4, quiet=QuietSpeech(), trim_db=3.0)
    assert covered(trimmed, far_turns) >= 0.7
    assert covered(trimmed, gaps) < 0.05
