"""The CLI run in-process as a user types it: exit code, standard output and standard error."""

from __future__ import annotations

import sys

import pytest

from transcribe import cli


def call(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`transcribe *args`; the exit code (0 when it ends normally), stdout and stderr."""
    monkeypatch.setattr(sys, "argv", ["transcribe", *args])
    with pytest.raises(SystemExit) as stop:
        cli.main()
    captured = capsys.readouterr()
    return int(stop.value.code or 0), captured.out, captured.err
