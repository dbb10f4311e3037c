"""Scale-out backend: jobs queued in Redis (RQ) survive a Redis restart; the database stays the truth."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import free_port, have, speak
from tests.test_jobs import (
    fast_options,
    jobs_env,  # noqa: F401 - fixture
    start_worker,
    stop_process,
    store,
    wait_for,
)

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not shutil.which("redis-server"), reason="redis-server missing")]


class RedisServer:
    """A throwaway redis-server on loopback with an append-only file, restartable in place."""

    def __init__(self, directory: Path) -> None:
        self.dir, self.port = directory, free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.proc = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes",
             "--dir", str(self.dir)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for(self.ping, 120, 0.1, "redis to start")  # ends when it answers; the bound is for a loaded machine

    def ping(self) -> bool:
        from redis import Redis
        from redis.exceptions import ConnectionError

        try:
            return bool(Redis.from_url(self.url, socket_timeout=1).ping())
        except ConnectionError:
            return False

    def shutdown(self) -> None:
        from redis import Redis
        from redis.exceptions import ConnectionError

        try:
            Redis.from_url(self.url).shutdown()  # flushes the append-only file
        except ConnectionError:
            pass
        assert self.proc is not None
        self.proc.wait(120)  # writing the append-only file on a loaded machine; ends when Redis has stopped

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture
def redis_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs_env: Path) -> Iterator[RedisServer]:  # noqa: F811
    directory = tmp_path / "redis"
    directory.mkdir()
    server = RedisServer(directory)
    server.start()
    monkeypatch.setenv("TRANSCRIBE_QUEUE", "rq")
    monkeypatch.setenv("TRANSCRIBE_REDIS_URL", server.url)
    yield server
    server.stop()


def test_rq_jobs_survive_a_redis_restart_and_all_complete(redis_server: RedisServer, tmp_path: Path) -> None:
    from transcribe.jobs import list_jobs, result_paths, status, submit
    from transcribe.jobs.rq_backend import rq_queue
    from transcribe.transcript import Transcript

    if not (have("espeak-ng") and have("sox")):
        pytest.fail("espeak-ng and sox are required")
    clips = {
        f"r{i}": speak(f"Möte {i}. Vi talar om {w}.", tmp_path / f"r{i}.wav", speed=190)
        for i, w in enumerate(("budgeten", "hamnen"))
    }
    ids = {mid: submit(store(clip, mid), mid, fast_options()) for mid, clip in clips.items()}
    assert rq_queue().count == 2 and all(status(j).state == "queued" for j in ids.values())

    redis_server.shutdown()  # with jobs queued and no worker yet
    late_clip = speak("Ett sent möte om skogen.", tmp_path / "late.wav", speed=190)
    late = submit(store(late_clip, "late"), "late", fast_options())  # Redis down: kept in the database
    assert status(late).state == "queued"
    redis_server.start()
    assert rq_queue().count == 2  # the append-only file brought the queued jobs back

    worker = start_worker("--backend", "rq", env={"TRANSCRIBE_THREADS": "1"})
    try:
        # 80 s ran out at load 10-15 (one worker, three jobs); a passing run waits only until the jobs end.
        wait_for(lambda: all(s.state in ("done", "failed") for s in list_jobs()), 480, 0.5, "the RQ jobs")
    finally:
        stop_process(worker)
    states = {s.meeting_id: s for s in list_jobs()}
    assert {m: s.state for m, s in states.items()} == {m: "done" for m in [*clips, "late"]}
    for mid, clip in clips.items():
        assert Transcript.from_json(result_paths(mid)["transcript.json"].read_text()).source == clip.name
    assert states["late"].attempts == 1  # the reconciler delivered it once Redis was back
