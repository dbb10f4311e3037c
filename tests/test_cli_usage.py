"""Usage errors as a user meets them: one line on stderr, exit code 14, never a traceback.

The failure this guards against (typer shipping its own copy of click, whose exceptions the handler did
not recognise) shows in the entry point, cli.main: one case and the bare command run it as a user does, in
a Python process of their own; the other cases call it in this process (tests/cli_call), which saves an
interpreter's start-up (about 5 CPU-s) each.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.cli_call import call
from tests.conftest import REPO

CLI = [sys.executable, "-m", "transcribe.cli"]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=600, cwd=REPO)


@pytest.mark.parametrize(
    "args, needle, own_process",
    [
        (["run", "x.wav", "--bogus"], "--bogus", True),
        (["run", "x.wav", "--speakers", "abc"], "--speakers", False),
        (["bogus"], "bogus", False),
        (["jobs", "show", "not-a-number"], "jobb-id", False),
    ],
    ids=["unknown-option", "speakers-not-integer", "unknown-command", "sub-command-bad-argument"],
)
def test_usage_error_is_one_line_with_exit_code_14(
    args: list[str], needle: str, own_process: bool, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    if own_process:
        proc = run_cli(*args)
        code, stderr = proc.returncode, proc.stderr
    else:
        code, _, stderr = call(monkeypatch, capsys, *args)
    assert "Traceback" not in stderr, stderr
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, stderr
    assert lines[0].startswith("fel:"), lines[0]
    assert needle in lines[0]
    assert "transcribe" in lines[0] and "--help" in lines[0]  # says where to look
    assert code == 14, (code, stderr)


def test_bare_command_prints_help_not_a_traceback() -> None:
    proc = run_cli()
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "Användning: transcribe" in proc.stdout
    assert "run" in proc.stdout


def test_usage_errors_come_from_the_click_typer_runs_on() -> None:
    """The handler recognises the exception classes typer raises, vendored click or not."""
    import typer

    from transcribe import cli_usage

    assert issubclass(typer.BadParameter, cli_usage.UsageError)
    code, message = cli_usage.describe(typer.BadParameter("nope"))
    assert code == 14 and "nope" in message and "\n" not in message
    assert cli_usage.describe(ValueError("x")) is None
