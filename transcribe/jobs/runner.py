"""Running one job: a supervisor in the worker, the pipeline in a child process.

The pipeline runs in `python -m transcribe.jobs.runner JOB_ID TOKEN`, a process
of its own (and its own process group), so the worker can enforce a timeout or
a cancel with SIGKILL without leaving anything half-alive, and a crash or the
OOM killer takes down only that child. The child writes progress and its final
state to the job row itself; the supervisor renews the lease, watches for
cancel and timeout, and records a child that died without saying why.
"""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from transcribe.errors import BadOption, InputNotFound
from transcribe.fsutil import check_writable_dir
from transcribe.jobs import queue
from transcribe.jobs.failures import INTERNAL_ERROR, classify
from transcribe.jobs.models import JobState
from transcribe.meeting import WORK, meeting_dir
from transcribe.outputs import write_outputs
from transcribe.pipeline import PipelineOptions, run_pipeline
from transcribe.series import store as series_store

log = logging.getLogger(__name__)

PROGRESS_EVERY_S = 1.0
RUNNER_LOG = "TRANSCRIBE_RUNNER_LOG"  # "info": the job's progress in the log (`transcribe worker` sets it)
# Relative cost of each stage per second of audio (transcription = 1), measured with
# Whisper base and the embedded diarizer on a 2-core VM. Only the shape of the
# progress bar and the guess for stages not yet started depend on them.
STAGE_COST = {"decode": 0.01, "transcribe": 1.0, "diarize": 0.06, "minutes": 0.005}
LLM_MINUTES_COST = 0.2


def worker_name(suffix: str = "") -> str:
    """How a worker signs the jobs it claims: host, process and a suffix per thread or backend."""
    return f"{socket.gethostname()}:{os.getpid()}{suffix}"


class Stop(Exception):
    """The job was cancelled or taken over by another worker: stop quietly."""


# --- progress ------------------------------------------------------------------------------


class ProgressTracker:
    """Turns the pipeline's (stage, done, duration) calls into percent and ETA on the job row.

    The ETA is the current stage's remaining audio at its measured rate, plus
    the stages still to come at their nominal cost scaled by how fast this
    machine turned out to be on the current stage.
    """

    def __init__(self, job_id: int, token: str, options: PipelineOptions, clock=time.monotonic) -> None:
        self.job_id, self.token, self.clock = job_id, token, clock
        cost = dict(STAGE_COST)
        if options.diarizer == "none":
            cost.pop("diarize")
        if options.minutes_backend == "none":
            cost.pop("minutes")
        elif options.minutes_backend in ("llm", "auto"):
            cost["minutes"] = LLM_MINUTES_COST
        self.cost = cost
        self.stage: str | None = None
        self.stage_started = clock()
        self.stage_first_done = 0.0
        self.last_write = -1e9

    def estimate(self, stage: str, done: float, duration: float, now: float) -> tuple[float, float | None]:
        order = list(self.cost)
        total = sum(self.cost.values()) or 1.0
        frac = min(1.0, done / duration) if duration > 0 else 0.0
        idx = order.index(stage) if stage in order else len(order)
        before = sum(self.cost[s] for s in order[:idx])
        percent = 100.0 * (before + self.cost.get(stage, 0.0) * frac) / total
        elapsed = now - self.stage_started
        progressed = done - self.stage_first_done
        if elapsed < 1.0 or progressed <= 0 or duration <= 0:
            return percent, None
        rate = elapsed / progressed  # wall seconds per audio second in this stage
        remaining = rate * max(0.0, duration - done)
        nominal = self.cost.get(stage)
        scale = min(10.0, max(0.1, rate / nominal)) if nominal else 1.0
        remaining += sum(self.cost[s] for s in order[idx + 1 :]) * duration * scale
        return percent, round(remaining, 1)

    def __call__(self, stage: str, done: float, duration: float) -> None:
        now = self.clock()
        changed = stage != self.stage
        if changed:
            self.stage, self.stage_started, self.stage_first_done = stage, now, done
        if not changed and now - self.last_write < PROGRESS_EVERY_S:
            return
        self.last_write = now
        percent, eta = self.estimate(stage, done, duration, now)
        try:
            beat = queue.progress(self.job_id, self.token, stage, percent, eta)
        except Exception as exc:  # a locked database must not cost hours of transcription
            log.warning("job %s: progress not recorded (%s)", self.job_id, exc)
            return
        if not beat.held or beat.cancel:
            raise Stop()


# --- the child: run the pipeline and write the outputs ------------------------------------------------


TRANSCRIPT_FORMATS = ["json", "txt", "srt", "vtt", "md"]
MINUTES_FORMATS = ["json", "md", "docx"]


def join_series(name: str, folder: Path) -> None:
    """The next meeting of the series learns from this one; a series deleted meanwhile costs no result."""
    try:
        series_store.add(name, [folder])
    except (InputNotFound, BadOption) as exc:
        log.warning("meeting %s not added to series %s: %s", folder.name, name, exc)


