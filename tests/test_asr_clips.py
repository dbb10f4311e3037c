"""Tuned decoding hands Whisper the speech clip by clip, pauses kept, instead of one glued stream."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from transcribe import asr
from transcribe.audio import Audio

SR = 16_000


def _regions(*spans: tuple[float, float]):
    """A VAD that hears speech at these seconds, whatever the audio."""
    return lambda x, opts, sampling_rate: [{"start": int(a * SR), "end": int(b * SR)} for a, b in spans]


def test_regions_close_together_share_a_clip_and_a_long_pause_starts_another(monkeypatch: pytest.MonkeyPatch) -> None:
    # a turn of three sentences (pauses under a second), a pause of 3 s, then the next turn
    monkeypatch.setattr(asr, "get_speech_timestamps", _regions((1.0, 4.0), (4.5, 7.0), (7.6, 9.0), (12.0, 14.0)))
    clips = asr.speech_clips(np.zeros(20 * SR, dtype=np.float32), None)
    assert clips == [pytest.approx((0.8, 9.2)), pytest.approx((11.8, 14.2))]


def test_a_clip_never_grows_past_its_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    spans = [(i * 4.5, i * 4.5 + 4.0) for i in range(8)]  # 36 s of sentences half a second apart
    monkeypatch.setattr(asr, "get_speech_timestamps", _regions(*spans))
    clips = asr.speech_clips(np.zeros(40 * SR, dtype=np.float32), None)
    assert len(clips) > 2 and all(b - a <= asr.CLIP_MAX_S + 2 * asr.CLIP_PAD_S for a, b in clips)
    assert clips[0][0] == 0.0 and clips[-1][1] == pytest.approx(35.7)  # padding stays inside the audio


class ClipWhisper:
    def __init__(self) -> None:
        self.calls: list[dict[str, object]] = []

    def transcribe(self, audio: np.ndarray, **kwargs: object):
        self.calls.append(kwargs)
        return iter([]), None


def test_tuned_decodes_the_clips_and_plain_is_left_to_faster_whisper(monkeypatch: pytest.MonkeyPatch) -> None:
    model = ClipWhisper()
    monkeypatch.setattr(asr, "load_model", lambda *a, **k: model)
    monkeypatch.setattr(asr, "get_speech_timestamps", _regions((1.0, 4.0), (10.0, 12.0)))
    audio = Audio(path=Path("x.wav"), samples=np.zeros(16 * SR, dtype=np.int16))
    asr.transcribe(audio, options=asr.AsrOptions(vocabulary=["Karin Berg"]))
    first = model.calls[0]
    assert first["vad_filter"] is False and first["clip_timestamps"] == pytest.approx([0.8, 4.2, 9.8, 12.2])
    assert first["hotwords"] == "Karin Berg"  # the meeting's words still reach every clip
    model.calls.clear()
    asr.transcribe(audio, options=asr.AsrOptions(decoding="plain"))
    assert model.calls == [{"language": "sv", "word_timestamps": True}]
