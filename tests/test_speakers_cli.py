"""`transcribe speakers …` on real synthetic voices with the real GE2E encoder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import wave
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from tests.conftest import HIGH_VOICE, LOW_VOICE, REPO, have, synth_voice
from transcribe.audio import SAMPLE_RATE, Audio, write_wav
from transcribe.config import data_dir
from transcribe.diarize.base import Diarization, Turn
from transcribe.diarize.embedded import embed_segments
from transcribe.errors import BadOption, SilentAudio
from transcribe.speakers import recognise
from transcribe.speakers.match import match_speakers
from transcribe.speakers.profiles import ProfileDirectory
from transcribe.transcript import Segment, SpeakerInfo, Transcript

pytestmark = pytest.mark.skipif(not (have("espeak-ng") and have("sox")), reason="needs espeak-ng and sox")

VOICES = {"johan": LOW_VOICE, "lena": HIGH_VOICE}
TEXTS = [
    "Hej och välkomna till dagens möte om budgeten för nästa år. Vi har mycket att gå igenom i dag.",
    "Jag tycker att vi borde prioritera skolans lokaler och ventilationen först, sedan personalen.",
    "Föräldrarna har hört av sig flera gånger om skolgården och belysningen under vintern.",
]


def say(tmp: Path, voice: str, text: str) -> np.ndarray:
    return synth_voice(tmp, VOICES[voice], text, trim=False)


def wav(path: Path, x: np.ndarray) -> Path:
    write_wav(path, (np.clip(x, -1, 1) * 32767).astype(np.int16))
    return path


@pytest.fixture(scope="module")
def voices(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[np.ndarray]]:
    tmp = tmp_path_factory.mktemp("voices")
    return {v: [say(tmp, v, t) for t in TEXTS] for v in VOICES}


@pytest.fixture()
def profiles_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TRANSCRIBE_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data" / "speakers"


def cli(*args: str):
    from transcribe.cli import app

    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, (result.output, result.exception)
    return result


def test_enroll_list_recognise_forget(voices, profiles_root: Path, tmp_path: Path) -> None:
    from transcribe import audit

    gap = np.zeros(SAMPLE_RATE // 2, dtype=np.float32)
    clip = wav(tmp_path / "johan.wav", np.concatenate([gap, voices["johan"][0], gap, voices["johan"][1], gap]))
    out = cli("speakers", "enroll", "Johan Berg", str(clip), "--user", "lena").output
    assert out.startswith("Johan Berg: ") and "prov" in out
    assert [p.name for p in profiles_root.glob("*.json")] and not list(profiles_root.glob("*.wav"))
    listed = json.loads(cli("speakers", "list", "--json").output)
    assert listed[0]["name"] == "Johan Berg" and listed[0]["n_samples"] >= 1 and "embeddings" not in listed[0]
    assert audit.events(target="speaker:Johan Berg")[0].action == "profile_enroll"

    # --start/--end take only part of a file
    both = wav(tmp_path / "both.wav", np.concatenate([voices["lena"][0], gap, voices["johan"][2]]))
    cut = len(voices["lena"][0]) / SAMPLE_RATE
    cli("speakers", "enroll", "Lena", str(both), "--end", f"{cut:.2f}")
    lena = ProfileDirectory().get("Lena")
    assert lena is not None and lena.seconds <= cut + 0.5

    # a new recording: Johan's unseen sentence scores highest against Johan, Lena's against Lena
    audio = Audio.from_wav(both)
    labels = {
        "SPEAKER_00": embed_segments(audio, [(0, cut)]),
        "SPEAKER_01": embed_segments(audio, [(cut + 0.5, audio.duration)]),
    }
    m = match_speakers(labels, ProfileDirectory())
    assert m["SPEAKER_01"].name in (None, "Johan Berg") and m["SPEAKER_00"].name in (None, "Lena")
    scores = {label: match_speakers({label: v}, ProfileDirectory())[label] for label, v in labels.items()}
    assert scores["SPEAKER_01"].name == "Johan Berg", scores  # ~6 s of unseen speech: named or proposed

    cli("speakers", "forget", "Johan Berg", "--user", "lena")
    assert ProfileDirectory().get("Johan Berg") is None
    event = audit.events(target="speaker:Johan Berg")[0]
    assert (event.action, event.user) == ("profile_forget", "lena")


def test_enroll_meeting_uses_only_names_a_person_gave(voices, profiles_root: Path, tmp_path: Path) -> None:
    meeting = tmp_path / "meeting"
    meeting.mkdir()
    parts, segs, t = [], [], 0.0
    for i, (who, k) in enumerate([("johan", 0), ("lena", 0), ("johan", 1), ("lena", 1)]):
        x = voices[who][k]
        label = "SPEAKER_00" if who == "johan" else "SPEAKER_01"
        segs.append(Segment(id=i, start=t, end=t + len(x) / SAMPLE_RATE, text=TEXTS[k], speaker=label))
        parts += [x, np.zeros(SAMPLE_RATE // 2, dtype=np.float32)]
        t += len(x) / SAMPLE_RATE + 0.5
    wav(meeting / "input.wav", np.concatenate(parts))
    transcript = Transcript(segments=segs, speakers=[
        SpeakerInfo(label="SPEAKER_00", name="Johan Berg", name_source="user"),
        SpeakerInfo(label="SPEAKER_01", name="Lena Ek", name_source="introduction"),  # a guess: not enrolled
    ])  # fmt: skip
    (meeting / "transcript.json").write_text(transcript.to_json())
    out = cli("speakers", "enroll-meeting", str(meeting)).output
    assert "Johan Berg:" in out and "Lena" not in out
    assert [p.name for p in ProfileDirectory().list()] == ["Johan Berg"]

    # the pipeline hook names Johan in the same recording's diarisation centroids
    audio = Audio.from_wav(meeting / "input.wav")
    turns = [Turn(s.start, s.end, s.speaker or "") for s in segs]
    spans = {lb: [(s.start, s.end) for s in segs if s.speaker == lb] for lb in ("SPEAKER_00", "SPEAKER_01")}
    d = Diarization(turns=turns, embeddings={lb: embed_segments(audio, v) for lb, v in spans.items()})
    fresh = transcript.model_copy(deep=True)
    fresh.speakers = []
    named = recognise(fresh, d)
    assert named.speaker_name("SPEAKER_00") == "Johan Berg"
    assert named.speaker_name("SPEAKER_01") == "SPEAKER_01"


def test_errors_are_one_line(profiles_root: Path, tmp_path: Path) -> None:
    env = {**os.environ, "TRANSCRIBE_DATA_DIR": str(profiles_root.parent)}
    silent = wav(tmp_path / "tyst.wav", np.zeros(SAMPLE_RATE * 4, dtype=np.float32))
    phone = tmp_path / "tyst-telefon.wav"  # not 16 kHz: decoded with ffmpeg, whose silence check spoke of transcribing
    with wave.open(str(phone), "wb") as w:
        w.setnchannels(1), w.setsampwidth(2), w.setframerate(8000), w.writeframes(bytes(8000 * 2 * 4))
    nothing = "inget tal hittades i röstinspelningen"
    for args, code, needle in [
        (["speakers", "forget", "Nobody"], 2, "ingen röstprofil heter"),
        (["speakers", "enroll-meeting", str(tmp_path)], BadOption.exit_code, "saknar transcript.json"),
        (["speakers", "enroll", " ", str(tmp_path / "x.wav")], BadOption.exit_code, "ogiltigt talarnamn"),
        (["speakers", "enroll", "Anna Tyst", str(silent)], SilentAudio.exit_code, nothing),
        (["speakers", "enroll", "Anna Tyst", str(phone)], SilentAudio.exit_code, nothing),
    ]:
        proc = subprocess.run([sys.executable, "-m", "transcribe.cli", *args], capture_output=True, text=True,
                              cwd=REPO, env=env, timeout=600)  # fmt: skip
        assert proc.returncode == code, (args, proc.stderr)
        assert "Traceback" not in proc.stderr and needle in proc.stderr, proc.stderr
        assert "transkribera" not in proc.stderr, proc.stderr  # a voice recording is not transcribed
    assert data_dir() == profiles_root.parent


def test_a_profile_of_a_few_seconds_says_so_until_more_speech_is_added(voices, profiles_root: Path,
                                                                         tmp_path: Path) -> None:  # fmt: skip
    gap = np.zeros(SAMPLE_RATE // 2, dtype=np.float32)
    clip = wav(tmp_path / "lena.wav", np.concatenate([gap, *(x for v in voices["lena"] for x in (v, gap))]))
    out = cli("speakers", "enroll", "Lena", str(clip), "--end", "3").output
    assert "Röstprofilen för Lena är svag:" in out and "5 s behövs för att namnge säkert" in out
    assert "Svaga" in cli("speakers", "list").output and "Lena" in cli("speakers", "list").output
    assert "svag:" in cli("speakers", "list").output  # the table's column says it, and how much is missing
    out = cli("speakers", "enroll", "Lena", str(clip), "--start", "3").output
    assert ProfileDirectory().get("Lena").seconds >= 5
    assert "svag" not in out and "Svaga" not in cli("speakers", "list").output
    assert "namnger" in cli("speakers", "list").output


def test_a_named_speaker_with_only_a_blip_does_not_stop_the_others_enrolling(voices, profiles_root: Path,
                                                                             tmp_path: Path) -> None:  # fmt: skip
    meeting = tmp_path / "meeting"
    meeting.mkdir()
    johan = np.concatenate([voices["johan"][0], np.zeros(SAMPLE_RATE // 2, np.float32), voices["johan"][1]])
    t = len(johan) / SAMPLE_RATE
    wav(meeting / "input.wav", np.concatenate([johan, np.zeros(SAMPLE_RATE, np.float32)]))
    transcript = Transcript(segments=[
        Segment(id=0, start=0.0, end=t, text=TEXTS[0], speaker="SPEAKER_00"),
        Segment(id=1, start=t + 0.2, end=t + 0.35, text="Ja.", speaker="SPEAKER_01"),  # a blip: nothing to embed
    ], speakers=[
        SpeakerInfo(label="SPEAKER_01", name="Bo Ek", name_source="reviewer"),
        SpeakerInfo(label="SPEAKER_00", name="Johan Berg", name_source="user"),
    ])  # fmt: skip
    (meeting / "transcript.json").write_text(transcript.to_json())
    out = cli("speakers", "enroll-meeting", str(meeting)).output
    assert "Johan Berg" in out and "Bo Ek" not in out
    assert ProfileDirectory().get("Johan Berg") is not None and ProfileDirectory().get("Bo Ek") is None
