"""Spoken dates as a recogniser writes them: split ordinals, an hour without "klockan", weeks ahead."""

from __future__ import annotations

import datetime as dt

from transcribe.minutes.dates import find_whens
from transcribe.sv.numbers import parse_number

MONDAY = dt.date(2026, 11, 23)


def first(text: str) -> tuple[dt.date | None, dt.time | None]:
    w = next(w for w in find_whens(text, MONDAY) if w.date is not None)
    return w.date, w.time


def test_ordinal_with_its_ending_heard_apart() -> None:
    assert parse_number("tion de") == 10 and parse_number("tjugo fjär de") == 24
    assert first("Nästa möte blir den tion de december klockan nio.") == (dt.date(2026, 12, 10), dt.time(9, 0))


def test_hour_straight_after_the_date_is_the_clock_time() -> None:
    assert first("Nästa möte blir tisdagen den sjätte oktober tretton.") == (dt.date(2027, 10, 6), dt.time(13, 0))
    assert first("Vi ses den fjärde mars sju på kvällen, här.") == (dt.date(2027, 3, 4), dt.time(19, 0))
    assert first("Tisdagen den tolfte januari ett, passar det?") == (dt.date(2027, 1, 12), dt.time(13, 0))


def test_a_count_after_the_date_is_no_clock_time() -> None:
    assert first("Kursen börjar den fjärde mars tre dagar i rad.") == (dt.date(2027, 3, 4), None)
    assert first("Den tolfte januari ett möte till.") == (dt.date(2027, 1, 12), None)


def test_weekday_some_weeks_ahead() -> None:
    assert first("Nästa möte blir måndag om två veckor, samma tid.") == (dt.date(2026, 12, 7), None)
    assert first("Vi ses torsdag om en vecka.") == (dt.date(2026, 12, 3), None)


def test_the_last_day_of_a_month() -> None:
    assert first("Jag skickar den senast den sista mars.") == (dt.date(2027, 3, 31), None)
    assert first("Klart till sista dagen i november.") == (dt.date(2026, 11, 30), None)
