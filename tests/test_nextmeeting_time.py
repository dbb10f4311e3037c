"""The next meeting's hour and day read by structure: this meeting's own hour, a day said without its
month or weekday, the meeting word lost; what was taken from this meeting is flagged."""

from __future__ import annotations

import datetime as dt

from transcribe.minutes import extract_minutes
from transcribe.minutes.model import NextMeeting
from transcribe.transcript import Segment, SpeakerInfo, Transcript, Word

MEETING = dt.date(2027, 2, 17)  # a Wednesday


def next_meeting(lines: list[str], start: str, unsure: frozenset[str] = frozenset(),
                 robust: bool = True) -> NextMeeting | None:  # fmt: skip
    """Turns alternate between two speakers; the meeting started at `start`."""
    segs, t = [], 0.0
    for i, text in enumerate(lines):
        toks = text.split()
        probs = [0.3 if w.strip(".,!?").lower() in unsure else 0.9 for w in toks]
        words = [
            Word(start=t + k, end=t + k + 1, text=f" {w}", probability=p)
            for k, (w, p) in enumerate(zip(toks, probs, strict=True))
        ]
        segs.append(Segment(id=i, start=t, end=t + len(toks), text=text, speaker=f"S{i % 2 + 1}", words=words))
        t += len(toks) + 1
    people = [SpeakerInfo(label="S1", name="Anna Berg"), SpeakerInfo(label="S2", name="Karin Ek")]
    tr = Transcript(segments=segs, duration=t, speakers=people, metadata={"time": start, "title": "Styrelsemöte"})
    return extract_minutes(tr, meeting_date=MEETING, robust=robust).next_meeting


def test_a_morning_meeting_keeps_its_morning_hour() -> None:
    # "kvart i åtta" at a meeting that began 07.45 is not 19.45
    got = next_meeting(["Något mer?", "Nej.", "Då ses vi i morgon, kvart i åtta som vanligt."], "07:45")
    assert got is not None and got.when == dt.datetime(2027, 2, 18, 7, 45)
    # an evening meeting's "kvart i åtta" stays in the evening
    got = next_meeting(["Något mer?", "Nej.", "Då ses vi i morgon, kvart i åtta som vanligt."], "19:45")
    assert got is not None and got.when == dt.datetime(2027, 2, 18, 19, 45)


def test_som_i_dag_is_no_date() -> None:
    got = next_meeting(["Nästa personalmöte blir tisdagen den elfte maj, klockan tre, som i dag."], "15:00")
    assert got is not None and got.when == dt.datetime(2027, 5, 11, 15, 0)


def test_next_week_then_the_weekday_and_same_time() -> None:
    got = next_meeting(["Tack. Okej. Nästa vecka, torsdag, samma tid, men vi är i Kastanjen."], "09:00")
    assert got is not None and got.when == dt.datetime(2027, 2, 25, 9, 0)


def test_a_day_said_before_an_adverb_with_its_weekday_lost() -> None:
    # said "onsdagen den tjugofjärde februari, samma tid"; heard "den tjugofjärde också, samma i"
    lines = ["Och när ses vi nästa gång?", "Vad sägs om den tjugofjärde också, samma i, klockan halv sju här?",
             "Det fungerar för mig."]  # fmt: skip
    got = next_meeting(lines, "18:30")
    assert got is not None and got.when == dt.datetime(2027, 2, 24, 18, 30)
    # "den andra då" may be the other one of anything: no date
    assert next_meeting(["Och när ses vi nästa gång?", "Tar du den andra då?"], "18:30") is None


