"""The noise curve is measured on dev (to tune on) and on held-out meetings (only reported), labelled apart."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

from rich.console import Console

from transcribe.bench import noise
from transcribe.errormodel import RATES, ErrorModel

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _meeting(root: Path, mid: str, split: str | None = None) -> None:
    (root / mid).mkdir(parents=True)
    truth = {"id": mid, **({"agenda": {"split": split}} if split else {})}
    (root / mid / "truth.json").write_text(json.dumps(truth), encoding="utf-8")


def test_dev_set_is_samples_dev_agenda_and_minutes_dev(tmp_path: Path) -> None:
    _meeting(tmp_path, "styrelse")
    _meeting(tmp_path / "agenda", "brf", "dev")
    _meeting(tmp_path / "agenda", "apt-heldout", "heldout")
    _meeting(tmp_path / "minutes-dev", "styrgrupp")
    _meeting(tmp_path / "heldout", "idrott")
    assert [m["id"] for m in noise.dev_meetings(tmp_path)] == ["styrelse", "brf", "styrgrupp"]
    assert [m["id"] for m in noise.load_meetings(tmp_path / "heldout")] == ["idrott"]


def test_curve_on_one_meeting_and_both_tables_printed(tmp_path: Path) -> None:
    shutil.copytree(SAMPLES / "styrelse", tmp_path / "styrelse", ignore=shutil.ignore_patterns("*.ogg"))
    meetings = noise.load_meetings(tmp_path)
    part = noise.measure(meetings, ErrorModel.load(), seeds=(1,))
    assert list(part["curve"]) == ["0", *(f"{r:g}" for r in RATES)]
    clean = part["curve"]["0"]["after"]
    assert clean["decisions"]["precision"] == 1.0 and clean["false_decisions"] == 0
    worst = part["curve"]["0.5"]["after"]
    assert worst["decisions"]["recall"] <= clean["decisions"]["recall"]  # noise never helps
    out = io.StringIO()
    result = {"dev": part, **part}
    noise.print_curve(result, Console(file=out, width=220))
    text = out.getvalue()
    assert "DEV meetings (tuned on)" in text and "HELD-OUT meetings (never tuned on)" in text
    assert text.index("DEV") < text.index("HELD-OUT")
