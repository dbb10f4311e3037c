"""A member's decision formula nobody carries (rules/unborne.py), and the same words kept when the one who leads
takes them up.

Hand-made exchanges in settings of their own: the one who leads (the most sentences, the floor handed on by name)
and members who say "Då bestämmer vi att …" in jest; the reply of the one it burdens and the leader moving on.
"""

from __future__ import annotations

from tests.test_rules_robust_cues import texts

_BEFORE = [
    ("S1", "Lokalen då. Kyrkan har skickat ett nytt pris. Karin."),
    ("S2", "Ja. Tvåhundra kronor mer i månaden från januari."),
    ("S1", "Det får vi leva med. Det finns inget billigare i byn."),
]


def test_a_members_formula_the_leader_moves_on_from_is_no_decision() -> None:
    said = [
        *_BEFORE,
        ("S3", "Då bestämmer vi att Karin bakar bullar till varje möte resten av året."),
        ("S2", "Tack för förtroendet."),
        ("S1", "Bra. Nästa möte blir onsdag om två veckor, samma tid. Tack för i kväll."),
    ]
    assert not any("bullar" in t for t in texts(said))


def test_a_members_formula_answered_by_its_victim_and_a_new_matter_is_no_decision() -> None:
    said = [
        *_BEFORE,
        ("S3", "Då beslutar vi att Olof kör alla lotterier resten av livet."),
        ("S2", "Drömmer du."),
        ("S1", "Städdagen. Vi behöver folk den tjugonde. Olof, kan du?"),
    ]
    assert not any("lotterier" in t for t in texts(said))


def test_the_same_formula_taken_up_by_the_leader_stands() -> None:
    said = [*_BEFORE, ("S3", "Då bestämmer vi att Karin bakar bullar till varje möte resten av året."), ("S1", "Ja.")]
    assert any("bullar" in t for t in texts(said))
    back = [*_BEFORE, ("S3", "Då bestämmer vi att Karin bakar bullar till varje möte."),
            ("S1", "Okej. Karin bakar bullar, och föreningen betalar mjölet. Nästa punkt.")]  # fmt: skip
    assert any("bullar" in t for t in texts(back))


def test_the_leaders_own_formula_stands() -> None:
    said = [*_BEFORE, ("S1", "Då bestämmer vi att vi stannar i församlingshemmet nästa år också."), ("S2", "Bra.")]
    assert any("församlingshemmet" in t for t in texts(said))
