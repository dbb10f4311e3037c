"""The `transcribe run` command as a user meets it: real audio, real model, bad input."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import wave
from pathlib import Path

import jiwer
import pytest

from tests.conftest import REPO, SWEDISH
from transcribe import cli
from transcribe.transcript import Transcript

CLI = [sys.executable, "-m", "transcribe.cli"]


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *args], capture_output=True, text=True, timeout=timeout, cwd=REPO, env={**os.environ, **(env or {})}
    )


@pytest.fixture
def in_process(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """`transcribe *args` in this process, as cli.main runs it, for a command that transcribes nothing (a
    refusal, the model list): no interpreter start (about 6 CPU-s each, nearly all of it importing).
    test_missing_ffmpeg keeps a refusal in a real process, where a warning printed at import would show as a
    second line."""

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        monkeypatch.setattr(sys, "argv", ["transcribe", *args])
        monkeypatch.setenv("TRANSCRIBE_DEVICE", os.environ.get("TRANSCRIBE_DEVICE", "cpu"))  # run sets it
        mask = os.umask(0o077)  # run sets the process's umask: the other tests keep theirs
        os.umask(mask)
        try:
            cli.main()
            code = 0
        except SystemExit as stop:
            code = int(stop.code or 0)
        finally:
            os.umask(mask)
        captured = capsys.readouterr()
        return subprocess.CompletedProcess(["transcribe", *args], code, captured.out, captured.err)

    return run


def normalise(text: str) -> str:
    return jiwer.RemovePunctuation()(text.lower())


def assert_one_line_error(proc: subprocess.CompletedProcess[str], code: int, needle: str) -> None:
    assert proc.returncode == code, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr
    lines = [ln for ln in proc.stderr.strip().splitlines() if ln.strip()]
    assert len(lines) == 1, proc.stderr
    assert needle.lower() in lines[0].lower(), lines[0]


@pytest.fixture(scope="module")
def transcribed(speech_wav: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess]:
    out = tmp_path_factory.mktemp("run") / "out"
    proc = run_cli(
        "run",
        str(speech_wav),
        "--out",
        str(out),
        "--diarizer",
        "none",
        "--minutes-backend",
        "none",
        "--format",
        "json,txt,srt,vtt,md",
        "--quiet",
    )
    return out, proc


@pytest.mark.slow
def test_run_writes_every_format_with_real_swedish_text(transcribed) -> None:
    out, proc = transcribed
    assert proc.returncode == 0, proc.stderr
    for ext in ("json", "txt", "srt", "vtt", "md"):
        assert (out / f"transcript.{ext}").stat().st_size > 0
    t = Transcript.from_json((out / "transcript.json").read_text())
    assert t.language == "sv" and t.duration > 5
    wer = jiwer.wer(normalise(SWEDISH), normalise(t.text))
    # espeak-ng's robotic Swedish costs Whisper base about half its words; the bench tracks the
    # real figure. This catches a broken decoder, a wrong language or a lost passage.
    assert wer < 0.7, (wer, t.text)
    assert {"hej", "jag", "heter", "nästa"} <= set(normalise(t.text).split()), t.text
    words = [w for s in t.segments for w in s.words]
    assert words and all(0.0 <= w.probability <= 1.0 for w in words)
    assert all(a.start <= b.start for a, b in zip(words, words[1:], strict=False))
    assert (out / "transcript.vtt").read_text().startswith("WEBVTT")
    assert "-->" in (out / "transcript.srt").read_text()
    assert not list(out.glob("*.part")) and not (out / ".work").exists()


@pytest.mark.slow
def test_existing_output_is_refused_then_overwritten_on_request(transcribed, speech_wav: Path) -> None:
    out, _ = transcribed
    before = (out / "transcript.json").read_bytes()
    proc = run_cli("run", str(speech_wav), "--out", str(out), "--diarizer", "none", "--minutes-backend", "none")
    assert_one_line_error(proc, 9, "finns redan")
    assert (out / "transcript.json").read_bytes() == before


def test_json_round_trip_is_lossless() -> None:
    from transcribe.transcript import Segment, SpeakerInfo, Word

    t = Transcript(
        source="m.wav", duration=3.5, model="base",
        segments=[Segment(id=0, start=0.0, end=1.25, text="Hej på er", speaker="SPEAKER_00",
                          words=[Word(start=0.0, end=0.4, text=" Hej", probability=0.91, speaker="SPEAKER_00")])],
        speakers=[SpeakerInfo(label="SPEAKER_00", name="Maria", name_source="user")],
        metadata={"title": "Möte"},
    )  # fmt: skip
    assert Transcript.from_json(t.to_json()) == t


# --- bad input: each a one-line message and its own exit code -------------------------------


def _wav(path: Path, seconds: float, amplitude: int = 0) -> Path:
    import numpy as np

    n = int(16000 * seconds)
    data = (amplitude * np.sin(np.arange(n) * 2 * np.pi * 440 / 16000)).astype("<i2")
    with wave.open(str(path), "wb") as wf:
        wf.setnchannels(1)
        wf.setsampwidth(2)
        wf.setframerate(16000)
        wf.writeframes(data.tobytes())
    return path


def _file(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "make, code, needle",
    [
        (lambda d: d / "missing.wav", 2, "finns inte"),
        (lambda d: d, 3, "är en katalog"),
        (lambda d: _file(d / "empty.wav", b""), 4, "är tom"),
        (lambda d: _wav(d / "zero.wav", 0.0), 4, "0 sekunder"),
        (lambda d: _wav(d / "silence.wav", 3.0), 7, "är tyst"),
        (lambda d: _file(d / "report.mp3", b"%PDF-1.4\n" + b"x" * 4000), 5, "inte en ljudfil"),
        (lambda d: _file(d / "noise.ogg", random.Random(7).randbytes(20000)), 5, "inte en ljudfil"),
    ],
    ids=["missing", "directory", "empty", "zero-seconds", "silent", "pdf-as-mp3", "random-bytes"],
)
def test_bad_input_gets_one_line_and_distinct_exit_code(
    in_process, tmp_path: Path, make, code: int, needle: str
) -> None:
    path = make(tmp_path)
    proc = in_process("run", str(path), "--out", str(tmp_path / "out"), "--diarizer", "none")
    assert_one_line_error(proc, code, needle)
    assert not (tmp_path / "out" / "transcript.json").exists()


@pytest.mark.parametrize(
    "make, code, needle",
    [
        (lambda d: d, 3, "är en katalog, inte en transkription"),
        (lambda d: _wav(d / "meeting.wav", 1.0), 14, "ingen transkription"),
    ],
    ids=["directory", "a-recording"],
)
def test_minutes_on_what_is_no_transcript_says_so(in_process, tmp_path: Path, make, code: int, needle: str) -> None:
    proc = in_process("minutes", str(make(tmp_path)), "--out", str(tmp_path / "out"))
    assert_one_line_error(proc, code, needle)


@pytest.mark.parametrize(
    "args, code, needle",
    [
        (["--diarizer", "pyannote"], 12, "--diarizer-model"),
        (["--diarizer", "pyannote", "--diarizer-model", "/nowhere/pyannote"], 12, "/nowhere/pyannote"),
        (["--diarizer", "pyanote"], 14, "okänd talaruppdelning"),
    ],
    ids=["pyannote-without-pipeline", "pyannote-pipeline-missing", "misspelt"],
)
def test_a_diarizer_that_cannot_run_is_said_before_the_transcription(
    in_process, tmp_path: Path, speech_wav: Path, args: list[str], code: int, needle: str
) -> None:
    proc = in_process("run", str(speech_wav), "--out", str(tmp_path / "out"), *args)
    assert_one_line_error(proc, code, needle)
    assert not (tmp_path / "out" / ".work" / "transcribe.done.json").exists()


def test_truncated_recording_is_reported(in_process, tmp_path: Path) -> None:
    full = _wav(tmp_path / "full.wav", 10.0, amplitude=3000)
    cut = tmp_path / "cut.wav"
    cut.write_bytes(full.read_bytes()[: 16000 * 2 * 2])  # header still claims 10 s
    proc = in_process("run", str(cut), "--out", str(tmp_path / "out"), "--diarizer", "none")
    assert_one_line_error(proc, 6, "avkortad")


def test_unwritable_output_directory(in_process, tmp_path: Path, speech_wav: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    proc = in_process("run", str(speech_wav), "--out", str(blocker / "out"), "--diarizer", "none")
    assert_one_line_error(proc, 10, "utmappen")


def test_missing_ffmpeg(tmp_path: Path, speech_wav: Path) -> None:
    bindir = tmp_path / "bin"
    bindir.mkdir()
    os.symlink(sys.executable, bindir / "python")
    proc = run_cli("run", str(speech_wav), "--out", str(tmp_path / "out"), env={"PATH": str(bindir)})
    assert_one_line_error(proc, 11, "ffmpeg")


def test_missing_model_names_the_model_and_the_fix(in_process, tmp_path: Path, speech_wav: Path) -> None:
    proc = in_process(
        "run",
        str(speech_wav),
        "--out",
        str(tmp_path / "out"),
        "--model",
        str(tmp_path / "kb-whisper"),
        "--diarizer",
        "none",
    )
    assert_one_line_error(proc, 12, "kb-whisper")


def test_bad_speaker_count(in_process, tmp_path: Path, speech_wav: Path) -> None:
    proc = in_process("run", str(speech_wav), "--out", str(tmp_path / "out"), "--speakers", "0")
    assert_one_line_error(proc, 14, "--speakers måste vara minst 1")


# --- decoding: any container, any rate, mono or stereo, video --------------------------------


@pytest.mark.parametrize(
    "ext, args",
    [
        ("mp3", ["-ac", "2", "-ar", "44100"]),
        ("m4a", ["-ac", "2", "-ar", "48000", "-c:a", "aac"]),
        ("ogg", ["-ac", "1", "-ar", "48000", "-c:a", "libopus"]),
        ("flac", ["-ac", "2", "-ar", "22050"]),
        ("webm", ["-ac", "1", "-ar", "48000", "-c:a", "libopus"]),
    ],
)
def test_decode_any_container_to_16k_mono(tmp_path: Path, speech_wav: Path, ext: str, args: list[str]) -> None:
    from transcribe.audio import decode

    target = tmp_path / f"m.{ext}"
    subprocess.run(["ffmpeg", "-loglevel", "error", "-i", str(speech_wav), *args, str(target)], check=True)
    audio = decode(target, tmp_path / "work")
    reference = decode(speech_wav, tmp_path / "ref")
    assert audio.sample_rate == 16000 and audio.samples.ndim == 1
    assert abs(audio.duration - reference.duration) < 0.15


def test_decode_video_with_audio(tmp_path: Path, speech_wav: Path) -> None:
    from transcribe.audio import decode

    video = tmp_path / "teams.mp4"
    subprocess.run(
        ["ffmpeg", "-loglevel", "error", "-f", "lavfi", "-i", "color=c=blue:s=160x120:r=5", "-i", str(speech_wav),
         "-shortest", "-c:v", "libx264", "-c:a", "aac", str(video)],
        check=True,
    )  # fmt: skip
    audio = decode(video, tmp_path / "work")
    assert audio.duration > 5


def test_video_without_audio_is_not_audio(tmp_path: Path) -> None:
    video = tmp_path / "screen.mp4"
    subprocess.run(["ffmpeg", "-loglevel", "error", "-f", "lavfi", "-i", "color=c=red:s=64x64:r=5:d=2",
                    "-c:v", "libx264", str(video)], check=True)  # fmt: skip
    proc = run_cli("run", str(video), "--out", str(tmp_path / "out"))
    assert_one_line_error(proc, 5, "inget ljudspår")


# --- models -------------------------------------------------------------------------------------


def test_models_list_and_verify(in_process) -> None:
    proc = in_process("models", "list", "--json")
    assert proc.returncode == 0, proc.stderr
    rows = {r["name"]: r for r in json.loads(proc.stdout)}
    assert rows["whisper-base"]["present"] and rows["silero-vad"]["present"] and rows["resemblyzer-ge2e"]["present"]
    proc = in_process("models", "verify", "whisper-base")
    assert proc.returncode == 0 and "OK" in proc.stdout


def test_models_add_registers_a_local_whisper_dir(in_process, tmp_path: Path) -> None:
    kb = tmp_path / "kb-whisper-small"
    kb.mkdir()
    proc = in_process("models", "add", str(kb))
    assert_one_line_error(proc, 12, "model.bin")
    for name in ("model.bin", "config.json", "tokenizer.json"):
        (kb / name).write_text("{}")
    proc = in_process("models", "add", str(kb), "--name", "kb-small")
    assert proc.returncode == 0, proc.stderr
    listed = {r["name"]: r for r in json.loads(in_process("models", "list", "--json").stdout)}
    assert listed["kb-small"]["path"] == str(kb.resolve())


def test_corrupt_bundled_model_is_detected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from transcribe import models
    from transcribe.errors import ModelCorrupt

    monkeypatch.setenv("TRANSCRIBE_MODELS_DIR", str(tmp_path))
    target = tmp_path / "whisper-base" / "model.bin"
    target.parent.mkdir()
    target.write_bytes(b"\0" * 1000)
    with pytest.raises(ModelCorrupt, match="whisper-base"):
        models.verify("whisper-base")
