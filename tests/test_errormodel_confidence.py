"""The simulated recogniser is as sure of its words as the real one where it does as well: errors in bursts,
right words sure among right words, unsure beside errors; the same words and probabilities per seed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from transcribe.confidence import LOW_WORD
from transcribe.errorconfidence import (
    RESIDUAL_BINS,
    add,
    auroc,
    beside_deletion,
    burst_probability,
    density,
    empty,
    finish,
    log_odds_ratio,
)
from transcribe.errormodel import ErrorModel, aligned, corrupt_texts, learn_confidence
from transcribe.transcript import Segment, Transcript, Word

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _turns() -> list[str]:
    out: list[str] = []
    for sid in ("styrelse", "projekt", "ej-beslut", "apt"):
        truth = json.loads((SAMPLES / sid / "truth.json").read_text(encoding="utf-8"))
        out += [s["text"] for s in truth["segments"]]
    return out


def _transcript(segments: list[list[tuple[str, float]]]) -> Transcript:
    return Transcript(segments=[
        Segment(id=i, start=i, end=i + 1, text=" ".join(w for w, _ in ws),
                words=[Word(start=i, end=i + 1, text=" " + w, probability=p) for w, p in ws])
        for i, ws in enumerate(segments)])  # fmt: skip


def _words(turns: list[str], model: ErrorModel, rate: float, seed: int) -> tuple[list[float], list[float], float]:
    """Probabilities of the right and the wrong heard words, and the share of errors that follow an error."""
    said = " ".join(turns)
    heard = corrupt_texts(turns, model, rate, seed)
    events = aligned(said, _transcript([c.words for c in heard]))
    right = [p for k, p in events if k == "hit" and p is not None]
    wrong = [p for k, p in events if k not in ("hit", "del") and p is not None]
    kinds = [k for k, _ in events if k != "ins"]
    errs = [i for i, k in enumerate(kinds) if k != "hit"]
    after = sum(1 for i in errs if i and kinds[i - 1] != "hit")
    return right, wrong, after / max(1, len(errs))


def _share_below(ps: list[float]) -> float:
    return sum(p < LOW_WORD for p in ps) / len(ps)


def _stats(bursty: bool = True) -> dict:
    """Statistics as a recogniser gives them: right words sure where nothing near erred, unsure beside errors."""
    narrow = [0] * RESIDUAL_BINS
    narrow[RESIDUAL_BINS // 2] = 1
    return {
        "burst": [[900, 100], [100, 900]] if bursty else [[900, 100], [900, 100]],
        "right": {"a": 3.0, "b": -8.0, "residuals": narrow},
        "wrong": {"a": -1.5, "b": 0.0, "residuals": narrow},
    }


def test_learning_counts_errors_after_errors_and_how_sure_words_are_by_what_erred_around() -> None:
    stats = empty()
    kinds = ["hit"] * 8 + ["sub", "del", "sub"] + ["hit"] * 8
    probs = [0.95] * 5 + [0.6] * 3 + [0.2, None, 0.25] + [0.6] * 3 + [0.95] * 5
    add(stats, kinds, probs)
    assert stats["burst"][1][1] == 2 and stats["burst"][0][1] == 1  # two errors right after an error, one after a hit
    assert log_odds_ratio(stats) > 2
    assert density([False, True, True, True, False], 2) > density([False, False, True, False, False], 2)
    assert beside_deletion(["hit", "del", "hit"], 0) and not beside_deletion(["hit", "sub", "hit"], 0)
    finish(stats)
    assert "points" not in stats and stats["right"]["n"] == 16 and stats["wrong"]["n"] == 2  # a deletion has no word
    assert stats["right"]["b"] < 0  # right words beside errors were less sure
    assert sum(stats["right"]["residuals"]) == 16


def test_learning_from_a_recognised_meeting() -> None:
    model = ErrorModel()
    words = [("vi", 0.95), ("har", 0.9), ("bestämt", 0.3), ("något", 0.4), ("om", 0.9), ("bilden", 0.2)]
    learn_confidence(model, "vi har inte bestämt något om bilen", _transcript([words]))
    assert len(model.confidence["points"]["right"]) == 5 and len(model.confidence["points"]["wrong"]) == 1


def test_errors_keep_their_rate_and_follow_errors_when_the_recogniser_s_do() -> None:
    for q in (0.05, 0.1, 0.3):
        after, before = burst_probability(q, True, 2.0), burst_probability(q, False, 2.0)
        assert before < q < after
        assert before / (1 - after + before) == pytest.approx(q, abs=1e-3)  # the long-run rate is still q
    model, turns = ErrorModel.load(), _turns()
    model.confidence = _stats(bursty=False)
    *_, alone = _words(turns, model, 0.1, 1)
    model.confidence = _stats(bursty=True)
    *_, bursts = _words(turns, model, 0.1, 1)
    assert bursts > 2 * alone


def test_right_words_are_sure_at_a_low_rate_and_less_so_as_errors_gather() -> None:
    model, turns = ErrorModel.load(), _turns()
    model.confidence = _stats()
    right_low, wrong_low, _ = _words(turns, model, 0.1, 2)
    right_high, _, _ = _words(turns, model, 0.3, 2)
    assert _share_below(right_low) < 0.1 and _share_below(right_high) > 2 * _share_below(right_low)
    assert _share_below(wrong_low) > 0.9
    model.confidence = {}  # without the statistics: one histogram each, as sure at every rate
    model.prob_right = [0] * 3 + [1] + [0] * 6
    assert _share_below(_words(turns, model, 0.1, 2)[0]) == 1.0


def test_the_same_seed_gives_the_same_probabilities() -> None:
    model, turns = ErrorModel.load(), _turns()[:30]
    a, b, c = (corrupt_texts(turns, model, 0.2, seed) for seed in (4, 4, 5))
    assert [x.words for x in a] == [x.words for x in b] != [x.words for x in c]


def test_committed_model_is_surer_of_right_words_at_a_low_rate_and_tells_right_from_wrong() -> None:
    model, turns = ErrorModel.load(), _turns()
    assert model.confidence, "the committed error model has no confidence statistics"
    right_1, wrong_1, _ = _words(turns, model, 0.1, 1)
    right_3, _, _ = _words(turns, model, 0.3, 1)
    assert _share_below(right_1) < 0.5 and _share_below(right_1) < _share_below(right_3)
    assert auroc(right_1, wrong_1) > 0.6


def test_auroc() -> None:
    assert auroc([0.9, 0.8], [0.1, 0.2]) == 1.0
    assert auroc([0.5], [0.5]) == 0.5
    assert auroc([], [0.1]) is None
