"""First-sight bench: a folder of meetings measured where it lies (transcribe/bench/firstsight.py)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from transcribe.bench.firstsight import main

DEV = Path(__file__).resolve().parent.parent / "samples" / "minutes-dev"


def _copy(tmp_path: Path, *ids: str) -> Path:
    for mid in ids:
        (tmp_path / mid).mkdir()
        shutil.copy(DEV / mid / "truth.json", tmp_path / mid / "truth.json")
    return tmp_path


def test_every_meeting_of_the_folder_gets_a_row_and_the_totals(tmp_path: Path, capsys) -> None:
    folder = _copy(tmp_path, "bryggeri", "julmarknad")
    assert main([str(folder), "--rates", ""]) == 0
    out = capsys.readouterr().out
    assert "| `bryggeri` |" in out and "| `julmarknad` |" in out
    assert "| all 2 |" in out
    # julmarknad decides nothing: the line on false decisions there counts that one meeting
    assert "deciding nothing: " in out and "on the 1 meetings" in out


def test_the_json_names_what_was_missed(tmp_path: Path, capsys) -> None:
    folder = _copy(tmp_path, "bryggeri")
    assert main([str(folder), "--rates", "", "--json"]) == 0
    row = json.loads(capsys.readouterr().out)["meetings"][0]
    truth = json.loads((folder / "bryggeri" / "truth.json").read_text(encoding="utf-8"))["truth"]
    assert row["decisions"]["n_truth"] == len(truth["decisions"])
    assert len(row["missed_decisions"]) == row["decisions"]["n_truth"] - row["decisions"]["tp"]
    assert set(row["missed_decisions"]) <= {d["text"] for d in truth["decisions"]}


def test_a_folder_without_meetings_is_a_one_line_error(tmp_path: Path, capsys) -> None:
    assert main([str(tmp_path / "saknas")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("fel: inga möten") and err.count("\n") == 1


def test_bad_rates_are_a_one_line_error(tmp_path: Path, capsys) -> None:
    assert main([str(_copy(tmp_path, "bryggeri")), "--rates", "hög"]) == 2
    assert capsys.readouterr().err.startswith("fel: ogiltiga tal")
