"""The next meeting read from the turns that say it together: the hour said with the meeting after its day
in the sentence before, the answer's sentences taken as one answer (a weekday cut short, then the exact day,
"samma tid" between them), and an hour said without its part of the day read near this meeting's own hour."""

from __future__ import annotations

import datetime as dt

from tests.test_nextmeeting_time import next_meeting


def test_an_evening_meetings_hour_without_its_part_of_the_day_stays_in_the_evening() -> None:
    lines = ["Och nästa möte?", "Efter marknaden. Onsdagen den tjugonde oktober, efter övningen. Kvart i nio."]
    got = next_meeting(lines, "20:30")
    assert got is not None and got.when == dt.datetime(2027, 10, 20, 20, 45)
    # the same words at a morning meeting: the morning
    got = next_meeting(lines, "08:30")
    assert got is not None and got.when == dt.datetime(2027, 10, 20, 8, 45)
    # a Saturday morning after an evening meeting is said so and kept
    got = next_meeting(["Nästa möte blir lördagen den andra oktober, klockan tio, här i bygdegården."], "19:00")
    assert got is not None and got.when == dt.datetime(2027, 10, 2, 10, 0)
    # the part of the day said: as said
    got = next_meeting(["Nästa möte blir onsdagen den tjugonde oktober klockan nio på morgonen."], "20:30")
    assert got is not None and got.when == dt.datetime(2027, 10, 20, 9, 0)


def test_the_meeting_named_after_its_day_with_its_own_hour() -> None:
    lines = ["Och städdagen?",
             "Vi ses vid stugan lördag den femte juni, klockan nio. Vi röjer först, och sedan har vi nästa möte "
             "där inne efteråt, runt ett.",
             "Runt ett, bra."]  # fmt: skip
    got = next_meeting(lines, "19:00")
    assert got is not None and got.when == dt.datetime(2027, 6, 5, 13, 0)
    # a count is no hour: the day as said, its own hour
    lines[1] = "Vi ses vid stugan lördag den femte juni, klockan nio. Sedan nästa möte, vi blir runt tolv personer."
    got = next_meeting(lines, "19:00")
    assert got is not None and got.when == dt.datetime(2027, 6, 5, 9, 0)


def test_the_answer_read_as_one_a_weekday_cut_short_and_the_exact_day() -> None:
    # said "Onsdag om två veckor. Samma tid, kvart över fem. Det blir den tredje mars."
    lines = ["Och nästa möte?", "Onsdag om mål veckor. Samma tid, till över fem. Det blir den tredje mars."]
    got = next_meeting(lines, "17:15", unsure=frozenset({"mål", "till"}))
    assert got is not None and got.when == dt.datetime(2027, 3, 3, 17, 15)
    # "den" lost before the day: the month still names the date
    lines = ["Och nästa möte?", "Onsdag på två veckor. Samma tid, kvart över fem. Det blir nobåt tredje mars."]
    got = next_meeting(lines, "17:15", unsure=frozenset({"nobåt"}))
    assert got is not None and got.when == dt.datetime(2027, 3, 3, 17, 15)
    # a weekday said whole and then another Wednesday: two dates, to check
    lines = ["Och nästa möte?", "Onsdag.", "Det blir den tredje mars."]
    got = next_meeting(lines, "17:15")
    assert got is not None and got.needs_review


def test_the_day_said_again_with_the_hour_heard_after_a_misheard_word() -> None:
    # said "Om tre veckor. Onsdagen den tjugofjärde, halv två, samma rum som i dag." at a 13.30 meeting
    lines = ["Och nästa?", "Om tre veckor. Onsdagen den hänga, gärningslåkaren två, samma rum som i dag.",
             "Den tionde, ja."]  # fmt: skip
    got = next_meeting(lines, "13:30", unsure=frozenset({"hänga", "gärningslåkaren"}))
    assert got is not None and got.when == dt.datetime(2027, 3, 10, 13, 30) and got.needs_review
    # another hour heard there is not this meeting's: none taken
    got = next_meeting(lines, "18:00", unsure=frozenset({"hänga", "gärningslåkaren"}))
    assert got is not None and got.when == dt.date(2027, 3, 10) and got.needs_review
