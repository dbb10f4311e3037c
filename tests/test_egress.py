"""Nothing leaves the machine, seen at the system-call level, native libraries included.

Each entry point runs in a subprocess under strace (transcribe.privacy), with HOME, the XDG
directories and TMPDIR in a scratch directory and without the telemetry switches this test process
inherited, so the command must switch telemetry off by itself. It passes only if every internet
contact went to loopback (the web app, Redis), no DNS query was sent, and no file was written
outside the data, output, model and temporary directories. Without ORT_DISABLE_TELEMETRY,
onnxruntime (Silero VAD) writes a device id and an event queue under ~/.cache and queries
mobile.events.data.microsoft.com, and these tests fail.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import REPO, free_port, have
from tests.test_jobs_redis import RedisServer
from tests.test_offline import GUARD
from transcribe.config import models_dir
from transcribe.privacy import Report, Watched, child_env, watch

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not have("strace"), reason="strace missing (./setup.sh)")]

CLI = [sys.executable, "-m", "transcribe.cli"]
SAMPLE = REPO / "samples" / "uppfoljning"
CLIP_S = 12.0
PASSWORD = "correct horse battery"


class Sandbox:
    """HOME, XDG and TMPDIR apart from the data and output directories: a file in HOME is a finding."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.home, self.tmp, self.data, self.out = (root / n for n in ("home", "tmp", "data", "out"))
        for d in (self.home, self.tmp, self.data, self.out):
            d.mkdir()

    def env(self, **extra: str) -> dict[str, str]:
        env = child_env()
        for key in ("TRANSCRIBE_DATABASE_URL", "TRANSCRIBE_REDIS_URL", "MPLCONFIGDIR"):
            env.pop(key, None)
        env.update(HOME=str(self.home), TMPDIR=str(self.tmp), TRANSCRIBE_DATA_DIR=str(self.data),
                   TRANSCRIBE_QUEUE="db", XDG_CACHE_HOME=str(self.home / ".cache"),
                   XDG_CONFIG_HOME=str(self.home / ".config"), XDG_DATA_HOME=str(self.home / ".local/share"),
                   XDG_STATE_HOME=str(self.home / ".local/state"))  # fmt: skip
        env.update(extra)
        return env

    def allowed(self) -> list[Path]:
        return [self.data, self.out, models_dir(), self.tmp]

    def log(self, name: str) -> Path:
        return self.root / f"{name}.strace"


def assert_private(report: Report) -> None:
    assert report.traced, "strace recorded nothing"
    assert not report.outside, f"contacted beyond loopback: {sorted({str(c) for c in report.outside})}"
    assert not report.stray, f"written outside the allowed directories: {report.stray}"


