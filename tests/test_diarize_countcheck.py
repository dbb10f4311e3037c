"""The count check over a telephone band, on hand-made windows in a PLDA's latent space: a speaker holding two voices
that keep to whole turns is split in two, one voice whose phrases differ region by region is not, nor is a voice on
its own; the split keeps to the speakers' budget, and the check is off unless asked for."""

from __future__ import annotations

import numpy as np

from transcribe.diarize import countcheck
from transcribe.diarize.clustering import ClusterParams

DIM = 20
PSI = np.full(DIM, 4.0)  # voices spread four times as far as one voice's windows
CHECK = countcheck.Check(cap=8.0, min_llr=40.0, min_s=2.5, min_turns=1, z_gain=10.0)


def turns(rng: np.random.Generator, means: list[np.ndarray], who: list[int], per_turn: int = 6
          ) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Latent windows of turns in order: turn t is voice who[t], `per_turn` windows, its own speech region."""
    x = np.concatenate([means[v] + rng.standard_normal((per_turn, DIM)) for v in who])
    return x, np.repeat(np.arange(len(who)), per_turn)


def voices(rng: np.random.Generator, n: int) -> list[np.ndarray]:
    return [rng.standard_normal(DIM) * np.sqrt(PSI) for _ in range(n)]


def purity(labels: np.ndarray, truth: np.ndarray) -> float:
    return sum(np.bincount(truth[labels == c]).max() for c in np.unique(labels)) / len(truth)


def test_two_voices_in_one_speaker_are_split_along_their_turns() -> None:
    rng = np.random.default_rng(1)
    a, b, c = voices(rng, 3)
    who = [0, 0, 1, 1, 1, 0, 0, 2, 1, 1, 0, 2, 2, 0, 1]  # voices 0 and 1 merged in speaker 0, voice 2 alone
    x, region = turns(rng, [a, b, c], who)
    truth = np.repeat(who, 6)
    labels = np.where(truth == 2, 1, 0)
    seconds = np.full(len(x), 0.5)
    out = countcheck.split_voices(x, labels, seconds, region, 10, PSI, CHECK)
    assert len(np.unique(out)) == 3
    assert purity(out, truth) >= 0.97
    kept = countcheck.split_voices(x, labels, seconds, region, 2, PSI, CHECK)  # no room for a third speaker
    assert np.array_equal(kept, labels)


def test_one_voice_stays_one_speaker() -> None:
    rng = np.random.default_rng(2)
    (a,) = voices(rng, 1)
    x, region = turns(rng, [a], [0] * 14)
    labels = np.zeros(len(x), dtype=int)
    out = countcheck.split_voices(x, labels, np.full(len(x), 0.5), region, 10, PSI, CHECK)
    assert len(np.unique(out)) == 1


def test_one_voices_phrases_that_alternate_region_by_region_are_no_second_voice() -> None:
    """Two phrases of one reader as far apart as two voices, but changing from region to region as a reader's
    phrases do (runs above chance): the turn order holds the split back; the same two groups kept to runs of turns
    are split."""
    rng = np.random.default_rng(3)
    a, b = voices(rng, 2)
    alternating = [0, 1] * 8
    x, region = turns(rng, [a, b], alternating)
    labels = np.zeros(len(x), dtype=int)
    seconds = np.full(len(x), 0.5)
    llr = countcheck.apart(x[np.repeat(alternating, 6) == 0], x[np.repeat(alternating, 6) == 1], PSI, CHECK.cap)
    strict = countcheck.Check(cap=8.0, min_llr=llr - 10.0, min_s=2.5, min_turns=1, z_gain=10.0)
    assert len(np.unique(countcheck.split_voices(x, labels, seconds, region, 10, PSI, strict))) == 1
    runs = [0] * 4 + [1] * 4 + [0] * 4 + [1] * 4
    x, region = turns(rng, [a, b], runs)
    assert len(np.unique(countcheck.split_voices(x, labels, seconds, region, 10, PSI, strict))) == 2


def test_apart_reads_two_voices_above_one() -> None:
    rng = np.random.default_rng(4)
    a, b = voices(rng, 2)
    one = countcheck.apart(a + rng.standard_normal((30, DIM)), a + rng.standard_normal((30, DIM)), PSI, 8.0)
    two = countcheck.apart(a + rng.standard_normal((30, DIM)), b + rng.standard_normal((30, DIM)), PSI, 8.0)
    assert one < 0 < two


def test_the_check_is_off_unless_asked_for() -> None:
    rng = np.random.default_rng(5)
    x = rng.standard_normal((40, 256))
    labels = np.repeat([0, 1], 20)
    out = countcheck.recount(x, labels, np.full(40, 0.5), np.arange(40) // 5, 10, ClusterParams())
    assert np.array_equal(out, labels)
