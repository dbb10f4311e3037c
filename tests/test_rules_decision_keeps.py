"""What a late decision pass must keep: the proposer's plan said again after an answer is no close of it, a
reopened decision settled again by "Då gör vi så." is named by the sentences after it, and a decision keeps its
own words without the speaker's own fallback folded into it."""

from __future__ import annotations

from tests.test_rules_robust_cues import minutes


def test_the_proposer_saying_the_plan_again_after_an_answer_is_no_close_of_it() -> None:
    said = [
        ("S1", "Utställningen. Det lilla rummet blir fiskarstugan."),
        ("S2", "Får jag säga något om stugan? Skolklasserna. Jag vill att barnen ska få gå in i stugan, sitta på "
               "bänkarna, känna på sakerna."),
        ("S3", "Inte på de äkta sakerna. Absolut inte."),
        ("S2", "Nej, nej, kopior. Vi bygger en kopia av stugan och lägger kopior där."),
        ("S3", "Och vem betalar det?"),
        ("S1", "Så, om jag har förstått rätt: vi bygger stugan som en kopia med kopior i, och vi stänger "
               "fönsterrummet för att betala den. Lena, går det för dig?"),
        ("S3", "Ja, om det inte står några äkta saker där inne."),
        ("S1", "Inga äkta saker. Då gör vi så."),
        ("S4", "Jag ritar stugan till nästa vecka."),
    ]  # fmt: skip
    got = [d.text for d in minutes(said).decisions]
    assert not any("lägger kopior där" in t for t in got), got  # the amended plan, not what the recap settles


def test_a_reopened_decision_settled_again_by_a_pointing_close_is_named_by_the_sentences_after_it() -> None:
    said = [
        ("S1", "Jag vill att vi har öppet varje kväll från tjugonde till tjugofemte december."),
        ("S2", "Jag kan ta två kvällar."),
        ("S1", "Då har vi öppet varje kväll, tjugonde till tjugofemte. Med gröt på julafton."),
        ("S3", "Vänta lite. Köket är upptaget på julafton till klockan åtta."),
        ("S1", "Klockan åtta? Då är gröten kall."),
        ("S2", "Min bror har ett café. Han kan koka gröten och vi hämtar den klockan åtta."),
        ("S1", "Då gör vi så. Öppet varje kväll från tjugonde till tjugofemte, och på julafton kommer gröten från "
               "caféet klockan åtta."),
        ("S3", "Bra."),
    ]  # fmt: skip
    got = [d.text for d in minutes(said).decisions]
    assert any("caféet" in t for t in got), got
    assert not any("att göra." in t for t in got), got


def test_the_speakers_own_fallback_is_not_folded_into_the_decision_before_it() -> None:
    said = [
        ("S2", "I mars har vi mycket. Jag behöver folk som jobbar på söndagar."),
        ("S3", "Jag vill inte bli tvingad. Jag har hunden varannan vecka."),
        ("S1", "Jag föreslår att söndagarna blir frivilliga. Ingen tvingas. Tillägget betalas som vanligt, och den "
               "som vill tar passet. Får vi inte ihop det tar jag själv passet. Är vi eniga?"),
        ("S3", "Ja."),
        ("S2", "Ja. Då är vi eniga."),
    ]  # fmt: skip
    got = [d.text for d in minutes(said).decisions]
    assert got and not any("jag själv" in t or "själv passet" in t for t in got), got


def test_what_the_group_gets_said_against_a_proposal_is_no_close_of_it() -> None:
    said = [
        ("S1", "Juniorerna. Kassören?"),
        ("S2", "Vi har trettio juniorer nu. Tränarna får för lite. Så jag föreslår att vi höjer juniorernas avgift "
               "med hundra kronor, och att det går till tränarna."),
        ("S3", "Vänta. Vi får bidrag från kommunen för juniorerna, och villkoret för bidraget har avgiften med "
               "under femhundra. Vi ligger på fyrahundra."),
        ("S2", "Det visste jag inte."),
    ]  # fmt: skip
    got = [d.text for d in minutes(said).decisions]
    assert not any("bidrag från kommunen" in t for t in got), got
