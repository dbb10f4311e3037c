"""Where someone is speaking: Silero VAD as bundled with faster-whisper.

faster-whisper ships the Silero ONNX model, so this needs no download. The
recording is read in bounded chunks (10 minutes by default) so memory stays flat
however long the meeting is; regions cut by a chunk border are joined again.
"""

from __future__ import annotations

from collections.abc import Callable

from transcribe.audio import Audio

CHUNK_SECONDS = 600.0


def speech_regions(
    audio: Audio,
    *,
    threshold: float = 0.5,
    min_speech: float = 0.15,
    min_silence: float = 0.25,
    pad: float = 0.1,
    max_speech: float = 30.0,
    chunk_seconds: float = CHUNK_SECONDS,
    progress: Callable[[float], None] | None = None,
) -> list[tuple[float, float]]:
    """Speech regions as sorted, non-overlapping (start, end) seconds.

    The defaults split at short pauses (250 ms) because speakers change at pauses,
    and cap a region at `max_speech` seconds (cut at its quietest pause) so that
    whoever processes a region holds a bounded amount of audio. Transcription
    wants longer regions and can pass its own values.
    """
    # faster_whisper loads ctranslate2: only when regions are asked for.
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    opts = VadOptions(
        threshold=threshold,
        min_speech_duration_ms=int(min_speech * 1000),
        min_silence_duration_ms=int(min_silence * 1000),
        speech_pad_ms=int(pad * 1000),
        max_speech_duration_s=max_speech,
    )
    sr = audio.sample_rate
    regions: list[tuple[float, float]] = []
    start = 0.0
    while start < audio.duration:
        end = min(audio.duration, start + chunk_seconds)
        samples = audio.float32(start, end)
        if len(samples):
            for ts in get_speech_timestamps(samples, opts, sampling_rate=sr):
                a, b = start + ts["start"] / sr, start + ts["end"] / sr
                at_border = regions and regions[-1][1] >= start - 1e-3 and a <= start + pad + 1e-3
                if at_border:  # one region cut in two by the chunk border
                    regions[-1] = (regions[-1][0], max(regions[-1][1], b))
                else:
                    regions.append((a, b))
        if progress:
            progress(end)
        start = end
    return regions
