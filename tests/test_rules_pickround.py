"""Decisions settled by a round of picks (rules/pickround.py) and a plan defended before the room's assent
(rules/roomassent.py).

Hand-made exchanges: a choice put to the members, each naming one side, and assent from one who did not pick; the
same round with no choice put, split evenly, or objected to after the assent; a plan put, questioned by a third,
defended by its putter and judged right.
"""

from __future__ import annotations

from tests.test_rules_robust_cues import texts


def test_a_choice_settled_by_the_round_and_a_bare_okej() -> None:
    said = [
        ("S1", "Städdagen. Ska vi ha den på lördag eller söndag?"),
        ("S2", "Söndag. På lördag är det marknad i byn."),
        ("S3", "Mm, söndag."),
        ("S4", "Söndag."),
        ("S1", "Okej."),
        ("S2", "Jag tar med kaffe och termosar."),
    ]
    got = texts(said)
    assert any("ha den på söndag" in t for t in got)


def test_two_plans_put_side_by_side_picked_and_summed_up_with_a_tag() -> None:
    said = [
        ("S1", "Antingen köper vi en ny gräsklippare, runt åttatusen, eller så lagar vi den gamla hos smeden."),
        ("S2", "Smeden har semester hela juli."),
        ("S1", "Jag vill höra vad ni tycker."),
        ("S3", "Gräsklipparen."),
        ("S4", "Gräsklipparen, för min del."),
        ("S2", "Laga."),
        ("S3", "Tre för gräsklipparen och en för lagningen. Gräsklipparen, alltså. Okej?"),
        ("S1", "Ja."),
        ("S4", "Sen grillen vid bryggan."),
    ]
    got = texts(said)
    assert any("gräsklippare" in t.lower() for t in got)


def test_answers_to_a_question_of_fact_decide_nothing() -> None:
    said = [
        ("S1", "Hur många blir ni till middagen på fredag?"),
        ("S2", "Två."),
        ("S3", "Två."),
        ("S1", "Okej."),
        ("S2", "Jag tar med efterrätt."),
    ]
    assert not any("två" in t.lower() for t in texts(said))


def test_a_round_split_evenly_decides_nothing() -> None:
    said = [
        ("S1", "Ska vi måla staketet vitt eller rött?"),
        ("S2", "Vitt."),
        ("S3", "Rött."),
        ("S1", "Okej."),
        ("S4", "Vi får ta det nästa gång."),
    ]
    assert not any("staketet" in t for t in texts(said))


def test_a_round_objected_to_after_the_assent_decides_nothing() -> None:
    said = [
        ("S1", "Ska vi ta bussen eller tåget till mässan?"),
        ("S2", "Bussen."),
        ("S3", "Bussen."),
        ("S1", "Okej."),
        ("S4", "Nej, vänta, bussen går inte på söndagar."),
    ]
    assert not any("bussen" in t.lower() for t in texts(said))


def test_a_plan_defended_against_a_third_s_question_is_what_the_assent_settles() -> None:
    said = [
        ("S1", "Lekplatsen. Kommunen stänger gungorna i parken hela sommaren."),
        ("S2", "Jag tänkte att vi går i Vasaparken i stället, varje förmiddag."),
        ("S3", "Och när det regnar, då?"),
        ("S2", "Vi tar regnkläder på oss. Det gör vi ju redan."),
        ("S1", "Det blir bra."),
        ("S4", "Och mellanmålet, vem handlar?"),
    ]
    got = texts(said)
    assert any("Vasaparken" in t for t in got)
    assert not any("regnkläder" in t for t in got)


def test_a_summing_up_without_a_verb_judged_right() -> None:
    said = [
        ("S1", "Kvällsöppet i biblioteket. Om vi säger sex till nio?"),
        ("S2", "Sex till nio räcker gott."),
        ("S1", "Torsdagsöppet från april då, sex till nio."),
        ("S3", "Det blir bra."),
        ("S2", "Jag gör en lapp till dörren."),
    ]
    got = texts(said)
    assert any("Torsdagsöppet från april, sex till nio" in t for t in got)


def test_a_summing_up_judged_after_a_third_s_yes() -> None:
    said = [
        ("S1", "Vad säger ni om fredagen den nionde maj för städdagen?"),
        ("S2", "Fredag passar bäst för alla med barn."),
        ("S1", "Så, nionde maj, hela gården. Och regnar det, lördagen den tionde i stället."),
        ("S3", "Ja."),
        ("S4", "Ja, det får bli så."),
        ("S1", "Då tar vi kaffet till sist."),
    ]
    got = texts(said)
    assert any("nionde maj, hela gården" in t.lower() for t in got)


def test_a_summing_up_only_heard_decides_nothing() -> None:
    said = [
        ("S1", "Kvällsöppet i biblioteket. Om vi säger sex till nio?"),
        ("S2", "Sex till nio räcker gott."),
        ("S1", "Torsdagsöppet från april då, sex till nio."),
        ("S3", "Okej."),
        ("S2", "Men vem ska stå där? Jag jobbar sent på torsdagar."),
    ]
    assert not any("Torsdagsöppet" in t for t in texts(said))


def test_a_reason_given_and_agreed_with_is_no_summing_up() -> None:
    said = [
        ("S1", "Bussen till mässan kostade niotusen och det satt tolv personer i den."),
        ("S2", "För att bussen gick klockan fem på morgonen."),
        ("S1", "Precis. Så mitt förslag är att vi samåker i år."),
        ("S3", "Jag kan köra."),
    ]
    assert not any("bussen gick" in t for t in texts(said))
