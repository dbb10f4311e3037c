"""Durable meeting tasks: a regeneration or enrolment cut off by a restart runs again."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from transcribe.db import session
from transcribe.errors import BadOption, InputNotFound
from transcribe.jobs import tasks
from transcribe.jobs.models import JobState, Task

# Each wait ends as soon as the thread gets there; the bound is for a machine shared with other work (10 s could
# pass between the task starting and the test reading its row, and the handler then returned by itself).
WAIT_S = 120.0


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TRANSCRIBE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("TRANSCRIBE_DATABASE_URL", raising=False)
    return tmp_path


def test_one_task_of_a_kind_per_meeting_and_its_outcome_stays(data: Path) -> None:
    release, started = threading.Event(), threading.Event()
    seen: list[tuple[str, str]] = []

    def slow(meeting_id: str, user: str) -> str:
        seen.append((meeting_id, user))
        started.set()
        release.wait(WAIT_S)  # held until the test has looked; the bound only ends a broken test
        return "klart"

    tasks.register("test-slow", slow)
    assert tasks.submit("test-slow", "m1", "anna")
    try:
        assert started.wait(WAIT_S)
        assert tasks.latest("test-slow", "m1").state == JobState.running
        assert not tasks.submit("test-slow", "m1", "bo")  # already running: nothing new starts
    finally:
        release.set()  # a failed check must not leave the task waiting into the next test's database
    deadline = time.monotonic() + WAIT_S
    while tasks.latest("test-slow", "m1").active and time.monotonic() < deadline:
        time.sleep(0.05)
    done = tasks.latest("test-slow", "m1")
    assert (done.state, done.result, done.error) == (JobState.done, "klart", None)
    assert seen == [("m1", "anna")]
    assert tasks.latest("test-slow", "m2") is None


def test_a_failure_is_kept_as_one_line(data: Path) -> None:
    def missing(meeting_id: str, user: str) -> str:
        raise InputNotFound(f"möte {meeting_id} saknar transkript")

    def broken(meeting_id: str, user: str) -> str:
        raise RuntimeError("boom")

    tasks.register("test-missing", missing)
    tasks.register("test-broken", broken)
    tasks.submit("test-missing", "m1", wait=True)
    tasks.submit("test-broken", "m1", wait=True)
    assert tasks.latest("test-missing", "m1").error == "möte m1 saknar transkript"
    assert tasks.latest("test-broken", "m1").error == "RuntimeError: boom"
    with pytest.raises(BadOption):
        tasks.submit("no-such-kind", "m1")


def test_a_task_cut_off_by_a_restart_runs_again(data: Path) -> None:
    runs: list[str] = []
    tasks.register("test-resume", lambda meeting_id, user: runs.append(meeting_id) or "igen")
    with session() as s:  # what a killed process leaves behind: rows still queued or running
        s.add(Task(kind="test-resume", meeting_id="m1", owner="anna", state=JobState.running))
        s.add(Task(kind="test-resume", meeting_id="m2", owner="anna", state=JobState.queued))
        s.add(Task(kind="test-resume", meeting_id="m3", owner="anna", state=JobState.done, result="förut"))
    assert tasks.resume(wait=True) == 2
    assert sorted(runs) == ["m1", "m2"]
    assert [tasks.latest("test-resume", m).result for m in ("m1", "m2", "m3")] == ["igen", "igen", "förut"]
    tasks.forget("m1")
    assert tasks.latest("test-resume", "m1") is None
