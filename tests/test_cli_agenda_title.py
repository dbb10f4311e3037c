"""A protokoll drafted from an agenda is titled by the meeting the agenda heads, not "Mötesprotokoll".

A secretary who gives `--agenda` but no `--title` expects "Protokoll – Styrelsemöte i Brf Eken",
the meeting's own name, rather than a generic heading she must correct in every draft.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from docx import Document

from tests.agenda_meeting import AGENDA_TXT, meeting
from transcribe import cli
from transcribe.agenda import parse_agenda
from transcribe.agenda.heading import agenda_heading, title_from_agenda


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
    told = meeting()
    told.metadata = {}  # a recording run without --title, --date or --place
    transcript.write_text(told.to_json(), encoding="utf-8")
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


HEADED = AGENDA_TXT.replace(
    "Dagordning för styrelsemöte i Brf Eken\n",
    "Dagordning för styrelsemöte i Brf Eken\n*Onsdag 10 mars 2027 kl. 18.30–20.00 i föreningslokalen (källaren)*\n",
)


def test_minutes_take_date_time_and_place_the_agenda_states(monkeypatch, capsys, tmp_path: Path) -> None:
    (tmp_path / "dagordning.txt").write_text(HEADED, encoding="utf-8")
    transcript = tmp_path / "transcript.json"
    told = meeting()
    told.metadata = {}
    transcript.write_text(told.to_json(), encoding="utf-8")
    monkeypatch.setattr(
        sys, "argv", ["transcribe", "minutes", str(transcript), "--agenda", str(tmp_path / "dagordning.txt")]
    )
    cli.main()
    text = (tmp_path / "minutes.md").read_text(encoding="utf-8")
    assert "**Datum och tid:** 10 mars 2027, kl. 18.30" in text
    assert "**Plats:** Föreningslokalen" in text


def test_a_heading_without_a_year_or_a_date_gives_nothing(tmp_path: Path) -> None:
    agenda = tmp_path / "dagordning.md"
    agenda.write_text("# Styrelsemöte\n\nOnsdag 10 mars kl. 18.30\n\n1. Öppnande\n2. Avslutning 2027-01-01\n", "utf-8")
    heading = agenda_heading(parse_agenda(agenda))
    assert heading.date is None and heading.place is None
    agenda.write_text("# Styrelsemöte\n**Tid:** 9 februari 2027 kl. 08.15\n**Plats:** personalrummet\n1. Öppnande\n")
    heading = agenda_heading(parse_agenda(agenda))
    assert (heading.date, heading.time, heading.place) == (dt.date(2027, 2, 9), dt.time(8, 15), "Personalrummet")


def test_a_heading_saved_in_windows_encoding_reads_like_its_items(tmp_path: Path) -> None:
    agenda = tmp_path / "dagordning.txt"
    text = "Årsmöte\nLördag 13 mars 2027 kl. 14.00 i Föreningsstugan\n1. Öppnande\n2. Avslutning\n"
    agenda.write_bytes(text.encode("cp1252"))
    parsed = parse_agenda(agenda)
    assert parsed.title == "Årsmöte" and agenda_heading(parsed).place == "Föreningsstugan"
