"""A matter settled without the word 'beslutar': the settling turn, and what it settles (hand-made sentences).

Rules alone (no learned model). Each group of turns is said the way a meeting settles something in its
own words; a sibling group says nearly the same words and settles nothing.
"""

from __future__ import annotations

from tests.spoken import MEETING, PEOPLE, transcript
from transcribe.minutes.rules import RuleExtractor


def decisions(turns: list[tuple[str, str]]) -> list[str]:
    ex = RuleExtractor(transcript(turns), MEETING, vocabulary=list(PEOPLE.values()), scorer=None)
    return [d.text for d in ex.run().decisions]


def test_what_is_said_after_a_settling_sentence_is_the_decision() -> None:
    got = decisions(
        [
            ("S2", "Vi kan överklaga, men det tar år och kostar pengar vi inte har."),
            ("S3", "Hm. Nej. Men okej. Det är ju bättre att förhandla."),
            ("S1", "Så blir det. Inget överklagande, vi förhandlar med bolaget om ersättning. Olof, du tar mötet."),
        ]
    )
    assert len(got) == 1
    assert "överklagande" in got[0] and "ersättning" in got[0]
    assert "Olof" not in got[0]  # the task after it is no part of the decision


def test_settling_words_with_the_content_after_a_colon() -> None:
    got = decisions(
        [
            ("S2", "Jag föreslår träpanel, stående, på alla sidor."),
            ("S1", "Finns det någon allvarlig invändning mot träpanel?"),
            ("S3", "Nej."),
            ("S1", "Ingen. Då har vi samtycke: stående träpanel på hela huset."),
        ]
    )
    assert any("stående träpanel på hela huset" in d.lower() for d in got)


def test_a_bare_settling_sentence_takes_the_proposal_another_member_agreed_to() -> None:
    got = decisions(
        [
            ("S2", "Vi köper inga nyårsraketer i år, det blir brasa och marschaller i stället."),
            ("S3", "Ja, det är bättre för hundarna."),
            ("S1", "Så får det vara."),
        ]
    )
    assert len(got) == 1 and "nyårsraketer" in got[0]


def test_a_bare_settling_sentence_after_an_objection_decides_nothing() -> None:
    got = decisions(
        [
            ("S2", "Vi köper inga nyårsraketer i år, det blir brasa och marschaller i stället."),
            ("S3", "Nej, det vill jag inte. Barnen älskar raketerna."),
            ("S1", "Så får det vara."),
        ]
    )
    assert got == []


def test_a_settling_sentence_after_a_question_left_open_decides_nothing() -> None:
    got = decisions(
        [
            ("S2", "Vem ska köpa in kaffet till städdagen?"),
            ("S3", "Ja, det undrar jag också."),
            ("S1", "Det blir så."),
        ]
    )
    assert got == []


def test_returning_to_an_agenda_item_is_no_decision() -> None:
    got = decisions(
        [
            ("S2", "Jonas är här nu, han kom precis."),
            ("S3", "Ja, bra."),
            ("S1", "Då går vi tillbaka till punkt sju. Då blir det så. Vi tar budgeten nu."),
        ]
    )
    assert got == []


def test_the_groups_plan_stated_after_a_discussion_is_a_decision() -> None:
    got = decisions(
        [
            ("S2", "Två begagnade singlar kostar lika mycket som en ny, och ungdomarna behöver båtar."),
            ("S3", "Och den gamla fyran står ju bara i hallen."),
            ("S1", "Gött. Då köper vi singlarna och säljer den gamla fyran."),
        ]
    )
    assert len(got) == 1 and "köpa singlarna" in got[0]


def test_a_plan_with_its_object_first_is_a_decision() -> None:
    got = decisions(
        [
            ("S2", "Partistödet är bara en blankett, men roll-upsen kostar mycket."),
            ("S1", "Roll-upsen väntar vi med. Men partistödet söker vi."),
        ]
    )
    assert got == ["Mötet beslutade att söka partistödet."]


def test_a_plan_said_in_passing_habits_and_the_meetings_order_are_no_decisions() -> None:
    assert decisions([("S1", "Då köper vi singlarna och säljer den gamla fyran.")]) == []  # nobody spoke on it
    said = [("S2", "Vi behöver prata om båtarna och singlarna."), ("S3", "Ja, singlarna är slitna.")]
    assert decisions([*said, ("S1", "Då köper vi alltid singlarna på hösten.")]) == []
    assert decisions([*said, ("S1", "Då går vi tillbaka till punkt sju, singlarna.")]) == []
    assert decisions([*said, ("S1", "Om klubben får bidraget, då köper vi singlarna.")]) == []


