"""A weak profile (a few seconds of enrolment) names a voice only on a score no other person's speech came
near, never from a word or two, and says so when it is enrolled (hand-made embeddings; a hand-made back-end
stands in for the shipped one)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from tests.test_profile_decisions import ANNA, PROFILES, pieces_of
from tests.test_profile_fused import decide, shipped
from tests.voices import DIM
from transcribe.audio import SAMPLE_RATE, Audio
from transcribe.speakers.backend import Backend
from transcribe.speakers.match import Z_NAMED_FUSED, Z_NAMED_WEAK, Z_PROPOSED_WEAK
from transcribe.speakers.profiles import (
    BRIEF_ENROLMENT_S,
    MIN_ENROLMENT_S,
    PROFILE_SOURCE,
    Profile,
    ProfileDirectory,
    enroll_transcript,
    weak,
    weak_profile_line,
)
from transcribe.transcript import Segment, SpeakerInfo, Transcript

IDENTITY = Backend(np.zeros(DIM, np.float32), np.eye(DIM, dtype=np.float32))
# strangers from far from Anna to half-way like her: her pieces' scores spread over 4-8
NEAR = np.repeat(
    np.stack([pieces_of(ANNA, 1, c, 300 + k)[0] for k, c in enumerate(np.linspace(0.0, 0.5, 40))])[:, None, :], 6, 1
)


def enrolled_for(seconds: float) -> list[Profile]:
    return [p.model_copy(update={"seconds": seconds}) for p in PROFILES]


def heard_at(band: tuple[float, float], cohort: np.ndarray = NEAR, steps: int = 80) -> np.ndarray:
    """Anna's pieces whose fused score with a full profile, against `cohort`, falls in `band`: the first of `steps`
    ever fainter copies of her voice."""
    for k, cos in enumerate(np.linspace(0.99, 0.7, steps)):
        heard = pieces_of(ANNA, 12, float(cos), 700 + k)
        if band[0] <= decide(heard, enrolled_for(30.0), cohort=cohort).norm < band[1]:
            return heard
    raise AssertionError(f"no voice scored in {band}")


def test_a_weak_profile_names_only_a_voice_far_clearer_than_a_full_profile_needs(monkeypatch) -> None:
    shipped(monkeypatch, IDENTITY)
    few_words = enrolled_for(MIN_ENROLMENT_S - 2)  # a few seconds of enrolment
    clear = heard_at((Z_NAMED_WEAK + 0.2, np.inf))
    m = decide(clear, few_words, cohort=NEAR)
    assert (m.status, m.name) == ("named", "Anna")
    # as sure as a full profile needs, and as a weak one needs for a proposal: "Anna?" for the reviewer
    usual = heard_at((max(Z_NAMED_FUSED, Z_PROPOSED_WEAK) + 0.1, Z_NAMED_WEAK - 0.2))
    assert decide(usual, enrolled_for(30.0), cohort=NEAR).status == "named"
    m = decide(usual, few_words, cohort=NEAR)
    assert (m.status, m.name) == ("proposed", "Anna")
    # a word or two of enrolment never names, however clear the voice
    m = decide(clear, enrolled_for(BRIEF_ENROLMENT_S - 0.3), cohort=NEAR)
    assert (m.status, m.name) == ("proposed", "Anna")


def test_the_weak_line_says_when_a_weak_profile_may_name() -> None:
    few = weak_profile_line(Profile(name="Anna", seconds=3.2))
    assert '"Anna?"' in few and "mycket tydlig" in few
    brief = weak_profile_line(Profile(name="Bo", seconds=BRIEF_ENROLMENT_S - 0.2))
    assert '"Bo?"' in brief and "bara namnet" in brief and "namnger" not in brief


def _voiced(seconds: float, seed: int) -> np.ndarray:
    """A buzzy tone with a changing pitch and a breath of noise up to 8 kHz, as a microphone hears it (its
    harmonics alone stay inside a telephone band): something the encoder embeds (no speech synthesiser needed)."""
    t = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    f0 = 120 + 20 * np.sin(2 * np.pi * 0.7 * t) + 10 * seed
    phase = 2 * np.pi * np.cumsum(f0) / SAMPLE_RATE
    breath = 0.02 * np.random.default_rng(seed).standard_normal(len(t))
    return (0.3 * sum(np.sin(k * phase) / k for k in range(1, 12)) + breath).astype(np.float32)


def test_a_name_a_weak_profile_gave_grows_it_and_a_full_profiles_name_does_not(tmp_path: Path) -> None:
    directory = ProfileDirectory(tmp_path / "speakers")
    x = np.concatenate([_voiced(8.0, 1), _voiced(8.0, 2)])
    audio = Audio.from_array(x, tmp_path / "m")
    directory.add("Anna", [ANNA.tolist()], MIN_ENROLMENT_S - 2)  # weak: a few seconds
    directory.add("Bo", [PROFILES[1].embeddings[0]], MIN_ENROLMENT_S + 20)
    transcript = Transcript(
        segments=[Segment(id=0, start=0.0, end=8.0, text="Hej.", speaker="SPEAKER_00"),
                  Segment(id=1, start=8.0, end=16.0, text="Hej.", speaker="SPEAKER_01")],
        speakers=[SpeakerInfo(label="SPEAKER_00", name="Anna", name_source=PROFILE_SOURCE),
                  SpeakerInfo(label="SPEAKER_01", name="Bo", name_source=PROFILE_SOURCE)],
    )  # fmt: skip
    done = enroll_transcript(directory, transcript, audio, "meeting:m1", audit=False)
    assert set(done) == {"Anna"}  # the approved meeting's voices saved: Anna's profile grows
    assert directory.get("Anna").seconds >= MIN_ENROLMENT_S and not weak(directory.get("Anna"))
    assert directory.get("Bo").seconds == MIN_ENROLMENT_S + 20  # a full profile never feeds on its own names
    guessed = transcript.model_copy(deep=True)
    guessed.speakers[0].name_source = "introduction"  # a machine guess from a self-introduction: never enrols
    other = ProfileDirectory(tmp_path / "other")
    other.add("Anna", [ANNA.tolist()], MIN_ENROLMENT_S - 2)
    assert enroll_transcript(other, guessed, audio, "m", audit=False) == {}
