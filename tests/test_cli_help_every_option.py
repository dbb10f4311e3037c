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


def _silent(kind: str) -> dict[str, list[str]]:
    """Per command, its parameters of this kind ("option", "argument") with no help text."""
    return {
        path: names
        for path, command in _commands(typer.main.get_command(cli.app))
        if (names := [p.name for p in command.params if p.param_type_name == kind and not p.help])
    }


def test_every_option_says_what_it_does() -> None:
    assert not _silent("option")
    jobs_list = typer.main.get_command(cli.app).commands["jobs"].commands["list"]
    assert "Skriv ut som JSON" in next(p.help for p in jobs_list.params if p.name == "as_json")


def test_every_argument_says_what_it_is() -> None:
    assert not _silent("argument")
