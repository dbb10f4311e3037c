"""An agenda that cannot be used is refused in the same words on the command line and in the web upload.

An empty file was "ingen dagordning hittades" on the command line and "filen är tom" on the upload form; a
Word file that was no Word file, or a file too large, was said in Swedish also to a reader of the English
form. Now the agenda parser says why, once: the command line shows it as one line with the fault's exit code
(README), the upload form shows the same words after "Dagordningen kunde inte läsas:", or in English.
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from tests.agenda_meeting import meeting
from tests.test_web import csrf_of
from transcribe import cli
from transcribe.agenda import parse_agenda
from transcribe.db import session
from transcribe.tables import Meeting
from transcribe.web.agenda import check_staged, store_agenda
from transcribe.web.upload import StagedFile

TOO_LARGE = b"1. M\xc3\xb6tets \xc3\xb6ppnande\n" + b"x" * (2 * 1024 * 1024)
# name, content, why in Swedish, why in English, the command line's exit code
FAULTS = [
    ("dagordning.txt", b"", "filen är tom", "the file is empty", 16),
    ("dagordning.md", b"\n   \n\n", "filen är tom", "the file is empty", 16),
    (
        "dagordning.txt",
        "Hej! Vi ses på torsdag och pratar om tvättstugan.\n".encode(),
        'ingen dagordning hittades (inga numrerade punkter som "1. Mötets öppnande")',
        'no agenda found (no numbered items such as "1. Mötets öppnande")',
        16,
    ),
    ("dagordning.txt", b"\x00\x01\x02" * 200, "filen är inte en textfil", "the file is not a text file", 16),
    (
        "dagordning.pdf",
        b"%PDF-1.4 1. M\xc3\xb6tets \xc3\xb6ppnande",
        "okänt format (.pdf); använd .txt, .md eller .docx",
        "unknown format (.pdf); use .txt, .md or .docx",
        16,
    ),
    (
        "dagordning.docx",
        b"PK\x03\x04 ingen riktig Word-fil",
        "kan inte läsa Word-filen: den är skadad eller inte en .docx-fil",
        "the Word file cannot be read: it is damaged or not a .docx file",
        16,
    ),
    (
        "dagordning.txt",
        TOO_LARGE,
        "filen är större än 2 MB, gränsen för en dagordning",
        "the file is larger than 2 MB, the limit for an agenda",
        8,
    ),
]
IDS = ["empty", "blank", "no-items", "binary", "pdf", "not-docx", "too-large"]


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    """`transcribe …` in this process: (exit code, what it wrote to stderr)."""
    monkeypatch.setattr(sys, "argv", ["transcribe", *args])
    with pytest.raises(SystemExit) as ended:
        cli.main()
    return int(ended.value.code or 0), capsys.readouterr().err


def minutes_with_agenda(tmp_path: Path, agenda: Path, capsys, monkeypatch) -> tuple[int, str]:
    transcript = tmp_path / "transcript.json"
    transcript.write_text(meeting().to_json(), encoding="utf-8")
    code, said = run_cli(["minutes", str(transcript), "--agenda", str(agenda)], capsys, monkeypatch)
    assert not (tmp_path / "minutes.md").exists()  # refused before anything is written
    return code, said


def upload_form(client: TestClient, name: str, content: bytes) -> str:
    """The upload form as a browser without JavaScript gets it back: the page with its alert."""
    r = client.post(
        "/upload",
        data={"title": "Styrelsemöte", "date": "2025-11-20"},
        files={"file": ("möte.wav", b"RIFF" + bytes(4000), "audio/wav"), "agenda": (name, content, "text/plain")},
        headers={"X-CSRF-Token": csrf_of(client.get("/upload").text)},
        follow_redirects=False,
    )
    assert r.status_code == 400, r.status_code
    alert = r.text.split('class="alert" role="alert">')[1].split("</p>")[0]
    return html.unescape(alert).strip()


@pytest.mark.parametrize(("name", "content", "sv", "en", "exit_code"), FAULTS, ids=IDS)
def test_a_bad_agenda_is_refused_in_the_same_words_everywhere(
    name: str, content: bytes, sv: str, en: str, exit_code: int, tmp_path: Path, capsys, monkeypatch, sara
) -> None:
    agenda = tmp_path / name
    agenda.write_bytes(content)
    code, said = minutes_with_agenda(tmp_path, agenda, capsys, monkeypatch)
    assert code == exit_code and said.strip().splitlines() == [f"fel: {agenda}: {sv}"], said

    assert upload_form(sara, name, content) == f"Dagordningen kunde inte läsas: {sv}"
    sara.get("/lang/en")
    assert upload_form(sara, name, content) == f"The agenda could not be read: {en}"
    with session() as s:
        assert s.scalar(select(func.count()).select_from(Meeting)) == 0  # nothing was queued


def test_a_missing_agenda_or_a_folder_says_so_with_the_documented_exit_codes(tmp_path: Path, capsys, monkeypatch):
    missing = tmp_path / "dagordning.txt"
    assert minutes_with_agenda(tmp_path, missing, capsys, monkeypatch) == (
        2,
        f"fel: dagordningen {missing} finns inte\n",
    )
    folder = tmp_path / "dagordningar"
    folder.mkdir()
    code, said = minutes_with_agenda(tmp_path, folder, capsys, monkeypatch)
    assert (code, said) == (3, f"fel: {folder} är en katalog, inte en dagordning\n")


def test_an_agenda_without_a_file_extension_is_read_as_text_on_both(tmp_path: Path) -> None:
    """The command line read "dagordning" without an extension as text; the upload form refused it."""
    text = "Dagordning\n1. Mötets öppnande\n2. Tvättstugan\n3. Mötets avslutande\n"
    plain = tmp_path / "dagordning"
    plain.write_text(text, encoding="utf-8")
    assert [i.title for i in parse_agenda(plain).items] == ["Mötets öppnande", "Tvättstugan", "Mötets avslutande"]
    staged = tmp_path / "upload.part"
    staged.write_text(text, encoding="utf-8")
    checked = check_staged(StagedFile("dagordning", staged, size=len(text.encode()), field="agenda"))
    (tmp_path / "meeting").mkdir()
    stored = store_agenda(checked, tmp_path / "meeting")
    assert stored.name == "agenda.txt" and parse_agenda(stored).items[1].title == "Tvättstugan"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_an_agenda_saved_as_unicode_by_notepad_is_read(tmp_path: Path, encoding: str) -> None:
    """Windows Notepad's "Unicode" is UTF-16 with a byte-order mark: its zero bytes had it refused as "not a text
    file" on the command line and in the upload."""
    text = "Dagordning för styrelsemöte\r\n1. Mötets öppnande\r\n2. Årsavgiften\r\n3. Mötets avslutande\r\n"
    data = text.encode(encoding) if encoding == "utf-16" else b"\xfe\xff" + text.encode(encoding)
    saved = tmp_path / "dagordning.txt"
    saved.write_bytes(data)
    assert [i.title for i in parse_agenda(saved).items] == ["Mötets öppnande", "Årsavgiften", "Mötets avslutande"]
    staged = tmp_path / "upload.part"
    staged.write_bytes(data)
    checked = check_staged(StagedFile("dagordning.txt", staged, size=len(data), field="agenda"))
    assert parse_agenda(checked).title.startswith("Dagordning för styrelsemöte")


def test_an_agenda_the_user_may_not_read_is_one_line_not_a_traceback(tmp_path: Path, capsys, monkeypatch) -> None:
    agenda = tmp_path / "dagordning.txt"
    agenda.write_text("1. Mötets öppnande\n", encoding="utf-8")
    real = Path.read_bytes

    def refused(self: Path) -> bytes:
        if self == agenda:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refused)
    code, said = minutes_with_agenda(tmp_path, agenda, capsys, monkeypatch)
    assert (code, said) == (16, f"fel: {agenda}: filen kan inte läsas (behörighet saknas)\n")
