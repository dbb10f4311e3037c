"""The next meeting read from the grammar around a lost word and from the turns after its answer: a day stated
in answer and accepted ends the question, a meeting noun straight before its day, "samma" without its noun, the
usual hour said after another naming of the day, a day whose month was misheard, a part of the day whose hour
was lost. Meeting on Wednesday 17 February 2027 (tests/test_nextmeeting_time.py)."""

from __future__ import annotations

import datetime as dt

from tests.test_nextmeeting_time import next_meeting


def test_an_accepted_answer_ends_the_question_and_later_days_are_other_matters() -> None:
    lines = ["Och nästa möte?", "Det blir torsdagen den elfte mars, klockan sex, samma ställe.",
             "Det passar bra, för då vet jag mer.", "Då tackar jag för i kväll.",
             "Jag skickar anteckningarna till dig i morgon.", "Och jag har dem tillbaka på måndag."]  # fmt: skip
    got = next_meeting(lines, "18:00")
    assert got is not None and got.when == dt.datetime(2027, 3, 11, 18, 0)
    # a day turned down is still followed by the next one tried
    got = next_meeting(["Och nästa möte?", "Torsdagen den fjärde mars?", "Nej, då kan jag inte.",
                        "Torsdagen den elfte mars då."], "18:00")  # fmt: skip
    assert got is not None and got.when == dt.date(2027, 3, 11)


def test_a_meeting_noun_straight_before_its_day_lost_its_verb() -> None:
    # said "Vårens församlingsmöte blir söndagen den fjortonde mars, klockan tolv."
    got = next_meeting(["Vårens församlingsmöte söndagen den fjortonde mars, klockan tolv."], "12:00")
    assert got is not None and got.when == dt.datetime(2027, 3, 14, 12, 0)
    # a day said in passing with no meeting named stays no next meeting
    assert next_meeting(["Vårens kassa söndagen den fjortonde mars, klockan tolv."], "12:00") is None


def test_samma_without_its_noun_is_this_meetings_hour_to_check() -> None:
    # said "Nästa sammanträde är den tionde mars, samma tid, samma sal."
    got = next_meeting(["Nästa sammanträde är den tionde mars, samma har, törs sal."], "13:30")
    assert got is not None and got.when == dt.datetime(2027, 3, 10, 13, 30) and got.needs_review
    # said "Nästa ledarmöte. Samma tid om tre veckor. Onsdagen den tionde mars."
    got = next_meeting(["Nästa ledarmöte. Samma om tre veckor. Onsdagen den tionde mars."], "17:30")
    assert got is not None and got.when == dt.datetime(2027, 3, 10, 17, 30) and got.needs_review
    # said "Nästa måndag, samma tid. Henrik, gå och förbered dig.": no meeting word, "tid" lost
    got = next_meeting(["Tjugo minuter.", "Nästa måndag, samma, gå och förbered dig."], "08:00")
    assert got is not None and got.when == dt.datetime(2027, 2, 22, 8, 0)


def test_the_usual_hour_said_after_another_naming_of_the_day() -> None:
    # said "Nästa möte torsdag om två veckor, sju som vanligt. Den fjärde mars." at a 07.00 meeting
    lines = ["Nästa möte torsdag om två veckor, som vanligt. Den fjärde mars.", "Fjärde mars."]
    got = next_meeting(lines, "07:00")
    assert got is not None and got.when == dt.datetime(2027, 3, 4, 7, 0)


def test_a_day_whose_month_was_misheard_is_the_next_such_day_to_check() -> None:
    # said "Och nästa medlemsmöte blir den elfte mars, klockan sex."
    got = next_meeting(["Och nästa medlemsmöte blir den elfte vill, klockan sex."], "18:00", unsure=frozenset({"vill"}))
    assert got is not None and got.when == dt.datetime(2027, 3, 11, 18, 0) and got.needs_review
    # heard surely, the word names no month: shown as heard, no day made up
    got = next_meeting(["Och nästa medlemsmöte blir den elfte vill, klockan sex."], "18:00")
    assert got is None or got.when is None or got.needs_review


def test_a_part_of_the_day_whose_hour_was_lost_is_flagged() -> None:
    # said "Nästa gång vi ses är lördagen den tjugosjunde februari, nio på morgonen, vid bryggan."
    lines = ["Nästa gång vi ses är lördagen den tjugosjunde februari, på morgonen, vid bryggan."]
    got = next_meeting(lines, "19:00")
    assert got is not None and got.when == dt.date(2027, 2, 27) and got.needs_review
    # a morning meeting: its own hour, to check
    got = next_meeting(lines, "09:00")
    assert got is not None and got.when == dt.datetime(2027, 2, 27, 9, 0) and got.needs_review


def test_an_hour_said_like_todays_after_a_later_day_is_that_days_hour() -> None:
    # said "Vårens församlingsmöte blir söndagen den fjortonde mars, efter gudstjänsten, halv ett som i dag."
    lines = ["Vårens församlingsmöte blir söndagen den fjortonde mars, efter gudstjänsten, halv ett i dag."]
    got = next_meeting(lines, "12:30")
    assert got is not None and got.when == dt.datetime(2027, 3, 14, 12, 30)


def test_a_meeting_named_with_its_day_and_hour_when_no_next_one_is_named() -> None:
    lines = ["Grusbanorna. Kan vi skriva till kommunen?",
             "Det kan styrelsen göra. Jag tar det på första styrelsemötet, på torsdag den fjärde mars klockan sex.",
             "Då förklarar jag årsmötet avslutat."]  # fmt: skip
    got = next_meeting(lines, "14:00")
    assert got is not None and got.when == dt.datetime(2027, 3, 4, 18, 0) and got.needs_review
    # a deadline before the meeting named is no meeting's day
    lines[1] = "Det kan styrelsen göra. Jag har det klart till styrelsemötet, torsdag den fjärde mars klockan sex."
    assert next_meeting(lines, "14:00") is None
