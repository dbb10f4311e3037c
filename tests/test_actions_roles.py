"""A role in the meeting itself (secretary, checker of the minutes, chair) is no task for after it."""

from __future__ import annotations

from tests.spoken import MEETING, minutes, transcript
from transcribe.minutes import extract_minutes


def test_the_secretary_and_the_checker_are_roles_not_tasks() -> None:
    got = minutes([
        ("S1", "Jag förklarar mötet öppnat. Karin skriver protokollet, som vanligt."),
        ("S1", "Olof, kan du justera?"),
        ("S3", "Ja, jag kan justera i dag."),
        ("S1", "Då tar jag över klubban här. Jag håller i mötet som vanligt."),
    ]).actions  # fmt: skip
    assert got == []


def test_a_task_with_the_minutes_after_the_meeting_is_kept() -> None:
    got = minutes([("S2", "Jag skickar ut protokollet till alla senast fredag.")]).actions
    assert len(got) == 1 and got[0].what.startswith("Skicka ut protokollet") and got[0].owner == "Karin Ek"


def test_people_proposed_for_a_role_are_no_task() -> None:
    turns = [("S1", "Och till justerare föreslår jag Karin Ek och Olof Nilsson. Några andra förslag? Nej.")]
    assert minutes(turns).actions == []


def test_a_lost_verb_before_an_att_clause_proposed_something_and_is_no_task() -> None:
    # said "Jag föreslår att vi lämnar över …"; heard "Jag på att vi lämnar över …"
    said = "Jag på att vi lämnar över två av dina ärenden till Olof från och med nästa vecka."
    t = transcript([("S1", said)], unsure=frozenset({"på"}))
    assert extract_minutes(t, meeting_date=MEETING, robust=True).actions == []
    # a lost verb before its object is still the speaker's task ("Jag <skickar> ut kallelsen senast fredag")
    t = transcript([("S1", "Jag ut kallelsen senast fredag.")], unsure=frozenset({"ut"}))
    got = extract_minutes(t, meeting_date=MEETING, robust=True).actions
    assert len(got) == 1 and got[0].owner == "Anna Berg" and got[0].needs_review


def test_an_imperative_is_the_listeners_task_not_the_speakers() -> None:
    got = minutes([
        ("S2", "Jag har databladet för de nya blandarna här."),
        ("S1", "Skicka databladet till mig i dag. Om det stämmer så godkänner vi bytet."),
        ("S2", "Okej. Jag skickar det inom en timme."),
    ]).actions  # fmt: skip
    assert [a.owner for a in got] == ["Karin Ek"]  # one task, the one who answered it; none for the asker


def test_the_one_who_writes_as_usual_and_a_polite_word_about_now_are_no_tasks() -> None:
    got = minutes([
        ("S1", "Ha ha. Okej, vi tar det sen. Karin skriver som vanligt. Först lite information."),
        ("S1", "Olof, du får gärna stänga av mobilen, den har plingat fem gånger."),
    ]).actions  # fmt: skip
    assert got == []
    kept = minutes([("S1", "Karin skriver brevet till kommunen. Olof, du får gärna ringa dem på fredag.")]).actions
    assert sorted(a.owner or "" for a in kept) == ["Karin Ek", "Olof Nilsson"]
