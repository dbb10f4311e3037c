"""`transcribe jobs list/show` say a job's state and stage in Swedish; the stored values and --json stay as they were.

The rows are written as the queue and a worker write them, so a job stored by an earlier version reads the same
way; the commands run in this process, as `transcribe` runs them (cli.main)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import update

from tests.cli_call import call
from transcribe.db import session
from transcribe.jobs import queue
from transcribe.jobs.models import Job
from transcribe.pipeline import PipelineOptions


@pytest.fixture
def jobs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """`transcribe jobs *args` on this test's own data directory: (exit code, stdout, stderr)."""
    monkeypatch.setenv("TRANSCRIBE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("TRANSCRIBE_DATABASE_URL", raising=False)
    monkeypatch.delenv("TRANSCRIBE_QUEUE", raising=False)
    monkeypatch.setenv("COLUMNS", "200")  # the table's words whole, not wrapped in a narrow column

    def run(*args: str) -> tuple[int, str, str]:
        return call(monkeypatch, capsys, "jobs", *args)

    return run


def _queue_three(tmp_path: Path) -> list[str]:
    """Three jobs as the queue stores them: one transcribing, one failed, one still queued."""
    recording = tmp_path / "möte.ogg"
    recording.write_bytes(b"")  # never read: no worker runs here
    ids = [str(queue.create(recording, meeting, PipelineOptions())) for meeting in ("styrelse", "arsmote", "budget")]
    with session() as s:
        s.execute(update(Job).where(Job.id == int(ids[0])).values(state="running", stage="transcribe", percent=40.0))
        s.execute(update(Job).where(Job.id == int(ids[1])).values(state="failed", error="inspelningen är tyst"))
    return ids


def _rows(listing: str) -> dict[str, str]:
    """Table line of each meeting id."""
    return {m: line for line in listing.splitlines() for m in ("styrelse", "arsmote", "budget") if f" {m} " in line}


def test_list_and_show_say_the_state_and_stage_in_swedish(jobs, tmp_path: Path) -> None:
    ids = _queue_three(tmp_path)
    code, listing, _ = jobs("list")
    assert code == 0
    rows = _rows(listing)
    assert "pågående" in rows["styrelse"] and "transkribering" in rows["styrelse"]
    assert "misslyckat" in rows["arsmote"] and "köat" in rows["budget"]
    for english in ("queued", "running", "failed", "transcribe "):
        assert english not in listing
    _, shown, _ = jobs("show", ids[0])
    assert "läge: pågående" in shown and "steg: transkribering" in shown and "running" not in shown


def test_state_filter_takes_the_words_shown_and_the_stored_names(jobs, tmp_path: Path) -> None:
    ids = _queue_three(tmp_path)
    for word in ("misslyckat", "Misslyckad", "failed"):
        code, listing, _ = jobs("list", "--state", word)
        assert code == 0 and list(_rows(listing)) == ["arsmote"], word
    code, listing, _ = jobs("list", "--state", "köat")
    assert list(_rows(listing)) == ["budget"]
    assert jobs("list", "--state", "avbrutet")[1].strip() == "Inga jobb i läget avbrutet."
    code, _, err = jobs("list", "--state", "färdig")
    assert code != 0 and len(err.strip().splitlines()) == 1 and "köat, pågående, klart, misslyckat" in err
    assert "Traceback" not in err
    # scripts keep reading the stored values
    code, out, _ = jobs("list", "--json")
    stored = {j["id"]: j["state"] for j in json.loads(out)}
    assert stored == {int(ids[0]): "running", int(ids[1]): "failed", int(ids[2]): "queued"}
    code, out, _ = jobs("show", ids[0], "--json")
    assert json.loads(out)["state"] == "running" and json.loads(out)["stage"] == "transcribe"