def test_going_back_to_a_matter_discussed_is_the_meetings_order() -> None:
    said = [
        ("S2", "Budgeten för våren måste vi ta igen, Jonas har siffrorna om budgeten."),
        ("S3", "Ja, budgeten."),
    ]
    assert decisions([*said, ("S1", "Då hoppar vi tillbaka till budgeten.")]) == []
    assert decisions([*said, ("S1", "Då går vi tillbaka till punkt sju, budgeten.")]) == []


def test_a_member_summing_up_what_was_settled_is_a_decision() -> None:
    said = [
        ("S2", "Påminnelsen går ju ut dagen innan, och då hinner ingen ändra sin tid."),
        ("S3", "Två dagar innan vore bättre. Och bara ett sms, inte mejl också."),
    ]
    got = decisions([*said, ("S1", "Okej, så påminnelsen går ut två dagar innan, bara ett sms.")])
    assert len(got) == 1 and got[0].startswith("Påminnelsen går ut två dagar innan")
    assert decisions([*said, ("S1", "Okej, så påminnelsen har gått ut dagen innan hittills.")]) == []


def test_a_plan_made_with_gor_is_a_decision_but_gor_vi_sa_is_not_one_alone() -> None:
    said = [("S2", "Cyklarna i källaren står överallt, och ingen vet vems de är."), ("S3", "En cykelrensning behövs.")]
    got = decisions([*said, ("S1", "Då gör vi en cykelrensning i vår.")])
    assert got == ["Mötet beslutade att göra en cykelrensning i vår."]


def test_an_old_decision_recalled_with_its_month_and_a_decision_to_decide_later_are_not_decisions() -> None:
    assert decisions([("S1", "Stämman beslutade i juni att kostnaden delas efter renlängden.")]) == []
    assert decisions([("S1", "Vi bestämmer oss innan vecka nio, för arkitekten behöver veta.")]) == []
    assert decisions([("S1", "Då beslutar stämman att kostnaden delas efter renlängden.")])  # said now: decided


def test_a_settled_proposal_heard_unsure_is_flagged() -> None:
    said = [
        ("S2", "Jag föreslår lördagen den tolfte december. Då är lokalen bokad."),  # "inte" may be lost
        ("S3", "Ja."),
        ("S1", "Det blir så."),
    ]
    ex = RuleExtractor(transcript(said, frozenset({"bokad"})), MEETING, vocabulary=list(PEOPLE.values()), scorer=None)
    got = ex.run().decisions
    assert len(got) == 1 and got[0].needs_review and "inte" in (got[0].review_reason or "")


def test_a_person_heard_unsure_before_beslutar_is_not_read_as_the_meeting() -> None:
    said = [("S1", "Han beslutar att stänga skolan, då ska de åtminstone veta vad folk tycker.")]  # "Om nämnden"
    ex = RuleExtractor(transcript(said, frozenset({"han"})), MEETING, vocabulary=list(PEOPLE.values()), scorer=None)
    assert ex.run().decisions == []


def test_settling_with_vi_misheard_takes_what_is_said_after() -> None:
    # "Då har vi det." heard "Då har mott det.", the recogniser unsure of "mott"
    turns = [
        ("S2", "Renvaktaren på fredagen, och komedin på lördagen?"),
        ("S3", "Lördag klockan sju. Det går bra."),
        ("S1", "Då har mott det. Renvaktaren öppnar på fredagen, komedin lördag klockan sju."),
    ]
    ex = RuleExtractor(transcript(turns, unsure=frozenset({"mott"})), MEETING, scorer=None)
    got = ex.run().decisions
    assert len(got) == 1 and "Renvaktaren öppnar" in got[0].text and got[0].needs_review
    plain = RuleExtractor(transcript(turns, unsure=frozenset({"mott"})), MEETING, scorer=None, robust=False)
    assert not plain.run().decisions


def test_settling_with_a_person_or_a_sure_word_for_vi_stays_as_heard() -> None:
    turns = [
        ("S2", "Renvaktaren på fredagen, och komedin på lördagen?"),
        ("S1", "Då har hon det. Renvaktaren öppnar på fredagen, komedin lördag klockan sju."),
    ]
    assert not RuleExtractor(transcript(turns, unsure=frozenset({"hon"})), MEETING, scorer=None).run().decisions
    sure = [turns[0], ("S1", "Då har mott det. Renvaktaren öppnar på fredagen, komedin lördag klockan sju.")]
    assert not RuleExtractor(transcript(sure), MEETING, scorer=None).run().decisions


def test_a_reason_given_with_darfor_is_no_plan() -> None:
    said = [("S2", "Pumpen i källaren gick sönder i helgen."), ("S3", "Igen?")]
    assert decisions([*said, ("S1", "Och det är just därför vi börjar med pumpen i kväll. Välkomna allihop.")]) == []
