"""Actions and owners from general structure, also when the recogniser slipped on "jag", "det" or the verb."""

from __future__ import annotations

import datetime as dt

from tests.spoken import MEETING, minutes
from transcribe.minutes.rules.slips import read_commitment, tolerant_verb


def test_misheard_jag_still_gives_the_speaker_a_task_to_check() -> None:
    got = minutes([("S2", "Jeg skickar protokollet till Olof senast fredag.")], unsure=frozenset({"jeg"})).actions
    assert len(got) == 1 and got[0].owner == "Karin Ek" and "protokollet" in got[0].what
    assert got[0].due == dt.date(2026, 11, 27)
    assert got[0].needs_review and "jeg" in (got[0].review_reason or "").lower()
    got = minutes([("S2", "Ja, jön fixar ett schema till fredag.")], unsure=frozenset({"jön"})).actions
    assert len(got) == 1 and got[0].owner == "Karin Ek" and got[0].needs_review


def test_misheard_task_verb_is_read_as_the_nearest_task_verb() -> None:
    got = minutes([("S3", "Jag byder lampan i källartrappan i morgon.")], unsure=frozenset({"byder"})).actions
    assert len(got) == 1 and got[0].what.startswith("Byta lampan") and got[0].needs_review
    assert tolerant_verb("byder") == "byter" and tolerant_verb("skickar") == "skickar"


def test_true_words_are_never_repaired_however_unsure() -> None:
    said = "Jag heter Anna och leder mötet."
    assert read_commitment(said, {"heter", "jag"}) == (said, [])
    assert not minutes([("S1", said)], unsure=frozenset({"heter"})).actions


def test_any_first_person_verb_with_a_deadline_is_a_commitment() -> None:
    got = minutes([("S1", "Jag anmäler dem till grundkursen senast på måndag.")]).actions
    assert len(got) == 1 and got[0].owner == "Anna Berg" and got[0].due == dt.date(2026, 11, 30)
    assert not minutes([("S1", "Jag är ledig till måndag.")]).actions
    assert not minutes([("S1", "Jag tror att det blir klart till måndag.")]).actions


def test_owner_through_kan_du_and_yes() -> None:
    turns = [("S1", "Olof, kan du boka lokalen till julfesten?"), ("S3", "Ja, det gör jag.")]
    got = minutes(turns).actions
    assert len(got) == 1 and got[0].owner == "Olof Nilsson" and "lokalen" in got[0].what


def test_instruction_with_the_name_last_and_its_acceptance_are_one_task() -> None:
    turns = [("S1", "Ta med frågan om sponsring till ledarna, Karin."), ("S2", "Absolut, jag tar med det på torsdag.")]
    got = minutes(turns).actions
    assert len(got) == 1 and got[0].owner == "Karin Ek" and "sponsring" in got[0].what
    assert got[0].due == dt.date(2026, 11, 26)  # the date comes from the acceptance


def test_pronoun_commitment_after_the_speakers_own_is_the_same_task() -> None:
    said = [("S3", "Jag kan fråga förvaltningen om det finns pengar. Jag mejlar dem i dag.")]
    got = minutes(said).actions
    assert len(got) == 1 and "förvaltningen" in got[0].what and got[0].due == MEETING


def test_raising_a_point_and_a_negated_verb_are_no_tasks() -> None:
    assert not minutes([("S2", "Sen vill jag ta upp en sak till.")]).actions
    assert not minutes([("S2", "Jag läser inte på skärm.")]).actions


def test_a_lost_verb_after_jag_keeps_the_task_to_check() -> None:
    got = minutes([("S2", "Jag ut betalningsinformationen senast den sista mars.")]).actions
    assert len(got) == 1 and got[0].owner == "Karin Ek" and "betalningsinformationen" in got[0].what
    assert got[0].needs_review and "verbet" in (got[0].review_reason or "")
    assert not minutes([("S2", "Jag den inte klaga på i dag.")]).actions  # a lost "kan", no task


def test_a_lost_jag_before_a_modal_and_a_task_verb() -> None:
    got = minutes([("S3", "Jon kan fråga förvaltningen om pengarna i morgon.")], unsure=frozenset({"jon"})).actions
    assert len(got) == 1 and got[0].owner == "Olof Nilsson" and got[0].what.startswith("Fråga förvaltningen")
    assert got[0].needs_review


def test_delegation_to_someone_by_name() -> None:
    got = minutes([("S1", "Vi ber Sirpa att göra affischen, hon är ju inte här.")]).actions
    assert len(got) == 1 and got[0].owner == "Sirpa" and got[0].what == "Göra affischen"


def test_reply_echoing_the_question_accepts_the_task_whatever_the_verb() -> None:
    turns = [("S1", "Vi ber Malin gå igenom eleverna före sportlovet. Karin, säger du det till henne?"),
             ("S2", "Jag säger det till henne i dag.")]  # fmt: skip
    got = [a for a in minutes(turns).actions if a.owner == "Karin Ek"]
    assert len(got) == 1 and "eleverna" in got[0].what and got[0].due == MEETING
    assert not minutes([("S1", "Olof, hör du oss?"), ("S3", "Ja, jag hör, men det hackar.")]).actions


