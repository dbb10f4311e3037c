"""A question put to the room, the answers that pass it and the caller's close (rules/roomcall.py).

Each exchange is hand-made in a setting of its own, written apart from the dev meetings: a call for objections
answered "no", a call for agreement answered "yes", a call that names its matter, a close that states the
outcome, a member who settles it in the answer. The same calls objected to, asked back, turned down by the
caller or put to one person decide nothing.
"""

from __future__ import annotations

from tests.test_rules_robust_cues import texts


def test_a_bare_call_for_objections_answered_no_and_closed_by_a_formula_decides_the_restatement() -> None:
    said = [
        ("S2", "Korven tar slut varje gång, vi hade för lite i maj."),
        ("S3", "Och folk vill ha vegetariskt också."),
        ("S1", "Så, sextio korvar och tjugo halloumi till sommarfesten."),
        ("S1", "Invändningar?"),
        ("S2", "Nej."),
        ("S3", "Inga."),
        ("S1", "Bra, så blir det."),
    ]
    got = texts(said)
    assert len(got) == 1 and "korvar" in got[0] and "halloumi" in got[0]
    objected = [*said[:4], ("S2", "Ja, jag tycker att tjugo halloumi är för mycket."), said[6]]
    assert not any("halloumi" in t for t in texts(objected))


def test_the_close_that_states_the_outcome_is_the_decision() -> None:
    said = [
        ("S2", "Eleverna glömmer alltid sina skyddsglasögon hemma."),
        ("S3", "Vi kunde ha en låda med långlasögon i slöjdsalen."),
        ("S1", "Någon som tycker att det är onödigt?"),
        ("S3", "Nej. De kostar nästan ingenting."),
        ("S1", "Då köper skolan en låda skyddsglasögon till slöjdsalen."),
    ]
    assert texts(said) == ["Skolan köper en låda skyddsglasögon till slöjdsalen."]
    asked_back = [*said[:3], ("S3", "Vem ska hålla ordning på dem?"), said[4]]
    assert not any("skyddsglasögon till slöjdsalen" in t for t in texts(asked_back))


def test_a_call_that_names_its_matter_decides_it_when_the_close_names_nothing() -> None:
    said = [
        ("S2", "Körövningen krockar med handbollen på onsdagar."),
        ("S3", "Torsdagar är lediga i församlingshemmet."),
        ("S1", "Kör vi så, torsdagar från februari?"),
        ("S2", "Japp."),
        ("S3", "Ja."),
        ("S1", "Då är det torsdagar."),
    ]
    got = texts(said)
    assert len(got) == 1 and "torsdagar från februari" in got[0].lower()
    to_one = [*said[:2], ("S1", "Kan du fråga vaktmästaren om torsdagar från februari?"), *said[3:]]
    assert not any("februari" in t for t in texts(to_one))  # put to one person: a task, not a decision


def test_a_member_settles_the_question_in_the_answer() -> None:
    said = [
        ("S2", "Om det blåser mer än tolv meter i sekunden kan vi inte ha kajakerna ute."),
        ("S1", "Så här: blåser det mer än tolv meter så paddlar vi i hamnbassängen, annars går vi ut runt udden."),
        ("S1", "Är det rätt uppfattat, Lisa?"),
        ("S2", "Ja. Så gör vi."),
    ]
    got = texts(said)
    assert len(got) == 1 and "hamnbassängen" in got[0] and "udden" in got[0]


def test_the_caller_turning_it_down_or_moving_on_to_a_new_matter_adds_no_false_decision() -> None:
    said = [
        ("S2", "Vi kunde hyra ut bastun till företag på vardagar."),
        ("S1", "Alla okej med det?"),
        ("S2", "Ja."),
        ("S1", "Nej, vänta, vi måste fråga försäkringsbolaget först."),
    ]
    assert not texts(said)
    moved_on = [
        ("S2", "Grillen på gården är trasig igen."),
        ("S1", "Vi köper en ny gasolgrill till gården före maj. Alla med på det?"),
        ("S2", "Ja."),
        ("S3", "Mm."),
        ("S1", "Parkeringen."),
        ("S1", "Vi har fått klagomål på bilar som står på gräset."),
    ]
    got = texts(moved_on)
    assert len(got) == 1 and "gasolgrill" in got[0] and "gräset" not in got[0]
