"""A first-person task whose thing is named after a preposition or a person: 'Jag ansöker hos regionen på
måndag', 'Jag visar henne provmottagningen på torsdag'."""

from __future__ import annotations

import datetime as dt

from tests.spoken import MEETING, transcript
from transcribe.minutes import extract_minutes


def actions(text: str) -> list[tuple[str | None, str, dt.date | None]]:
    got = extract_minutes(transcript([("S2", text)]), meeting_date=MEETING).actions
    return [(a.owner, a.what, a.due) for a in got]


def test_the_thing_acted_on_after_a_preposition_with_a_day() -> None:
    said = "Då skaffar vi Swish. Jag ansöker hos regionen på måndag, det är de som har avtalet med banken."
    assert actions(said) == [("Karin Ek", "Ansöka hos regionen", dt.date(2026, 11, 30))]
    assert actions("Jag ansöker hos regionen, det är de som har avtalet.") == []  # no day: a plan or a habit


def test_a_person_before_the_thing() -> None:
    got = actions("Jag tar henne. Jag visar henne provmottagningen på torsdag.")
    assert got == [("Karin Ek", "Visa henne provmottagningen", dt.date(2026, 11, 26))]


def test_a_way_to_go_is_no_task() -> None:
    assert actions("Jag åker med bussen i morgon.") == []
    assert actions("Jag sitter med styrelsen på torsdag.") == []
