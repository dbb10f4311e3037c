"""Enrolled voices as anchors: a known voice merged into a stranger's label is split out and named,
a person's own label keeps its turns, and nothing moves without profiles (hand-made embeddings)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import transcribe.speakers as speakers
from tests.voices import DIM, cohort, towards, unit
from transcribe.audio import Audio
from transcribe.diarize.base import Diarization, Turn
from transcribe.speakers import match
from transcribe.speakers.anchors import (
    MAX_LABEL_S,
    MIN_SPLIT_S,
    TurnEvidence,
    known_turns,
    split_known_voices,
    turn_spans,
)
from transcribe.speakers.match import match_speakers
from transcribe.speakers.profiles import Profile, ProfileDirectory
from transcribe.transcript import Segment, Transcript, Word

COHORT = cohort(100)


@pytest.fixture(autouse=True)
def raw_cosines(monkeypatch) -> None:
    """The hand-made vectors here are built as raw GE2E cosines: no shipped back-end in between."""
    monkeypatch.setattr("transcribe.speakers.match.load_backend", lambda: None)


def heard(voice: np.ndarray, seed: int, cos: float = 0.9) -> np.ndarray:
    """The voice as one turn gives it: cosine `cos` with the voice, in a random direction."""
    return towards(voice, unit(1000 + seed), cos)


ANNA, BO, STRANGER = unit(1), unit(2), unit(3)
PROFILES = [Profile(name=n, embeddings=[v.tolist()]) for n, v in (("Anna", ANNA), ("Bo", BO))]


def meeting(anna_turns: int = 2) -> tuple[Diarization, TurnEvidence, dict[int, str]]:
    """SPEAKER_00: a stranger with Anna's turns inside; SPEAKER_01: Bo's own label. {turn: true voice}."""
    who = ["x", "x"] + ["Anna"] * anna_turns + ["x", "x", "Bo", "Bo", "Bo", "Bo", "x"]
    # the stranger's last turn is in Bo's label, a fifth of it (a quarter would be a mixed label:
    # `speakers.agreement`)
    labels = ["SPEAKER_00"] * (len(who) - 5) + ["SPEAKER_01"] * 5
    turns = [Turn(5.0 * k, 5.0 * k + 4.0, lb) for k, lb in enumerate(labels)]
    voice = {"x": STRANGER, "Anna": ANNA, "Bo": BO}
    rows = np.stack([heard(voice[w], k) for k, w in enumerate(who)])
    embeddings = {lb: rows[[i for i, t in enumerate(turns) if t.speaker == lb]].mean(axis=0) for lb in set(labels)}
    return Diarization(turns, embeddings), TurnEvidence(list(range(len(turns))), rows), dict(enumerate(who))


def test_an_enrolled_voice_merged_into_a_strangers_label_gets_its_own_label_and_name() -> None:
    dia, evidence, who = meeting()
    before = match_speakers(dia, PROFILES, cohort=COHORT)
    assert before["SPEAKER_00"].status == "anonymous"  # a stranger's label with Anna inside: Anna is lost

    after = split_known_voices(dia, evidence, PROFILES, COHORT)
    moved = {i for i, (a, b) in enumerate(zip(dia.turns, after.turns, strict=True)) if a.speaker != b.speaker}
    assert moved == {i for i, w in who.items() if w == "Anna"}
    assert {after.turns[i].speaker for i in moved} == {"SPEAKER_02"}  # a new label, not Bo's

    pieces = {lb: evidence.embeddings[[i for i, t in enumerate(after.turns) if t.speaker == lb]] for lb in after.labels}
    m = match_speakers(after, PROFILES, pieces=pieces, cohort=COHORT)
    assert (m["SPEAKER_02"].status, m["SPEAKER_02"].name) == ("named", "Anna")
    assert (m["SPEAKER_01"].status, m["SPEAKER_01"].name) == ("named", "Bo")  # his own label kept its turns
    assert m["SPEAKER_00"].status == "anonymous"  # the stranger stays anonymous


def test_nothing_moves_without_profiles_a_cohort_or_enough_speech() -> None:
    dia, evidence, _ = meeting()
    assert split_known_voices(dia, evidence, [], COHORT) is dia
    assert split_known_voices(dia, evidence, PROFILES, np.zeros((0, 6, DIM), np.float32)) is dia
    short, evidence, _ = meeting(anna_turns=1)  # one 4 s turn: too little to take from a label
    assert 4.0 < MIN_SPLIT_S
    assert split_known_voices(short, evidence, PROFILES, COHORT) is short


def test_a_known_voices_turns_go_to_the_label_that_is_that_voice_already() -> None:
    dia, evidence, who = meeting()
    # Bo's label: Bo's turns plus one stranger turn; now two of Bo's turns were diarised inside SPEAKER_00
    turns = list(dia.turns)
    bo_turns = [i for i, w in who.items() if w == "Bo"]
    for i in bo_turns[:2]:
        turns[i] = Turn(turns[i].start, turns[i].end, "SPEAKER_00")
    rows = evidence.embeddings.copy()
    rows[[i for i, w in who.items() if w == "x"][:2]] = [heard(BO, 50), heard(BO, 51)]  # two more Bo turns
    for i in [i for i, w in who.items() if w == "x"][:2]:
        who[i] = "Bo"
    moved = known_turns(turns, TurnEvidence(evidence.index, rows), PROFILES, COHORT)
    assert {i for i, lb in moved.items() if lb == "SPEAKER_01"} == {
        i for i, w in who.items() if w == "Bo" and turns[i].speaker == "SPEAKER_00"
    }


def test_turns_are_judged_trimmed_and_a_long_one_by_its_middle() -> None:
    spans = dict(turn_spans([Turn(0.0, 1.0, "A"), Turn(2.0, 6.0, "A"), Turn(10.0, 40.0, "B")]))
    assert 0 not in spans  # too short to judge alone
    assert spans[1] == pytest.approx((2.2, 5.8))
    a, b = spans[2]
    assert b - a == pytest.approx(8.0) and a > 10.0 and b < 40.0
    # two hours of one person in 5 s turns: a bounded share is judged, spread over the meeting
    long = dict(turn_spans([Turn(6.0 * k, 6.0 * k + 5.0, "A") for k in range(1200)]))
    assert sum(b - a for a, b in long.values()) <= MAX_LABEL_S
    assert min(long) < 10 and max(long) > 1190


def test_recognise_splits_the_known_voice_out_and_attributes_its_words_again(tmp_path: Path, monkeypatch) -> None:
    dia, evidence, who = meeting()
    directory = ProfileDirectory(tmp_path / "speakers")
    for p in PROFILES:
        directory.add(p.name, p.embeddings, seconds=10.0)
    segments = [
        Segment(id=i, start=t.start, end=t.end, text=f" ord{i}", speaker=t.speaker,
                words=[Word(start=t.start, end=t.end, text=f" ord{i}", probability=0.9, speaker=t.speaker)])
        for i, t in enumerate(dia.turns)
    ]  # fmt: skip
    transcript = Transcript(language="sv", duration=60.0, segments=segments)
    monkeypatch.setattr(speakers, "turn_evidence", lambda audio, turns: evidence)
    monkeypatch.setattr(speakers, "cohort", lambda: COHORT)
    monkeypatch.setattr("transcribe.speakers.anchors.shipped_cohort", lambda: COHORT)

    def pieces(audio, turns, labels):
        return {lb: evidence.embeddings[[i for i, t in enumerate(turns) if t.speaker == lb]] for lb in labels}

    monkeypatch.setattr(speakers, "label_pieces", pieces)
    audio = Audio(path=Path("<test>"), samples=np.zeros(16_000, np.int16), sample_rate=16_000)
    out = speakers.recognise(transcript, dia, directory=directory, audio=audio)
    names = {s.label: s.name for s in out.speakers}
    said_by = {seg.text.strip(): names.get(seg.speaker) for seg in out.segments}
    assert {f"ord{i}" for i, w in who.items() if w == "Anna"} == {k for k, v in said_by.items() if v == "Anna"}
    bo_label = {f"ord{i}" for i, t in enumerate(dia.turns) if t.speaker == "SPEAKER_01"}  # his own label, unchanged
    assert bo_label == {k for k, v in said_by.items() if v == "Bo"}
    assert set(said_by) == {f"ord{i}" for i in range(len(dia.turns))}  # every word still there


def test_turns_are_judged_on_the_same_fused_scores_as_labels(monkeypatch) -> None:
    """Anchors and labels must not disagree on whom a turn sounds like: both use `match.FUSED`."""
    seen = []

    def spy(*args, backend=False, **kwargs):
        seen.append(backend)
        return match.piece_scores(*args, backend=backend, **kwargs)

    monkeypatch.setattr("transcribe.speakers.anchors.piece_scores", spy)
    diarization, evidence, _ = meeting(anna_turns=3)
    assert known_turns(diarization.turns, evidence, PROFILES, COHORT)  # without a back-end file: raw scores
    assert seen == [match.FUSED]


def test_a_known_voice_leaves_a_label_whose_other_speech_is_all_short_turns() -> None:
    # SPEAKER_00: one long turn of Anna's, then a quiet voice in 1 s turns holding most of the label's
    # time (too short to judge one by one); SPEAKER_01: Bo. The label is no home of Anna's: her turn
    # gets a label of its own, as the label with the short turns could never carry her name.
    turns = [Turn(0.0, 16.0, "SPEAKER_00")] + [Turn(17.0 + 1.5 * k, 18.0 + 1.5 * k, "SPEAKER_00") for k in range(25)]
    turns += [Turn(60.0 + 5 * k, 64.0 + 5 * k, "SPEAKER_01") for k in range(3)]
    judged = [0, 26, 27, 28]
    rows = np.stack([heard(ANNA, 1), heard(BO, 2), heard(BO, 3), heard(BO, 4)])
    moved = known_turns(turns, TurnEvidence(judged, rows), PROFILES, COHORT)
    assert moved == {0: "SPEAKER_02"}
    # the same label with the quiet voice in judged turns of Anna's: her home, nothing moves
    alike = [Turn(0.0, 16.0, "SPEAKER_00")] + [Turn(17.0 + 5 * k, 21.0 + 5 * k, "SPEAKER_00") for k in range(4)]
    alike += turns[26:]
    rows = np.stack([heard(ANNA, 1)] + [heard(ANNA, 10 + k, 0.85) for k in range(4)] + list(rows[1:]))
    assert known_turns(alike, TurnEvidence(list(range(8)), rows), PROFILES, COHORT) == {}
