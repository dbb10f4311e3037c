"""The benchmark: accuracy and cost of the whole pipeline on the sample meetings.

    python -m transcribe.bench [--quick] [--samples id,id] [--long] [--out bench/results] [--no-baseline]
    transcribe bench ...

Each pipeline run (and each baseline run) happens in a fresh subprocess, so the
peak RSS it reports belongs to that run alone, and in a fresh work directory, so
no stage is reused. This module owns the options, the sample meetings, the measured
runs and the report, written atomically to bench/results/<date>-<sha>.json; what is
scored lives in the section modules (`meetings` scores the pipeline itself).

Every part of the benchmark adds its figures by registering a function in
`SECTIONS` (see `section`); each one's dict becomes a top-level key of the JSON.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml
from rich.console import Console

from transcribe.config import REPO_DIR, SAMPLES_DIR, cpu_threads
from transcribe.errors import BadOption, UserError
from transcribe.fsutil import atomic_write_text
from transcribe.transcript import Segment, SpeakerInfo, Transcript

SCHEMA = 1
LONG_DIR = SAMPLES_DIR / "cache" / "long"
WAV_DIR = SAMPLES_DIR / "cache" / "wav"

err = Console(stderr=True)


# --------------------------------------------------------------------------- options and registry


@dataclass
class BenchArgs:
    quick: bool = False
    samples: list[str] | None = None
    long: bool = False
    out: Path = field(default_factory=lambda: REPO_DIR / "bench" / "results")
    baseline: bool = True
    model: str = "base"
    diarizer: str = "embedded"
    minutes_backend: str = "rules"
    audio: str = "ogg"  # "wav": lossless copies in samples/cache/wav (the committed .ogg is ~17 kbit/s)


Section = Callable[[BenchArgs], dict[str, Any]]
SECTIONS: dict[str, Section] = {}


def section(name: str) -> Callable[[Section], Section]:
    """Register a report section: `fn(args) -> dict`, stored under `name` in the JSON."""

    def deco(fn: Section) -> Section:
        SECTIONS[name] = fn
        return fn

    return deco


# --------------------------------------------------------------------------- samples


@dataclass
class Sample:
    id: str
    audio: Path
    rttm: Path
    truth: dict[str, Any]

    @property
    def duration(self) -> float:
        return float(self.truth.get("duration") or 0.0)


def load_sample(directory: Path) -> Sample | None:
    truth_path = directory / "truth.json"
    audio = next(iter(sorted(directory.glob("meeting.*"))), None)
    if not truth_path.exists() or audio is None:
        return None
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    return Sample(truth.get("id") or directory.name, audio, directory / "truth.rttm", truth)


def _script_ids() -> list[str]:
    return sorted(p.stem for p in (SAMPLES_DIR / "scripts").glob("*.yaml"))


def generate(*argv: str) -> None:
    """Make missing samples with the project's generator (espeak-ng + sox)."""
    err.print(f"[dim]generating samples: {' '.join(argv)}[/]")
    subprocess.run([sys.executable, "-m", "samples.generate", *argv], cwd=REPO_DIR, check=True)


def _script_words(sid: str) -> int:
    script = yaml.safe_load((SAMPLES_DIR / "scripts" / f"{sid}.yaml").read_text(encoding="utf-8"))
    return sum(len(t["text"].split()) for t in script["turns"])


def check_samples(ids: list[str]) -> None:
    """Refuse a --samples id that is no sample meeting ("long" is the long one) before anything runs."""
    unknown = [i for i in ids if i != "long" and i not in _script_ids()]
    if unknown:
        raise BadOption(f"okänt provmöte {', '.join(unknown)} för --samples; välj bland {', '.join(_script_ids())}")


def select_samples(args: BenchArgs) -> list[Sample]:
    """The meetings to run: --samples (the id "long" is the long meeting), else one short one
    (--quick), else every script; --long adds the long meeting."""
    want_long = args.long or "long" in (args.samples or [])
    if args.samples:
        ids = [i for i in args.samples if i != "long"]
    elif args.quick:
        have = [s for s in (load_sample(SAMPLES_DIR / i) for i in _script_ids()) if s]
        ids = [min(have, key=lambda s: s.duration).id] if have else [min(_script_ids(), key=_script_words)]
    else:
        ids = _script_ids()
    check_samples(ids)
    root = WAV_DIR if args.audio == "wav" else SAMPLES_DIR
    missing = [i for i in ids if load_sample(root / i) is None]
    if missing:
        generate(*missing, *(["--format", "wav", "--out", str(WAV_DIR)] if args.audio == "wav" else []))
    samples = [load_sample(root / i) for i in ids]
    if want_long:
        if load_sample(LONG_DIR) is None:
            generate("--long")
        samples.append(load_sample(LONG_DIR))
    return [s for s in samples if s is not None]


# --------------------------------------------------------------------------- runs in subprocesses


@dataclass
class Run:
    """What a measured subprocess left behind."""

    kind: str
    out: Path
    info: dict[str, Any]
    wall_s: float

    def read(self, name: str) -> str | None:
        path = self.out / name
        return path.read_text(encoding="utf-8") if path.exists() else None


_RUNS: dict[tuple[str, str], Run] = {}  # one bench invocation never runs the same thing twice
_TMP: list[Path] = []


