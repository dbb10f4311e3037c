"""The next meeting from general structure: the meeting's own name and hour, the close, several turns."""

from __future__ import annotations

import datetime as dt

from transcribe.minutes import extract_minutes
from transcribe.minutes.date_calendar import day_by_weekday
from transcribe.minutes.model import NextMeeting
from transcribe.transcript import Segment, SpeakerInfo, Transcript, Word

MEETING = dt.date(2026, 11, 23)  # a Monday
PEOPLE = {"S1": "Anna Berg", "S2": "Karin Ek"}


def next_meeting(lines: list[str], unsure: frozenset[str] = frozenset(), title: str = "Styrelsemöte",
                 robust: bool = True) -> NextMeeting | None:  # fmt: skip
    """Turns alternate between two speakers; the meeting started at 18.30."""
    segs, t = [], 0.0
    for i, text in enumerate(lines):
        toks = text.split()
        probs = [0.3 if w.strip(".,!?").lower() in unsure else 0.95 for w in toks]
        words = [
            Word(start=t + k, end=t + k + 1, text=" " + w, probability=p)
            for k, (w, p) in enumerate(zip(toks, probs, strict=True))
        ]
        segs.append(Segment(id=i, start=t, end=t + len(toks), text=text, speaker=f"S{i % 2 + 1}", words=words))
        t += len(toks) + 1
    tr = Transcript(segments=segs, duration=t, speakers=[SpeakerInfo(label=k, name=v) for k, v in PEOPLE.items()],
                    metadata={"time": "18:30", "title": title})  # fmt: skip
    return extract_minutes(tr, meeting_date=MEETING, robust=robust).next_meeting


def test_same_time_is_this_meetings_hour() -> None:
    got = next_meeting(["Nästa möte blir måndag om två veckor, samma tid, här i lokalen."])
    assert got is not None and got.when == dt.datetime(2026, 12, 7, 18, 30) and not got.needs_review


def test_next_meeting_named_by_a_word_of_the_title() -> None:
    said = ["Nästa retro är fredag den fjärde december klockan ett. Trevlig helg allihop."]
    got = next_meeting(said, title="Sprintretro för teamet")
    assert got is not None and got.when == dt.datetime(2026, 12, 4, 13, 0)
    assert next_meeting(["Nästa leverans är fredag den fjärde december."]) is None


def test_a_date_at_the_close_whose_cue_was_misheard_is_flagged() -> None:
    said = ["Något mer?", "Nej.", "Då se vi nästa tisdag, den första december klockan tio. Tack allihop!"]
    got = next_meeting(said, unsure=frozenset({"se"}))
    assert got is not None and got.when == dt.datetime(2026, 12, 1, 10, 0) and got.needs_review
    assert next_meeting(said, robust=False) is None
    assert next_meeting(["Något mer?", "Bara att julkonserten är den tolfte december."]) is None


def test_a_lost_day_gives_no_invented_date() -> None:
    got = next_meeting(["Nästa möte blir torsdagen den nilsson mars klockan nio."], unsure=frozenset({"nilsson"}))
    assert got is not None and got.when is None and got.needs_review and "nilsson" in got.text


def test_date_repeated_in_the_summing_up_raises_confidence() -> None:
    once = next_meeting(["Nästa möte blir den tionde december klockan nio."])
    twice = next_meeting(["Nästa möte blir den tionde december klockan nio.", "Bra.",
                          "Så nästa möte blir alltså den tionde december."])  # fmt: skip
    assert once is not None and twice is not None and twice.when == once.when
    assert twice.confidence > once.confidence and not twice.needs_review


def test_conflicting_dates_are_flagged() -> None:
    got = next_meeting(["Nästa möte blir den tionde december klockan nio.", "Bra.",
                        "Så nästa möte blir alltså den elfte december."])  # fmt: skip
    assert got is not None and got.needs_review and "10 december" in (got.review_reason or "")


def test_unheard_hour_after_kvart_over_is_this_meetings_hour_to_check() -> None:
    got = next_meeting(["Nästa möte blir den tionde december kvart över som."], unsure=frozenset({"som"}))
    assert got is not None and got.when == dt.datetime(2026, 12, 10, 18, 30) and got.needs_review


def test_a_misheard_day_is_chosen_among_the_weekdays_of_the_month() -> None:
    got = next_meeting(["Nästa möte blir tisdagen den tolter januari klockan ett."], unsure=frozenset({"tolter"}))
    assert got is not None and got.when == dt.datetime(2027, 1, 12, 13, 0) and got.needs_review
    assert day_by_weekday("tolter", 1, 1, MEETING) == dt.date(2027, 1, 12)
    assert day_by_weekday("nilsson", 3, 3, MEETING) is None  # no Thursday of March sounds like it


def test_the_meeting_word_after_nasta_lost_at_the_close() -> None:
    said = ["Bra.", "Nästa blir tisdagen den sjätte oktober klockan ett.", "Jag förklarar mötet avslutat."]
    got = next_meeting(said)
    assert got is not None and got.when == dt.datetime(2027, 10, 6, 13, 0) and got.needs_review


def test_we_meet_and_the_date_in_the_next_sentence() -> None:
    said = ["Jag vill att vi ses efter nyår. Tisdagen den tolfte januari klockan ett, passar det?", "Ja, det passar."]
    got = next_meeting(said)
    assert got is not None and got.when == dt.datetime(2027, 1, 12, 13, 0)
    late = next_meeting(["Tack allihop för i dag, vi ses i december!"])  # today is no next meeting, the month is
    assert late is not None and late.when is None and late.text == "i december" and late.needs_review


def test_title_word_opening_the_sentence_when_nasta_was_lost() -> None:
    got = next_meeting(["APT är onsdagen den sjunde april, klockan två som vanligt."], title="APT Avdelning 5")
    assert got is not None and got.when == dt.datetime(2027, 4, 7, 14, 0) and got.needs_review
    assert next_meeting(["Anna är ledig onsdagen den sjunde april."], title="APT Avdelning 5") is None


def test_misspelt_month_merged_and_split_ordinal() -> None:
    for said, unsure in (("Nästa möte blir den tionde desember klockan nio.", {"desember"}),
                         ("Nästa möte blir den tiondedecember klockan nio.", {"tiondedecember"}),
                         ("Nästa möte blir den tion de december klockan nio.", {"tion", "de"})):  # fmt: skip
        got = next_meeting([said], unsure=frozenset(unsure))
        assert got is not None and got.when == dt.datetime(2026, 12, 10, 9, 0), said


def test_a_day_that_contradicts_its_weekday_is_chosen_again() -> None:
    got = next_meeting(["Nästa möte blir torsdagen den förstar januari klockan nio."], unsure=frozenset({"förstar"}))
    assert got is not None and got.when == dt.datetime(2027, 1, 21, 9, 0) and got.needs_review  # not Friday 1st


def test_same_with_tid_lost_and_a_misheard_klockan() -> None:
    got = next_meeting(["Nästa möte blir fredag den fjärde december, samma. Tack allihop."])
    assert got is not None and got.when == dt.datetime(2026, 12, 4, 18, 30)
    got = next_meeting(["Nästa möte blir den tjugoförsta januari klocgan ju."], unsure=frozenset({"klocgan", "ju"}))
    assert got is not None and got.when == dt.datetime(2027, 1, 21, 18, 30) and got.needs_review
