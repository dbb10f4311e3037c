"""A bare command (`transcribe`, `transcribe models` …) shows its help, once."""

from __future__ import annotations

import pytest

from tests.cli_call import call


@pytest.mark.parametrize("args", [[], ["models"], ["jobs"], ["series"]])
def test_bare_command_shows_its_help_once(monkeypatch, capsys, args: list[str]) -> None:
    code, out, _ = call(monkeypatch, capsys, *args)
    assert code == 0
    assert out.count("Användning:") == 1, out
