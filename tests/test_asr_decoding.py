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


class DashingWhisper:
    """Writes a line of dashes over noise, then one real sentence."""

    def transcribe(self, audio: np.ndarray, **kwargs: object):
        def piece(start: float, said: list[str]) -> SimpleNamespace:
            words = [SimpleNamespace(start=start + i * 0.3, end=start + 0.25 + i * 0.3, word=w, probability=0.5)
                     for i, w in enumerate(said)]  # fmt: skip
            return SimpleNamespace(start=start, end=start + 2.0, text="".join(said), words=words,
                                   avg_logprob=-0.9, no_speech_prob=0.3)  # fmt: skip

        return iter([piece(0.0, [" –"] * 8), piece(2.5, [" Vi", " börjar", "."])]), None


def test_a_line_of_dashes_is_not_shown_as_speech(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(asr, "load_model", lambda *a, **k: DashingWhisper())
    tr = asr.transcribe(_audio())
    assert [s.text for s in tr.segments] == ["Vi börjar."]


def test_without_vocabulary_nothing_is_put_in_whispers_mouth() -> None:
    kw = asr.decode_kwargs(asr.AsrOptions())
    assert kw["hotwords"] is None and kw["initial_prompt"] is None


def test_plain_is_faster_whisper_as_shipped(fake: FakeWhisper) -> None:
    tr = asr.transcribe(_audio(), options=asr.AsrOptions(decoding="plain", vocabulary=["Gunilla"]))
    assert fake.calls[0] == {"language": "sv", "word_timestamps": True}
    assert tr.segments[0].text.count("morgon") == 6 and not tr.segments[0].repaired


def test_unknown_decoding_is_a_bad_option() -> None:
    with pytest.raises(BadOption, match="^okänd avkodning 'fast'; välj tuned eller plain$"):
        asr.decode_kwargs(asr.AsrOptions(decoding="fast"))


class EchoingWhisper:
    """Writes its hotwords back over 20 s of speech when it has them; hears the speech when it has none."""

    def __init__(self) -> None:
        self.calls: list[dict[str, object]] = []

    def transcribe(self, audio: np.ndarray, **kwargs: object):
        self.calls.append(kwargs)
        said = str(kwargs["hotwords"]).split() if kwargs.get("hotwords") else "Vi börjar med ekonomin i dag".split()
        words = [SimpleNamespace(start=1.0 + i * 0.4, end=1.3 + i * 0.4, word=" " + w, probability=0.8)
                 for i, w in enumerate(said)]  # fmt: skip
        piece = SimpleNamespace(start=0.0, end=20.0, text=" ".join(said), words=words, avg_logprob=-0.5,
                                no_speech_prob=0.1)  # fmt: skip
        return iter([piece]), None


def test_a_window_that_repeats_the_prompt_is_heard_again_without_it(monkeypatch: pytest.MonkeyPatch) -> None:
    model = EchoingWhisper()
    monkeypatch.setattr(asr, "load_model", lambda *a, **k: model)
    audio = Audio(path=Path("x.wav"), samples=np.zeros(16000 * 25, dtype=np.int16))
    tr = asr.transcribe(audio, options=asr.AsrOptions(vocabulary=["Ulf Nyström", "Fatima Ali"]))
    assert [s.text for s in tr.segments] == ["Vi börjar med ekonomin i dag"] and tr.segments[0].repaired
    assert model.calls[1]["hotwords"] is None and model.calls[1]["initial_prompt"] is None


def test_names_said_at_speaking_pace_are_not_an_echo() -> None:
    kw = asr.decode_kwargs(asr.AsrOptions(vocabulary=["Ulf Nyström", "Fatima Ali"]))
    assert not asr.echoes_prompt("Ulf Nyström, Fatima Ali.", 2.0, kw)  # an introduction round
    assert asr.echoes_prompt("Ulf Nyström, Fatima Ali.", 18.0, kw)  # four words over 18 s of speech
    assert not asr.echoes_prompt("Vi börjar med ekonomin.", 18.0, asr.decode_kwargs(asr.AsrOptions()))
