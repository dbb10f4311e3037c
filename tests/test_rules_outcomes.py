"""The outcome of a discussion stated plainly, without a decision word (minutes/rules/outcomes.py).

Each test is a hand-made Swedish exchange, written apart from the dev meetings: others speak on a matter,
then one member states how it will be - the outcome after others agreed, the value arrived at, an
arrangement from a day on, the result of a vote counted, a conditional plan with its fallback, an offer
taken. The same words as a hypothetical ("Sänker vi priset tappar vi marginalen"), without agreement,
without a count, or with nothing discussed before decide nothing.
"""

from __future__ import annotations

from tests.test_rules_robust_cues import minutes, texts


def test_the_outcome_after_others_agreed_is_a_decision_with_its_subject_first() -> None:
    said = [
        ("S2", "Bussen till lägret är för liten, vi är trettio barn i år."),
        ("S3", "Åkeriet i byn har en större buss som är ledig den veckan."),
        ("S2", "Ja, okej. Det blir dyrare, men okej."),
        ("S1", "Då åker lägret med åkeriets stora buss i år."),
    ]
    got = minutes(said).decisions
    assert [d.text for d in got] == ["Lägret åker med åkeriets stora buss i år."]
    assert got[0].needs_review  # said without a decision word
    objected = [*said[:2], ("S2", "Nej, det har vi inte råd med."), said[3]]
    assert not texts(objected)  # nobody agreed: a remark, not the outcome


def test_a_clause_that_opens_with_its_verb_is_a_hypothetical() -> None:
    said = [
        ("S2", "Ska vi sänka priset på kaffet till tio kronor?"),
        ("S3", "Det går knappt ihop som det är."),
        ("S1", "Sänker vi priset tappar vi hela marginalen."),
    ]
    assert not texts(said)
    said[2] = ("S1", "Höjer vi inte nu får vi betala mellanskillnaden själva.")
    assert not texts(said)


def test_the_value_the_talk_arrived_at() -> None:
    said = [
        ("S2", "Femtio kronor i anmälningsavgift är för lite, det täcker inte ens fikat."),
        ("S3", "Hundra kronor i avgift kan jag leva med."),
        ("S1", "Då säger vi hundra kronor i anmälningsavgift från hösten."),
    ]
    assert texts(said) == ["Hundra kronor i anmälningsavgift från hösten."]
    assert not texts([("S1", "Då säger vi hundra kronor i anmälningsavgift från hösten.")])  # nothing discussed


def test_an_arrangement_from_a_day_on() -> None:
    said = [
        ("S2", "Ingen kommer till biblioteket på måndagar, vi sitter där och väntar."),
        ("S3", "Vi kan lägga de timmarna på lördagen i stället."),
        ("S1", "Okej, från första mars är biblioteket stängt på måndagar och öppet längre på lördagar."),
    ]
    assert texts(said) == ["Från första mars är biblioteket stängt på måndagar och öppet längre på lördagar."]
    said[2] = ("S1", "Från första mars är biblioteket stängt på måndagar om kommunen går med på det.")
    assert not texts(said)  # a condition on another body


def test_the_result_of_a_vote_counted_in_the_meeting() -> None:
    said = [
        ("S2", "Julfesten kostar mer än den ger, jag vill ta bort den."),
        ("S3", "Men barnen älskar julfesten."),
        ("S1", "Vi röstar. Räck upp handen den som vill behålla julfesten. Fyra. Och ta bort? Två."),
        ("S2", "Okej, jag ger mig."),
        ("S1", "Då blir julfesten kvar."),
    ]
    assert texts(said) == ["Julfesten blir kvar, efter omröstning."]
    uncounted = [*said[:2], ("S1", "Vi röstar på det nästa gång."), said[3], said[4]]
    assert "Julfesten blir kvar, efter omröstning." not in texts(uncounted)


def test_a_conditional_plan_with_its_fallback() -> None:
    said = [
        ("S2", "Isen på sjön är bara åtta centimeter, det håller inte för skridskodagen."),
        ("S3", "Det ska vara kallt hela veckan."),
        ("S1", "Har isen växt till femton centimeter på torsdag så kör vi skridskodagen på lördag. "
               "Annars blir det lördagen efter."),
    ]  # fmt: skip
    got = texts(said)
    assert len(got) == 1 and "skridskodagen på lördag" in got[0] and "Annars" in got[0]
    said[2] = ("S1", "Har isen växt till femton centimeter på torsdag så kör vi skridskodagen på lördag.")
    assert not texts(said)  # no fallback said: a thought, not the plan


