"""Where someone is speaking: Silero VAD as bundled with faster-whisper.

faster-whisper ships the Silero ONNX model, so this needs no download. The
recording is read in bounded chunks (10 minutes by default) so memory stays flat
however long the meeting is; regions cut by a chunk border are joined again.

One global speech probability misses a far-away or quiet speaker: Silero gives such
speech 0.15-0.4 while the near voices of the same recording get 0.9+, and lowering the
threshold for the whole recording turns noise into speech elsewhere. `QuietSpeech` adds,
per chunk, the stretches the threshold rejected whose probability is still raised and
whose energy stands clearly above that recording's own noise floor. A voice 20 dB under the
others gets under 0.1 even so; Silero hears it once the recording is level-normalised (a
short-term gain that lifts every stretch above the noise floor to one level), so a second
Silero pass on that normalised audio adds what it calls speech there (`level_normalised`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.ndimage import uniform_filter1d

from transcribe.audio import Audio

CHUNK_SECONDS = 600.0
FRAME = 512  # Silero's frame at 16 kHz (32 ms)


@dataclass(frozen=True)
class QuietSpeech:
    """Second look at what the threshold called non-speech, adapted to each recording.

    A frame counts when Silero gives it at least `probability` and its energy is at least
    `snr_db` above the recording's noise floor (the `floor_percentile` of its frame energies).
    Such frames joined over gaps shorter than `min_gap`, kept away `margin` from regions
    already found and lasting `min_speech` or more, become regions of their own.
    """

    probability: float = 0.1
    snr_db: float = 12.0
    floor_percentile: float = 10.0
    min_speech: float = 0.5
    min_gap: float = 0.25
    margin: float = 0.1
    # A region's start moves back over frames of at least this probability and `snr_db` over the floor:
    # Silero ends a region only under its lower threshold (threshold - 0.15) but starts one only over
    # the threshold, so a voice Silero is unsure of (a telephone line) lost each phrase's onset.
    onset_probability: float | None = 0.25
    # The level-normalised pass (`level_normalised`); agc_probability None: off. Its frames need
    # `agc_probability` there and energy `agc_snr_db` above a floor taken low (`agc_floor_percentile`):
    # a dense conversation's 10th percentile is already a far voice's level.
    agc_probability: float | None = 0.5
    agc_snr_db: float = 6.0
    agc_floor_percentile: float = 1.0
    agc_window: float = 0.5
    agc_target_db: float = -26.0
    agc_max_gain_db: float = 30.0


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """(start, end) frame indices of the True runs of a boolean array."""
    edges = np.diff(np.concatenate(([0], mask.astype(np.int8), [0])))
    return list(zip(np.flatnonzero(edges == 1).tolist(), np.flatnonzero(edges == -1).tolist(), strict=True))


def close_gaps(mask: np.ndarray, gap: int) -> np.ndarray:
    """The mask with False runs of at most `gap` frames between True frames set True (in place)."""
    for a, b in _runs(~mask):
        if 0 < a and b < len(mask) and b - a <= gap:
            mask[a:b] = True
    return mask


def frame_energy(samples: np.ndarray) -> np.ndarray:
    """dB energy of each whole Silero frame (a view of the samples: no copy of the chunk)."""
    n = len(samples) // FRAME
    frames = samples[: n * FRAME].reshape(n, FRAME)
    return 10 * np.log10(np.einsum("ij,ij->i", frames, frames) / FRAME + 1e-12)


def level_normalised(samples: np.ndarray, energy: np.ndarray, q: QuietSpeech) -> np.ndarray:
    """The samples with a short-term gain bringing each stretch to `agc_target_db` (whole frames only).

    The level a gain is computed from never goes under the floor plus `agc_snr_db`, so noise
    between voices stays that far under the target, and the gain is capped at `agc_max_gain_db`.
    """
    n = len(energy)
    if n == 0:
        return samples[:0]
    short = 10 * np.log10(uniform_filter1d(10 ** (energy / 10), max(1, round(q.agc_window * 16_000 / FRAME))) + 1e-12)
    level = np.maximum(short, np.percentile(energy, q.agc_floor_percentile) + q.agc_snr_db)
    gain = 10 ** (np.clip(q.agc_target_db - level, 0.0, q.agc_max_gain_db) / 20)
    out = samples[: n * FRAME].reshape(n, FRAME) * gain[:, None].astype(np.float32)
    return np.clip(out.ravel(), -1.0, 1.0)


def extend_onsets(
    found: list[tuple[float, float]], probs: np.ndarray, energy: np.ndarray, sample_rate: int, q: QuietSpeech
) -> list[tuple[float, float]]:
    """Each region's start moved back over the frames before it that still sound like its speech.

    Such a frame has at least `onset_probability` and energy `snr_db` over the recording's floor (gaps
    up to `min_gap` bridged, as within speech); the move stops at the previous region's end, so regions
    never overlap.
    """
    if q.onset_probability is None or not len(energy):
        return found
    fs = FRAME / sample_rate
    n = min(len(probs), len(energy))
    ok = (probs[:n] >= q.onset_probability) & (energy[:n] >= np.percentile(energy, q.floor_percentile) + q.snr_db)
    ok = close_gaps(ok, int(round(q.min_gap / fs)))
    out: list[tuple[float, float]] = []
    for a, b in found:
        stop = int(np.ceil(out[-1][1] / fs)) if out else 0
        i = min(n, int(a / fs))
        while i > stop and ok[i - 1]:
            i -= 1
        out.append((min(a, max(i * fs, out[-1][1] if out else 0.0)), b))
    return out


def trim_to_floor(
    found: list[tuple[float, float]], energy: np.ndarray, sample_rate: int, above_db: float, min_speech: float
) -> list[tuple[float, float]]:
    """Move each region's edges inward past frames within `above_db` of the recording's noise floor.

    Silero keeps a region open until its probability has fallen well below the threshold, so in
    steady noise a region runs on over the noise after the voice stops (the floor is the 10th
    percentile of the chunk's frame energies, as in `QuietSpeech`).
    """
    if not len(energy):
        return found
    fs = FRAME / sample_rate
    low = energy < np.percentile(energy, 10) + above_db
    out = []
    for a, b in found:
        i, j = int(a / fs), min(len(low), int(np.ceil(b / fs)))
        while i < j and low[i]:
            i += 1
        while j > i and low[j - 1]:
            j -= 1
        a2, b2 = max(a, i * fs), min(b, j * fs)
        if b2 - a2 >= min_speech:
            out.append((a2, b2))
    return out


def quiet_regions(
    samples: np.ndarray,
    sample_rate: int,
    found: list[tuple[float, float]],
    probs: np.ndarray,
    q: QuietSpeech,
    max_speech: float,
    agc_probs: np.ndarray | None = None,
) -> list[tuple[float, float]]:
    """Regions of raised speech probability and clear energy outside `found` (seconds in `samples`).

    `agc_probs`: Silero's probabilities on the `level_normalised` samples, checked by their own rule.
    """
    fs = FRAME / sample_rate
    n = min(len(probs), len(samples) // FRAME)
    if n == 0:
        return []
    energy = frame_energy(samples[: n * FRAME])
    mask = (probs[:n] >= q.probability) & (energy >= np.percentile(energy, q.floor_percentile) + q.snr_db)
    if agc_probs is not None and q.agc_probability is not None:
        m = min(n, len(agc_probs))
        floor = np.percentile(energy, q.agc_floor_percentile)
        mask[:m] |= (agc_probs[:m] >= q.agc_probability) & (energy[:m] >= floor + q.agc_snr_db)
    mask = close_gaps(mask, int(round(q.min_gap / fs)))  # short gaps inside a stretch
    for a, b in found:
        mask[max(0, int((a - q.margin) / fs)) : int(np.ceil((b + q.margin) / fs))] = False
    out: list[tuple[float, float]] = []
    for a, b in _runs(mask):
        if (b - a) * fs < q.min_speech:
            continue
        pieces = int(np.ceil((b - a) * fs / max_speech))  # bounded regions, like the threshold's own
        cuts = np.linspace(a, b, pieces + 1)
        out += [(float(cuts[i] * fs), float(cuts[i + 1] * fs)) for i in range(pieces)]
    return out


def silero_probs(samples: np.ndarray) -> np.ndarray:
    """Silero's speech probability per frame, on the samples padded as `get_speech_timestamps` pads them."""
    # faster_whisper loads ctranslate2: only when probabilities are asked for.
    from faster_whisper.vad import get_vad_model

    padded = np.pad(samples, (0, FRAME - len(samples) % FRAME))
    return np.asarray(get_vad_model()(padded)).ravel()


def speech_timestamps(probs: np.ndarray, n_samples: int, opts: Any, sample_rate: int = 16_000) -> list[tuple[int, int]]:
    """(start, end) samples of speech from Silero's frame probabilities (`silero_probs`).

    The hysteresis, region cap and padding of faster-whisper's `get_speech_timestamps`, step for
    step, on probabilities computed once: that function runs Silero itself, and the quiet-speech
    look needs the same probabilities, so calling it meant running Silero twice on every chunk.
    `opts` is faster-whisper's `VadOptions`.
    """
    threshold = opts.threshold
    neg = opts.neg_threshold if opts.neg_threshold is not None else max(threshold - 0.15, 0.01)
    min_speech = sample_rate * opts.min_speech_duration_ms / 1000
    pad = sample_rate * opts.speech_pad_ms / 1000
    max_speech = sample_rate * opts.max_speech_duration_s - FRAME - 2 * pad
    min_silence = sample_rate * opts.min_silence_duration_ms / 1000
    min_silence_at_max = sample_rate * 98 / 1000
    triggered = False
    speeches: list[list[int]] = []
    start = temp_end = prev_end = next_start = 0
    for i, p in enumerate(np.asarray(probs, dtype=np.float64).tolist()):
        at = FRAME * i
        if p >= threshold and temp_end:
            temp_end = 0
            if next_start < prev_end:
                next_start = at
        if p >= threshold and not triggered:
            triggered, start = True, at
            continue
        if triggered and at - start > max_speech:
            if prev_end:
                speeches.append([start, prev_end])
                if next_start < prev_end:  # silence reached before the cap and no speech since
                    triggered = False
                else:
                    start = next_start
                prev_end = next_start = temp_end = 0
            else:
                speeches.append([start, at])
                prev_end = next_start = temp_end = 0
                triggered = False
                continue
        if p < neg and triggered:
            if not temp_end:
                temp_end = at
            if at - temp_end > min_silence_at_max:  # a pause where a capped region may be cut
                prev_end = temp_end
            if at - temp_end < min_silence:
                continue
            if temp_end - start > min_speech:
                speeches.append([start, temp_end])
            prev_end = next_start = temp_end = 0
            triggered = False
    if triggered and n_samples - start > min_speech:
        speeches.append([start, n_samples])
    for i, sp in enumerate(speeches):  # pad each region, halving gaps too short for two pads
        if i == 0:
            sp[0] = int(max(0, sp[0] - pad))
        if i != len(speeches) - 1:
            gap = speeches[i + 1][0] - sp[1]
            if gap < 2 * pad:
                sp[1] += int(gap // 2)
                speeches[i + 1][0] = int(max(0, speeches[i + 1][0] - gap // 2))
            else:
                sp[1] = int(min(n_samples, sp[1] + pad))
                speeches[i + 1][0] = int(max(0, speeches[i + 1][0] - pad))
        else:
            sp[1] = int(min(n_samples, sp[1] + pad))
    return [(int(a), int(b)) for a, b in speeches]


def speech_regions(
    audio: Audio,
    *,
    threshold: float = 0.5,
    min_speech: float = 0.15,
    min_silence: float = 0.25,
    pad: float = 0.1,
    max_speech: float = 30.0,
    chunk_seconds: float = CHUNK_SECONDS,
    quiet: QuietSpeech | None = None,
    trim_db: float | None = None,
    progress: Callable[[float], None] | None = None,
) -> list[tuple[float, float]]:
    """Speech regions as sorted, non-overlapping (start, end) seconds.

    The defaults split at short pauses (250 ms) because speakers change at pauses,
    and cap a region at `max_speech` seconds (cut at its quietest pause) so that
    whoever processes a region holds a bounded amount of audio. Transcription
    wants longer regions and can pass its own values. With `quiet`, regions of quiet or
    far-away speech the threshold missed are added (see `QuietSpeech`). With `trim_db`, region
    edges within that many dB of the recording's noise floor are cut off (see `trim_to_floor`).
    """
    # faster_whisper loads ctranslate2: only when regions are asked for.
    from faster_whisper.vad import VadOptions, get_vad_model

    opts = VadOptions(
        threshold=threshold,
        min_speech_duration_ms=int(min_speech * 1000),
        min_silence_duration_ms=int(min_silence * 1000),
        speech_pad_ms=int(pad * 1000),
        max_speech_duration_s=max_speech,
    )
    sr = audio.sample_rate
    regions: list[tuple[float, float]] = []
    extra: list[tuple[float, float]] = []
    start = 0.0
    while start < audio.duration:
        end = min(audio.duration, start + chunk_seconds)
        samples = audio.float32(start, end)
        if len(samples):
            all_probs = silero_probs(samples)  # the one Silero pass over the chunk as it is
            found = [(a / sr, b / sr) for a, b in speech_timestamps(all_probs, len(samples), opts, sr)]
            if trim_db is not None:
                found = trim_to_floor(found, frame_energy(samples), sr, trim_db, min_speech)
            if quiet is not None:
                padded = np.pad(samples, (0, -len(samples) % FRAME))
                energy = frame_energy(padded)
                probs = all_probs[: len(padded) // FRAME]
                found = extend_onsets(found, probs, energy, sr, quiet)
            for a, b in ((start + a, start + b) for a, b in found):
                at_border = regions and regions[-1][1] >= start - 1e-3 and a <= start + pad + 1e-3
                if at_border:  # one region cut in two by the chunk border
                    regions[-1] = (regions[-1][0], max(regions[-1][1], b))
                else:
                    regions.append((a, b))
            if quiet is not None:
                agc = None
                if quiet.agc_probability is not None:
                    agc = np.asarray(get_vad_model()(level_normalised(padded, energy, quiet))).ravel()
                extra += [
                    (start + a, start + b) for a, b in quiet_regions(padded, sr, found, probs, quiet, max_speech, agc)
                ]
        if progress:
            progress(end)
        start = end
    return sorted(regions + extra)
