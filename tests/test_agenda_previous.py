"""The previous minutes named in other words open their item: "Protokollet från förra mötet …", "Det som skrevs
i juni, har alla läst det?". Hand-made meeting, ten seconds per line."""

from __future__ import annotations

import pytest

from tests.agenda_meeting import lines_transcript
from transcribe.agenda import align_agenda, parse_agenda_text

AGENDA = """Styrelsemöte i hyresgästföreningen
1. Mötets öppnande
2. Mötets formalia
3. Föregående mötesprotokoll
4. Tvättstugan
5. Avslutning
"""


@pytest.mark.parametrize(
    "said",
    [
        "Det som skrevs i juni, har alla läst det?",
        "Protokollet från förra mötet, har alla läst det?",
        "Det vi skrev förra gången, har alla läst det?",
    ],
)
def test_the_previous_minutes_said_in_other_words_open_their_item(said: str) -> None:
    lines = [
        ("A", "Hej allihop, då startar vi."),
        ("B", "Jag tar protokollet som vanligt."),
        ("C", "Och jag justerar."),
        ("A", "Perfekt. Och jag leder."),
        ("A", said),  # 40 s
        ("C", "Ja, det stämmer."),
        ("A", "Då lägger vi det till handlingarna."),
        ("C", "Jag tar tvätten. Bokningstavlan har gått sönder igen, och folk tvättar på fel tider."),  # 70 s
        ("A", "Vi skriver till bostadsbolaget och kräver ett digitalt bokningssystem."),
        ("A", "Tack för i kväll, mötet är avslutat."),
    ]
    tr = lines_transcript(lines, {k: k for k in "ABC"})
    al = align_agenda(parse_agenda_text(AGENDA), tr)
    assert al.item("3").treated and al.item("3").start == 40.0, said
    assert al.item("4").start == 70.0
