"""Voice profiles, matching and the speaker review actions."""

from __future__ import annotations

import json

import numpy as np
import pytest

from tests.voices import DIM, towards, unit
from transcribe import formats
from transcribe.diarize.base import Diarization, Turn
from transcribe.errors import BadOption
from transcribe.minutes import extract_minutes
from transcribe.speakers import recognise
from transcribe.speakers.apply import apply_matches
from transcribe.speakers.match import (
    T_NAMED,
    T_NAMED_RAW,
    T_PROPOSED,
    Z_NAMED,
    Z_PROPOSED,
    Match,
    match_speakers,
)
from transcribe.speakers.ops import merge_speakers, reassign_segment, split_speaker
from transcribe.speakers.profiles import (
    GE2E,
    MAX_EMBEDDINGS,
    Profile,
    ProfileDirectory,
    check_name,
    chunk_spans,
    file_stem,
    forget,
)
from transcribe.transcript import Segment, SpeakerInfo, Transcript, Word


@pytest.fixture(autouse=True)
def raw_cosines(monkeypatch) -> None:
    """The hand-made vectors here are built as raw GE2E cosines: no shipped back-end in between."""
    monkeypatch.setattr("transcribe.speakers.match.load_backend", lambda: None)


@pytest.fixture()
def directory(tmp_path) -> ProfileDirectory:
    return ProfileDirectory(tmp_path / "speakers")


# ----------------------------------------------------------------------------- profiles


def test_profile_files_hold_embeddings_only_and_update_atomically(directory: ProfileDirectory) -> None:
    p = directory.add("Johan Nilsson", np.stack([unit(1), unit(2)]), 21.0, source="meeting:natverk-1")
    assert (p.n_samples, p.seconds, p.encoder) == (2, 21.0, GE2E)
    p = directory.add("johan  nilsson", [unit(3) * 3], 9.0, source="file:x.wav")  # same person, case/space
    assert p.n_samples == 3 and p.seconds == 30.0 and p.sources == ["meeting:natverk-1", "file:x.wav"]
    files = [f for f in directory.root.iterdir() if f.name != ".lock"]
    assert len(files) == 1 and files[0].suffix == ".json"  # no temp files, no audio
    data = json.loads(files[0].read_text())
    assert set(data) == {"name", "encoder", "embeddings", "n_samples", "seconds", "created", "updated", "sources",
                         "variants", "line_seconds"}  # fmt: skip
    assert all(abs(np.linalg.norm(e) - 1) < 1e-4 for e in data["embeddings"])  # stored L2-normalised
    assert [x.name for x in directory.list()] == ["Johan Nilsson"]


def test_profile_names_and_limits(directory: ProfileDirectory) -> None:
    assert file_stem("Åsa Öberg") != file_stem("Asa Oberg")
    assert file_stem("Åsa Öberg").startswith("asa-oberg-")
    with pytest.raises(BadOption):
        check_name("  ")
    with pytest.raises(BadOption):
        check_name("a\x00b")
    p = directory.add("Anna", np.stack([unit(i) for i in range(MAX_EMBEDDINGS + 5)]), 100.0)
    assert p.n_samples == MAX_EMBEDDINGS
    with pytest.raises(BadOption):  # never mix encoders in one profile
        directory.add("Anna", [unit(1)], 5.0, encoder="pyannote-wespeaker")
    with pytest.raises(ValueError):
        directory.add("Bo", [[np.nan] * DIM], 5.0)


def test_forget_deletes_every_embedding_and_is_audited(directory: ProfileDirectory) -> None:
    from transcribe import audit

    directory.add("Peter Lundgren", [unit(1), unit(2)], 20.0)
    gone = forget(directory, "Peter Lundgren", user="lena")
    assert gone is not None and gone.n_samples == 2
    assert directory.get("Peter Lundgren") is None and not list(directory.root.glob("*.json"))
    event = audit.events(target="speaker:Peter Lundgren")[0]
    assert (event.action, event.user) == ("profile_forget", "lena") and "2 samples" in event.detail
    assert forget(directory, "Peter Lundgren") is None


def test_chunk_spans_groups_speech_into_ten_second_samples() -> None:
    chunks = chunk_spans([(0, 4), (5, 12), (20, 21), (30, 31)])
    assert [round(sum(b - a for a, b in c), 3) for c in chunks] == [10.0, 3.0]  # short tail joined the last
    assert chunks[0] == [(0, 4), (5, 11)]
    assert chunk_spans([(0, 1)]) == [[(0, 1)]]


