"""A report filed by a pronoun ("De läggs till handlingarna.") is written in the protokoll with the item's own name,
never with the pronoun as its object. Hand-made meeting, ten seconds per line."""

from __future__ import annotations

from tests.agenda_meeting import lines_transcript
from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.agenda.units import build_units
from transcribe.agenda.verdicts import item_verdicts
from transcribe.minutes import extract_minutes
from transcribe.minutes.protokoll import build_protokoll

AGENDA = """Årsmöte
1. Mötets öppnande
2. Verksamhetsberättelse
3. Val av styrelse
4. Mötets avslutande
"""
NAMES = {"A": "Greta Holm", "B": "Bertil Sjö", "C": "Karin Vall", "D": "Olof Rask"}
LINES = [
    ("C", "Välkomna, jag förklarar årsmötet öppnat."),
    ("C", "Verksamhetsberättelsen. Bertil, du har skrivit den."),
    ("B", "Vi hade nio träffar och en utflykt till Öland, och vi fick fyra nya medlemmar."),
    ("C", "Kan berättelserna läggas till handlingarna? Ja. De läggs till handlingarna."),
    ("C", "Valen. Olof, valberedningen."),
    ("D", "Vi föreslår omval av hela styrelsen."),
    ("C", "Kan årsmötet välja enligt förslaget?"),
    ("A", "Ja."),
    ("C", "Då har årsmötet valt styrelsen enligt förslaget. Tack, årsmötet är avslutat."),
]


def test_a_report_filed_by_a_pronoun_is_named_by_its_item() -> None:
    tr = lines_transcript(LINES, NAMES)
    ag = parse_agenda_text(AGENDA)
    prot = build_protokoll(extract_minutes(tr, title="Årsmöte"), tr, ag, align_agenda(ag, tr))
    filed = [d.text for p in prot.paragraphs if p.number == "2" for d in p.decisions]
    assert filed and all("handlingarna" in t for t in filed), filed
    assert not any(" De " in t or " de till" in t for t in filed), filed
    assert any("verksamhetsberättelse" in t.lower() for t in filed), filed


def test_the_items_structure_files_the_item_not_the_pronoun() -> None:
    tr = lines_transcript(LINES, NAMES)
    al = align_agenda(parse_agenda_text(AGENDA), tr)
    verdicts = {v.number: v.text for v in item_verdicts(al, build_units(tr), set())}
    assert "2" in verdicts and "handlingarna" in verdicts["2"], verdicts
    assert " De " not in verdicts["2"] and " de " not in verdicts["2"], verdicts
