"""Nothing stated as decided that was not: the meeting's say denied, a plan struck by its speaker, another body's
decision told (rules/retracted.py, rules/takenback.py, rules/otherbody.py).

Hand-made exchanges in settings of their own, written apart from the dev meetings; beside each, the same words where
the meeting did decide, so that a rule dropping everything fails.
"""

from __future__ import annotations

from tests.test_rules_robust_cues import minutes


def texts(turns: list[tuple[str, str]], unsure: frozenset[str] = frozenset()) -> list[str]:
    """The decisions' texts, as a reader of the draft sees them; words in `unsure` heard below 0.5."""
    return [d.text for d in minutes(turns, unsure=unsure).decisions]


def test_a_members_ruling_another_says_is_not_the_meetings_to_make_is_none() -> None:
    for answer in (
        "Det kan vi inte, Pia. Det är inte vårt beslut.",
        "Pia, vi kan inte bestämma vad banken gör med räntan.",
        "Det kan inte vi bestämma här, det är huvudkontoret.",
        "Nej, det är inte vi som bestämmer det.",
    ):
        said = [
            ("S1", "Sen räntan på lånet till klubbstugan."),
            ("S2", "Den är alldeles för hög. Vi bestämmer att räntan på lånet sänks till två procent."),
            ("S3", answer),
            ("S1", "Men vi kan skriva till banken och fråga."),
        ]
        assert not any("räntan" in t for t in texts(said)), answer
    kept = [*said[:2], ("S3", "Det låter bra."), ("S1", "Men vi kan skriva till banken och fråga.")]
    assert any("räntan" in t for t in texts(kept))


def test_the_one_who_decided_saying_later_that_a_matter_is_not_ours_keeps_his_decision() -> None:
    said = [
        ("S2", "Jag ringer hyresgästerna i dag och berättar att vattnet stängs av."),
        ("S1", "Bra. Då stänger vi av vattnet på tisdag förmiddag."),
        ("S2", "Och jag tycker vi köper en ny pump till tvättstugan."),
        ("S1", "Det kan vi inte bestämma här, det är föreningens budget."),
    ]
    assert any("vattnet" in t for t in texts(said))


def test_a_plan_struck_by_its_speaker_after_an_objection_goes_with_the_proposal_it_closed() -> None:
    said = [
        ("S1", "Tack. Då lotteriet. I fjol sålde vi lotter vid entrén. Jag tänkte att vi gör det igen."),
        ("S2", "Hon har massor."),
        ("S1", "Då beslutar vi att vi säljer lotter vid entrén som i fjol."),
        ("S3", "Vänta. Polisen sa i höstas att vi behöver tillstånd för lotterier nu, och det har vi inte."),
        ("S1", "Det visste jag inte. Då får vi stryka det jag just sa."),
        ("S2", "Vi kan ha en tipspromenad i stället, den kräver inget tillstånd."),
    ]
    assert not any("lotter" in t for t in texts(said))
    kept = [*said[:3], ("S3", "Bra, jag tar med lotterna.")]
    assert any("lotter" in t for t in texts(kept))


def test_a_decision_on_an_earlier_matter_by_the_same_speaker_stays_when_a_later_plan_is_struck() -> None:
    said = [
        ("S1", "Då beslutar vi att medlemsavgiften blir tvåhundra kronor för vuxna och att barn går gratis."),
        ("S2", "Jag ändrar på hemsidan i morgon."),
        ("S1", "Tack. Så lotteriet. I fjol sålde vi lotter vid entrén. Jag tänkte att vi gör det igen."),
        ("S2", "Hon har massor av priser."),
        ("S1", "Då beslutar vi att vi säljer lotter vid entrén som i fjol."),
        ("S3", "Vänta. Vi behöver tillstånd för lotterier nu, och det har vi inte."),
        ("S1", "Det visste jag inte. Då får vi stryka det jag just sa."),
    ]
    got = texts(said)
    assert any("tvåhundra" in t for t in got)
    assert not any("lotter" in t for t in got)


def test_what_was_said_on_a_matter_named_as_no_longer_holding_is_none_and_the_new_course_is() -> None:
    said = [
        ("S2", "Jag föreslår att vi tar trettio kronor i entré till loppisen, som förra året."),
        ("S1", "Trettio kronor. Alla med på det?"),
        ("S3", "Ja."),
        ("S1", "Bra, trettio kronor i entré då."),
        ("S3", "Sen annonserna. Jag kan sätta upp lappar på biblioteket och i affären."),
        ("S1", "Gör det."),
        ("S2", "En sak till. Om vi får hyra skolans aula gratis får vi inte ta betalt."),
        ("S1", "Okej. Då gäller inte det vi sa om entrén. Då beslutar vi att loppisen är gratis och att vi hyr aulan."),
    ]
    got = texts(said)
    assert not any("trettio" in t for t in got)
    assert any("aulan" in t for t in got)
    kept = said[:6]
    assert any("trettio" in t for t in texts(kept))


def test_another_bodys_decision_closed_as_passed_elsewhere_is_not_the_meetings() -> None:
    said = [
        ("S1", "Det stora är vårdcentralen. Regionen har beslutat att den stänger på lördagar från mars."),
        ("S1", "Det är klubbat regionfullmäktige, det kan vi inte ändra på."),
        ("S2", "Det är tråkigt för de äldre."),
    ]
    assert not texts(said)
    ours = [
        ("S1", "Det stora är vårdcentralen. Vi föreslår att föreningen ordnar skjuts på lördagar från mars."),
        ("S2", "Ja."),
        ("S1", "Det är klubbat."),
    ]
    assert any("skjuts" in t for t in texts(ours))


def test_another_bodys_decision_with_its_verb_misheard_is_not_the_meetings() -> None:
    said = [
        ("S1", "Det stora är ombyggnaden. Förbundet i men att alla banor ska bytas från augusti."),
        ("S1", "Det är klubbat i men, det kan vi inte göra något åt."),
        ("S2", "Var ska vi spela då?"),
    ]
    assert not texts(said, unsure=frozenset({"i", "men"}))
    ours = [
        ("S1", "Det stora är ombyggnaden. Vi bestämmer att alla banor ska bytas från augusti."),
        ("S2", "Var ska vi spela då?"),
    ]
    assert any("banor" in t for t in texts(ours, unsure=frozenset({"i", "men"})))


def test_a_meeting_that_says_at_its_opening_it_is_not_quorate_decides_nothing() -> None:
    opening = "Välkomna. Vi är nio i styrelsen och bara fyra här, så vi är inte beslutsföra i kväll."
    talk = [
        ("S2", "Kaffebryggaren i köket har gått sönder igen."),
        ("S3", "Jag föreslår att vi köper en ny kaffebryggare."),
        ("S1", "Då beslutar vi att vi köper en ny kaffebryggare."),
    ]
    assert not texts([("S1", opening), *talk])
    assert any("kaffebryggare" in t for t in texts([("S1", "Välkomna. Vi är nio här i kväll."), *talk]))


def test_a_sum_of_what_is_left_is_no_decision() -> None:
    said = [
        ("S1", "Sen Görans önskan. En ny gräsklippare för nio tusen."),
        ("S2", "Vi har elva tusen i kassan efter hyran. Då har vi två tusen kvar till hela året."),
        ("S3", "Den gamla går ju fortfarande."),
    ]
    assert not any("kvar" in t for t in texts(said))
    decided = [*said, ("S1", "Då beslutar vi att vi köper en ny gräsklippare i vår.")]
    assert any("gräsklippare" in t for t in texts(decided))
