"""The profile bench says why an enrolled voice went unnamed: merged into another label by the
diariser, too low a normalised score, too little speech; a named voice is no miss."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from tests.test_profile_decisions import pieces_of
from tests.voices import DIM, unit
from transcribe.bench.profile_misses import misses
from transcribe.diarize.base import Diarization, Turn
from transcribe.speakers.backend import Backend
from transcribe.speakers.profiles import Profile

VOICES = {"Anna": unit(11), "Bo": unit(12), "Cecilia": unit(13), "David": unit(14)}
# strangers from far from Cecilia to half-way like her: one piece of hers is as sure as a longer label needs,
# not as sure as a single piece needs (`match.Z_SHORT_FUSED`)
NEAR = np.stack([pieces_of(VOICES["Cecilia"], 1, c, 300 + k)[0] for k, c in enumerate(np.linspace(0.0, 0.6, 40))])
COHORT = np.repeat(NEAR[:, None, :], 6, axis=1)
PROFILES = [Profile(name=n, embeddings=[v.tolist()]) for n, v in VOICES.items()]


@pytest.fixture(autouse=True)
def plain_backend(monkeypatch) -> None:
    """The hand-made vectors are compared as they are: a back-end that changes nothing."""
    same = Backend(np.zeros(DIM, np.float32), np.eye(DIM, dtype=np.float32))
    monkeypatch.setattr("transcribe.speakers.match.load_backend", lambda: same)


def test_each_unnamed_voice_gets_the_gate_that_stopped_it() -> None:
    pieces = {"SPEAKER_00": pieces_of(VOICES["Anna"], 6, 0.9, 1),  # named: no miss
              "SPEAKER_01": pieces_of(VOICES["Cecilia"], 1, 0.8, 2),  # one piece of speech
              "SPEAKER_02": pieces_of(VOICES["David"], 6, 0.1, 3)}  # fmt: skip  # barely like his profile
    turns = [Turn(20.0 * k, 20.0 * k + 12.0, lb) for k, lb in enumerate(pieces)]
    hyp = Diarization(turns, {lb: p.mean(axis=0) / np.linalg.norm(p.mean(axis=0)) for lb, p in pieces.items()})
    truth = {"SPEAKER_00": "Anna", "SPEAKER_01": "Cecilia", "SPEAKER_02": "David"}  # Bo has no label of his own
    item = SimpleNamespace(id="m1", truth=lambda: SimpleNamespace(labels=lambda: [*VOICES]))
    lab = SimpleNamespace(item=item, hyp=hyp, pieces=pieces)
    out = misses([lab], PROFILES, COHORT, lambda _item, _hyp: truth)
    assert out["gates"]["merged"] == 1 and out["gates"]["short"] == 1 and out["gates"]["z"] == 1
    assert sum(out["gates"].values()) == 3
    assert not any(" Anna:" in row for row in out["rows"])
    assert any(row.startswith("m1 Bo: merged") for row in out["rows"])


def test_a_miss_whose_own_score_tops_every_other_persons_is_within_reach() -> None:
    pieces = {"SPEAKER_00": pieces_of(VOICES["Anna"], 6, 0.9, 1),  # named: no miss
              "SPEAKER_01": pieces_of(VOICES["Cecilia"], 1, 0.8, 2),  # her one piece: clearly hers, too short
              "SPEAKER_02": pieces_of(VOICES["David"], 6, 0.1, 3)}  # fmt: skip  # as unlike his profile as others
    turns = [Turn(20.0 * k, 20.0 * k + 12.0, lb) for k, lb in enumerate(pieces)]
    hyp = Diarization(turns, {lb: p.mean(axis=0) / np.linalg.norm(p.mean(axis=0)) for lb, p in pieces.items()})
    truth = {"SPEAKER_00": "Anna", "SPEAKER_01": "Cecilia", "SPEAKER_02": "David"}
    item = SimpleNamespace(id="m1", truth=lambda: SimpleNamespace(labels=lambda: [*VOICES]))
    out = misses([SimpleNamespace(item=item, hyp=hyp, pieces=pieces)], PROFILES, COHORT, lambda _item, _hyp: truth)
    scored = [row for row in out["rows"] if "(z " in row]
    scores = {row.split()[1].rstrip(":"): float(row.split("(z ")[1].split(",")[0]) for row in scored}
    assert scores["Cecilia"] > out["highest_other_z"] > scores["David"]
    assert out["within_reach"] == 1  # Cecilia: a gate, not her score, stopped her; David scores as others do
