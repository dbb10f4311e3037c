"""The protokoll as a secretary reads it: the meeting's time, the talk outside the agenda, the next meeting.

What she would notice in minutes.md and minutes.docx: a recording position printed as a clock time
("kl. 00:00:09–00:01:51"), two headings both called "Övrigt" when the agenda has its own, the next
meeting starting with a small letter, and a `transcribe run` whose protokoll lacks the time its agenda states.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest
from docx import Document

from tests.agenda_meeting import lines_transcript
from transcribe import cli, pipeline
from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.audio import write_wav
from transcribe.minutes.model import Evidence, Minutes, NextMeeting
from transcribe.minutes.protokoll import Paragraph, Protokoll, build_protokoll
from transcribe.minutes.protokoll_render import protokoll_docx_bytes, render_protokoll_markdown
from transcribe.transcript import Segment, Transcript

AGENDA = """Dagordning för arbetsplatsträff på Vårdcentralen Ekbacken
Torsdag 12 november 2026 kl. 18.30, konferensrummet

1. Inledning
2. Schemat
3. Övrigt
4. Avslutning
"""
LINES = [
    ("A", "Hej, nu är alla här."),
    ("A", "Välkomna, jag förklarar mötet öppnat."),
    ("A", "Punkt två, schemat. Lisa, hur ser det ut?"),
    ("B", "Schemat för december är klart och alla pass är bemannade."),
    ("A", "Punkt tre, övrigt. Har någon något mer?"),
    ("B", "Nej, inget från mig."),
    ("A", "Då förklarar jag mötet avslutat."),
    ("B", "Jag tar med kaffekopparna till köket."),
]


def _docx_texts(data: bytes, tmp_path: Path) -> tuple[list[str], list[str]]:
    """(headings, every paragraph's text) of a Word file."""
    path = tmp_path / "p.docx"
    path.write_bytes(data)
    doc = Document(str(path))
    return [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")], [p.text for p in doc.paragraphs]


def _head_value(md: str, label: str) -> str:
    return next(ln for ln in md.splitlines() if ln.startswith(f"**{label}:**")).split(":**", 1)[1].strip()


def test_a_recording_position_is_never_printed_as_a_clock_time(tmp_path: Path) -> None:
    prot = Protokoll(title="Styrelsemöte", date=dt.date(2026, 11, 16), opened_at="00:00:09", closed_at="00:41:51")
    md = render_protokoll_markdown(prot)
    assert _head_value(md, "Datum och tid") == "16 november 2026 (00:00:09–00:41:51 in i inspelningen)"
    _, texts = _docx_texts(protokoll_docx_bytes(prot), tmp_path)
    assert "kl. 00:" not in md and not any("kl. 00:" in t for t in texts)
    clocked = prot.model_copy(update={"opened_at": "19.00", "closed_at": "19.42"})
    assert _head_value(render_protokoll_markdown(clocked), "Datum och tid") == "16 november 2026, kl. 19.00–19.42"


def test_talk_outside_the_agenda_is_not_a_second_ovrigt(tmp_path: Path) -> None:
    agenda = parse_agenda_text(AGENDA)
    tr = lines_transcript(LINES, {"A": "Karin Ek", "B": "Lisa Berg"})
    prot = build_protokoll(Minutes(title="APT"), tr, agenda, align_agenda(agenda, tr))
    assert prot.other is not None  # the coffee cups after the closing
    md = render_protokoll_markdown(prot)
    headings = [ln.lstrip("# ") for ln in md.splitlines() if ln.startswith("## ")]
    assert headings == ["§ 1 Inledning", "§ 2 Schemat", "§ 3 Övrigt", "§ 4 Avslutning", "Utanför dagordningen",
                        "Justering"]  # fmt: skip
    docx_headings, _ = _docx_texts(protokoll_docx_bytes(prot), tmp_path)
    assert [h for h in docx_headings if "Övrigt" in h] == ["§ 3 Övrigt"]
    assert "Utanför dagordningen" in docx_headings


def test_the_next_meeting_is_a_sentence(tmp_path: Path) -> None:
    said = Evidence(segment_id=7, start=70.0, end=78.0, speaker="A", quote="Nästa möte blir tisdag tjugonde juni.")
    nxt = NextMeeting(text="tisdag 20 juni 2028 kl. 09.30", evidence=[said])
    prot = Protokoll(title="APT", next_meeting=nxt)
    md = render_protokoll_markdown(prot)
    assert "## Nästa möte\n\nTisdag 20 juni 2028 kl. 09.30 [00:01:10" in md
    _, texts = _docx_texts(protokoll_docx_bytes(prot), tmp_path)
    assert texts[texts.index("Nästa möte") + 1].startswith("Tisdag 20 juni 2028 kl. 09.30")


def test_run_with_an_agenda_opens_the_protokoll_at_the_time_it_states(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`transcribe run --agenda` (and the web's job, which runs the same pipeline) as `transcribe minutes`:
    "kl. 18.30", not the recording's "00:00:10"."""

    def heard(audio, model, options, progress=None, stats=None) -> Transcript:  # noqa: ANN001 - the asr's call
        segs = [Segment(id=i, start=i * 10.0, end=i * 10.0 + 8.0, text=t) for i, (_, t) in enumerate(LINES)]
        return Transcript(duration=audio.duration, segments=segs)

    monkeypatch.setattr(pipeline.asr, "transcribe", heard)
    wav, agenda, out = tmp_path / "apt.wav", tmp_path / "dagordning.txt", tmp_path / "protokoll"
    write_wav(wav, (np.sin(np.arange(16000 * 80) / 9.0) * 8000).astype(np.int16))
    agenda.write_text(AGENDA, encoding="utf-8")
    cli.app(["run", str(wav), "--agenda", str(agenda), "--out", str(out), "--diarizer", "none", "--quiet"],
            standalone_mode=False)  # fmt: skip
    md = (out / "minutes.md").read_text(encoding="utf-8")
    assert _head_value(md, "Datum och tid") == "12 november 2026, kl. 18.30–18.31"
    assert "Ordföranden förklarade mötet öppnat kl. 18.30." in md
    assert "in i inspelningen" not in md


def test_an_unnamed_paragraph_keeps_its_title() -> None:
    """Only the talk outside every item is renamed; an item the agenda did not number keeps its own title."""
    prot = Protokoll(paragraphs=[Paragraph(number="", title="Information från styrelsen")])
    assert "## Information från styrelsen" in render_protokoll_markdown(prot)


def test_every_word_page_has_the_signers_initials_line_and_its_page_number(tmp_path: Path) -> None:
    """Swedish protokoll practice: each page is initialled by those who sign it as justerat, and numbered."""
    agenda = parse_agenda_text(AGENDA)
    tr = lines_transcript(LINES, {"A": "Karin Ek", "B": "Lisa Berg"})
    prot = build_protokoll(Minutes(title="APT"), tr, agenda, align_agenda(agenda, tr))
    path = tmp_path / "p.docx"
    path.write_bytes(protokoll_docx_bytes(prot))
    footer = Document(str(path)).sections[0].footer
    signers = len([s for s in prot.signatures if s.label == "Justeras"])
    assert footer.paragraphs[0].text == "Justerandes signatur: " + "   ".join(["__________"] * signers)
    xml = footer.paragraphs[1]._p.xml
    assert footer.paragraphs[1].text.startswith("Sida ") and 'w:instr="PAGE"' in xml and 'w:instr="NUMPAGES"' in xml


def test_one_elected_who_never_spoke_is_among_the_present() -> None:
    """A justerare elected who only nodded is present: the protokoll lists her under Närvarande as under Justerare;
    a first name already there is not listed twice, and nobody is added while a speaker is still unnamed."""
    from transcribe.minutes.roles import RoleElection

    roles = [RoleElection(role="justerare", name="Bengt Holmqvist"), RoleElection(role="ordförande", name="Lars")]
    prot = Protokoll(present=["Lars Pavval", "Anna Sjöström, kyrkoherde"], roles=roles)
    md = render_protokoll_markdown(prot)
    assert _head_value(md, "Närvarande") == "Lars Pavval, Anna Sjöström, kyrkoherde, Bengt Holmqvist"
    unnamed = prot.model_copy(update={"present": ["SPEAKER_00", "SPEAKER_01"]})
    assert _head_value(render_protokoll_markdown(unnamed), "Närvarande") == "SPEAKER_00, SPEAKER_01"
