"""Fused scores: a label's pieces are judged on raw cosines and through the back-end at once, the two
normalised scores averaged; the fused thresholds apply only when both views and a cohort are there
(hand-made embeddings; a hand-made back-end stands in for the shipped one)."""

from __future__ import annotations

import numpy as np
import pytest

from tests.test_profile_decisions import ANNA, PROFILES, pieces_of
from tests.voices import DIM, cohort, unit
from transcribe.speakers.backend import Backend
from transcribe.speakers.match import (
    FUSED,
    STRONG_SLACK,
    T_NAMED_FUSED,
    T_NAMED_RAW,
    Z_MARGIN_FUSED,
    Z_NAMED_FUSED,
    Z_PROPOSED_WEAK,
    Z_SHORT_FUSED,
    match_speakers,
    piece_scores,
)
from transcribe.speakers.profiles import MIN_ENROLMENT_S, Profile

COHORT = cohort(200)
IDENTITY = Backend(np.zeros(DIM, np.float32), np.eye(DIM, dtype=np.float32))
# a back-end that weighs some directions more: its cosines differ from the raw ones
STRETCH = Backend(np.zeros(DIM, np.float32), np.diag(np.linspace(0.2, 3.0, DIM)).astype(np.float32))
# a cosine over the fused threshold, further under the raw one than a strong score may reach
HEARD = pieces_of(ANNA, 12, T_NAMED_FUSED + 0.015, 61)


def shipped(monkeypatch, backend: Backend | None) -> None:
    monkeypatch.setattr("transcribe.speakers.match.load_backend", lambda: backend)


def decide(pieces: np.ndarray, profiles: list[Profile] = PROFILES, cohort: np.ndarray = COHORT, **params):
    return match_speakers({"SPEAKER_00": pieces.mean(axis=0)}, profiles, pieces={"SPEAKER_00": pieces},
                          cohort=cohort, **params)["SPEAKER_00"]  # fmt: skip


def test_fused_scores_average_the_normalised_scores_of_both_views(monkeypatch) -> None:
    shipped(monkeypatch, STRETCH)
    raw, z_raw = piece_scores(HEARD, PROFILES, COHORT, backend=False)
    _, z_back = piece_scores(HEARD, PROFILES, COHORT, backend=True)
    cos, z = piece_scores(HEARD, PROFILES, COHORT, backend=FUSED)
    assert not np.allclose(z_raw, z_back)  # the two views disagree on how sure they are
    assert np.allclose(z, (z_raw + z_back) / 2)
    assert np.allclose(cos, raw)  # shown to the reviewer: the cosine as recorded


def test_a_voice_a_little_under_the_raw_cosine_is_named_when_both_views_agree(monkeypatch) -> None:
    shipped(monkeypatch, IDENTITY)
    m = decide(HEARD)
    assert (m.status, m.name) == ("named", "Anna")
    assert decide(HEARD, backend=False).status != "named"  # raw cosines alone leave her unnamed
    assert T_NAMED_FUSED + 0.015 < T_NAMED_RAW - STRONG_SLACK


def test_without_a_back_end_or_a_cohort_the_raw_thresholds_decide(monkeypatch) -> None:
    shipped(monkeypatch, None)
    assert decide(HEARD).status == decide(HEARD, backend=False).status != "named"
    shipped(monkeypatch, IDENTITY)
    empty = np.zeros((0, 6, DIM), np.float32)  # no cohort to say how alike strangers sound
    assert decide(HEARD, cohort=empty).status != "named"


def test_a_profile_close_behind_in_normalised_score_leaves_the_label_a_proposal(monkeypatch) -> None:
    shipped(monkeypatch, IDENTITY)
    clear = pieces_of(ANNA, 12, 0.9, 62)
    assert decide(clear).status == "named"
    sister = ANNA + 0.03 * unit(9)
    twins = [*PROFILES, Profile(name="Annas syster", embeddings=[(sister / np.linalg.norm(sister)).tolist()])]
    m = decide(clear, twins)
    assert m.status == "proposed" and m.name in ("Anna", "Annas syster")
    assert decide(clear, twins, z_margin=0.0).status == "named"  # it is the normalised margin that holds her back
    assert Z_MARGIN_FUSED > 0


