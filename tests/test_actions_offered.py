"""Tasks put on someone in the chair's long turn, offered and taken up, or asked as an instruction."""

from __future__ import annotations

import datetime as dt

from tests.spoken import MEETING, transcript
from transcribe.minutes import Minutes, extract_minutes


def minutes(turns: list[tuple[str, str]]) -> Minutes:
    return extract_minutes(transcript(turns), meeting_date=MEETING)


def test_du_far_after_a_name_gives_that_participant_the_task_mid_turn() -> None:
    said = ("Vi öppnar uteserveringen i maj, så där behöver vi extrafolk, Karin, du får ringa runt till de som "
            "jobbade förra sommaren, innan midsommar helst. Och Olof, du har ju kontakten med slamfirman, du får "
            "boka in dem.")  # fmt: skip
    got = minutes([("S1", said), ("S3", "Ja, jag bokar. Första tömningen vecka nitton.")]).actions
    owners = {a.owner: a.what for a in got}
    assert owners.get("Karin Ek", "").startswith("Ringa runt till de som jobbade")
    assert owners.get("Olof Nilsson", "").startswith("Boka in") and len(got) == 2
    assert not minutes([("S1", "Karin, du får vara med nästa gång.")]).actions  # a presence, no task


def test_an_offer_taken_up_is_the_task_of_the_one_who_offered() -> None:
    got = minutes([("S2", "Ska jag ta emot teknikern då, på torsdag? Jag börjar sju."), ("S1", "Ja, gärna. Tack.")])
    assert [(a.owner, a.due) for a in got.actions] == [("Karin Ek", dt.date(2026, 11, 26))]
    assert got.actions[0].what.startswith("Ta emot teknikern")
    assert not minutes([("S2", "Ska jag skicka ut protokollet?"), ("S1", "Nej, det gör Olof.")]).actions
    assert not minutes([("S2", "Ska jag vara med på mötet?"), ("S1", "Ja.")]).actions


def test_an_instruction_asked_by_name_and_agreed_to() -> None:
    said = [("S1", "Vi tar förklädena nästa gång. Karin, ta fram ett par offerter till dess?"), ("S2", "Okej.")]
    got = minutes(said).actions
    assert len(got) == 1 and got[0].owner == "Karin Ek" and got[0].what.startswith("Ta fram ett par offerter")
    refused = [("S1", "Karin, ta fram ett par offerter till dess?"), ("S2", "Nej, det hinner jag inte.")]
    assert not minutes(refused).actions


def test_i_eftermiddag_and_i_kvall_are_today() -> None:
    got = minutes([("S2", "Okej, så påminnelsen går ut två dagar innan. Jag ställer om det i systemet i eftermiddag.")])
    assert len(got.actions) == 1 and got.actions[0].owner == "Karin Ek" and got.actions[0].due == MEETING
