"""The next meeting moved in the turns after it was said, the meeting named by 'ses igen' with 'vi' lost, and an
interval whose count of weeks was lost."""

from __future__ import annotations

import datetime as dt

from tests.test_nextmeeting_robust import next_meeting

# The meeting is held on Monday 23 November 2026 at 18.30; turns alternate between two speakers.


def test_a_day_turned_down_and_another_offered_and_taken_moves_the_meeting() -> None:
    said = ["Då ses vi torsdagen den tredje december, klockan sju.",
            "Den tredje har jag tandläkaren. Kan vi ta onsdagen i stället?",
            "Onsdag den andra då, klockan sju."]  # fmt: skip
    got = next_meeting(said)
    assert got is not None and got.when == dt.datetime(2026, 12, 2, 19, 0) and not got.needs_review


def test_the_offered_weekday_is_taken_in_the_week_of_the_day_it_replaces_when_its_number_was_lost() -> None:
    said = ["Då ses vi torsdagen den tredje december, klockan sju.",
            "Den tredje har jag tandläkaren. Kan vi ta fredagen i stället?",
            "Fredag den sig då, klockan sju."]  # fmt: skip
    got = next_meeting(said, unsure=frozenset({"sig"}))
    assert got is not None and got.when == dt.datetime(2026, 12, 4, 19, 0) and got.needs_review


def test_an_offer_the_room_refuses_leaves_the_announced_day() -> None:
    said = ["Då ses vi torsdagen den tredje december, klockan sju.",
            "Den tredje har jag tandläkaren. Kan vi ta onsdagen i stället?",
            "Nej, på onsdag är lokalen upptagen. Vi får ta det utan dig."]  # fmt: skip
    got = next_meeting(said)
    assert got is not None and got.when == dt.datetime(2026, 12, 3, 19, 0)


def test_another_day_asked_for_without_turning_the_meetings_down_moves_nothing() -> None:
    said = ["Då ses vi torsdagen den tredje december, klockan sju.",
            "Kan vi ta städdagen på lördag i stället?", "Ja, det går bra."]  # fmt: skip
    got = next_meeting(said)
    assert got is not None and got.when == dt.datetime(2026, 12, 3, 19, 0)


def test_we_meet_again_with_we_lost_names_the_meeting_said_in_the_next_sentence() -> None:
    said = ["Bra, då är vi klara med budgeten.",
            "Då ses efter årsmötet. Vi säger tisdag den femtonde december, halv sju."]  # fmt: skip
    got = next_meeting(said)
    assert got is not None and got.when == dt.datetime(2026, 12, 15, 18, 30) and got.needs_review


def test_another_person_meeting_again_is_no_meeting_of_ours() -> None:
    said = ["Nästa möte blir måndagen den fjortonde december.", "Bra.",
            "Hon och Sara ses igen torsdagen den tionde december."]  # fmt: skip
    got = next_meeting(said)
    assert got is not None and got.when == dt.date(2026, 12, 14)


def test_a_count_of_weeks_lost_before_veckor_is_two_weeks_on_the_weekday_said() -> None:
    said = ["Bra, då är vi klara.", "Nästa möte om på veckor, torsdag, samma tid."]
    got = next_meeting(said, unsure=frozenset({"på"}))
    assert got is not None and got.when == dt.datetime(2026, 12, 10, 18, 30) and got.needs_review
    vague = next_meeting(["Bra, då är vi klara.", "Nästa möte om några veckor, torsdag, samma tid."])
    assert vague is None or vague.when != dt.datetime(2026, 12, 10, 18, 30)
