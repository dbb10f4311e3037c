"""Recordings as they reach a secretary: a phone file cut off, noise named .mp3, a name with spaces and å/ä/ö.

Each refused one ends in one Swedish line with the documented exit code (README: 5 not audio, 6 corrupt or
truncated), never a traceback or ffmpeg's English.
"""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

import pytest

from tests.cli_call import call

ENGLISH = ("Error", "Invalid", "filter", "Traceback", "moov")


def _m4a(source: Path, target: Path) -> Path:
    subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-i", str(source), "-c:a", "aac", str(target)], check=True)
    return target


def _refused(monkeypatch, capsys, path: Path, out: Path) -> tuple[int, str]:
    code, stdout, stderr = call(monkeypatch, capsys, "run", str(path), "--out", str(out), "--diarizer", "none")
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("fel:"), stderr
    assert not any(word in stderr for word in ENGLISH), stderr
    assert not (out / "transcript.json").exists()
    return code, lines[0]


def test_a_phone_recording_cut_off_is_truncated_not_no_audio(monkeypatch, capsys, tmp_path, speech_wav) -> None:
    whole = _m4a(speech_wav, tmp_path / "whole.m4a")
    cut = tmp_path / "Styrelsemöte år 2026.m4a"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])  # the app stopped: no index at the end
    code, line = _refused(monkeypatch, capsys, cut, tmp_path / "out")
    assert code == 6 and "avkortad" in line and "Styrelsemöte år 2026.m4a" in line


@pytest.mark.parametrize("seed", [3, 11])
def test_noise_named_mp3_is_no_audio(monkeypatch, capsys, tmp_path, seed: int) -> None:
    noise = tmp_path / "diktafon.mp3"
    noise.write_bytes(random.Random(seed).randbytes(100_000))  # ffprobe guesses an mp3 stream of 0 channels
    code, line = _refused(monkeypatch, capsys, noise, tmp_path / "out")
    assert code == 5 and "inte en ljudfil" in line
