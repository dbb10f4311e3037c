"""Over a telephone line voices sound alike: a meeting heard through a telephone band names a voice only on a
clearer match, and speech heard over a line lets a weak profile name over a line, not in a room (hand-made
embeddings; a hand-made back-end stands in for the shipped one), and a name such a profile gives over a line, as
a full profile's, never enrols."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from tests.test_profile_decisions import ANNA, pieces_of
from tests.test_profile_fused import decide, shipped
from tests.test_profile_weak_names import IDENTITY, enrolled_for, heard_at
from tests.voices import unit
from transcribe.audio import SAMPLE_RATE, Audio
from transcribe.speakers.match import Z_NAMED_FUSED, Z_NAMED_LINE, Z_NAMED_WEAK
from transcribe.speakers.profiles import (
    MIN_ENROLMENT_S,
    PROFILE_SOURCE,
    TELEPHONE,
    ProfileDirectory,
    enroll_transcript,
    voice_seconds,
    weak,
)
from transcribe.transcript import Segment, SpeakerInfo, Transcript

# strangers from a third to three quarters like Anna: her voice scores 2.7-5.3 against them
ALIKE = np.repeat(
    np.stack([pieces_of(ANNA, 1, c, 300 + k)[0] for k, c in enumerate(np.linspace(0.3, 0.75, 40))])[:, None, :], 6, 1
)


def test_a_meeting_over_a_telephone_line_names_only_a_clearer_match(monkeypatch) -> None:
    shipped(monkeypatch, IDENTITY)
    full = enrolled_for(30.0)
    usual = heard_at((Z_NAMED_FUSED + 0.1, Z_NAMED_LINE - 0.1), ALIKE, 60)  # enough for a name in a room
    assert (decide(usual, full, cohort=ALIKE).status, decide(usual, full, cohort=ALIKE).name) == ("named", "Anna")
    m = decide(usual, full, cohort=ALIKE, line=True)
    assert (m.status, m.name) == ("proposed", "Anna")  # "Anna?" for the reviewer
    clear = heard_at((Z_NAMED_LINE + 0.2, Z_NAMED_WEAK - 0.2), ALIKE, 60)
    m = decide(clear, full, cohort=ALIKE, line=True)
    assert (m.status, m.name) == ("named", "Anna")


def test_speech_heard_over_a_line_makes_a_weak_profile_name_over_a_line_only(tmp_path: Path, monkeypatch) -> None:
    directory = ProfileDirectory(tmp_path / "speakers")
    directory.add("Anna", [unit(1)], MIN_ENROLMENT_S - 2, channel_variants={TELEPHONE: [unit(2)]})
    p = directory.add("Anna", [unit(3), unit(4)], 20.0, channel_variants={TELEPHONE: [unit(5), unit(6)]},
                      heard_through=TELEPHONE)  # fmt: skip
    assert p.seconds == MIN_ENROLMENT_S + 18 and voice_seconds(p) == MIN_ENROLMENT_S - 2
    assert weak(p) and not weak(p, line=True)
    # a microphone meeting's speech makes it full everywhere
    q = directory.add("Anna", [unit(7)], 3.0, channel_variants={TELEPHONE: [unit(8)]})
    assert not weak(q) and not weak(q, line=True)
    # matching: the weak voice as recorded proposes in a room where a full one would name
    shipped(monkeypatch, IDENTITY)
    usual = heard_at((Z_NAMED_LINE + 0.2, Z_NAMED_WEAK - 0.2), ALIKE, 60)
    grown = [pr.model_copy(update={"seconds": 30.0, "line_seconds": 30.0 - (MIN_ENROLMENT_S - 2)})
             for pr in enrolled_for(30.0)]  # fmt: skip
    assert decide(usual, grown, cohort=ALIKE).status == "proposed"
    assert decide(usual, grown, cohort=ALIKE, line=True).status == "named"


def buzz(seconds: float, seed: int, breath: float) -> np.ndarray:
    """A buzzy tone with a changing pitch (its harmonics stay inside a telephone band), with `breath`: noise up to
    8 kHz, as a microphone hears it."""
    t = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    phase = 2 * np.pi * np.cumsum(120 + 20 * np.sin(2 * np.pi * 0.7 * t) + 10 * seed) / SAMPLE_RATE
    noise = breath * np.random.default_rng(seed).standard_normal(len(t))
    return (0.3 * sum(np.sin(k * phase) / k for k in range(1, 12)) + noise).astype(np.float32)


def test_a_name_given_over_a_line_by_a_profile_full_there_is_not_saved(tmp_path: Path) -> None:
    transcript = Transcript(
        segments=[Segment(id=0, start=0.0, end=8.0, text="Hej.", speaker="SPEAKER_00")],
        speakers=[SpeakerInfo(label="SPEAKER_00", name="Anna", name_source=PROFILE_SOURCE)],
    )  # fmt: skip
    for breath, grows in ((0.0, False), (0.02, True)):  # over a line it names as a full profile; in a room as weak
        directory = ProfileDirectory(tmp_path / f"speakers-{breath}")
        directory.add("Anna", [ANNA.tolist()], MIN_ENROLMENT_S - 2)
        directory.add("Anna", [ANNA.tolist()], 20.0, heard_through=TELEPHONE)
        audio = Audio.from_array(buzz(8.0, 1, breath), tmp_path / f"m-{breath}")
        done = enroll_transcript(directory, transcript, audio, "meeting:m1", audit=False)
        assert ("Anna" in done) == grows
