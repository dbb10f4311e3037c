"""The next meeting when one word of its date or hour was misheard: read back by structure and flagged."""

from __future__ import annotations

import datetime as dt

from tests.spoken import MEETING, transcript
from transcribe.minutes import extract_minutes
from transcribe.minutes.dates import find_whens
from transcribe.minutes.fuzzy import repair_sentence
from transcribe.minutes.model import NextMeeting


def next_meeting(*lines: str) -> NextMeeting | None:
    turns = [("S2", "Då har vi gått igenom allt."), *(("S1", line) for line in lines)]
    return extract_minutes(transcript(turns), meeting_date=MEETING, robust=True).next_meeting


def test_misheard_hour_after_halv() -> None:
    # said "halv sju"; heard "halv sjju"
    got = next_meeting("Nästa möte blir den fjärde mars, halv sjju, här på stationen.")
    assert got is not None and got.when == dt.datetime(2027, 3, 4, 18, 30)
    assert got.needs_review and "sjju" in (got.review_reason or "")


def test_misheard_ordinal_with_a_word_put_in_before_the_month() -> None:
    # said "den sextonde september klockan sju"; heard "den sedonde men september klockan sju"
    got = next_meeting("Nästa möte blir extrastämman, den sedonde men september klockan sju.")
    assert got is not None and got.when == dt.datetime(2027, 9, 16, 19, 0)
    assert got.needs_review and "sedonde" in (got.review_reason or "")


def test_misheard_part_of_the_day_keeps_the_evening() -> None:
    # said "klockan åtta på kvällen"; heard "på kvälen": eight in the evening, not in the morning
    got = next_meeting("Nästa möte blir den tionde december, klockan åtta på kvälen, hos Sigrid.")
    assert got is not None and got.when == dt.datetime(2026, 12, 10, 20, 0)


def test_misheard_unit_after_a_weekday_and_a_count_is_weeks() -> None:
    # said "onsdag om två veckor"; heard "onsdag om två han": the Wednesday two weeks on, flagged
    got = next_meeting("Nästa gruppmöte blir onsdag om två han. Tack allihop.")
    assert got is not None and got.when is not None and got.when == dt.date(2026, 12, 9)
    assert got.needs_review and '"han" lästes som "veckor"' in (got.review_reason or "")
    # a unit that was heard is kept as said
    assert find_whens("fredag om tre dagar", MEETING)[-1].date == MEETING + dt.timedelta(days=3)


def test_samma_with_a_misheard_word_is_the_same_time() -> None:
    assert repair_sentence("onsdag om två veckor, samma riktet.")[0] == "onsdag om två veckor, samma tid."
    assert repair_sentence("Vi gör på samma sätt.")[0] == "Vi gör på samma sätt."  # a real word is left alone


def test_counted_weekday_whose_month_was_lost_is_shown_not_invented() -> None:
    # said "Första tisdagen i maj"; heard "Första tisdagen i till": no date, the phrase as heard, to check
    got = next_meeting("Då har vi nästa möte. Första tisdagen i till, klockan åtta på kvällen.")
    assert got is not None and got.when is None and got.needs_review
    assert "tisdagen i till" in got.text.lower()


def test_misspelt_counted_weekday() -> None:
    got = next_meeting("Nästa årsstämma blir som vanligt sista lördagän i april, här i bygdegården.")
    assert got is not None and got.when == dt.date(2027, 4, 24)
    assert got.needs_review and "lördagän" in (got.review_reason or "")


def test_exact_day_at_the_close_outweighs_an_earlier_bare_weekday() -> None:
    # "till" lost in "ni får ett svar <till> nästa möte": Thursday is the answer's day, not the meeting's
    got = next_meeting("Jag tar upp det där på torsdag, och ni får ett svar nästa möte.",
                       "Pannhuset går till ledningsgruppen.",
                       "Nästa skyddskommitté blir tisdagen den elfte maj, klockan nio. Tack för i dag.")  # fmt: skip
    assert got is not None and got.when == dt.datetime(2027, 5, 11, 9, 0)
    assert got.needs_review


def _at(start: str, *lines: str, unsure: frozenset[str] = frozenset()) -> NextMeeting | None:
    """The meeting started at `start`; the closing lines are the chair's."""
    t = transcript([("S2", "Då har vi gått igenom allt."), *(("S1", line) for line in lines)], unsure=unsure)
    t = t.model_copy(update={"metadata": {"time": start}})
    return extract_minutes(t, meeting_date=MEETING, robust=True).next_meeting


def test_misheard_words_before_the_hour_read_as_the_meetings_own_time() -> None:
    # said "klockan halv sju"; heard "<ni gärningslåkaren> sju": the meeting itself began at 18.30
    said = "Nästa möte blir onsdagen den sjunde april ni gärningslåkaren sju. Tack för i kväll."
    got = _at("18:30", said, unsure=frozenset({"ni", "gärningslåkaren"}))
    assert got is not None and got.when == dt.datetime(2027, 4, 7, 18, 30)
    assert got.needs_review and "18.30" in (got.review_reason or "")
    # a meeting that began at another hour gives no time: the date only, nothing made up
    other = _at("10:00", said, unsure=frozenset({"ni", "gärningslåkaren"}))
    assert other is not None and other.when == dt.date(2027, 4, 7)


