"""A protokoll drafted from an agenda is titled by the meeting the agenda heads, not "Mötesprotokoll".

A secretary who gives `--agenda` but no `--title` expects "Protokoll – Styrelsemöte i Brf Eken",
the meeting's own name, rather than a generic heading she must correct in every draft.
"""

from __future__ import annotations

from pathlib import Path

import sys

import pytest
from docx import Document

from tests.agenda_meeting import AGENDA_TXT, meeting
from transcribe import cli
from transcribe.titles import title_from_agenda


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("Dagordning för styrelsemöte i Brf Eken", "Styrelsemöte i Brf Eken"),
        ("Föredragningslista – kultur- och fritidsnämnden", "Kultur- och fritidsnämnden"),
        ("Socialnämnden, Härnösands kommun – ärendelista", "Socialnämnden, Härnösands kommun"),
        ("Koloniföreningen Vildrosen – styrelsemöte", "Koloniföreningen Vildrosen – styrelsemöte"),
        ("Kallelse till årsmöte i BRF Eken", "Årsmöte i BRF Eken"),
        ("DAGORDNING", ""),
        ("", ""),
    ],
)
def test_the_meeting_is_named_without_the_documents_name(heading: str, title: str) -> None:
    assert title_from_agenda(heading) == title


def _minutes(monkeypatch, capsys, tmp_path: Path, *extra: str) -> str:
    transcript = tmp_path / "transcript.json"
    transcript.write_text(meeting().to_json(), encoding="utf-8")
    agenda = tmp_path / "dagordning.txt"
    agenda.write_text(AGENDA_TXT, encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["transcribe", "minutes", str(transcript), "--agenda", str(agenda), *extra])
    cli.main()  # returns when the command succeeds
    return (tmp_path / "minutes.md").read_text(encoding="utf-8")


def test_minutes_with_agenda_takes_its_title(monkeypatch, capsys, tmp_path: Path) -> None:
    text = _minutes(monkeypatch, capsys, tmp_path)
    assert text.splitlines()[0] == "# Protokoll – Styrelsemöte i Brf Eken"
    docx = Document(str(tmp_path / "minutes.docx"))
    assert docx.paragraphs[0].text == "Protokoll – Styrelsemöte i Brf Eken"


def test_a_title_given_wins_over_the_agenda(monkeypatch, capsys, tmp_path: Path) -> None:
    text = _minutes(monkeypatch, capsys, tmp_path, "--title", "Extra styrelsemöte")
    assert text.splitlines()[0] == "# Protokoll – Extra styrelsemöte"
