"""A close that only points back at a proposal (rules/pointback.py).

Each exchange is hand-made in a setting of its own, written apart from the dev meetings: a member's view closed
by words that name nothing, the proposer's own wish closed after the room answered, a date or a thing echoed
alone, a plan offered "if nobody minds" and closed with one word; and the same closes where nothing was
decided: the last answer objects, the echo names what nobody proposed, the proposer closes alone.
"""

from __future__ import annotations

from tests.test_rules_robust_cues import texts

_CELLAR = [
    ("S2", "Vattnet står i källaren varje vår nu, förra året förstördes hela förrådet."),
    ("S3", "Jag tycker att vi lägger en dränering runt hela huset i sommar."),
]


def test_a_close_naming_nothing_takes_the_members_proposal_as_the_decision() -> None:
    got = texts([*_CELLAR, ("S1", "Precis. Så blir det.")])
    assert len(got) == 1 and "dränering runt hela huset" in got[0]


def test_no_close_when_the_last_answer_objects() -> None:
    said = [*_CELLAR, ("S4", "Men det kostar tvåhundratusen, det har vi inte."), ("S1", "Så blir det.")]
    assert not any("dränering" in t for t in texts(said))


def test_the_proposers_own_wish_closed_after_the_room_answered() -> None:
    said = [
        ("S2", "Kören har bara en ackompanjatör, och hon slutar i juni."),
        ("S1", "Jag skulle vilja att vi anställer Petra som ackompanjatör på deltid från augusti."),
        ("S3", "Gör det."),
        ("S4", "Ja."),
        ("S1", "Ingen emot? Då gör vi det."),
    ]
    got = texts(said)
    assert len(got) == 1 and "Petra" in got[0] and "deltid från augusti" in got[0]


def test_a_date_echoed_alone_closes_the_proposed_day_without_its_reason() -> None:
    said = [
        ("S2", "Vi måste ha en dag för vårstädningen av stigarna."),
        ("S3", "Jag tänkte lördagen den sjuttonde april, för då är alla hemma från lovet."),
        ("S4", "Den sjuttonde passar mig."),
        ("S1", "Den sjuttonde då."),
    ]
    got = texts(said)
    assert len(got) == 1 and "sjuttonde april" in got[0] and "lovet" not in got[0]
    other_day = [*said[:3], ("S1", "Den tjugonde då.")]
    assert not any("april" in t for t in texts(other_day))


def test_a_thing_echoed_alone_after_a_call_nobody_objected_to() -> None:
    said = [
        ("S2", "Någon har tagit bränsle ur dunkarna i boden igen."),
        ("S1", "Om ingen säger något så sätter vi ett hänglås på boden från mars."),
        ("S3", "Nej."),
        ("S1", "Bra. Hänglås från mars."),
    ]
    got = texts(said)
    assert len(got) == 1 and "hänglås på boden" in got[0]


def test_a_plan_offered_if_nobody_minds_and_closed_with_one_word() -> None:
    said = [
        ("S2", "Barnen frågar efter pysselbordet, det var populärt förra vintern."),
        (
            "S3",
            "Jag tar med pappret och limmet. Så om ingen har något emot det kör jag från första söndagen i november.",
        ),
        ("S1", "Kör."),
    ]
    got = texts(said)
    assert any("första söndagen i november" in t for t in got)
    alone = [said[0], ("S3", "Om ingen har något emot det kör jag från första söndagen i november."), ("S3", "Kör.")]
    assert not any("november" in t for t in texts(alone))


def test_a_later_turn_saying_the_proposal_again_as_the_groups_is_the_close() -> None:
    said = [
        ("S2", "Ansökan till fonden ska in på fredag, och ingen av oss har tid att skriva den."),
        ("S1", "Jag tycker inte att vi ska söka bidraget i år. Vi tittar igen nästa vår."),
        ("S3", "Okej. Jag tycker det är synd, men okej."),
        ("S4", "Jag håller med Stina."),
        ("S1", "Då söker vi inget bidrag i år."),
    ]
    got = texts(said)
    assert len(got) == 1 and "bidrag" in got[0] and "inte" in got[0]
    asked = [*said[:3], ("S4", "Men vem skriver då nästa år?"), said[4]]
    assert not any("bidrag" in t for t in texts(asked))  # the last answer asks: not settled


def test_a_condition_fronted_by_its_verb_is_no_restating_close() -> None:
    said = [
        ("S2", "Jag föreslår att vi fiskar i norra viken först och väntar med södra."),
        ("S3", "Jag håller med."),
        ("S3", "Fiskar vi södra viken först och sen blåser det upp, så har vi gjort fel."),
    ]
    assert not any("södra viken först" in t for t in texts(said))


def test_a_close_after_a_round_of_answers_takes_the_statement_after_it() -> None:
    said = [
        ("S2", "Poeten Lisa Ek har frågat om hon får läsa här i maj, när diktsamlingen kommer."),
        ("S1", "Jag vill gärna. Anna?"),
        ("S3", "Ja."),
        ("S1", "Olle?"),
        ("S4", "Visst."),
        ("S1", "Då kör vi. Lisa Ek läser i maj, femtio kronor i entré."),
    ]
    got = texts(said)
    assert len(got) == 1 and "Lisa Ek läser i maj" in got[0]
