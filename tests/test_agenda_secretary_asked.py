"""The secretary's election opened by asking one to do the writing in everyday words: "Maja, kan du skriva ner det
viktigaste?", "Maja, det är din tur på listan att skriva i kväll. Orkar du?". Hand-made meetings, ten seconds per
line."""

from __future__ import annotations

import pytest

from tests.test_agenda_struck import CAMP, CLOSING, CLUB, OPENING, treated

AGENDA = CLUB.replace("2. Val av justerare", "2. Val av sekreterare och justerare")


@pytest.mark.parametrize(
    "asked",
    [
        "Maja, kan du skriva ner det viktigaste? Och Ahmed, du läser igenom det innan det skickas.",
        "Maja, det är din tur på listan att skriva i kväll. Orkar du?",
    ],
)
def test_asking_one_to_write_opens_the_secretarys_election(asked: str) -> None:
    lines = [
        ("A", "Hej allihop, klockan är sju. Jag håller i det här som vanligt, välkomna."),
        ("A", asked),
        ("C", "Visst. Jag skriver."),
        ("D", "Okej. Jag läser."),
        *OPENING[3:],
        *CAMP,
        *CLOSING,
    ]
    assert treated(AGENDA, lines)["2"] == 1