def test_the_minutes_of_the_meetings_own_hour_lost() -> None:
    # said "kvart över tre"; heard "över tre": this meeting began 15.15, flagged
    got = next_meeting(["Bra. Och vi ses om två veckor, onsdag den tredje mars, över tre som vanligt."], "15:15")
    assert got is not None and got.when == dt.datetime(2027, 3, 3, 15, 15) and got.needs_review
    # said "klockan arton och trettio"; heard "klockan arton tillmen tredtio"
    got = next_meeting(["Vi ses igen fredagen den tionde december klockan arton tillmen tredtio."], "18:30")
    assert got is not None and got.when == dt.datetime(2027, 12, 10, 18, 30) and got.needs_review
    # a whole hour heard as said stays: the meeting may move
    got = next_meeting(["Vi ses igen fredagen den tionde december klockan arton, i matsalen."], "18:30")
    assert got is not None and got.when == dt.datetime(2027, 12, 10, 18, 0)


def test_an_hour_after_the_date_with_a_short_word_misheard_before_it() -> None:
    # said "torsdagen den elfte februari, halv tolv"; heard "med tolv": this meeting began 11.30, flagged
    got = next_meeting(["Nästa medlemsmöte blir torsdagen den elfte mars, med tolv, sen i lunchrummet."], "11:30")
    assert got is not None and got.when == dt.datetime(2027, 3, 11, 11, 30) and got.needs_review
    # a count is no hour
    got = next_meeting(["Nästa medlemsmöte blir torsdagen den elfte mars, om tolv dagar alltså."], "11:30")
    assert got is not None and got.when == dt.date(2027, 3, 11)


def test_same_time_with_samma_misheard() -> None:
    # said "samma tid"; heard "törs tid"
    said = ["Tack. Nästa möte blir måndag om tre veckor, törs tid. Här i klubbrummet."]
    got = next_meeting(said, "19:00", unsure=frozenset({"törs"}))
    assert got is not None and got.when == dt.datetime(2027, 3, 8, 19, 0) and '"törs"' in (got.review_reason or "")
    # heard sure, "törs" still forms no phrase with "tid": read as "samma tid" and said so; ", ny tid." is kept
    sure = next_meeting(said, "19:00")
    assert sure.when == dt.datetime(2027, 3, 8, 19, 0) and sure.needs_review and '"törs"' in (sure.review_reason or "")
    new = next_meeting(["Tack. Nästa möte blir måndag om tre veckor, ny tid. Här i klubbrummet."], "19:00")
    assert new.when == dt.date(2027, 3, 8)


def test_the_meeting_word_lost_after_nasta() -> None:
    # said "Nästa möte, torsdag vecka sju, klockan tio"; heard "Nästa, torsdag ..."
    got = next_meeting(["Bra påminnelse. Okej.", "Nästa, torsdag vecka nio, klockan tio. Tack alla."], "10:00")
    assert got is not None and got.when == dt.datetime(2027, 3, 4, 10, 0) and got.needs_review
    assert next_meeting(["Nästa, torsdag vecka nio, klockan tio. Tack alla."], "10:00", robust=False) is None
    # said "Nästa gruppmöte blir ..."; heard "Nästa tillschnangen sig blir ..."
    got = next_meeting(["Tack. Nästa tillschnangen sig blir måndag om tre veckor, samma tid."], "19:00")
    assert got is not None and got.when == dt.datetime(2027, 3, 8, 19, 0) and got.needs_review
    # something else announced with a day is no meeting
    assert next_meeting(["Nästa leverans blir måndag om tre veckor."], "19:00") is None


def test_a_day_and_hour_said_alone_at_the_close() -> None:
    # said "Då har vi nästa möte. Första tisdagen i maj, ..."; heard "Då har vi tsojboget har. ..."
    lines = ["Tack allihop.", "Då har vi tsojboget har. Första tisdagen i maj, klockan åtta på kvällen, hos Sigrid.",
             "Då tar vi försäkringen."]  # fmt: skip
    got = next_meeting(lines, "19:30")
    assert got is not None and got.when == dt.datetime(2027, 5, 4, 20, 0) and got.needs_review
    # a day without an hour said alone is not enough
    assert next_meeting(["Tack allihop.", "Första tisdagen i maj. Då tar vi försäkringen."], "19:30") is None


