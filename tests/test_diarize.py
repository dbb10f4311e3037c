"""The embedded diariser on real synthetic speech: who spoke when, and bad input."""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

import numpy as np
import pytest

from transcribe.audio import SAMPLE_RATE, Audio
from transcribe.diarize import embed_segments, load_diarizer
from transcribe.diarize.base import Diarization, Turn
from transcribe.diarize.embedded import EmbeddedDiarizer
from transcribe.errors import BadOption
from transcribe.vad import speech_regions

from .conftest import HIGH_VOICE, LOW_VOICE, have, synth_voice

pytestmark = pytest.mark.skipif(not (have("espeak-ng") and have("sox")), reason="needs espeak-ng and sox")

VOICES = {"A": LOW_VOICE, "B": HIGH_VOICE}
TEXTS = [
    "Hej och välkomna till dagens möte om budgeten för nästa år.",
    "Jag tycker att vi borde prioritera skolans lokaler och ventilationen först.",
    "Det håller jag inte med om, personalen behöver mer tid för planering.",
    "Föräldrarna har hört av sig flera gånger om skolgården och belysningen.",
    "Vi har fått in tolv ansökningar och intervjuerna börjar på måndag.",
    "Bra, då går vi vidare till nästa punkt på dagordningen.",
]


def say(tmp: Path, voice: str, text: str) -> np.ndarray:
    return synth_voice(tmp, VOICES[voice], text, trim=True)


def silence(seconds: float) -> np.ndarray:
    return np.zeros(int(seconds * SAMPLE_RATE), dtype=np.float32)


def build(tmp: Path, parts: list[tuple[str, str] | float | np.ndarray]) -> tuple[Audio, list[Turn]]:
    """Concatenate ("A", text) utterances, pauses (seconds) and raw arrays; return audio and truth."""
    chunks: list[np.ndarray] = []
    truth: list[Turn] = []
    t = 0.0
    for p in parts:
        if isinstance(p, tuple):
            x = say(tmp, *p)
            truth.append(Turn(t, t + len(x) / SAMPLE_RATE, p[0]))
        else:
            x = silence(p) if isinstance(p, float) else p
        chunks.append(x)
        t += len(x) / SAMPLE_RATE
    y = np.concatenate(chunks)
    y += np.random.default_rng(0).normal(0, 0.001, len(y)).astype(np.float32)  # faint room tone
    return Audio.from_array(y, tmp / "audio"), truth


def der(truth: list[Turn], hyp: Diarization) -> float:
    from pyannote.metrics.diarization import DiarizationErrorRate

    metric = DiarizationErrorRate(collar=0.25, skip_overlap=False)
    return metric(Diarization(truth).to_annotation(), hyp.to_annotation())


def label_of(turn: Turn, hyp: Diarization) -> str:
    """The hypothesis speaker covering most of a true turn."""
    cover: dict[str, float] = {}
    for h in hyp.turns:
        cover[h.speaker] = cover.get(h.speaker, 0.0) + max(0.0, min(h.end, turn.end) - max(h.start, turn.start))
    return max(cover, key=lambda s: cover[s])


@pytest.fixture(scope="module")
def diarizer() -> EmbeddedDiarizer:
    return EmbeddedDiarizer(threads=1)


@pytest.fixture(scope="module")
def dialogue(tmp_path_factory: pytest.TempPathFactory) -> tuple[Audio, list[Turn]]:
    tmp = tmp_path_factory.mktemp("dialogue")
    return build(tmp, [0.5, ("A", TEXTS[0]), 0.6, ("B", TEXTS[1]), 0.4, ("A", TEXTS[2]), 0.8, ("B", TEXTS[3]),
                       0.5, ("A", TEXTS[4]), 0.5])  # fmt: skip