# ----------------------------------------------------------------------------- matching


def profile(name: str, vec: np.ndarray, encoder: str = GE2E) -> Profile:
    return Profile(name=name, encoder=encoder, embeddings=[vec.tolist()], n_samples=1)


HIGH = (T_NAMED_RAW + 1) / 2  # hand-made vectors are raw GE2E cosines
RAW_ONLY = np.zeros((0, 6, 256), np.float32)  # no cohort: the cosine thresholds alone decide


def test_thresholds_order() -> None:
    assert 0 < T_PROPOSED <= T_NAMED < 1 and 0 < Z_PROPOSED < Z_NAMED


def test_match_named_proposed_anonymous_and_one_to_one() -> None:
    johan, anna, peter = unit(1), unit(2), unit(3)
    profiles = [profile("Johan", johan), profile("Anna", anna), profile("Peter", peter)]
    labels = {
        "SPEAKER_00": towards(johan, unit(10), 0.95),  # clearly Johan
        "SPEAKER_01": towards(anna, unit(11), 0.85),  # probably Anna
        "SPEAKER_02": towards(peter, unit(12), 0.70),  # a stranger
        "SPEAKER_03": towards(johan, unit(13), 0.92),  # Johan again: diariser split him
    }
    m = match_speakers(labels, profiles, cohort=RAW_ONLY, t_named=0.9, t_proposed=0.8, margin=0.05)
    assert (m["SPEAKER_00"].name, m["SPEAKER_00"].status) == ("Johan", "named")
    assert m["SPEAKER_00"].score == pytest.approx(0.95, abs=1e-3)
    assert (m["SPEAKER_01"].name, m["SPEAKER_01"].status) == ("Anna", "proposed")
    assert (m["SPEAKER_02"].name, m["SPEAKER_02"].status) == (None, "anonymous")
    # one profile names at most one label; the other gets only a proposal
    assert (m["SPEAKER_03"].name, m["SPEAKER_03"].status) == ("Johan", "proposed")


def test_match_needs_a_margin_and_ignores_other_encoders() -> None:
    a = unit(1)
    b = towards(a, unit(2), 0.99)  # two profiles almost alike
    label = towards(a, unit(3), HIGH)
    m = match_speakers({"SPEAKER_00": label}, [profile("A", a), profile("B", b)])
    assert m["SPEAKER_00"].status == "proposed"
    m = match_speakers({"SPEAKER_00": label}, [profile("A", a, encoder="pyannote-wespeaker")])
    assert m["SPEAKER_00"].status == "anonymous"
    d = Diarization(turns=[Turn(0, 1, "SPEAKER_00")], embeddings={"SPEAKER_00": label})
    assert match_speakers(d, [profile("A", a)])["SPEAKER_00"].status == "named"


def transcript(labels: list[str], texts: list[str] | None = None) -> Transcript:
    texts = texts or [f"Det här är inlägg nummer {i}." for i in range(len(labels))]
    segs = []
    for i, (label, text) in enumerate(zip(labels, texts, strict=True)):
        words = [Word(start=i * 5 + j * 0.4, end=i * 5 + j * 0.4 + 0.3, text=" " + w, probability=0.9,
                      speaker=label) for j, w in enumerate(text.split())]  # fmt: skip
        segs.append(Segment(id=i, start=i * 5.0, end=i * 5.0 + 4.0, text=text, words=words, speaker=label))
    return Transcript(segments=segs, duration=len(labels) * 5.0, source="möte.wav")


