"""Decisions the room settles by its assent (rules/roomassent.py).

Hand-made exchanges in settings of their own: a matter put to the room by anyone (a plan for the group, a statement
with a tag asking for assent, a choice put as a question), answered by assent alone, and the talk moving on; and the
same shapes where the answer only hears it, where it is a task for one person, a remark, or objected to at once.
"""

from __future__ import annotations

from tests.test_rules_robust_cues import texts


def test_a_members_plan_judged_right_by_another() -> None:
    said = [
        ("S1", "Hyresgästerna i källaren har klagat på lukten från soprummet."),
        ("S2", "Det är tredje gången i år. Jag tycker vi byter till sopkärl med lock och tömning varje vecka."),
        ("S1", "Självklart. Ingen ska behöva gå förbi det där."),
        ("S3", "Förresten, trappstädningen. Vem har listan?"),
    ]
    got = texts(said)
    assert any("sopkärl med lock" in t for t in got)


def test_a_rule_from_now_on_answered_that_it_is_right() -> None:
    said = [
        ("S1", "Verktygen. Borrmaskinen låg ute i regnet igen i helgen."),
        ("S2", "Så från och med nu lämnar vi alltid tillbaka verktygen i skåpet innan vi går hem."),
        ("S3", "Det är rätt."),
        ("S1", "Bra. Nästa sak är julbordet."),
    ]
    got = texts(said)
    assert any("verktygen i skåpet" in t for t in got)


def test_a_price_put_with_a_tag_and_answered_yes() -> None:
    said = [
        ("S1", "Caféet i simhallen. Kaffet har kostat femton kronor i tio år."),
        ("S2", "Ja. Kaffet i caféet blir tjugofem kronor från nästa månad, det är vi väl överens om?"),
        ("S3", "Ja ja, självklart."),
        ("S2", "Bra. Och så våffeljärnet. Det har gått sönder igen."),
    ]
    got = texts(said)
    assert any("tjugofem kronor" in t for t in got)


def test_a_choice_answered_by_one_side_and_accepted() -> None:
    said = [
        ("S1", "Midsommar. Ska vi ha caféet öppet på midsommarafton eller inte?"),
        ("S2", "Nej, stängt. Ingen kommer till bryggan den dagen, alla är på ängen."),
        ("S1", "Okej."),
        ("S3", "Jag sätter upp en lapp på dörren."),
        ("S1", "Sen båtarna."),
    ]
    got = texts(said)
    assert any("inte ha caféet öppet på midsommarafton" in t for t in got)
    assert not any("att ha caféet öppet" in t for t in got)


def test_a_plan_said_with_false_starts_and_closed_by_it_will_be_good() -> None:
    said = [
        ("S1", "Snöskottningen runt förskolan. Hur gör vi i vinter?"),
        ("S2", "Så vi, eh, vi tar... alltså, vi turas om med skottningen, en vecka var, Kalle börjar."),
        ("S1", "Det blir bra."),
        ("S3", "Jag har en sak om sandlådan."),
    ]
    got = texts(said)
    assert any("turas om med skottningen" in t for t in got)


def test_how_the_group_acts_asked_answered_and_accepted_before_the_next_subject() -> None:
    said = [
        (
            "S1",
            "Lekplatsen vid skolan. Föräldrarna vill att vi tittar på gungorna oftare. Hur ofta ska vi besiktiga dem?",
        ),
        ("S2", "En gång i månaden. Första måndagen, innan barnen kommer."),
        ("S1", "Mm. Parkeringen då."),
        ("S3", "Där står fortfarande den gamla husvagnen."),
    ]
    got = texts(said)
    assert any("besiktiga" in t and "första måndagen" in t.lower() for t in got)


def test_who_does_it_asked_and_offered_is_no_decision() -> None:
    said = [
        ("S1", "Vem ska hämta nycklarna hos vaktmästaren?"),
        ("S2", "Jag kan ta det på fredag."),
        ("S1", "Bra. Sen julfesten."),
    ]
    assert not any("nycklarna" in t for t in texts(said))


def test_a_plan_only_heard_with_okay_is_not_settled() -> None:
    said = [
        ("S1", "Vi har fått ett erbjudande om ny kaffemaskin."),
        ("S2", "Vi köper den nya kaffemaskinen från Bergs för sextusen."),
        ("S1", "Okej."),
        ("S3", "Har någon sett min mössa?"),
    ]
    assert not any("kaffemaskin" in t for t in texts(said))


def test_a_request_to_one_person_answered_yes_is_no_decision() -> None:
    said = [
        ("S1", "Elen i förrådet har gått igen."),
        ("S1", "Sara, kan du ringa elfirman i morgon?"),
        ("S2", "Ja."),
        ("S3", "Och nästa punkt är vårstädningen."),
    ]
    assert not any("elfirman" in t for t in texts(said))


def test_a_remark_with_a_tag_answered_yes_is_no_decision() -> None:
    said = [
        ("S1", "Välkomna. Du kom med sista bussen, va?"),
        ("S2", "Ja."),
        ("S1", "Bra. Då börjar vi med ekonomin."),
    ]
    assert not any("bussen" in t for t in texts(said))


def test_a_plan_objected_to_right_after_the_assent_is_not_settled() -> None:
    said = [
        ("S1", "Jag tycker vi flyttar årsfesten till församlingshemmet i år."),
        ("S2", "Det är rätt."),
        ("S3", "Nej, vänta. Församlingshemmet är uthyrt hela maj."),
        ("S1", "Då får vi tänka om."),
    ]
    assert not any("församlingshemmet" in t for t in texts(said))
