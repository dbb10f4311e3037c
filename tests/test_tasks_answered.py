"""A request answered by the one asked: with a plan of their own, with the thing and its day, or 'jag gör det'."""

from __future__ import annotations

import datetime as dt

from tests.spoken import MEETING, minutes


def test_the_plan_the_one_asked_answers_with_is_the_task() -> None:
    said = [("S1", "Då gäller det från januari. Karin, kan du meddela föräldrarna?"),
            ("S2", "Jag skickar ett brev till alla föräldrar i klassen och sätter upp en lapp i hallen. Senast på "
                   "fredag.")]  # fmt: skip
    got = minutes(said).actions
    assert len(got) == 1 and got[0].owner == "Karin Ek"
    assert got[0].what.startswith("Skicka ett brev till alla föräldrar") and got[0].due == dt.date(2026, 11, 27)
    # a reply that names no more than the request keeps the request's words
    short = [("S1", "Karin, kan du meddela föräldrarna om schemat?"), ("S2", "Ja, jag ringer dem i morgon.")]
    got = minutes(short).actions
    assert len(got) == 1 and got[0].owner == "Karin Ek" and "föräldrarna" in got[0].what


def test_the_thing_asked_for_said_ready_by_a_day_takes_the_request_on() -> None:
    said = [("S1", "Då gör vi så. Olof, du gör ett schema för helgerna?"), ("S3", "Schemat sitter uppe på måndag.")]
    got = minutes(said).actions
    assert len(got) == 1 and got[0].owner == "Olof Nilsson" and got[0].due == dt.date(2026, 11, 30)
    refused = [("S1", "Olof, du gör ett schema för helgerna?"), ("S3", "Nej, det hinner jag inte före måndag.")]
    assert not minutes(refused).actions


def test_i_do_it_after_an_order_by_name_takes_the_order() -> None:
    said = [("S2", "Då vill jag att olyckan också skrivs in i pärmen."), ("S1", "Skriv in det, Olof."),
            ("S3", "Jag gör det i dag innan jag går hem.")]  # fmt: skip
    got = minutes(said).actions
    assert len(got) == 1 and got[0].owner == "Olof Nilsson" and got[0].what.startswith("Skriva in det")
    assert got[0].due == MEETING


def test_an_order_with_no_name_after_a_need_is_for_the_one_who_raised_it() -> None:
    said = [("S2", "Och kaffebryggaren behöver en ny glaskanna. Den kostar fyrahundra."),
            ("S1", "Köp den i dag. Kvittot lämnar du till mig.")]  # fmt: skip
    got = minutes(said).actions
    assert len(got) == 1 and got[0].owner == "Karin Ek" and got[0].what.startswith("Köpa en ny glaskanna")
    # no need said before: an order to no one is no one's task
    plain = [("S2", "Kaffebryggaren står i köket."), ("S1", "Köp en ny glaskanna i dag.")]
    assert all(a.owner != "Karin Ek" for a in minutes(plain).actions)


def test_a_plan_ending_a_turn_and_approved_by_the_next_speaker_is_taken_on() -> None:
    said = [("S1", "Vi kan turas om att städa köket. Jag gör ett schema efter efternamn."),
            ("S2", "Bra. Då börjar det med Ek.")]  # fmt: skip
    got = minutes(said).actions
    assert len(got) == 1 and got[0].owner == "Anna Berg" and got[0].what.startswith("Göra ett schema")
    doubted = [("S1", "Vi kan turas om att städa köket. Jag gör ett schema efter efternamn."),
               ("S2", "Nja, det vet jag inte.")]  # fmt: skip
    assert not minutes(doubted).actions
