"""Words near a decision that decide nothing themselves (rules/decisions.py, rules/takenup.py).

Hand-made exchanges in settings of their own, written apart from the dev meetings: leave to go and a member's offer
worded as a permission, a judgement or another's wish just before a close, a body agreeing with a view, a member's
suggestion the chair puts as her own proposal; beside each, the same words where something was decided.
"""

from __future__ import annotations

from tests.test_rules_robust_cues import texts


def test_leave_to_go_and_an_offer_of_company_are_no_permissions_decided() -> None:
    leave = [
        ("S2", "Jag måste hämta på förskolan halv fem."),
        ("S1", "Tack, Karin. Informationen noteras. Du får gå när du behöver."),
    ]
    assert not any("får gå" in t for t in texts(leave))
    offer = [
        ("S2", "Jag vill gärna dela ut flygblad, men jag hittar inte i området."),
        ("S3", "Du får gå med mig, jag har bott här i trettio år."),
    ]
    assert not any("får gå" in t for t in texts(offer))
    granted = [
        ("S1", "Och så resan till mässan som du frågade om."),
        ("S1", "Den kostar tretusen, och det finns plats i budgeten, så du får åka på den."),
    ]
    granted = [("S2", "Kan jag få åka på mässan i Göteborg i vår?"), *granted]
    assert any("får åka" in t for t in texts(granted))


def test_a_judgement_or_anothers_wish_before_a_close_is_not_what_was_settled() -> None:
    said = [
        ("S1", "Samir vill börja köra själv. Lotta, hur går det?"),
        ("S2", "Han backar bra nu. Fickparkering är svårare. Men en kort tur i byn klarar han."),
        ("S1", "Då gör vi så."),
    ]
    assert not any("klarar han" in t for t in texts(said))
    wish = [
        ("S1", "Inga leveranser till Ystad på måndagar. Ola, kan du lägga schemat så?"),
        ("S2", "Det går. Ystad vill ändå helst ha onsdagar."),
        ("S1", "Då säger vi så."),
    ]
    assert not any("vill ändå" in t for t in texts(wish))


def test_a_body_agreeing_with_a_view_decides_nothing() -> None:
    said = [
        ("S2", "Bryggan är murken, jag föreslår att vi bygger en ny i sommar."),
        ("S3", "Vi har inte pengar till det i år."),
        ("S1", "Styrelsen håller med om att bryggan är dålig. Men vi föreslår att vi lagar de sämsta plankorna nu."),
    ]
    assert not any("hålla med" in t for t in texts(said))


def test_a_members_suggestion_the_chair_puts_as_her_own_proposal_is_one_decision() -> None:
    said = [
        ("S1", "Vinterschemat. Förra vintern började vi sju och det var mörkt ute hela förmiddagen."),
        ("S2", "Vi satt och väntade på att det skulle ljusna."),
        ("S3", "Börja åtta då. Och sluta fyra."),
        ("S2", "Det passar mig bra, jag lämnar på förskolan först."),
        ("S1", "Mitt förslag är att vi börjar klockan åtta i vinter och slutar klockan fyra. Räck upp handen."),
        ("S2", "Ja."),
        ("S3", "Ja."),
        ("S1", "Alla. Då börjar vi åtta och slutar fyra från första november."),
    ]
    got = texts(said)
    assert len([t for t in got if "åtta" in t]) == 1, got
