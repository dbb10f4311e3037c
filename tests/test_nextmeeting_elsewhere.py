"""The next meeting's day lost in the announcement, read from what the meeting says of it elsewhere."""

from __future__ import annotations

import datetime as dt

from tests.test_nextmeeting_robust import next_meeting

# The meeting is held on Monday 23 November 2026 at 18.30, the fourth Monday of November.
LOST = "Nästa möte blir måndagen den till december klockan sju."


def test_the_lost_day_alone_is_the_weekday_four_weeks_on_to_check() -> None:
    got = next_meeting([LOST])
    assert got is not None and got.when == dt.datetime(2026, 12, 21, 19, 0) and got.needs_review
    assert "fyra veckor" in (got.review_reason or "")


def test_a_day_asked_and_confirmed_names_the_lost_day() -> None:
    got = next_meeting(["Ska vi säga måndag den fjortonde december då?", "Ja, det passar.", LOST])
    assert got is not None and got.when == dt.datetime(2026, 12, 14, 19, 0) and got.needs_review
    turned_down = next_meeting(["Ska vi säga måndag den fjortonde december då?", "Nej, då kan jag inte.", LOST])
    assert turned_down is not None and turned_down.when != dt.datetime(2026, 12, 14, 19, 0)


def test_the_invitation_names_the_day_in_the_month_announced() -> None:
    got = next_meeting([LOST, "Bra. Jag skickar kallelse till den fjortonde."])
    assert got is not None and got.when == dt.datetime(2026, 12, 14, 19, 0) and got.needs_review
    # a deadline on the seventh, also a Monday, is no word on the meeting
    deadline = next_meeting([LOST, "Bra. Jag skickar budgeten till den sjunde."])
    assert deadline is not None and deadline.when != dt.datetime(2026, 12, 7, 19, 0)


def test_the_interval_said_where_the_meeting_is_spoken_of() -> None:
    got = next_meeting(["Vi träffas om tre veckor som vanligt.", "Okej.", LOST])
    assert got is not None and got.when == dt.datetime(2026, 12, 14, 19, 0) and got.needs_review
    other = next_meeting(["Leveransen kommer om tre veckor.", "Okej.", LOST])
    assert other is not None and other.when != dt.datetime(2026, 12, 14, 19, 0)


def test_the_usual_counted_weekday_and_the_same_time_next_month() -> None:
    counted = next_meeting(["Nästa möte blir måndagen den till december, som vanligt fjärde måndagen."])
    assert counted is not None and counted.when == dt.date(2026, 12, 28) and counted.needs_review
    month = next_meeting(["Nästa möte blir måndagen den till december, samma tid nästa månad alltså."])
    assert month is not None and month.when == dt.datetime(2026, 12, 28, 18, 30) and month.needs_review


def test_next_time_as_a_heading_and_the_day_restated_at_the_close() -> None:
    said = ["Okej, nästa gång. Måndagen den fjortonde december, samma tid?", "Det passar.", "Bra."]
    got = next_meeting(said)
    assert got is not None and got.when == dt.datetime(2026, 12, 14, 18, 30)
    lost = ["Okej, nästa gång. Måndagen den vi december, klockan sju?", "Det passar.",
            "Bra, måndag fjortonde december klockan sju. Tack för i kväll."]  # fmt: skip
    heard = next_meeting(lost)
    assert heard is not None and heard.when == dt.datetime(2026, 12, 14, 19, 0) and heard.needs_review


def test_a_weekday_whose_count_of_weeks_was_lost_is_flagged() -> None:
    got = next_meeting(["Nästa möte onsdag om som veckor, klockan sju."])
    assert got is not None and got.needs_review
    said = next_meeting(["Nästa möte onsdag om två veckor, klockan sju."])
    assert said is not None and said.when == dt.datetime(2026, 12, 9, 19, 0) and not said.needs_review


def test_the_hour_lost_in_the_next_sentence_of_the_turn_is_this_meetings() -> None:
    got = next_meeting(["Nästa styrelsemöte, fjortonde december. Efter jobbet, kvart över, här i lokalen."])
    assert got is not None and got.when == dt.datetime(2026, 12, 14, 18, 30) and got.needs_review
    said = next_meeting(["Nästa styrelsemöte, fjortonde december. Efter jobbet, kvart över sju, här i lokalen."])
    assert said is not None and said.when == dt.datetime(2026, 12, 14, 19, 15)


def test_tomorrow_with_its_i_misheard_is_flagged() -> None:
    got = next_meeting(["Till fredag. Okej, iväg. Vi ses är morgon halv sju som vanligt."])
    assert got is not None and got.when == dt.datetime(2026, 11, 24, 18, 30) and got.needs_review
    assert next_meeting(["Till fredag. Vi ses på morgonen vid bussen."]) is None


def test_the_usual_weekday_meeting_with_its_hour_lost_is_at_this_meetings_hour() -> None:
    said = ["Och tjejgruppen?", "Nästa vecka. Vanliga torsdagsmötet, klockan. Då har jag pratat med dem.",
            "Torsdag. Okej.", "Tack allihop."]  # fmt: skip
    got = next_meeting(said)
    assert got is not None and got.when == dt.datetime(2026, 11, 26, 18, 30) and got.needs_review


def test_we_and_a_misheard_word_before_a_day_and_hour_at_the_close() -> None:
    said = ["Okej, så läget är klart.", "Och hur gör vi sen?", "Vi att på måndag, klockan nio, med Karin.",
            "Måndag nio.", "Ha ha. Tack allihop."]  # fmt: skip
    got = next_meeting(said, unsure=frozenset({"att"}))
    assert got is not None and got.when == dt.datetime(2026, 11, 30, 9, 0) and got.needs_review
    started = ["Okej, så läget är klart.", "Vi börjar på måndag, klockan nio, med Karin.", "Bra. Tack allihop."]
    assert next_meeting(started) is None


def test_next_and_a_misheard_weekday_at_the_same_time_is_this_meetings_weekday() -> None:
    got = next_meeting(["Kan vi ta det nästa gång?", "Visst, vi tar det nästa ju, samma tid. Tack allihop."],
                       unsure=frozenset({"ju"}))  # fmt: skip
    assert got is not None and got.when == dt.datetime(2026, 11, 30, 18, 30) and got.needs_review
    assert "veckodag" in (got.review_reason or "")