def test_weekday_and_weeks_with_om_misheard() -> None:
    # said "söndag om fyra veckor"; heard "söndag lov fyra veckor"
    got = next_meeting(["Nästa stormöte är söndag lov fyra veckor, klockan tre."], "15:00")
    assert got is not None and got.when == dt.datetime(2027, 3, 21, 15, 0)  # the Sunday of the week four weeks on
    # "fredag och tre veckor senare" is no count of weeks from a Friday
    got = next_meeting(["Nästa stormöte är fredag och tre veckor senare är det stämma."], "15:00")
    assert got is not None and got.when == dt.date(2027, 2, 19)


def test_the_meeting_named_with_an_apposition_its_nasta_lost() -> None:
    got = next_meeting(["Då sammanfattar jag. Byggmöte, nummer åtta, blir tisdag om två veckor, klockan ett."], "13:00")
    assert got is not None and got.when == dt.datetime(2027, 3, 2, 13, 0) and got.needs_review


def test_a_bare_weekday_before_misheard_words_is_flagged() -> None:
    # said "tisdag om tre veckor"; heard "tisdag med tre med": the next Tuesday is shown, to check
    got = next_meeting(["Nästa klinikmöte blir tisdag med tre med, samma tid. Tack, alla."], "12:15")
    assert got is not None and got.needs_review and "med tre" in (got.review_reason or "")
    got = next_meeting(["Nästa klinikmöte blir tisdag klockan tolv i matsalen."], "12:15")
    assert got is not None and got.when == dt.datetime(2027, 2, 23, 12, 0) and not got.needs_review


def test_pa_morgon_after_ses_vi_is_tomorrow() -> None:
    # said "Då ses vi i morgon, kvart i åtta"; heard "ses vi på morgon, kvart i åtta"
    got = next_meeting(["Något mer? Nej? ses vi på morgon, kvart i åtta som vanligt."], "07:45")
    assert got is not None and got.when == dt.datetime(2027, 2, 18, 7, 45) and got.needs_review
    # "klockan sju på morgon" is the hour's part of the day, no date
    assert next_meeting(["Något mer? Nej? Vi ses klockan sju på morgon."], "07:00") is None


def test_a_misheard_word_where_the_month_would_stand_is_flagged() -> None:
    # said "lördagen den trettonde mars"; heard "lördagen den trettonde samanställningen": a Saturday the 13th
    # is shown, to check
    got = next_meeting(["Nästa styrelsemöte blir lördagen den trettonde samanställningen, klockan tio."], "10:00")
    assert got is not None and got.needs_review and "samanställningen" in (got.review_reason or "")
    got = next_meeting(["Nästa styrelsemöte blir lördagen den trettonde, klockan tio."], "10:00")
    assert got is not None and not got.needs_review


def test_half_past_twelve_is_after_noon() -> None:
    got = next_meeting(["Nästa möte blir onsdag om två veckor, under vilan, kvart i ett."], "12:45")
    assert got is not None and got.when == dt.datetime(2027, 3, 3, 12, 45)
    got = next_meeting(["Nästa möte blir fredagen den femte mars, halv ett."], "12:30")
    assert got is not None and got.when == dt.datetime(2027, 3, 5, 12, 30)


def test_an_hour_said_as_the_usual_one_without_klockan() -> None:
    # "sex som vanligt", "elva igen", "i morgon nio som vanligt": the hour without "klockan"
    got = next_meeting(["Nästa styrelsemöte blir onsdagen den femte maj, sex som vanligt."], "18:00")
    assert got is not None and got.when == dt.datetime(2027, 5, 5, 18, 0)
    got = next_meeting(["Okej. Vi ses lördag om tre veckor, elva igen, så ser vi hur långt vi kommit."], "11:00")
    assert got is not None and got.when == dt.datetime(2027, 3, 13, 11, 0)
    got = next_meeting(["Till fredag. Okej, iväg. Vi ses i morgon nio som vanligt."], "09:00")
    assert got is not None and got.when == dt.datetime(2027, 2, 18, 9, 0)
    # "igen" alone says again, not the hour: the date stands without one
    got = next_meeting(["Vi ses på fredag igen."], "18:00")
    assert got is not None and got.when == dt.date(2027, 2, 19)


