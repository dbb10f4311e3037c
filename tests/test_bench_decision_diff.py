"""The decision diff bench: a true decision matched before and not after is a loss, with both versions' texts."""

from __future__ import annotations

from transcribe.bench.decision_diff import compare


def _run(predicted: list[dict], nothing: bool = False) -> dict:
    return {"meeting": "m", "rate": 0.0, "seed": 0, "nothing": nothing, "truth": ["A", "B"], "predicted": predicted}


def test_a_match_lost_a_false_one_gained_and_a_weaker_match_are_listed() -> None:
    before = [_run([{"text": "a", "truth": 0, "score": 0.9, "evidence": [1]},
                    {"text": "b", "truth": 1, "score": 0.8, "evidence": [5]}])]  # fmt: skip
    after = [_run([{"text": "a b", "truth": 0, "score": 0.5, "evidence": [1, 5]},
                   {"text": "x", "truth": None, "score": None, "evidence": [9]}])]  # fmt: skip
    got = compare(before, after)
    rows = got["rows"]
    assert [(r["truth"], r["before"], r["after"]) for r in rows["lost"]] == [("B", "b", "a b")]
    assert [r["text"] for r in rows["false_gained"]] == ["x"] and rows["false_dropped"] == []
    assert [r["scores"] for r in rows["weakened"]] == [[0.9, 0.5]]
    assert got["totals"]["before"]["found 0"] == 2 and got["totals"]["after"]["found 0"] == 1
    assert got["totals"]["after"]["false 0"] == 1
