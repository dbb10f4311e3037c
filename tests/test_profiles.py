"""Voice profiles on disk: who may read them, and how sure a match must be before it names anyone."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import numpy as np
import pytest
from pyannote.core import Annotation
from pyannote.core import Segment as PSegment

from samples import conversations as conv
from tests.voices import towards, unit
from transcribe.audio import Audio
from transcribe.bench.profiles_real import Labelled, figures
from transcribe.diarize.base import Diarization, Turn
from transcribe.diarize.embedded import embed_segments
from transcribe.speakers.match import T_NAMED_RAW, match_speakers
from transcribe.speakers.profiles import MAX_EMBEDDINGS, Profile, ProfileDirectory, embed_voice, forget


@pytest.fixture
def raw_cosines(monkeypatch) -> None:
    """The hand-made vectors here are built as raw GE2E cosines: no shipped back-end in between."""
    monkeypatch.setattr("transcribe.speakers.match.load_backend", lambda: None)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_profile_folder_and_files_are_owner_only(tmp_path) -> None:
    root = tmp_path / "data" / "speakers"
    old = os.umask(0o022)  # a usual umask would give 0755 folders and 0644 files
    try:
        directory = ProfileDirectory(root)
        directory.add("Johan Nilsson", [unit(1)], 10.0)
        directory.add("Åsa Öberg", [unit(2)], 10.0)
    finally:
        os.umask(old)
    assert mode(root) == 0o700 and mode(root.parent) == 0o700
    files = list(root.iterdir())
    assert len(files) == 3  # two profiles and the writers' lock
    assert all(mode(f) == 0o600 for f in files), {f.name: oct(mode(f)) for f in files}


def test_a_folder_left_open_by_an_older_version_is_closed_on_the_next_write(tmp_path) -> None:
    root = tmp_path / "speakers"
    root.mkdir(mode=0o755)
    os.chmod(root, 0o755)
    directory = ProfileDirectory(root)
    directory.add("Anna", [unit(3)], 10.0)
    assert mode(root) == 0o700
    os.chmod(root, 0o755)
    forget(directory, "Anna")
    assert mode(root) == 0o700 and directory.get("Anna") is None


# ----------------------------------------------------------------------------- channel variants


def test_profiles_keep_channel_variants_and_older_profiles_still_load(tmp_path) -> None:
    directory = ProfileDirectory(tmp_path / "speakers")
    rows = np.stack([unit(i) for i in range(MAX_EMBEDDINGS + 3)])
    p = directory.add("Anna", rows, 600.0, channel_variants={"telephone": rows[::-1] * 2})
    assert len(p.embeddings) == len(p.variants["telephone"]) == MAX_EMBEDDINGS
    assert abs(np.linalg.norm(p.variants["telephone"][0]) - 1) < 1e-4  # stored normalised
    with pytest.raises(ValueError):  # a variant per sample, no more and no less
        directory.add("Anna", rows[:2], 20.0, channel_variants={"telephone": rows[:1]})
    old = json.loads(next(directory.root.glob("*.json")).read_text())
    del old["variants"]  # a file as an older version wrote it
    (directory.root / "bo.json").write_text(json.dumps({**old, "name": "Bo"}))
    bo = next(p for p in directory.list() if p.name == "Bo")
    assert bo is not None and list(bo.centroids()) == ["clean"]


@pytest.mark.usefixtures("raw_cosines")
def test_a_label_is_compared_with_the_profiles_closest_channel() -> None:
    clean, phone = unit(1), unit(2)
    label = towards(phone, unit(3), (T_NAMED_RAW + 1) / 2)  # sounds like Anna over a telephone line
    anna = Profile(name="Anna", embeddings=[clean.tolist()], variants={"telephone": [phone.tolist()]})
    assert match_speakers({"SPEAKER_00": label}, [anna])["SPEAKER_00"].status == "named"
    as_recorded = anna.model_copy(update={"variants": {}})
    assert match_speakers({"SPEAKER_00": label}, [as_recorded])["SPEAKER_00"].status == "anonymous"


def memory_audio(x: np.ndarray) -> Audio:
    return Audio(path=Path("memory.wav"), samples=(np.clip(x, -1, 1) * 32767).astype(np.int16))


def test_real_voices_enrolled_clean_are_named_over_a_telephone_line_and_a_stranger_is_not(tmp_path) -> None:
    """LibriSpeech readers 5322 and 5750 enrolled from 9 s of clean speech; the rest of their
    utterance, and reader 254 (never enrolled), heard through a simulated telephone line."""
    x = {rid: conv.load_flac(path) for rid, path in conv.readers(conv.TEST_POOL)}
    directory = ProfileDirectory(tmp_path / "speakers")
    for rid in ("5322", "5750"):
        audio = memory_audio(x[rid][: 9 * conv.SR])
        voice = embed_voice(audio, [(0.0, audio.duration)])
        directory.add(rid, voice.vectors, voice.seconds, channel_variants=voice.variants)
    heard = {"SPEAKER_00": x["5322"][9 * conv.SR :], "SPEAKER_01": x["5750"][9 * conv.SR :], "SPEAKER_02": x["254"]}
    labels = {}
    for label, y in heard.items():
        audio = memory_audio(conv.telephone(y))
        labels[label] = embed_segments(audio, [(0.0, audio.duration)])
    m = match_speakers(labels, directory)
    assert (m["SPEAKER_00"].name, m["SPEAKER_00"].status) == ("5322", "named")
    assert (m["SPEAKER_01"].name, m["SPEAKER_01"].status) == ("5750", "named")
    assert m["SPEAKER_02"].status != "named"
    # compared as recorded only (the scoring before channel variants), the telephone voices go unnamed
    plain = [p.model_copy(update={"variants": {}}) for p in directory.list()]
    before = match_speakers(labels, plain)
    assert before["SPEAKER_00"].status != "named" and before["SPEAKER_01"].status != "named"


# ----------------------------------------------------------------------------- the benchmark's figures


class Conversation:
    """A benchmark recording reduced to its truth: who spoke when."""

    def __init__(self, turns: list[tuple[float, float, str]]) -> None:
        self.turns = turns

    def truth(self) -> Annotation:
        ref = Annotation()
        for a, b, who in self.turns:
            ref[PSegment(a, b)] = who
        return ref


def test_profile_figures_count_right_and_wrong_names_and_strangers() -> None:
    anna, cilla = unit(1), unit(3)
    conv_ = Conversation([(0, 10, "anna"), (10, 20, "bo"), (20, 30, "cilla")])
    hyp = Diarization(
        turns=[Turn(0, 10, "SPEAKER_00"), Turn(10, 20, "SPEAKER_01"), Turn(20, 30, "SPEAKER_02")],
        embeddings={"SPEAKER_00": anna, "SPEAKER_01": towards(cilla, unit(9), 0.95), "SPEAKER_02": unit(7)},
    )  # Anna heard well, Bo sounding like the enrolled Cilla, Cilla unrecognisable
    profiles = [Profile(name=n, embeddings=[v.tolist()]) for n, v in (("anna", anna), ("cilla", cilla))]
    f = figures([Labelled(conv_, hyp, {})], profiles, method="centroid")
    assert (f["enrolled_present"], f["named_correctly"], f["named_share"]) == (2, 1, 0.5)
    assert f["wrong_confident_names"] == 1  # Bo, a stranger, named Cilla
    assert (f["stranger_labels"], f["strangers_named"]) == (1, 1)


def test_speech_past_the_recordings_end_adds_no_negative_seconds(tmp_path: Path) -> None:
    """A reviewed segment may run past the end of the recording (a transcript of a longer take): only the
    speech inside it counts, so a confirmed speaker's profile never shrinks below what it held."""
    rng = np.random.default_rng(0)
    audio = Audio.from_array((0.1 * rng.standard_normal(32_000)).astype(np.float32), tmp_path / "two-seconds")
    voice = embed_voice(audio, [(0.0, 1.8), (4.0, 5.8), (1.95, 3.0)])  # the second wholly after the end
    assert voice.seconds == 1.8


def test_the_growth_bench_enrols_a_label_without_the_speech_others_talk_over() -> None:
    from transcribe.bench.profile_growth import own_speech

    hyp = Diarization([Turn(0.0, 4.0, "A"), Turn(3.0, 5.0, "B"), Turn(6.0, 8.0, "A"), Turn(6.5, 7.0, "B")])
    lab = Labelled(None, hyp, {})
    assert own_speech(lab, "A") == [(0.0, 3.0), (6.0, 6.5), (7.0, 8.0)]
    assert own_speech(lab, "B") == [(4.0, 5.0)]