def assert_owner_only(root: Path) -> None:
    """Every file and folder the command made under `root` is the owner's alone (600 files, 700 folders)."""
    shared = [f"{oct(stat.S_IMODE(p.stat().st_mode))} {p}" for p in [root, *root.rglob("*")]
              if not p.is_symlink() and stat.S_IMODE(p.stat().st_mode) & 0o077]  # fmt: skip
    assert not shared, shared


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first seconds of a bundled sample meeting (two speakers)."""
    path = tmp_path_factory.mktemp("clip") / "meeting.wav"
    subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-i", str(SAMPLE / "meeting.ogg"), "-t",
                    str(CLIP_S), "-ac", "1", "-ar", "16000", str(path)], check=True)  # fmt: skip
    return path


@pytest.fixture
def box(tmp_path: Path) -> Sandbox:
    return Sandbox(tmp_path)


def test_run_contacts_nothing_and_writes_only_its_outputs(box: Sandbox, clip: Path) -> None:
    """`transcribe run` with outbound networking also refused in Python (tests/test_offline.GUARD logs and refuses
    every attempt) and with Hugging Face's offline switch and pyannote's metrics set the other way: the whole
    pipeline still finishes, tries no connection at either level and writes only its outputs. One run serves
    the system-call claim and the blocked-network claim, which test_offline checked on a second run."""
    guard = box.tmp / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(GUARD)
    attempts = box.tmp / "net.log"
    env = box.env(PYTHONPATH=f"{guard}{os.pathsep}{REPO}", NETGUARD_LOG=str(attempts), HF_HUB_OFFLINE="0",
                  PYANNOTE_METRICS_ENABLED="1")  # fmt: skip
    check = subprocess.run([sys.executable, "-c", "import socket; socket.create_connection(('192.0.2.1', 80), 1)"],
                           env=env, capture_output=True, text=True)  # fmt: skip
    assert check.returncode != 0 and "network blocked" in check.stderr  # the guard is active
    attempts.unlink()

    out = box.out / "protokoll"
    report = watch([*CLI, "run", str(clip), "--out", str(out), "--quiet"], box.log("run"), box.allowed(),
                   env=env, cwd=box.root, timeout=600)  # fmt: skip
    assert report.exit_code == 0
    tried = attempts.read_text().splitlines() if attempts.exists() else []
    assert tried == [], f"the pipeline tried to reach the network: {tried}"
    for name in ("transcript.json", "transcript.rttm", "minutes.md", "minutes.docx"):
        assert (out / name).exists(), name
    assert_private(report)
    assert_owner_only(out)
    assert not (box.home / ".cache" / "Microsoft").exists()


def _mini_samples(root: Path, clip: Path) -> Path:
    """The bundled sample's first seconds as a one-meeting sample set, truth cut to match."""
    truth = json.loads((SAMPLE / "truth.json").read_text(encoding="utf-8"))
    truth["segments"] = [{**s, "end": min(s["end"], CLIP_S)} for s in truth["segments"] if s["start"] < CLIP_S]
    truth["duration"] = CLIP_S
    rttm = []
    for line in (SAMPLE / "truth.rttm").read_text().splitlines():
        f = line.split()
        start, dur = float(f[3]), float(f[4])
        if start < CLIP_S:
            f[4] = f"{min(dur, CLIP_S - start):.3f}"
            rttm.append(" ".join(f))
    meeting = root / "samples" / "uppfoljning"
    meeting.mkdir(parents=True)
    (meeting / "truth.json").write_text(json.dumps(truth, ensure_ascii=False), encoding="utf-8")
    (meeting / "truth.rttm").write_text("\n".join(rttm) + "\n")
    shutil.copy(clip, meeting / "meeting.wav")
    (root / "samples" / "scripts").mkdir()
    shutil.copy(REPO / "samples" / "scripts" / "uppfoljning.yaml", root / "samples" / "scripts")
    return root / "samples"


