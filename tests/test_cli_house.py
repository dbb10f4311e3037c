"""What the command line says to a new user, in Swedish: the time a run took as a share of the recording's
length (not 'RTF 0.41'), an unknown language before any work (not Whisper's traceback), and a password
asked for without a terminal (not getpass's English warning), a database or Redis that does not answer
(not the driver's traceback)."""

from __future__ import annotations

import logging
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.cli_call import call
from tests.conftest import REPO
from tests.test_run_no_speech import _run
from tests.test_run_reused_workdir import tone
from transcribe.errors import BadOption, ServiceUnavailable
from transcribe.jobs import cli as jobs_cli
from transcribe.jobs import runner
from transcribe.transcript import Segment


def test_the_closing_line_says_the_speed_in_swedish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys) -> None:  # fmt: skip
    said = [Segment(id=0, start=0.0, end=2.0, text="Hej och välkomna.")]
    err = _run(monkeypatch, capsys, tone(tmp_path / "pip.wav", 2.0, 440), tmp_path / "ut", said)
    done = next(line for line in err.splitlines() if line.startswith("Klart"))
    assert "RTF" not in done, done
    assert re.search(r"ljud på \d+,\d s \(\d+ % av inspelningens längd\)", done), done


def _cli(args: list[str], tmp_path: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "TRANSCRIBE_DATA_DIR": str(tmp_path / "data")}
    closed = {"stdin": subprocess.DEVNULL} if stdin is None else {"input": stdin}  # no terminal either way
    return subprocess.run([sys.executable, "-m", "transcribe", *args], capture_output=True, text=True, cwd=REPO,
                          env=env, timeout=600, **closed)  # fmt: skip


def test_an_unknown_language_is_refused_before_any_work_in_swedish(tmp_path: Path) -> None:
    clip = tone(tmp_path / "pip.wav", 2.0, 440)
    proc = _cli(["run", str(clip), "--language", "xx", "-o", str(tmp_path / "ut")], tmp_path)
    assert proc.returncode == BadOption.exit_code, proc.stderr
    assert "okänt språk 'xx'" in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    assert not (tmp_path / "ut").exists()


def test_a_password_without_a_terminal_is_refused_in_swedish_and_a_missing_account_first(tmp_path: Path) -> None:
    proc = _cli(["users", "passwd", "nosuch"], tmp_path)
    assert proc.returncode == BadOption.exit_code and "ingen användare heter 'nosuch'" in proc.stderr, proc.stderr
    assert "Nytt lösenord" not in proc.stdout + proc.stderr  # not asked for a password first
    proc = _cli(["users", "add", "nils", "--role", "admin"], tmp_path)
    assert proc.returncode == BadOption.exit_code, proc.stderr
    assert "--password-stdin" in proc.stderr and "Warning" not in proc.stderr and "echo" not in proc.stderr
    proc = _cli(["users", "add", "nils", "--role", "admin", "--password-stdin"], tmp_path, stdin="ett långt lösenord\n")
    assert proc.returncode == 0, proc.stderr


