"""`transcribe run`'s bars: the next stage shows at 0 % as soon as one is done, so the minutes the speech
model takes to load and read its first half minute no longer look like a hung, finished bar."""

from __future__ import annotations

from transcribe.cli import RichProgress


def _shown(bars: RichProgress) -> dict[str, float]:
    return {stage: bars.progress.tasks[task].completed for stage, task in bars.tasks.items()}


def test_the_next_stage_is_shown_when_one_is_done() -> None:
    with RichProgress(enabled=False, stages=("decode", "transcribe", "minutes")) as bars:
        bars("decode", 120.0, 234.0)
        assert _shown(bars) == {"decode": 120.0}  # under way: nothing announced yet
        bars("decode", 234.0, 234.0)
        assert _shown(bars) == {"decode": 234.0, "transcribe": 0.0}
        bars("transcribe", 30.0, 234.0)
        bars("transcribe", 234.0, 234.0)
        assert _shown(bars) == {"decode": 234.0, "transcribe": 234.0, "minutes": 0.0}  # no diarize: not planned
        bars("minutes", 234.0, 234.0)
        assert list(bars.tasks) == ["decode", "transcribe", "minutes"]


def test_a_stage_the_pipeline_skips_is_closed_by_the_next() -> None:
    with RichProgress(enabled=False) as bars:
        bars("transcribe", 10.0, 10.0)  # resumed: decoding was done by the run that was stopped
        assert "diarize" in bars.tasks
        bars("minutes", 10.0, 10.0)  # the diarizer had nothing to report
        assert _shown(bars) == {"transcribe": 10.0, "diarize": 10.0, "minutes": 10.0}