def test_bench_quick_contacts_nothing(box: Sandbox, clip: Path) -> None:
    """`transcribe bench --quick` on a one-meeting sample set, without the naive baseline: every stage of the
    bench that could open a socket still runs here - the pipeline in its own process (Whisper loaded through
    asr.load_model, Silero VAD, the diariser, the rules), the speaker bench (the diariser on the bundled and
    the pyannote sample), the minutes' LLM path (an OpenAI client against the recorded answers' server, which
    must be on loopback) and the text-only sections. The baseline is plain faster-whisper loading the same
    model through the same asr.load_model (local files only) and reading the file itself: no stage of its own
    that could reach the network, and 245 of the 268 CPU-s this run cost with it (its decoding falls back
    through every temperature on this short clip)."""
    samples = _mini_samples(box.root, clip)
    report = watch([*CLI, "bench", "--quick", "--no-baseline", "--out", str(box.out)], box.log("bench"),
                   box.allowed(), env=box.env(TRANSCRIBE_SAMPLES_DIR=str(samples)), cwd=box.root, timeout=600,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    assert report.exit_code == 0
    result = json.loads(next(box.out.glob("*.json")).read_text())
    (meeting,) = result["meetings"]["per_meeting"]
    assert meeting["id"] == "uppfoljning" and meeting["asr"]["ref_words"] > 0  # the pipeline ran and was scored
    assert meeting["diarization"] is not None and meeting["minutes"]["end_to_end"] is not None
    assert result["speakers_real_voices"]["own"]["summary"]["recordings"] == 1
    replay = result["minutes_llm"]["replay"]
    assert replay["hits"] + replay["missing"] > 0  # the LLM client asked its server
    assert_private(report)


def _wait(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def _csrf(html: str) -> str:
    return html.split('name="csrf-token" content="', 1)[1].split('"', 1)[0]


def test_serve_upload_processed_to_the_end_contacts_only_loopback(box: Sandbox, clip: Path) -> None:
    """An upload to `transcribe serve` goes through its worker to the end - the review page shows the segments, the
    transcript and the minutes are exported (test_web checked this on a run of its own) - and the server contacts
    only loopback."""
    env = box.env()
    subprocess.run([*CLI, "users", "add", "sara", "--role", "secretary", "--password-stdin"], env=env,
                   input=PASSWORD + "\n", text=True, check=True, capture_output=True)  # fmt: skip
    port = free_port()
    with open(box.root / "serve.out", "wb") as server_log:
        server = Watched([*CLI, "serve", "--port", str(port)], box.log("serve"), env=env, cwd=box.root,
                         stdout=server_log, stderr=subprocess.STDOUT)  # fmt: skip
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as web:  # a request under strace, loaded

            def up() -> bool:
                try:
                    return web.get("/login").status_code == 200
                except httpx.TransportError:
                    return False

            _wait(up, 600, "the web app to start")  # serve's imports (~7 CPU-s) under strace on a loaded machine
            token = _csrf(web.get("/login").text)
            r = web.post("/login", data={"name": "sara", "password": PASSWORD, "csrf_token": token})
            assert r.status_code in (200, 303), r.text
            token = _csrf(web.get("/upload").text)
            r = web.post("/upload", data={"title": "Uppföljning", "date": "2026-12-08"},
                         files={"file": ("meeting.wav", clip.read_bytes(), "audio/wav")},
                         headers={"Accept": "application/json", "X-CSRF-Token": token})  # fmt: skip
            assert r.status_code == 201, r.text
            mid = r.json()["meetings"][0]["id"]

            def finished() -> dict | None:
                info = web.get("/api/meetings").json()["meetings"][0]
                return info if info["state"] in ("done", "failed") else None

            info = _wait(finished, 480, "the upload to be processed")
            assert info["state"] == "done", info
            assert 'class="segment' in web.get(f"/meetings/{mid}").text  # the review page shows what was said
            transcript = web.get(f"/meetings/{mid}/export/transcript.json").json()
            assert len(" ".join(s["text"] for s in transcript["segments"])) > 20, transcript
            assert web.get(f"/meetings/{mid}/export/minutes.docx").status_code == 200
    finally:
        code = server.stop()
    # uvicorn shuts down cleanly, then re-raises the SIGTERM it was stopped with
    said = (box.root / "serve.out").read_text()
    assert code in (0, -signal.SIGTERM), said[-2000:]
    assert " INFO " not in said and "Uvicorn" not in said, said[-2000:]  # the terminal: its Swedish line only
    report = server.report(box.allowed())
    assert_private(report)
    assert_owner_only(box.data / "meetings")


def test_db_worker_contacts_nothing_and_writes_owner_only(box: Sandbox, clip: Path) -> None:
    """`transcribe worker` on the built-in queue (the database), as a machine without Redis runs it."""
    env = box.env()
    subprocess.run([*CLI, "jobs", "submit", str(clip), "--meeting", "m1"], env=env, check=True,
                   capture_output=True)  # fmt: skip
    report = watch([*CLI, "worker", "--burst"], box.log("worker"), box.allowed(), env=env, cwd=box.root,
                   timeout=600, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    assert report.exit_code == 0
    assert (box.data / "meetings" / "m1" / "minutes.docx").exists()
    assert_private(report)
    assert_owner_only(box.data / "meetings")


@pytest.mark.skipif(not have("redis-server"), reason="redis-server missing")
def test_rq_worker_contacts_only_redis_on_loopback(box: Sandbox, clip: Path) -> None:
    (box.root / "redis").mkdir()
    redis = RedisServer(box.root / "redis")
    redis.start()
    try:
        env = box.env(TRANSCRIBE_QUEUE="rq", TRANSCRIBE_REDIS_URL=redis.url)
        subprocess.run([*CLI, "jobs", "submit", str(clip), "--meeting", "m1"], env=env, check=True,
                       capture_output=True)  # fmt: skip
        report = watch([*CLI, "worker", "--backend", "rq", "--burst"], box.log("worker"), box.allowed(), env=env,
                       cwd=box.root, timeout=600, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    finally:
        redis.stop()
    assert report.exit_code == 0
    assert (box.data / "meetings" / "m1" / "minutes.docx").exists()
    assert any(c.port == redis.port for c in report.local)
    assert_private(report)
    assert_owner_only(box.data / "meetings")
