"""The leader's close that states the plan itself (rules/statedclose.py).

Hand-made exchanges in settings of their own: a matter worked on by others and closed by the one who leads with how
it will be (after a call for objections left silent, a go-ahead, a count, a short "Okej."), and the same shapes
where the close is a remark, a plan voted down, objected to at once, or another's decision.
"""

from __future__ import annotations

from tests.test_rules_robust_cues import texts


def test_a_date_closed_after_a_call_for_objections_left_silent() -> None:
    said = [
        ("S1", "Städdagen i föreningslokalen. Vi måste hitta en dag."),
        ("S2", "Vad säger ni om fredagen den tredje mars? Då är hyresgästerna bortresta."),
        ("S3", "Det passar mig bra."),
        ("S1", "Den tredje mars. Har någon något emot det?"),
        ("S1", "Nej? Då blir städdagen fredagen den tredje mars."),
        ("S2", "Jag tar med sopsäckar."),
    ]
    got = texts(said)
    assert any("tredje mars" in t and "Städdagen" in t for t in got)


def test_a_go_ahead_and_a_thing_standing_until_a_repair() -> None:
    said = [
        ("S1", "Pumpen i ladan. Den har slutat dra vatten."),
        ("S2", "Jag kan byta packningen på pumpen på lördag. Det tar en timme."),
        ("S1", "Gör det. Pumpen står avstängd tills Per har bytt packningen, och vi bär vatten från brunnen så länge."),
        ("S3", "Då tar jag med dunkar."),
        ("S1", "Tack."),
    ]
    got = texts(said)
    assert any("Pumpen står avstängd" in t for t in got)


def test_a_time_put_first_and_the_group_as_subject() -> None:
    said = [
        ("S1", "Caféet på söndagarna. Det har varit stängt hela våren."),
        ("S2", "Jag tycker vi öppnar söndagar också, folk går förbi från badet."),
        ("S3", "Jag kan ta söndagarna i juli."),
        ("S1", "Okej. Under sommaren har vi öppet på söndagar också, tolv till fyra."),
        ("S2", "Jag sätter upp en lapp."),
        ("S1", "Bra."),
    ]
    got = texts(said)
    assert any("öppet på söndagar" in t for t in got)


def test_a_count_of_hands_closed_by_a_plan() -> None:
    said = [
        ("S2", "Jag vill att klubben åker på en utflykt till skärgården i augusti."),
        ("S1", "Räck upp en hand den som vill ha en utflykt till skärgården."),
        ("S1", "Fyra av fem. Då har klubben en utflykt till skärgården i augusti."),
        ("S3", "Jag kollar båtarna."),
        ("S1", "Tack."),
    ]
    got = texts(said)
    assert any("utflykt till skärgården" in t for t in got)


def test_a_remark_after_the_room_answered_is_no_plan() -> None:
    said = [
        ("S1", "Hur gick loppisen i lördags?"),
        ("S2", "Vi sålde för fyra tusen, mest barnkläder."),
        ("S1", "Okej. Då är barnkläderna slut till nästa gång."),
        ("S3", "Jag har två kassar till."),
        ("S1", "Fint."),
    ]
    assert texts(said) == []


def test_a_close_objected_to_at_once_is_not_settled() -> None:
    said = [
        ("S2", "Hallen på onsdagar är borta, kommunen har tagit den."),
        ("S3", "Torsdagar är lediga, har jag hört."),
        ("S1", "Okej. Då flyttar träningen till torsdagar klockan sex."),
        ("S2", "Vänta, på torsdagar har halva laget sin kör."),
        ("S1", "Det visste jag inte."),
    ]
    assert not any("torsdagar" in t for t in texts(said))


def test_another_bodys_decision_said_by_the_leader_is_none() -> None:
    said = [
        ("S2", "Kan vi inte sänka hyran för båtplatserna, folk klagar?"),
        ("S3", "Jag håller med, den är för hög."),
        ("S1", "Hyrorna sätter kommunen. Det kan vi inte bestämma själva."),
        ("S2", "Synd."),
        ("S1", "Ja."),
    ]
    assert texts(said) == []


def test_an_errand_or_a_matter_put_off_is_no_plan_of_the_group() -> None:
    said = [
        ("S2", "Fönstren i samlingssalen går inte att öppna, det blir varmt."),
        ("S3", "Fastighetsägaren har lovat att titta på dem."),
        ("S1", "Okej. Då mejlar Karin fastighetsägaren om fönstren."),
        ("S2", "Och markisen?"),
        ("S1", "Markisen tar vi nästa gång, när vi vet vad fönstren kostar."),
        ("S3", "Bra."),
    ]
    assert texts(said) == []
