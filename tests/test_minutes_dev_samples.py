"""The minutes dev meetings (samples/minutes-dev/): scripts, committed truth and README agree.

The rules are tuned on these meetings, so a truth file that drifted from its script (a turn
inserted without regenerating, an item pointing at the wrong turn) would tune them on wrong
answers. No audio tools are needed: only the committed files are read.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from samples.generate import load_script

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "samples" / "minutes-dev"
SCRIPTS = sorted((DEV / "scripts").glob("*.yaml"))
KINDS = ("decisions", "actions", "not_decided")


def _rttm_rows(path: Path) -> list[tuple[float, float, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        f = line.split()
        rows.append((float(f[3]), float(f[3]) + float(f[4]), f[7]))
    return rows


def test_there_are_enough_dev_meetings() -> None:
    assert len(SCRIPTS) >= 13


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.stem)
def test_script_is_consistent(path: Path) -> None:
    s = load_script(path)  # validates the schema and every turn index
    assert s["id"] == path.stem
    assert {t["speaker"] for t in s["turns"]} == {sp["id"] for sp in s["speakers"]}, "every speaker speaks"
    day = dt.date.fromisoformat(s["date"])
    truth = s["truth"]
    spoken = " ".join(t["text"] for t in s["turns"])
    for a in truth.get("actions") or []:
        # an owner is a participant or someone the meeting names (an absent member asked to do it)
        assert a["owner"].split()[0] in spoken or a["owner"] in {sp["name"] for sp in s["speakers"]}
        assert a["due"] is None or dt.date.fromisoformat(a["due"]) >= day
    nm = truth.get("next_meeting")
    assert nm is None or dt.date.fromisoformat(nm[:10]) > day
    assert isinstance(s["time"], str) and len(s["time"]) == 5


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.stem)
def test_committed_outputs_match_script(path: Path) -> None:
    """samples/minutes-dev/<id>/ must be regenerated whenever its script changes."""
    out = DEV / path.stem
    s = load_script(path)
    truth = json.loads((out / "truth.json").read_text(encoding="utf-8"))
    assert [(g["speaker"], g["text"]) for g in truth["segments"]] == [
        (t["speaker"], " ".join(t["text"].split())) for t in s["turns"]
    ]
    for kind in KINDS:
        committed = [{k: v for k, v in x.items() if k not in ("start", "end", "speaker")} for x in truth["truth"][kind]]
        assert committed == list(s["truth"].get(kind) or []), kind
    assert truth["truth"]["next_meeting"] == s["truth"].get("next_meeting")
    segs = sorted(truth["segments"], key=lambda g: (g["start"], g["turn"]))
    rows = _rttm_rows(out / "truth.rttm")
    assert len(rows) == len(segs)
    for (a, b, who), g in zip(rows, segs, strict=True):
        assert who == g["speaker"] and abs(a - g["start"]) < 0.002 and abs(b - g["end"]) < 0.002
    assert (out / "truth.txt").read_text(encoding="utf-8").splitlines() == [g["text"] for g in truth["segments"]]
    assert (out / "meeting.ogg").stat().st_size < 1_000_000


def test_readme_describes_every_meeting() -> None:
    readme = (DEV / "README.md").read_text(encoding="utf-8")
    missing = [p.stem for p in SCRIPTS if f"| `{p.stem}` |" not in readme]
    assert missing == []


def test_a_meeting_that_decides_nothing_is_in_the_set() -> None:
    nothing = [p.stem for p in SCRIPTS if not load_script(p)["truth"]["decisions"]]
    assert len(nothing) >= 2
