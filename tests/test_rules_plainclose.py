"""The settler's plain close, a vote's choice, the caller's own answer, and what is no decision (D10's rules).

Each exchange is hand-made in a setting of its own, written apart from the dev meetings: the word that ends the
talk and the group's choice said as a fact, terms closed by "Punkt.", the choice said right after a show of hands,
a call for objections the caller answers from the room's silence, a call whose matter is put as a second
question; and the same words where they decide nothing: a wish closed by "Punkt.", a thing put off to the next
meeting, a "decision" the room laughs at, a proposal turned down with "Det gör vi inte.", a remark on how people
are.
"""

from __future__ import annotations

from tests.test_rules_robust_cues import texts

_TALK = [
    ("S2", "Sjöboden läcker vid taket och båtarna blir blöta."),
    ("S3", "Vi kan lägga båtarna i ladan hos Erik i stället."),
    ("S4", "Ladan är torr, jag var där i går."),
]


def test_the_settlers_ending_word_and_the_groups_choice_is_a_decision() -> None:
    said = [*_TALK, ("S1", "Okej. Vi lägger båtarna i ladan hos Erik över vintern.")]
    got = texts(said)
    assert len(got) == 1 and "ladan hos Erik" in got[0]
    put_off = [*_TALK, ("S1", "Okej. Vi tar båtarna nästa gång.")]
    assert not any("båtarna" in t for t in texts(put_off))


def test_a_negated_choice_after_the_ending_word_keeps_its_negation() -> None:
    said = [
        ("S2", "Tre skolor vill komma på studiebesök i reningsverket i vår."),
        ("S3", "Men hela bassänghallen är en byggarbetsplats nu."),
        ("S4", "Ja. Det är lera överallt."),
        ("S1", "Nej. Vi tar inte emot några studiebesök i vår. Inte förrän bassänghallen är klar."),
    ]
    got = texts(said)
    assert len(got) == 1 and "inte ta emot några studiebesök" in got[0] and "bassänghallen" in got[0]


def test_terms_closed_by_punkt_are_the_decision_but_not_a_members_wish() -> None:
    said = [
        ("S2", "Nybörjarna har bara en halvtimme på lördagar, det räcker inte."),
        ("S3", "Veteranerna använder aldrig alla fyra banorna."),
        (
            "S1",
            "Okej. Nybörjarna får onsdagarna, bana ett och två, från och med nästa vecka. "
            "Veteranerna tar tre och fyra. Punkt.",
        ),
    ]
    got = texts(said)
    assert len(got) == 1 and "onsdagarna" in got[0] and "Veteranerna tar tre och fyra" in got[0]
    wish = [*said[:2], ("S3", "Jag vill ha en skylt. Nybörjarna får onsdagarna, bana ett och två. Punkt.")]
    assert not any("onsdagarna" in t for t in texts(wish))


def test_the_groups_choice_right_after_the_count_of_hands_is_the_outcome() -> None:
    said = [
        ("S2", "Sågen från Bygdeå kostar tolvtusen begagnad."),
        ("S3", "Jag tycker vi väntar ett år."),
        ("S1", "Vi röstar. Vilka är för att vi köper sågen från Bygdeå? Upp med handen."),
        ("S2", "Här."),
        ("S4", "Här."),
        ("S1", "Och jag. Emot?"),
        ("S3", "Jag är emot."),
        ("S5", "Jag också."),
        ("S1", "Tre mot två. Vi köper sågen från Bygdeå, men Lisa provkör den först."),
    ]
    got = texts(said)
    assert len(got) == 1 and "köpa sågen från Bygdeå" in got[0]


def test_the_callers_own_no_to_a_call_for_change_lets_the_close_stand() -> None:
    said = [
        ("S2", "Fikat kostar trettio kronor, och mjölet har blivit dyrare."),
        ("S3", "Men många som kommer har inte mycket pengar."),
        ("S4", "Jag vill inte höja."),
        ("S1", "Någon som vill ändra avgiften? Nej. Då ligger den kvar på trettio kronor."),
    ]
    got = texts(said)
    assert got == ["Avgiften ligger kvar på trettio kronor."]


