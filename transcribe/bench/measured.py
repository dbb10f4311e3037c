"""A measured run, in a subprocess of its own: the pipeline or plain faster-whisper on one recording.

`python -c 'from transcribe.bench.measured import worker_main; worker_main()' spec.json`
writes run.json beside the outputs. This module loads as little as it can: whatever it
imports is part of the peak RSS the run reports.
"""

from __future__ import annotations

import datetime as dt
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

from transcribe.asr import decode_kwargs, find_repetition, load_model, plain_options
from transcribe.fsutil import atomic_write_text


def _child_peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # ffmpeg
    return max(own, kids) / 1024.0


def _cpu_s() -> float:
    """CPU seconds of this process and its children: unlike wall time, barely moved by other users' load."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def worker_main() -> None:
    """Entry point of a measured subprocess: `python -c '...worker_main()' spec.json`."""
    spec = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    out = Path(spec["out"])
    if spec["kind"] == "pipeline":
        result = _run_pipeline(spec, out)
    else:
        result = _run_baseline(spec)
    result["peak_rss_mb"] = round(_child_peak_rss_mb(), 1)
    result["cpu_s"] = round(_cpu_s(), 2)
    atomic_write_text(out / "run.json", json.dumps(result))


def _run_pipeline(spec: dict[str, Any], out: Path) -> dict[str, Any]:
    # Loaded only here: a baseline run must not carry the pipeline's libraries in its measured peak RSS.
    from transcribe.pipeline import PipelineOptions, run_pipeline

    opts = dict(spec["options"])
    if opts.get("meeting_date"):
        opts["meeting_date"] = dt.date.fromisoformat(opts["meeting_date"])
    res = run_pipeline(Path(spec["audio"]), out / "work", PipelineOptions(**opts))
    atomic_write_text(out / "transcript.json", res.transcript.to_json())
    if res.minutes is not None:
        atomic_write_text(out / "minutes.json", res.minutes.to_json())
    if res.diarization is not None:
        atomic_write_text(out / "diarization.json", res.diarization.to_json())
    meta = res.transcript.metadata
    return {
        "duration": res.duration,
        "timings": res.timings,
        "reused": res.reused,
        "asr_load_s": float(meta.get("asr_load_s", 0.0)),
        "repaired_segments": int(meta.get("asr_repaired_segments", 0)),
        "transcript_bytes": (out / "transcript.json").stat().st_size,
    }


def _run_baseline(spec: dict[str, Any]) -> dict[str, Any]:
    """Plain faster-whisper on the same model, as the decoding bench has it (`asr.plain_options`: its defaults,
    language given, the model at its own precision); it reads the file itself; no VAD/diarisation/minutes."""
    options = plain_options(spec.get("language", "sv"))
    t0 = time.perf_counter()
    model = load_model(spec["model"], options.compute_type, device="cpu")  # offline, local files only
    load_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    segments, info = model.transcribe(spec["audio"], **decode_kwargs(options))
    texts = [s.text.strip() for s in segments]  # the generator does the work
    return {
        "duration": info.duration,
        "load_s": load_s,
        "transcribe_s": time.perf_counter() - t1,
        "text": " ".join(t for t in texts if t),
        "loops": sum(find_repetition(t.split()) is not None for t in texts),
    }
