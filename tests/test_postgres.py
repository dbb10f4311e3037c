"""PostgreSQL for real: the job queue, lease recovery and the web app against a throwaway server.

Each run starts its own server from Debian's `postgresql` package (initdb + pg_ctl in a temporary
folder, loopback only, a free port), as tests/test_jobs_redis.py does with Redis, and gives every
test a fresh database. initdb refuses to run as root, so as root the server runs as the `postgres`
system user the package creates.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from itertools import count
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from tests import test_jobs, test_web
from tests.conftest import free_port
from tests.test_jobs import jobs_env, short_clip  # noqa: F401 - fixtures
from tests.test_web import PASSWORD, add_meeting, as_user, csrf_of, post

fast_hashing = test_web.fast_hashing  # autouse there: cheap argon2 for the logins here


def pg_bin(tool: str) -> str | None:
    found = shutil.which(tool) or sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{tool}"))
    return found if isinstance(found, str) else (found[-1] if found else None)


pytestmark = pytest.mark.skipif(
    not (pg_bin("initdb") and pg_bin("pg_ctl")),
    reason="PostgreSQL server binaries missing (Debian package 'postgresql'; ./setup.sh installs it)",
)


class PostgresServer:
    """initdb + pg_ctl under a temporary folder, trust authentication on 127.0.0.1 only."""

    def __init__(self) -> None:
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="protokoll-pg-"))
        self.data = self.root / "data"
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            try:
                entry = pwd.getpwnam("postgres")
            except KeyError:
                pytest.skip("running as root and there is no 'postgres' user to run the server as")
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self._names = count()

    def _run(self, *args: str) -> None:
        subprocess.run([*self.as_user, *args], check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        self._run(pg_bin("initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                  "--locale=C.UTF-8")  # fmt: skip
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(pg_bin("pg_ctl"), "-D", str(self.data), "-o", options, "-l", str(self.root / "log"), "-w", "start")

    def stop(self) -> None:
        try:
            self._run(pg_bin("pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def new_database(self) -> str:
        import psycopg

        name = f"protokoll_{next(self._names)}"
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres", autocommit=True) as c:
            c.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"


@pytest.fixture(scope="module")
def postgres() -> Iterator[PostgresServer]:
    server = PostgresServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def pg_env(postgres: PostgresServer, jobs_env: Path, monkeypatch: pytest.MonkeyPatch) -> Path:  # noqa: F811
    """jobs_env (a data folder of this test's own, fast leases) with a fresh PostgreSQL database."""
    monkeypatch.setenv("TRANSCRIBE_DATABASE_URL", postgres.new_database())
    return jobs_env


def test_the_database_really_is_postgres(pg_env: Path) -> None:
    from transcribe.db import engine

    eng = engine()
    assert eng.dialect.name == "postgresql"
    with eng.connect() as conn:
        assert "PostgreSQL" in conn.exec_driver_sql("select version()").scalar()
    assert not (pg_env / "protokoll.db").exists()


# --- the queue and lease recovery: the same checks as on SQLite ------------------------------------------------
QUEUE_CHECKS: list[Callable[[Path, Path], None]] = [
    test_jobs.test_submit_status_and_queue_positions_follow_priority,
    test_jobs.test_submit_checks_cheaply_and_refuses_a_busy_meeting,
    test_jobs.test_claims_are_exclusive_under_concurrency,
    test_jobs.test_expired_lease_is_reclaimed_and_the_old_worker_fenced_out,
    test_jobs.test_cancel_of_a_job_whose_worker_died_is_immediate,
    test_jobs.test_cancelled_queued_job_never_starts,
]


@pytest.mark.parametrize("check", QUEUE_CHECKS, ids=[c.__name__.removeprefix("test_") for c in QUEUE_CHECKS])
def test_queue_on_postgres(check: Callable[[Path, Path], None], pg_env: Path, short_clip: Path) -> None:  # noqa: F811
    check(pg_env, short_clip)


@pytest.mark.slow
def test_a_killed_worker_s_job_is_recovered_and_finished_on_postgres(pg_env: Path, short_clip: Path) -> None:  # noqa: F811
    """Real worker processes: the first is killed (-9) holding the lease; the next one finishes the job."""
    from transcribe.jobs import meeting_dir, status, submit
    from transcribe.transcript import Transcript

    job = submit(test_jobs.store(short_clip, "pg1"), "pg1", test_jobs.fast_options())
    first = test_jobs.start_worker(env={"TRANSCRIBE_THREADS": "1"})
    try:
        # Each wait ends when it happens: a worker process's start (~5 CPU-s of imports) and the job (a runner and
        # Whisper) take minutes on a loaded machine, as the kill -9 test in test_jobs_faults found (60 and 120 s there).
        test_jobs.wait_for(lambda: status(job).state == "running", 480, 0.1, "the first worker to claim the job")
        os.kill(first.pid, signal.SIGKILL)
        first.wait()
    finally:
        test_jobs.stop_process(first)
    assert status(job).state == "running" and status(job).attempts == 1  # leased by a dead worker
    second = test_jobs.start_worker(env={"TRANSCRIBE_THREADS": "1"})
    try:
        test_jobs.wait_for(lambda: status(job).state in ("done", "failed"), 480, 0.5, "the job to finish")
    finally:
        test_jobs.stop_process(second)
    done = status(job)
    assert done.state == "done" and done.attempts == 2, (done.state, done.error)
    transcript = Transcript.from_json((meeting_dir("pg1") / "transcript.json").read_text())
    assert transcript.segments and transcript.source == short_clip.name


# --- the web app ----------------------------------------------------------------------------------------------------
@pytest.fixture
def pg_app(pg_env: Path):
    from transcribe.web.app import create_app
    from transcribe.web.auth import create_user

    application = create_app(data_dir=pg_env, start_worker=False)
    for name, role in (("sara", "secretary"), ("fia", "facilitator"), ("ada", "admin")):
        create_user(name, PASSWORD, role)
    return application


def test_web_review_approve_accounts_and_delete_on_postgres(pg_app) -> None:
    from transcribe import audit
    from transcribe.db import session
    from transcribe.tables import Meeting, MeetingChange
    from transcribe.web import accounts

    mid = add_meeting("sara")
    sara, ada = as_user(pg_app, "sara"), as_user(pg_app, "ada")
    assert post(sara, f"/meetings/{mid}/share", {"name": "fia"}).status_code == 303
    assert post(sara, f"/meetings/{mid}/speakers", {"label": "SPEAKER_00", "name": "Anna"}).status_code == 303
    assert post(sara, f"/meetings/{mid}/segments/1", {"text": "Vi beslutar att starta en skrivargrupp."}
                ).status_code == 303  # fmt: skip
    assert "skrivargrupp" in sara.get(f"/meetings/{mid}/export/transcript.txt").text
    assert post(sara, f"/meetings/{mid}/approve", {"confirmed": "1"}).status_code == 303
    assert "Godkänd version 1" in sara.get("/meetings").text
    fia = as_user(pg_app, "fia")
    assert fia.get(f"/meetings/{mid}").status_code == 200

    accounts.set_active("fia", False, "ada")  # ends her session on the server
    assert fia.get("/meetings", follow_redirects=False).status_code == 303
    stolen = TestClient(pg_app, cookies={"protokoll_session": sara.cookies["protokoll_session"]})
    post(sara, "/logout")
    assert stolen.get("/meetings", follow_redirects=False).status_code == 303

    sara = as_user(pg_app, "sara")
    assert post(sara, f"/meetings/{mid}/delete").status_code == 303
    with session() as s:
        assert s.get(Meeting, mid) is None
        assert not list(s.scalars(select(MeetingChange).where(MeetingChange.meeting_id == mid)))
    gone = sara.get(f"/meetings/{mid}")  # she had it open: told who deleted it, as on SQLite
    assert gone.status_code == 410 and "Mötet har tagits bort av sara." in gone.text
    assert {"login", "logout", "edit", "approve", "delete", "user_disable"} <= {e.action for e in audit.events()}
    assert "fia" in ada.get("/admin/users").text
    assert csrf_of(ada.get("/meetings").text)
