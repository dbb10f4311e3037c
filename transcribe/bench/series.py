"""Benchmark of the series features: `bench_series(args) -> dict` (python -m transcribe.bench.series).

On the natverk series (three meetings, one recurring question with known answer
groups) it measures how many true answer groups `ask` finds, how far its counts
are from the truth, whether its passages are the true answering turns, and the
time per meeting of `ask` and of the period report. It runs on the true
transcripts always, and on transcribed audio when the samples' audio and the
pipeline are usable (not with --quick unless natverk samples are asked for).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import tempfile
import time
from pathlib import Path
from typing import Any

from transcribe.bench import core as main_bench
from transcribe.bench.series_samples import NATVERK, SAMPLES_DIR, load_truth, true_question_groups, write_meeting_dir
from transcribe.models import resolve
from transcribe.series.answers import organisation_or_stem
from transcribe.series.ask import AskResult, ask
from transcribe.series.meeting import MeetingRecord, load_meeting, sort_meetings
from transcribe.series.model import Series
from transcribe.series.render import write_report
from transcribe.series.report import build_report

QUESTION = "Vem kan leda arbetet?"


def canonical(label: str) -> str:
    """Group labels compare by organisation form or stem: "Kommunen" == "kommun"."""
    return organisation_or_stem(label)


def score_ask(result: AskResult, truths: list[dict[str, Any]]) -> dict[str, Any]:
    """Groups found, count error, and passage precision/recall against truth.questions."""
    true_groups = true_question_groups(truths)
    found = {canonical(g.label): g for g in result.groups}
    per_group = {}
    for label, turns in true_groups.items():
        g = found.get(canonical(label))
        per_group[label] = {"true": len(turns), "found": g.count if g else 0}
    n = len(per_group) or 1
    spans = {(m_no, s["turn"]): (float(s["start"]), float(s["end"]))
             for m_no, t in enumerate(truths, start=1) for s in t["segments"]}  # fmt: skip
    answer_turn = {(m, t): label for label, turns in true_groups.items() for m, t in turns}
    hits, right_group, matched = 0, 0, set()
    for g in result.groups:
        for p in g.passages:
            best = _best_turn(p.meeting, p.start, p.end, spans)
            if best in answer_turn:
                hits += 1
                matched.add(best)
                right_group += canonical(answer_turn[best]) == canonical(g.label)
    n_found = sum(g.count for g in result.groups)
    return {
        "groups_true": len(per_group),
        "groups_found_share": round(sum(1 for v in per_group.values() if v["found"]) / n, 3),
        "count_mae": round(sum(abs(v["found"] - v["true"]) for v in per_group.values()) / n, 3),
        "per_group": per_group,
        "passage_precision": round(hits / n_found, 3) if n_found else None,
        "passage_recall": round(len(matched) / len(answer_turn), 3) if answer_turn else None,
        "passage_group_accuracy": round(right_group / hits, 3) if hits else None,
        "shares_sum_percent": sum(g.share_percent for g in result.groups),
    }


def _best_turn(meeting: int, start: float, end: float, spans: dict[tuple[int, int], tuple[float, float]]
               ) -> tuple[int, int] | None:  # fmt: skip
    best, overlap = None, 0.0
    for (m, turn), (s, e) in spans.items():
        if m != meeting:
            continue
        ov = min(end, e) - max(start, s)
        if ov > overlap:
            best, overlap = (m, turn), ov
    return best


def evaluate_series(dirs: list[Path], truths: list[dict[str, Any]], workdir: Path) -> dict[str, Any]:
    """Time and score `ask` and the report on meeting directories that already hold transcript+minutes."""
    n = len(dirs)
    t0 = time.perf_counter()
    records = sort_meetings([load_meeting(d, with_minutes=False) for d in dirs])
    result = ask(QUESTION, records, scope="natverk")
    ask_s = time.perf_counter() - t0
    per_meeting = []
    for d, truth in zip(dirs, truths, strict=True):
        one = ask(QUESTION, [load_meeting(d, with_minutes=False)])
        per_meeting.append({"id": truth.get("id"), **score_ask(one, [truth])})
    t0 = time.perf_counter()
    full: list[MeetingRecord] = sort_meetings([load_meeting(d) for d in dirs])
    series = Series(name="natverk-bench", created=dt.datetime.now(dt.UTC))
    report = build_report(series, full)
    write_report(report, workdir / "report", ["md", "docx", "json"], overwrite=True)
    report_s = time.perf_counter() - t0
    return {
        "ask": score_ask(result, truths),
        "ask_per_meeting": per_meeting,
        "count_mae_per_meeting": round(sum(m["count_mae"] for m in per_meeting) / max(1, n), 3),
        "ask_s_per_meeting": round(ask_s / n, 3),
        "report_s_per_meeting": round(report_s / n, 3),
        "report": {
            "meetings": len(report.meetings),
            "decisions_logged": sum(1 for d in report.decision_log if d.kind == "beslut"),
            "open_questions": sum(1 for d in report.decision_log if d.status == "öppet"),
            "open_actions": len(report.open_actions),
            "recurring_themes": sum(1 for t in report.themes if len(t.meetings) >= 2),
        },
    }


def _audio_wanted(args: Any) -> bool:
    samples = getattr(args, "samples", None)
    if samples:
        return any(s in NATVERK for s in samples)
    return not getattr(args, "quick", False)


def _audio_dirs(args: Any, truths: list[dict[str, Any]]) -> tuple[list[Path] | None, str]:
    """Transcribe the natverk audio (reusing the main benchmark's runs when it has them)."""
    audios = [next(iter(sorted((SAMPLES_DIR / t["id"]).glob("meeting.*"))), None) for t in truths]
    if any(a is None for a in audios):
        return None, "audio not generated (python -m samples.generate natverk-1 natverk-2 natverk-3)"
    try:
        resolve(getattr(args, "model", "base"), kind="whisper")
        dirs = []
        for audio, truth in zip(audios, truths, strict=True):
            sample = main_bench.Sample(truth["id"], audio, audio.parent / "truth.rttm", truth)
            dirs.append(main_bench.run_measured("pipeline", audio, args, sample).out)
        return dirs, ""
    except Exception as exc:  # the optional half must never sink the benchmark
        return None, f"pipeline unusable: {exc.__class__.__name__}: {exc}"


def bench_series(args: Any) -> dict[str, Any]:
    """{"true_transcripts": {...}, "transcribed_audio": {...} | None, "question": ..., "notes": [...]}"""
    truths = [load_truth(i) for i in NATVERK]
    out: dict[str, Any] = {"question": QUESTION, "meetings": list(NATVERK), "notes": []}
    with tempfile.TemporaryDirectory(prefix="series-bench-") as tmp:
        work = Path(tmp)
        t0 = time.perf_counter()
        dirs = [write_meeting_dir(t, work / t["id"]) for t in truths]
        minutes_s = (time.perf_counter() - t0) / len(dirs)
        out["true_transcripts"] = {**evaluate_series(dirs, truths, work / "true"),
                                   "minutes_s_per_meeting": round(minutes_s, 3)}  # fmt: skip
        out["transcribed_audio"] = None
        if _audio_wanted(args):
            audio_dirs, why = _audio_dirs(args, truths)
            if audio_dirs:
                out["transcribed_audio"] = evaluate_series(audio_dirs, truths, work / "audio")
            else:
                out["notes"].append(f"transcribed audio skipped: {why}")
        else:
            out["notes"].append("transcribed audio skipped (--quick)")
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="series features: answer groups of `ask` and the period report")
    parser.add_argument("--quick", action="store_true", help="true transcripts only, no audio")
    parser.add_argument("--model", default="base")
    cli = parser.parse_args()
    print(json.dumps(bench_series(main_bench.BenchArgs(quick=cli.quick, model=cli.model)), indent=2, default=str))
