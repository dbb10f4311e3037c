"""VBx over a PLDA fitted on hand-made voices: windows the partition gave the wrong speaker go back to their voice,
a voice cut in two is one again when the count is free, two voices stay two, and the same input gives the same
labels. The shipped PLDA loads and separates what it was built to."""

from __future__ import annotations

import numpy as np
import pytest

from transcribe.diarize import plda
from transcribe.diarize.vbxrefine import refine, vbx_module

DIM = 32

pytestmark = pytest.mark.skipif(vbx_module() is None, reason="pyannote.audio is not installed")


def unit(v: np.ndarray) -> np.ndarray:
    return v / np.linalg.norm(v, axis=-1, keepdims=True)


def voices(rng: np.random.Generator, n: int) -> np.ndarray:
    """Speaker centres: a shared direction (what every voice over one line shares) plus their own part."""
    return unit(np.ones(DIM) * 0.6 + 0.5 * rng.standard_normal((n, DIM)) / np.sqrt(DIM) * 4)


def windows(rng: np.random.Generator, centres: np.ndarray, who: np.ndarray, spread: float = 0.3) -> np.ndarray:
    return unit(centres[who] + spread * rng.standard_normal((len(who), DIM)) / np.sqrt(DIM) * 2)


@pytest.fixture(scope="module")
def model() -> dict[str, np.ndarray]:
    rng = np.random.default_rng(0)
    who = np.repeat(np.arange(60), 40)
    model = plda.fit(windows(rng, voices(rng, 60), who), who, dims=20, shrink=0.3)
    return {k: a.astype(np.float64) for k, a in model.items()}


def call(seed: int, n_voices: int, per_voice: int = 80) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    who = np.repeat(np.arange(n_voices), per_voice)
    return windows(rng, voices(rng, n_voices), who), who


def wrong(labels: np.ndarray, who: np.ndarray) -> int:
    """Windows off their voice: each voice's windows outside its label, or under a label another voice holds more of."""
    owner = {int(v): int(np.bincount(labels[who == v]).argmax()) for v in np.unique(who)}
    most = {lab: max((np.sum((labels == lab) & (who == v)), v) for v in np.unique(who)) for lab in set(owner.values())}
    held = {lab: v for lab, (_, v) in most.items()}
    return int(sum(1 for lab, v in zip(labels, who, strict=True) if owner[int(v)] != lab or held[owner[int(v)]] != v))


def test_windows_given_the_wrong_speaker_go_back_to_their_voice(model: dict[str, np.ndarray]) -> None:
    x, who = call(1, 3)
    labels = who.copy()
    labels[10:40] = 1  # a third of voice 0's windows put with voice 1
    assert wrong(labels, who) == 30
    assert wrong(refine(x, labels, model, fa=0.3, fb=1.0), who) <= 2


def test_a_voice_cut_in_two_is_one_again_when_the_count_is_free(model: dict[str, np.ndarray]) -> None:
    x, who = call(2, 2)
    labels = who.copy()
    labels[(who == 0) & (np.arange(len(who)) % 2 == 0)] = 2  # voice 0's windows spread over two speakers
    free = refine(x, labels, model, fa=0.3, fb=1.0, keep_count=False)
    assert len(np.unique(free)) == 2 and wrong(free, who) <= 2
    assert np.array_equal(refine(x, labels, model, fa=0.3, fb=1.0), labels)  # the count kept: as it was


def test_two_voices_stay_two_and_the_result_is_repeatable(model: dict[str, np.ndarray]) -> None:
    x, who = call(3, 2)
    first = refine(x, who, model, fa=0.3, fb=1.0, keep_count=False)
    assert len(np.unique(first)) == 2 and wrong(first, who) <= 2
    assert np.array_equal(first, refine(x, who, model, fa=0.3, fb=1.0, keep_count=False))


def test_without_a_model_the_labels_stay() -> None:
    x, who = call(4, 2)
    labels = who.copy()
    labels[:10] = 1
    assert np.array_equal(refine(x, labels, None, fa=0.3, fb=1.0), labels)


def test_the_shipped_plda_tells_voices_apart() -> None:
    model = plda.load()
    assert model is not None
    psi = model["psi"]
    assert psi.shape == (model["lda"].shape[1],) and np.all(np.diff(psi) <= 0)
    rng = np.random.default_rng(5)
    a, b = unit(rng.standard_normal((2, 256)))
    one = unit(a + 0.05 * rng.standard_normal((2, 256)))
    z = plda.latent(np.stack([one[0], one[1], b]), model)
    assert plda.llr(z[0], z[1], psi) > plda.llr(z[0], z[2], psi)
