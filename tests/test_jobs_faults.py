"""Fault and load tests with real worker processes: kill -9 mid-transcription, 20 uploads at once."""

from __future__ import annotations

import os
import signal
import subprocess
import wave
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import have, speak
from tests.test_jobs import (
    fast_options,
    jobs_env,  # noqa: F401 - fixture
    runners,
    start_worker,
    stop_process,
    store,
    transcript_without_timing,
    wait_for,
)

pytestmark = pytest.mark.slow

LONG_TEXT = (
    "Hej och välkomna till styrelsemötet. Vi går igenom budgeten för nästa år och beslutar om den nya lokalen. "
    "Anna Lindqvist redovisar ekonomin. Intäkterna har ökat med tio procent jämfört med förra året, men kostnaderna "
    "för lokalerna har också stigit. Styrelsen beslutar att godkänna budgeten. Johan Berg ansvarar för att kontakta "
    "hyresvärden före den femtonde mars. Nästa punkt är medlemsavgiften. Vi diskuterar om avgiften ska höjas. "
    "Flera ledamöter är tveksamma. Beslutet skjuts upp till nästa möte. Nästa möte blir den tjugonde april."
)
SUBJECTS = [
    "budgeten", "lokalen", "skolmaten", "biblioteket", "idrottshallen", "trafiken", "parken", "hemsidan",
    "utflykten", "städningen", "kyrkan", "hamnen", "bussarna", "cykelbanan", "badhuset", "torget", "skogen",
    "festen", "konserten", "valet",
]  # fmt: skip
UPLOADS = 8  # queued at once for two workers


def duration(path: Path) -> float:
    with wave.open(str(path)) as wf:
        return wf.getnframes() / wf.getframerate()


@pytest.fixture(scope="module")
def long_clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (have("espeak-ng") and have("sox")):
        pytest.fail("espeak-ng and sox are required")
    return speak(LONG_TEXT, tmp_path_factory.mktemp("long") / "meeting.wav", speed=150)


def test_kill_9_worker_mid_transcription_resumes_and_matches_uninterrupted(
    jobs_env: Path,  # noqa: F811
    long_clip: Path,  # noqa: F811
) -> None:
    from transcribe.jobs import meeting_dir, status, submit

    assert 35 < duration(long_clip) < 50
    crashed = submit(store(long_clip, "crash", "meeting.wav"), "crash", fast_options(minutes="rules"))
    env = {"TRANSCRIBE_THREADS": "2"}
    first = start_worker(env=env)
    try:
        # The worker starts, claims and decodes first; 60 s ran out at load 18 (a passing run waits only until then).
        seen = wait_for(lambda: (s := status(crashed)).stage == "transcribe" and s, 480, 0.1, "transcription")
        runner = wait_for(lambda: runners(first.pid), 60, 0.1, "the runner")[0]
        os.kill(first.pid, signal.SIGKILL)
        first.wait()
        runner.wait(5)  # the runner dies with its worker (no orphan writing into the meeting directory)
    finally:
        stop_process(first)
    mid = status(crashed)
    assert mid.state == "running" and 0 < mid.percent < 100 and seen.attempts == 1
    assert (meeting_dir("crash") / ".work" / "audio.wav").exists()  # the decode stage survived
    assert not (meeting_dir("crash") / "transcript.json").exists()

    reference = submit(store(long_clip, "ref", "meeting.wav"), "ref", fast_options(minutes="rules"))
    second = start_worker(env=env)
    try:
        for job in (reference, crashed):  # ~25 CPU-s each; the bound is for a machine shared with other work
            wait_for(lambda j=job: status(j).state in ("done", "failed"), 480, 0.5, f"job {job}")
    finally:
        stop_process(second)
    done = status(crashed)
    assert done.state == "done" and done.attempts == 2 and done.error is None and done.percent == 100
    assert status(reference).state == "done"
    got = transcript_without_timing(meeting_dir("crash") / "transcript.json")
    want = transcript_without_timing(meeting_dir("ref") / "transcript.json")
    assert got == want and len(got["segments"]) > 3
    assert (meeting_dir("crash") / "minutes.md").exists()


def test_many_uploads_at_once_one_corrupt(jobs_env: Path, tmp_path: Path) -> None:  # noqa: F811
    """Eight uploads queued at once for two worker processes: four times as many jobs as workers, so both
    workers claim again and again from the same queue while the other works, and the corrupt upload sits
    between good ones that both workers still finish. What is checked of each job (its own input's
    transcript, one failure with its reason, one attempt) does not grow with the count: twenty uploads cost
    105 CPU-s for the same claims. Exclusive claims under contention (four claimants, six jobs) are checked in
    test_jobs.test_claims_are_exclusive_under_concurrency."""
    from transcribe.jobs import list_jobs, meeting_dir, result_paths, submit
    from transcribe.transcript import Transcript

    clips: dict[str, Path] = {}
    for i, subject in enumerate(SUBJECTS[:UPLOADS]):
        raw = speak(f"Punkt {i + 1}. Vi pratar om {subject}.", tmp_path / f"raw{i}.wav", speed=190)
        clip = tmp_path / f"meeting-{i:02d}.wav"  # padded so that every input has its own length
        subprocess.run(["sox", str(raw), str(clip), "pad", "0", f"{0.1 * i:.1f}"], check=True)
        clips[f"m{i:02d}"] = clip
    corrupt_id = "m03"
    data = clips[corrupt_id].read_bytes()
    clips[corrupt_id].write_bytes(data[: len(data) // 3])  # cut short: the header promises more
    jobs = {mid: submit(store(clip, mid), mid, fast_options()) for mid, clip in clips.items()}

    # A worker renews its lease every 2 s with the fixture's 4 s lease: a worker process held up 2 s (a loaded
    # machine, a slow disk's fsync) could lose its job to the other, idle worker, and the job ran twice (attempts
    # 2). Nothing here waits for a lease to run out, so it is long.
    env = {"TRANSCRIBE_THREADS": "1", "TRANSCRIBE_JOB_LEASE_S": "120"}
    workers = [start_worker(env=env), start_worker(env=env)]
    try:
        # ~10 CPU-s per job (a runner process each; Whisper encodes a full 30 s window however short the
        # clip): ~45 s on two idle cores; the margin is for a machine shared with other work.
        wait_for(
            lambda: all(s.state in ("done", "failed") for s in list_jobs()),
            480,
            0.5,
            lambda: f"all {UPLOADS} jobs: {Counter(s.state for s in list_jobs())}",
        )
    finally:
        for w in workers:
            stop_process(w)
    states = {s.meeting_id: s for s in list_jobs()}
    failed = [m for m, s in states.items() if s.state == "failed"]
    assert failed == [corrupt_id], {m: s.error for m, s in states.items() if s.state != "done"}
    bad = states[corrupt_id]
    assert "avkortad" in (bad.error or "") and "meeting-03.wav" in (bad.error or "") and bad.attempts == 1
    assert result_paths(corrupt_id) == {}
    assert {s.id for s in states.values()} == set(jobs.values())
    for mid, clip in clips.items():
        if mid == corrupt_id:
            continue
        t = Transcript.from_json((meeting_dir(mid) / "transcript.json").read_text())
        assert t.source == clip.name, (mid, t.source)  # each meeting got its own input's transcript
        assert abs(t.duration - duration(clip)) < 0.02, (mid, t.duration, duration(clip))