def test_a_call_whose_matter_is_put_as_a_second_question_is_settled_by_the_answers() -> None:
    said = [
        ("S2", "Två i jouren räcker inte när det blir ett stort larm."),
        ("S3", "Om vi blir tre blir det oftare för alla."),
        ("S1", "Kan vi köra så? Tre i jouren per vecka från första juni, med Maja i schemat?"),
        ("S2", "Det är bra."),
        ("S3", "Ja."),
        ("S1", "Skönt. Då är det så."),
    ]
    got = texts(said)
    assert len(got) == 1 and "Tre i jouren per vecka från första juni" in got[0]
    objected = [*said[:3], ("S2", "Nej, det går inte för mig."), said[5]]
    assert not any("jouren per vecka" in t for t in texts(objected))


def test_a_rule_from_a_day_keeps_its_day() -> None:
    said = [
        ("S2", "Passen slutar klockan tio på kvällen och folk somnar i kassan."),
        ("S3", "Ingen handlar efter nio ändå."),
        (
            "S1",
            "Då är det så här från och med måndag: sista passet slutar klockan nio. De som har bokat senare flyttas.",
        ),
    ]
    got = texts(said)
    assert len(got) == 1 and got[0].startswith("Från och med måndag") and "klockan nio" in got[0]


def test_a_decision_the_room_laughs_at_is_no_decision() -> None:
    said = [
        ("S2", "Det är fettisdag nästa vecka."),
        ("S3", "Då bestämmer vi att Ola bjuder på semlor nästa tisdag."),
        ("S2", "Det räknas inte. Och det är du som bjuder."),
        ("S3", "Haha, okej."),
    ]
    assert not any("semlor" in t for t in texts(said))
    earnest = [said[0], said[1], ("S2", "Bra, jag skriver in det.")]
    assert any("semlor" in t for t in texts(earnest))


def test_a_proposal_turned_down_with_det_gor_vi_inte_is_no_decision() -> None:
    said = [
        ("S2", "Jag vill att vi köper en egen släpvagn. Det kostar tjugotusen."),
        ("S3", "Föreningens pengar är till utbildning."),
        ("S1", "Nej, Kalle. Det gör vi inte."),
    ]
    assert not any("släpvagn" in t for t in texts(said))


def test_a_remark_on_how_people_are_and_a_matter_put_off_are_no_decisions() -> None:
    said = [
        ("S2", "Vem betalar om någon tar en tavla från utställningen?"),
        ("S3", "Ingen tar en tavla från ett bibliotek."),
        ("S4", "Och jag har en fråga om nyckeln till förrådet."),
        ("S1", "Det tar vi efteråt, Stina. Då säger vi så."),
    ]
    got = texts(said)
    assert not any("tavla" in t or "efteråt" in t for t in got)


def test_a_members_rule_taken_up_at_once_by_the_next_speaker_is_a_decision() -> None:
    said = [
        ("S2", "Vi är tre under tjugo i hela klubben, och avgiften är trehundra."),
        ("S3", "Trehundra är inte dyrt för ett år."),
        ("S4", "För en femtonåring är det dyrt. Från och med nu är det gratis för alla under arton."),
        ("S1", "Precis. Det tycker jag också."),
    ]
    got = texts(said)
    assert len(got) == 1 and "gratis för alla under arton" in got[0]
    unanswered = [*said[:3], ("S1", "Det får vi räkna på. Nästa sak.")]
    assert not any("gratis" in t for t in texts(unanswered))


def test_a_negative_outcome_with_its_matter_said_first_is_a_decision() -> None:
    said = [
        ("S2", "Vi har stått på vårmarknaden i tio år."),
        ("S3", "Och varje år säljer vi nästan ingenting."),
        ("S4", "Det är tråkigt om vi inte är där."),
        ("S1", "Jag vet. Men vi hinner inte. Så vårmarknaden blir det inget med i år."),
    ]
    got = texts(said)
    assert len(got) == 1 and "inget med vårmarknaden i år" in got[0]
