"""The next meeting as a counted weekday with a part misheard, a weekday meeting, the close after short replies."""

from __future__ import annotations

import datetime as dt

from tests.test_nextmeeting_robust import next_meeting

# The meeting is held on Monday 23 November 2026 at 18.30.


def test_a_counted_weekday_whose_month_was_lost_is_the_next_one_after_the_meeting() -> None:
    got = next_meeting(["Nästa möte blir andra torsdagen i en, klockan sju."], unsure=frozenset({"en"}))
    assert got is not None and got.when == dt.datetime(2026, 12, 10, 19, 0) and got.needs_review
    said = next_meeting(["Nästa möte blir andra torsdagen i januari, klockan sju."])
    assert said is not None and said.when == dt.datetime(2027, 1, 14, 19, 0) and not said.needs_review


def test_a_counted_weekday_whose_weekday_was_lost_is_the_meetings_own_weekday() -> None:
    got = next_meeting(["Nästa möte blir första förminolen i februari, klockan sju."])
    assert got is not None and got.when == dt.datetime(2027, 2, 1, 19, 0) and got.needs_review
    assert "måndagen" in (got.review_reason or "")
    # "första veckan i februari" names a week, no day of it
    week = next_meeting(["Nästa möte blir första veckan i februari."])
    assert week is None or week.when is None


def test_the_hour_lost_in_a_few_misheard_words_after_the_day_is_this_meetings() -> None:
    got = next_meeting(["Nästa möte är första tisdagen i januari, mörr sån får."])
    assert got is not None and got.when == dt.datetime(2027, 1, 5, 18, 30) and got.needs_review
    placed = next_meeting(["Nästa möte är första tisdagen i januari, hos Sigrid Berg."])
    assert placed is not None and placed.when == dt.date(2027, 1, 5)


def test_the_usual_weekday_meeting_next_week_at_the_close() -> None:
    said = ["Jag tar med ett förslag.", "Nästa vecka. Vanliga torsdagsmötet, klockan nio.", "Torsdag nio. Okej."]
    got = next_meeting(said)
    assert got is not None and got.when == dt.datetime(2026, 11, 26, 9, 0)
    assert next_meeting(["Jag tar med ett förslag.", "Vi pratade om det på torsdagsmötet i förra veckan."]) is None


def test_a_day_said_at_the_close_before_several_short_replies() -> None:
    said = ["Okej. Då då ha gång innan kollot. Måndag den sjunde december, klockan sex, här igen.",
            "Den sjunde.", "Okej.", "Ta bullar nån.", "Det blir du.", "Tack allihop!", "Hej då.", "Hej."]  # fmt: skip
    got = next_meeting(said, unsure=frozenset({"ha", "gång"}))
    assert got is not None and got.when == dt.datetime(2026, 12, 7, 18, 0) and got.needs_review


def test_a_day_turned_down_at_the_close_is_no_next_meeting() -> None:
    said = ["Normalt har vi uppföljningen två veckor efter. Det blir den tjugofjärde.", "Det är julafton.",
            "Haha, ja, nej. Vi tar det i januari.", "Bra.", "Tack allihop."]  # fmt: skip
    assert next_meeting(said) is None
    asked = ["Vi ses på torsdag den tionde december, klockan sju. Något mer?", "Nej.", "Tack allihop."]
    got = next_meeting(asked)
    assert got is not None and got.when == dt.datetime(2026, 12, 10, 19, 0)


def test_the_next_weekday_at_the_same_time_asked_and_answered() -> None:
    got = next_meeting(["Nästa söndag samma tid då? Vi måste ha ett riktigt rep.", "Söndag. Ja.", "Bra."])
    assert got is not None and got.when == dt.datetime(2026, 12, 6, 18, 30)  # next week's Sunday
    assert next_meeting(["Nästa söndag samma tid då?", "Nej, det går inte för mig.", "Okej."]) is None
