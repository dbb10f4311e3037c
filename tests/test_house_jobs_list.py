"""`transcribe jobs list` on an empty queue says so, and how a job comes about, instead of an empty table."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import REPO


def test_empty_queue_is_said_in_words(tmp_path) -> None:
    env = {**os.environ, "TRANSCRIBE_DATA_DIR": str(tmp_path)}
    env.pop("TRANSCRIBE_DATABASE_URL", None)

    def jobs(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "transcribe.cli", "jobs", *args]
        return subprocess.run(command, capture_output=True, text=True, cwd=REPO, env=env, timeout=120)

    listed = jobs("list")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.strip() == (
        "Inga jobb ännu: en uppladdning i webbappen eller transcribe jobs submit INSPELNING --meeting ID köar ett"
    )
    assert jobs("list", "--state", "failed").stdout.strip() == "Inga jobb i läget failed."


def test_a_job_is_cancelled_queued_again_and_deleted_in_swedish(tmp_path) -> None:
    env = {**os.environ, "TRANSCRIBE_DATA_DIR": str(tmp_path / "data")}
    env.pop("TRANSCRIBE_DATABASE_URL", None)
    recording = tmp_path / "möte.ogg"
    recording.write_bytes((REPO / "samples" / "natverk-1" / "meeting.ogg").read_bytes())

    def jobs(*args: str) -> str:
        command = [sys.executable, "-m", "transcribe.cli", "jobs", *args]
        done = subprocess.run(command, capture_output=True, text=True, cwd=REPO, env=env, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    job = jobs("submit", str(recording), "--meeting", "styrelse")
    assert (tmp_path / "data" / "meetings" / "styrelse").is_dir()
    shown = jobs("show", job)
    assert "möte: styrelse" in shown and "läge: queued" in shown and "meeting_id" not in shown
    assert jobs("cancel", job) == f"jobb {job}: avbrutet"
    assert jobs("retry", job) == f"jobb {job}: köat igen"
    jobs("cancel", job)
    assert jobs("delete", job, "--remove-files") == f"jobb {job}: borttaget med mötets filer"
    assert not (tmp_path / "data" / "meetings" / "styrelse").exists()
