"""What the command line says to a new user, in Swedish: the time a run took as a share of the recording's
length (not 'RTF 0.41'), an unknown language before any work (not Whisper's traceback), and a password
asked for without a terminal (not getpass's English warning)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.test_run_no_speech import _run
from tests.test_run_reused_workdir import tone
from transcribe.errors import BadOption
from transcribe.transcript import Segment


def test_the_closing_line_says_the_speed_in_swedish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys) -> None:  # fmt: skip
    said = [Segment(id=0, start=0.0, end=2.0, text="Hej och välkomna.")]
    err = _run(monkeypatch, capsys, tone(tmp_path / "pip.wav", 2.0, 440), tmp_path / "ut", said)
    done = next(line for line in err.splitlines() if line.startswith("Klart"))
    assert "RTF" not in done, done
    assert re.search(r"ljud på \d+,\d s \(\d+ % av inspelningens längd\)", done), done


def _cli(args: list[str], tmp_path: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "TRANSCRIBE_DATA_DIR": str(tmp_path / "data")}
    closed = {"stdin": subprocess.DEVNULL} if stdin is None else {"input": stdin}  # no terminal either way
    return subprocess.run([sys.executable, "-m", "transcribe", *args], capture_output=True, text=True, cwd=REPO,
                          env=env, timeout=120, **closed)  # fmt: skip


def test_an_unknown_language_is_refused_before_any_work_in_swedish(tmp_path: Path) -> None:
    clip = tone(tmp_path / "pip.wav", 2.0, 440)
    proc = _cli(["run", str(clip), "--language", "xx", "-o", str(tmp_path / "ut")], tmp_path)
    assert proc.returncode == BadOption.exit_code, proc.stderr
    assert "okänt språk 'xx'" in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    assert not (tmp_path / "ut").exists()


def test_a_password_without_a_terminal_is_refused_in_swedish_and_a_missing_account_first(tmp_path: Path) -> None:
    proc = _cli(["users", "passwd", "nosuch"], tmp_path)
    assert proc.returncode == BadOption.exit_code and "ingen användare heter 'nosuch'" in proc.stderr, proc.stderr
    assert "Nytt lösenord" not in proc.stdout + proc.stderr  # not asked for a password first
    proc = _cli(["users", "add", "nils", "--role", "admin"], tmp_path)
    assert proc.returncode == BadOption.exit_code, proc.stderr
    assert "--password-stdin" in proc.stderr and "Warning" not in proc.stderr and "echo" not in proc.stderr
    proc = _cli(["users", "add", "nils", "--role", "admin", "--password-stdin"], tmp_path, stdin="ett långt lösenord\n")
    assert proc.returncode == 0, proc.stderr
