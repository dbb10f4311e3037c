"""Decoding: the tuned defaults reach faster-whisper with the meeting's words, and plain stays plain."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from transcribe import asr
from transcribe.audio import Audio
from transcribe.errors import BadOption


class FakeWhisper:
    """Stands in for WhisperModel: records the arguments and says one looping segment."""

    def __init__(self) -> None:
        self.calls: list[dict[str, object]] = []

    def transcribe(self, audio: np.ndarray, **kwargs: object):
        self.calls.append(kwargs)
        words = [SimpleNamespace(start=0.1 + i * 0.3, end=0.35 + i * 0.3, word=w, probability=0.9)
                 for i, w in enumerate([" Vi", " ses", " i", " morgon"] + [" i", " morgon"] * 5)]  # fmt: skip
        piece = SimpleNamespace(start=0.0, end=4.0, text="".join(w.word for w in words), words=words,
                                avg_logprob=-0.4, no_speech_prob=0.01)  # fmt: skip
        return iter([piece]), None


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeWhisper:
    model = FakeWhisper()
    monkeypatch.setattr(asr, "load_model", lambda *a, **k: model)
    return model


def _audio() -> Audio:
    return Audio(path=Path("x.wav"), samples=np.zeros(16000 * 5, dtype=np.int16))


def test_tuned_decoding_gives_every_window_the_meetings_words(fake: FakeWhisper) -> None:
    tr = asr.transcribe(_audio(), options=asr.AsrOptions(vocabulary=["Gunilla Hedström", "Lärkan"]))
    kw = fake.calls[0]
    assert kw["language"] == "sv" and kw["beam_size"] == 5 and kw["vad_filter"] is True
    for key, value in asr.TUNED.items():
        assert kw[key] == value
    # the names reach the first window as a prompt and every window as hotwords
    assert kw["hotwords"] == "Gunilla Hedström Lärkan"
    assert kw["initial_prompt"] == "Mötesanteckningar. Namn och platser: Gunilla Hedström, Lärkan."
    # the loop "i morgon i morgon ..." is cut back to one copy and the segment is marked
    assert tr.segments[0].text == "Vi ses i morgon" and tr.segments[0].repaired


def test_without_vocabulary_nothing_is_put_in_whispers_mouth() -> None:
    kw = asr.decode_kwargs(asr.AsrOptions())
    assert kw["hotwords"] is None and kw["initial_prompt"] is None


def test_plain_is_faster_whisper_as_shipped(fake: FakeWhisper) -> None:
    tr = asr.transcribe(_audio(), options=asr.AsrOptions(decoding="plain", vocabulary=["Gunilla"]))
    assert fake.calls[0] == {"language": "sv", "word_timestamps": True}
    assert tr.segments[0].text.count("morgon") == 6 and not tr.segments[0].repaired


def test_unknown_decoding_is_a_bad_option() -> None:
    with pytest.raises(BadOption, match="decoding"):
        asr.decode_kwargs(asr.AsrOptions(decoding="fast"))