def test_the_usual_hour_misheard_is_this_meetings_own_and_flagged() -> None:
    got = next_meeting(["Nästa styrelsemöte blir onsdagen den femte maj, seex som vanligt."], "18:00",
                       unsure=frozenset({"seex"}))  # fmt: skip
    assert got is not None and got.when == dt.datetime(2027, 5, 5, 18, 0)
    assert got.needs_review and "18.00" in (got.review_reason or "")
    got = next_meeting(["Vi ses lördag om tre veckor, johan igen."], "11:00", unsure=frozenset({"johan"}))
    assert got is not None and got.when == dt.datetime(2027, 3, 13, 11, 0) and got.needs_review
    # another hour heard before "som vanligt" is no reading of this meeting's
    got = next_meeting(["Nästa styrelsemöte blir onsdagen den femte maj, sju med vanligt."], "18:00",
                       unsure=frozenset({"med"}))  # fmt: skip
    assert got is not None and got.when != dt.datetime(2027, 5, 5, 18, 0)


def test_a_count_of_weeks_a_letter_off_and_over_misspelt() -> None:
    got = next_meeting(["Nästa möte blir onsdag om tfå veckor, kvart i ett."], "12:45",
                       unsure=frozenset({"tfå"}))  # fmt: skip
    assert got is not None and got.when == dt.datetime(2027, 3, 3, 12, 45)
    got = next_meeting(["Nästa möte blir första onsdagen i maj, kvart överr sju, här."], "19:15",
                       unsure=frozenset({"överr"}))  # fmt: skip
    assert got is not None and got.when == dt.datetime(2027, 5, 5, 19, 15)
    # a word no number is close to names no count: the weekday stays a weekday, shown to check
    got = next_meeting(["Nästa möte blir onsdag om alla veckor."], "12:45")
    assert got is None or got.when != dt.date(2027, 3, 3)


def test_same_time_with_samma_misheard_before_tid() -> None:
    got = next_meeting(["Något mer?", "Då ses vi på tid nästa tisdag."], "07:45", unsure=frozenset({"på"}))
    assert got is not None and got.when == dt.datetime(2027, 2, 23, 7, 45)
    got = next_meeting(["Något mer?", "Då ses vi på tid nästa tisdag."], "07:45")
    assert got is not None and got.when == dt.date(2027, 2, 23)  # heard surely: no hour read into "på tid"


def test_pa_morgon_before_an_hour_is_tomorrow() -> None:
    # "Vi ses <i> morgon nio som vanligt" heard as "på morgon"
    got = next_meeting(["Okej, iväg. Vi ses på morgon nio som vanligt."], "09:00", unsure=frozenset({"på"}))
    assert got is not None and got.when == dt.datetime(2027, 2, 18, 9, 0)


def test_a_day_and_hour_at_the_close_after_words_heard_unsure() -> None:
    # "<Vi ses> lördag om tre veckor, elva igen": the cue lost, the day and hour said at the close
    lines = ["Något mer?", "Nej.", "Lov lördag om tre veckor, elva igen, så ser vi hur långt vi kommit."]
    got = next_meeting(lines, "11:00", unsure=frozenset({"lov"}))
    assert got is not None and got.when == dt.datetime(2027, 3, 13, 11, 0) and got.needs_review
    # words heard surely before it make it something else's day
    assert next_meeting(["Något mer?", "Nej.", "Båten sjösätts lördag om tre veckor, elva igen."], "11:00") is None


