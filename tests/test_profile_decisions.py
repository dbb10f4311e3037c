"""Voice-profile decisions against a cohort (hand-made embeddings): a clear match is named, a weak one
only proposed, a stranger stays anonymous, and a person diarised as two labels gets a name on one
and a proposal on the other."""

from __future__ import annotations

import numpy as np
import pytest

from tests.voices import cohort, unit
from transcribe.speakers.match import Z_NAMED, match_speakers
from transcribe.speakers.profiles import Profile

COHORT = cohort(200)


@pytest.fixture(autouse=True)
def raw_cosines(monkeypatch) -> None:
    """The hand-made vectors here are built as raw GE2E cosines: no shipped back-end in between."""
    monkeypatch.setattr("transcribe.speakers.match.load_backend", lambda: None)


def pieces_of(voice: np.ndarray, n: int, cos: float, seed: int) -> np.ndarray:
    """`n` pieces of speech, each at cosine `cos` with the voice in its own random direction."""
    rows = []
    for k in range(n):
        other = unit(seed * 100 + k)
        ortho = other - (other @ voice) * voice
        rows.append(cos * voice + np.sqrt(1 - cos**2) * ortho / np.linalg.norm(ortho))
    return np.stack(rows).astype(np.float32)


ANNA, BO = unit(1), unit(2)
PROFILES = [Profile(name="Anna", embeddings=[ANNA.tolist()]), Profile(name="Bo", embeddings=[BO.tolist()])]


def decide(pieces: dict[str, np.ndarray]):
    centroids = {lb: p.mean(axis=0) for lb, p in pieces.items()}
    return match_speakers(centroids, PROFILES, pieces=pieces, cohort=COHORT)


def test_a_clear_match_is_named_a_weak_one_proposed_and_a_stranger_stays_anonymous() -> None:
    m = decide({"SPEAKER_00": pieces_of(ANNA, 6, 0.9, 1), "SPEAKER_01": pieces_of(unit(3), 6, 0.9, 2)})
    assert (m["SPEAKER_00"].status, m["SPEAKER_00"].name) == ("named", "Anna")
    assert m["SPEAKER_00"].norm >= Z_NAMED
    assert (m["SPEAKER_01"].status, m["SPEAKER_01"].name) == ("anonymous", None)
    # Bo for one piece (~3 s) only: too little speech for a name, a proposal for the reviewer
    short = decide({"SPEAKER_00": pieces_of(BO, 1, 0.9, 3)})["SPEAKER_00"]
    assert (short.status, short.name) == ("proposed", "Bo")
    # two enrolled voices nearly alike: the closer one is only proposed, there is no margin for a name
    sister = ANNA + 0.1 * unit(9)
    twins = [*PROFILES, Profile(name="Annas syster", embeddings=[(sister / np.linalg.norm(sister)).tolist()])]
    heard = pieces_of(ANNA, 6, 0.9, 10)
    m = match_speakers({"SPEAKER_00": heard.mean(axis=0)}, twins, pieces={"SPEAKER_00": heard}, cohort=COHORT)
    assert m["SPEAKER_00"].status == "proposed"
    # ... and a voice half-way between two profiles is never named
    between = (ANNA + BO) / np.linalg.norm(ANNA + BO)
    m = decide({"SPEAKER_00": pieces_of(between, 6, 0.95, 4)})["SPEAKER_00"]
    assert m.status != "named"


def test_most_pieces_must_agree_for_a_name() -> None:
    mixed = np.concatenate([pieces_of(ANNA, 2, 0.9, 5), pieces_of(unit(4), 6, 0.9, 6)])  # Anna for a moment
    m = decide({"SPEAKER_00": mixed})["SPEAKER_00"]
    assert m.status != "named"


def test_a_person_diarised_as_two_labels_is_named_once_and_proposed_on_the_other() -> None:
    m = decide({"SPEAKER_00": pieces_of(ANNA, 8, 0.92, 7), "SPEAKER_01": pieces_of(ANNA, 5, 0.9, 8)})
    assert sorted((x.status, x.name) for x in m.values()) == [("named", "Anna"), ("proposed", "Anna")]
    # a stranger beside her is not proposed as Anna
    m = decide({"SPEAKER_00": pieces_of(ANNA, 8, 0.92, 7), "SPEAKER_01": pieces_of(unit(5), 5, 0.9, 9)})
    assert (m["SPEAKER_01"].status, m["SPEAKER_01"].name) == ("anonymous", None)
