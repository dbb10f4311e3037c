"""An item skipped in the words people use (agenda/phrases.py, agenda/numbers.py, agenda/struck.py): named first and
struck by a pronoun after the reason ("Punkt fyra, förra protokollet. Det är inte justerat än, så det hoppar vi
över."), "stryker vi" after its number, "skippar", "faller bort", "lägger vi åt sidan tills vidare", "tar vi inte
i dag", "blir det inget med", "går vi förbi"; and "den punkten" names no item number. Hand-made meetings, ten
seconds per line."""

from __future__ import annotations

import pytest

from tests.agenda_meeting import lines_transcript
from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.agenda.numbers import number_refs

AGENDA = """Styrelsemöte
1. Mötets öppnande
2. Val av justerare
3. Godkännande av dagordningen
4. Föregående protokoll
5. Ekonomi
6. Sommarfesten
7. Mötets avslutande
"""
NAMES = {"A": "Greta Holm", "B": "Lisa Sjö", "C": "Olle Vall", "D": "Sven Rask"}
HEAD = [
    ("A", "Välkomna, jag förklarar mötet öppnat."),
    ("A", "Vem justerar i dag?"),
    ("C", "Jag kan."),
    ("A", "Dagordningen har ni fått. Kan den godkännas?"),
    ("B", "Ja."),
    ("A", "Då är den godkänd."),
]
TAIL = [
    ("A", "Ekonomin. Lisa."),  # 70 s: 5
    ("B", "Vi har trettiotusen på kontot och alla har betalat."),
    ("A", "Sommarfesten. Sven?"),
    ("D", "Vi föreslår den tjugonde juni i parken med grillning."),
    ("A", "Då gör vi så."),
    ("A", "Tack allihop, jag förklarar mötet avslutat."),
]


@pytest.mark.parametrize(
    "skipped",
    [
        "Punkt fyra, förra protokollet. Det är inte justerat än, så det hoppar vi över.",
        "Punkt fyra stryker vi, den är redan avklarad.",
        "Vi skippar förra protokollet i dag.",
        "Förra protokollet lägger vi åt sidan tills vidare.",
        "Förra protokollet tar vi inte i dag.",
        "Förra protokollet blir det inget med i dag, det är inte justerat.",
        "Punkt fyra faller bort, sekreteraren är sjuk.",
        "Punkt fyra, protokollet. Det har inte kommit, så den punkten går vi förbi.",
    ],
)
def test_an_item_skipped_in_everyday_words_is_not_treated(skipped: str) -> None:
    al = align_agenda(parse_agenda_text(AGENDA), lines_transcript([*HEAD, ("A", skipped), *TAIL], NAMES))
    assert not al.item("4").treated and al.item("5").start == 70.0


def test_the_point_spoken_of_is_no_item_number() -> None:
    assert number_refs("så den punkten går vi förbi.") == []
    assert number_refs("punkten fem, ekonomin.") == [("5", 1)]


def test_an_item_put_off_by_a_member_for_the_item_the_chair_named_in_the_turn_before() -> None:
    lines = [
        *HEAD[:3],
        ("A", "Dagordningen. Och sommarfesten, Sven sa att den inte är färdigplanerad."),  # 30 s: 3
        ("D", "Nej, vi har inte fått svar från parken. Vi tar den på höstens möte."),
        ("A", "Då fastställer vi dagordningen med den ändringen."),
        ("A", "Förra protokollet. Har alla läst?"),  # 60 s: 4
        ("B", "Ja."),
        ("A", "Då lägger vi det till handlingarna."),
        ("A", "Ekonomin. Lisa."),  # 90 s: 5
        ("B", "Vi har trettiotusen på kontot och alla har betalat."),
        ("A", "Tack allihop, jag förklarar mötet avslutat."),
    ]
    al = align_agenda(parse_agenda_text(AGENDA), lines_transcript(lines, NAMES))
    assert not al.item("6").treated and al.item("4").start == 60.0 and al.item("5").start == 90.0
