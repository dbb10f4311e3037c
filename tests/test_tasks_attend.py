"""Tasks asked with a conjunction before the name, a course attended ('gå kursen') and 'jag gör det' after the
speaker's own offer in the same turn."""

from __future__ import annotations

import datetime as dt

from tests.spoken import MEETING, transcript
from transcribe.minutes import extract_minutes


def tasks(turns: list[tuple[str, str]]) -> list[tuple[str | None, str, dt.date | None]]:
    return [(a.owner, a.what, a.due) for a in extract_minutes(transcript(turns), meeting_date=MEETING).actions]


def test_a_request_opened_by_och_before_the_name_is_taken_by_the_one_named() -> None:
    said = [("S1", "Och Olof, kan du beställa nya nycklar till förrådet? Du har kontakten."),
            ("S3", "Det gör jag i veckan."), ("S1", "Bra, då går vi vidare.")]  # fmt: skip
    assert tasks(said) == [("Olof Nilsson", "Beställa nya nycklar till förrådet", None)]
    other = [("S1", "Och Olof, kan du beställa nya nycklar till förrådet?"), ("S2", "Det gör jag i veckan.")]
    assert tasks(other) == []  # another answered for the one named


def test_an_offer_to_attend_a_course_taken_by_go_ahead() -> None:
    said = [("S1", "Vi saknar en godkänd domare."), ("S2", "Jag kan gå domarkursen. Den går i mars."),
            ("S1", "Gör det, Karin. Föreningen betalar.")]  # fmt: skip
    assert tasks(said) == [("Karin Ek", "Gå domarkursen", None)]


def test_participants_named_after_the_verb_attend_a_course() -> None:
    said = [("S1", "Då går Karin och Olof utbildningen i Umeå den tionde december."), ("S2", "Bra.")]
    got = tasks(said)
    assert sorted(o for o, _, _ in got) == ["Karin Ek", "Olof Nilsson"]
    assert all(w.startswith("Gå utbildningen i Umeå") and d == dt.date(2026, 12, 10) for _, w, d in got)


def test_going_somewhere_is_no_course_attended() -> None:
    assert tasks([("S1", "Då går Karin och Olof hem nu."), ("S2", "Bra.")]) == []
    assert tasks([("S1", "Då går Karin igen till stationen i morgon."), ("S2", "Bra.")]) == []
    assert tasks([("S2", "Jag kan gå hela vägen."), ("S1", "Gör det.")]) == []


def test_i_will_do_it_after_ones_own_offer_is_the_offer() -> None:
    said = [("S1", "Ska inte Karin prata med hyresgästerna en gång till?"),
            ("S2", "Jag kan ringa hyresgästerna, men jag lovar inget. Jag gör det på måndag."),
            ("S1", "Tack.")]  # fmt: skip
    assert tasks(said) == [("Karin Ek", "Ringa hyresgästerna", dt.date(2026, 11, 30))]
    asked = [("S1", "Karin, kan du boka lokalen till festen?"),
             ("S2", "Jag kan ringa hyresgästerna sen. Men ja, jag gör det på måndag."), ("S1", "Tack.")]  # fmt: skip
    assert ("Karin Ek", "Boka lokalen till festen", dt.date(2026, 11, 30)) in tasks(asked)  # the request it answers
