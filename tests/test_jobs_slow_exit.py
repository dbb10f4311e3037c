"""A job whose runner has recorded its outcome but is slow to exit (a loaded machine tearing down its
models) is finished, not reported as taken over by another worker: the admin's log tells the truth."""

from __future__ import annotations

import logging
import subprocess
from types import SimpleNamespace

import pytest

from transcribe.jobs import queue, runner
from transcribe.jobs.models import JobState


def test_recorded_job_with_a_slow_exit_is_done_without_a_takeover_warning(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    children: list[subprocess.Popen[bytes]] = []
    real_popen = subprocess.Popen

    def lingering_child(*_args, **_kwargs):  # the runner: its work done, still exiting
        children.append(real_popen(["sleep", "60"], start_new_session=True))
        return children[-1]

    monkeypatch.setattr(runner.subprocess, "Popen", lingering_child)
    monkeypatch.setattr(queue, "heartbeat", lambda *_a, **_kw: queue.Beat(held=False, cancel=False))
    done = SimpleNamespace(state=JobState.done, lease_token=None, cancel_requested=False)
    monkeypatch.setattr(queue, "get", lambda _job_id: done)
    caplog.set_level(logging.INFO)

    state = runner.supervise(queue.Claim(job_id=7, token="t", attempt=1, timeout_s=600.0))

    assert state == JobState.done
    assert "lease lost" not in caplog.text
    assert children and children[0].poll() is not None  # the lingering runner was stopped
