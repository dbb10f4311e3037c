"""The next meeting's day, count, month or hour read where the recogniser misheard a word the way it is known to.

The meeting is held on Monday 23 November 2026 at 18.30 (tests/test_nextmeeting_robust.next_meeting).
"""

from __future__ import annotations

import datetime as dt

from tests.test_nextmeeting_robust import next_meeting
from transcribe.minutes import extract_minutes
from transcribe.transcript import Segment, SpeakerInfo, Transcript, Word


def test_a_day_heard_as_a_known_confusion_on_the_weekday_said() -> None:
    # of the Fridays of December only the 11th is an ordinal the recogniser has heard as "det" ("elfte")
    got = next_meeting(["Nästa möte blir fredagen den det december klockan sju."], unsure=frozenset({"det"}))
    assert got is not None and got.when == dt.datetime(2026, 12, 11, 19, 0) and got.needs_review
    # the 11th is no Wednesday: not read from the word, only the usual four weeks on, to check
    wed = next_meeting(["Nästa möte blir onsdagen den det december klockan sju."], unsure=frozenset({"det"}))
    assert wed is not None and wed.when != dt.datetime(2026, 12, 11, 19, 0) and wed.needs_review
    # a count lost before "fredagen i december" is no day: "i" (once heard for "fjärde") is not read as one
    count = next_meeting(["Nästa möte blir fredagen i december klockan sju."], unsure=frozenset({"i"}))
    assert count is None or count.when != dt.datetime(2026, 12, 25, 19, 0)


def test_a_month_heard_as_a_known_confusion_where_the_day_falls_on_the_weekday() -> None:
    # the 13th is a Saturday in February and in March 2027; "samanställningen" has been "mars", never "februari"
    got = next_meeting(["Nästa styrelsemöte blir lördagen den trettonde samanställningen, klockan tio."])
    assert got is not None and got.when == dt.datetime(2027, 3, 13, 10, 0) and got.needs_review


def test_a_count_heard_as_a_known_confusion() -> None:
    got = next_meeting(["Nästa möte är bundhården tisdagen i januari, klockan sju."])
    assert got is not None and got.when == dt.datetime(2027, 1, 5, 19, 0) and got.needs_review
    # a word heard surely there is not read as a count
    other = next_meeting(["Nästa möte är blomman tisdagen i januari, klockan sju."])
    assert other is None or other.when != dt.datetime(2027, 1, 5, 19, 0)


def test_same_time_misheard_in_the_next_sentence_of_the_turn() -> None:
    got = next_meeting(["Bra. Vi ses igen tredje tisdagen i januari. Törs tid."])
    assert got is not None and got.when == dt.datetime(2027, 1, 19, 18, 30) and got.needs_review
    plain = next_meeting(["Bra. Vi ses igen tredje tisdagen i januari. Tack för i kväll."])
    assert plain is not None and plain.when == dt.date(2027, 1, 19)


def test_the_weekday_said_again_before_the_hour() -> None:
    got = next_meeting(["Då säger vi så. Nästa möte den tredje december. En torsdag. Klockan sex, här."])
    assert got is not None and got.when == dt.datetime(2026, 12, 3, 18, 0)
    # another weekday between them is another day: its hour is not the meeting's
    other = next_meeting(["Då säger vi så. Nästa möte den tredje december. En fredag. Klockan sex, här."])
    assert other is not None and other.when == dt.date(2026, 12, 3)


def test_one_week_with_its_count_lost_and_the_hour_unheard() -> None:
    said = ["Vi tar det inför våren. Man styrelsemöte har vi tisdag om vecka, att."]
    got = next_meeting(said, unsure=frozenset({"man", "att"}))
    assert got is not None and got.when == dt.datetime(2026, 12, 1, 18, 30) and got.needs_review


def _at_quarter_past_seven(lines: list[str]) -> object:
    """The meeting held on Tuesday 5 October 2027 at 07.15; turns alternate between two speakers."""
    segs, t = [], 0.0
    for i, text in enumerate(lines):
        toks = text.split()
        words = [Word(start=t + k, end=t + k + 1, text=" " + w, probability=0.3 if w == "tisdag," else 0.95)
                 for k, w in enumerate(toks)]  # fmt: skip
        segs.append(Segment(id=i, start=t, end=t + len(toks), text=text, speaker=f"S{i % 2 + 1}", words=words))
        t += len(toks) + 1
    tr = Transcript(segments=segs, duration=t, speakers=[SpeakerInfo(label="S1", name="Mats Ek")],
                    metadata={"time": "07:15", "title": "Verkstadsmöte"})  # fmt: skip
    return extract_minutes(tr, meeting_date=dt.date(2027, 10, 5), robust=True).next_meeting


def test_a_weekday_at_the_close_with_the_minutes_of_its_hour_lost() -> None:
    said = ["Ta fram ett pris, så tar vi det nästa gång. Tisdag, över sju.", "Okej."]
    got = _at_quarter_past_seven(said)
    assert got is not None and got.when == dt.datetime(2027, 10, 12, 7, 15) and got.needs_review
    # "över åtta" is no reading of 07.15: nothing is made up
    other = _at_quarter_past_seven(["Ta fram ett pris, så tar vi det nästa gång. Tisdag, över åtta.", "Okej."])
    assert other is None or other.when != dt.datetime(2027, 10, 12, 7, 15)


def test_a_day_taken_from_a_reply_is_flagged_when_the_announcement_between_was_misheard() -> None:
    lost = ["Och nästa?", "Om tre veckor. Måndagen den hänga, gärningslåkaren två.", "Den fjortonde, ja."]
    got = next_meeting(lost)
    assert got is not None and got.when == dt.date(2026, 12, 14) and got.needs_review
    heard = next_meeting(["Och nästa?", "Om tre veckor. Måndagen den fjortonde.", "Den fjortonde, ja."])
    assert heard is not None and heard.when == dt.date(2026, 12, 14) and not heard.needs_review
