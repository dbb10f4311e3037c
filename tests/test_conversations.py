"""The conversation generator's truth: where a reader actually speaks, not where a phrase runs."""

from __future__ import annotations

import numpy as np
import pytest

from samples import conversations as conv

SR = conv.SR


def tone(seconds: float, db: float, seed: int) -> np.ndarray:
    """Noise at `db` dBFS RMS: stands in for speech (loud) or a recording's hiss (quiet)."""
    x = np.random.default_rng(seed).standard_normal(int(seconds * SR)).astype(np.float32)
    return x * np.float32(10 ** (db / 20))


def test_a_pause_at_the_readers_noise_floor_is_not_speech() -> None:
    # 2 s speech, a 1.5 s pause that hisses 28 dB under the speech (within the old -35 dB rule), 2 s speech
    x = np.concatenate([tone(2.0, -20, 1), tone(1.5, -48, 2), tone(2.0, -20, 3), tone(0.5, -48, 4)])
    (phrase,) = conv.phrases(x)  # one phrase: the pause is not 35 dB under the peak
    spans = [(a / SR, b / SR) for a, b in phrase.spans]
    assert len(spans) == 2
    assert abs(spans[0][1] - 2.0) < 0.05 and abs(spans[1][0] - 3.5) < 0.05
    speech = sum(b - a for a, b in spans)
    assert abs(speech - 4.0) < 0.1


def test_a_reader_who_never_pauses_is_speech_throughout() -> None:
    x = np.concatenate([tone(3.0, -20, 5), tone(3.0, -26, 6)])  # louder and softer speech, no pause
    (phrase,) = conv.phrases(x)
    assert [(a / SR, b / SR) for a, b in phrase.spans] == [(0.0, len(x) / SR)]


def test_the_truth_leaves_pauses_out_and_the_audio_is_unchanged() -> None:
    c = conv.build(conv.Spec("dev", 0, 0, 3, 2.0, "clean"), conv.TEST_POOL)
    spans = np.array([(a, b) for a, b, _ in c.turns])
    assert np.all(spans[:, 1] > spans[:, 0])
    frame = SR // 100
    n = len(c.audio) // frame
    db = 20 * np.log10(np.sqrt(np.mean(c.audio[: n * frame].reshape(n, frame) ** 2, axis=1)) + 1e-9)
    inside = np.zeros(n, bool)
    for a, b in spans:
        inside[int(a * 100) : int(b * 100)] = True
    assert np.median(db[inside]) > np.median(db[~inside]) + 20  # truth on speech, not on silence


def test_the_stress_set_is_dev_only_and_harsher() -> None:
    specs = conv.corpus("dev", 3, stress=True)
    assert [s.condition for s in specs] == ["far", "noise", "telephone"]
    assert all(s.id.startswith("devstress-") for s in specs)
    assert {s.id for s in specs}.isdisjoint(s.id for s in conv.corpus("dev", 40))
    with pytest.raises(ValueError):
        conv.corpus("heldout", 3, stress=True)
    levels = {}
    for name, ranges in (("standard", conv.STANDARD), ("stress", conv.STRESS)):
        tracks = {"a": tone(4.0, -20, 7), "b": tone(4.0, -20, 8)}
        tracks["b"][: 2 * SR] = 0.0  # "b" speaks in the second half only
        tracks["a"][2 * SR :] = 0.0
        mix = conv.apply_condition("far", tracks, np.random.default_rng(0), 4 * SR, ranges)
        rms = [np.sqrt(np.mean(mix[i * 2 * SR : (i + 1) * 2 * SR] ** 2)) for i in (0, 1)]
        levels[name] = 20 * np.log10(max(rms) / min(rms))
    assert 9 < levels["standard"] < 15  # the standard far voice: 10-14 dB under
    assert levels["stress"] > levels["standard"] + 3  # the same draw at the stress range: much quieter


def test_the_many_speaker_set_is_dev_only_and_leaves_the_standard_groups_alone() -> None:
    specs = conv.corpus("dev", 6, many=True)
    assert [s.condition for s in specs] == ["telephone", "noise"] * 3
    assert all(s.id.startswith("devmany-") and 6 <= s.speakers <= 8 and 2 <= s.minutes <= 6 for s in specs)
    assert {s.seed_parts("conv") for s in specs}.isdisjoint(s.seed_parts("conv") for s in conv.corpus("dev", 6))
    for bad in ({"group": "heldout", "many": True}, {"group": "dev", "many": True, "stress": True}):
        with pytest.raises(ValueError):
            conv.corpus(count=2, **bad)
    # the standard dev conversations as generated before the dev-only sets existed
    assert [s.id for s in conv.corpus("dev", 4)] == [
        "dev-00-3spk-clean", "dev-01-7spk-reverb", "dev-02-7spk-noise", "dev-03-7spk-telephone"
    ]  # fmt: skip
    assert conv.corpus("dev", 1)[0].seed_parts("conv") == ("conv", "dev", 0, 0)
