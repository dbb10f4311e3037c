"""Speech the decoder skipped is decoded again on its own and put back in its place."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from transcribe import asr
from transcribe.audio import Audio
from transcribe.transcript import Segment, Word


def _piece(words: list[str], start: float) -> SimpleNamespace:
    ws = [SimpleNamespace(start=start + i * 0.4, end=start + i * 0.4 + 0.3, word=" " + w, probability=0.7)
          for i, w in enumerate(words)]  # fmt: skip
    return SimpleNamespace(start=start, end=ws[-1].end, text=" ".join(words), words=ws, avg_logprob=-0.6,
                           no_speech_prob=0.1)  # fmt: skip


class SkippingWhisper:
    """Hears the first turn of a 20 s window and skips the second; given the second alone, hears it."""

    def __init__(self) -> None:
        self.calls: list[tuple[float, dict[str, object]]] = []

    def transcribe(self, audio: np.ndarray, **kwargs: object):
        self.calls.append((len(audio) / 16000, kwargs))
        if len(self.calls) == 1:
            return iter([_piece("Då börjar vi mötet".split(), 0.5)]), None
        return iter([_piece("Vi ses i december".split(), 0.2)]), None


def _speech_at(*spans: tuple[float, float]):
    """A stand-in for Silero: speech exactly at `spans` (seconds)."""
    return lambda audio, opts, sampling_rate: [{"start": int(a * sampling_rate), "end": int(b * sampling_rate)}
                                               for a, b in spans]  # fmt: skip


@pytest.fixture
def skipping(monkeypatch: pytest.MonkeyPatch) -> SkippingWhisper:
    model = SkippingWhisper()
    monkeypatch.setattr(asr, "load_model", lambda *a, **k: model)
    monkeypatch.setattr(asr, "get_speech_timestamps", _speech_at((0.4, 2.5), (8.0, 13.0)))
    return model


def _audio() -> Audio:
    return Audio(path=Path("x.wav"), samples=np.zeros(16000 * 20, dtype=np.int16))


def test_a_skipped_turn_comes_back_in_its_place(skipping: SkippingWhisper) -> None:
    stats = asr.AsrStats()
    tr = asr.transcribe(_audio(), options=asr.AsrOptions(vocabulary=["Gunilla"]), stats=stats)
    assert [s.text for s in tr.segments] == ["Då börjar vi mötet", "Vi ses i december"]
    second = tr.segments[1]
    assert second.start >= 8.0 and second.repaired and [s.id for s in tr.segments] == [0, 1]
    # only the skipped stretch was decoded again, without the prompt that may have caused the skip
    assert len(skipping.calls) == 2 and stats.redecoded_gaps == 1
    seconds, kwargs = skipping.calls[1]
    assert seconds == pytest.approx(5.0, abs=0.7) and kwargs["initial_prompt"] is None


def test_plain_decoding_is_not_second_guessed(skipping: SkippingWhisper) -> None:
    tr = asr.transcribe(_audio(), options=asr.AsrOptions(decoding="plain"))
    assert [s.text for s in tr.segments] == ["Då börjar vi mötet"] and len(skipping.calls) == 1


def test_speech_covered_by_words_or_too_short_is_no_gap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(asr, "get_speech_timestamps", _speech_at((0.0, 4.0), (5.0, 6.0)))
    words = [Word(start=0.2 + i, end=0.8 + i, text=" ord") for i in range(4)]
    seg = Segment(id=0, start=0.2, end=3.8, text="ord ord ord ord", words=words)
    assert asr.skipped_speech(_audio(), (0.0, 20.0), [seg], None) == []  # 5-6 s: one second only
    late = asr.skipped_speech(_audio(), (10.0, 20.0), [], None)
    assert late == [(10.0, 14.0)]  # spans are found within the window, reported in the recording's time
