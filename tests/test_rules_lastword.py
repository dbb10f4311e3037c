"""The last word counts (rules/lastword.py): a decision reopened by "Vänta" and settled again.

Hand-made exchanges in settings of their own, written apart from the dev meetings: a close taken back when a
member recalls a fact, the new course in the settler's words; a close changed with "då ändrar vi" and the new
terms; and a "Vänta" that only adds a detail, where the first decision stands.
"""

from __future__ import annotations

from tests.test_rules_robust_cues import texts


def test_a_reopened_decision_gives_way_to_the_settlers_last_course() -> None:
    said = [
        ("S2", "Bussen till lägret kostar nio tusen, och tåget sex."),
        ("S3", "Tåget tar fyra timmar längre."),
        ("S1", "Bra. Då tar vi bussen till lägret."),
        ("S4", "Vänta. Kommunen har en egen buss som vi får låna gratis, det sa de i våras."),
        ("S3", "Varför sa ingen det?"),
        ("S1", "Då struntar vi i den hyrda bussen. Vi lånar kommunens buss i stället."),
    ]
    got = texts(said)
    assert len(got) == 1 and "strunta i den hyrda bussen" in got[0] and "kommunens buss" in got[0]


def test_a_change_said_with_da_andrar_vi_keeps_the_new_terms() -> None:
    said = [
        ("S2", "Jag kan ta påsken om någon annan tar pingst."),
        ("S3", "Jag tar pingst."),
        ("S1", "Då är det så. Lena påsken, Omar pingst."),
        ("S3", "Vänta. Pingst är min systers bröllop, jag kan inte då."),
        ("S2", "Då tar jag pingst i stället."),
        ("S1", "Okej, då ändrar vi. Lena pingst, Omar påsken."),
    ]
    got = texts(said)
    assert any("Lena pingst, Omar påsken" in t for t in got)
    assert not any("Lena påsken, Omar pingst" in t for t in got)


def test_a_wait_that_only_asks_who_leaves_the_decision_standing() -> None:
    said = [
        ("S2", "Bussen till lägret kostar nio tusen, och tåget sex."),
        ("S3", "Tåget tar fyra timmar längre."),
        ("S1", "Bra. Då tar vi bussen till lägret."),
        ("S4", "Vänta. Vem bokar den?"),
        ("S1", "Jag bokar den i morgon."),
    ]
    got = texts(said)
    assert len(got) == 1 and "bussen till lägret" in got[0]
