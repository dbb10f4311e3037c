"""Reading a dagordning in the forms secretaries write it, and finding where each item starts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from docx import Document

from tests.agenda_meeting import AGENDA_TXT, meeting
from transcribe.agenda import agenda_vocabulary, align_agenda, merge_vocabulary, parse_agenda, parse_agenda_text
from transcribe.agenda.numbers import number_refs
from transcribe.errors import AgendaError, InputNotFound

REPO = Path(__file__).resolve().parents[1]


def numbers(agenda) -> list[str]:
    return [i.number for i in agenda.items]


def test_txt_agenda_with_mixed_numbering_and_sub_items() -> None:
    text = AGENDA_TXT.replace("4. Ekonomi och budget", "4. Ekonomi\n   a) Budget 2027\n   b) Avgiftshöjning")
    agenda = parse_agenda_text(text)
    assert agenda.title == "Dagordning för styrelsemöte i Brf Eken"
    assert numbers(agenda) == ["1", "2", "3", "4", "4a", "4b", "5", "6", "7", "8", "9"]
    assert agenda.item("4b").title == "Avgiftshöjning" and agenda.item("4b").parent == "4"
    assert agenda.item("5").title == "Fasadrenovering med Byggfirman Norrbygg"
    kinds = {i.number: i.kind for i in agenda.items}
    assert kinds["1"] == "open" and kinds["2"] == "adjusters" and kinds["3"] == "agenda"
    assert kinds["8"] == "other" and kinds["9"] == "close" and kinds["5"] is None


def test_markdown_agenda_headings_and_indented_numbered_sub_items(tmp_path: Path) -> None:
    path = tmp_path / "dagordning.md"
    path.write_text(
        "# Dagordning APT\n\n## § 1 Mötets öppnande\n- **Punkt 2:** Val av sekreterare\n3. Schema\n"
        "   1. Julschema\n   2. Semester\n4. Mötets avslutande\n",
        encoding="utf-8",
    )
    agenda = parse_agenda(path)
    assert agenda.title == "Dagordning APT"
    assert numbers(agenda) == ["1", "2", "3", "3a", "3b", "4"]
    assert agenda.item("3a").title == "Julschema" and agenda.item("2").kind == "secretary"


def test_docx_agenda_with_word_numbering_and_typed_numbers(tmp_path: Path) -> None:
    doc = Document()
    doc.add_heading("Dagordning nämndsammanträde", level=1)
    for title in ("Sammanträdets öppnande", "Val av justerare", "Ekonomi"):
        doc.add_paragraph(title, style="List Number")  # Word's own numbering: no digits in the text
    doc.add_paragraph("Uppföljning per oktober", style="List Number 2")
    doc.add_paragraph("Sammanträdets avslutande", style="List Number")
    auto = tmp_path / "auto.docx"
    doc.save(str(auto))
    agenda = parse_agenda(auto)
    assert numbers(agenda) == ["1", "2", "3", "3a", "4"]
    assert agenda.item("3a").title == "Uppföljning per oktober" and agenda.item("4").kind == "close"

    typed = Document()
    for line in ("§ 1 Mötets öppnande", "§ 2 Budget", "§ 3 Mötets avslutande"):
        typed.add_paragraph(line)
    path = tmp_path / "typed.docx"
    typed.save(str(path))
    assert [i.title for i in parse_agenda(path).items] == ["Mötets öppnande", "Budget", "Mötets avslutande"]


@pytest.mark.parametrize(
    "content", ["hej hopp\nlite text utan punkter\n", "", "1.\n2.\n", "§ 1 Öppnande\n§ 1 Öppnande igen\n"]
)
def test_garbage_agenda_is_an_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "dagordning.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(AgendaError) as exc:
        parse_agenda(path)
    assert exc.value.exit_code == 16 and "\n" not in exc.value.message


def test_missing_binary_and_unknown_agenda_files(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound):
        parse_agenda(tmp_path / "finns-inte.txt")
    binary = tmp_path / "agenda.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(AgendaError):
        parse_agenda(binary)
    pdf = tmp_path / "agenda.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    with pytest.raises(AgendaError, match="okänt format"):
        parse_agenda(pdf)
    broken = tmp_path / "agenda.docx"
    broken.write_bytes(b"PK not really a zip")
    with pytest.raises(AgendaError, match="skadad eller inte en .docx-fil") as exc:
        parse_agenda(broken)
    assert "Error" not in exc.value.message  # the library's exception name is not shown to the user


def test_cli_reports_a_bad_agenda_in_one_line(tmp_path: Path) -> None:
    transcript = tmp_path / "transcript.json"
    transcript.write_text(meeting().to_json(), encoding="utf-8")
    garbage = tmp_path / "dagordning.txt"
    garbage.write_text("ingen dagordning här\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "transcribe.cli", "minutes", str(transcript), "--agenda",
                           str(garbage)], capture_output=True, text=True, cwd=REPO, timeout=600)  # fmt: skip
    assert proc.returncode == 16, proc.stderr
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "dagordning" in proc.stderr
    assert not (tmp_path / "minutes.md").exists()


def test_spoken_item_numbers_and_skips() -> None:
    assert number_refs("punkt fyra, ekonomin") == [("4", 1)]
    assert number_refs("vi tar punkt 7b nu") == [("7b", 1)]
    assert number_refs("punkt sex om förra protokollet hoppar vi över") == [("6", -1)]
    assert number_refs("vi hoppar över punkt sex och går till punkt sju") == [("6", -1), ("7", 1)]
    assert number_refs("ärende nio bordläggs") == [("9", -1)]


def test_alignment_with_a_skipped_and_an_out_of_order_item() -> None:
    agenda = parse_agenda_text(AGENDA_TXT)
    al = align_agenda(agenda, meeting())
    starts = {i.number: i.start for i in al.items}
    # line i starts at 10*i s; the chair's transitions are at lines 1, 2, 4 (second sentence), 6, 9, 12, 15, 17
    assert starts["1"] == 10.0 and starts["2"] == 20.0 and starts["4"] == 60.0
    assert 40.0 < starts["3"] < 50.0  # "Nästa punkt är dagordningen" is the second sentence of line 4
    assert starts["7"] == 90.0 and starts["5"] == 120.0  # 7 was taken before 5
    assert al.item("7").order < al.item("5").order
    assert 150.0 < starts["8"] < 160.0 and starts["9"] == 170.0
    assert not al.item("6").treated and al.item("6").start is None  # "hoppar vi över": ej behandlad
    assert al.item_at(95.0) == "7" and al.item_at(125.0) == "5" and al.item_at(65.0) == "4"
    assert al.other_segments == [0, 18]  # before the opening and after the closing: Övrigt
    assert al.item_at(5.0) is None and al.item_at(185.0) is None
    assert 10 in al.item("7").segment_ids and 13 in al.item("5").segment_ids


def test_agenda_words_become_vocabulary() -> None:
    agenda = parse_agenda_text(AGENDA_TXT)
    vocab = agenda_vocabulary(agenda)
    assert "Byggfirman Norrbygg" in vocab and "Brf Eken" in vocab
    assert "Parkeringsplatser".lower() in [v.lower() for v in vocab]
    assert merge_vocabulary(["Norrbygg", "Anna"], ["norrbygg", "Eken"]) == ["Norrbygg", "Anna", "Eken"]


def test_committed_agenda_samples_are_consistent() -> None:
    """Every agenda sample's truth covers its agenda, its script and its split (dev or held out)."""
    dirs = sorted(p.parent for p in (REPO / "samples" / "agenda").glob("*/truth.json"))
    assert len(dirs) >= 3
    splits = set()
    for d in dirs:
        truth = json.loads((d / "truth.json").read_text(encoding="utf-8"))
        script = yaml.safe_load((d / "script.yaml").read_text(encoding="utf-8"))
        ag = truth["agenda"]
        agenda = parse_agenda(d / ag["agenda_file"])
        assert [i["number"] for i in ag["items"]] == numbers(agenda)
        assert 8 <= len(agenda.items) <= 13
        parents = {i["parent"] for i in ag["items"] if i["parent"]}
        starts = [i["start"] for i in ag["items"] if i["treated"] and i["number"] not in parents]  # 5b before 5a too
        skipped = any(not i["treated"] for i in ag["items"])
        returned = any(x["item"] != ag["turn_items"][x["turn"]] for x in ag["decisions"])  # back to an item
        moved = starts != sorted(starts) or bool(ag.get("merged"))
        assert skipped or returned or moved, f"{d.name}: every item treated once, in agenda order"
        assert moved or returned, f"{d.name}: the agenda followed as written"
        assert len(ag["turn_items"]) == len(script["turns"]) == len(truth["segments"])
        assert {x["turn"] for x in ag["decisions"]} == {x["turn"] for x in script["truth"]["decisions"]}
        # A meeting elects all three roles, each with a name, or (a workplace meeting) no one at all.
        assert ag["roles"] == {} or all(ag["roles"][r] for r in ("ordförande", "sekreterare", "justerare")), d.name
        splits.add(ag["split"])
    assert splits == {"dev", "heldout"}
