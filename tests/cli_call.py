"""The CLI run in-process as a user types it: exit code, standard output and standard error."""

from __future__ import annotations

import sys

import pytest

from transcribe import cli


def call(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`transcribe *args`; the exit code (0 when it ends normally), stdout and stderr."""
    monkeypatch.setattr(sys, "argv", ["transcribe", *args])
    try:
        cli.main()
        code = 0
    except SystemExit as stop:
        code = int(stop.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err
