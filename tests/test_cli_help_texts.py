"""Every option of the secretary's two commands says in Swedish what it is for in `--help`."""

from __future__ import annotations

import pytest
import typer

from transcribe import cli


@pytest.mark.parametrize("name", ["run", "minutes"])
def test_every_option_has_help(name: str) -> None:
    command = typer.main.get_command(cli.app).commands[name]
    silent = [p.name for p in command.params if not getattr(p, "help", None) and p.name != "help"]
    assert not silent, f"{name}: {silent}"
