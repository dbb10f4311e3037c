"""The next meeting said in ways the quick look at a sentence once missed: a day and month alone, a month alone,
the meeting word bent, a word put in before the month."""

from __future__ import annotations

import datetime as dt

from tests.spoken import MEETING, transcript
from transcribe.minutes import extract_minutes
from transcribe.minutes.model import NextMeeting


def next_meeting(*lines: str, unsure: frozenset[str] = frozenset()) -> NextMeeting | None:
    turns = [("S2", "Då har vi gått igenom allt."), *(("S1", line) for line in lines)]
    return extract_minutes(transcript(turns, unsure), meeting_date=MEETING, robust=True).next_meeting


def test_a_day_and_month_said_without_den_name_the_day() -> None:
    got = next_meeting("Femte mars ses vi igen. Tack allihop.")
    assert got is not None and got.when == dt.date(2027, 3, 5)


def test_a_month_alone_is_shown_as_said_and_no_day_is_made_up() -> None:
    got = next_meeting("I mars ses vi igen. Tack allihop.")
    assert got is not None and got.when is None and got.text == "I mars" and got.needs_review


def test_the_meeting_word_bent_still_names_the_next_meeting() -> None:
    got = next_meeting("Vi ses på bryggan lördag den tjugoandra maj, klockan tio. Då sjösätter vi, och sedan har vi "
                       "nästa möten i klubbhuset efteråt, runt tolv.")  # fmt: skip
    assert got is not None and got.when == dt.datetime(2027, 5, 22, 12, 0)
    task = next_meeting("Vi ses på bryggan lördag den tjugoandra maj, klockan tio. Det tar vi på nästa möten.")
    assert task is not None and task.when == dt.datetime(2027, 5, 22, 10, 0)  # a deadline names no meeting


def test_a_counted_weekday_with_a_short_word_put_in_before_the_month() -> None:
    # said "första onsdagen i maj"; heard "första och i är maj": this meeting's weekday, flagged
    got = next_meeting("Nästa gång ses vi första och i är maj. Klockan sex, här.", unsure=frozenset({"och", "är"}))
    assert got is not None and got.when == dt.datetime(2027, 5, 5, 18, 0) and got.needs_review
