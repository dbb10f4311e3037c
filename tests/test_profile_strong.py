"""A very strong normalised score names a voice whose raw cosine falls a step short, but only when no
other profile comes close (hand-made embeddings, raw cosines)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from tests.test_profile_decisions import ANNA, PROFILES, pieces_of
from tests.voices import cohort, unit
from transcribe.speakers.match import STRONG_SLACK, T_NAMED_RAW, match_speakers
from transcribe.speakers.profiles import Profile

COHORT = cohort(200)


@pytest.fixture(autouse=True)
def raw_cosines(monkeypatch) -> None:
    """The hand-made vectors are built as raw GE2E cosines: no shipped back-end in between."""
    monkeypatch.setattr("transcribe.speakers.match.load_backend", lambda: None)


def decide(pieces: np.ndarray, profiles: list[Profile] = PROFILES, **params):
    return match_speakers({"SPEAKER_00": pieces.mean(axis=0)}, profiles, pieces={"SPEAKER_00": pieces},
                          cohort=COHORT, **params)["SPEAKER_00"]  # fmt: skip


def test_a_voice_far_above_every_cohort_voice_is_named_a_cosine_step_under_the_threshold() -> None:
    heard = pieces_of(ANNA, 12, T_NAMED_RAW - STRONG_SLACK / 2, 51)  # a channel took a little of her voice
    assert (decide(heard).status, decide(heard).name) == ("named", "Anna")
    assert decide(heard, z_strong=math.inf).status == "anonymous"  # the cosine alone leaves her unnamed
    # further under the threshold she is not named, however strong the normalised score
    assert decide(pieces_of(ANNA, 12, T_NAMED_RAW - 2 * STRONG_SLACK, 52)).status == "anonymous"


def test_a_strong_score_shared_with_another_profile_names_no_one() -> None:
    sister = ANNA + 0.1 * unit(9)
    twins = [*PROFILES, Profile(name="Annas syster", embeddings=[(sister / np.linalg.norm(sister)).tolist()])]
    heard = pieces_of(ANNA, 12, T_NAMED_RAW - STRONG_SLACK / 2, 53)
    assert decide(heard, twins).status == "anonymous"
    assert decide(heard, twins[:2]).status == "named"  # without her sister, Anna
