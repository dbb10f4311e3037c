"""A proposal on the table, an act that accepts it, and the matter read from the proposal (rules/acceptance.py).

Each test is a hand-made Swedish exchange in a setting of its own, written apart from the dev meetings: a short
call for agreement answered by another member, a settling formula next to the matter in the settler's turn, a
lead that settles and states the matter. The same call refused or doubted, a formula after a decision already
recorded, and an argument in place of a matter decide nothing new.
"""

from __future__ import annotations

from tests.test_rules_robust_cues import minutes, texts


def test_a_short_call_answered_with_a_short_yes_decides_the_matter_said_with_the_call() -> None:
    said = [
        ("S2", "Vi har för få funktionärer till loppet, bara åtta anmälda."),
        ("S3", "Skolklassen som samlar till sin resa kan ta vätskestationerna."),
        ("S1", "Deal då? Skolklassen tar vätskestationerna mot ett bidrag till resan."),
        ("S3", "Deal."),
    ]
    got = minutes(said).decisions
    assert len(got) == 1 and "vätskestationerna" in got[0].text and "Skolklassen" in got[0].text
    assert got[0].needs_review  # said without a decision word
    refused = [*said[:3], ("S3", "Nej, vänta, jag måste fråga klassläraren först.")]
    assert not texts(refused)
    doubted = [*said[:3], ("S3", "Ja, men vänta lite, de är bara fjorton år.")]
    assert not texts(doubted)


def test_a_call_after_the_matter_takes_the_statement_before_it_in_the_turn() -> None:
    said = [
        ("S2", "Frysen i förrådet drar mer ström än hela kiosken."),
        ("S3", "Den är från åttiotalet, den kostar oss en förmögenhet."),
        ("S1", "Vi köper en ny frys till förrådet före sommaren. Låter det klokt?"),
        ("S2", "Det låter klokt. Kör så."),
    ]
    assert texts(said) == ["Mötet beslutade att köpa en ny frys till förrådet före sommaren."]
    no_matter = [*said[:2], ("S1", "Låter det klokt?"), said[3]]
    assert not any("frys" in t.lower() for t in texts(no_matter))  # no proposal on the table: nothing to accept


def test_a_settling_formula_settles_what_its_speaker_said_just_before() -> None:
    said = [
        ("S2", "Barnen springer ut på parkeringen när föräldrarna hämtar."),
        ("S3", "Vi borde ha en vuxen vid grinden."),
        ("S1", "En vuxen vid grinden varje eftermiddag, från tre till fem. Det är spikat."),
    ]
    got = texts(said)
    assert len(got) == 1 and "grinden" in got[0] and "eftermiddag" in got[0]
    unsure = [*said[:2], ("S1", "Det är spikat.")]  # the matter only in a proposal: taken from it
    assert any("grinden" in t for t in texts(unsure))


def test_a_lead_that_settles_states_the_matter_after_it() -> None:
    said = [
        ("S2", "Hyllorna i lagret är fulla av gamla kataloger."),
        ("S3", "Ingen har öppnat dem på flera år."),
        ("S1", "Någon som är emot? Jag hör inga protester, så vi slänger katalogerna före jul."),
    ]
    assert texts(said) == ["Mötet beslutade att slänga katalogerna före jul."]
    landed = [*said[:2], ("S1", "Okej. Vi landar i att katalogerna går till återvinningen i december.")]
    assert texts(landed) == ["Katalogerna går till återvinningen i december."]


def test_an_argument_or_a_decision_already_recorded_is_no_new_matter() -> None:
    recorded = [
        ("S2", "Vi kan inte ha öppet i kväll, det är för få som kan."),
        ("S1", "Vi beslutar att caféet har stängt på onsdagskvällar i december. Är det okej?"),
        ("S2", "Ja."),
    ]
    assert len(texts(recorded)) == 1  # the call confirms the decision just made, it adds none
    argued = [
        ("S2", "Vi borde höja hyran för lokalen till föreningarna."),
        ("S3", "Men då slutar de komma, de har ingen kassa."),
        ("S1", "Jag har pratat med två av dem, de klarar inte mer. Okej?"),
        ("S3", "Okej."),
    ]
    assert not texts(argued)  # argued against, and the call's turn holds only an argument


def test_a_call_that_names_its_matter_closed_by_a_bare_formula_decides_the_matter_named() -> None:
    said = [
        ("S2", "Föräldrarna vill kunna låna lokalen till kalas på helgerna."),
        ("S3", "Det går bra om de städar efter sig."),
        (
            "S1",
            "Har någon invändningar mot att föräldrarna lånar lokalen på helgerna? Nej. Då har vi ett beslut på det.",
        ),
    ]
    got = texts(said)
    assert got == ["Föräldrarna lånar lokalen på helgerna."]
    objected = [*said[:2], ("S1", "Har någon invändningar mot att föräldrarna lånar lokalen på helgerna? Ja.")]
    assert not texts(objected)
