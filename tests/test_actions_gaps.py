"""A first-person task whose verb the recogniser lost: read from a day said or the turn it answers, flagged."""

from __future__ import annotations

import datetime as dt

from tests.spoken import minutes


def test_a_pronoun_where_the_verb_stands_with_a_day_is_the_speakers_task() -> None:
    turns = [("S1", "Vi vet inte vem som vill leda gruppen."), ("S3", "Jag sig Jonas och Sara på torsdag.")]
    got = minutes(turns, unsure=frozenset({"sig"})).actions
    assert len(got) == 1 and got[0].owner == "Olof Nilsson" and "Jonas och Sara" in got[0].what
    assert got[0].due == dt.date(2026, 11, 26) and got[0].needs_review


def test_the_turn_it_answers_says_what_a_pronoun_task_is() -> None:
    turns = [("S1", "Gör det, Karin. Ett kort välkomstbrev och klubbens dekal."), ("S2", "Jag det dem innan februari.")]
    got = minutes(turns).actions
    assert len(got) == 1 and got[0].owner == "Karin Ek" and "välkomstbrev" in got[0].what and got[0].needs_review


def test_a_report_a_view_or_a_verb_heard_are_no_lost_verb() -> None:
    need = ("S1", "Någon borde ringa föräldrarna.")
    assert not minutes([need, ("S2", "Jag gick igenom alla västar i förrådet.")], frozenset({"gick"})).actions
    assert not minutes([need, ("S2", "Jag sig att vi ringer dem på fredag.")]).actions
    assert not minutes([need, ("S2", "Jag dem i förra veckan.")]).actions
    assert not minutes([("S1", "Vem följer med på fredag?"), ("S2", "Jag med.")]).actions
