"""The arguments are named in Swedish wherever a user meets them: the usage line, the help and a usage error."""

from __future__ import annotations

import pytest
import typer

from tests.cli_call import call
from transcribe.cli import app


def _arguments(command, path: str):
    for param in command.params:
        if param.param_type_name == "argument":
            yield path, param
    for name, sub in getattr(command, "commands", {}).items():
        yield from _arguments(sub, f"{path} {name}")


def test_no_argument_shows_its_python_name() -> None:
    shown = [(path, p.name, p.display_name_raw) for path, p in _arguments(typer.main.get_command(app), "transcribe")]
    assert shown
    assert [s for s in shown if s[1] == s[2] or "_" in s[2]] == []


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["run"], "argumentet 'inspelning' saknas"),
        (["jobs", "show", "tre"], "ogiltigt värde 'tre' för 'jobb-id': ange ett heltal"),
        (["minutes"], "argumentet 'transkription' saknas"),
    ],
)
def test_a_usage_error_names_the_argument_in_swedish(monkeypatch, capsys, args: list[str], said: str) -> None:
    code, out, err = call(monkeypatch, capsys, *args)
    assert code == 14 and said in err, (code, out, err)
    assert "meeting" not in err and "job_id" not in err and "transcript_json" not in err


def test_the_usage_line_names_the_recording(monkeypatch, capsys) -> None:
    code, out, err = call(monkeypatch, capsys, "run", "--help")
    assert code == 0 and "transcribe run [FLAGGOR] {inspelning}" in out, out


def test_python_dash_m_runs_the_same_command_line() -> None:
    import subprocess
    import sys

    from tests.conftest import REPO

    done = subprocess.run([sys.executable, "-m", "transcribe", "jobs", "show", "tre"], capture_output=True, text=True,
                          cwd=REPO, timeout=600)  # fmt: skip
    assert done.returncode == 14 and "'jobb-id'" in done.stderr and "Traceback" not in done.stderr, done.stderr
