"""A close said in the turn that opens the next item, ahead of the words that turn the talk to it, belongs to the
item before: "Då är det så. Två nya elcyklar före sommaren. Parkeringen." Hand-made meetings, ten seconds per
line."""

from __future__ import annotations

from tests.agenda_meeting import lines_transcript
from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.minutes import extract_minutes
from transcribe.minutes.protokoll import build_protokoll
from transcribe.transcript import Transcript

AGENDA = """Personalmöte
1. Mötets öppnande
2. Cyklar till hemtjänsten
3. Parkeringen
4. Mötets avslutande
"""


def spoken(lines: list[tuple[str, str]]) -> Transcript:
    """Ten seconds per (speaker, text) line, spoken by Anna Berg (A), Bo Ek (B) and Cilla Ny (C)."""
    return lines_transcript(lines, {"A": "Anna Berg", "B": "Bo Ek", "C": "Cilla Ny"})


def protokoll(lines: list[tuple[str, str]]):
    tr = spoken(lines)
    agenda = parse_agenda_text(AGENDA)
    al = align_agenda(agenda, tr)
    return build_protokoll(extract_minutes(tr), tr, agenda, al), al


def test_the_outcome_said_as_the_next_item_opens_is_the_item_befores_decision() -> None:
    prot, al = protokoll(
        [
            ("A", "Jag förklarar mötet öppnat. Punkt två, cyklarna till hemtjänsten."),
            ("B", "Två av cyklarna är trasiga och går inte att laga längre."),
            ("A", "Jag föreslår att vi köper två nya elcyklar före sommaren. Kan vi säga så?"),
            ("B", "Ja. Det behövs verkligen."),
            ("C", "Absolut."),
            ("A", "Då är det så. Två nya elcyklar före sommaren. Parkeringen."),
            ("C", "Vi har fyra platser men sex bilar, så det blir trångt på morgonen."),
            ("A", "Tack. Jag förklarar mötet avslutat."),
        ]
    )
    assert al.item("3").start == 50.0  # the premise: the item starts at the head of the turn that closes the one before
    cycles, parking = prot.paragraph("2"), prot.paragraph("3")
    assert cycles is not None and parking is not None
    assert any("elcyklar" in d.text for d in cycles.decisions)
    assert any(e.start >= 50.0 for d in cycles.decisions for e in d.evidence)  # cited where it was said
    assert not parking.decisions
