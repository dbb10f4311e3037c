"""Swedish spoken dates and times, resolved against the meeting date."""

from __future__ import annotations

import datetime as dt

import pytest

from transcribe.minutes.dates import find_whens, parse_time, parse_when

# A Wednesday; 2026-12-03 is a Thursday, 2026-12-14 a Monday.
REF = dt.date(2026, 11, 25)
D = dt.date
T = dt.datetime

CASES: list[tuple[str, object]] = [
    ("den fjortonde december klockan halv tre", T(2026, 12, 14, 14, 30)),
    ("torsdag den tredje december klockan tio", T(2026, 12, 3, 10, 0)),
    ("torsdagen den tredje december klockan tio", T(2026, 12, 3, 10, 0)),
    ("nästa torsdag", D(2026, 12, 3)),
    ("på fredag", D(2026, 11, 27)),
    ("senast fredag", D(2026, 11, 27)),
    ("fredag nästa vecka", D(2026, 12, 4)),
    ("om två veckor", D(2026, 12, 9)),
    ("om tre dagar", D(2026, 11, 28)),
    ("den 14 december kl. 14.30", T(2026, 12, 14, 14, 30)),
    ("den 14:e december kl 9", T(2026, 12, 14, 9, 0)),
    ("fredag vecka femtio", D(2026, 12, 11)),
    ("i morgon", D(2026, 11, 26)),
    ("imorgon", D(2026, 11, 26)),
    ("den tjugoförsta januari", D(2027, 1, 21)),
    ("den trettioförsta december", D(2026, 12, 31)),
    ("den 3 januari", D(2027, 1, 3)),  # already past this year: next occurrence
    ("den 1 januari 2027", D(2027, 1, 1)),
    ("2026-12-14", D(2026, 12, 14)),
    ("14/12", D(2026, 12, 14)),
    ("tisdag den 8 december kl. 9", T(2026, 12, 8, 9, 0)),
    ("onsdagen den tjugofjärde februari, samma tid, klockan halv sju", T(2027, 2, 24, 18, 30)),
    ("den tredje kl 10", T(2026, 12, 3, 10, 0)),
]

TIMES: list[tuple[str, dt.time]] = [
    ("kvart över nio", dt.time(9, 15)),
    ("kvart i tre", dt.time(14, 45)),
    ("tjugo över fyra", dt.time(16, 20)),
    ("klockan femton", dt.time(15, 0)),
    ("halv tio på förmiddagen", dt.time(9, 30)),
    ("klockan halv tre", dt.time(14, 30)),  # afternoon rule: hour 1-7 without a morning marker
    ("klockan två", dt.time(14, 0)),
    ("klockan åtta", dt.time(8, 0)),
    ("klockan sju på morgonen", dt.time(7, 0)),
    ("halv åtta på kvällen", dt.time(19, 30)),
    ("fem i halv tre", dt.time(14, 25)),
    ("fem över halv tre", dt.time(14, 35)),
    ("klockan fjorton trettio", dt.time(14, 30)),
    ("kl. 08.15", dt.time(8, 15)),
    ("13:45", dt.time(13, 45)),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_spoken_dates(text: str, expected: object) -> None:
    when = parse_when(text, REF)
    assert when is not None, text
    assert when.value == expected


@pytest.mark.parametrize(("text", "expected"), TIMES)
def test_spoken_times(text: str, expected: dt.time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["efter jul", "i höst", "nästa vecka", "vecka 50"])
def test_vague_keeps_text_without_date(text: str) -> None:
    when = parse_when(text, REF)
    assert when is not None and when.date is None
    assert when.text.lower() == text


@pytest.mark.parametrize("text", ["vi tar tre saker", "den andra punkten", "jag har tio i budget", "ett i taget"])
def test_no_false_dates(text: str) -> None:
    assert [w for w in find_whens(text, REF) if w.date or w.time] == []


def test_date_in_sentence_keeps_span() -> None:
    text = "Nästa möte blir torsdagen den tionde december klockan nio, här på campus."
    (when,) = [w for w in find_whens(text, REF) if w.date is not None]
    assert when.value == T(2026, 12, 10, 9, 0)
    assert text[when.start : when.end] == "torsdagen den tionde december klockan nio"
