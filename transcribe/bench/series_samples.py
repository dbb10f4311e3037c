"""Sample meetings with ground truth as meeting directories, for tests and the benchmark.

`samples/<id>/truth.json` is used when it has been generated; otherwise the script
`samples/scripts/<id>.yaml` is read and given plausible timings, so the series
features can be checked without synthesising any audio.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from transcribe.config import SAMPLES_DIR
from transcribe.fsutil import atomic_write_text
from transcribe.series.meeting import generate_minutes
from transcribe.transcript import Segment, SpeakerInfo, Transcript

NATVERK = ("natverk-1", "natverk-2", "natverk-3")
WORDS_PER_SECOND = 2.6


def load_truth(sample_id: str, samples_dir: Path = SAMPLES_DIR) -> dict[str, Any]:
    path = samples_dir / sample_id / "truth.json"
    if path.is_file():
        return json.loads(path.read_text(encoding="utf-8"))
    return truth_from_script(samples_dir / "scripts" / f"{sample_id}.yaml")


def truth_from_script(path: Path) -> dict[str, Any]:
    """truth.json's shape from a script, with turn times estimated from word counts."""
    script = yaml.safe_load(path.read_text(encoding="utf-8"))
    speakers = {s["id"]: s for s in script["speakers"]}
    t = 0.6
    segments = []
    for i, turn in enumerate(script["turns"]):
        dur = max(0.8, len(str(turn["text"]).split()) / WORDS_PER_SECOND)
        start = max(0.0, t - float(turn.get("overlap") or 0.0))
        segments.append(
            {
                "turn": i,
                "speaker": turn["speaker"],
                "name": speakers[turn["speaker"]]["name"],
                "start": round(start, 3),
                "end": round(start + dur, 3),
                "text": str(turn["text"]),
            }
        )
        t = start + dur + float(turn.get("pause_after") or 0.5)
    return {**{k: script.get(k) for k in ("id", "title", "date", "time", "place", "series")},
            "duration": round(t, 3),
            "speakers": [{"id": s["id"], "name": s["name"], "role": s.get("role"),
                          "organisation": s.get("organisation")} for s in script["speakers"]],
            "segments": segments, "truth": script.get("truth") or {}}  # fmt: skip


def transcript_from_truth(truth: dict[str, Any]) -> Transcript:
    """The true transcript: one segment per scripted turn, speakers named with their roles."""
    segs = [
        Segment(id=i, start=float(s["start"]), end=float(s["end"]), text=s["text"], speaker=s["speaker"],
                overlap=bool(s.get("overlap")))
        for i, s in enumerate(truth["segments"])
    ]  # fmt: skip
    speakers = [SpeakerInfo(label=s["id"], name=s["name"], role=s.get("role"), name_source="user")
                for s in truth["speakers"]]  # fmt: skip
    meta = {k: str(truth[k]) for k in ("title", "date", "time", "place") if truth.get(k)}
    return Transcript(source=f"{truth.get('id', '')}:truth", duration=float(truth.get("duration") or 0.0),
                      model="truth", segments=segs, speakers=speakers, metadata=meta)  # fmt: skip


def write_meeting_dir(truth: dict[str, Any], out_dir: Path, with_minutes: bool = True) -> Path:
    """transcript.json (+ minutes.json from the rules extractor) as `transcribe run --out` would leave them."""
    out_dir.mkdir(parents=True, exist_ok=True)
    transcript = transcript_from_truth(truth)
    atomic_write_text(out_dir / "transcript.json", transcript.to_json())
    if with_minutes:
        atomic_write_text(out_dir / "minutes.json", generate_minutes(transcript).to_json())
    return out_dir


def true_question_groups(truths: list[dict[str, Any]]) -> dict[str, list[tuple[int, int]]]:
    """Known answer groups over the series: group -> [(meeting number, turn index)]."""
    groups: dict[str, list[tuple[int, int]]] = {}
    for m_no, truth in enumerate(truths, start=1):
        for q in (truth.get("truth") or {}).get("questions") or []:
            for a in q.get("answers") or []:
                groups.setdefault(a["group"], []).extend((m_no, t) for t in a.get("turns") or [])
    return groups
