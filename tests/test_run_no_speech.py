"""A recording in which nothing was recognised (a beep, music, the wrong file) says so, in Swedish.

Before, the run ended with 'Klart: 0 segment' and an empty protokoll, as if all had gone well.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.cli_call import keep_process_settings
from tests.test_run_reused_workdir import tone
from transcribe import asr, cli
from transcribe.transcript import Segment, Transcript


def _run(monkeypatch, capsys, clip: Path, out: Path, segments: list[Segment]) -> str:
    def fake_transcribe(audio, model="base", options=None, progress=None, stats=None, **_kw) -> Transcript:
        return Transcript(duration=audio.duration, segments=segments)

    monkeypatch.setattr(asr, "transcribe", fake_transcribe)
    monkeypatch.setattr(sys, "argv", ["transcribe", "run", str(clip), "-o", str(out), "-q", "--diarizer", "none"])
    mask = keep_process_settings(monkeypatch)
    try:
        cli.main()  # returns: the outputs are still written
    finally:
        os.umask(mask)
    return capsys.readouterr().err


def test_nothing_heard_is_told(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    err = _run(monkeypatch, capsys, tone(tmp_path / "pip.wav", 2.0, 440), tmp_path / "ut", [])
    assert "inget tal kändes igen" in err and "rätt inspelning" in err
    assert (tmp_path / "ut" / "transcript.txt").exists()


def test_speech_heard_gives_no_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    said = [Segment(id=0, start=0.0, end=2.0, text="Hej och välkomna.")]
    err = _run(monkeypatch, capsys, tone(tmp_path / "pip.wav", 2.0, 440), tmp_path / "ut", said)
    assert "inget tal" not in err and "Klart" in err
