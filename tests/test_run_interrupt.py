"""Ctrl-C during `transcribe run`: the secretary (and a script) must see that it stopped, and the
next run resumes from the finished stages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from transcribe import asr, cli


def test_ctrl_c_during_transcription_says_so_and_exits_130(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    clip = tmp_path / "möte.wav"
    subprocess.run(["sox", "-n", "-r", "16000", "-c", "1", str(clip), "synth", "3", "sine", "440"], check=True)

    def interrupted(*_args, **_kw):
        raise KeyboardInterrupt

    monkeypatch.setattr(asr, "transcribe", interrupted)
    out = tmp_path / "ut"
    monkeypatch.setattr(sys, "argv", ["transcribe", "run", str(clip), "-o", str(out), "-q", "--diarizer", "none"])
    with pytest.raises(SystemExit) as stop:
        cli.main()
    err = capsys.readouterr().err
    assert stop.value.code == 130, err
    assert "avbrutet" in err and len([ln for ln in err.splitlines() if ln.strip()]) == 1, err
    assert not list(out.glob("transcript.*"))
    assert (out / ".work" / "decode.done.json").exists()  # the decoded audio is kept for the next run


def test_a_refused_recording_leaves_no_folder_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    silent = tmp_path / "tyst.wav"
    subprocess.run(["sox", "-n", "-r", "16000", "-c", "1", str(silent), "trim", "0", "5"], check=True)
    out = tmp_path / "ut"
    monkeypatch.setattr(sys, "argv", ["transcribe", "run", str(silent), "-o", str(out), "-q"])
    with pytest.raises(SystemExit) as stop:
        cli.main()
    assert stop.value.code == 7, capsys.readouterr().err
    assert not out.exists()  # no hidden work folder holding the decoded audio
