"""Every option and argument of every command says in Swedish what it does in `--help`.

A bare `--json` or `--priority` line in the help leaves an admin guessing what it changes.
"""

from __future__ import annotations

import typer

from transcribe import cli


def _commands(group, path=()):
    for name, command in getattr(group, "commands", {}).items():
        if getattr(command, "commands", None):
            yield from _commands(command, (*path, name))
        else:
            yield " ".join((*path, name)), command


def test_every_option_says_what_it_does() -> None:
    silent = {
        path: names
        for path, command in _commands(typer.main.get_command(cli.app))
        if (names := [p.name for p in command.params if p.param_type_name == "option" and not p.help])
    }
    assert not silent
    jobs_list = typer.main.get_command(cli.app).commands["jobs"].commands["list"]
    assert "Skriv ut som JSON" in next(p.help for p in jobs_list.params if p.name == "as_json")


def test_every_argument_says_what_it_is() -> None:
    silent = {
        path: names
        for path, command in _commands(typer.main.get_command(cli.app))
        if (names := [p.name for p in command.params if p.param_type_name == "argument" and not p.help])
    }
    assert not silent
