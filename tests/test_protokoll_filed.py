"""A decision the meeting files under another item by its own words ("…, under punkt två.") stands under that §,
and the item it was said in keeps its own decision (agenda/settle.filed_under). Hand-made meeting, ten seconds per
line."""

from __future__ import annotations

from tests.agenda_meeting import lines_transcript
from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.minutes import extract_minutes
from transcribe.minutes.protokoll import build_protokoll

AGENDA = """Årsmöte
1. Mötets öppnande
2. Ekonomisk berättelse och revisorernas berättelse
3. Val av styrelse
4. Mötets avslutande
"""
NAMES = {"A": "Greta Holm", "B": "Bertil Sjö", "C": "Karin Vall", "D": "Olof Rask"}
LINES = [
    ("C", "Välkomna, jag förklarar årsmötet öppnat."),
    ("C", "Ekonomin. Bertil."),
    ("B", "Vi gick plus åttiotusen, och revisorerna har inget att anmärka på."),
    ("C", "Valen. Olof, valberedningen."),
    ("D", "Vi föreslår omval av hela styrelsen."),
    ("B", "Förlåt, en sak. Vi glömde berättelserna."),
    ("C", "Det har du rätt i. Då lägger vi granskningen till handlingarna också, under punkt två."),
    ("C", "Kan årsmötet välja enligt förslaget?"),
    ("A", "Ja."),
    ("C", "Då har årsmötet valt styrelsen enligt förslaget. Tack, årsmötet är avslutat."),
]


def test_a_decision_filed_under_another_item_by_number_stands_there() -> None:
    tr = lines_transcript(LINES, NAMES)
    ag = parse_agenda_text(AGENDA)
    prot = build_protokoll(extract_minutes(tr, title="Årsmöte"), tr, ag, align_agenda(ag, tr))
    decided = {p.number: [d.text for d in p.decisions] for p in prot.paragraphs}
    assert any("handlingarna" in t for t in decided["2"])
    assert not any("handlingarna" in t for t in decided["3"])
    assert any("styrelse" in t for t in decided["3"])
