"""`transcribe jobs list` as a secretary reads it: the meeting's title (not its id), why a job failed without the
data folder's path filling the column, and no time left on a finished job."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import update

from tests.cli_call import call
from transcribe.db import session
from transcribe.jobs import meeting_dir, queue
from transcribe.jobs.models import Job
from transcribe.pipeline import PipelineOptions
from transcribe.tables import Meeting, User


@pytest.fixture
def listing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    monkeypatch.setenv("TRANSCRIBE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("TRANSCRIBE_DATABASE_URL", raising=False)
    monkeypatch.delenv("TRANSCRIBE_QUEUE", raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    recording = tmp_path / "möte.ogg"
    recording.write_bytes(b"")  # never read: no worker runs here
    silent, done = (queue.create(recording, m, PipelineOptions()) for m in ("a1b2c3d4e5f60718", "shell-only"))
    with session() as s:
        s.add(User(name="sara", password_hash="x", role="secretary"))
        s.flush()
        owner = s.query(User).filter_by(name="sara").one().id
        s.add(Meeting(id="a1b2c3d4e5f60718", title="Styrelsemöte i maj", owner_id=owner))
        error = f"{meeting_dir('a1b2c3d4e5f60718')}/input.wav är tyst: inget tal att transkribera"
        s.execute(update(Job).where(Job.id == silent).values(state="failed", error=error))
        s.execute(update(Job).where(Job.id == done).values(state="done", percent=100.0, eta_s=0.0))
    code, out, _ = call(monkeypatch, capsys, "jobs", "list")
    assert code == 0
    return out


def test_a_failed_web_meeting_reads_by_title_and_reason(listing: str) -> None:
    row = next(line for line in listing.splitlines() if "misslyckat" in line)
    assert "Styrelsemöte i maj" in row and "a1b2c3d4e5f60718" not in row
    assert "input.wav är tyst: inget tal att transkribera" in row and "/meetings/" not in row


def test_a_job_without_a_web_meeting_keeps_its_id_and_a_finished_one_no_time_left(listing: str) -> None:
    row = next(line for line in listing.splitlines() if "shell-only" in line)
    assert "klart" in row and "0:00:00" not in row