@pytest.mark.parametrize("backend", [False, True])
def test_one_view_alone_keeps_its_own_thresholds(monkeypatch, backend: bool) -> None:
    shipped(monkeypatch, IDENTITY)
    strange = pieces_of(unit(3), 12, 0.9, 63)
    assert decide(strange, backend=backend).status == "anonymous"


def test_one_piece_of_speech_is_named_only_on_a_score_no_other_persons_piece_comes_near(monkeypatch) -> None:
    shipped(monkeypatch, IDENTITY)
    # strangers from far from Anna to half-way like her: her pieces' normalised scores spread over 5-8
    near = np.stack([pieces_of(ANNA, 1, c, 300 + k)[0] for k, c in enumerate(np.linspace(0.0, 0.5, 40))])
    near = np.repeat(near[:, None, :], 6, axis=1)
    clear, usual = pieces_of(ANNA, 1, 0.85, 3), pieces_of(ANNA, 1, 0.75, 3)
    one = decide(clear, cohort=near)
    assert (one.status, one.name, one.pieces) == ("named", "Anna", 1) and one.norm >= Z_SHORT_FUSED
    m = decide(usual, cohort=near)  # as sure as a longer label needs, not as a single sentence needs
    assert Z_NAMED_FUSED < m.norm < Z_SHORT_FUSED and (m.status, m.name) == ("proposed", "Anna")
    assert decide(np.concatenate([usual] * 3), cohort=near).status == "named"
    assert decide(clear, cohort=near, backend=False).status == "proposed"  # one view alone: two pieces needed


def test_a_weak_profile_never_names_and_proposes_only_on_a_clearer_score(monkeypatch) -> None:
    shipped(monkeypatch, IDENTITY)
    # strangers from far from Anna to most of the way like her: her pieces' scores spread over 3-5
    near = np.stack([pieces_of(ANNA, 1, c, 300 + k)[0] for k, c in enumerate(np.linspace(0.0, 0.7, 40))])
    near = np.repeat(near[:, None, :], 6, axis=1)
    enrolled = [p.model_copy(update={"seconds": MIN_ENROLMENT_S + 15}) for p in PROFILES]
    weak = [p.model_copy(update={"seconds": MIN_ENROLMENT_S - 2}) for p in PROFILES]  # a few words
    seen = {}
    for k, cos in enumerate(np.linspace(0.97, 0.75, 45)):  # Anna heard less and less clearly
        heard = pieces_of(ANNA, 12, float(cos), 400 + k)
        full = decide(heard, enrolled, cohort=near)
        band = "clear" if full.norm >= Z_PROPOSED_WEAK + 0.1 else "name" if full.norm < Z_PROPOSED_WEAK - 0.1 else None
        if band and full.status == "named":
            seen.setdefault(band, heard)
    assert set(seen) == {"clear", "name"}
    clear = decide(seen["clear"], weak, cohort=near)
    assert (clear.status, clear.name) == ("proposed", "Anna")  # "Anna?" for the reviewer, never a name
    assert decide(seen["name"], weak, cohort=near).status == "anonymous"  # a full enrolment's name: not enough
    # the same profile once more speech is added to it names her
    grown = [p.model_copy(update={"seconds": MIN_ENROLMENT_S}) for p in weak]
    assert decide(seen["clear"], grown, cohort=near).status == "named"


def test_a_voice_only_somewhat_like_a_profile_is_no_proposal(monkeypatch) -> None:
    shipped(monkeypatch, IDENTITY)
    # strangers up to most of the way like Anna: a clear cosine with her gives a middling fused score
    near = np.stack([pieces_of(ANNA, 1, c, 300 + k)[0] for k, c in enumerate(np.linspace(0.0, 0.8, 40))])
    near = np.repeat(near[:, None, :], 6, axis=1)
    seen = {}
    for k, cos in enumerate(np.linspace(0.95, 0.8, 16)):
        m = decide(pieces_of(ANNA, 12, float(cos), 500 + k), cohort=near)
        band = "proposal" if 3.0 <= m.norm < Z_NAMED_FUSED else "stranger-like" if 2.5 <= m.norm <= 2.8 else None
        if band and m.score >= T_NAMED_FUSED:
            seen.setdefault(band, m)
    assert (seen["proposal"].status, seen["proposal"].name) == ("proposed", "Anna")  # "Anna?"
    # as alike as dev strangers came to a profile (fused 2.5-2.8): nothing for the reviewer to confirm
    assert (seen["stranger-like"].status, seen["stranger-like"].name) == ("anonymous", None)
