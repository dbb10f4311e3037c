"""Tasks said without a task word, several in one summing-up, and asides that are no tasks."""

from __future__ import annotations

from tests.spoken import minutes


def test_a_participant_who_makes_a_named_thing_has_a_task() -> None:
    got = minutes([("S1", "Så vi samlar in dem före sommarlovet, och Olof gör listor. Då har vi det.")]).actions
    assert [(a.owner, a.what) for a in got] == [("Olof Nilsson", "Göra listor")]
    assert not minutes([("S1", "Olof gör det bra, tycker jag.")]).actions
    assert not minutes([("S1", "Karin gör inte det längre.")]).actions


def test_the_speakers_task_and_those_named_after_it_in_one_sentence() -> None:
    got = minutes([("S1", "Jag mejlar festivalen, Olof fixar mikrofonerna, Karin gör affischen. Okej?")]).actions
    assert {(a.owner, a.what) for a in got} == {
        ("Anna Berg", "Mejla festivalen"),
        ("Olof Nilsson", "Fixa mikrofonerna"),
        ("Karin Ek", "Göra affischen"),
    }


def test_an_object_put_first_and_taken_up_by_a_pronoun() -> None:
    got = minutes([("S2", "Och affischen till releasen, den gör jag innan jul.")]).actions
    assert len(got) == 1 and got[0].owner == "Karin Ek" and got[0].what.startswith("Göra affischen till releasen")
    got = minutes([("S2", "Jag gör nya prisskyltar i dag, efter lunchen.")]).actions
    assert len(got) == 1 and got[0].what.startswith("Göra nya prisskyltar")


def test_a_willingness_a_negation_and_taking_a_seat_are_no_tasks() -> None:
    assert not minutes([("S2", "Jag tar gärna pennan i kväll också.")]).actions
    assert not minutes([("S3", "Jaha. Jag läser tydligen inte medlemsbladet.")]).actions
    assert not minutes([("S1", "Olof, sätt dig, du kan hålla degen sen.")]).actions
