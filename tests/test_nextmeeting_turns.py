"""The next meeting read from the turns that say it together: the hour said with the meeting after its day
in the sentence before, the answer's sentences taken as one answer (a weekday cut short, then the exact day,
"samma tid" between them), and an hour said without its part of the day read near this meeting's own hour."""

from __future__ import annotations

import datetime as dt

from tests.test_nextmeeting_time import next_meeting


def test_an_evening_meetings_hour_without_its_part_of_the_day_stays_in_the_evening() -> None:
    lines = ["Och nästa möte?", "Efter marknaden. Onsdagen den tjugonde oktober, efter övningen. Kvart i nio."]
    got = next_meeting(lines, "20:30")
    assert got is not None and got.when == dt.datetime(2027, 10, 20, 20, 45)
    # the same words at a morning meeting: the morning
    got = next_meeting(lines, "08:30")
    assert got is not None and got.when == dt.datetime(2027, 10, 20, 8, 45)
    # a Saturday morning after an evening meeting is said so and kept
    got = next_meeting(["Nästa möte blir lördagen den andra oktober, klockan tio, här i bygdegården."], "19:00")
    assert got is not None and got.when == dt.datetime(2027, 10, 2, 10, 0)
    # the part of the day said: as said
    got = next_meeting(["Nästa möte blir onsdagen den tjugonde oktober klockan nio på morgonen."], "20:30")
    assert got is not None and got.when == dt.datetime(2027, 10, 20, 9, 0)


def test_the_meeting_named_after_its_day_with_its_own_hour() -> None:
    lines = ["Och städdagen?",
             "Vi ses vid stugan lördag den femte juni, klockan nio. Vi röjer först, och sedan har vi nästa möte "
             "där inne efteråt, runt ett.",
             "Runt ett, bra."]  # fmt: skip
    got = next_meeting(lines, "19:00")
    assert got is not None and got.when == dt.datetime(2027, 6, 5, 13, 0)
    # a count is no hour: the day as said, its own hour
    lines[1] = "Vi ses vid stugan lördag den femte juni, klockan nio. Sedan nästa möte, vi blir runt tolv personer."
    got = next_meeting(lines, "19:00")
    assert got is not None and got.when == dt.datetime(2027, 6, 5, 9, 0)


def test_the_answer_read_as_one_a_weekday_cut_short_and_the_exact_day() -> None:
    # said "Onsdag om två veckor. Samma tid, kvart över fem. Det blir den tredje mars."
    lines = ["Och nästa möte?", "Onsdag om mål veckor. Samma tid, till över fem. Det blir den tredje mars."]
    got = next_meeting(lines, "17:15", unsure=frozenset({"mål", "till"}))
    assert got is not None and got.when == dt.datetime(2027, 3, 3, 17, 15)
    # "den" lost before the day: the month still names the date
    lines = ["Och nästa möte?", "Onsdag på två veckor. Samma tid, kvart över fem. Det blir nobåt tredje mars."]
    got = next_meeting(lines, "17:15", unsure=frozenset({"nobåt"}))
    assert got is not None and got.when == dt.datetime(2027, 3, 3, 17, 15)
    # a weekday said whole and then another Wednesday: two dates, to check
    lines = ["Och nästa möte?", "Onsdag.", "Det blir den tredje mars."]
    got = next_meeting(lines, "17:15")
    assert got is not None and got.needs_review


def test_the_day_said_again_with_the_hour_heard_after_a_misheard_word() -> None:
    # said "Om tre veckor. Onsdagen den tjugofjärde, halv två, samma rum som i dag." at a 13.30 meeting
    lines = ["Och nästa?", "Om tre veckor. Onsdagen den hänga, gärningslåkaren två, samma rum som i dag.",
             "Den tionde, ja."]  # fmt: skip
    got = next_meeting(lines, "13:30", unsure=frozenset({"hänga", "gärningslåkaren"}))
    assert got is not None and got.when == dt.datetime(2027, 3, 10, 13, 30) and got.needs_review
    # another hour heard there is not this meeting's: none taken
    got = next_meeting(lines, "18:00", unsure=frozenset({"hänga", "gärningslåkaren"}))
    assert got is not None and got.when == dt.date(2027, 3, 10) and got.needs_review


def test_a_date_whose_own_words_were_heard_unsure_is_flagged() -> None:
    # said "klockan sex", heard "klockan <en>": the date stands as heard, to check
    lines = ["Nästa möte?", "Lördag den artonde september, klockan en, här i stugan."]
    got = next_meeting(lines, "19:00", unsure=frozenset({"en"}))
    assert got is not None and got.when == dt.datetime(2027, 9, 18, 13, 0) and got.needs_review
    # heard surely: it stands
    got = next_meeting(lines, "19:00")
    assert got is not None and got.when == dt.datetime(2027, 9, 18, 13, 0) and not got.needs_review


def test_a_count_of_weeks_with_om_misheard() -> None:
    got = next_meeting(["Nästa möte blir oma fyra veckor, klockan tre."], "15:00", unsure=frozenset({"oma"}))
    assert got is not None and got.when == dt.datetime(2027, 3, 17, 15, 0) and got.needs_review
    # a duration is no date: "Nästa möte blir i fyra veckor" names none
    got = next_meeting(["Nästa möte har vi i fyra veckor, klockan tre."], "15:00")
    assert got is None or got.when != dt.datetime(2027, 3, 17, 15, 0)


def test_the_question_for_the_next_meeting_with_nasta_misheard() -> None:
    lines = ["Och att möte?", "Den femte juni, klockan tio, här."]
    got = next_meeting(lines, "10:00", unsure=frozenset({"att"}))
    assert got is not None and got.when == dt.datetime(2027, 6, 5, 10, 0) and got.needs_review
    # "Och det mötet?" heard surely asks about another meeting (said before the close)
    later = [
        "Då går vi vidare till ekonomin.",
        "Kassan ser bra ut i år.",
        "Vi har fått in alla avgifter nu.",
        "Och hyran är betald för hela våren.",
        "Det låter bra, tack för det.",
        "Då avslutar vi mötet här.",
    ]
    assert next_meeting(["Och det mötet?", "Den femte juni, klockan tio, här.", *later], "10:00") is None


def test_the_hour_lost_after_the_weekday_said_again() -> None:
    # said "Nästa möte den andra december. En torsdag. Klockan sex, här."
    lines = ["Nästa möte den andra december. En torsdag. Klockan att, här.", "Jag tar med lussebullar."]
    got = next_meeting(lines, "18:00", unsure=frozenset({"att"}))
    assert got is not None and got.when == dt.datetime(2027, 12, 2, 18, 0) and got.needs_review
    # another day said between: the hour after it is not read as this meeting's
    lines = ["Nästa möte den andra december. Städdagen är lördag. Klockan att, här.", "Jag tar med lussebullar."]
    got = next_meeting(lines, "18:00", unsure=frozenset({"att"}))
    assert got is not None and got.when == dt.date(2027, 12, 2)