def scratch() -> Path:
    if not _TMP:
        _TMP.append(Path(tempfile.mkdtemp(prefix="protokoll-bench-")))
    return _TMP[0]


def run_measured(kind: str, audio: Path, args: BenchArgs, sample: Sample | None = None) -> Run:
    """Run the pipeline or the baseline on `audio` in a fresh subprocess and work directory."""
    key = (kind, str(audio))
    if key in _RUNS:
        return _RUNS[key]
    out = Path(tempfile.mkdtemp(prefix=f"{kind}-", dir=scratch()))
    truth = sample.truth if sample else {}
    spec = {
        "kind": kind,
        "audio": str(audio),
        "out": str(out),
        "model": args.model,
        "language": "sv",
        "options": {
            "model": args.model,
            "diarizer": args.diarizer,
            "minutes_backend": args.minutes_backend,
            "title": truth.get("title"),
            "meeting_date": truth.get("date"),
            "place": truth.get("place"),
        },
    }
    (out / "spec.json").write_text(json.dumps(spec), encoding="utf-8")
    label = sample.id if sample else audio.name
    err.print(f"[dim]{label}: {kind} …[/]")
    t0 = time.perf_counter()
    code = "from transcribe.bench.measured import worker_main; worker_main()"
    proc = subprocess.run([sys.executable, "-c", code, str(out / "spec.json")], cwd=REPO_DIR)
    wall = time.perf_counter() - t0
    if proc.returncode != 0 or not (out / "run.json").exists():
        raise UserError(f"mätkörningen {kind} av {audio} misslyckades (slutkod {proc.returncode}); se utskriften ovan")
    run = Run(kind, out, json.loads((out / "run.json").read_text(encoding="utf-8")), wall)
    err.print(f"[dim]{label}: {kind} done in {wall:.0f} s, peak RSS {run.info['peak_rss_mb']:.0f} MB[/]")
    _RUNS[key] = run
    return run


# --------------------------------------------------------------------------- the truth as a transcript


def participants(truth: dict[str, Any]) -> list[str]:
    """The names of the meeting's speakers who have one: the vocabulary a user would type for the meeting."""
    return [sp["name"] for sp in truth.get("speakers") or [] if sp.get("name")]


def truth_transcript(truth: dict[str, Any]) -> Any:
    """The true transcript as a `Transcript`: one segment per turn, speakers named."""
    segs = sorted(truth["segments"], key=lambda s: (s["start"], s["turn"]))
    return Transcript(
        source=str(truth.get("audio", "")),
        duration=float(truth.get("duration") or 0.0),
        model="truth",
        segments=[
            Segment(
                id=i,
                start=s["start"],
                end=s["end"],
                text=s["text"],
                speaker=s["speaker"],
                overlap=bool(s.get("overlap")),
            )
            for i, s in enumerate(segs)
        ],  # fmt: skip
        speakers=[SpeakerInfo(label=sp["id"], name=sp["name"], role=sp.get("role")) for sp in truth["speakers"]],
        metadata={k: str(truth[k]) for k in ("title", "date", "time", "place") if truth.get(k)},
    )


# --------------------------------------------------------------------------- report


def _git() -> dict[str, Any]:
    def git(*cmd: str) -> str:
        try:
            # no index refresh (and no index.lock): a benchmark writes nothing into the repository
            done = subprocess.run(
                ["git", "--no-optional-locks", *cmd], cwd=REPO_DIR, capture_output=True, text=True, check=True
            )
        except (OSError, subprocess.CalledProcessError):
            return ""
        return done.stdout.strip()

    return {"sha": git("rev-parse", "--short", "HEAD") or "nogit", "dirty": bool(git("status", "--porcelain"))}


def _result_path(out: Path, stem: str) -> Path:
    """<date>-<sha>.json; a second run of the same commit on the same day gets -2, -3, ... (never overwrites)."""
    path, n = out / f"{stem}.json", 2
    while path.exists():
        path, n = out / f"{stem}-{n}.json", n + 1
    return path


def run_bench(args: BenchArgs, sections: dict[str, Section] | None = None) -> tuple[dict[str, Any], Path]:
    """Run every registered section and write the JSON report; returns (report, path)."""
    sections = SECTIONS if sections is None else sections
    git = _git()
    today = dt.date.today().isoformat()
    report: dict[str, Any] = {
        "schema": SCHEMA,
        "date": today,
        "started": dt.datetime.now().isoformat(timespec="seconds"),
        "git": git,
        "host": {
            "cpus": os.cpu_count(),
            "threads": cpu_threads(),
            "python": platform.python_version(),
            "loadavg_start": [round(x, 2) for x in os.getloadavg()],
        },  # fmt: skip
        "options": {k: str(v) if isinstance(v, Path) else v for k, v in asdict(args).items()},
    }
    t0 = time.perf_counter()
    try:
        for name, fn in sections.items():
            report[name] = fn(args)
    finally:
        for tmp in _TMP:
            shutil.rmtree(tmp, ignore_errors=True)
        _TMP.clear()
        _RUNS.clear()
    report["host"]["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    report["wall_s"] = round(time.perf_counter() - t0, 1)
    path = _result_path(Path(args.out), f"{today}-{git['sha']}")
    atomic_write_text(path, json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    return report, path
