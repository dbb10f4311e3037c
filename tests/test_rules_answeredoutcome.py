"""What the one who leads says once the room has answered (rules/answeredoutcome.py), an offer of what the group
can do stated as what it does (rules/offeredplan.py), an alternative chosen with an imperative
(rules/imperatives.py) and a rule from today on a matter the leader raised (rules/rulings.py).

Hand-made exchanges in settings of their own, and the same shapes where the room refused or nothing was put to it.
"""

from __future__ import annotations

from tests.test_rules_robust_cues import texts


def test_the_outcome_after_a_show_of_hands() -> None:
    said = [
        ("S2", "Vi kunde ha öppet i stugan vid sjön varannan söndag, för familjerna."),
        ("S3", "Det blir en timme extra för den som städar, inte mer."),
        ("S1", "Det ryms i budgeten. Räck upp handen om ni vill ha stugan öppen varannan söndag."),
        ("S2", "Ja."),
        ("S3", "Ja, upp med den."),
        ("S1", "Alla tre. Då får stugan öppet varannan söndag från och med maj. Erik, kan du ordna nycklarna?"),
    ]
    got = texts(said)
    assert any(t.startswith("Stugan får öppet varannan söndag") for t in got)


def test_the_outcome_after_the_room_says_yes_to_a_name() -> None:
    said = [
        ("S2", "Vem ska hålla talet på jubileet?"),
        ("S3", "Min bror Leif vill gärna. Han har varit med i fyrtio år."),
        ("S1", "Vad säger ni om Leif?"),
        ("S2", "Ja, han pratar bra."),
        ("S4", "Ja. Han kan alla gamla historier."),
        ("S1", "Då blir Leif talare. Olof, du frågar honom om han vill ha mikrofon?"),
    ]
    got = texts(said)
    assert any("Leif blir talare" in t for t in got)


def test_no_outcome_when_the_room_refused() -> None:
    said = [
        ("S2", "Vem ska hålla talet på jubileet?"),
        ("S1", "Vad säger ni om Leif?"),
        ("S2", "Nej, han pratar för länge."),
        ("S1", "Då blir Leif besviken."),
    ]
    assert not any("Leif blir" in t for t in texts(said))


def test_an_offer_of_what_we_can_do_stated_by_another() -> None:
    said = [
        ("S2", "Kan vi inte flytta inventeringen till oktober? I september har vi mässan."),
        ("S3", "Det kan vi inte. Revisorn vill ha siffrorna före oktober. Men vi kan räkna två hyllor om dagen."),
        ("S1", "Vi räknar två hyllor om dagen från första september. Jag lägger in det i schemat."),
    ]
    got = texts(said)
    assert any("räkna två hyllor om dagen" in t for t in got)


def test_an_offer_restated_by_the_one_who_made_it_after_a_reluctant_yes() -> None:
    said = [
        ("S2", "Jag har en sak om kopiatorn. Den drar in tre ark i taget. Jag tycker att vi ska köpa en ny."),
        ("S1", "En ny har vi inte råd med, Erik. Men vi kan serva den gamla. Det kostar sexhundra."),
        ("S2", "Den gamla blir inte ny av det. Men okej, den blir bättre än nu."),
        ("S1", "Då servar vi kopiatorn i mars, och jag ringer firman i morgon."),
    ]
    got = texts(said)
    assert any("serva kopiatorn i mars" in t for t in got)


def test_an_offer_refused_is_not_stated_as_decided() -> None:
    said = [
        ("S1", "Men vi kan serva den gamla kopiatorn. Det kostar sexhundra."),
        ("S2", "Nej, den är inte värd det."),
        ("S1", "Då servar vi kopiatorn i mars."),
    ]
    assert not any("serva kopiatorn" in t for t in texts(said))


def test_the_alternative_a_member_offered_chosen_with_an_imperative() -> None:
    said = [
        ("S1", "Verkstaden. Den har vi skjutit på länge nu."),
        ("S2", "Och stegarna. Tre av dem har trasiga fötter. Folk halkar på golvet."),
        ("S1", "Hur mycket kostar nya?"),
        ("S2", "Tvåtusen styck. Eller så byter jag fötterna för hundra per stege."),
        ("S1", "Byt fötterna. Det är billigare och det går fortare. Erik byter fötterna på alla tre stegarna."),
    ]
    got = texts(said)
    assert any("Erik byter fötterna på alla tre stegarna" in t for t in got)


def test_an_imperative_without_an_alternative_offered_decides_nothing() -> None:
    said = [
        ("S2", "Och stegarna. Tre av dem har trasiga fötter."),
        ("S1", "Byt fötterna. Du vet var verktygen ligger."),
    ]
    assert not texts(said)


def test_a_rule_from_today_on_a_matter_the_leader_raised_and_others_answered() -> None:
    said = [
        ("S1", "Nycklarna. Det har hänt två gånger att nycklarna till hallen legat kvar i dörren över natten."),
        ("S2", "Det var inte vi. Det var kvällsgruppen."),
        ("S1", "Jag säger inte vem. Från och med i dag lämnas alla nycklar i skåpet på kansliet, innan man går hem."),
    ]
    got = texts(said)
    assert any("nycklar i skåpet" in t for t in got)


def test_a_recurring_practice_given_its_first_date() -> None:
    said = [
        ("S1", "Och en sak till. Den första lördagen i varje månad har vi öppet hus i verkstaden, utan anmälan."),
        ("S2", "Ja, det var roligt när vi provade i höstas."),
        ("S3", "Får jag visa svarven då?"),
        ("S1", "Du får visa svarven. Första gången blir lördagen den femte april. Erik, kan du sätta upp en lapp?"),
    ]
    got = texts(said)
    assert any("öppet hus" in t and "femte april" in t for t in got)


def test_a_custom_alone_is_no_new_practice() -> None:
    said = [
        ("S1", "Den första lördagen i varje månad har vi öppet hus i verkstaden."),
        ("S2", "Ja, det brukar komma folk."),
    ]
    assert not any("öppet hus" in t for t in texts(said))


def test_the_outcome_when_one_answers_yes_and_the_next_goes_on() -> None:
    said = [
        ("S2", "Vem ska hålla talet på jubileet?"),
        ("S1", "Vad säger ni om Leif?"),
        ("S2", "Ja, han pratar bra."),
        ("S4", "Han kan alla gamla historier från sextiotalet."),
        ("S1", "Då blir Leif talare. Olof, du frågar honom?"),
    ]
    assert any("Leif blir talare" in t for t in texts(said))
