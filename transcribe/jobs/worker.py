"""Workers for the embedded database queue: a loop, a thread for `transcribe serve`, a CLI process.

Any number of worker processes (and threads) may poll the same database: claims
are atomic, so each job runs once. Each job runs in its own child process (see
runner.supervise), so a worker can be stopped, killed or crash without losing
more than the current stage of the current job.
"""

from __future__ import annotations

import logging
import signal
import threading

from transcribe.jobs import queue
from transcribe.jobs.runner import supervise, worker_name
from transcribe.outage import service_down

log = logging.getLogger(__name__)


class Worker:
    """Claims and runs jobs from the database queue, one at a time, until stopped."""

    def __init__(self, name: str | None = None, stop: threading.Event | None = None) -> None:
        self.name = name or worker_name()
        self.stop_event = stop or threading.Event()

    def run_once(self) -> bool:
        """Run one job if there is one; True if a job was run."""
        claim = queue.claim(self.name, backend="db")
        if claim is None:
            return False
        log.info("%s: job %s attempt %s", self.name, claim.job_id, claim.attempt)
        state = supervise(claim, self.stop_event)
        log.info("%s: job %s -> %s", self.name, claim.job_id, state or "handed back")
        return True

    def run(self, burst: bool = False) -> None:
        """Loop until stopped; with `burst`, return once the queue has nothing runnable."""
        down = False  # a database that does not answer is said once per outage, not a traceback a second
        while not self.stop_event.is_set():
            try:
                ran = self.run_once()
                if down:
                    log.warning("%s: databasen svarar igen", self.name)
                down = False
            except Exception as exc:  # a database hiccup must not end the worker
                said = service_down(exc)
                if said is None:
                    log.exception("%s: queue error; retrying", self.name)
                elif not down:
                    log.warning("%s: %s; försöker igen", self.name, said[1])
                down, ran = said is not None, False
            if not ran:
                if burst:
                    return
                self.stop_event.wait(queue.settings().poll_s)


class InProcessWorker:
    """The embedded default that `transcribe serve` starts: worker threads beside the web app.

    The pipeline itself still runs in child processes, so the web server's
    memory and responsiveness are not affected by a three-hour meeting. With
    TRANSCRIBE_QUEUE=rq the work is done by `transcribe worker --backend rq`
    elsewhere; this then only re-enqueues jobs Redis lost (see rq_worker.reconcile).
    """

    def __init__(self, concurrency: int = 1) -> None:
        self.concurrency = max(1, concurrency)
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        if self._threads:
            return
        self._stop.clear()
        if queue.settings().backend == "rq":
            from transcribe.jobs.rq_worker import reconcile_loop  # loads Redis and rq, for the rq backend only

            targets = [lambda: reconcile_loop(self._stop)]
        else:
            targets = [Worker(worker_name(f"/t{i}"), self._stop).run for i in range(self.concurrency)]
        for i, target in enumerate(targets):
            thread = threading.Thread(target=target, name=f"protokoll-worker-{i}", daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self, timeout: float = 30.0) -> None:
        """Stop taking jobs; a running job is killed and handed back to the queue (it resumes later)."""
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout)
        self._threads.clear()

    @property
    def running(self) -> bool:
        return any(t.is_alive() for t in self._threads)


def run_db_workers(concurrency: int = 1, burst: bool = False) -> None:
    """`transcribe worker`: block running `concurrency` workers; SIGTERM/SIGINT stop them cleanly."""
    stop = threading.Event()

    def _signal(signum: int, _frame: object) -> None:
        log.info("signal %s: handing running jobs back and stopping", signum)
        stop.set()

    signal.signal(signal.SIGTERM, _signal)
    signal.signal(signal.SIGINT, _signal)
    workers = [Worker(worker_name(f"/t{i}" if concurrency > 1 else ""), stop) for i in range(max(1, concurrency))]
    threads = [threading.Thread(target=w.run, args=(burst,), daemon=True) for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        while t.is_alive():
            t.join(0.5)
