"""The job queue: claims, leases, retries, cancel, timeout, a full disk, retention.

Fast tests use the queue without running the pipeline; the `slow` ones run the
real model on a few seconds of espeak-ng Swedish in child processes.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psutil
import pytest

from tests.cli_call import call
from tests.conftest import REPO, have, speak

CLI = [sys.executable, "-m", "transcribe.cli"]
TIMING_KEYS = {"timings", "asr_load_s"}
# How long a test waits for a worker, a runner or a kill that a passing run sees in a second or two: each wait
# ends as soon as it happens, so the bound is for a loaded machine (10 s for a cancel was a guess at an idle one).
WAIT_S = 120


# --- helpers shared by the jobs test modules -----------------------------------------------------------------


@pytest.fixture
def jobs_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data directory (database + meetings) of this test's own, and fast leases/backoff."""
    data = tmp_path / "data"
    monkeypatch.setenv("TRANSCRIBE_DATA_DIR", str(data))
    monkeypatch.setenv("TRANSCRIBE_QUEUE", "db")
    monkeypatch.setenv("TRANSCRIBE_JOB_LEASE_S", "4")
    monkeypatch.setenv("TRANSCRIBE_JOB_BACKOFF_S", "0.2")
    monkeypatch.setenv("TRANSCRIBE_JOB_POLL_S", "0.3")
    monkeypatch.delenv("TRANSCRIBE_DATABASE_URL", raising=False)
    return data


def fast_options(minutes: str = "none"):
    from transcribe.pipeline import PipelineOptions

    return PipelineOptions(diarizer="none", minutes_backend=minutes, beam_size=1)


def store(clip: Path, meeting_id: str, name: str | None = None) -> Path:
    """Put a recording where the web app would: data_dir()/meetings/<id>/."""
    from transcribe.jobs import meeting_dir

    target = meeting_dir(meeting_id) / (name or clip.name)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(clip.read_bytes())
    return target


def wait_for(
    predicate: Callable[[], object], timeout: float, every: float = 0.25, what: str | Callable[[], str] = ""
) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout} s waiting for {what() if callable(what) else what}")


