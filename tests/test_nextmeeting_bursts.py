"""The next meeting when a burst of recognition errors hits the words that name it: another turn, the grammar
around the lost words and this meeting's own hour say what was meant, and the item is flagged."""

from __future__ import annotations

import datetime as dt

from tests.test_nextmeeting_robust import next_meeting
from tests.test_nextmeeting_time import next_meeting as meeting_at

# The meeting is held on Monday 23 November 2026 at 18.30.


def test_a_weekday_the_cue_repair_read_as_the_meeting_word_names_the_day() -> None:
    got = next_meeting(["Okej, då är vi klara.", "Nästa måndag, halv sju som vanligt."], unsure=frozenset({"måndag"}))
    assert got is not None and got.when == dt.datetime(2026, 11, 30, 18, 30) and got.needs_review


def test_the_weekday_said_of_a_day_just_named_is_no_new_day() -> None:
    said = ["Nästa möte, det blir efter jul. Vi ses den enda januari, här.",
            "Den fjärde januari. Det är en måndag, va?", "Ja, en måndag."]  # fmt: skip
    got = next_meeting(said, unsure=frozenset({"enda"}))
    assert got is not None and got.when == dt.date(2027, 1, 4)


def test_a_weekday_beside_the_interval_that_names_its_day() -> None:
    got = next_meeting(["Det tar vi nästa gång.", "Om fyra veckor, måndag, samma tid."])
    assert got is not None and got.when == dt.datetime(2026, 12, 21, 18, 30)


def test_the_reply_right_after_the_announcement_names_the_lost_day() -> None:
    said = ["Då inför vi det från sjunde december.", "Bra.",
            "Då föreslår jag att vi ses igen när bilen är köpt. Säg måndag den december, klockan sju.",
            "Den fjortonde funkar."]  # fmt: skip
    got = next_meeting(said)
    assert got is not None and got.when == dt.datetime(2026, 12, 14, 19, 0) and got.needs_review


def test_a_weekday_and_an_hour_said_alone_in_reply() -> None:
    said = ["Okej. Och vecka. Vanliga sig, sju.", "Måndag sju. Okej.", "Jag kan vara här halv sju och bära in grejer."]
    got = next_meeting(said, unsure=frozenset({"vanliga"}))
    assert got is not None and got.when == dt.datetime(2026, 11, 30, 19, 0) and got.needs_review


def test_a_word_that_names_nothing_after_next_stands_for_the_lost_meeting_word() -> None:
    got = next_meeting(["Nästa med blir måndagen den fjortonde december, halv sju."])
    assert got is not None and got.when == dt.datetime(2026, 12, 14, 18, 30) and got.needs_review
    assert next_meeting(["Nästa leverans blir måndagen den fjortonde december."]) is None


def test_the_weekday_lost_after_same_time_next() -> None:
    got = next_meeting(["Något mer? Nej? Då ses vi samma tid nästa facebook."], unsure=frozenset({"facebook"}))
    assert got is not None and got.when == dt.datetime(2026, 11, 30, 18, 30) and got.needs_review


def test_weeks_lost_after_a_weekday_and_a_count() -> None:
    got = next_meeting(["Nästa möte blir måndag om två, samma tid."])
    assert got is not None and got.when == dt.datetime(2026, 12, 7, 18, 30) and got.needs_review


def test_the_hour_in_the_next_sentence_of_the_turn_at_the_close() -> None:
    got = next_meeting(["Bra. Min ses igen tredje måndagen i december. Kommer tid, klockan sju."],
                       unsure=frozenset({"min"}))  # fmt: skip
    assert got is not None and got.when == dt.datetime(2026, 12, 21, 19, 0) and got.needs_review


def test_misheard_words_after_a_whole_date_leave_its_hour_to_check() -> None:
    got = next_meeting(["Nästa möte blir måndagen den fjortonde bo man på."], unsure=frozenset({"man", "på"}))
    assert got is not None and got.when == dt.datetime(2026, 12, 14, 18, 30) and got.needs_review


def test_den_heard_as_en_after_the_weekday() -> None:
    said = ["Bra. Det måndagen en fjortonde december klockan sju. Tack, och nu går jag hem."]
    got = next_meeting(said, unsure=frozenset({"det"}))
    assert got is not None and got.when == dt.datetime(2026, 12, 14, 19, 0) and got.needs_review


def test_a_question_about_a_meeting_answered_with_a_day_and_hour() -> None:
    got = next_meeting(["Och man möte?", "Som vanligt, måndag nästa vecka klockan sju, här."])
    assert got is not None and got.when == dt.datetime(2026, 11, 30, 19, 0) and got.needs_review
    assert next_meeting(["Och det mötet?", "Som vanligt, måndag nästa vecka klockan sju, här."]) is None


def test_the_minutes_heard_and_the_hour_lost_at_a_meeting_on_the_hour() -> None:
    # a Wednesday meeting (17 February 2027)
    said = ["Nästa möte blir torsdagen den artonde mars, kvart över om, här nere."]
    got = meeting_at(said, "19:00", unsure=frozenset({"om"}))
    assert got is not None and got.when == dt.datetime(2027, 3, 18, 19, 15) and got.needs_review
    assert "timmen" in (got.review_reason or "")
    # at a meeting at half past, this meeting's own time, as before
    half = meeting_at(said, "18:30", unsure=frozenset({"om"}))
    assert half is not None and half.when == dt.datetime(2027, 3, 18, 18, 30) and half.needs_review
