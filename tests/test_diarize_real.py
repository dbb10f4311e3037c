"""The embedded diariser on real human voices: pyannote's bundled recording and a LibriSpeech conversation."""

from __future__ import annotations

from pathlib import Path

import pytest

from samples import conversations as conv
from transcribe.audio import Audio
from transcribe.bench import metrics
from transcribe.diarize.base import Diarization, Turn
from transcribe.diarize.embedded import EmbeddedDiarizer

LIBRISPEECH = Path(__file__).resolve().parent / "data" / "librispeech"


@pytest.fixture(scope="module")
def diarizer() -> EmbeddedDiarizer:
    return EmbeddedDiarizer(threads=1)


def test_pyannote_sample_has_two_speakers(diarizer: EmbeddedDiarizer) -> None:
    import pyannote.audio

    sample = Path(pyannote.audio.__file__).parent / "sample"
    audio = Audio.from_wav(sample / "sample.wav")
    hyp = diarizer.diarize(audio)
    assert len(hyp.labels) == 2, f"found {len(hyp.labels)} speaker(s) in a two-person recording"
    assert metrics.der(sample / "sample.rttm", hyp, duration=audio.duration) <= 0.25


def test_real_voice_conversation_count_and_der(diarizer: EmbeddedDiarizer, tmp_path: Path) -> None:
    readers = conv.readers(LIBRISPEECH)
    assert len(readers) == 3
    c = conv.build(conv.Spec("dev", 0, 0, 3, 2.0, "clean"), LIBRISPEECH)
    assert {s for _, _, s in c.turns} == {rid for rid, _ in readers}
    assert conv.build(conv.Spec("dev", 0, 0, 3, 2.0, "clean"), LIBRISPEECH).turns == c.turns  # deterministic
    audio = Audio.from_array(c.audio, tmp_path)
    hyp = diarizer.diarize(audio)
    truth = Diarization([Turn(a, b, s) for a, b, s in c.turns])
    assert len(hyp.labels) == 3
    assert metrics.der(truth, hyp, duration=audio.duration) <= 0.10


def test_split_rule_is_fixed() -> None:
    assert conv.group_of(254) == "dev" and conv.group_of("5750") == "dev" and conv.group_of(103) == "heldout"
    specs = conv.corpus("heldout", 5, seed=0)
    assert specs == conv.corpus("heldout", 5, seed=0)
    assert [s.condition for s in specs] == list(conv.CONDITIONS)
    assert all(2 <= s.speakers <= 8 and 2 <= s.minutes <= 10 for s in specs)
