"""`transcribe jobs list` on an empty queue says so, and how a job comes about, instead of an empty table.

The commands run in this process, as `transcribe` runs them (cli.main), not one interpreter each: the six
commands of a job's life cost 32 CPU-s as subprocesses, nearly all of it importing the same modules again."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_call import call
from tests.conftest import REPO


@pytest.fixture
def jobs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """`transcribe jobs *args` on a data directory of this test's own: its standard output; it must succeed."""
    monkeypatch.setenv("TRANSCRIBE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("TRANSCRIBE_DATABASE_URL", raising=False)
    monkeypatch.delenv("TRANSCRIBE_QUEUE", raising=False)

    def run(*args: str) -> str:
        code, out, err = call(monkeypatch, capsys, "jobs", *args)
        assert code == 0, err
        return out.strip()

    return run


def test_empty_queue_is_said_in_words(jobs) -> None:
    assert jobs("list") == (
        "Inga jobb ännu: en uppladdning i webbappen eller transcribe jobs submit INSPELNING --meeting ID köar ett"
    )
    assert jobs("list", "--state", "failed") == "Inga jobb i läget misslyckat."


def test_a_job_is_cancelled_queued_again_and_deleted_in_swedish(jobs, tmp_path: Path) -> None:
    recording = tmp_path / "möte.ogg"
    recording.write_bytes((REPO / "samples" / "natverk-1" / "meeting.ogg").read_bytes())

    job = jobs("submit", str(recording), "--meeting", "styrelse")
    assert (tmp_path / "data" / "meetings" / "styrelse").is_dir()
    shown = jobs("show", job)
    assert "möte: styrelse" in shown and "läge: köat" in shown and "meeting_id" not in shown
    assert jobs("cancel", job) == f"jobb {job}: avbrutet"
    assert jobs("retry", job) == f"jobb {job}: köat igen"
    jobs("cancel", job)
    assert jobs("delete", job, "--remove-files") == f"jobb {job}: borttaget med mötets filer"
    assert not (tmp_path / "data" / "meetings" / "styrelse").exists()