def test_misheard_clock_word_may_have_been_halv() -> None:
    # said "halv tolv"; heard "<en> tolv", read as "klockan tolv"; the meeting began at 11.30
    said = "Nästa medlemsmöte blir torsdagen den elfte februari, en tolv, här i lunchrummet."
    got = _at("11:30", said, unsure=frozenset({"en"}))
    assert got is not None and got.when == dt.datetime(2027, 2, 11, 11, 30) and got.needs_review
    plain = _at("13:00", said, unsure=frozenset({"en"}))
    assert plain is not None and plain.when == dt.datetime(2027, 2, 11, 12, 0) and plain.needs_review


def test_an_hour_left_open_is_not_taken_from_someones_working_day() -> None:
    said = "Nästa styrelsemöte blir onsdagen den sjuttonde mars. Tiden återkommer jag om."
    turns = [("S1", said), ("S2", "Inte före sju, hoppas jag. Jag jobbar till halv sju.")]
    got = extract_minutes(transcript(turns), meeting_date=MEETING, robust=True).next_meeting
    assert got is not None and got.when == dt.date(2027, 3, 17)  # the date, and no hour anyone said
    asked = [("S1", "Nästa styrelsemöte blir onsdagen den sjuttonde mars."), ("S2", "Klockan sju som vanligt?"),
             ("S1", "Ja.")]  # fmt: skip
    got = extract_minutes(transcript(asked), meeting_date=MEETING, robust=True).next_meeting
    assert got is not None and got.when == dt.datetime(2027, 3, 17, 19, 0)


def test_misheard_preposition_in_a_counted_weekday() -> None:
    # said "första måndagen i mars"; heard "första måndagen med mars"
    got = next_meeting("Och nästa möte är första måndagen med mars, klockan sju.")
    assert got is not None and got.when == dt.datetime(2027, 3, 1, 19, 0)


def test_samma_with_an_unsure_real_word_is_the_same_time() -> None:
    # said "samma tid"; heard "samma lov", the recogniser unsure of "lov"
    said = "Nästa ledarmöte, onsdag nästa vecka, samma lov."
    got = _at("19:00", said, unsure=frozenset({"lov"}))
    assert got is not None and got.when == dt.datetime(2026, 12, 2, 19, 0)
    heard = _at("19:00", "Nästa ledarmöte, onsdag nästa vecka. Vi tar samma lokal.")
    assert heard is not None and heard.when == dt.date(2026, 12, 2)  # a word heard clearly is left as said


def test_a_weekday_heard_a_letter_off_with_den_misheard_names_its_day() -> None:
    # said "Onsdagen den sjätte oktober."; heard "<Onsdgen> <nilsson> sjätte <på>": the Wednesday that is a 6th
    said = [("S1", "Nästa gång vi ses är när förvaltningsberättelsen är klar, i höst. Onsdgen nilsson sjätte på.")]
    heard = transcript(said, unsure=frozenset({"onsdgen", "nilsson", "på"}))
    got = extract_minutes(heard, meeting_date=dt.date(2027, 5, 5), robust=True).next_meeting
    assert got is not None and got.when == dt.date(2027, 10, 6)
    assert got.needs_review and "onsdgen" in (got.review_reason or "")
    sure = extract_minutes(transcript(said), meeting_date=dt.date(2027, 5, 5), robust=True).next_meeting
    assert sure is None or sure.when is None  # heard surely, "onsdgen nilsson" is what was said: no date


def test_a_day_heard_near_its_ordinal_with_no_month_is_the_nearest_such_weekday() -> None:
    # said "Måndagen den trettioförsta"; heard "trettioförst" (unsure): of the Mondays of the next three months
    # only the 31st of May is spoken so
    said = [("S1", "Vi ses efter tävlingen. Måndagen den trettioförst, klockan tio, här.")]
    got = extract_minutes(transcript(said, unsure=frozenset({"trettioförst"})), meeting_date=dt.date(2027, 5, 18),
                          robust=True).next_meeting  # fmt: skip
    assert got is not None and got.when == dt.datetime(2027, 5, 31, 10, 0) and got.needs_review
    far = [("S1", "Vi ses efter tävlingen. Måndagen den blubbar, klockan tio, här.")]  # near no Monday's day
    got = extract_minutes(transcript(far, unsure=frozenset({"blubbar"})), meeting_date=dt.date(2027, 5, 18),
                          robust=True).next_meeting  # fmt: skip
    assert got is None or got.when is None


def test_den_or_om_lost_after_the_weekday() -> None:
    # said "Måndagen den trettioförsta" and "måndag om tre veckor"; heard without "den" and without "om"
    got = next_meeting("Nästa möte blir tisdagen femtonde, klockan sju.")
    assert got is not None and got.when == dt.datetime(2026, 12, 15, 19, 0) and got.needs_review
    got = next_meeting("Nästa möte blir måndag tre veckor, klockan ett, här.")
    assert got is not None and got.when == dt.datetime(2026, 12, 14, 13, 0) and got.needs_review
    got = next_meeting("Nästa möte blir måndag, första punkten blir budgeten.")
    assert got is None or got.when is None or got.when.day != 1  # "första punkten" names no day