def test_a_reply_to_when_whose_first_word_reads_as_a_deadline_but_was_unsure() -> None:
    lines = ["Nästa sammanträde?", "Till den tjugoåttonde april, kvart över ett, samma rum."]
    got = next_meeting(lines, "13:15", unsure=frozenset({"till"}))
    assert got is not None and got.when == dt.datetime(2027, 4, 28, 13, 15)
    got = next_meeting(lines, "13:15")
    assert got is None or got.when is None  # heard surely: a deadline, not the meeting's day


def test_next_week_weekday_and_tid_with_samma_lost() -> None:
    got = next_meeting(["Okej. Nästa vecka, torsdag, tid, men vi är i Kastanjen."], "09:00")
    assert got is not None and got.when == dt.datetime(2027, 2, 25, 9, 0)


def test_an_hour_after_one_misheard_word_not_this_meetings_is_taken_as_heard() -> None:
    # said "klockan sju"; heard "<med> sju" at a meeting that began at 18.00
    got = next_meeting(["Nästa medlemsmöte blir onsdagen den tjugonde, med sju, här."], "18:00",
                       unsure=frozenset({"med"}))  # fmt: skip
    assert got is not None and got.when == dt.datetime(2027, 10, 20, 19, 0) and got.needs_review  # a Wednesday
    # a count after it is no hour
    got = next_meeting(["Nästa medlemsmöte blir onsdagen den tjugonde, med sju deltagare."], "18:00",
                       unsure=frozenset({"med"}))  # fmt: skip
    assert got is not None and got.when == dt.date(2027, 10, 20)


def test_the_usual_hour_with_its_clock_words_half_heard() -> None:
    # "kvart i åtta som vanligt" heard "kvat i som vanligt" and "kvart åtta vi vanligt" at 07.45
    got = next_meeting(["Nej? Då ses vi i morgon, kvat i som vanligt."], "07:45", unsure=frozenset({"kvat"}))
    assert got is not None and got.when == dt.datetime(2027, 2, 18, 7, 45) and got.needs_review
    got = next_meeting(["Nej? Då ses vi i morgon, kvart åtta vi vanligt."], "07:45", unsure=frozenset({"vi"}))
    assert got is not None and got.when == dt.datetime(2027, 2, 18, 7, 45)


def test_a_month_misheard_is_the_one_near_it_where_the_day_falls_on_the_weekday() -> None:
    # "torsdagen den artonde <man>": March and May are near "man"; the 18th is a Thursday in March, not in May
    got = next_meeting(["Nästa styrelsemöte blir torsdagen den artonde man, klockan tio, här."], "10:00")
    assert got is not None and got.when == dt.datetime(2027, 3, 18, 10, 0) and got.needs_review
    # no month said: the next Thursday the 18th, tomorrow
    got = next_meeting(["Nästa styrelsemöte blir torsdagen den artonde, klockan tio, här."], "10:00")
    assert got is not None and got.when == dt.datetime(2027, 2, 18, 10, 0)


def test_a_day_and_hour_at_the_close_after_the_meeting_was_named_in_the_sentence_before() -> None:
    lines = ["Vi kan inte besluta i kväll.",
             "Karin, sätter du upp en lapp om extramötet? Vi kör onsdagen den fjortonde april klockan sju.",
             "Jag fixar det i kväll."]  # fmt: skip
    got = next_meeting(lines, "19:00")
    assert got is not None and got.when == dt.datetime(2027, 4, 14, 19, 0)
    # a day and hour with no meeting named before it stays something else's
    lines[1] = "Karin, sätter du upp en lapp om städdagen? Vi kör onsdagen den fjortonde april klockan sju."
    assert next_meeting(lines, "19:00") is None


def test_an_hour_after_a_short_word_where_klockan_stood() -> None:
    got = next_meeting(["Nästa medlemsmöte blir onsdagen den tjugonde, de sju, här."], "18:00")
    assert got is not None and got.when == dt.datetime(2027, 10, 20, 19, 0)