def run_job(job_id: int, token: str) -> JobState | None:
    """Run claimed job `job_id` in this process and record the outcome on its row."""
    row = queue.get(job_id)
    if row.lease_token != token or row.state != JobState.running:
        log.warning("job %s: not held by this runner any more; exiting", job_id)
        return None
    try:
        options = queue.options_from_json(row.options)
        out = meeting_dir(row.meeting_id)
        check_writable_dir(out)
        tracker = ProgressTracker(job_id, token, options)
        result = run_pipeline(Path(row.source), out / WORK, options, tracker)
        transcript_formats = TRANSCRIPT_FORMATS + (["rttm"] if options.diarizer != "none" else [])
        # With an agenda, minutes.md/.docx take the § layout and protokoll.json is added; minutes.json,
        # which the web review edits, is written either way.
        write_outputs(result, out, transcript_formats, MINUTES_FORMATS)
        if options.series:
            join_series(options.series, out)
        # The decoded copy is as large as the recording; the stage caches (small) stay for reruns.
        (out / WORK / "audio.wav").unlink(missing_ok=True)
    except Stop:
        return None
    except Exception as exc:  # every failure must end on the row, with its reason
        transient, message, kind = classify(exc)
        if message.startswith(INTERNAL_ERROR):
            log.exception("job %s: unexpected error", job_id)
        return queue.finish_failed(job_id, token, message, kind, transient)
    return JobState.done if queue.finish_done(job_id, token) else None


def _die_with_parent(parent: int) -> None:
    """The child must not outlive its worker (kill -9 of the worker): Linux signal plus a watchdog."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass

    def watch() -> None:
        while True:
            if os.getppid() != parent:
                os._exit(70)
            time.sleep(1.0)

    if os.getppid() != parent:
        os._exit(70)
    threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()


def log_level() -> int:
    """A job's progress lines (and the recogniser's, in English) belong in `transcribe worker`'s service log;
    under `serve` they would land in the terminal the user reads, so there only warnings are written."""
    return logging.INFO if os.environ.get(RUNNER_LOG) == "info" else logging.WARNING


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) < 2:
        print("usage: python -m transcribe.jobs.runner JOB_ID TOKEN [PARENT_PID]", file=sys.stderr)
        return 2
    if len(args) > 2:
        _die_with_parent(int(args[2]))
    logging.basicConfig(level=log_level(), format="%(asctime)s runner[%(process)d] %(levelname)s %(message)s")
    run_job(int(args[0]), args[1])
    return 0


# --- the supervisor, in the worker ------------------------------------------------------------------


def _kill(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # the runner and its ffmpeg children
    except ProcessLookupError:
        pass
    proc.wait()


def _describe_exit(code: int) -> str:
    if code < 0:
        try:
            return f"avslutad av {signal.Signals(-code).name}"
        except ValueError:
            return f"avslutad av signal {-code}"
    return f"slutkod {code}"


def _timeout_text(limit: float) -> str:
    return f"{limit / 60:.0f} min" if limit >= 120 else f"{limit:.0f} s"


def supervise(claim: queue.Claim, stop: threading.Event | None = None) -> JobState | None:
    """Run a claimed job to its end in a child process; returns the job's new state.

    Returns None when the job was handed back (worker stopping) or taken over.
    """
    cfg = queue.settings()
    job_id, token = claim.job_id, claim.token
    cmd = [sys.executable, "-m", "transcribe.jobs.runner", str(job_id), token, str(os.getpid())]
    proc = subprocess.Popen(cmd, start_new_session=True, stdin=subprocess.DEVNULL)
    deadline = time.monotonic() + claim.timeout_s
    renew_every = max(0.5, cfg.lease_s / 3)
    last_renew = time.monotonic()
    try:
        while True:
            try:
                code = proc.wait(timeout=min(1.0, renew_every))
                break
            except subprocess.TimeoutExpired:
                pass
            now = time.monotonic()
            renew = now - last_renew >= renew_every
            try:
                beat: queue.Beat | None = queue.heartbeat(job_id, token, renew=renew)
                last_renew = now if renew else last_renew
            except Exception as exc:  # database briefly unavailable: keep the job running, try again
                log.warning("job %s: heartbeat failed (%s)", job_id, exc)
                beat = None
            if beat is not None and not beat.held:
                try:  # usually the child has just recorded its outcome and is exiting
                    code = proc.wait(timeout=5.0)
                    break
                except subprocess.TimeoutExpired:
                    _kill(proc)
                    if _recorded(job_id):  # its outcome is written; only the runner's exit was slow
                        return _after_exit(job_id, token, 0)
                    log.warning("job %s: lease lost to another worker; stopping this copy", job_id)
                    return None
            if beat is not None and beat.cancel:
                _kill(proc)
                queue.finish_cancelled(job_id, token)
                return JobState.cancelled
            if now >= deadline:
                _kill(proc)
                message = f"avbrutet efter {_timeout_text(claim.timeout_s)} (tidsgränsen per jobb)"
                return queue.finish_failed(job_id, token, message, "Timeout", transient=False)
            if stop is not None and stop.is_set():
                _kill(proc)
                queue.release(job_id, token)
                return None
    except BaseException:
        _kill(proc)
        try:
            queue.release(job_id, token)
        finally:
            raise
    return _after_exit(job_id, token, code)


def _recorded(job_id: int) -> bool:
    """The job has its outcome (done, failed, cancelled): no other worker holds it."""
    try:
        return queue.get(job_id).state in (JobState.done, JobState.failed, JobState.cancelled)
    except queue.JobNotFound:
        return False


def _after_exit(job_id: int, token: str, code: int) -> JobState | None:
    row = queue.get(job_id)
    if row.state == JobState.running and row.lease_token == token:
        if row.cancel_requested:  # the child saw the cancel first and stopped
            queue.finish_cancelled(job_id, token)
            return JobState.cancelled
        # The child died without recording an outcome: crash, OOM killer, kill -9 of the child.
        return queue.finish_failed(
            job_id, token, f"jobbets process dog ({_describe_exit(code)})", "WorkerLost", transient=True
        )
    return JobState(row.state)


if __name__ == "__main__":
    sys.exit(main())
