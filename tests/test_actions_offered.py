"""Tasks put on someone in the chair's long turn, offered and taken up, or asked as an instruction."""

from __future__ import annotations

import datetime as dt

from tests.spoken import MEETING, minutes


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


def test_an_offer_welcomed_in_the_next_turn_is_the_offerers_task() -> None:
    said = [("S2", "Jag kan göra en skylt. Laminerad, vid trappan."), ("S1", "Gärna. Till nästa lördag?"),
            ("S2", "Ja, det går.")]  # fmt: skip
    got = minutes(said).actions
    assert [(a.owner, a.due) for a in got] == [("Karin Ek", dt.date(2026, 12, 5))]  # "nästa lördag": next week's
    assert got[0].what.startswith("Göra en skylt")
    thanked = minutes([("S3", "Jag kan laga en gryta linssoppa."), ("S1", "Det tackar vi för.")]).actions
    assert [a.owner for a in thanked] == ["Olof Nilsson"] and thanked[0].what.startswith("Laga en gryta")
    assert not minutes([("S2", "Jag kan göra en skylt."), ("S1", "Bra.")]).actions  # a bare "bra" welcomes nothing
    assert not minutes([("S2", "Jag kan göra en skylt."), ("S1", "Gärna, men inte i år.")]).actions
    assert not minutes([("S2", "Jag kan tänka mig det."), ("S1", "Gärna.")]).actions


def test_a_need_said_before_a_request_by_pronoun_is_the_task_asked_for() -> None:
    said = [("S2", "Då borde checklistan uppdateras också. Den är från i fjol."), ("S1", "Kan du göra det?"),
            ("S2", "Ja. Till fredag.")]  # fmt: skip
    got = minutes(said).actions
    assert [(a.what, a.owner, a.due) for a in got] == [("Uppdatera checklistan", "Karin Ek", dt.date(2026, 11, 27))]
    asked_when = [("S3", "Leden dit måste märkas om."), ("S1", "När kan du göra det?"), ("S3", "På lördag.")]
    got = minutes(asked_when).actions
    assert [(a.what, a.owner, a.due) for a in got] == [("Märka om leden dit", "Olof Nilsson", dt.date(2026, 11, 28))]
    assert not minutes([("S1", "Kan du göra det?"), ("S2", "Ja.")]).actions  # no need said: nothing to name
    assert not minutes([("S3", "Leden dit måste märkas om."), ("S1", "När kan du göra det?"),
                        ("S3", "Jag vet inte, inte på lördag i alla fall.")]).actions  # fmt: skip


def test_a_deadline_before_a_holiday_is_kept_as_said() -> None:
    got = minutes([("S2", "Jag söker pengar ur fonden före midsommar.")]).actions
    assert [(a.owner, a.due, a.due_text) for a in got] == [("Karin Ek", None, "före midsommar")]
