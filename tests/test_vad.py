"""Speech regions: a quiet, far-away speaker after a near one is still found, silence and noise are not."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from faster_whisper import vad as fw_vad
from faster_whisper.vad import VadOptions
from scipy.signal import fftconvolve

from transcribe.audio import Audio
from transcribe.vad import (
    FRAME,
    QuietSpeech,
    extend_onsets,
    frame_energy,
    level_normalised,
    silero_probs,
    speech_regions,
    speech_timestamps,
    trim_to_floor,
)

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


def build_meeting(directory: Path, far_db: float = 22.0) -> tuple[Audio, Spans, Spans]:
    """Near and far reader alternating in 6 s turns; returns the audio, far turns and silent gaps."""
    rng = np.random.default_rng(0)
    near, _ = sf.read(LIBRISPEECH / "254-12312-0000.flac", dtype="float32")
    quiet, _ = sf.read(LIBRISPEECH / "5322-7678-0000.flac", dtype="float32")
    quiet = far(quiet, rng, far_db)
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
    assert covered(adapted, plain) == pytest.approx(1.0)  # regions already found are kept


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


def test_a_voice_far_under_the_others_is_found_on_level_normalised_audio(tmp_path: Path) -> None:
    audio, far_turns, gaps = build_meeting(tmp_path, far_db=32.0)  # 32 dB under the near voice
    raised_only = speech_regions(audio, threshold=0.4, quiet=QuietSpeech(agc_probability=None))
    adapted = speech_regions(audio, threshold=0.4, quiet=QuietSpeech())
    assert covered(raised_only, far_turns) < 0.3  # Silero hardly raises its probability there ...
    assert covered(adapted, far_turns) >= 0.6  # ... but hears it once the level is normalised
    assert covered(adapted, gaps) < 0.05


def test_noise_alone_is_not_speech_after_level_normalisation(tmp_path: Path) -> None:
    """Pink noise as loud as a far voice, between near speech: no region in the noise."""
    rng = np.random.default_rng(1)
    near, _ = sf.read(LIBRISPEECH / "254-12312-0000.flac", dtype="float32")
    spec = np.fft.rfft(rng.standard_normal(8 * SR))
    pink = np.fft.irfft(spec / np.sqrt(np.maximum(np.fft.rfftfreq(8 * SR, 1 / SR), 30.0)), 8 * SR)
    level = np.sqrt(np.mean(near**2)) * 10 ** (-22 / 20)  # a far voice's level
    noise = (pink / np.sqrt(np.mean(pink**2)) * level).astype(np.float32)
    y = np.concatenate(
        [near[: 6 * SR], np.zeros(SR // 2, np.float32), noise, np.zeros(SR // 2, np.float32), near[6 * SR :]]
    )
    y = y + 1e-4 * rng.standard_normal(len(y)).astype(np.float32)
    noise_span = [(6.5 + 0.3, 14.5 - 0.3)]
    adapted = speech_regions(Audio.from_array(y, tmp_path), threshold=0.4, quiet=QuietSpeech())
    assert covered(adapted, [(0.3, 5.7)]) > 0.5  # the near voice is there (with its pauses) ...
    assert covered(adapted, noise_span) < 0.1  # ... the noise is not speech


def test_level_normalisation_lifts_quiet_speech_not_the_floor() -> None:
    rng = np.random.default_rng(2)
    q = QuietSpeech()
    floor = 1e-4 * rng.standard_normal(2 * SR)  # -80 dB
    quiet = 10 ** (-50 / 20) * np.sqrt(2) * np.sin(2 * np.pi * 300 * np.arange(2 * SR) / SR)  # -50 dB
    x = np.concatenate([floor, quiet + floor, floor]).astype(np.float32)
    energy = frame_energy(x)
    y = level_normalised(x, energy, q)
    out = frame_energy(y)
    n = len(out) // 3
    middle, edges = out[n + 20 : 2 * n - 20], np.concatenate([out[: n - 20], out[2 * n + 20 :]])
    assert np.median(middle) == pytest.approx(q.agc_target_db, abs=1.0)  # the quiet tone reaches the target
    assert np.median(edges) < q.agc_target_db - q.agc_snr_db  # the floor stays under it
    assert np.max(out) <= q.agc_target_db + 4.0  # at most a few dB over it where the tone starts


def test_a_region_start_moves_back_over_its_unsure_onset() -> None:
    fs = FRAME / SR
    probs = np.full(300, 0.02)
    energy = np.full(300, -60.0)
    probs[100:200], energy[100:200] = 0.9, -25.0  # what Silero called speech from frame 100
    probs[80:100], energy[80:100] = 0.3, -25.0  # its onset: loud, but Silero unsure
    probs[90] = 0.1  # one unsure frame inside the onset is bridged
    probs[50:70], energy[50:70] = 0.3, -58.0  # raised probability at the noise floor: not speech
    probs[230:260], energy[230:260] = 0.9, -25.0  # a second region right after the first
    probs[220:230], energy[220:230] = 0.3, -25.0
    found = [(100 * fs, 200 * fs), (230 * fs, 260 * fs)]
    out = extend_onsets(found, probs, energy, SR, QuietSpeech())
    assert out[0] == pytest.approx((80 * fs, 200 * fs))
    assert out[1] == pytest.approx((220 * fs, 260 * fs))
    earlier = [(100 * fs, 200 * fs), (215 * fs, 260 * fs)]  # no move past the previous region's end
    overlap = extend_onsets([(100 * fs, 225 * fs), (230 * fs, 260 * fs)], probs, energy, SR, QuietSpeech())
    assert overlap[1][0] == pytest.approx(225 * fs)
    assert extend_onsets(earlier, probs, energy, SR, QuietSpeech(onset_probability=None)) == earlier


def probability_runs(rng: np.random.Generator, n: int) -> np.ndarray:
    """Silero-like probabilities: runs of speech and pauses of random lengths, noisy within each run."""
    out, level = [], rng.random() < 0.5
    while sum(map(len, out)) < n:
        centre = rng.uniform(0.6, 1.0) if level else rng.uniform(0.0, 0.45)
        out.append(np.clip(centre + rng.normal(0, 0.15, int(rng.integers(1, 120))), 0, 1))
        level = not level
    return np.concatenate(out)[:n]


@pytest.mark.parametrize("seed", range(6))
def test_timestamps_from_probabilities_match_faster_whisper(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same regions as faster-whisper's own function, which runs Silero itself, on the same probabilities."""
    rng = np.random.default_rng(seed)
    n_samples = int(rng.integers(200, 3000)) * FRAME + int(rng.integers(0, 2)) * int(rng.integers(1, FRAME))
    probs = probability_runs(rng, n_samples // FRAME + 1)
    monkeypatch.setattr(fw_vad, "get_vad_model", lambda: lambda audio: probs[: len(audio) // FRAME])
    opts = VadOptions(threshold=0.4, min_speech_duration_ms=150, min_silence_duration_ms=250, speech_pad_ms=100,
                      max_speech_duration_s=float(rng.choice([4.0, 30.0])))  # fmt: skip
    theirs = fw_vad.get_speech_timestamps(np.zeros(n_samples, np.float32), opts)
    ours = speech_timestamps(probs, n_samples, opts)
    assert len(theirs) > 3
    assert ours == [(t["start"], t["end"]) for t in theirs]


def test_speech_regions_run_silero_once_per_chunk_plus_the_normalised_pass(meeting, monkeypatch) -> None:
    """Silero runs once on the chunk (the threshold's regions and the quiet look share it), once normalised."""
    audio, _, _ = meeting
    model, calls = fw_vad.get_vad_model(), []
    monkeypatch.setattr(fw_vad, "get_vad_model", lambda: lambda x: calls.append(len(x)) or model(x))
    speech_regions(audio, threshold=0.4, quiet=QuietSpeech())
    assert len(calls) == 2
    calls.clear()
    speech_regions(audio, threshold=0.4, quiet=QuietSpeech(agc_probability=None))
    assert len(calls) == 1


def test_threshold_regions_are_faster_whispers(meeting) -> None:
    """With the real model: the regions are exactly those of faster-whisper's `get_speech_timestamps`."""
    audio, _, _ = meeting
    x = audio.float32(0, audio.duration)
    opts = VadOptions(threshold=0.4, min_speech_duration_ms=150, min_silence_duration_ms=250, speech_pad_ms=100,
                      max_speech_duration_s=30.0)  # fmt: skip
    theirs = [(t["start"], t["end"]) for t in fw_vad.get_speech_timestamps(x, opts)]
    assert theirs and speech_timestamps(silero_probs(x), len(x), opts) == theirs
    assert speech_regions(audio, threshold=0.4) == [(a / SR, b / SR) for a, b in theirs]
