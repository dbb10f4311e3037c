"""The next meeting at the close, its cue lost: the day said twice, 'vi' straight before it, or one word beside a
weekday and hour said alone misheard."""

from __future__ import annotations

import datetime as dt

from tests.spoken import MEETING, transcript
from transcribe.minutes import extract_minutes
from transcribe.minutes.model import NextMeeting


def at_close(line: str) -> NextMeeting | None:
    turns = [("S2", "Då har vi gått igenom allt."), ("S1", f"{line} Tack för i dag.")]
    return extract_minutes(transcript(turns), meeting_date=MEETING, robust=True).next_meeting


def test_a_day_said_twice_at_the_close_with_its_cue_lost() -> None:
    got = at_close("Torsdag om två veckor, den tionde december, klockan sju.")
    assert got is not None and got.when == dt.datetime(2026, 12, 10, 19, 0) and got.needs_review


def test_vi_straight_before_the_day_lost_its_verb() -> None:
    got = at_close("Vi torsdag om två veckor, klockan sju.")
    assert got is not None and got.when == dt.datetime(2026, 12, 10, 19, 0) and got.needs_review
    # a day named for something else at the close is no meeting
    assert at_close("Vi har julfest torsdag om två veckor, klockan sju.") is None


def test_a_weekday_and_hour_said_alone_with_one_word_misheard() -> None:
    turns = [("S2", "Då har vi gått igenom allt."), ("S1", "Han vanligt, tisdag nästa vecka klockan åtta här."),
             ("S2", "Tack för i dag.")]  # fmt: skip
    got = extract_minutes(transcript(turns, unsure=frozenset({"han"})), meeting_date=MEETING, robust=True)
    assert got.next_meeting is not None and got.next_meeting.when == dt.datetime(2026, 12, 1, 8, 0)
    sure = extract_minutes(transcript(turns), meeting_date=MEETING, robust=True).next_meeting
    assert sure is None or sure.when is None  # heard surely, "han" is no word of an announcement
