"""A filing whose object the rules read from the sentence before ("Det är utskickat. … Då lägger vi det till
handlingarna.") or from a filler word is worded from the item's title in the protokoll. Hand-made meeting, ten
seconds per line."""

from __future__ import annotations

from tests.agenda_meeting import lines_transcript
from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.minutes import extract_minutes
from transcribe.minutes.protokoll import build_protokoll
from transcribe.transcript import Transcript

AGENDA = """Styrelsemöte
1. Mötets öppnande
2. Föregående mötes protokoll
3. Ekonomi
4. Mötets avslutande
"""


def spoken(lines: list[tuple[str, str]]) -> Transcript:
    """Ten seconds per (speaker, text) line, spoken by Anna Berg (A), Bo Ek (B) and Cilla Ny (C)."""
    return lines_transcript(lines, {"A": "Anna Berg", "B": "Bo Ek", "C": "Cilla Ny"})


def test_a_filing_said_by_a_pronoun_after_a_clause_is_worded_from_the_title() -> None:
    tr = spoken(
        [
            ("A", "Välkomna, jag förklarar mötet öppnat."),
            (
                "A",
                "Förra mötets protokoll. Det är utskickat. Några synpunkter? Nej. Då lägger vi det till handlingarna.",
            ),
            ("A", "Ekonomin. Bo, hur ser det ut?"),
            ("B", "Vi har trettiotusen kvar på kontot och inga obetalda fakturor."),
            ("A", "Tack. Jag förklarar mötet avslutat."),
        ]
    )
    agenda = parse_agenda_text(AGENDA)
    prot = build_protokoll(extract_minutes(tr), tr, agenda, align_agenda(agenda, tr))
    minutes = prot.paragraph("2")
    assert minutes is not None and minutes.decisions
    text = minutes.decisions[0].text
    assert "handlingarna" in text and "protokoll" in text.lower()
    assert "utskickat" not in text