def test_two_voices_two_speakers_with_boundaries(diarizer: EmbeddedDiarizer, dialogue) -> None:
    audio, truth = dialogue
    seen: list[float] = []
    result = diarizer.diarize(audio, progress=seen.append)
    assert len(result.labels) == 2
    assert result.labels[0] == "SPEAKER_00"  # whoever speaks first
    assert der(truth, result) < 0.10
    # every true turn is one speaker, alternating like the truth
    labels = [label_of(t, result) for t in truth]
    assert labels == ["SPEAKER_00", "SPEAKER_01", "SPEAKER_00", "SPEAKER_01", "SPEAKER_00"]
    # speaker changes land near the true ones
    changes = [b.start for a, b in zip(result.turns, result.turns[1:], strict=False) if a.speaker != b.speaker]
    assert len(changes) == 4
    for true_change, found in zip([t.start for t in truth[1:]], changes, strict=True):
        assert abs(true_change - found) < 0.5
    assert all(0.0 <= t.start < t.end <= audio.duration + 1e-6 for t in result.turns)
    # progress: seconds of audio, never backwards, ending at the full duration
    assert seen and seen == sorted(seen) and seen[-1] == pytest.approx(audio.duration)
    # one unit-length centroid per speaker, for voice profiles
    assert set(result.embeddings) == set(result.labels)
    for vec in result.embeddings.values():
        assert vec.shape == (256,) and np.linalg.norm(vec) == pytest.approx(1.0, abs=1e-4)


def test_fixed_and_bounded_counts(diarizer: EmbeddedDiarizer, dialogue) -> None:
    audio, truth = dialogue
    assert len(diarizer.diarize(audio, num_speakers=2).labels) == 2
    one = diarizer.diarize(audio, num_speakers=1)
    assert one.labels == ["SPEAKER_00"]
    assert len(diarizer.diarize(audio, max_speakers=1).labels) == 1
    assert len(diarizer.diarize(audio, min_speakers=3).labels) == 3


def test_long_recordings_cluster_a_subsample(dialogue) -> None:
    """Above `max_items` only an even subsample is clustered (bounded memory); the rest is assigned."""
    from transcribe.diarize.clustering import ClusterParams
    from transcribe.diarize.embedded import Params

    audio, truth = dialogue
    result = EmbeddedDiarizer(Params(clustering=ClusterParams(max_items=6))).diarize(audio)
    assert len(result.labels) == 2
    assert der(truth, result) < 0.10


def test_one_speaker_is_one_speaker(diarizer: EmbeddedDiarizer, tmp_path: Path) -> None:
    audio, _ = build(tmp_path, [("A", TEXTS[0]), 0.7, ("A", TEXTS[1]), 1.5, ("A", TEXTS[2]), 0.4, ("A", TEXTS[5])])
    assert diarizer.diarize(audio).labels == ["SPEAKER_00"]


def test_speaker_saying_one_word(diarizer: EmbeddedDiarizer, tmp_path: Path) -> None:
    audio, truth = build(tmp_path, [("A", TEXTS[0]), 0.6, ("B", "Ja."), 0.6, ("A", TEXTS[1]), 0.6, ("A", TEXTS[2])])
    result = diarizer.diarize(audio)
    assert 1 <= len(result.labels) <= 2
    a_turns = [t for t in truth if t.speaker == "A"]
    assert len({label_of(t, result) for t in a_turns}) == 1  # the main speaker is not split
    word = truth[1]
    assert any(h.start < word.end and h.end > word.start for h in result.turns)  # the word is attributed


def test_long_silence_in_the_middle(diarizer: EmbeddedDiarizer, tmp_path: Path) -> None:
    audio, truth = build(tmp_path, [("A", TEXTS[0]), 0.5, ("B", TEXTS[1]), 45.0, ("A", TEXTS[2]), 0.5,
                                    ("B", TEXTS[3])])  # fmt: skip
    result = diarizer.diarize(audio)
    assert len(result.labels) == 2
    gap_start, gap_end = truth[1].end + 1.0, truth[2].start - 1.0
    assert not any(t.start < gap_end and t.end > gap_start for t in result.turns)
    assert der(truth, result) < 0.10


