"""A correction the chair settles after going back to an earlier item ("Då får vi gå tillbaka till protokollet en
sekund. Vi ändrar det till …") stands under that item's §, not under the item being treated (agenda/closings.py,
agenda/topics.compound: "protokollet" names "Mötesprotokoll"). Hand-made meeting, ten seconds per line."""

from __future__ import annotations

from tests.agenda_meeting import lines_transcript
from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.agenda.topics import compound
from transcribe.minutes import extract_minutes
from transcribe.minutes.protokoll import build_protokoll

AGENDA = """Styrelsemöte
1. Mötets öppnande
2. Föregående mötesprotokoll
3. Ekonomi
4. Medlemsfrågor
5. Mötets avslutande
"""
NAMES = {"A": "Greta Holm", "B": "Bertil Sjö", "C": "Karin Vall", "D": "Olof Rask"}
LINES = [
    ("A", "Välkomna, jag förklarar mötet öppnat."),
    ("A", "Föregående mötesprotokoll. Har alla läst det?"),
    ("B", "Ja."),
    ("A", "Då lägger vi det till handlingarna."),
    ("A", "Ekonomin. Bertil."),
    ("B", "Vi har trettiotusen på kontot och alla räkningar är betalda."),
    ("A", "Tack. Medlemsfrågor. Karin."),
    ("C", "Tre har inte betalat avgiften i år, jag har skickat en påminnelse."),
    ("D", "Förresten. I förra protokollet står det att vi köpte en gräsklippare för tretusen. Den kostade trettio."),
    ("B", "Trettio, ja. Jag har kvittot."),
    ("A", "Då får vi gå tillbaka till protokollet en sekund. Vi ändrar det till trettiotusen."),
    ("C", "Jag skriver in det."),
    ("A", "Tack allihop, jag förklarar mötet avslutat."),
]


def test_a_correction_settled_after_going_back_stands_under_the_item_gone_back_to() -> None:
    tr = lines_transcript(LINES, NAMES)
    ag = parse_agenda_text(AGENDA)
    prot = build_protokoll(extract_minutes(tr, title="Styrelsemöte"), tr, ag, align_agenda(ag, tr))
    decided = {p.number: [d.text for d in p.decisions] for p in prot.paragraphs}
    assert any("trettiotusen" in t for t in decided["2"])
    assert not any("trettiotusen" in t for t in decided["4"])


def test_a_compounds_head_said_in_its_definite_form_names_it() -> None:
    assert compound("mötesprotokoll", "protokollet")
    assert not compound("mötesprotokoll", "protest")
