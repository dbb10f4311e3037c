"""The next meeting when the words around its day were misheard: asked for, pieced over sentences, said at the
close with its cue lost, its hour lost after the day, a series' counted weekday with count and month lost."""

from __future__ import annotations

import datetime as dt

from transcribe.minutes import extract_minutes
from transcribe.minutes.model import NextMeeting
from transcribe.transcript import Segment, SpeakerInfo, Transcript, Word

MEETING = dt.date(2026, 11, 23)  # a Monday, the fourth of the month
PEOPLE = {"S1": "Anna Berg", "S2": "Karin Ek"}


def next_meeting(lines: list[str], unsure: frozenset[str] = frozenset(), robust: bool = True) -> NextMeeting | None:
    """Turns alternate between two speakers; the meeting started at 18.30."""
    segs, t = [], 0.0
    for i, text in enumerate(lines):
        toks = text.split()
        probs = [0.3 if w.strip(".,!?").lower() in unsure else 0.95 for w in toks]
        words = [Word(start=t + k, end=t + k + 1, text=" " + w, probability=p)
                 for k, (w, p) in enumerate(zip(toks, probs, strict=True))]  # fmt: skip
        segs.append(Segment(id=i, start=t, end=t + len(toks), text=text, speaker=f"S{i % 2 + 1}", words=words))
        t += len(toks) + 1
    tr = Transcript(segments=segs, duration=t, speakers=[SpeakerInfo(label=k, name=v) for k, v in PEOPLE.items()],
                    metadata={"time": "18:30", "title": "Styrelsemöte"})  # fmt: skip
    return extract_minutes(tr, meeting_date=MEETING, robust=robust).next_meeting


OPENING = ["Då börjar vi. Kassören först.", "Kassan är i ordning."]


def test_the_next_time_asked_for_with_when() -> None:
    got = next_meeting([*OPENING, "När är nästa gång?", "Måndag om två veckor. Samma tid."])
    assert got is not None and got.when == dt.datetime(2026, 12, 7, 18, 30)


def test_a_bare_weekday_after_an_interval_names_that_day_at_its_hour() -> None:
    said = [*OPENING, "Och vi träffas när?", "Om två veckor. Måndag, klockan sju. Då vet vi mer om taket."]
    got = next_meeting(said)
    assert got is not None and got.when == dt.datetime(2026, 12, 7, 19, 0)
    got = next_meeting([*OPENING, "Nästa möte?", "Om två veckor, måndag, klockan sju."])
    assert got is not None and got.when == dt.datetime(2026, 12, 7, 19, 0)


def test_weeks_lost_before_the_weekday() -> None:
    said = [*OPENING, "Nästa gång ses vi om två sju, måndag, samma tid. Då ska allt vara klart."]
    got = next_meeting(said, unsure=frozenset({"sju"}))
    assert got is not None and got.when == dt.datetime(2026, 12, 7, 18, 30) and got.needs_review
    got = next_meeting([*OPENING, "Nästa gång ses vi om två, måndag, samma tid."])
    assert got is not None and got.when == dt.datetime(2026, 12, 7, 18, 30)
    # "om två dagar": no weeks
    got = next_meeting([*OPENING, "Nästa gång ses vi om två dagar, måndag, samma tid."])
    assert got is None or got.when != dt.datetime(2026, 12, 7, 18, 30)


def test_we_meet_with_its_verb_misheard_before_we_at_the_close() -> None:
    said = [*OPENING, "Bra. Då sammanfattar jag. Kassan är klar. Tsojboget vi den tionde december, klockan två, vid "
            "porten.", "Tack."]  # fmt: skip
    got = next_meeting(said, unsure=frozenset({"tsojboget"}))
    assert got is not None and got.when == dt.datetime(2026, 12, 10, 14, 0) and got.needs_review
    assert next_meeting(said, robust=False) is None


def test_a_whole_date_given_this_meetings_hour_at_the_close() -> None:
    said = [*OPENING, "Då var det allt. Ni är en månad, måndag den tjugoförsta december. Samma tid.", "Var?"]
    got = next_meeting(said, unsure=frozenset({"ni", "är"}))
    assert got is not None and got.when == dt.datetime(2026, 12, 21, 18, 30) and got.needs_review
    # an event's day at the close, no hour of this meeting said of it: no next meeting
    assert next_meeting([*OPENING, "Då var det allt. Julfesten är måndag den tjugoförsta december."]) is None


def test_the_hour_lost_after_the_whole_date_before_the_place() -> None:
    said = [*OPENING, "Nästa möte blir onsdagen den nionde december, ni vill, förminolen här."]
    got = next_meeting(said, unsure=frozenset({"vill", "förminolen"}))
    assert got is not None and got.when == dt.datetime(2026, 12, 9, 18, 30) and got.needs_review


def test_same_with_a_pronoun_where_time_stood() -> None:
    got = next_meeting([*OPENING, "Vi ses måndagen den sjunde december, samma min. Är du hemma då?"])
    assert got is not None and got.when == dt.datetime(2026, 12, 7, 18, 30) and got.needs_review


def test_this_meetings_hour_after_two_misheard_words_and_a_comma() -> None:
    got = next_meeting([*OPENING, "Vi ses måndag om två veckor, men deed, sju. Då vet vi mer."],
                       unsure=frozenset({"men", "deed"}))  # fmt: skip
    assert got is not None and got.when == dt.datetime(2026, 12, 7, 18, 30) and got.needs_review


def test_a_series_counted_weekday_with_count_and_month_lost() -> None:
    got = next_meeting([*OPENING, "Nästa möte men en måndagen i vill, samma tid. Och Sara, flytta bilen."],
                       unsure=frozenset({"en", "vill"}))  # fmt: skip
    assert got is not None and got.when == dt.datetime(2026, 12, 28, 18, 30) and got.needs_review
    # another weekday than this meeting's: no series to read it from
    got = next_meeting([*OPENING, "Nästa möte men en tisdagen i vill, samma tid."], unsure=frozenset({"en", "vill"}))
    assert got is None or got.when != dt.datetime(2026, 12, 29, 18, 30)


def test_when_is_next_asked_with_its_noun_misheard_and_answered_with_a_day() -> None:
    said = [*OPENING, "När är nästa förminolen?", "Måndag om två veckor. Samma tid."]
    got = next_meeting(said, unsure=frozenset({"förminolen"}))
    assert got is not None and got.when == dt.datetime(2026, 12, 7, 18, 30) and got.needs_review
    # a known word heard surely names another thing to come
    assert next_meeting([*OPENING, "När är nästa leverans?", "Måndag om två veckor."]) is None
