"""A task whose "jag" the recogniser turned into a word it is known to make of it ("Johan", "Jön", "Är")."""

from __future__ import annotations

from tests.spoken import MEETING, PEOPLE, transcript
from transcribe.minutes import Minutes, extract_minutes


def minutes(turns: list[tuple[str, str]], people: dict[str, str] = PEOPLE, robust: bool = True) -> Minutes:
    return extract_minutes(transcript(turns, people=people), meeting_date=MEETING, robust=robust)


ASKED = ("S1", "Karin, kan du prata med rektorn om hållplatsen?")


def test_a_known_mishearing_of_jag_before_a_task_verb_is_the_speakers_task() -> None:
    got = minutes([ASKED, ("S2", "Johan ringer henne i morgon. Jag känner henne.")]).actions
    assert [a.owner for a in got] == ["Karin Ek"] and got[0].needs_review
    sign = minutes([("S1", "Då är det bestämt."), ("S3", "Är sätter upp en skylt vid dörren i dag.")]).actions
    assert [a.owner for a in sign] == ["Olof Nilsson"] and sign[0].what.startswith("Sätta upp en skylt")


def test_a_participant_of_that_name_keeps_the_task() -> None:
    people = {**PEOPLE, "S4": "Johan Ek"}
    got = minutes([ASKED, ("S2", "Johan ringer henne i morgon.")], people=people).actions
    assert "Karin Ek" not in [a.owner for a in got]


def test_a_true_transcript_reads_the_name_as_said() -> None:
    got = minutes([("S1", "Då är det bestämt."), ("S2", "Johan ringer henne i morgon.")], robust=False).actions
    assert "Karin Ek" not in [a.owner for a in got]