def test_a_database_or_redis_that_does_not_answer_is_one_swedish_line(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("TRANSCRIBE_DATABASE_URL", "postgresql+psycopg://protokoll:hemligt@127.0.0.1:1/protokoll")
    for args in (["jobs", "list"], ["users", "list"]):
        proc = _cli(args, tmp_path)
        assert proc.returncode == ServiceUnavailable.exit_code, proc.stderr
        assert "databasen svarar inte" in proc.stderr and "anslutningen nekades" in proc.stderr, proc.stderr
        assert "Traceback" not in proc.stderr and "hemligt" not in proc.stderr, proc.stderr
    monkeypatch.delenv("TRANSCRIBE_DATABASE_URL")
    monkeypatch.setenv("TRANSCRIBE_QUEUE", "rq")
    monkeypatch.setenv("TRANSCRIBE_REDIS_URL", "redis://127.0.0.1:1/0")
    proc = _cli(["worker"], tmp_path)
    assert proc.returncode == ServiceUnavailable.exit_code, proc.stderr
    assert "Redis svarar inte: anslutningen nekades" in proc.stderr and "Traceback" not in proc.stderr, proc.stderr


def test_a_worker_says_a_database_outage_once_and_keeps_trying(monkeypatch, caplog) -> None:
    from sqlalchemy.exc import OperationalError

    from transcribe.jobs.worker import Worker

    worker = Worker(name="w1")
    calls = []

    def refused() -> bool:
        calls.append(1)
        if len(calls) == 3:
            worker.stop_event.set()
        raise OperationalError("SELECT 1", {}, ConnectionRefusedError("Connection refused"))

    monkeypatch.setattr(worker, "run_once", refused)
    monkeypatch.setattr("transcribe.jobs.queue.settings", lambda: SimpleNamespace(poll_s=0.0))
    worker.run()
    said = [r for r in caplog.records if r.name.startswith("transcribe")]
    assert len(calls) == 3 and len(said) == 1, [r.getMessage() for r in said]
    assert "databasen svarar inte" in said[0].getMessage() and not said[0].exc_info


def test_adding_to_a_series_counts_in_swedish(tmp_path: Path, monkeypatch) -> None:
    from typer.testing import CliRunner

    from transcribe.cli import app
    from transcribe.transcript import Transcript

    monkeypatch.setenv("TRANSCRIBE_DATA_DIR", str(tmp_path / "data"))
    meeting = tmp_path / "mote-1"
    meeting.mkdir()
    said = [Segment(id=0, start=0.0, end=2.0, text="Hej och välkomna.", speaker="SPEAKER_00")]
    (meeting / "transcript.json").write_text(Transcript(duration=2.0, segments=said).to_json(), encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["series", "create", "styrelsen"]).exit_code == 0
    first = runner.invoke(app, ["series", "add", "styrelsen", str(meeting)])
    assert first.exit_code == 0 and "styrelsen: 1 möte (1 nytt)" in first.stdout, first.stdout
    again = runner.invoke(app, ["series", "add", "styrelsen", str(meeting)])
    assert "styrelsen: 1 möte (inga nya)" in again.stdout, again.stdout


def test_serve_on_a_taken_port_says_so_in_swedish(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = _cli(["serve", "--port", str(port)], tmp_path)
    assert proc.returncode == BadOption.exit_code, proc.stderr
    assert f"porten {port} på 127.0.0.1 används redan" in proc.stderr and "Errno" not in proc.stderr, proc.stderr
    proc = _cli(["serve", "--host", "10.255.255.1", "--port", str(port)], tmp_path)
    assert "adressen 10.255.255.1 hör inte till den här datorn" in proc.stderr, proc.stderr


def test_serve_says_in_swedish_where_it_listens_and_nothing_in_english(tmp_path: Path) -> None:
    """Before, `serve` printed uvicorn's 'INFO: Uvicorn running on ... (Press CTRL+C to quit)' and each request."""
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    env = {**os.environ, "TRANSCRIBE_DATA_DIR": str(tmp_path / "data")}
    proc = subprocess.Popen([sys.executable, "-m", "transcribe", "serve", "--port", str(port), "--no-worker"],
                            cwd=REPO, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        deadline = time.monotonic() + 300  # ends once it answers; serve imports ~7 CPU-s, ~70 s at load 20 on two cores
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=5) as page:
                    assert page.status == 200
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read() if proc.stderr else ""
                time.sleep(0.5)
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    assert f"protokoll lyssnar på http://127.0.0.1:{port}/ (avsluta med Ctrl+C)" in err, err
    assert "Webbappen har stängts." in err, err
    for english in ("INFO", "Uvicorn", "Started server", "GET /login", "Press CTRL+C", "Shutting down"):
        assert english not in err + out, err


def test_a_job_under_serve_writes_no_progress_lines_but_under_worker_it_does(monkeypatch: pytest.MonkeyPatch) -> None:
    """Before, an upload processed by `serve` printed the job's English lines into its terminal ('runner[…] INFO
    Processing audio with duration 00:20.000', 'VAD filter removed …'); `transcribe worker` keeps them in its log."""
    monkeypatch.delenv(runner.RUNNER_LOG, raising=False)  # both restored after the test: worker_cmd sets them
    monkeypatch.setenv("TRANSCRIBE_DEVICE", "cpu")
    assert runner.log_level() == logging.WARNING
    monkeypatch.setattr(jobs_cli, "run_db_workers", lambda **_kw: None)
    monkeypatch.setattr(os, "umask", lambda _mask: 0o077)  # the test process keeps its own
    jobs_cli.worker_cmd(backend="db", burst=True)
    assert os.environ[runner.RUNNER_LOG] == "info" and runner.log_level() == logging.INFO


def test_a_recording_queued_from_the_command_line_is_the_owners_alone(tmp_path: Path, monkeypatch, capsys) -> None:
    """Before, `transcribe jobs submit` copied the recording as 644 into a 755 meeting folder (found by the egress
    test's file modes): anyone on the machine could listen to the meeting."""
    monkeypatch.setenv("TRANSCRIBE_DATA_DIR", str(tmp_path / "data"))
    clip = tone(tmp_path / "möte.wav", 2.0, 440)
    old = os.umask(0o022)  # a usual login shell
    try:
        code, out, err = call(monkeypatch, capsys, "jobs", "submit", str(clip), "--meeting", "m1")
    finally:
        os.umask(old)
    assert code == 0, err
    folder = tmp_path / "data" / "meetings" / "m1"
    modes = {p.name: oct(p.stat().st_mode & 0o777) for p in (folder.parent, folder, folder / "möte.wav")}
    assert modes == {"meetings": "0o700", "m1": "0o700", "möte.wav": "0o600"}, modes
