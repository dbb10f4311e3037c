"""A decision cited together with the sentence that opens the next item ("Ja, så blir det. Förmiddag med hela
personalgruppen och eftermiddag för temat." – "Nu kom mejlet från förvaltningen, förresten. …") stands under the
item it was said in, not under the one the next turn opens (agenda/settle.py). Hand-made meeting, ten seconds per
line."""

from __future__ import annotations

from tests.agenda_meeting import lines_transcript
from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.agenda.align import build_units
from transcribe.agenda.settle import settled_under

AGENDA = """Arbetsplatsträff
1. Inledning
2. Ekonomi
3. Planeringsdagen
4. Information från förvaltningen
5. Avslutning
"""
NAMES = {"A": "Greta Holm", "B": "Bertil Sjö", "C": "Karin Vall", "D": "Olof Rask"}
LINES = [
    ("A", "Välkomna allihop, då börjar vi."),
    ("A", "Ekonomin. Bertil."),
    ("B", "Vi håller budgeten och har inga nya kostnader sedan förra månaden."),
    ("A", "Planeringsdagen i juni. Vi har fått den fjortonde juni. Jag tänkte att vi åker ut till kursgården."),
    ("C", "Kan vi ha eftermiddagen till att planera höstens tema?"),
    ("A", "Ja, så blir det. Förmiddag med hela personalgruppen och eftermiddag för temat."),
    ("A", "Nu kom mejlet från förvaltningen, förresten. De inför ett nytt system för närvaro från augusti."),
    ("D", "Ännu ett system."),
    ("A", "Jag vet. Tack allihop, då avslutar vi."),
]


def test_a_decision_cited_with_the_next_items_opening_stands_under_its_own_item() -> None:
    tr = lines_transcript(LINES, NAMES)
    al = align_agenda(parse_agenda_text(AGENDA), tr)
    assert al.item("4").start == 60.0  # the mail opens the information from the administration
    said = "Förmiddag med hela personalgruppen och eftermiddag för temat. Nu kom mejlet från förvaltningen."
    assert settled_under(al, build_units(tr), 6, said, 60.0, [5, 6]) == "3"
