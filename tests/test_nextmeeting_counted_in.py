"""A counted weekday whose 'i' before the month was lost or heard as another short word."""

from __future__ import annotations

import datetime as dt

from tests.spoken import MEETING, transcript
from transcribe.minutes import extract_minutes
from transcribe.minutes.dates import find_whens
from transcribe.minutes.model import NextMeeting


def next_meeting(line: str, unsure: frozenset[str] = frozenset()) -> NextMeeting | None:
    turns = [("S2", "Då har vi gått igenom allt."), ("S1", line), ("S2", "Tack för i dag.")]
    return extract_minutes(transcript(turns, unsure=unsure), meeting_date=MEETING, robust=True).next_meeting


def test_counted_weekday_with_its_i_lost_or_misheard() -> None:
    said = dt.datetime(2027, 1, 10, 11, 0)  # the second Sunday of January
    assert next_meeting("Nästa möte blir andra söndagen i januari, klockan elva.").when == said
    assert next_meeting("Nästa möte blir andra söndagen januari, klockan elva.").when == said
    got = next_meeting("Nästa möte blir andra söndagen han januari, klockan elva.", frozenset({"han"}))
    assert got is not None and got.when == said


def test_a_word_that_moves_the_day_is_not_read_as_i() -> None:
    # "första tisdagen efter jul" is no counted weekday of a month; "före" keeps its meaning
    assert not [w for w in find_whens("första tisdagen före mars", MEETING) if w.kind == "nth_wd"]
    assert [w.date for w in find_whens("sista fredagen i mars", MEETING)] == [dt.date(2027, 3, 26)]
