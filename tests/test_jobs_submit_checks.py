"""`transcribe jobs submit` refuses what `run` refuses before a job is queued, and a busy meeting has its own
exit code, documented in the README's table beside every other one."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.cli_call import call
from tests.conftest import REPO
from transcribe import errors


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TRANSCRIBE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("TRANSCRIBE_QUEUE", "db")
    monkeypatch.delenv("TRANSCRIBE_DATABASE_URL", raising=False)
    return tmp_path / "data"


@pytest.fixture(scope="module")
def tone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("in") / "möte.wav"
    subprocess.run(["sox", "-n", "-r", "16000", "-c", "1", str(path), "synth", "2", "sine", "440"], check=True)
    return path


@pytest.mark.parametrize("name", ["möte.wav", "anteckningar.txt"])
def test_a_text_file_is_refused_before_it_is_queued(monkeypatch, capsys, tmp_path: Path, data: Path, name) -> None:
    text = tmp_path / name
    text.write_text("Dagordning: 1. Mötets öppnande 2. Budget\n", encoding="utf-8")
    code, out, err = call(monkeypatch, capsys, "jobs", "submit", str(text), "--meeting", "styrelse")
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert code == errors.NotAudio.exit_code == 5, err
    assert len(lines) == 1 and name in lines[0] and "inte en ljudfil" in lines[0], err
    assert out == "" and not (data / "meetings" / "styrelse").exists()  # nothing copied, nothing queued
    code, out, _ = call(monkeypatch, capsys, "jobs", "list")
    assert code == 0 and out.startswith("Inga jobb ännu"), out


def test_a_bad_option_is_refused_before_the_recording_is_copied(monkeypatch, capsys, data: Path, tone: Path) -> None:
    code, _, err = call(monkeypatch, capsys, "jobs", "submit", str(tone), "--meeting", "m1", "--diarizer", "magi")
    assert code == 14 and "magi" in err and len(err.strip().splitlines()) == 1, err
    assert not (data / "meetings" / "m1").exists()


def test_a_busy_meeting_is_its_own_exit_code(monkeypatch, capsys, data: Path, tone: Path) -> None:
    code, job, err = call(monkeypatch, capsys, "jobs", "submit", str(tone), "--meeting", "m1")
    assert code == 0, err
    code, _, err = call(monkeypatch, capsys, "jobs", "submit", str(tone), "--meeting", "m1")
    assert code == 19, err
    assert len(err.strip().splitlines()) == 1 and f"redan ett aktivt jobb ({job.strip()})" in err, err
    code, _, err = call(monkeypatch, capsys, "jobs", "retry", job.strip())
    assert code == 19 and "bara misslyckade eller avbrutna jobb" in err, err


def test_every_exit_code_is_its_own_and_in_the_readme_table() -> None:
    kinds = [cls for cls in vars(errors).values() if isinstance(cls, type) and issubclass(cls, errors.UserError)]
    codes = {cls.__name__: cls.exit_code for cls in kinds if cls is not errors.UserError}
    assert len(set(codes.values())) == len(codes), codes
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("| exit | meaning |") :].split("\n\n")[0]
    documented = {int(n) for n in re.findall(r"\|\s*(\d+)\s*\|", table)}
    assert set(codes.values()) <= documented, sorted(set(codes.values()) - documented)
