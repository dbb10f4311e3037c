"""The voice-profile back-end (WCCN/LDA on GE2E embeddings): a voice heard through another channel
stays closer to itself than to a similar other voice, the shipped file loads without pickled code,
and a profile match through a back-end still names, proposes and leaves strangers anonymous."""

from __future__ import annotations

import numpy as np

from tests.voices import DIM, cohort, unit
from transcribe.speakers import backend as backend_mod
from transcribe.speakers.backend import BACKEND_PATH, fit
from transcribe.speakers.cohort import cohort as shipped_cohort
from transcribe.speakers.match import match_speakers
from transcribe.speakers.profiles import Profile

# Two strong channel directions (a telephone line, a far room): every voice shifts along them.
LINE, ROOM = unit(5001), unit(5002)


def _heard(voice: np.ndarray, channel: np.ndarray | None, strength: float, seed: int) -> np.ndarray:
    x = voice + (strength * channel if channel is not None else 0) + 0.05 * unit(seed)
    return x / np.linalg.norm(x)


def _training(speakers: int = 60) -> tuple[np.ndarray, np.ndarray]:
    rows, who = [], []
    for k in range(speakers):
        v = unit(100 + k)
        for c, (ch, s) in enumerate(((None, 0.0), (LINE, 1.0), (ROOM, 1.0), (LINE, 0.6), (ROOM, 0.6))):
            rows.append(_heard(v, ch, s, 10_000 + 10 * k + c))
            who.append(k)
    return np.stack(rows), np.array(who)


ANNA = unit(1)
SISTER = (ANNA + 0.9 * unit(2)) / np.linalg.norm(ANNA + 0.9 * unit(2))  # cosine ~0.74 with Anna


def test_a_channel_shifted_copy_of_a_voice_stays_closer_than_a_similar_other_voice() -> None:
    anna_on_phone = _heard(ANNA, LINE, 1.2, 7)
    assert float(anna_on_phone @ ANNA) < float(SISTER @ ANNA)  # raw cosine: the line outweighs the voice
    b = fit(*_training(), shrink=0.05)
    a, phone, sister = b.project(np.stack([ANNA, anna_on_phone, SISTER]))
    assert float(phone @ a) > float(sister @ a) + 0.1
    # LDA after WCCN keeps that, in fewer directions
    b = fit(*_training(), shrink=0.05, dims=40)
    a, phone, sister = b.project(np.stack([ANNA, anna_on_phone, SISTER]))
    assert b.transform.shape == (DIM, 40)
    assert float(phone @ a) > float(sister @ a)


def test_saved_back_end_loads_without_pickles_and_projects_the_same(tmp_path) -> None:
    b = fit(*_training(20), shrink=0.1)
    path = b.save(tmp_path / "backend.npz")
    with np.load(path, allow_pickle=False) as z:
        assert set(z.files) == {"mean", "transform"}
    again = backend_mod.load(path)
    x = np.stack([unit(3), unit(4)])
    assert np.allclose(again.project(x), b.project(x), atol=2e-3)  # the matrix is stored as float16
    assert np.allclose(np.linalg.norm(again.project(x), axis=1), 1.0, atol=1e-5)
    assert backend_mod.load(tmp_path / "missing.npz") is None


def test_shipped_back_end_is_small_and_keeps_each_cohort_voice_nearest_itself_over_a_line() -> None:
    assert BACKEND_PATH.stat().st_size < 400_000
    b = backend_mod.load()
    assert b is not None and b.dim == 256
    c = shipped_cohort()  # (readers, channels: as recorded first, then the enrolment variants)
    clean, others = c[:, 0], c[:, 1:]

    def nearest_self(x: np.ndarray, ref: np.ndarray) -> float:
        return float(np.mean([np.argmax(ref @ x[:, k].T, axis=0) == np.arange(len(ref)) for k in range(x.shape[1])]))

    raw = nearest_self(others, clean)
    projected = nearest_self(b.project(others), b.project(clean))
    assert projected >= raw and projected > 0.9
    # vectors of another size are left as they are (unit length): another encoder's profiles
    other = np.array([[3.0, 4.0]])
    assert np.allclose(backend_mod.project(other), [[0.6, 0.8]])


def _pieces(voice: np.ndarray, n: int, channel: np.ndarray | None, strength: float, seed: int) -> np.ndarray:
    return np.stack([_heard(voice, channel, strength, seed * 100 + k) for k in range(n)]).astype(np.float32)


def test_matching_through_a_back_end_names_proposes_and_leaves_strangers_anonymous() -> None:
    b = fit(*_training(), shrink=0.05)
    bo = unit(3)
    profiles = [Profile(name="Anna", embeddings=[ANNA.tolist()]), Profile(name="Bo", embeddings=[bo.tolist()])]
    strangers = cohort(300)
    pieces = {"SPEAKER_00": _pieces(ANNA, 6, LINE, 1.2, 1), "SPEAKER_01": _pieces(unit(9), 6, LINE, 1.2, 2)}
    m = match_speakers({k: v.mean(axis=0) for k, v in pieces.items()}, profiles, pieces=pieces, cohort=strangers,
                       backend=b, t_named=0.7, t_proposed=0.7)  # fmt: skip
    assert (m["SPEAKER_00"].status, m["SPEAKER_00"].name) == ("named", "Anna")
    assert (m["SPEAKER_01"].status, m["SPEAKER_01"].name) == ("anonymous", None)
    # without the back-end the line hides Anna: her own voice scores too low for a name
    raw = match_speakers({k: v.mean(axis=0) for k, v in pieces.items()}, profiles, pieces=pieces,
                         cohort=strangers, backend=False, t_named=0.7, t_proposed=0.7)  # fmt: skip
    assert raw["SPEAKER_00"].status != "named"
    # one piece of Bo (~3 s): too little speech for a name, a proposal for the reviewer
    short = {"SPEAKER_00": _pieces(bo, 1, ROOM, 0.6, 3)}
    m = match_speakers({"SPEAKER_00": short["SPEAKER_00"][0]}, profiles, pieces=short, cohort=strangers, backend=b,
                       t_named=0.7, t_proposed=0.7)  # fmt: skip
    assert (m["SPEAKER_00"].status, m["SPEAKER_00"].name) == ("proposed", "Bo")
