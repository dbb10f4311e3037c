"""Decisions said twice, in their item and in the chair's summing-up, and a next meeting's day said twice.

Hand-made exchanges; words listed as unsure get a low word probability, as Whisper gives them.
"""

from __future__ import annotations

import datetime as dt

from tests.spoken import MEETING, minutes, transcript
from transcribe.minutes import extract_minutes
from transcribe.minutes.rules.restated import summary_items

MARKET = [
    ("S2", "Glöggståndet på julmarknaden lördagen den tolfte, ska värnet ställa upp med det i år?"),
    ("S3", "Ja, det gör vi varje år, folk räknar med oss."),
    ("S1", "Ja, vi lov på julmarknaden den tolfte."),  # "Ja, vi står på julmarknaden ..." with the verb misheard
    ("S2", "Och gymmet, kan vi köpa utrustningen?"),
    ("S1", "Då beslutar vi att köpa gymutrustningen om räddningstjänsten betalar hälften."),
    ("S1", "Så vi har alltså beslutat: vi står på julmarknaden den tolfte, och vi köper gymutrustningen om "
           "räddningstjänsten betalar hälften."),
]  # fmt: skip


def test_summing_up_recovers_a_decision_garbled_where_it_was_made() -> None:
    got = minutes(MARKET, unsure=frozenset({"lov"})).decisions
    market = [d for d in got if "julmarknaden" in d.text]
    assert len(market) == 1 and "stå på julmarknaden den tolfte" in market[0].text
    assert {e.segment_id for e in market[0].evidence} == {2, 5}  # where it was said and where it was summed up


def test_a_decision_restated_in_the_summing_up_is_one_decision_and_surer() -> None:
    got = minutes(MARKET, unsure=frozenset({"lov"})).decisions
    gym = [d for d in got if "gymutrustningen" in d.text]
    alone = minutes(MARKET[3:5]).decisions
    assert len(gym) == 1 and {4, 5} <= {e.segment_id for e in gym[0].evidence}
    assert len(alone) == 1 and gym[0].confidence > alone[0].confidence


def test_an_item_garbled_in_the_summing_up_is_flagged() -> None:
    said = [("S1", "Så vi har alltså bestämt: premiären blir lördagen den tjugonde mars, om Folkets hus har den kvar.")]
    clear = minutes(said).decisions
    assert len(clear) == 1 and "premiären blir lördagen den tjugonde mars" in clear[0].text.lower()
    assert not clear[0].needs_review
    heard = minutes([("S1", said[0][1].replace("mars", "till"))], unsure=frozenset({"till"})).decisions
    assert len(heard) == 1 and heard[0].needs_review and "sammanfattningen" in (heard[0].review_reason or "")


def test_summing_up_of_open_matters_tasks_or_nothing_decides_nothing() -> None:
    said = [("S1", "Då sammanfattar jag besluten: fjorton väntar på offert, och Karin kollar byggservern.")]
    assert not minutes(said).decisions
    nothing = "Så, för att sammanfatta: vi har inte beslutat något i kväll, vi var för få."
    assert not minutes([("S1", nothing)]).decisions


def test_summary_items_keep_a_condition_with_its_item() -> None:
    assert summary_items("premiären blir den tjugonde, om Folkets hus har den kvar, och ingen paus.") == [
        "premiären blir den tjugonde, om Folkets hus har den kvar",
        "ingen paus",
    ]


# ----------------------------------------------------------------------------- the next meeting's day said twice

BOOKED = ("S2", "Jag har bokat lokalen onsdagen den trettonde januari, det var den enda kvällen de hade.")


def test_a_day_lost_in_the_announcement_is_taken_where_the_same_day_is_said_again() -> None:
    said = [BOOKED, ("S1", "Bra. Nästa möte blir onsdagen den till januari klockan sju. Tack för i kväll.")]
    got = minutes(said, unsure=frozenset({"till"})).next_meeting
    assert got is not None and got.when == dt.datetime(2027, 1, 13, 19, 0)
    assert got.needs_review and {e.segment_id for e in got.evidence} == {0, 1}


def test_two_other_days_on_that_weekday_leave_the_lost_day_unread() -> None:
    other = ("S3", "Och onsdagen den tjugonde januari är det årsmöte i förbundet.")
    said = [BOOKED, other, ("S1", "Nästa möte blir onsdagen den till januari klockan sju.")]
    got = minutes(said, unsure=frozenset({"till"})).next_meeting
    assert got is not None and got.when is None and got.needs_review


def test_a_day_said_exactly_elsewhere_wins_over_a_guess_from_the_misheard_word() -> None:
    said = [BOOKED, ("S1", "Nästa möte blir onsdagen den tjugi januari klockan sju.")]
    alone = minutes(said[1:], unsure=frozenset({"tjugi"})).next_meeting  # guessed from the word: the twentieth
    assert alone is not None and alone.when == dt.datetime(2027, 1, 20, 19, 0)
    got = minutes(said, unsure=frozenset({"tjugi"})).next_meeting
    assert got is not None and got.when == dt.datetime(2027, 1, 13, 19, 0) and got.needs_review


def test_a_reminder_of_an_old_decision_is_no_decision_of_this_meeting() -> None:
    """ "Redan är bestämt:" reads like a summing-up, but the item says when another body took it."""
    reminder = [
        ("S1", "Vi bestämmer inget i kväll, vi samlar bara synpunkter till styrelsen."),
        ("S2", "Bra. Då tar jag med mig det."),
        ("S1", "Påminnelse om något som redan är bestämt: styrelsen beslutade i januari att medlemmar får gå "
               "gratis på premiärer en gång per termin."),
        ("S3", "Det visste jag inte."),
    ]  # fmt: skip

    def robust(turns: list[tuple[str, str]]) -> list[str]:  # the summing-up is read by the robust extractor
        return [d.text for d in extract_minutes(transcript(turns), meeting_date=MEETING, robust=True).decisions]

    assert not robust(reminder), robust(reminder)
    # the same summing-up of this meeting's own decision stands
    own = [*reminder[:2], ("S1", "Så vi har alltså beslutat: medlemmar får gå gratis på premiärer en gång per termin.")]
    assert any("premiärer" in d for d in robust(own))
