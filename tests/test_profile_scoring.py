"""Voice-profile scoring on real voices: a stranger who sounds close stays anonymous, thin evidence
is only a proposal. LibriSpeech readers in tests/data/voices (CC BY 4.0, see its README)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from samples import conversations as conv
from transcribe.audio import Audio
from transcribe.bench.profiles_real import NO_COHORT, reader_parts
from transcribe.diarize.base import Turn
from transcribe.diarize.embedded import embed_segments
from transcribe.speakers.evidence import label_pieces, label_spans, pieces
from transcribe.speakers.match import match_speakers
from transcribe.speakers.profiles import Profile, embed_voice

VOICES = Path(__file__).parent / "data" / "voices"


def enrolled(rid: str, tmp: Path) -> Profile:
    """The reader's profile from the first half of their utterance, as `speakers enroll` makes it."""
    audio = Audio.from_array(reader_parts(rid, VOICES)[0], tmp / f"enrol-{rid}")
    voice = embed_voice(audio, [(0.0, audio.duration)])
    variants = {k: v.tolist() for k, v in voice.variants.items()}
    return Profile(name=rid, embeddings=voice.vectors.tolist(), variants=variants)


def heard_over_telephone(x: np.ndarray, tmp: Path, name: str) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """(centroid, {label: pieces}) of one label speaking `x` over a telephone line."""
    audio = Audio.from_array(conv.telephone(x), tmp / name)
    found = label_pieces(audio, [Turn(0.0, audio.duration, "SPEAKER_00")], ["SPEAKER_00"])
    return embed_segments(audio, [(0.0, audio.duration)]), found


@pytest.fixture(scope="module")
def tmp(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("voices")


def test_a_stranger_who_sounds_close_to_an_enrolled_voice_stays_anonymous(tmp: Path) -> None:
    profile = enrolled("1970", tmp)
    stranger = conv.load_flac(dict(conv.readers(VOICES))["5778"])
    centroid, found = heard_over_telephone(stranger, tmp, "stranger")
    m = match_speakers({"SPEAKER_00": centroid}, [profile], pieces=found)["SPEAKER_00"]
    assert (m.status, m.name) == ("anonymous", None)
    # the previous scoring (the label's centroid, raw thresholds alone) gave him 1970's name
    before = match_speakers({"SPEAKER_00": centroid}, [profile], cohort=NO_COHORT, t_named=0.86, t_proposed=0.84,
                            margin=0.05, backend=False)["SPEAKER_00"]  # fmt: skip
    assert (before.status, before.name) == ("named", "1970")
    # ... while 1970's own telephone speech (the half never enrolled) is named
    centroid, found = heard_over_telephone(reader_parts("1970", VOICES)[1], tmp, "own")
    assert match_speakers({"SPEAKER_00": centroid}, [profile], pieces=found)["SPEAKER_00"].status == "named"


def test_a_short_cluster_only_gets_a_proposal(tmp: Path) -> None:
    profiles = [enrolled("198", tmp), enrolled("1970", tmp)]
    centroid, found = heard_over_telephone(reader_parts("198", VOICES)[1], tmp, "198")
    assert len(found["SPEAKER_00"]) >= 2
    m = match_speakers({"SPEAKER_00": centroid}, profiles, pieces=found)["SPEAKER_00"]
    assert (m.status, m.name) == ("named", "198")
    short = {"SPEAKER_00": found["SPEAKER_00"][:1]}  # the same voice, one piece (~3 s) of it
    m = match_speakers({"SPEAKER_00": centroid}, profiles, pieces=short)["SPEAKER_00"]
    assert (m.status, m.name) == ("proposed", "198")


def test_pieces_leave_turn_edges_out_and_stay_bounded_in_meeting_length() -> None:
    turns = [Turn(0.0, 0.8, "A"), Turn(1.0, 5.0, "A"), Turn(5.0, 9.0, "B")]
    assert label_spans(turns, "A") == [pytest.approx((1.2, 4.8))]  # a neighbour may hold the edges
    chunks = pieces([(0.0, 2.0), (5.0, 7200.0)])  # two hours of one person
    assert len(chunks) == 40
    assert all(1.5 <= sum(b - a for a, b in c) <= 4.5 for c in chunks)
    assert chunks[-1][-1][1] > 7000  # spread over the meeting, not its first minutes


def test_another_encoders_vectors_are_judged_by_the_cosine_alone() -> None:
    rng = np.random.default_rng(0)
    voice = rng.normal(size=512)
    label = voice + 0.2 * rng.normal(size=512)  # the GE2E cohort (256 dims) cannot normalise these
    profile = Profile(name="Anna", encoder="wespeaker-512", embeddings=[(voice / np.linalg.norm(voice)).tolist()])
    m = match_speakers({"SPEAKER_00": label}, [profile], encoder="wespeaker-512")["SPEAKER_00"]
    assert (m.name, m.status, m.norm) == ("Anna", "named", None)
