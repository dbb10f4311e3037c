"""The protokoll style: § per agenda item, decisions in "beslutade att" form, roles, justering, DOCX styles."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document

from tests.agenda_meeting import AGENDA_TXT, meeting
from transcribe.agenda import parse_agenda, parse_agenda_text
from transcribe.errors import BadOption, OutputExists
from transcribe.minutes import extract_minutes
from transcribe.minutes.protokoll import Protokoll, build_protokoll, formal_decision, resolve_style
from transcribe.minutes.protokoll_render import render_protokoll_markdown, write_protokoll, write_styled
from transcribe.transcript import Segment, SpeakerInfo, Transcript

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "samples" / "agenda" / "brf-tallen"


@pytest.fixture(scope="module")
def protokoll() -> tuple[Protokoll, object]:
    tr = meeting()
    minutes = extract_minutes(tr)
    return build_protokoll(minutes, tr, parse_agenda_text(AGENDA_TXT)), minutes


def test_decisions_land_under_their_paragraph_in_board_form(protokoll) -> None:
    prot, minutes = protokoll
    assert prot.body == "Styrelsen"
    texts = {p.number: [d.text for d in p.decisions] for p in prot.paragraphs}
    assert any("Styrelsen beslutade att höja avgiften med fem procent" in t for t in texts["4"]), texts
    assert any("hyra ut de fyra platserna" in t for t in texts["7"]), texts
    assert texts["5"] == [] and texts["6"] == []
    for p in prot.paragraphs:  # every decision keeps its evidence and its review flag
        for d in p.decisions:
            assert d.evidence and d.evidence[0].quote
            assert isinstance(d.needs_review, bool)
    found = [d for p in prot.paragraphs for d in p.decisions if not d.id.startswith(("p", "v"))]
    assert len(found) == len(minutes.decisions)
    # "Vem kan justera protokollet?" – "Jag kan justera." – "Då väljer vi Bertil.": the election summed up
    assert texts["2"] == ["Styrelsen beslutade att välja Bertil Ek till justerare."]
    # "Nästa punkt är dagordningen, kan den godkännas?" – "Ja.": the item's structure decides it, flagged
    assert [(d.text, d.needs_review) for d in prot.paragraph("3").decisions] == [
        ("Styrelsen beslutade att godkänna dagordningen.", True)
    ]


def test_roles_times_present_and_signatures(protokoll) -> None:
    prot, _ = protokoll
    assert prot.role_names("justerare") == ["Bertil Ek"]
    assert prot.paragraph("2").summary == "Till justerare valdes Bertil Ek."
    assert prot.opened_at == "19.00" and prot.closed_at == "19.02"  # lines 1 and 17, meeting at 19:00
    assert prot.paragraph("1").summary == "Ordföranden förklarade mötet öppnat kl. 19.00."
    assert prot.paragraph("9").summary == "Ordföranden förklarade mötet avslutat kl. 19.02."
    assert prot.paragraph("6").status == "ej behandlad"
    assert "Anna Berg" in prot.present and "David Ås" in prot.present
    assert [(s.label, s.role, s.name) for s in prot.signatures] == [
        ("Vid protokollet", "sekreterare", None),
        ("Justeras", "ordförande", "Anna Berg"),  # never said, but she opens and announces the items
        ("Justeras", "justerare", "Bertil Ek"),
    ]
    assert [r.needs_review for r in prot.roles if r.role == "ordförande"] == [True]
    assert prot.other is not None and prot.other.segment_ids == [0, 18]


def test_markdown_layout(protokoll) -> None:
    md = render_protokoll_markdown(protokoll[0])
    assert md.startswith("# Protokoll – Styrelsemöte i Brf Eken")
    order = [md.index(f"## § {n} ") for n in range(1, 10)]
    assert order == sorted(order)  # agenda order, even where the meeting took 7 before 5
    assert "## § 6 Tvättstugan\n\nEj behandlad." in md
    assert "**Justerare:** Bertil Ek" in md and "## Utanför dagordningen" in md and "## Justering" in md
    assert "- **Beslut:** Styrelsen beslutade att" in md and "[00:01:" in md


def test_docx_has_styled_paragraph_headings_and_a_signature_table(protokoll, tmp_path: Path) -> None:
    prot, minutes = protokoll
    written = write_protokoll(prot, minutes, None, tmp_path, ["md", "docx", "json"])
    assert {p.name for p in written} == {"minutes.md", "minutes.docx", "minutes.json", "protokoll.json"}
    doc = Document(str(tmp_path / "minutes.docx"))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings[:9] == [f"§ {i.number} {i.title}" for i in parse_agenda_text(AGENDA_TXT).items]
    assert headings[9:] == ["Utanför dagordningen", "Justering"]
    assert doc.paragraphs[0].style.name == "Title"
    decisions = [p for p in doc.paragraphs if p.style.name == "List Bullet" and p.text.startswith("Beslut: ")]
    assert decisions and decisions[0].runs[0].bold
    signature = doc.tables[-1]
    assert [c.text for c in signature.rows[0].cells] == ["Vid protokollet", "Justeras", "Justeras"]
    assert signature.rows[2].cells[2].text == "Bertil Ek, justerare"
    back = Protokoll.from_json((tmp_path / "protokoll.json").read_text(encoding="utf-8"))
    assert back.paragraph("4").decisions[0].evidence == prot.paragraph("4").decisions[0].evidence
    with pytest.raises(OutputExists):
        write_protokoll(prot, minutes, None, tmp_path, ["md"])


def test_protokoll_stays_swedish_when_the_interface_is_english(protokoll, tmp_path: Path) -> None:
    """A protokoll is a Swedish record: English headings are for the report layout only."""
    prot, minutes = protokoll
    write_styled(minutes, prot, meeting(), tmp_path / "p", ["md"], lang="en")
    text = (tmp_path / "p" / "minutes.md").read_text(encoding="utf-8")
    assert text.startswith("# Protokoll") and "Justeras" in text and "beslutade att" in text
    write_styled(minutes, None, meeting(), tmp_path / "r", ["md"], lang="en")
    assert "Decisions" in (tmp_path / "r" / "minutes.md").read_text(encoding="utf-8")


def test_decision_wording() -> None:
    assert formal_decision("Mötet beslutade att köpa en projektor.", "Nämnden") == (
        "Nämnden beslutade att köpa en projektor."
    )
    assert formal_decision("Vi enades om att ses igen", "Styrelsen") == "Styrelsen enades om att ses igen."
    assert formal_decision("Dagordningen godkändes.", "Mötet") == "Dagordningen godkändes."
    assert formal_decision("att anta budgeten", "Mötet") == "Mötet beslutade att anta budgeten."
    assert formal_decision("Kyrkorådet beslutar att söka bidrag.", "Kyrkorådet") == (
        "Kyrkorådet beslutade att söka bidrag."
    )
    assert resolve_style(None, True) == "protokoll" and resolve_style(None, False) == "rapport"
    with pytest.raises(BadOption, match="okänd protokollstil 'memo'; välj protokoll eller rapport"):
        resolve_style("memo", True)


def test_protokoll_without_agenda_uses_the_standard_items() -> None:
    lines = ["Jag förklarar mötet öppnat.", "Till justerare väljer vi Karin.", "Vi beslutar att köpa in en projektor.",
             "Då förklarar jag mötet avslutat."]  # fmt: skip
    tr = Transcript(
        segments=[Segment(id=i, start=i * 10.0, end=i * 10 + 8.0, text=t, speaker="A") for i, t in enumerate(lines)],
        speakers=[SpeakerInfo(label="A", name="Karin Ek")], duration=40.0,
    )  # fmt: skip
    prot = build_protokoll(extract_minutes(tr), tr)
    assert prot.paragraphs[0].title == "Mötets öppnande" and prot.paragraphs[0].status == "behandlad"
    assert prot.paragraphs[-1].title == "Mötets avslutande" and prot.closed_at == "00:00:30"
    assert prot.paragraphs[-1].summary == "Ordföranden förklarade mötet avslutat (00:00:30 in i inspelningen)."
    assert prot.role_names("justerare") == ["Karin Ek"]
    assert render_protokoll_markdown(prot).splitlines()[0] == "# Protokoll"  # nobody named it: no "– Mötesprotokoll"


def test_sample_meeting_roles_and_decisions() -> None:
    """The committed BRF sample: who was elected, and each true decision under its true §."""
    from transcribe.bench.agenda import true_transcript

    truth = json.loads((SAMPLE / "truth.json").read_text(encoding="utf-8"))
    tr = true_transcript(truth)
    prot = build_protokoll(extract_minutes(tr), tr, parse_agenda(SAMPLE / "agenda.txt"))
    for role, names in truth["agenda"]["roles"].items():
        assert prot.role_names(role) == names
    for d in truth["agenda"]["decisions"]:
        seg = next(s for s in truth["segments"] if s["turn"] == d["turn"])
        par = prot.paragraph(d["item"])
        assert any(any(e.start == seg["start"] for e in x.evidence) for x in par.decisions), (d, par.decisions)


def test_cli_minutes_with_agenda_writes_the_protokoll(tmp_path: Path) -> None:
    transcript = tmp_path / "transcript.json"
    transcript.write_text(meeting().to_json(), encoding="utf-8")
    agenda = tmp_path / "dagordning.txt"
    agenda.write_text(AGENDA_TXT, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "transcribe.cli", "minutes", str(transcript), "--agenda", str(agenda)],
                          capture_output=True, text=True, cwd=REPO, timeout=600)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "minutes.md").read_text(encoding="utf-8").startswith("# Protokoll")
    assert json.loads((tmp_path / "protokoll.json").read_text(encoding="utf-8"))["paragraphs"][3]["number"] == "4"
    proc = subprocess.run([sys.executable, "-m", "transcribe.cli", "minutes", str(transcript), "--minutes-style",
                           "memo", "--overwrite"], capture_output=True, text=True, cwd=REPO, timeout=600)  # fmt: skip
    assert proc.returncode == 14 and "Traceback" not in proc.stderr