def start_worker(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """A `transcribe worker` process; its log goes next to the test's data directory."""
    data = Path(os.environ["TRANSCRIBE_DATA_DIR"])
    with open(data.parent / f"worker-{time.monotonic_ns()}.log", "wb") as log:
        return subprocess.Popen(
            [*CLI, "worker", *args], cwd=REPO, env={**os.environ, **(env or {})}, stdout=log, stderr=subprocess.STDOUT
        )


def stop_process(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def runners(parent_pid: int | None = None, job: int | None = None) -> list:
    """The job runner processes under a process (this one by default), or of one job: psutil.Process each.

    A child that ends between the listing and the reading of its command line (a runner's ffmpeg, a runner
    just killed) is no runner to count: reading it would raise psutil.NoSuchProcess in the middle of a wait."""
    wanted = "transcribe.jobs.runner" + (f" {job} " if job is not None else "")
    found = []
    for child in psutil.Process(parent_pid).children(recursive=True):
        try:
            if wanted in " ".join(child.cmdline()):
                found.append(child)
        except psutil.Error:
            continue
    return found


def transcript_without_timing(path: Path) -> dict:
    data = json.loads(path.read_text())
    data["metadata"] = {k: v for k, v in data["metadata"].items() if k not in TIMING_KEYS}
    return data


@pytest.fixture(scope="module")
def short_clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (have("espeak-ng") and have("sox")):
        pytest.fail("espeak-ng and sox are required (./setup.sh installs them)")
    return speak("Hej och välkomna. Vi beslutar att starta en arbetsgrupp.", tmp_path_factory.mktemp("c") / "s.wav")


@pytest.fixture
def embedded_worker(jobs_env: Path) -> Iterator:
    """The worker `transcribe serve` embeds: threads in the test process, each job in a child process."""
    from transcribe.jobs.worker import InProcessWorker

    worker = InProcessWorker()
    yield worker
    worker.stop()


# --- the queue without the pipeline ---------------------------------------------------------------------------


def test_submit_status_and_queue_positions_follow_priority(jobs_env: Path, short_clip: Path) -> None:
    from transcribe.jobs import JobState, list_jobs, status, submit

    ids = [submit(store(short_clip, f"m{i}"), f"m{i}", fast_options(), priority=p) for i, p in enumerate((0, 0, 5))]
    assert [status(i).position for i in ids] == [2, 3, 1]
    st = status(ids[0])
    assert st.state == JobState.queued and st.attempts == 0 and st.percent == 0 and st.error is None
    assert st.created_at.tzinfo is not None and st.started_at is None
    assert {s.id: s.position for s in list_jobs()} == {ids[0]: 2, ids[1]: 3, ids[2]: 1}
    assert [s.id for s in list_jobs("queued")] == sorted(ids, reverse=True)
    assert list_jobs(JobState.done) == []


def test_submit_checks_cheaply_and_refuses_a_busy_meeting(jobs_env: Path, short_clip: Path) -> None:
    from transcribe.errors import BadOption, InputNotFound
    from transcribe.jobs import JobConflict, submit

    src = store(short_clip, "m1")
    with pytest.raises(BadOption):
        submit(src, "../etc", fast_options())
    with pytest.raises(InputNotFound):
        submit(src.with_name("missing.wav"), "m1", fast_options())
    submit(src, "m1", fast_options())
    with pytest.raises(JobConflict, match="har redan ett aktivt jobb"):
        submit(src, "m1", fast_options())


def test_claims_are_exclusive_under_concurrency(jobs_env: Path, short_clip: Path) -> None:
    from transcribe.jobs import queue, submit

    ids = {submit(store(short_clip, f"m{i}"), f"m{i}", fast_options()) for i in range(6)}
    claimed: list[int] = []
    lock = threading.Lock()

    def grab(n: int) -> None:
        while (c := queue.claim(f"w{n}")) is not None:
            with lock:
                claimed.append(c.job_id)

    threads = [threading.Thread(target=grab, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(claimed) == sorted(ids)  # every job once, none twice


def test_expired_lease_is_reclaimed_and_the_old_worker_fenced_out(jobs_env: Path, short_clip: Path) -> None:
    from sqlalchemy import update

    from transcribe.db import session
    from transcribe.jobs import queue, status, submit
    from transcribe.jobs.models import Job

    job = submit(store(short_clip, "m1"), "m1", fast_options(), max_attempts=2)
    first = queue.claim("w1")
    assert first and queue.claim("w2") is None  # leased
    with session() as s:
        s.execute(update(Job).values(lease_until=time.time() - 1))
    second = queue.claim("w2")
    assert second and second.job_id == job and second.attempt == 2
    assert not queue.progress(job, first.token, "transcribe", 50, None).held
    assert not queue.finish_done(job, first.token)
    assert queue.progress(job, second.token, "transcribe", 50, None).held
    with session() as s:  # dies again: out of attempts, failed instead of looping forever
        s.execute(update(Job).values(lease_until=time.time() - 1))
    assert queue.claim("w3") is None
    st = status(job)
    assert st.state == "failed" and "stannade 2 gång(er)" in (st.error or "")


def test_cancel_of_a_job_whose_worker_died_is_immediate(jobs_env: Path, short_clip: Path) -> None:
    from sqlalchemy import update

    from transcribe.db import session
    from transcribe.jobs import cancel, queue, status, submit
    from transcribe.jobs.models import Job

    job = submit(store(short_clip, "m1"), "m1", fast_options())
    assert queue.claim("w") is not None
    with session() as s:
        s.execute(update(Job).values(lease_until=time.time() - 1))
    assert cancel(job) == "cancelled" and status(job).state == "cancelled"
    assert queue.claim("w2") is None


def test_transient_failures_back_off_then_fail(
    jobs_env: Path, short_clip: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from transcribe.jobs import queue, status, submit

    # Long enough that a loaded CI machine cannot pass it between the failure and the next claim.
    monkeypatch.setenv("TRANSCRIBE_JOB_BACKOFF_S", "2")
    job = submit(store(short_clip, "m1"), "m1", fast_options(), max_attempts=2)
    c = queue.claim("w")
    assert c is not None
    assert queue.finish_failed(job, c.token, "EIO", "OSError", transient=True) == "queued"
    st = status(job)
    assert st.state == "queued" and "nytt försök om 2 s" in (st.error or "") and queue.claim("w") is None  # backoff
    c = wait_for(lambda: queue.claim("w"), 10, 0.05, "backoff to pass")
    assert queue.finish_failed(job, c.token, "EIO", "OSError", transient=True) == "failed"
    assert status(job).attempts == 2


def test_a_runner_that_dies_without_a_word_is_retried(jobs_env: Path, short_clip: Path) -> None:
    from transcribe.jobs import queue, status, submit
    from transcribe.jobs.runner import _after_exit

    job = submit(store(short_clip, "m1"), "m1", fast_options())
    c = queue.claim("w")
    assert c is not None and _after_exit(job, c.token, -9) == "queued"
    st = status(job)
    assert "jobbets process dog (avslutad av SIGKILL)" in (st.error or "") and st.attempts == 1


def test_classify_permanent_and_transient_errors() -> None:
    from sqlalchemy.exc import OperationalError

    from transcribe.errors import CorruptAudio, DiskFull, ModelMissing, OutputNotWritable
    from transcribe.jobs.failures import classify

    assert classify(ModelMissing("no model"))[:2] == (False, "no model")
    assert classify(DiskFull("disk full"))[0] is False
    assert classify(CorruptAudio("bad"))[0] is False
    assert classify(OSError(errno.ENOSPC, "No space left"))[0] is False
    assert classify(OSError(errno.EIO, "I/O error"))[0] is True
    assert classify(OperationalError("UPDATE", {}, Exception("database is locked")))[0] is True
    perm = OutputNotWritable("cannot write")
    perm.__cause__ = PermissionError(errno.EACCES, "denied")
    assert classify(perm)[0] is False
    flaky = OutputNotWritable("cannot write")
    flaky.__cause__ = OSError(errno.EIO, "I/O error")
    assert classify(flaky)[0] is True
    assert classify(ValueError("bug")) == (False, "internt fel: ValueError: bug", "ValueError")


def test_why_a_job_failed_is_said_in_swedish() -> None:
    from transcribe.jobs.failures import classify

    english = {"disk", "free", "retry", "out", "of", "memory", "internal", "error", "database", "unavailable"}
    for exc, says in [
        (OSError(errno.ENOSPC, "No space left on device", "/data/jobb/1"), "disken är full (/data/jobb/1)"),
        (OSError(errno.EIO, "Input/output error"), "in/ut-fel på disken"),
        (MemoryError(), "minnet tog slut"),
    ]:
        reason = classify(exc)[1]
        assert says in reason, reason
        assert not set(reason.replace("(", " ").replace(")", " ").replace(";", " ").lower().split()) & english, reason


def test_progress_percent_and_eta_from_the_current_stage_rate(jobs_env: Path) -> None:
    from transcribe.jobs.runner import ProgressTracker

    t = ProgressTracker(0, "", fast_options())
    assert t.cost.keys() == {"decode", "transcribe"}
    t.stage, t.stage_started, t.stage_first_done = "transcribe", 0.0, 0.0
    percent, eta = t.estimate("transcribe", 300.0, 600.0, now=120.0)  # half done in 2 min
    assert 45 < percent < 55 and eta == pytest.approx(120.0)
    percent, eta = t.estimate("transcribe", 300.0, 600.0, now=0.5)
    assert eta is None  # too early to tell


def test_options_survive_the_database(jobs_env: Path) -> None:
    from datetime import date

    from transcribe.jobs.queue import options_from_json, options_to_json
    from transcribe.pipeline import PipelineOptions

    opts = PipelineOptions(
        vocabulary=["Skellefteå"], speaker_names={"SPEAKER_00": "Åsa"}, meeting_date=date(2026, 3, 1)
    )
    assert options_from_json(options_to_json(opts)) == opts


def test_cancelled_queued_job_never_starts(jobs_env: Path, short_clip: Path) -> None:
    from transcribe.audit import events
    from transcribe.jobs import cancel, meeting_dir, status, submit
    from transcribe.jobs.worker import Worker

    job = submit(store(short_clip, "m1"), "m1", fast_options())
    assert cancel(job) == "cancelled"
    Worker("w").run(burst=True)
    st = status(job)
    assert st.state == "cancelled" and st.started_at is None and st.attempts == 0
    assert not (meeting_dir("m1") / "transcript.json").exists()
    assert [e.action for e in events(f"job:{job}")] == ["job_cancel"]


def test_a_job_for_a_series_joins_it_when_done(jobs_env: Path, short_clip: Path) -> None:
    """A meeting uploaded into a series is part of it afterwards, so the next meeting learns its names."""
    from dataclasses import replace

    from transcribe.jobs import meeting_dir, queue, submit
    from transcribe.jobs.runner import run_job
    from transcribe.series import store as series_store

    series_store.create("natverket")
    job = submit(store(short_clip, "m1"), "m1", replace(fast_options(), series="natverket"))
    claim = queue.claim("w")
    assert claim is not None and claim.job_id == job and run_job(claim.job_id, claim.token) == "done"
    assert [Path(m.path) for m in series_store.load("natverket").meetings] == [meeting_dir("m1").resolve()]


# --- retention -----------------------------------------------------------------------------------------


def _fake_meeting(meeting_id: str) -> Path:
    from transcribe.jobs import meeting_dir

    d = meeting_dir(meeting_id)
    (d / ".work").mkdir(parents=True)
    for name in ("upload.m4a", ".work/audio.wav", ".work/transcribe.json", "transcript.json", "minutes.docx"):
        (d / name).write_text("x")
    return d


def test_retention_purges_audio_then_everything_after_approval(jobs_env: Path) -> None:
    from transcribe.audit import events
    from transcribe.jobs.retention import purge

    now = datetime(2026, 6, 1, tzinfo=UTC)
    old, recent, unapproved = _fake_meeting("old"), _fake_meeting("recent"), _fake_meeting("draft")
    audio_only = _fake_meeting("mid")
    approved = {"old": now - timedelta(days=100), "mid": now - timedelta(days=40), "recent": now - timedelta(days=2)}

    dry = purge(now, approved, audio_days=30, all_days=90, dry_run=True)
    assert [(p.meeting_id, p.what) for p in dry] == [("mid", "audio"), ("old", "all")] and old.exists()

    done = purge(now, approved, audio_days=30, all_days=90)
    assert [(p.meeting_id, p.what) for p in done] == [("mid", "audio"), ("old", "all")]
    assert not old.exists()
    assert sorted(p.name for p in audio_only.rglob("*") if p.is_file()) == [
        "minutes.docx", "transcribe.json", "transcript.json"]  # fmt: skip
    assert (recent / "upload.m4a").exists() and (unapproved / "upload.m4a").exists()
    assert {e.target for e in events() if e.action == "retention_delete"} == {"meeting:old", "meeting:mid"}
    assert purge(now, approved, audio_days=30, all_days=90) == []  # nothing left to do, nothing audited twice


def test_deleting_files_waits_for_a_save_in_another_process(jobs_env: Path) -> None:
    """The CLI and retention delete while the web app (another process) may be saving a review."""
    from transcribe.jobs.retention import delete_meeting_files

    folder = _fake_meeting("m")
    saver = subprocess.Popen(
        [sys.executable, "-c", (
            "import time\n"
            "from transcribe.meeting import meeting_dir, meeting_lock\n"
            "with meeting_lock('m'):\n"
            "    print('held', flush=True)\n"
            "    time.sleep(1.0)\n"
            "    (meeting_dir('m') / 'review').mkdir()\n"
            "    (meeting_dir('m') / 'review' / 'minutes.json').write_text('x')\n"
            "    print('saved', flush=True)\n")],
        stdout=subprocess.PIPE, text=True, env={**os.environ, "TRANSCRIBE_DATA_DIR": str(jobs_env)},
    )  # fmt: skip
    assert saver.stdout is not None and saver.stdout.readline().strip() == "held"
    removed = delete_meeting_files("m", user="cli")
    assert saver.stdout.readline().strip() == "saved" and saver.wait(timeout=30) == 0
    assert "minutes.json" in {p.name for p in removed}  # the save landed first and went with the rest
    assert not folder.exists()


def test_retention_reads_the_environment_and_keeps_forever_by_default(
    jobs_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from transcribe.jobs.retention import purge

    _fake_meeting("m")
    approved = {"m": datetime(2020, 1, 1, tzinfo=UTC)}
    assert purge(datetime.now(UTC), approved) == []
    monkeypatch.setenv("TRANSCRIBE_RETAIN_AUDIO_DAYS", "7")
    assert [p.what for p in purge(datetime.now(UTC), approved)] == ["audio"]


def test_delete_job_with_files_is_audited(jobs_env: Path, short_clip: Path) -> None:
    from transcribe.audit import events
    from transcribe.jobs import JobNotFound, delete, meeting_dir, status, submit

    job = submit(store(short_clip, "m1"), "m1", fast_options())
    delete(job, remove_files=True, user="anna")
    with pytest.raises(JobNotFound):
        status(job)
    assert not meeting_dir("m1").exists()
    assert {(e.action, e.target, e.user) for e in events()} >= {
        ("delete", f"job:{job}", "anna"),
        ("delete", "meeting:m1", "anna"),
        ("job_cancel", f"job:{job}", "anna"),
    }


def test_cli_lists_reports_errors_and_purges(
    jobs_env: Path, short_clip: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    from transcribe.jobs import submit

    job = submit(store(short_clip, "m1"), "m1", fast_options())

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        """`transcribe jobs *args` in this process, as cli.main runs it (three interpreters cost 16 CPU-s)."""
        code, out, err = call(monkeypatch, capsys, "jobs", *args)
        return subprocess.CompletedProcess(args, code, out, err)

    listed = run("list", "--json")
    assert listed.returncode == 0 and json.loads(listed.stdout)[0]["id"] == job
    missing = run("show", "999")
    assert missing.returncode == 2 and "inget jobb med id 999" in missing.stderr
    approvals = tmp_path / "a.json"
    approvals.write_text(json.dumps({"m1": "2020-01-01T00:00:00+00:00"}))
    purged = run("purge", "--approvals", str(approvals), "--all-days", "30", "--dry-run")
    assert purged.returncode == 0 and "m1: skulle ta bort allt (1 fil)" in purged.stdout


# --- the real pipeline in child processes ---------------------------------------------------------------------


@pytest.mark.slow
def test_full_disk_fails_cleanly_keeps_finished_stages_and_retry_succeeds(
    jobs_env: Path, short_clip: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ENOSPC while writing the outputs: failed at once with the reason; the stages survive for the retry."""
    from transcribe.jobs import meeting_dir, queue, result_paths, retry, status, submit
    from transcribe.jobs.runner import run_job

    job = submit(store(short_clip, "m1"), "m1", fast_options(minutes="rules"))
    out = meeting_dir("m1")
    real_replace = os.replace

    def full_disk(src, dst, *a, **kw):
        if Path(dst).parent == out:  # the transcript outputs, after every stage has finished
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_replace(src, dst, *a, **kw)

    monkeypatch.setattr(os, "replace", full_disk)
    claim = queue.claim("w")
    assert claim is not None
    assert run_job(claim.job_id, claim.token) == "failed"
    st = status(job)
    assert st.state == "failed" and st.attempts == 1 and "disken blev full" in (st.error or "")
    assert "transcript.json" in (st.error or "") and result_paths("m1") == {}
    stage = out / ".work" / "transcribe.done.json"
    assert stage.exists() and (out / ".work" / "audio.wav").exists() and not list(out.glob(".*.part"))
    before = stage.stat().st_mtime_ns

    monkeypatch.setattr(os, "replace", real_replace)  # space freed
    retry(job)
    claim = queue.claim("w")
    assert claim is not None and run_job(claim.job_id, claim.token) == "done"
    assert status(job).state == "done"
    assert {"transcript.json", "minutes.json", "minutes.docx"} <= set(result_paths("m1"))
    assert stage.stat().st_mtime_ns == before  # the transcription was reused, not redone


@pytest.mark.slow
def test_timeout_kills_the_runner_and_fails_the_job(jobs_env: Path, short_clip: Path, embedded_worker) -> None:
    from transcribe.jobs import status, submit

    # Shorter than the runner's own start-up (Python + model imports), so the job cannot finish first.
    job = submit(store(short_clip, "m1"), "m1", fast_options(), timeout_s=0.6)
    embedded_worker.start()
    st = wait_for(lambda: (s := status(job)).state == "failed" and s, WAIT_S, what="the timeout")
    assert "avbrutet efter 1 s" in (st.error or "") and st.attempts == 1
    assert runners() == []


@pytest.mark.slow
def test_cancel_running_job_kills_it_and_stop_hands_a_job_back(
    jobs_env: Path, short_clip: Path, embedded_worker
) -> None:
    from transcribe.jobs import cancel, retry, status, submit

    job = submit(store(short_clip, "m1"), "m1", fast_options())
    embedded_worker.start()

    wait_for(lambda: status(job).state == "running" and runners(job=job), WAIT_S, 0.1, "the job to start")
    assert cancel(job) == "running"  # asked; the worker kills it
    st = wait_for(lambda: (s := status(job)).state == "cancelled" and s, WAIT_S, 0.1, "the cancel")
    assert st.finished_at is not None
    wait_for(lambda: not runners(job=job), WAIT_S, 0.1, "the runner to die")

    # Stopping the embedded worker (server shutdown) kills a running job and hands it back, uncounted.
    retry(job)
    wait_for(lambda: status(job).state == "running" and runners(job=job), WAIT_S, 0.1, "the job to restart")
    embedded_worker.stop()
    st = status(job)
    assert st.state == "queued" and st.attempts == 0 and not embedded_worker.running and not runners(job=job)
