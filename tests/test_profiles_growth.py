"""A voice profile from too little speech says so, only proposes, and grows into a name from confirmed review."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from tests.conftest import HIGH_VOICE, LOW_VOICE, REPO, have, synth_voice
from transcribe.audio import SAMPLE_RATE, Audio, write_wav
from transcribe.diarize.base import Diarization, Turn
from transcribe.diarize.embedded import embed_segments
from transcribe.errors import BadOption
from transcribe.speakers import recognise
from transcribe.speakers.profiles import (
    MIN_ENROLMENT_S,
    MIN_VOICE_S,
    Profile,
    ProfileDirectory,
    enrolment_summary,
    seconds_sv,
    weak_profile_line,
)
from transcribe.transcript import Segment, Transcript
from transcribe.web.speaker_edits import confirm_proposal

pytestmark = pytest.mark.skipif(not (have("espeak-ng") and have("sox")), reason="needs espeak-ng and sox")

SHORT = "Hej, jag heter Johan."  # under two seconds of speech: a profile that proposes, never names
MEETING = [
    ("johan", "Jag tycker att vi borde prioritera skolans lokaler och ventilationen först, sedan personalen."),
    ("lena", "Föräldrarna har hört av sig flera gånger om skolgården och belysningen under vintern."),
    ("johan", "Då föreslår jag att vi tar upp budgeten för skolgården på nästa möte i februari."),
    ("lena", "Det låter bra, jag skriver ett förslag till styrelsen innan dess."),
    ("johan", "Bra, och jag ringer kommunen om belysningen redan i morgon bitti."),
]
LATER = [
    ("johan", "Välkomna tillbaka, i dag ska vi gå igenom det nya schemat för hösten och vårens resor."),
    ("lena", "Jag har pratat med rektorn och hon tycker att förslaget om skolgården är bra."),
    ("johan", "Då bestämmer vi att vi lägger fram det för föräldrarna på torsdag kväll i aulan."),
]
VOICES = {"johan": LOW_VOICE, "lena": HIGH_VOICE}
LABELS = {"johan": "SPEAKER_00", "lena": "SPEAKER_01"}


def cli(*args: str) -> str:
    from transcribe.cli import app

    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, (result.output, result.exception)
    return result.output


def wav(path: Path, x: np.ndarray) -> Path:
    write_wav(path, (np.clip(x, -1, 1) * 32767).astype(np.int16))
    return path


def meeting(tmp: Path, lines: list[tuple[str, str]], folder: Path) -> tuple[Transcript, Diarization]:
    """A recording of the lines in `folder` (input.wav), its transcript and a diarisation by true speaker."""
    folder.mkdir()
    gap = np.zeros(SAMPLE_RATE // 2, dtype=np.float32)
    parts, segs, t = [], [], 0.0
    for i, (who, text) in enumerate(lines):
        x = synth_voice(tmp, VOICES[who], text)
        segs.append(Segment(id=i, start=t, end=t + len(x) / SAMPLE_RATE, text=text, speaker=LABELS[who]))
        parts += [x, gap]
        t += (len(x) + len(gap)) / SAMPLE_RATE
    wav(folder / "input.wav", np.concatenate(parts))
    audio = Audio.from_wav(folder / "input.wav")
    turns = [Turn(s.start, s.end, s.speaker or "") for s in segs]
    spans = {lb: [(s.start, s.end) for s in segs if s.speaker == lb] for lb in LABELS.values()}
    return Transcript(segments=segs), Diarization(turns=turns, embeddings={
        lb: embed_segments(audio, v) for lb, v in spans.items()})  # fmt: skip


def test_the_weak_profile_line_is_swedish_and_says_how_much_more_speech_is_needed() -> None:
    line = weak_profile_line(Profile(name="Anna", seconds=3.2))
    assert line.startswith("Röstprofilen för Anna är svag: 3,2 s tal, 5 s behövs för att namnge säkert (1,8 s till)")
    assert '"Anna?"' in line and "\n" not in line
    tiny = weak_profile_line(Profile(name="Bo", seconds=1.2))
    assert "(3,8 s till)" in tiny and "inte heller" in tiny and '"Bo?"' not in tiny  # proposes nothing yet


def test_saving_a_meetings_voices_names_the_profiles_still_weak() -> None:
    done = {"Johan": Profile(name="Johan", n_samples=1, seconds=3.0),
            "Anna": Profile(name="Anna", n_samples=3, seconds=24.0)}  # fmt: skip
    said = enrolment_summary(done)
    assert said.startswith("Anna (3), Johan (1). Röstprofilen för Johan är svag: 3 s tal")
    assert "Röstprofilen för Anna" not in said
    assert enrolment_summary({"Anna": done["Anna"]}) == "Anna (3)"


def test_a_word_or_two_makes_no_profile_and_says_why(tmp_path: Path) -> None:
    clip = wav(tmp_path / "ja.wav", synth_voice(tmp_path, LOW_VOICE, "Ja.", trim=True))
    env = {**os.environ, "TRANSCRIBE_DATA_DIR": str(tmp_path / "data")}
    proc = subprocess.run([sys.executable, "-m", "transcribe.cli", "speakers", "enroll", "Johan Berg", str(clip)],
                          capture_output=True, text=True, cwd=REPO, env=env, timeout=300)  # fmt: skip
    assert proc.returncode == BadOption.exit_code and "Traceback" not in proc.stderr
    assert f"minst {seconds_sv(MIN_VOICE_S)} s behövs för en röstprofil" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert not list((tmp_path / "data").rglob("*.json"))  # no profile made


def test_a_weak_profile_proposes_and_grows_into_a_name_from_confirmed_review(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRANSCRIBE_DATA_DIR", str(tmp_path / "data"))
    clip = wav(tmp_path / "hej.wav", synth_voice(tmp_path, LOW_VOICE, SHORT))
    said = cli("speakers", "enroll", "Johan Berg", str(clip))
    johan = ProfileDirectory().get("Johan Berg")
    assert johan is not None and 0 < johan.seconds < MIN_ENROLMENT_S  # kept, marked weak
    assert f"Röstprofilen för Johan Berg är svag: {seconds_sv(johan.seconds)} s tal" in said, said  # told at once
    assert "Svaga" in cli("speakers", "list") and "Johan Berg" in cli("speakers", "list")
    [shown] = json.loads(cli("speakers", "list", "--json"))
    assert shown["weak"] and shown["speech_needed_s"] == round(MIN_ENROLMENT_S - johan.seconds, 1)
    assert "variants" not in shown and "embeddings" not in shown  # the list never prints voice prints

    # The next meeting: Johan's label is only proposed ("Johan Berg?"), Lena stays anonymous.
    first, d = meeting(tmp_path, MEETING, tmp_path / "m1")
    seen = recognise(first, d)
    johans = next(s for s in seen.speakers if s.label == "SPEAKER_00")
    assert seen.speaker_name("SPEAKER_00") != "Johan Berg" and johans.proposed_name == "Johan Berg"
    assert seen.speaker_name("SPEAKER_01") == "SPEAKER_01"

    # The reviewer confirms the proposal; saving the approved meeting's voices adds his speech.
    assert confirm_proposal(seen, None, "SPEAKER_00") is not None
    (tmp_path / "m1" / "transcript.json").write_text(seen.to_json())
    grown = cli("speakers", "enroll-meeting", str(tmp_path / "m1"))
    assert "Johan Berg:" in grown and "svag" not in grown
    johan = ProfileDirectory().get("Johan Berg")
    assert johan is not None and johan.seconds >= MIN_ENROLMENT_S
    listed = json.loads(cli("speakers", "list", "--json"))
    assert [p["name"] for p in listed] == ["Johan Berg"]  # Lena was never named by a person: no profile
    assert not listed[0]["weak"] and listed[0]["speech_needed_s"] == 0

    # A later meeting names him outright.
    later, d2 = meeting(tmp_path, LATER, tmp_path / "m2")
    assert recognise(later, d2).speaker_name("SPEAKER_00") == "Johan Berg"
