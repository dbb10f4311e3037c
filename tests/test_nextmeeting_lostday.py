"""The next meeting when a burst of recognition errors took the day's number, the month, the meeting's words or the
"nästa" of the question: read from what is left, always flagged to be checked against the audio."""

from __future__ import annotations

import datetime as dt

from tests.test_nextmeeting_heard import next_meeting
from transcribe.minutes.rules.nextinterval import weekday_in_month

OPENING = ["Då börjar vi. Kassören först.", "Kassan är i ordning. Vi har fått in alla avgifter."]


def test_a_weekday_and_month_with_the_day_lost_is_the_one_four_weeks_on() -> None:
    said = [*OPENING, "Nästa möte blir måndagen vi klok december, klockan sju, här."]
    got = next_meeting(said, frozenset({"vi", "klok"}))
    assert got is not None and got.when == dt.datetime(2026, 12, 21, 19, 0) and got.needs_review
    assert "fyra veckor" in (got.review_reason or "")


def test_the_interval_guess_stays_in_the_month_said() -> None:
    assert weekday_in_month("torsdagen vi klok februari", dt.date(2028, 1, 13)) == dt.date(2028, 2, 10)
    assert weekday_in_month("tisdagen den mars", dt.date(2028, 2, 15)) == dt.date(2028, 3, 14)
    # a month whose days of that weekday all fall before four weeks on: the latest of them
    assert weekday_in_month("fredagen den december", dt.date(2026, 11, 23)) == dt.date(2026, 12, 18)
    assert weekday_in_month("klockan sju i december", dt.date(2026, 11, 23)) is None


def test_a_surely_heard_word_for_the_month_beside_an_unsure_day() -> None:
    said = [*OPENING, "Nästa möte men en den nionde vill, klockan sju, här."]
    got = next_meeting(said, frozenset({"men", "en", "nionde"}))
    assert got is not None and got.when == dt.datetime(2026, 12, 9, 19, 0) and got.needs_review
    # the day heard surely too: the word stands as said, no month made up
    sure = next_meeting(said, frozenset({"men", "en"}))
    assert sure is None or sure.when is None


def test_a_whole_date_at_the_close_after_a_misheard_word_and_the_verb() -> None:
    said = [*OPENING, "Bra. Då är vi klara med kassan.", "Tack för i kväll allihop.",
            "Tsojboget är torsdagen den sjunde januari, klockan två, här i förrådet."]  # fmt: skip
    got = next_meeting(said, frozenset({"tsojboget"}))
    assert got is not None and got.when == dt.datetime(2027, 1, 7, 14, 0) and got.needs_review
    # a surely heard subject is something else's day
    other = next_meeting([*said[:-1], "Leveransen är torsdagen den sjunde januari, klockan två, här i förrådet."])
    assert other is None or other.when is None


def test_when_is_next_asked_with_its_nasta_unsure_and_answered_with_a_day() -> None:
    said = [*OPENING, "När är nästa ton?", "Måndag om två veckor. Samma tid."]
    got = next_meeting(said, frozenset({"nästa"}))
    assert got is not None and got.when == dt.datetime(2026, 12, 7, 18, 30)
    assert next_meeting(said) is None or next_meeting(said).when is None  # "nästa ton" heard surely: a delivery


def test_a_counted_weekday_with_its_count_lost_is_no_lost_day() -> None:
    assert weekday_in_month("tisdagen i januari", dt.date(2026, 11, 23)) is None
