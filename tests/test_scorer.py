"""The shipped decision scorer: it loads, it tells a decision from a proposal left open, and it can be absent."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from scipy import sparse

from tests.spoken import MEETING, PEOPLE, transcript
from transcribe.bench.decision_models import Setting, fit
from transcribe.bench.train_decisions import batches, calibrate, choose_thresholds
from transcribe.minutes import scorer as scorer_module
from transcribe.minutes.rules import RuleExtractor
from transcribe.minutes.scorer import MODEL_PATH, STRUCT, DecisionScorer, Features, Trees

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
        assert {"weights", "meta"} <= set(f.files) and f["weights"].dtype == np.float32
        assert all(f[k].dtype != object for k in f.files)
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


def test_trees_stored_as_arrays_score_as_fitted_and_read_back(tmp_path: Path) -> None:
    rng = np.random.default_rng(1)
    x = rng.random((600, len(STRUCT)))
    # a decision when the chair speaks and the opening was misheard: an interaction a linear model cannot draw
    y = ((x[:, STRUCT.index("chair")] > 0.5) & (x[:, STRUCT.index("opening_unsure")] > 0.5)).astype(float)
    setting = Setting(Features("none"), 0.1, "trees")
    trees, bias = fit([x], [y], setting)  # raises if the arrays do not score as scikit-learn's model
    assert isinstance(trees, Trees)
    m = DecisionScorer(np.zeros(setting.features.n_features), bias, 1.01, 0.0, 0.5, setting.features, (1.0, 0.0),
                       trees)  # fmt: skip
    texts = [""] * len(x)
    p = m.probabilities(texts, x)
    assert p[y == 1].min() > p[y == 0].max()
    m.save(tmp_path / "t.npz")
    back = DecisionScorer.load(tmp_path / "t.npz")  # np.load without pickles
    assert back is not None and back.trees is not None
    assert np.allclose(back.probabilities(texts, x), p)


def _rates(rules: tuple[float, float, int], added: tuple[float, float, int]) -> dict:
    """Batch-out figures of the rules alone and of one threshold pair, the same at every rate but the true one."""
    cell = {"precision": 0.0, "recall": 0.0, "false_deciding_nothing": 0, "added": 0, "added_right": 0, "runs": 1}
    out = {}
    for rate in ("0", "0.1", "0.2", "0.3"):
        pair = rules if rate == "0" else added  # nothing changes on true transcripts
        out[rate] = {
            "1.01/1.01": cell | dict(zip(("precision", "recall", "false_deciding_nothing"), rules, strict=True)),
            "1.01/0.5": cell | dict(zip(("precision", "recall", "false_deciding_nothing"), pair, strict=True)),
        }
    return out


def test_additions_under_noise_may_cost_precision_down_to_080_but_no_false_decision_on_a_quiet_meeting() -> None:
    assert choose_thresholds(_rates((0.85, 0.6, 1), (0.81, 0.7, 1)))[0] == (1.01, 0.5)
    assert choose_thresholds(_rates((0.85, 0.6, 1), (0.79, 0.7, 1)))[0] == (1.01, 1.01)  # below .80
    assert choose_thresholds(_rates((0.85, 0.6, 1), (0.84, 0.7, 2)))[0] == (1.01, 1.01)  # a false decision more
    assert choose_thresholds(_rates((0.75, 0.6, 1), (0.74, 0.7, 1)))[0] == (1.01, 1.01)  # the rules' lower precision


def test_a_pair_adding_on_a_quiet_meeting_in_another_seed_or_costing_the_newest_batch_is_not_chosen() -> None:
    pooled = _rates((0.85, 0.6, 1), (0.81, 0.7, 1))
    other_seeds_clean = _rates((1.0, 0.0, 0), (1.0, 0.0, 0))
    other_seeds_added = _rates((1.0, 0.0, 0), (0.0, 0.0, 1))  # one decision on a meeting deciding nothing, seed 2
    newest_ok, newest_worse = _rates((0.9, 0.5, 0), (0.85, 0.6, 0)), _rates((0.9, 0.5, 0), (0.7, 0.6, 0))
    assert choose_thresholds(pooled, checks=[other_seeds_clean, newest_ok])[0] == (1.01, 0.5)
    assert choose_thresholds(pooled, checks=[other_seeds_added, newest_ok])[0] == (1.01, 1.01)
    assert choose_thresholds(pooled, checks=[other_seeds_clean, newest_worse])[0] == (1.01, 1.01)


def test_a_pair_adding_to_a_true_transcript_or_failing_one_batch_held_out_is_not_chosen() -> None:
    pooled = _rates((0.85, 0.6, 1), (0.81, 0.7, 1))
    on_true = {r: {k: dict(v) for k, v in by.items()} for r, by in pooled.items()}
    on_true["0"]["1.01/0.5"]["added"] = 1  # one decision added to a true transcript, precision unchanged
    assert choose_thresholds(on_true)[0] == (1.01, 1.01)
    batch_ok, batch_worse = _rates((0.9, 0.5, 0), (0.82, 0.6, 0)), _rates((0.9, 0.5, 0), (0.75, 0.6, 0))
    quiet_batch_added = _rates((0.6, 0.5, 1), (0.6, 0.5, 2))
    assert choose_thresholds(pooled, checks=[batch_ok, batch_ok])[0] == (1.01, 0.5)
    assert choose_thresholds(pooled, checks=[batch_ok, batch_worse])[0] == (1.01, 1.01)
    assert choose_thresholds(pooled, checks=[batch_ok, quiet_batch_added])[0] == (1.01, 1.01)


@pytest.mark.parametrize("kind", ["linear", "trees"])
def test_training_twice_on_the_same_rows_gives_the_same_model(kind: str) -> None:
    rng = np.random.default_rng(2)
    x = rng.random((500, len(STRUCT)))
    y = (x[:, STRUCT.index("chair")] + 0.3 * rng.random(500) > 0.8).astype(float)
    setting = Setting(Features("none"), 0.05 if kind == "trees" else 1e-3, kind)
    xs = [x] if kind == "trees" else [sparse.csr_matrix(x)]
    (m1, b1), (m2, b2) = fit(xs, [y], setting), fit(xs, [y], setting)
    assert b1 == b2
    if kind == "trees":
        assert isinstance(m1, Trees) and isinstance(m2, Trees)
        assert all(np.array_equal(getattr(m1, f), getattr(m2, f)) for f in Trees.FIELDS)
    else:
        assert np.array_equal(m1, m2)
