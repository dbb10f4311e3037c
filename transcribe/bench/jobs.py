"""Job-queue figures for the benchmark: throughput with 1 and 2 workers, a worker's peak RSS on a long meeting.

Every measurement runs real `transcribe worker --burst` processes against a
fresh data directory (so no stage is reused) and reads the outcome from the
jobs table, i.e. exactly the path the web app's uploads take.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psutil

from transcribe.audio import probe
from transcribe.config import REPO_DIR, SAMPLES_DIR
from transcribe.jobs import list_jobs, meeting_dir, status, submit
from transcribe.pipeline import PipelineOptions

LONG_SAMPLE = SAMPLES_DIR / "cache" / "long" / "meeting.wav"
ESPEAK_LINES = [
    "Hej och välkomna till mötet. Vi beslutar att starta en arbetsgrupp för skolmaten.",
    "Budgeten för nästa år godkänns. Anna ansvarar för att kontakta hyresvärden.",
    "Nästa möte blir den fjortonde december klockan halv tre i biblioteket.",
    "Vi diskuterar trafiken vid skolan. Beslutet skjuts upp till nästa möte.",
]
_RSS_WRAPPER = (
    "import resource, subprocess, sys; rc = subprocess.call(sys.argv[1:]); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(rc)"
)


def _opt(args: Any, name: str, default: Any) -> Any:
    return getattr(args, name, default) if args is not None else default


@contextlib.contextmanager
def _data_dir(directory: Path) -> Iterator[None]:
    """Point this process (and the workers it starts) at a scratch database and meetings directory."""
    saved = {k: os.environ.get(k) for k in ("TRANSCRIBE_DATA_DIR", "TRANSCRIBE_QUEUE", "TRANSCRIBE_DATABASE_URL")}
    os.environ["TRANSCRIBE_DATA_DIR"] = str(directory)
    os.environ["TRANSCRIBE_QUEUE"] = "db"
    os.environ.pop("TRANSCRIBE_DATABASE_URL", None)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _short_meetings(args: Any, scratch: Path) -> tuple[list[Path], str]:
    count = 2 if _opt(args, "quick", False) else 4
    chosen = _opt(args, "samples", None)
    found = sorted(
        (p for p in SAMPLES_DIR.glob("*/meeting.ogg") if not chosen or p.parent.name in chosen),
        key=lambda p: p.stat().st_size,
    )
    if len(found) >= 2:
        return found[:count], "samples"
    clips = []
    for i, line in enumerate(ESPEAK_LINES[:count]):
        raw, clip = scratch / f"raw{i}.wav", scratch / f"clip{i}.wav"
        subprocess.run(["espeak-ng", "-v", "sv", "-w", str(raw), line], check=True, capture_output=True)
        subprocess.run(["sox", str(raw), "-r", "16000", "-c", "1", str(clip)], check=True, capture_output=True)
        clips.append(clip)
    return clips, "espeak"


def _audio_seconds(path: Path) -> float:
    return probe(path).duration


def _options(args: Any) -> PipelineOptions:
    return PipelineOptions(
        model=_opt(args, "model", "base"),
        diarizer=_opt(args, "diarizer", "embedded"),
        minutes_backend=_opt(args, "minutes_backend", "rules"),
    )


def _submit_all(sources: list[Path], options) -> list[int]:
    ids = []
    for i, src in enumerate(sources):
        mid = f"bench-{i}"
        target = meeting_dir(mid) / src.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(src.read_bytes())
        ids.append(submit(target, mid, options, owner="bench"))
    return ids


def _worker_cmd() -> list[str]:
    return [sys.executable, "-m", "transcribe.cli", "worker", "--burst"]


def measure_throughput(sources: list[Path], workers: int, options, scratch: Path) -> dict[str, Any]:
    """Run every source through `workers` worker processes sharing the cores; wall clock to the last one."""
    cores = os.cpu_count() or 1
    threads = max(1, cores // workers)
    with _data_dir(scratch / f"w{workers}"):
        _submit_all(sources, options)
        env = {**os.environ, "TRANSCRIBE_THREADS": str(threads)}
        t0 = time.perf_counter()
        procs = [subprocess.Popen(_worker_cmd(), env=env, cwd=REPO_DIR, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL) for _ in range(workers)]  # fmt: skip
        for proc in procs:
            proc.wait()
        wall = time.perf_counter() - t0
        states = [s.state for s in list_jobs()]
    audio_s = sum(_audio_seconds(p) for p in sources)
    done = states.count("done")
    return {
        "workers": workers,
        "threads_per_worker": threads,
        "meetings": len(sources),
        "done": done,
        "wall_s": round(wall, 1),
        "audio_s": round(audio_s, 1),
        "meetings_per_hour": round(done * 3600 / wall, 2),
        "meetings_per_hour_per_core": round(done * 3600 / wall / cores, 2),
        "audio_hours_per_hour": round(audio_s / wall, 2),
    }


def measure_long(source: Path, options, scratch: Path) -> dict[str, Any]:
    """One worker on the long meeting: peak RSS of its largest process, and how the ETA held up."""
    with _data_dir(scratch / "long"):
        (job,) = _submit_all([source], options)
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", _RSS_WRAPPER, *_worker_cmd()], cwd=REPO_DIR,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)  # fmt: skip
        trace: list[dict[str, Any]] = []
        worker_rss = 0.0
        while proc.poll() is None:
            time.sleep(2.0)
            try:
                wrapper = psutil.Process(proc.pid)
                for child in wrapper.children():  # the worker itself, not its runner
                    worker_rss = max(worker_rss, child.memory_info().rss / 2**20)
            except psutil.Error:
                pass
            st = status(job)
            if st.state == "running" and (not trace or time.perf_counter() - t0 - trace[-1]["t"] >= 30):
                trace.append({"t": round(time.perf_counter() - t0, 1), "stage": st.stage,
                              "percent": st.percent, "eta_s": st.eta_s})  # fmt: skip
        out, _ = proc.communicate()
        wall = time.perf_counter() - t0
        final = status(job)
    for point in trace:  # how far off each ETA was
        if point["eta_s"] is not None:
            point["actual_remaining_s"] = round(wall - point["t"], 1)
    audio_s = _audio_seconds(source)
    return {
        "audio_s": round(audio_s, 1),
        "state": str(final.state),
        "error": final.error,
        "wall_s": round(wall, 1),
        "rtf": round(wall / audio_s, 3) if audio_s else None,
        "peak_rss_mb": round(int(out.strip().splitlines()[-1]) / 1024, 1) if out.strip() else None,
        "worker_supervisor_rss_mb": round(worker_rss, 1),
        "progress_trace": trace,
    }


def bench_jobs(args: Any = None) -> dict[str, Any]:
    """Throughput with 1 and 2 workers on a few short meetings; peak RSS on the long sample if generated."""
    options = _options(args)
    result: dict[str, Any] = {
        "cpu_count": os.cpu_count(),
        "load_avg_at_start": [round(x, 2) for x in os.getloadavg()],  # other work on a shared machine
        "options": {"model": options.model, "diarizer": options.diarizer, "minutes_backend": options.minutes_backend},
    }
    with tempfile.TemporaryDirectory(prefix="protokoll-jobs-bench-") as tmp:
        scratch = Path(tmp)
        sources, kind = _short_meetings(args, scratch)
        result["throughput_inputs"] = {"kind": kind, "files": [str(p) for p in sources]}
        result["throughput"] = [measure_throughput(sources, n, options, scratch) for n in (1, 2)]
        if LONG_SAMPLE.exists():
            result["long"] = measure_long(LONG_SAMPLE, options, scratch)
        else:
            result["long"] = {"skipped": f"{LONG_SAMPLE} absent: run `python -m samples.generate --long`"}
    result["load_avg_at_end"] = [round(x, 2) for x in os.getloadavg()]
    return result


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="job-queue throughput and worker memory")
    parser.add_argument("--quick", action="store_true", help="two short meetings instead of four")
    parser.add_argument("--diarizer", default="embedded")
    parser.add_argument("--minutes-backend", default="rules")
    print(json.dumps(bench_jobs(parser.parse_args()), indent=2, default=str))
