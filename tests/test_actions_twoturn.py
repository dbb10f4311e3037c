"""Tasks settled in two turns: an offer said as a statement and told "Gör det.", an imperative answered
"Det gör jag."."""

from __future__ import annotations

import datetime as dt

from tests.spoken import MEETING, minutes


def test_an_offer_told_to_go_ahead_is_the_offerers_task() -> None:
    said = [("S1", "Plogbilen har kört in i pelaren vid infarten två gånger."),
            ("S2", "Snöröjningen sköter fastighetsbolaget. Men jag kan nämna det för dem, att de ska akta pelaren."),
            ("S1", "Gör det. Den har fått en rejäl buckla.")]  # fmt: skip
    got = minutes(said).actions
    assert [a.owner for a in got] == ["Karin Ek"] and got[0].what.startswith("Nämna det för dem")
    today = [("S3", "Och så kan jag skruva fast högtalarna ordentligt, den vänstra hänger på en skruv."),
             ("S1", "Ja tack, gör det innan den ramlar ner på någon. Gärna i dag.")]  # fmt: skip
    got = minutes(today).actions
    assert [(a.owner, a.due) for a in got] == [("Olof Nilsson", MEETING)]
    assert got[0].what.startswith("Skruva fast högtalarna")


def test_an_offer_answered_with_a_bare_yes_or_a_no_is_no_task() -> None:
    thought = [("S2", "Jag kan nämna det för dem, att de ska akta pelaren."), ("S1", "Ja. Nästa punkt.")]
    assert not minutes(thought).actions
    declined = [("S2", "Jag kan inte ställa upp i år."), ("S1", "Gör det nästa år då.")]
    assert not minutes(declined).actions


def test_an_imperative_answered_that_one_will_do_it() -> None:
    said = [("S1", "Och fråga om Elin vill spela på utdelningen. Det vore fint."), ("S2", "Det gör jag.")]
    got = minutes(said).actions
    assert [a.owner for a in got] == ["Karin Ek"] and got[0].what.startswith("Fråga om Elin vill spela")
    # a request for an opinion is no task, and no one took it on here
    assert not minutes([("S1", "Tänk på det till nästa gång."), ("S2", "Det gör jag.")]).actions
    assert not minutes([("S1", "Och fråga om Elin vill spela."), ("S2", "Hon är bortrest.")]).actions


def test_the_day_the_offer_is_told_to_be_done_is_its_due() -> None:
    said = [("S3", "Jag kan ringa hyresvärden om nyckeln."), ("S1", "Gör det på fredag.")]
    got = minutes(said).actions
    assert [(a.owner, a.due) for a in got] == [("Olof Nilsson", dt.date(2026, 11, 27))]