def test_apply_matches_never_overrides_a_person() -> None:
    t = transcript(["SPEAKER_00", "SPEAKER_01", "SPEAKER_02", "SPEAKER_03"])
    t.speakers = [
        SpeakerInfo(label="SPEAKER_00", name="Maria", name_source="user"),
        SpeakerInfo(label="SPEAKER_01", name="Karin", name_source="introduction"),
    ]
    matches = {
        "SPEAKER_00": Match("Johan", 0.97, "named"),
        "SPEAKER_01": Match("Anna", 0.97, "named"),
        "SPEAKER_02": Match("Peter", 0.96, "named"),
        "SPEAKER_03": Match("Sofia", 0.88, "proposed"),
    }
    out = apply_matches(t, matches)
    info = {s.label: s for s in out.speakers}
    assert (info["SPEAKER_00"].name, info["SPEAKER_00"].proposed_name) == ("Maria", None)
    assert (info["SPEAKER_01"].name, info["SPEAKER_01"].proposed_name) == ("Karin", "Anna")  # conflict shown
    assert (info["SPEAKER_02"].name, info["SPEAKER_02"].name_source) == ("Peter", "profile")
    assert (info["SPEAKER_03"].name, info["SPEAKER_03"].proposed_name) == (None, "Sofia")
    assert info["SPEAKER_03"].proposal_score == 0.88
    assert t.speakers[0].proposed_name is None  # input untouched


def test_recognise_is_a_no_op_without_profiles(directory: ProfileDirectory) -> None:
    t = transcript(["SPEAKER_00"])
    d = Diarization(turns=[Turn(0, 4, "SPEAKER_00")], embeddings={"SPEAKER_00": unit(1)})
    assert recognise(t, d, directory=directory) is t
    directory.add("Johan", [unit(1)], 10.0)
    named = recognise(t, d, directory=directory)
    assert named.speakers[0].name == "Johan" and named.speakers[0].name_source == "profile"
    # pyannote vectors are another space: without audio to re-embed, nothing is compared
    other = recognise(t, d, directory=directory, diarizer="pyannote")
    assert not any(s.name or s.proposed_name for s in other.speakers)


# ----------------------------------------------------------------------------- review actions

TEXTS = [
    "Hej och välkomna allihop.",
    "Jag tycker att vi ska köpa nya stolar.",
    "Vi beslutar att köpa nya stolar till aulan.",
    "Jag tar kontakt med leverantören.",
]


def named_transcript() -> Transcript:
    t = transcript(["SPEAKER_00", "SPEAKER_01", "SPEAKER_01", "SPEAKER_02"], TEXTS)
    t.speakers = [SpeakerInfo(label="SPEAKER_00", name="Maria", name_source="user"),
                  SpeakerInfo(label="SPEAKER_01", name="Johan", name_source="user"),
                  SpeakerInfo(label="SPEAKER_02")]  # fmt: skip
    return t


def all_outputs(t: Transcript) -> dict[str, str]:
    return {fmt: formats.WRITERS[fmt](t) for fmt in ("txt", "srt", "vtt", "md", "rttm")}


def test_merge_speakers_everywhere() -> None:
    t = named_transcript()
    out = merge_speakers(t, keep="SPEAKER_00", drop="SPEAKER_01")
    assert [s.speaker for s in out.segments] == ["SPEAKER_00", "SPEAKER_00", "SPEAKER_00", "SPEAKER_02"]
    assert {w.speaker for s in out.segments[:3] for w in s.words} == {"SPEAKER_00"}
    assert [s.label for s in out.speakers] == ["SPEAKER_00", "SPEAKER_02"]
    for fmt, text in all_outputs(out).items():
        assert "Johan" not in text and "SPEAKER_01" not in text, fmt
    assert all_outputs(out)["txt"].count("Maria:") == 3
    minutes = extract_minutes(out)
    assert minutes.decisions and minutes.decisions[0].evidence[0].speaker == "SPEAKER_00"
    assert minutes.decisions[0].evidence[0].speaker_name == "Maria"
    assert [p.label for p in minutes.participants] == ["SPEAKER_00", "SPEAKER_02"]
    # an unnamed speaker kept inherits the dropped one's name
    inherit = merge_speakers(t, keep="SPEAKER_02", drop="SPEAKER_01")
    assert inherit.speaker_name("SPEAKER_02") == "Johan"
    with pytest.raises(BadOption):
        merge_speakers(t, "SPEAKER_00", "SPEAKER_00")
    with pytest.raises(BadOption):
        merge_speakers(t, "SPEAKER_00", "SPEAKER_09")
    assert t.segments[1].speaker == "SPEAKER_01"  # pure


