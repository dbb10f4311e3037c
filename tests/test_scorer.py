"""The shipped decision scorer: it loads, it tells a decision from a proposal left open, and it can be absent."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.spoken import MEETING, PEOPLE, transcript
from transcribe.bench.train_decisions import batches, calibrate
from transcribe.minutes import scorer as scorer_module
from transcribe.minutes.rules import RuleExtractor
from transcribe.minutes.scorer import MODEL_PATH, STRUCT, DecisionScorer, Features

DECIDED = [
    ("S2", "Jag tycker att vi ska byta till LED-lampor i trapphusen, de drar mycket mindre ström."),
    ("S3", "Det håller jag med om, de gamla lysrören går sönder hela tiden."),
    ("S2", "Och det blir billigare på sikt."),
    ("S1", "Då byter vi till LED-lampor i alla trapphus före jul."),
    ("S2", "Bra."),
    ("S3", "Ja."),
    ("S1", "Nästa punkt är cykelrummet."),
]
LEFT_OPEN = [
    ("S1", "Nästa fråga är fasaden."),
    ("S2", "Kanske skulle vi kunna måla om fasaden i vår, jag vet inte riktigt?"),
    ("S3", "Jag är tveksam, det kostar nog mycket."),
    ("S1", "Vi får se vad det kostar först."),
]


def run(turns: list[tuple[str, str]], scorer: DecisionScorer | bool | None = None) -> RuleExtractor:
    ex = RuleExtractor(transcript(turns), MEETING, vocabulary=list(PEOPLE.values()), scorer=scorer)
    ex.run()
    return ex


def score_of(turns: list[tuple[str, str]], sentence: str, model: DecisionScorer) -> float:
    ex = run(turns)
    p = ex.sentence_scores(model)
    return float(p[next(u.idx for u in ex.utts if u.text.startswith(sentence))])


@pytest.fixture(scope="module")
def model() -> DecisionScorer:
    loaded = DecisionScorer.load(MODEL_PATH)
    assert loaded is not None, "the committed decision_scorer.npz does not load"
    return loaded


def test_the_shipped_model_loads_small_and_without_pickles(model: DecisionScorer) -> None:
    assert MODEL_PATH.stat().st_size < 400_000
    with np.load(MODEL_PATH, allow_pickle=False) as f:
        assert set(f.files) == {"weights", "meta"} and f["weights"].dtype == np.float32
    assert len(model.weights) == model.features.n_features
    assert model.add_threshold <= 1.01 and model.unsure_threshold <= model.add_threshold


def test_a_clear_decision_outscores_a_proposal_left_open(model: DecisionScorer) -> None:
    decided = score_of(DECIDED, "Då byter vi", model)
    proposal = score_of(LEFT_OPEN, "Kanske skulle vi", model)
    # the odds of a decision at least e times higher (probabilities are rates among all sentences, mostly small)
    assert np.log(decided / (1 - decided)) > np.log(proposal / (1 - proposal)) + 1.0


def test_with_the_file_missing_the_rules_run_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    alone = [d.text for d in run(DECIDED).out.decisions]
    monkeypatch.setattr(scorer_module, "MODEL_PATH", tmp_path / "absent.npz")
    scorer_module.shipped.cache_clear()
    try:
        ex = run(DECIDED, scorer=True)
        assert ex.scorer is None
        assert [d.text for d in ex.out.decisions] == alone
    finally:
        scorer_module.shipped.cache_clear()


def test_saved_model_reads_back_the_same_and_another_layout_is_refused(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    feats = Features("opening", 8, 6)
    m = DecisionScorer(rng.normal(size=feats.n_features), -1.0, 0.9, 0.0, 0.8, feats, (1.5, -0.2))
    m.save(tmp_path / "m.npz")
    back = DecisionScorer.load(tmp_path / "m.npz")
    assert back is not None and back.features == feats and back.calibration == (1.5, -0.2)
    texts, structs = ["då köper vi pressen", "jag undrar om pressen"], rng.random((2, len(STRUCT)))
    assert np.allclose(back.probabilities(texts, structs), m.probabilities(texts, structs), atol=1e-4)
    np.savez(tmp_path / "old.npz", weights=np.zeros(10, dtype=np.float32), meta=np.zeros(7))
    assert DecisionScorer.load(tmp_path / "old.npz") is None
    assert DecisionScorer.load(tmp_path / "absent.npz") is None


def test_without_history_every_meeting_is_its_own_batch(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "truth.json").write_text("{}", encoding="utf-8")
    assert batches([{"id": "a"}, {"id": "b"}], tmp_path) == {"a": 0, "b": 1}


def test_calibration_keeps_the_order_and_maps_margins_to_rates() -> None:
    margins = np.array([-3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0, 4.0])
    y = np.array([0, 0, 0, 1, 0, 1, 1, 1])
    a, b = calibrate(margins, y)
    p = 1 / (1 + np.exp(-(a * margins + b)))
    assert a > 0 and p[0] < 0.2 and p[-1] > 0.8
