"""The pipeline on the sample meetings: accuracy, speed and memory, and the tables that show them.

The parent only scores: WER/cpWER, DER/JER, minutes against truth.json, both end to end
and from the true transcript (extraction quality on its own), with plain faster-whisper
as the baseline in the same run. The long meeting and its slices check that memory does
not grow with length beyond one recognition window.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import time
from dataclasses import asdict
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table

from transcribe.bench import matching, metrics
from transcribe.bench.core import (
    LONG_DIR,
    SECTIONS,
    BenchArgs,
    Sample,
    generate,
    load_sample,
    run_measured,
    scratch,
    section,
    select_samples,
    truth_transcript,
)
from transcribe.diarize.base import Diarization
from transcribe.minutes import extract_minutes
from transcribe.minutes.model import Minutes
from transcribe.transcript import Transcript

SLICES_S = (5 * 60.0, 15 * 60.0)  # memory-vs-length: short runs; 15 min = transcribe.asr.WINDOW_S
RUN_STAGES = ("decode", "transcribe", "diarize", "minutes")
# RSS may grow with length by the transcript itself and a little bookkeeping, not more.
RSS_GROWTH_ALLOWED_MB = 50.0


# --------------------------------------------------------------------------- scoring one meeting


def _ref_text(truth: dict[str, Any]) -> str:
    return " ".join(s["text"] for s in sorted(truth["segments"], key=lambda s: (s["start"], s["turn"])))


def _ref_by_speaker(truth: dict[str, Any]) -> dict[str, str]:
    out: dict[str, list[str]] = {}
    for s in sorted(truth["segments"], key=lambda s: (s["start"], s["turn"])):
        out.setdefault(s["speaker"], []).append(s["text"])
    return {k: " ".join(v) for k, v in out.items()}


def _hyp_by_speaker(transcript: Any) -> dict[str, str]:
    out: dict[str, list[str]] = {}
    for seg in transcript.segments:
        out.setdefault(seg.speaker or "?", []).append(seg.text)
    return {k: " ".join(v) for k, v in out.items()}


def _minutes_from_truth(sample: Sample, args: BenchArgs) -> tuple[dict[str, Any] | None, float]:
    if args.minutes_backend == "none":
        return None, 0.0

    transcript = truth_transcript(sample.truth)
    day = sample.truth.get("date")
    t0 = time.perf_counter()
    minutes = extract_minutes(transcript, meeting_date=dt.date.fromisoformat(day) if day else None,
                              title=sample.truth.get("title"), place=sample.truth.get("place"),
                              backend=args.minutes_backend, model_dir=None)  # fmt: skip
    seconds = time.perf_counter() - t0
    names = {sp.label: sp.name for sp in transcript.speakers if sp.name}
    return matching.score_minutes(sample.truth["truth"], minutes, names), seconds


def _rtf(seconds: float | None, audio_s: float) -> float | None:
    return round(seconds / audio_s, 4) if seconds is not None and audio_s else None


def score_meeting(sample: Sample, args: BenchArgs) -> dict[str, Any]:
    """Run and score one meeting; raw counts are kept so totals can be micro-averaged."""
    run = run_measured("pipeline", sample.audio, args, sample)
    transcript = Transcript.from_json(run.read("transcript.json") or "{}")
    audio_s = float(run.info["duration"])
    we = metrics.word_errors(_ref_text(sample.truth), transcript.text)
    cp = metrics.cpwer_details(_ref_by_speaker(sample.truth), _hyp_by_speaker(transcript))
    row: dict[str, Any] = {
        "id": sample.id,
        "audio_s": round(audio_s, 2),
        "asr": {
            "wer": round(we.wer, 4),
            "cpwer": round(cp.wer, 4),
            **asdict(we),
            "cp_errors": cp.errors,
            "speaker_mapping": cp.mapping,
            "repaired_segments": run.info["repaired_segments"],
            "segments": len(transcript.segments),
        },  # fmt: skip
        "diarization": None,
        "minutes": {"end_to_end": None, "from_truth": None},
    }
    dia_json = run.read("diarization.json")
    if dia_json is not None and sample.rttm.exists():
        ds = metrics.diarization_scores(sample.rttm, Diarization.from_json(dia_json), duration=audio_s)
        row["diarization"] = {**{k: round(v, 4) if isinstance(v, float) else v for k, v in asdict(ds).items()},
                              "speaker_count_error": ds.speaker_count_error}  # fmt: skip
    minutes_json = run.read("minutes.json")
    if minutes_json is not None:
        names = {sp.label: sp.name for sp in transcript.speakers if sp.name}
        end_to_end = Minutes.from_json(minutes_json)
        row["minutes"]["end_to_end"] = matching.score_minutes(sample.truth["truth"], end_to_end, names)
    row["minutes"]["from_truth"], truth_minutes_s = _minutes_from_truth(sample, args)

    timings = run.info["timings"]
    load = run.info["asr_load_s"]
    row["timing"] = {
        "seconds": {k: round(v, 3) for k, v in timings.items()},
        "rtf": {k: _rtf(timings.get(k), audio_s) for k in (*RUN_STAGES, "total")},
        "rtf_asr_only": _rtf(timings.get("transcribe", 0.0) - load, audio_s),
        "asr_load_s": load,
        "cpu_s": run.info["cpu_s"],
        "cpu_rtf": _rtf(run.info["cpu_s"], audio_s),
        "minutes_from_truth_s": round(truth_minutes_s, 3),
        "subprocess_wall_s": round(run.wall_s, 2),
    }
    row["peak_rss_mb"] = run.info["peak_rss_mb"]
    row["transcript_bytes"] = run.info["transcript_bytes"]
    if args.baseline:
        row["baseline"] = _baseline(sample, args, row)
    return row


def _baseline(sample: Sample, args: BenchArgs, row: dict[str, Any]) -> dict[str, Any]:
    b = run_measured("baseline", sample.audio, args, sample)
    audio_s = row["audio_s"] or float(b.info["duration"])
    be = metrics.word_errors(_ref_text(sample.truth), b.info["text"])
    base = {
        "wer": round(be.wer, 4),
        **asdict(be),
        "rtf": _rtf(b.info["transcribe_s"], audio_s),
        "rtf_with_load": _rtf(b.info["transcribe_s"] + b.info["load_s"], audio_s),
        "load_s": round(b.info["load_s"], 3),
        "cpu_s": b.info["cpu_s"],
        "cpu_rtf": _rtf(b.info["cpu_s"], audio_s),
        "peak_rss_mb": b.info["peak_rss_mb"],
        "repetition_loops": b.info["loops"],
    }
    base["ratios"] = _ratios(row, base)
    return base


def _ratios(row: dict[str, Any], base: dict[str, Any]) -> dict[str, float | None]:
    """Pipeline / baseline: >1 means the pipeline costs more (or errs more)."""

    def div(a: float | None, b: float | None) -> float | None:
        return round(a / b, 3) if a is not None and b else None

    return {
        "rtf_total": div(row["timing"]["rtf"]["total"], base["rtf_with_load"]),
        "rtf_asr": div(row["timing"]["rtf_asr_only"], base["rtf"]),
        "cpu": div(row["timing"].get("cpu_rtf"), base.get("cpu_rtf")),
        "wer": div(row["asr"]["wer"], base["wer"]),
        "peak_rss": div(row["peak_rss_mb"], base["peak_rss_mb"]),
    }


# --------------------------------------------------------------------------- totals


def _pr(results: list[dict[str, Any]], key: str) -> dict[str, float | int | None]:
    """Micro-averaged precision/recall over meetings for one item kind."""
    if not results:
        return {"precision": None, "recall": None}
    tp = sum(r[key]["tp"] for r in results)
    npred = sum(r[key]["n_predicted"] for r in results)
    ntruth = sum(r[key]["n_truth"] for r in results)
    out: dict[str, float | int | None] = {"precision": round(tp / npred, 4) if npred else 1.0,
                                          "recall": round(tp / ntruth, 4) if ntruth else 1.0,
                                          "tp": tp, "n_predicted": npred, "n_truth": ntruth}  # fmt: skip
    if key == "actions":
        out["owner_accuracy"] = round(sum(r[key]["owner_correct"] for r in results) / tp, 4) if tp else None
        out["due_accuracy"] = round(sum(r[key]["due_correct"] for r in results) / tp, 4) if tp else None
    return out


def _minutes_total(rows: list[dict[str, Any]], which: str) -> dict[str, Any] | None:
    results = [r["minutes"][which] for r in rows if r["minutes"][which]]
    if not results:
        return None
    return {
        "decisions": _pr(results, "decisions"),
        "actions": _pr(results, "actions"),
        "next_meeting_exact": round(sum(r["next_meeting"]["exact"] for r in results) / len(results), 4),
        "false_decisions": sum(r["false_decisions"]["count"] for r in results),
        "false_decisions_not_decided": sum(r["false_decisions"]["not_decided"] for r in results),
    }


def _stage_sum(rows: list[dict[str, Any]], stage: str) -> float | None:
    """Seconds in `stage` over all meetings; None when no meeting ran it."""
    values = [r["timing"]["seconds"][stage] for r in rows if stage in r["timing"]["seconds"]]
    return sum(values) if values else None


def totals(rows: list[dict[str, Any]]) -> dict[str, Any]:
    audio = sum(r["audio_s"] for r in rows)
    we = sum((metrics.WordErrors(r["asr"]["substitutions"], r["asr"]["deletions"], r["asr"]["insertions"],
                            r["asr"]["ref_words"]) for r in rows), metrics.WordErrors(0, 0, 0, 0))  # fmt: skip
    ref_words = sum(r["asr"]["ref_words"] for r in rows)
    out: dict[str, Any] = {
        "meetings": len(rows),
        "audio_s": round(audio, 2),
        "wer": round(we.wer, 4),
        "cpwer": round(sum(r["asr"]["cp_errors"] for r in rows) / ref_words, 4) if ref_words else None,
        "repaired_segments": sum(r["asr"]["repaired_segments"] for r in rows),
        "diarization": None,
        "minutes": {"end_to_end": _minutes_total(rows, "end_to_end"), "from_truth": _minutes_total(rows, "from_truth")},
        "rtf": {k: _rtf(_stage_sum(rows, k), audio) for k in (*RUN_STAGES, "total")},
        "rtf_asr_only": _rtf(sum(r["timing"]["rtf_asr_only"] * r["audio_s"] for r in rows), audio),
        "asr_load_s_mean": round(sum(r["timing"]["asr_load_s"] for r in rows) / len(rows), 3) if rows else None,
        "cpu_rtf": _rtf(sum(r["timing"].get("cpu_s", 0.0) for r in rows), audio),
        "peak_rss_mb": max((r["peak_rss_mb"] for r in rows), default=None),
    }
    dia = [r["diarization"] for r in rows if r["diarization"]]
    if dia:
        scores = [metrics.DiarScores(**{k: v for k, v in d.items() if k != "speaker_count_error"}) for d in dia]
        out["diarization"] = {k: round(v, 4) for k, v in metrics.total_diarization(scores).items()}
    base = [r["baseline"] for r in rows if r.get("baseline")]
    if base and len(base) == len(rows):
        bwe = sum((metrics.WordErrors(b["substitutions"], b["deletions"], b["insertions"], b["ref_words"])
                   for b in base), metrics.WordErrors(0, 0, 0, 0))  # fmt: skip
        out["baseline"] = {
            "wer": round(bwe.wer, 4),
            "rtf": _rtf(sum(b["rtf"] * r["audio_s"] for b, r in zip(base, rows, strict=True)), audio),
            "rtf_with_load": _rtf(
                sum(b["rtf_with_load"] * r["audio_s"] for b, r in zip(base, rows, strict=True)), audio
            ),  # fmt: skip
            "cpu_rtf": _rtf(sum(b["cpu_s"] for b in base), audio),
            "peak_rss_mb": max(b["peak_rss_mb"] for b in base),
            "repetition_loops": sum(b["repetition_loops"] for b in base),
        }
        pipeline = {"timing": {"rtf": out["rtf"], "rtf_asr_only": out["rtf_asr_only"], "cpu_rtf": out["cpu_rtf"]},
                    "asr": {"wer": out["wer"]}, "peak_rss_mb": out["peak_rss_mb"]}  # fmt: skip
        out["baseline"]["ratios"] = _ratios(pipeline, out["baseline"])
    return out


# --------------------------------------------------------------------------- sections


@section("meetings")
def meetings_section(args: BenchArgs) -> dict[str, Any]:
    """Per-meeting and total accuracy, speed and memory of the pipeline (and the baseline)."""
    rows = [score_meeting(s, args) for s in select_samples(args)]
    return {"per_meeting": rows, "total": totals(rows)}


@section("memory_vs_length")
def memory_section(args: BenchArgs) -> dict[str, Any]:
    """Peak RSS of 5- and 15-minute slices vs the whole long meeting (needs --long).

    ASR decodes in windows of up to 15 minutes, so RSS may grow with length up to one
    window; beyond it, only the transcript should grow.
    """
    if not args.long:
        return {"skipped": "run with --long"}
    long = load_sample(LONG_DIR)
    if long is None:
        generate("--long")
        long = load_sample(LONG_DIR)
    assert long is not None
    full = run_measured("pipeline", long.audio, args, long)
    slices = []
    for seconds in SLICES_S:
        if seconds >= full.info["duration"]:
            continue
        wav = scratch() / f"long-slice-{seconds / 60:.0f}min.wav"
        if not wav.exists():
            subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-i", str(long.audio), "-t",
                            str(seconds), "-ac", "1", "-ar", "16000", str(wav)], check=True)  # fmt: skip
        run = run_measured("pipeline", wav, args, None)
        slices.append({"audio_s": round(run.info["duration"], 1), "peak_rss_mb": run.info["peak_rss_mb"],
                       "cpu_rtf": _rtf(run.info["cpu_s"], run.info["duration"]),
                       "rtf_total": _rtf(run.info["timings"]["total"], run.info["duration"])})  # fmt: skip
    transcript_mb = full.info["transcript_bytes"] / 1024**2
    largest = slices[-1] if slices else None
    growth = full.info["peak_rss_mb"] - largest["peak_rss_mb"] if largest else None
    return {
        "slices": slices,
        "full": {
            "audio_s": round(full.info["duration"], 1),
            "peak_rss_mb": full.info["peak_rss_mb"],
            "cpu_rtf": _rtf(full.info["cpu_s"], full.info["duration"]),
            "rtf_total": _rtf(full.info["timings"]["total"], full.info["duration"]),
        },  # fmt: skip
        "growth_from_largest_slice_mb": round(growth, 1) if growth is not None else None,
        "growth_from_smallest_slice_mb": round(full.info["peak_rss_mb"] - slices[0]["peak_rss_mb"], 1)
        if slices
        else None,
        "full_transcript_mb": round(transcript_mb, 2),
        "allowed_growth_mb": RSS_GROWTH_ALLOWED_MB,
        "claim_holds": growth is not None and growth <= RSS_GROWTH_ALLOWED_MB + transcript_mb,
    }


# --------------------------------------------------------------------------- tables


def _f(x: Any, digits: int = 2) -> str:
    if x is None:
        return "–"
    if isinstance(x, bool):
        return "ja" if x else "nej"
    if isinstance(x, float):
        return f"{x:.{digits}f}"
    return str(x)


def _pr_cell(m: dict[str, Any] | None, key: str) -> str:
    if not m:
        return "–"
    return f"{_f(m[key]['precision'])}/{_f(m[key]['recall'])}"


def print_tables(report: dict[str, Any], console: Console | None = None) -> None:
    """Two compact markdown tables: quality, then cost."""
    console = console or Console(width=max(Console().width, 200))  # markdown rows must not wrap
    meetings = report.get("meetings") or {}
    rows = [*meetings.get("per_meeting", []), {"id": "TOTAL", **meetings.get("total", {})}] if meetings else []
    q = Table("meeting", "min", "WER", "cpWER", "DER", "JER", "spk t/f", "dec P/R", "dec P/R (true tx)",
              "act P/R", "owner", "next", "false dec (ej beslut)", box=box.MARKDOWN, title="Quality")  # fmt: skip
    c = Table(
        "meeting",
        "RTF dec",
        "RTF asr",
        "RTF dia",
        "RTF min",
        "RTF tot",
        "CPU-RTF",
        "load s",
        "RSS MB",
        "repaired",
        "base RTF",
        "base CPU-RTF",
        "base WER",
        "base RSS",
        "×RTF",
        "×RTF asr",
        "×CPU",
        "×RSS",
        box=box.MARKDOWN,
        title="Cost",
    )
    for r in rows:
        total = r["id"] == "TOTAL"
        dia = r.get("diarization") or {}
        e2e = r["minutes"]["end_to_end"] if not total else r["minutes"]["end_to_end"]
        tru = r["minutes"]["from_truth"]
        wer = r["wer"] if total else r["asr"]["wer"]
        cp = r["cpwer"] if total else r["asr"]["cpwer"]
        spk = f"{dia.get('true_speakers', '–')}/{dia.get('found_speakers', '–')}" if not total else (
            f"exact {_f(dia.get('speaker_count_exact'))}" if dia else "–")  # fmt: skip
        if total:
            nxt = _f(e2e["next_meeting_exact"]) if e2e else "–"
            false = f"{e2e['false_decisions']} ({e2e['false_decisions_not_decided']})" if e2e else "–"
            owner = _f(e2e["actions"]["owner_accuracy"]) if e2e else "–"
        else:
            nxt = _f(e2e["next_meeting"]["exact"]) if e2e else "–"
            false = f"{e2e['false_decisions']['count']} ({e2e['false_decisions']['not_decided']})" if e2e else "–"
            owner = _f(e2e["actions"]["owner_accuracy"]) if e2e else "–"
        q.add_row(r["id"], _f(r["audio_s"] / 60, 1), _f(wer, 3), _f(cp, 3), _f(dia.get("der"), 3),
                  _f(dia.get("jer"), 3), spk, _pr_cell(e2e, "decisions"), _pr_cell(tru, "decisions"),
                  _pr_cell(e2e, "actions"), owner, nxt, false)  # fmt: skip
        rtf = r["rtf"] if total else r["timing"]["rtf"]
        base = r.get("baseline") or {}
        ratios = base.get("ratios") or {}
        load = r.get("asr_load_s_mean") if total else r["timing"]["asr_load_s"]
        cpu = r.get("cpu_rtf") if total else r["timing"].get("cpu_rtf")
        c.add_row(r["id"], _f(rtf.get("decode"), 3), _f(rtf.get("transcribe"), 3), _f(rtf.get("diarize"), 3),
                  _f(rtf.get("minutes"), 3), _f(rtf.get("total"), 3), _f(cpu, 3), _f(load), _f(r["peak_rss_mb"], 0),
                  _f(r.get("repaired_segments") if total else r["asr"]["repaired_segments"]),
                  _f(base.get("rtf"), 3), _f(base.get("cpu_rtf"), 3), _f(base.get("wer"), 3),
                  _f(base.get("peak_rss_mb"), 0), _f(ratios.get("rtf_total")), _f(ratios.get("rtf_asr")),
                  _f(ratios.get("cpu")), _f(ratios.get("peak_rss")))  # fmt: skip
    if rows:
        console.print(q)
        console.print(c)
    mem = report.get("memory_vs_length") or {}
    if "full" in mem:
        steps = [*mem["slices"], mem["full"]]
        shown = ", ".join(f"{x['audio_s'] / 60:.0f} min -> {x['peak_rss_mb']:.0f} MB" for x in steps)
        growth = mem["growth_from_largest_slice_mb"]
        console.print(f"Memory vs length: {shown} (beyond the largest slice {_f(growth, 0)} MB; "
                      f"claim {'holds' if mem['claim_holds'] else 'FAILS'})")  # fmt: skip
    for name in report:
        if name in SECTIONS and name not in ("meetings", "memory_vs_length"):
            console.print(f"{name}: {json.dumps(report[name], ensure_ascii=False)[:400]}")
