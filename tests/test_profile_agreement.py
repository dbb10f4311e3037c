"""A label that mixes two voices is at most proposed, however well its typical piece scores; a clear
match is still named and a stranger stays anonymous (hand-made embeddings, raw cosines)."""

from __future__ import annotations

import numpy as np
import pytest

from tests.test_profile_decisions import ANNA, PROFILES, pieces_of
from tests.voices import cohort, unit
from transcribe.diarize.base import Turn
from transcribe.speakers.agreement import MIN_COVERAGE, SPLIT_COS, split_cosine
from transcribe.speakers.evidence import coverage
from transcribe.speakers.match import match_speakers

COHORT = cohort(200)
UNCHECKED = {"agree": 0.0, "split_cos": -1.0, "min_coverage": 0.0}  # the scoring before the pieces had to agree


@pytest.fixture(autouse=True)
def raw_cosines(monkeypatch) -> None:
    """The hand-made vectors are built as raw GE2E cosines: no shipped back-end in between."""
    monkeypatch.setattr("transcribe.speakers.match.load_backend", lambda: None)


def decide(pieces: np.ndarray, **params):
    return match_speakers({"SPEAKER_00": pieces.mean(axis=0)}, PROFILES, pieces={"SPEAKER_00": pieces},
                          cohort=COHORT, **params)["SPEAKER_00"]  # fmt: skip


def near(voice: np.ndarray, cos: float, seed: int) -> np.ndarray:
    """Another person's voice at cosine `cos` with `voice`."""
    other = unit(seed)
    ortho = other - (other @ voice) * voice
    return (cos * voice + np.sqrt(1 - cos**2) * ortho / np.linalg.norm(ortho)).astype(np.float32)


def test_a_label_holding_a_second_voice_like_the_profile_is_only_proposed() -> None:
    # Anna's 8 pieces and 3 of a man whose voice is close to her profile: the label's typical piece is
    # hers, so the quantile alone named it; its pieces fall in two groups, so it is only proposed
    mixed = np.concatenate([pieces_of(ANNA, 8, 0.9, 11), pieces_of(near(ANNA, 0.7, 12), 3, 0.95, 13)])
    assert split_cosine(mixed) < SPLIT_COS
    assert (decide(mixed, **UNCHECKED).status, decide(mixed).status) == ("named", "proposed")
    assert decide(mixed).name == "Anna"


def test_a_label_whose_pieces_partly_favour_nobody_is_only_proposed() -> None:
    # 10 of Anna's pieces and 3 of a stranger who sounds like a typical voice of the cohort (too few
    # pieces to form a group of their own): 3 of 13 pieces do not favour her
    mixed = np.concatenate([pieces_of(ANNA, 10, 0.9, 21), pieces_of(COHORT[0, 0], 3, 0.9, 23)])
    assert split_cosine(mixed) == 1.0
    assert (decide(mixed, **UNCHECKED).status, decide(mixed).status) == ("named", "proposed")


def test_a_clear_match_is_still_named_and_a_stranger_stays_anonymous() -> None:
    anna = pieces_of(ANNA, 12, 0.9, 31)
    assert split_cosine(anna) >= SPLIT_COS
    assert (decide(anna).status, decide(anna).name) == ("named", "Anna")
    stranger = pieces_of(unit(32), 12, 0.9, 33)
    assert (decide(stranger).status, decide(stranger).name) == ("anonymous", None)


def test_a_split_needs_enough_pieces_and_two_substantial_groups() -> None:
    two = np.concatenate([pieces_of(unit(41), 4, 0.9, 42), pieces_of(unit(43), 4, 0.9, 44)])
    assert split_cosine(two) < 0.3
    assert split_cosine(two[:3]) == 1.0  # three pieces: too few to tell
    lone = np.concatenate([pieces_of(unit(41), 9, 0.9, 42), pieces_of(unit(43), 1, 0.9, 44)])
    assert split_cosine(lone) == 1.0  # one odd piece is no second voice


def test_a_label_whose_pieces_hold_little_of_its_speech_is_only_proposed() -> None:
    # one long turn of Anna gives the pieces; twenty short turns of someone else give none
    turns = [Turn(0.0, 12.0, "SPEAKER_00")] + [Turn(13.0 + k, 13.8 + k, "SPEAKER_00") for k in range(20)]
    assert coverage(turns[:1], "SPEAKER_00") >= 0.9
    assert coverage(turns, "SPEAKER_00") < MIN_COVERAGE
    anna = pieces_of(ANNA, 4, 0.9, 61)
    held = {"SPEAKER_00": coverage(turns, "SPEAKER_00")}
    assert (decide(anna).status, decide(anna, coverage=held).status) == ("named", "proposed")
    assert decide(anna, coverage={"SPEAKER_00": coverage(turns[:1], "SPEAKER_00")}).status == "named"
