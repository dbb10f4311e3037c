"""The chair's short close that the matter stands as said ("Då är det så.", "Då har vi det.") settles the item, with
the matter said after it as the decision. Hand-made meetings, ten seconds per line."""

from __future__ import annotations

from tests.agenda_meeting import lines_transcript
from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.agenda.align import build_units
from transcribe.agenda.verdicts import item_verdicts
from transcribe.minutes import extract_minutes
from transcribe.minutes.protokoll import build_protokoll
from transcribe.transcript import Transcript

AGENDA = """Arbetsplatsträff
1. Inledning
2. Ledigheter i jul
3. Avslutning
"""


def spoken(lines: list[tuple[str, str]]) -> Transcript:
    """Ten seconds per (speaker, text) line, spoken by Anna Berg (A), Bo Ek (B) and Cilla Ny (C)."""
    return lines_transcript(lines, {"A": "Anna Berg", "B": "Bo Ek", "C": "Cilla Ny"})


def meeting(close: str) -> list[tuple[str, str]]:
    return [
        ("A", "Välkomna allihop, vi börjar."),
        ("A", "Ledigheterna i jul. Någon måste jobba julafton och någon nyårsafton."),
        ("B", "Jag tar julafton, jag firar ändå på annandagen med min familj."),
        ("C", "Och jag kan ta nyårsafton, om jag får vara ledig trettondagen."),
        ("A", close),
        ("A", "Tack för i dag, då avslutar vi."),
    ]


def christmas(close: str) -> list[str]:
    tr = spoken(meeting(close))
    agenda = parse_agenda_text(AGENDA)
    prot = build_protokoll(extract_minutes(tr), tr, agenda, align_agenda(agenda, tr))
    par = prot.paragraph("2")
    assert par is not None
    return [d.text for d in par.decisions if any(e.start == 40.0 for e in d.evidence)]


def test_then_it_is_so_with_the_matter_after_a_colon_is_the_items_decision() -> None:
    got = christmas("Då är det så: Bo julafton, Cilla nyårsafton och ledig trettondagen.")
    assert got and "julafton" in got[0] and "nyårsafton" in got[0]


def test_then_we_have_it_with_the_matter_in_the_next_sentence_is_the_items_decision() -> None:
    got = christmas("Bra. Då har vi det. Bo julafton och Cilla nyårsafton, och Cilla ledig på trettondagen.")
    assert got and "julafton" in got[0]


def test_the_item_with_no_decision_read_gets_the_matter_after_the_close_from_its_structure() -> None:
    tr = spoken(meeting("Tack, Cilla. Då har vi det. Bo och Cilla de första veckorna, Cilla tillbaka vecka tjugoåtta."))
    agenda = parse_agenda_text(AGENDA)
    got = item_verdicts(align_agenda(agenda, tr), build_units(tr), decided=set())
    assert [(v.number, "veckorna" in v.text) for v in got] == [("2", True)]
