"""The decision-miss bench runs the code of a given commit or folder, not whatever the shared working tree holds."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from transcribe.bench.decision_misses import run_in, snapshot
from transcribe.config import REPO_DIR


def test_snapshot_holds_the_commits_code_and_truth_without_audio(tmp_path: Path) -> None:
    snapshot("HEAD", tmp_path)
    path = "transcribe/minutes/rules/__init__.py"
    committed = subprocess.run(["git", "-C", str(REPO_DIR), "show", f"HEAD:{path}"], capture_output=True, check=True)
    assert (tmp_path / path).read_bytes() == committed.stdout
    assert (tmp_path / "samples" / "styrelse" / "truth.json").is_file()
    assert not list(tmp_path.glob("samples/**/*.ogg"))


def test_a_tree_runs_its_own_package(tmp_path: Path, capfd) -> None:
    bench = tmp_path / "transcribe" / "bench"
    bench.mkdir(parents=True)
    (tmp_path / "transcribe" / "__init__.py").write_text("")
    (bench / "__init__.py").write_text("")
    (bench / "decision_misses.py").write_text(
        "import sys\nimport transcribe\nprint('other tree', transcribe.__file__, sys.argv[1:])\n"
    )
    assert run_in(tmp_path, ["--only", "styrelse"]) == 0
    out = capfd.readouterr().out
    assert "other tree" in out and str(tmp_path) in out and "'--only', 'styrelse'" in out


def test_an_unknown_commit_is_one_line(tmp_path: Path) -> None:
    cmd = [sys.executable, "-m", "transcribe.bench.decision_misses", "--commit", "no-such-commit"]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "no-such-commit" in done.stderr
