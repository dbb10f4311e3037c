"""Sentences shaped like a settled plan that decide nothing (rules/decisions.py).

Hand-made exchanges in settings of their own: the plan for a case another asks about ("vad gör vi om ..."), a
joke decision the next speaker answers with "Men allvarligt", a remark on where a thing lies that a close cannot
settle; and beside each, the same words where something was decided.
"""

from __future__ import annotations

from tests.test_rules_robust_cues import texts


def test_the_plan_for_a_case_asked_about_is_no_decision() -> None:
    said = [
        ("S1", "Loppisen blir på gården som vanligt."),
        ("S2", "Och vad gör vi om det regnar hela dagen? Förra året blev allt blött."),
        ("S3", "Då flyttar vi in borden i gymnastiksalen."),
    ]
    assert not any("gymnastiksalen" in t for t in texts(said))


def test_a_joke_decision_answered_with_men_allvarligt_is_no_decision() -> None:
    said = [
        ("S2", "Olle äter upp alla kanelbullar på varje fika."),
        ("S1", "Då bestämmer vi att Olle aldrig får röra en kanelbulle igen."),
        ("S2", "Tack."),
        ("S3", "Men allvarligt, vi kan köpa fler bullar."),
    ]
    assert not any("kanelbulle" in t for t in texts(said))
    meant = [*said[:3], ("S3", "Det var på tiden.")]
    assert any("kanelbulle" in t for t in texts(meant))


def test_where_a_thing_lies_is_no_proposal_a_close_settles() -> None:
    said = [
        ("S1", "Stegen då, vem har den?"),
        ("S2", "Stegen ligger i förrådet bakom pannan."),
        ("S3", "Bra. Då gör vi så."),
    ]
    assert not any("förrådet" in t for t in texts(said))
