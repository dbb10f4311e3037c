"""The next meeting said at the close without a cue, and a weekday whose next words were misheard."""

from __future__ import annotations

import datetime as dt

from tests.test_nextmeeting_robust import next_meeting


def test_a_weekday_and_hour_said_alone_at_the_close_is_the_next_meeting() -> None:
    said = ["Ta fram ett pris, så tar vi det nästa gång. Nästa tisdag, kvart över sju.", "Okej."]
    got = next_meeting(said)
    assert got is not None and got.when == dt.datetime(2026, 12, 1, 19, 15) and not got.needs_review
    # the same words answering another's question are a deadline, and a bare weekday without an hour names nothing
    assert next_meeting(["Till när behöver du det?", "Nästa tisdag, kvart över sju."]) is None
    assert next_meeting(["Ta fram ett pris. Nästa tisdag.", "Okej."]) is None


def test_a_meeting_named_before_the_day_heard_surely_is_not_flagged() -> None:
    said = ["Ronja, sätter du upp en lapp om extramötet på dörren? Vi kör onsdagen den nionde december klockan sju."]
    got = next_meeting(said)
    assert got is not None and got.when == dt.datetime(2026, 12, 9, 19, 0) and not got.needs_review
    unsure = next_meeting(said, unsure=frozenset({"kör"}))
    assert unsure is not None and unsure.when == got.when and unsure.needs_review


def test_den_misheard_between_the_weekday_and_its_day() -> None:
    got = next_meeting(["Vi ses här onsdagen var nionde, klockan nio, och går igenom stugorna."])
    assert got is not None and got.when == dt.datetime(2026, 12, 9, 9, 0) and got.needs_review
    every = next_meeting(["Vi ses på onsdag var femte vecka, klockan nio."])
    assert every is None or every.when != dt.datetime(2026, 12, 5, 9, 0)  # "var femte vecka" is no day


def test_om_and_veckor_misheard_around_a_count_of_weeks() -> None:
    got = next_meeting(["Nästa möte blir tisdag med tre med, samma tid."], unsure=frozenset({"med"}))
    assert got is not None and got.when == dt.datetime(2026, 12, 15, 18, 30) and got.needs_review
    sure = next_meeting(["Nästa möte blir tisdag med tre gäster, samma tid."])
    assert sure is not None and sure.when == dt.datetime(2026, 11, 24, 18, 30)  # heard surely: as said


def test_samma_mended_by_a_cue_repair_is_still_this_meetings_hour() -> None:
    got = next_meeting(["Gör det. Då ses vi samma tid nästa tisdag."], unsure=frozenset({"samma"}))
    assert got is not None and got.when == dt.datetime(2026, 12, 1, 18, 30) and got.needs_review
