"""Every option and argument of every command says in Swedish what it does in `--help`.

A bare `--json` or `--priority` line in the help leaves an admin guessing what it changes.
"""

from __future__ import annotations

import re

import typer

from tests.cli_call import call
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


def test_every_help_shows_values_and_flag_defaults_in_swedish(monkeypatch, capsys) -> None:
    """Before: '--title <text>', '--date <text>' and '[standard: no-overwrite]' (the English flag's name)."""
    shown = {}
    for path, _command in _commands(typer.main.get_command(cli.app)):
        monkeypatch.setenv("COLUMNS", "200")
        code, out, _err = call(monkeypatch, capsys, *path.split(), "--help")
        assert code == 0, path
        shown[path] = out
        english = re.findall(r"<(?:text|str|int|float|bool|path|choice)>|\[standard: no-[^\]]*\]", out)
        assert not english, (path, english)
    run = shown["run"]
    assert re.search(r"--title +<rubrik>", run) and re.search(r"--date +<ÅÅÅÅ-MM-DD>", run), run
    assert re.search(r"--overwrite +--no-overwrite .*\[standard: av\]", run), run
    assert re.search(r"--worker +--no-worker .*\[standard: på\]", shown["serve"]), shown["serve"]
