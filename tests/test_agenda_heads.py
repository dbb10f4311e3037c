"""An item named by the head of its title's compound, a word of four letters: "Sen priserna." for
"Fiskekortspriser 2027", "Planen då." for "Verksamhetsplan 2027". Hand-made meeting, ten seconds per line."""

from __future__ import annotations

from tests.agenda_meeting import lines_transcript
from transcribe.agenda import align_agenda, parse_agenda_text

AGENDA = """Årsstämma i fiskevårdsområdet
1. Stämmans öppnande
2. Styrelsens verksamhetsberättelse
3. Fiskekortspriser 2027
4. Verksamhetsplan 2027
5. Utsättning av öringyngel
6. Stämmans avslutande
"""


def test_an_item_named_by_its_compounds_short_head_starts_there() -> None:
    lines = [
        ("A", "Välkomna, jag förklarar stämman öppnad."),
        ("A", "Maria, berätta om året."),
        ("B", "Det har varit ett lugnt år, vi har sålt åttahundra fiskekort och haft två städdagar vid älven."),
        ("A", "Då läggs berättelsen till handlingarna."),
        ("A", "Sen priserna."),  # 40 s
        ("B", "Styrelsen föreslår att dygnskortet höjs från hundra till hundrafemtio kronor från i sommar."),
        ("C", "Det låter rimligt, det har stått still länge."),
        ("A", "Planen då."),  # 70 s
        ("B", "Vi vill rensa lekplatserna i biflödena och bygga en ny bro vid Nyborgsforsen i höst."),
        ("A", "Yngelutsättningen. Styrelsen vill sätta ut femtusen i år."),  # 90 s
        ("C", "Sätt ut några i Sangisälven också."),
        ("A", "Tack, stämman är avslutad."),
    ]
    tr = lines_transcript(lines, {k: k for k in "ABC"})
    al = align_agenda(parse_agenda_text(AGENDA), tr)
    assert al.item("3").treated and al.item("3").start == 40.0
    assert al.item("4").treated and al.item("4").start == 70.0
    assert al.item("5").start == 90.0
