"""A weak profile (a few seconds of enrolment) names a voice only on a score no other person's speech came
near, never from a word or two, and says so when it is enrolled (hand-made embeddings; a hand-made back-end
stands in for the shipped one)."""

from __future__ import annotations

import numpy as np

from tests.test_profile_decisions import ANNA, PROFILES, pieces_of
from tests.test_profile_fused import decide, shipped
from tests.voices import DIM
from transcribe.speakers.backend import Backend
from transcribe.speakers.match import Z_NAMED_FUSED, Z_NAMED_WEAK, Z_PROPOSED_WEAK
from transcribe.speakers.profiles import BRIEF_ENROLMENT_S, MIN_ENROLMENT_S, Profile, weak_profile_line

IDENTITY = Backend(np.zeros(DIM, np.float32), np.eye(DIM, dtype=np.float32))
# strangers from far from Anna to half-way like her: her pieces' scores spread over 4-8
NEAR = np.repeat(
    np.stack([pieces_of(ANNA, 1, c, 300 + k)[0] for k, c in enumerate(np.linspace(0.0, 0.5, 40))])[:, None, :], 6, 1
)


def enrolled_for(seconds: float) -> list[Profile]:
    return [p.model_copy(update={"seconds": seconds}) for p in PROFILES]


def heard_at(band: tuple[float, float]) -> np.ndarray:
    """Anna's pieces whose fused score with a full profile falls in `band`."""
    for k, cos in enumerate(np.linspace(0.99, 0.7, 80)):
        heard = pieces_of(ANNA, 12, float(cos), 700 + k)
        if band[0] <= decide(heard, enrolled_for(30.0), cohort=NEAR).norm < band[1]:
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
