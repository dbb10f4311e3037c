"""What a secretary reads when the command line is used wrongly: one Swedish line naming
what she typed, with the documented exit code."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_call import call
from transcribe.transcript import Segment, Transcript
from transcribe.web.auth import create_user

ENGLISH = {"must", "unknown", "choose", "got", "invalid", "use", "is", "the", "larger", "than", "no"}


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("in") / "möte.wav"
    subprocess.run(["sox", "-n", "-r", "16000", "-c", "1", str(path), "synth", "2", "sine", "440"], check=True)
    return path


@pytest.mark.parametrize(
    ("option", "named"),
    [
        (["--date", "2026-13-01"], "--date"),
        (["--minutes-format", "pdf"], "pdf"),
        (["--format", "doc"], "doc"),
        (["--speakers", "0"], "--speakers"),
        (["--min-speakers", "4", "--max-speakers", "2"], "--min-speakers"),
        (["--speakers", "5", "--max-speakers", "3"], "--speakers 5"),
        (["--diarizer", "magi"], "magi"),
        (["--minutes-style", "tal"], "tal"),
        (["--minutes-backend", "gpt"], "gpt"),
        (["--series", "Styrelsen 2026"], "Styrelsen 2026"),
    ],
)
def test_bad_option_is_one_swedish_line_naming_it(monkeypatch, capsys, clip: Path, option, named: str) -> None:
    code, _, err = call(monkeypatch, capsys, "run", str(clip), "-q", "-o", str(clip.parent / "ut"), *option)
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert code == 14, err
    assert len(lines) == 1, err
    assert named in lines[0], lines[0]
    words = set(lines[0].replace(";", " ").replace(",", " ").replace("(", " ").replace(")", " ").lower().split())
    assert not words & ENGLISH, lines[0]
    assert not (clip.parent / "ut").exists()  # nothing written before the options are checked


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["run"], "inspelning"),
        (["run", "möte.wav", "--talare", "3"], "--talare"),
        (["run", "möte.wav", "--speakers", "tre"], "--speakers"),
        (["run", "möte.wav", "--out"], "--out"),
        (["kör", "möte.wav"], "kör"),
    ],
)
def test_usage_mistake_is_one_swedish_line_naming_it(monkeypatch, capsys, args: list[str], named: str) -> None:
    code, _, err = call(monkeypatch, capsys, *args)
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert code == 14, err
    assert len(lines) == 1, err
    assert named in lines[0] and "--help" in lines[0], lines[0]
    words = set(lines[0].replace("'", " ").replace(".", " ").replace(",", " ").lower().split())
    assert not words & (ENGLISH | {"missing", "such", "option", "requires", "invalid", "should", "command"}), lines[0]


@pytest.mark.parametrize(
    ("args", "code", "named"),
    [
        (["jobs", "show", "999"], 2, "999"),
        (["ask", "okand-serie", "Vem leder arbetet?"], 2, "okand-serie"),
        (["series", "report", "okand-serie"], 2, "okand-serie"),
        (["minutes", "{clip}"], 14, "möte.wav"),
        (["bench", "--samples", "okänt-möte", "--no-baseline"], 14, "okänt-möte"),
        (["bench", "--audio", "flac"], 14, "flac"),
        (["worker", "--concurrency", "0"], 14, "--concurrency"),
    ],
)
def test_other_commands_answer_in_swedish(monkeypatch, capsys, clip: Path, args, code: int, named: str) -> None:
    code_seen, _, err = call(monkeypatch, capsys, *[a.format(clip=clip) for a in args])
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert code_seen == code, err
    assert len(lines) == 1 and named in lines[0], err
    words = set(lines[0].replace(":", " ").replace("(", " ").replace(")", " ").lower().split())
    assert not words & (ENGLISH | {"neither", "nor", "job"}), lines[0]


@pytest.mark.parametrize(("args", "named"), [(["users", "add", " "], "användarnamnet"),
                                             (["users", "add", "sara", "--role", "chef"], "'chef'")])  # fmt: skip
def test_a_bad_new_user_is_refused_before_the_password_is_asked(monkeypatch, capsys, args, named: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # a password prompt would read nothing and abort
    code, out, err = call(monkeypatch, capsys, *args)
    assert code == 14 and named in err and "ösenord" not in out + err, out + err


def test_a_taken_user_name_is_said_before_the_password_is_asked(monkeypatch, capsys) -> None:
    create_user("greta", "ett långt lösenord")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code, out, err = call(monkeypatch, capsys, "users", "add", "greta")
    assert code == 14 and "'greta' finns redan" in err and "ösenord" not in out + err, out + err


def test_short_password_is_refused_in_swedish(monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("kort\n"))
    code, _, err = call(monkeypatch, capsys, "users", "add", "sara", "--password-stdin")
    assert code == 14 and "lösenordet måste vara minst" in err, err


@pytest.mark.parametrize(("option", "named"), [(["--lang", "de"], "de"), (["--backend", "gpt"], "gpt")])
def test_minutes_refuses_a_bad_choice_in_swedish_before_writing(monkeypatch, capsys, tmp_path: Path, option, named):
    transcript = tmp_path / "transcript.json"
    seg = Segment(id=0, start=0.0, end=2.0, text="Vi beslutar att köpa nya stolar.")
    transcript.write_text(Transcript(duration=2.0, segments=[seg]).to_json(), encoding="utf-8")
    code, _, err = call(monkeypatch, capsys, "minutes", str(transcript), *option)
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert code == 14 and len(lines) == 1 and named in lines[0], err
    assert not set(lines[0].replace(";", " ").lower().split()) & (ENGLISH | {"use", "or"}), lines[0]
    assert not list(tmp_path.glob("minutes.*"))


def test_a_path_with_square_brackets_is_shown_as_typed(monkeypatch, capsys, tmp_path: Path) -> None:
    missing = tmp_path / "[styrelse] möte 3.ogg"
    code, _, err = call(monkeypatch, capsys, "run", str(missing), "-q", "-o", str(tmp_path / "ut"))
    assert code == 2
    assert "[styrelse] möte 3.ogg" in err, err


@pytest.mark.parametrize(("make", "code"), [("saknas", 2), ("mapp", 3), ("binär", 14)])
def test_an_unreadable_vocabulary_is_one_swedish_line(monkeypatch, capsys, clip: Path, tmp_path: Path, make, code):
    vocabulary = tmp_path / f"ord-{make}.txt"
    if make == "mapp":
        vocabulary.mkdir()
    elif make == "binär":
        vocabulary.write_bytes(b"PK\x03\x04\xff\xfe\x00 inte text")
    out_dir = tmp_path / "ut"
    args = ["run", str(clip), "-q", "-o", str(out_dir), "--vocabulary", str(vocabulary)]
    seen, _, err = call(monkeypatch, capsys, *args)
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert seen == code and len(lines) == 1 and "Traceback" not in err, err
    assert vocabulary.name in lines[0], lines[0]
    assert not set(lines[0].replace(",", " ").replace("(", " ").replace(")", " ").lower().split()) & ENGLISH, lines[0]
    assert not out_dir.exists()


def test_unreadable_approvals_for_purge_are_one_swedish_line(monkeypatch, capsys, tmp_path: Path) -> None:
    approvals = tmp_path / "godkända.json"
    approvals.write_text("[1, 2]", encoding="utf-8")
    seen, _, err = call(monkeypatch, capsys, "jobs", "purge", "--approvals", str(approvals), "--dry-run")
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert seen == 14 and len(lines) == 1, err
    assert "godkända.json" in lines[0] and "JSON-objekt" in lines[0], lines[0]
    assert not set(lines[0].replace(":", " ").replace("(", " ").lower().split()) & (ENGLISH | {"expected", "of"})