def test_music_before_the_meeting(diarizer: EmbeddedDiarizer, tmp_path: Path) -> None:
    chord = tmp_path / "chord.raw"
    subprocess.run(["sox", "-V1", "-n", "-r", str(SAMPLE_RATE), "-c", "1", "-e", "floating-point", "-b", "32",
                    "-t", "raw", str(chord), "synth", "8", "sine", "C4", "sine", "E4", "sine", "G4", "remix", "-",
                    "vol", "0.3"], check=True)  # fmt: skip
    music = np.fromfile(chord, dtype=np.float32)
    audio, truth = build(tmp_path, [music, 1.0, ("A", TEXTS[0]), 0.5, ("B", TEXTS[1]), 0.5, ("A", TEXTS[2])])
    result = diarizer.diarize(audio)
    assert len(result.labels) == 2
    assert [label_of(t, result) for t in truth] == ["SPEAKER_00", "SPEAKER_01", "SPEAKER_00"] or (
        len({label_of(t, result) for t in truth if t.speaker == "A"}) == 1
    )
    speech = sum(t.duration for t in truth)
    assert der(truth, result) < 0.10 * (audio.duration / speech)  # music may count, speech must be right


@pytest.mark.parametrize(
    "kwargs",
    [{"num_speakers": 0}, {"num_speakers": -2}, {"min_speakers": 0}, {"max_speakers": -1},
     {"min_speakers": 3, "max_speakers": 2}, {"num_speakers": 4, "max_speakers": 2}, {"num_speakers": True}],
)  # fmt: skip
def test_bad_speaker_counts(diarizer: EmbeddedDiarizer, kwargs: dict[str, int], tmp_path: Path) -> None:
    audio = Audio.from_array(silence(1.0), tmp_path)
    with pytest.raises(BadOption) as err:
        diarizer.diarize(audio, **kwargs)
    assert "speakers" in err.value.message


def test_more_speakers_than_windows_is_clamped(
    diarizer: EmbeddedDiarizer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    audio, _ = build(tmp_path, [0.3, ("A", "Hej."), 0.3])
    with caplog.at_level(logging.WARNING, logger="transcribe.diarize.embedded"):
        result = diarizer.diarize(audio, num_speakers=6)
    assert "speakers" in caplog.text
    assert len(result.labels) == 1
    assert result.turns and result.turns[0].start < 1.0


def test_silence_gives_no_turns(diarizer: EmbeddedDiarizer, tmp_path: Path) -> None:
    result = diarizer.diarize(Audio.from_array(silence(5.0), tmp_path))
    assert result.turns == [] and result.embeddings == {}


def test_serialisation_round_trip(diarizer: EmbeddedDiarizer, dialogue) -> None:
    audio, _ = dialogue
    result = diarizer.diarize(audio)
    back = Diarization.from_json(result.to_json())
    assert [(t.speaker, round(t.start, 3)) for t in back.turns] == [
        (t.speaker, round(t.start, 3)) for t in result.turns
    ]
    assert np.allclose(back.embeddings["SPEAKER_01"], result.embeddings["SPEAKER_01"], atol=1e-6)
    rttm = result.to_rttm("möte 1").splitlines()
    assert len(rttm) == len(result.turns)
    fields = rttm[0].split()
    assert fields[0] == "SPEAKER" and fields[1] == "möte_1" and fields[7] == "SPEAKER_00"
    assert set(result.to_annotation().labels()) == set(result.labels)


def test_embed_segments_tells_voices_apart(dialogue) -> None:
    audio, truth = dialogue
    a1, b1, a2 = (embed_segments(audio, [(t.start, t.end)]) for t in truth[:3])
    assert float(a1 @ a2) > float(a1 @ b1)
    with pytest.raises(ValueError):
        embed_segments(audio, [(3.0, 3.0)])


def test_vad_chunks_do_not_change_regions(dialogue) -> None:
    audio, truth = dialogue
    whole = speech_regions(audio)
    chunked = speech_regions(audio, chunk_seconds=7.0)  # borders fall inside utterances
    assert len(chunked) == len(whole)
    assert np.allclose(np.array(chunked), np.array(whole), atol=0.25)
    for t in truth:
        assert any(a <= t.start + 0.3 and b >= t.end - 0.3 for a, b in whole)


def test_load_diarizer() -> None:
    assert load_diarizer().name == "embedded"
    with pytest.raises(BadOption):
        load_diarizer("magic")
