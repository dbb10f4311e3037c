"""Usage errors as a user meets them: one line on stderr, exit code 14, never a traceback.

Run as subprocesses, because the failure this guards against (typer shipping its own copy of
click, whose exceptions the handler did not recognise) only shows in the real entry point.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import REPO

CLI = [sys.executable, "-m", "transcribe.cli"]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=120, cwd=REPO)


@pytest.mark.parametrize(
    "args, needle",
    [
        (["run", "x.wav", "--bogus"], "--bogus"),
        (["run", "x.wav", "--speakers", "abc"], "--speakers"),
        (["bogus"], "bogus"),
        (["jobs", "show", "not-a-number"], "job_id"),
    ],
    ids=["unknown-option", "speakers-not-integer", "unknown-command", "sub-command-bad-argument"],
)
def test_usage_error_is_one_line_with_exit_code_14(args: list[str], needle: str) -> None:
    proc = run_cli(*args)
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("fel:"), lines[0]
    assert needle in lines[0]
    assert "transcribe" in lines[0] and "--help" in lines[0]  # says where to look
    assert proc.returncode == 14, (proc.returncode, proc.stderr)


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
