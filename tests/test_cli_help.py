"""A bare command (`transcribe`, `transcribe models` …) shows its help, once."""

from __future__ import annotations

import sys

import pytest

from transcribe import cli


def call(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["transcribe", *args])
    with pytest.raises(SystemExit) as stop:
        cli.main()
    captured = capsys.readouterr()
    return int(stop.value.code or 0), captured.out, captured.err


@pytest.mark.parametrize("args", [[], ["models"], ["jobs"], ["series"]])
def test_bare_command_shows_its_help_once(monkeypatch, capsys, args: list[str]) -> None:
    code, out, _ = call(monkeypatch, capsys, *args)
    assert code == 0
    assert out.count("Usage:") == 1, out