def test_inverted_commitment_after_a_comma() -> None:
    got = minutes([("S1", "Skriv några rader, så läser jag igenom dem på söndag.")]).actions
    assert len(got) == 1 and got[0].owner == "Anna Berg" and got[0].due == dt.date(2026, 11, 29)


def test_a_later_task_says_what_the_pronoun_meant() -> None:
    turns = [("S3", "Det kan gå. Jag kan räkna på det."), ("S1", "Kan du ha en kalkyl klar till fullmäktige?"),
             ("S3", "Jag gör en kalkyl på caféalternativet och skickar den till styrelsen senast fredag.")]  # fmt: skip
    got = minutes(turns).actions
    assert len(got) == 1 and "caféalternativet" in got[0].what and len(got[0].evidence) == 2


def test_deadline_as_a_week_number() -> None:
    got = minutes([("S2", "Jag gör en checklista och sätter upp den på expeditionen innan vecka tolv.")]).actions
    assert len(got) == 1 and got[0].owner == "Karin Ek" and "checklista" in got[0].what


def test_a_fronted_object_whose_jag_was_lost() -> None:
    turns = [("S1", "Olof, kan du ringa Nilssons Maskin om snöröjningen?"), ("S3", "Ja, det gör.")]
    got = minutes(turns).actions
    assert len(got) == 1 and got[0].owner == "Olof Nilsson" and "snöröjningen" in got[0].what and got[0].needs_review
    assert read_commitment("Det gör vi.") == ("Det gör vi.", [])


def test_a_misheard_first_verb_and_a_task_verb_after_och() -> None:
    said = [("S2", "Jag hastar Solgården och bokar en dag före påsk.")]
    got = minutes(said, unsure=frozenset({"hastar"})).actions
    assert len(got) == 1 and got[0].owner == "Karin Ek" and "Solgården" in got[0].what
    assert not minutes([("S2", "Jag är sekreterare och skriver protokollet som vanligt.")]).actions


def test_du_is_the_participant_named_or_the_one_who_agrees() -> None:
    got = minutes([("S1", "Då skickar du ut kallelsen senast fredag."), ("S2", "Ja, absolut.")]).actions
    assert len(got) == 1 and got[0].owner == "Karin Ek" and got[0].what == "Skicka ut kallelsen"
    got = minutes([("S1", "Du tar kontakt med leverantören, Olof."), ("S2", "Bra.")]).actions
    assert len(got) == 1 and got[0].owner == "Olof Nilsson" and got[0].what == "Ta kontakt med leverantören"
    assert not minutes([("S1", "Då skickar du ut kallelsen."), ("S2", "Nej, det hinner jag inte.")]).actions


def test_a_lost_verb_in_the_answer_to_a_question_takes_the_task_asked() -> None:
    turns = [
        ("S1", "Vi ber Malin gå igenom eleverna. Karin, säger du det till henne?"),
        ("S2", "Jag det till henne i dag."),
    ]
    got = [a for a in minutes(turns).actions if a.owner == "Karin Ek"]
    assert len(got) == 1 and got[0].what.startswith("Säga det till henne") and got[0].needs_review


def test_a_task_verb_first_with_any_time_is_the_speakers_task_to_check() -> None:
    got = minutes([("S2", "Och mott mejlar ut sommarschemat innan påsk.")], unsure=frozenset({"mott"})).actions
    assert len(got) == 1 and got[0].owner == "Karin Ek" and "schema" in got[0].what and got[0].needs_review
    assert not minutes([("S2", "Mejlar ni ut schemat innan påsk?")]).actions  # a question is no commitment


def test_a_lost_verb_before_an_adjective_or_with_a_holiday_deadline_is_still_the_speakers_task() -> None:
    # said "Jag gör nya prisskyltar i dag" and "Jag sätter upp skyltar vid bilgaraget innan helgen"
    got = minutes([("S2", "Jag nya prisskyltar i dag, efter lunchrusningen.")], frozenset({"nya", "i"})).actions
    assert [(a.owner, a.due, a.needs_review) for a in got] == [("Karin Ek", MEETING, True)]
    assert "prisskyltar" in got[0].what
    got = minutes([("S2", "Jag det upp skyltar vid bilgaraget innan helgen.")], frozenset({"det", "upp"})).actions
    assert [(a.owner, a.needs_review) for a in got] == [("Karin Ek", True)] and "skyltar" in got[0].what
    assert not minutes([("S2", "Jag nya idéer hela tiden.")], frozenset({"nya"})).actions  # no time, no task verb
    role = [("S2", "Jag ihop protokollet i kväll, det med min tur.")]  # "Jag skriver ihop protokollet": a role
    assert not minutes(role, frozenset({"ihop"})).actions
    assert not minutes([("S2", "Jag för protokollet i kväll.")]).actions


def test_a_day_alone_after_a_first_person_task_is_its_deadline() -> None:
    got = minutes([("S2", "Jag gör ett inlägg på Instagram. Onsdag.")]).actions
    assert [(a.owner, a.due) for a in got] == [("Karin Ek", dt.date(2026, 12, 2))]
    assert got[0].what.startswith("Göra ett inlägg på Instagram")
    assert not minutes([("S2", "Jag gör ett inlägg på Instagram. Onsdag vore bra för mig.")]).actions