def test_an_offer_taken() -> None:
    said = [
        ("S2", "Vi har två offerter på fönstren, Bergs snickeri och en firma från stan."),
        ("S3", "Bergs är billigast och har gjort kyrkan."),
        ("S1", "Vi antar Bergs offert."),
    ]
    assert texts(said) == ["Mötet beslutade att anta Bergs offert."]
    said = [
        ("S2", "Tryckeriet erbjuder oss affischerna gratis om vi har deras logga på dem."),
        ("S3", "Det är ju bra, loggan är liten."),
        ("S1", "Då tar vi erbjudandet."),
    ]
    got = texts(said)
    assert len(got) == 1 and "affischerna gratis" in got[0]


def test_a_thing_and_its_settling_in_one_sentence() -> None:
    said = [
        ("S2", "Barnen syns inte på vägen till skogen när det är mörkt."),
        ("S3", "Köp reflexvästar till alla, de kostar nästan ingenting."),
        ("S1", "Ja. Reflexvästar på alla barn vid utflykter, det kör vi på."),
    ]
    assert texts(said) == ["Reflexvästar på alla barn vid utflykter."]


def test_a_member_giving_in_leaves_the_outcome_to_the_next_speaker() -> None:
    said = [
        ("S2", "Pengarna räcker till antingen nya nät eller målningen av läktaren."),
        ("S3", "Näten är trasiga, vi kan inte spela matcher med dem."),
        ("S2", "Okej, okej. Näten då. Men läktaren nästa år."),
        ("S1", "Då köper vi nya nät i år, och läktaren målar vi nästa år."),
    ]
    assert texts(said) == ["Mötet beslutade att köpa nya nät i år, och läktaren målar vi nästa år."]
    said = [
        ("S2", "Ska julbordet vara på restaurangen eller här i lokalen?"),
        ("S3", "Här i lokalen blir det billigare och vi slipper taxi."),
        ("S2", "Okej. Jag köper det. Lokalen då."),
        ("S1", "Bra. Julbordet dukas upp här i lokalen."),
    ]
    assert texts(said) == ["Julbordet dukas upp här i lokalen."]


def test_the_groups_plan_after_others_agreed() -> None:
    said = [
        ("S2", "Drop-in på fredagar fungerar inte, det kommer för många samtidigt."),
        ("S3", "Om de som inte kan boka själva får ringa, så är jag med."),
        ("S1", "Då tar vi bort drop-in på fredagar från april."),
    ]
    assert texts(said) == ["Mötet beslutade att ta bort drop-in på fredagar från april."]
    said[1] = ("S3", "Jag vet inte, många äldre klarar inte att boka.")
    assert not texts(said)  # nobody agreed: a proposal, not the outcome


def test_a_short_yes_to_what_a_member_wants_to_do() -> None:
    said = [
        ("S2", "Biblioteket. Många föräldrar frågar efter sagostunder."),
        ("S3", "Jag vill starta sagostunder för småbarn på lördagsförmiddagar, fyra gånger i höst."),
        ("S1", "Kör på det. Det kostar ju ingenting."),
    ]
    wanted = "Mötet beslutade att starta sagostunder för småbarn på lördagsförmiddagar, fyra gånger i höst."
    assert texts(said) == [wanted]
    said[2] = ("S1", "Jag vet inte. Det kostar ju personal.")
    assert not texts(said)


def test_a_summary_put_as_a_question_and_confirmed() -> None:
    said = [
        ("S2", "Ska vi höja hyran för festlokalen?"),
        ("S3", "Hyran för medlemmar kan ligga kvar, men andra kan betala mer."),
        ("S2", "Så medlemmarna betalar som förut, och andra betalar femhundra mer. Är det så vi säger?"),
        ("S1", "Exakt så."),
    ]
    got = texts(said)
    assert len(got) == 1 and "andra betalar femhundra mer" in got[0]


def test_nothing_of_a_thing_when_nobody_can_do_it() -> None:
    said = [
        ("S1", "Bra. Höstfesten. Jag har letat i en månad, men ingen vill hålla i den."),
        ("S2", "Jag kan inte, jag jobbar helger."),
        ("S3", "Jag är bortrest hela oktober."),
        ("S1", "Nej. Då blir det ingen höstfest i år. Tråkigt, men så är det."),
    ]
    assert texts(said) == ["Det blir ingen höstfest i år."]


def test_hands_counted_by_name_in_the_callers_own_turn_and_the_winner_said_alone() -> None:
    said = [
        ("S2", "Jag vill ha Björken, den låter som en riktig båt."),
        ("S3", "Trutten är roligare, barnen kommer att älska den."),
        ("S1", "Vi räcker upp händerna. Björken? Anna, Karl och jag. Tre. Trutten? Sara. En. Björken."),
    ]
    got = texts(said)
    assert len(got) == 1 and got[0].startswith("Björken") and "omröstning" in got[0]
    told = [*said[:2], ("S1", "Vi röstar. Räck upp handen för Björken. Anna, Karl. Två. Trutten? Sara och jag. Två.")]
    assert not texts(told)  # a tie, no winner said
