"""`transcribe run` into a folder other people can read (`-o .` in a shared directory): the meeting's
decoded audio and work files stay owner-only, like its transcript and minutes."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from transcribe import asr, cli
from transcribe.transcript import Segment, Transcript


@pytest.fixture
def fake_recogniser(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_transcribe(audio, model="base", options=None, progress=None, stats=None, **_kw) -> Transcript:
        seg = Segment(id=0, start=0.0, end=audio.duration, text="Hej och välkomna.")
        return Transcript(duration=audio.duration, segments=[seg])

    monkeypatch.setattr(asr, "transcribe", fake_transcribe)


@pytest.fixture
def restore_umask():
    old = os.umask(0o022)
    os.umask(old)
    yield
    os.umask(old)


def test_work_files_in_a_shared_folder_are_owner_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_recogniser, restore_umask
) -> None:
    clip = tmp_path / "möte.wav"
    subprocess.run(["sox", "-n", "-r", "16000", "-c", "1", str(clip), "synth", "3", "sine", "440"], check=True)
    shared = tmp_path / "delad"
    shared.mkdir()
    shared.chmod(0o755)
    os.umask(0o022)  # a usual login shell
    monkeypatch.setattr(sys, "argv", ["transcribe", "run", str(clip), "-o", str(shared), "-q", "--keep-work",
                                      "--diarizer", "none", "--minutes-backend", "none"])  # fmt: skip
    cli.main()  # returns on success; a failure would exit with its code
    written = list(shared.rglob("*"))
    assert (shared / ".work" / "audio.wav") in written and (shared / "transcript.json") in written
    readable = [str(p) for p in written if stat.S_IMODE(p.stat().st_mode) & 0o077]
    assert not readable, readable
