"""The Swedish CLI speaks Swedish around its own texts too: the help's framing and click's usage errors."""

from __future__ import annotations

import re
import sys

import pytest
import typer

from tests.cli_call import call
from transcribe import cli

# What typer and click would print around the Swedish help texts, left untranslated (a value's type too).
ENGLISH = re.compile(
    r"Usage:|\bOptions\b|\bArguments\b|\bCommands\b|Show this message|\[default|\[required\]|\[OPTIONS\]"
    r"|<(?:path|str|int|float|bool|list\[\w+\])>"
)


def _paths(group, path=()):
    yield path
    for name, command in getattr(group, "commands", {}).items():
        if getattr(command, "commands", None):
            yield from _paths(command, (*path, name))
        else:
            yield (*path, name)


COMMANDS = list(_paths(typer.main.get_command(cli.app)))


def test_every_command_is_listed() -> None:
    assert ("run",) in COMMANDS and ("models", "list") in COMMANDS and ("jobs",) in COMMANDS


def help_of(monkeypatch, capsys, *path: str) -> str:
    """`transcribe PATH --help` as typed: it ends normally and prints the help on stdout."""
    monkeypatch.setattr(sys, "argv", ["transcribe", *path, "--help"])
    cli.main()
    return capsys.readouterr().out


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "transcribe")
def test_help_is_framed_in_swedish(monkeypatch, capsys, path: tuple[str, ...]) -> None:
    out = help_of(monkeypatch, capsys, *path)
    flat = " ".join(out.replace("│", " ").split())  # as read, across the table's line breaks
    assert f"Användning: {' '.join(('transcribe', *path))}" in flat
    assert "Visa den här hjälpen och avsluta." in flat
    assert not ENGLISH.search(out), ENGLISH.search(out)


def test_run_help_names_its_panels_defaults_and_required_argument(monkeypatch, capsys) -> None:
    out = help_of(monkeypatch, capsys, "run")
    for word in ("Argument", "Flaggor", "[krävs]", "[standard: sv]", "[FLAGGOR]"):
        assert word in out, word
    rows = {line.split()[1]: line for line in out.splitlines() if line.startswith("│") and len(line.split()) > 2}
    assert "<sökväg>" in rows["--out"] and "<heltal>" in rows["--speakers"] and "<språkkod>" in rows["--language"]
    assert "<" not in rows["--overwrite"], "a flag takes no value and shows no type"
    out = help_of(monkeypatch, capsys)
    assert "Kommandon" in out and "KOMMANDO [ARGUMENT]..." in out


@pytest.mark.parametrize(
    "args, expected",
    [
        (["run", "a.wav", "b.wav"], "fel: för många argument: b.wav (se 'transcribe run --help')"),
        (["models", "list", "x", "y"], "fel: för många argument: x y (se 'transcribe models list --help')"),
        (["bench", "--quick=1"], "fel: flaggan --quick tar inget värde (se 'transcribe bench --help')"),
        (["run", "a.wav", "--speakers"], "fel: flaggan --speakers behöver ett värde (se 'transcribe run --help')"),
    ],
)
def test_usage_errors_in_swedish_point_at_the_command(monkeypatch, capsys, args: list[str], expected: str) -> None:
    code, _, err = call(monkeypatch, capsys, *args)
    assert code == 14
    assert " ".join(err.split()) == expected


def test_models_list_names_each_model_whole_and_its_source_in_swedish(monkeypatch, tmp_path) -> None:
    from typer.testing import CliRunner

    monkeypatch.setenv("TRANSCRIBE_DATA_DIR", str(tmp_path))
    shown = CliRunner().invoke(cli.app, ["models", "list"], env={"COLUMNS": "80"}).output
    for name in ("whisper-base", "gemma3-270m", "silero-vad", "resemblyzer-ge2e"):
        assert f"│ {name}" in shown, shown
    wide = CliRunner().invoke(cli.app, ["models", "list"], env={"COLUMNS": "200"}).output
    assert "medföljer: PyPI" in wide and "i paket" in wide
    assert "bundled" not in wide and "package" not in wide
