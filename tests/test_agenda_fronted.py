"""Starts read from a sentence's grammar rather than its words alone: the meeting's own noun in a formal item's
title names no item (the board's chair opens, the meeting's chair leads), a clause put first gives the reason and
not the item taken, and a struck item's word said in passing opens nothing. Hand-made meetings, ten seconds per line."""

from __future__ import annotations

from tests.agenda_meeting import lines_transcript
from transcribe.agenda import align_agenda, parse_agenda_text

AGENDA = """Föreningsstämma
1. Stämmans öppnande
2. Val av ordförande för stämman
3. Motion om farthinder
4. Budget och avgifter
5. Personalfesten
6. Övriga frågor
7. Stämmans avslutande
"""


def starts(lines: list[tuple[str, str]]) -> dict[str, float | None]:
    al = align_agenda(parse_agenda_text(AGENDA), lines_transcript(lines))
    return {i.number: (i.start if i.treated else None) for i in al.items}


LINES = [
    ("B", "Finns det mer kaffe? Kannan är tom."),
    ("C", "Det kommer mer, hon sätter på en ny."),
    ("D", "Ja, hej allihop. Klockan är två, så vi börjar. Jag hälsar er välkomna och förklarar den öppnad."),
    ("D", "Först behöver vi någon som leder stämman. Styrelsen föreslår Lennart. Är ni med på det?"),
    ("B", "Ja."),
    ("A", "Personalfesten hoppar vi över, festkommittén sköter den själv."),
    ("B", "Förlåt, jag kom precis. Kan motionen tas sist? Min granne kommer först halv tre."),
    ("A", "Eftersom motionen väntar går vi till pengarna. Budgeten för nästa år."),
    ("C", "Vi föreslår att avgiften höjs till tvåtusen åttahundra. Tio personer gånger tvåhundra, det räcker."),
    ("A", "Tio personer gånger tvåhundra, det går. Då bifaller stämman budgeten."),
    ("A", "Är din granne här nu?"),
    ("B", "Ja. Vi föreslår tre farthinder på Byvägen, folk kör för fort."),
    ("A", "Vilka är för motionen? Nio. Och emot? Fjorton. Motionen avslås. Vi sätter upp skyltar i stället."),
    ("A", "Kan stämman tänka sig det?"),
    ("C", "Ja."),
    ("A", "Övriga frågor. Något?"),
    ("B", "Nej."),
    ("A", "Då förklarar jag stämman avslutad."),
]


def test_an_opening_after_small_talk_starts_the_meeting_and_the_meetings_own_noun_names_no_item() -> None:
    got = starts(LINES)
    assert got["1"] == 20.0  # not "Kan stämman tänka sig det?" near the end
    assert got["2"] == 30.0


def test_a_clause_put_first_gives_the_reason_and_the_item_moved_starts_where_it_is_taken() -> None:
    got = starts(LINES)
    assert got["4"] == 70.0
    assert got["3"] is not None and 100.0 <= got["3"] <= 110.0  # not where "Eftersom motionen väntar" put it off


def test_a_struck_items_word_said_in_passing_opens_it_nowhere() -> None:
    assert starts(LINES)["5"] is None  # "Tio personer gånger tvåhundra" is no "Personalfesten."
