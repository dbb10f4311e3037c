"""The CLI run in-process as a user types it: exit code, standard output and standard error."""

from __future__ import annotations

import os
import sys

import pytest

from transcribe import cli
from transcribe.jobs.runner import RUNNER_LOG


def call(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`transcribe *args`; the exit code (0 when it ends normally), stdout and stderr."""
    monkeypatch.setattr(sys, "argv", ["transcribe", *args])
    mask = keep_process_settings(monkeypatch)
    try:
        cli.main()
        code = 0
    except SystemExit as stop:
        code = int(stop.code or 0)
    finally:
        os.umask(mask)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def keep_process_settings(monkeypatch: pytest.MonkeyPatch) -> int:
    """What `run`, `jobs submit` and `worker` set for the whole process (the umask, the device and the runner's
    log level, for their child processes) is the test's only: the environment is restored when the test ends,
    and the caller puts back the returned umask. Left behind, the next files in the same worker process wrote
    owner-only files whatever the code under test did, so their file-mode checks passed or not by the order."""
    for name in ("TRANSCRIBE_DEVICE", RUNNER_LOG):
        if name in os.environ:
            monkeypatch.setenv(name, os.environ[name])
        else:
            monkeypatch.delenv(name, raising=False)
    mask = os.umask(0o077)
    os.umask(mask)
    return mask
