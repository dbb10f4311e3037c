"""The next meeting from its announcement and what the next turns repeat, also with a word misheard."""

from __future__ import annotations

import datetime as dt

from transcribe.minutes import extract_minutes
from transcribe.minutes.dates import find_whens
from transcribe.minutes.model import NextMeeting
from transcribe.transcript import Segment, SpeakerInfo, Transcript, Word

MONDAY = dt.date(2026, 11, 23)
PEOPLE = {"S1": "Anna Berg", "S2": "Karin Ek"}


def next_meeting(lines: list[str], day: dt.date = MONDAY, title: str = "Styrelsemöte") -> NextMeeting | None:
    """Turns alternate between two speakers; the meeting started at 18.30."""
    segs, t = [], 0.0
    for i, text in enumerate(lines):
        toks = text.split()
        words = [Word(start=t + k, end=t + k + 1, text=" " + w, probability=0.95) for k, w in enumerate(toks)]
        segs.append(Segment(id=i, start=t, end=t + len(toks), text=text, speaker=f"S{i % 2 + 1}", words=words))
        t += len(toks) + 1
    tr = Transcript(segments=segs, duration=t, speakers=[SpeakerInfo(label=k, name=v) for k, v in PEOPLE.items()],
                    metadata={"time": "18:30", "title": title})  # fmt: skip
    return extract_minutes(tr, meeting_date=day).next_meeting


def test_a_weekday_counted_in_its_month() -> None:
    got = find_whens("Första tisdagen i maj, klockan åtta på kvällen.", dt.date(2027, 3, 2))
    assert [(w.date, w.time) for w in got] == [(dt.date(2027, 5, 4), dt.time(20, 0))]
    assert find_whens("senast den sista fredagen i mars", dt.date(2027, 3, 2))[0].date == dt.date(2027, 3, 26)


def test_the_day_in_the_next_sentence_of_the_announcing_turn() -> None:
    got = next_meeting(["Då har vi nästa möte. Första tisdagen i maj, klockan åtta på kvällen, hos Sigrid."],
                       day=dt.date(2027, 3, 2))  # fmt: skip
    assert got is not None and got.when == dt.datetime(2027, 5, 4, 20, 0)


def test_a_day_before_till_nasta_mote_belongs_to_the_task() -> None:
    said = "Jag tar upp det i ledningsgruppen på torsdag, och ni får ett svar till nästa möte."
    assert next_meeting([said]) is None
    got = next_meeting([said, "Bra. Nästa möte blir tisdagen den elfte maj klockan nio."])
    assert got is not None and got.when == dt.datetime(2027, 5, 11, 9, 0)


def test_the_meetings_own_name_with_an_accent() -> None:
    got = next_meeting(["Nästa skyddskommitté blir tisdagen den elfte maj, klockan nio som vanligt."],
                       title="Skyddskommitté, Norrsågen")  # fmt: skip
    assert got is not None and got.when == dt.datetime(2027, 5, 11, 9, 0)


def test_a_date_repeated_in_the_next_turns_outweighs_a_misheard_announcement() -> None:
    # "måndag om två veckor" heard as "måndag som veckor": a bare Monday (30 November) against the 7th said twice
    got = next_meeting(["Nästa möte blir måndag som veckor, klockan sju.", "Det blir den sjunde december då.",
                        "Ja, den sjunde december."])  # fmt: skip
    assert got is not None and got.when == dt.datetime(2026, 12, 7, 19, 0)
    assert got.needs_review and "30 november" in (got.review_reason or "")


def test_a_reply_to_another_question_is_no_repetition() -> None:
    got = next_meeting(["Nästa möte blir tisdagen den snälla mars.", "Kommer kalkylen att vara klar då?",
                        "Nej, den är klar den tjugosjätte mars."])  # fmt: skip
    assert got is not None and got.when is None and got.needs_review  # shown as heard, not the 26th


def test_a_lost_day_agrees_with_the_relative_date_in_the_same_sentence() -> None:
    thursday = dt.date(2027, 1, 14)
    got = next_meeting(["Nästa medlemsmöte blir om fyra veckor, torsdagen mörr fungerar februari."], day=thursday)
    assert got is not None and got.when == dt.date(2027, 2, 11) and got.needs_review
    two_weeks = next_meeting(["Nästa medlemsmöte blir om två veckor, torsdagen mörr fungerar februari."], day=thursday)
    assert two_weeks is not None and two_weeks.when != dt.date(2027, 1, 28) and two_weeks.needs_review


def test_an_announcement_at_the_close_whose_meeting_words_were_lost() -> None:
    got = next_meeting(["Tack allihop.", "Tsojboget ser blir om fyra veckor, torsdagen den elfte februari."],
                       day=dt.date(2027, 1, 14))  # fmt: skip
    assert got is not None and got.when == dt.date(2027, 2, 11) and got.needs_review


def test_samma_lost_before_tid() -> None:
    got = next_meeting(["Nästa möte blir måndag om två veckor, tid, här i lokalen."])
    assert got is not None and got.when == dt.datetime(2026, 12, 7, 18, 30)


def test_a_counted_weekday_said_on_that_very_day_is_next_years() -> None:
    got = next_meeting(["Nästa årsstämma blir som vanligt sista lördagen i april, här i bygdegården."],
                       day=dt.date(2027, 4, 24))  # fmt: skip
    assert got is not None and got.when == dt.date(2028, 4, 29)


def test_samma_tid_with_a_day_announces_the_next_meeting() -> None:
    got = next_meeting(["Vi säger så här: priset och Amir. Samma tid nästa måndag. Någon som skriver till Duc?"])
    assert got is not None and got.when == dt.datetime(2026, 11, 30, 18, 30)
