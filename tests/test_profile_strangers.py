"""The stranger-tail bench enrols the dev readers in rotation: each seed another half, seed 0 the benches' own."""

from transcribe.bench.profile_strangers import rotation, tail

READERS = [str(r) for r in (26, 78, 118, 150, 198, 226, 250, 254, 298, 302)]


def test_seed_zero_is_the_benches_own_half():
    assert rotation(READERS, 0) == READERS[::2]


def test_other_seeds_enrol_another_half_and_repeat_it():
    halves = [rotation(READERS, seed) for seed in (1, 2, 3)]
    assert all(len(h) == len(READERS) // 2 and set(h) <= set(READERS) for h in halves)
    assert len({tuple(h) for h in halves + [READERS[::2]]}) > 1  # not the same pairs of profile and stranger
    assert rotation(READERS, 2) == halves[1]


def test_tail_reports_the_highest_stranger_and_ignores_missing_scores():
    t = tail([0.5] * 198 + [3.0, 6.0, None])
    assert t["n"] == 200 and t["max"] == 6.0
    assert t["p95"] == 0.5 and t["p99.5"] > 3.0
    assert tail([None]) == {"n": 0}