def test_split_speaker_gives_a_new_label() -> None:
    t = named_transcript()
    out, label = split_speaker(t, "SPEAKER_01", [2])
    assert label == "SPEAKER_03"
    assert [s.speaker for s in out.segments] == ["SPEAKER_00", "SPEAKER_01", "SPEAKER_03", "SPEAKER_02"]
    assert {w.speaker for w in out.segments[2].words} == {"SPEAKER_03"}
    assert [s.label for s in out.speakers] == ["SPEAKER_00", "SPEAKER_01", "SPEAKER_03", "SPEAKER_02"]
    outputs = all_outputs(out)
    assert "SPEAKER_03: Vi beslutar" in outputs["txt"] and "<v SPEAKER_03>Vi beslutar" in outputs["vtt"]
    assert outputs["rttm"].splitlines()[2].split()[7] == "SPEAKER_03"
    minutes = extract_minutes(out)
    assert minutes.decisions[0].evidence[0].speaker == "SPEAKER_03"
    with pytest.raises(BadOption):
        split_speaker(t, "SPEAKER_01", [0])  # not Johan's segment
    with pytest.raises(BadOption):
        split_speaker(t, "SPEAKER_01", [])


def test_reassign_segment() -> None:
    t = named_transcript()
    out = reassign_segment(t, 3, "SPEAKER_00")
    assert out.segments[3].speaker == "SPEAKER_00" and {w.speaker for w in out.segments[3].words} == {"SPEAKER_00"}
    assert [s.label for s in out.speakers] == ["SPEAKER_00", "SPEAKER_01"]  # SPEAKER_02 no longer speaks
    outputs = all_outputs(out)
    assert outputs["txt"].splitlines()[3].endswith("Maria: Jag tar kontakt med leverantören.")
    assert "**[00:00:15] Maria**" in outputs["md"] and "Maria: Jag tar kontakt" in outputs["srt"]
    minutes = extract_minutes(out)
    owners = {a.owner for a in minutes.actions}
    assert owners <= {"Maria", "SPEAKER_00"}
    new = reassign_segment(t, 0, "SPEAKER_07")
    assert new.speaker_labels()[0] == "SPEAKER_07" and new.speakers[0].label == "SPEAKER_07"
    with pytest.raises(BadOption):
        reassign_segment(t, 99, "SPEAKER_00")


# ----------------------------------------------------------------------------- benchmark helpers


def test_bench_majority_and_flag_scores() -> None:
    from transcribe.bench.profiles import judge_items, majority, score_flags, truth_with_asr_probabilities
    from transcribe.minutes.model import Decision, Evidence, Minutes

    truth = [Turn(0, 10, "anna"), Turn(10, 20, "johan")]
    got = majority([Turn(0, 9, "SPEAKER_00"), Turn(9, 20, "SPEAKER_01")], truth)
    assert got["SPEAKER_00"] == ("anna", 1.0) and got["SPEAKER_01"][0] == "johan"
    assert round(got["SPEAKER_01"][1], 3) == round(10 / 11, 3)

    t = {"truth": {"decisions": [{"text": "Styrelsen beslutade att höja årsavgiften med två procent.",
                                  "start": 0.0, "end": 5.0}], "actions": [], "not_decided": []},
         "segments": [{"turn": 0, "start": 0.0, "end": 4.0, "speaker": "anna", "text": "Vi höjer avgiften."}],
         "speakers": [{"id": "anna", "name": "Anna"}], "duration": 5.0}  # fmt: skip
    ev = [Evidence(segment_id=0, start=0.0, end=4.0, quote="x")]
    m = Minutes(
        decisions=[
            Decision(text="Styrelsen beslutade att höja årsavgiften med två procent.", evidence=ev),
            Decision(text="Mötet beslutade att sälja huset.", evidence=ev, needs_review=True),
        ]
    )
    judged = judge_items(t, m, {})
    assert [ok for _, _, ok in judged] == [True, False]
    rows = [(k, item, ok, False, "x") for k, item, ok in judged]
    scores = score_flags(rows)
    assert (scores["flag_recall"], scores["flag_noise"], scores["wrong"], scores["right"]) == (1.0, 0.0, 1, 1)

    heard = transcript(["SPEAKER_00"], ["Vi höjer avgiften."])
    heard.segments[0].words[1].probability = 0.2
    true_t = truth_with_asr_probabilities(t, heard)
    # true words at 0.67, 2.0 and 3.3 s; the recogniser's words end at 1.1 s: later ones stay neutral
    assert [round(w.probability, 2) for w in true_t.segments[0].words] == [0.2, 1.0, 1.0]
    assert true_t.metadata["asr_coverage"] == "0.333"
