"""Decisions closed by the one who put the question, summing up the others' answers (rules/askerclose.py).

Hand-made exchanges in settings of their own: a member asks the room to choose, the others pick a side, perhaps
with the leader's bare "Mm.", and the asker says the picked side back as the plan; the same shapes where the
asker only remarks, where the question was put to one person, and where the next turn objects.
"""

from __future__ import annotations

from tests.test_rules_robust_cues import texts

_ASKED = [
    ("S1", "Nästa. Städdagen på gården. Karin, du har hållit i den."),
    (
        "S2",
        "Ja. Det kom sex stycken i höstas, det är för få. Så frågan är, ska vi ha den på lördag förmiddag, "
        "eller ska vi ha den kvar på söndag eftermiddag?",
    ),  # fmt: skip
    ("S3", "Lördag. Folk åker bort på söndagar."),
    ("S1", "Mm."),
]


def test_the_asker_says_the_picked_side_back_with_its_details() -> None:
    said = [*_ASKED, ("S2", "Lördag då. Lördag förmiddag, nio till tolv, från i vår."), ("S4", "Det funkar.")]
    got = texts(said)
    assert any(t.startswith("Lördag") and "nio till tolv" in t for t in got)


def test_the_asker_sums_up_a_wait_without_a_verb() -> None:
    said = [
        ("S1", "Välkomna. Vi har tre saker i kväll. Först kören. Sen elen. Sist städdagen. Sara, börja."),
        ("S2", "Fyra barn på kö. Ska vi ta in två barn till i kören, eller vänta till hösten?"),
        ("S3", "Vänta. Kören klarar inte fler innan vi har en andra ledare."),
        ("S4", "Jag håller med. Till hösten, när den nya ledaren börjar."),
        ("S1", "Mm. Vänta."),
        ("S2", "Okej, så inga nya barn i kören förrän till hösten. Jag ringer dem på kön i morgon."),
        ("S1", "Tack. Nästa sak, elen."),
    ]
    got = texts(said)
    assert any("inga nya barn i kören förrän till hösten" in t.lower() for t in got)
    assert not any("ringer" in t for t in got)  # the asker's own task is no part of the decision


def test_the_askers_remark_after_the_answers_is_no_close() -> None:
    said = [*_ASKED, ("S2", "Lördag är svårt för mig, jag jobbar varannan helg."), ("S4", "Det löser vi.")]
    assert not any("svårt" in t for t in texts(said))


def test_a_question_put_to_one_person_is_not_summed_up_as_the_groups_plan() -> None:
    said = [
        ("S2", "Olle, ska du ta bilen eller tåget till mässan?"),
        ("S3", "Tåget."),
        ("S2", "Tåget då. Det går klockan sju från centralen."),
    ]
    assert not any("klockan sju" in t for t in texts(said))


def test_the_asker_objected_to_in_the_next_turn_closes_nothing() -> None:
    said = [*_ASKED, ("S2", "Lördag då. Lördag förmiddag, nio till tolv, från i vår."), ("S4", "Nej, vänta, "
            "på lördagar har vi loppisen i gården.")]  # fmt: skip
    assert not any("nio till tolv" in t for t in texts(said))
