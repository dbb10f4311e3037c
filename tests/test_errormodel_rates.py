"""The committed error model at every rate the noise curve uses: the rate asked is the rate got, the same per seed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from transcribe.bench.metrics import wer
from transcribe.errormodel import RATES, ErrorModel, corrupt_texts, corrupt_transcript
from transcribe.transcript import Segment, Transcript

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _turns() -> list[str]:
    """The true turns of three dev meetings (committed with the project)."""
    out: list[str] = []
    for sid in ("styrelse", "projekt", "ej-beslut"):
        truth = json.loads((SAMPLES / sid / "truth.json").read_text(encoding="utf-8"))
        out += [s["text"] for s in truth["segments"]]
    return out


@pytest.fixture(scope="module")
def model() -> ErrorModel:
    return ErrorModel.load()


@pytest.mark.parametrize("rate", RATES)
def test_word_error_rate_is_the_rate_asked(model: ErrorModel, rate: float) -> None:
    turns = _turns()
    ref = " ".join(turns)
    got = [wer(ref, " ".join(" ".join(w for w, _ in c.words) for c in corrupt_texts(turns, model, rate, s)))
           for s in (1, 2, 3)]  # fmt: skip
    mean = sum(got) / len(got)
    assert abs(mean - rate) <= 0.02 + 0.1 * rate, (rate, got)
    assert all(abs(g - rate) <= 0.04 + 0.15 * rate for g in got), (rate, got)


def test_a_transcript_is_corrupted_the_same_way_for_a_seed(model: ErrorModel) -> None:
    tr = Transcript(segments=[Segment(id=i, start=i * 4.0, end=i * 4.0 + 3.5, text=t) for i, t in enumerate(_turns())])
    a, _ = corrupt_transcript(tr, model, 0.2, seed=11)
    b, _ = corrupt_transcript(tr, model, 0.2, seed=11)
    c, _ = corrupt_transcript(tr, model, 0.2, seed=12)
    assert a.model_dump() == b.model_dump()
    assert [s.text for s in a.segments] != [s.text for s in c.segments]
    assert [s.text for s in a.segments] != [s.text for s in tr.segments]


def test_the_words_the_minutes_need_are_lost_at_the_learned_rates(model: ErrorModel) -> None:
    """Negations, numbers, dates and names err at their own learned rates, not all alike."""
    rates = {k: model.class_rate(k) for k in ("negation", "number", "date", "name", "other")}
    assert all(0 < r < 1 for r in rates.values()), rates
    assert len({round(r, 2) for r in rates.values()}) > 1, rates
