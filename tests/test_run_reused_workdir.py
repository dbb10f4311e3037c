"""A work folder left by another recording (an interrupted or --keep-work run into the same --out)
must never give the new recording the old one's audio."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from transcribe import asr, cli
from transcribe.pipeline import PipelineOptions, run_pipeline
from transcribe.transcript import Segment, Transcript


def tone(path: Path, seconds: float, freq: int) -> Path:
    subprocess.run(
        ["sox", "-n", "-r", "16000", "-c", "1", str(path), "synth", str(seconds), "sine", str(freq)], check=True
    )
    return path


@pytest.fixture
def heard(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """A stand-in recogniser that writes down how long the audio it was given is."""
    lengths: list[float] = []

    def fake_transcribe(audio, model="base", options=None, progress=None, stats=None, **_kw) -> Transcript:
        lengths.append(round(audio.duration, 1))
        seg = Segment(id=0, start=0.0, end=audio.duration, text=f"{audio.duration:.1f} sekunder")
        return Transcript(duration=audio.duration, segments=[seg])

    monkeypatch.setattr(asr, "transcribe", fake_transcribe)
    return lengths


def test_second_recording_into_same_work_folder_is_decoded_anew(tmp_path: Path, heard: list[float]) -> None:
    first, second = tone(tmp_path / "forsta.wav", 3.0, 440), tone(tmp_path / "andra.wav", 6.0, 660)
    work = tmp_path / "ut" / ".work"
    options = PipelineOptions(diarizer="none", minutes_backend="none")
    run_pipeline(first, work, options)
    result = run_pipeline(second, work, options)
    assert heard == [3.0, 6.0]
    assert result.duration == pytest.approx(6.0, abs=0.1)
    assert result.transcript.text.startswith("6.0")


def test_same_recording_again_still_reuses_its_finished_stages(tmp_path: Path, heard: list[float]) -> None:
    first = tone(tmp_path / "forsta.wav", 3.0, 440)
    work = tmp_path / "ut" / ".work"
    options = PipelineOptions(diarizer="none", minutes_backend="none")
    run_pipeline(first, work, options)
    result = run_pipeline(first, work, options)
    assert heard == [3.0]
    assert "transcribe" in result.reused


def run_cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], clip: Path, out: Path) -> str:
    monkeypatch.setattr(sys, "argv", ["transcribe", "run", str(clip), "-o", str(out), "-q", "--overwrite",
                                      "--diarizer", "none", "--minutes-backend", "none"])  # fmt: skip
    cli.main()
    return capsys.readouterr().err


def test_resuming_is_announced_only_for_the_same_recording(tmp_path: Path, monkeypatch, capsys, heard) -> None:
    first, second = tone(tmp_path / "forsta.wav", 3.0, 440), tone(tmp_path / "andra.wav", 6.0, 660)
    out = tmp_path / "ut"
    options = PipelineOptions(diarizer="none", minutes_backend="none")
    run_pipeline(first, out / ".work", options)  # as if a run of the first recording was stopped
    assert "Återupptar" not in run_cli(monkeypatch, capsys, second, out)
    run_pipeline(second, out / ".work", options)
    said = run_cli(monkeypatch, capsys, second, out)
    assert "Återupptar avbrutet jobb" in said and "interrupted run" not in said  # Swedish only, like every message
