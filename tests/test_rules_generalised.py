"""Decisions said in a new author's ways (rules/acceptance.py, outcomes.py, verdicts.py), and remarks that are none.

Hand-made Swedish exchanges in settings of their own, written apart from the dev meetings: a proposal put as a
question and accepted by the others, a vote by raised hands and a vote told as who won, a thing stopped, a matter
kept as it is in new words, and a remark on how people are ('Ingen läser ...'), which decides nothing.
"""

from __future__ import annotations

from tests.test_rules_robust_cues import texts


def test_a_proposal_put_as_a_question_and_accepted_by_two_others_is_decided() -> None:
    said = [
        ("S1", "Gästerna ställer sina cyklar framför nödutgången varje lördag."),
        ("S2", "Det har brandinspektören påpekat två gånger."),
        ("S1", "Ska vi bara måla en gul ruta vid nödutgången?"),
        ("S3", "Absolut."),
        ("S2", "Självklart."),
    ]
    got = texts(said)
    assert len(got) == 1 and "gul ruta" in got[0]
    one_yes = [*said[:4], ("S2", "Jag vet inte, det ser fult ut.")]
    assert not any("ruta" in t for t in texts(one_yes))  # the second answer doubts it
    asked_back = [*said[:3], ("S3", "En gul ruta?"), ("S2", "Ja.")]
    assert not any("ruta" in t for t in texts(asked_back))

    stated = [
        ("S1", "Punkt ett, dagordningen. Kan vi godkänna den som den är utskickad?"),
        ("S2", "Ja."),
        ("S3", "Ja, absolut."),
        ("S1", "Då är dagordningen godkänd. Punkt två, ekonomin."),
    ]
    assert texts(stated) == ["Dagordningen godkändes."]  # the caller states the outcome: one decision, not two


def test_a_vote_by_raised_hands_and_a_vote_told_as_who_won_decide_the_winner() -> None:
    hands = [
        ("S2", "Vi har två förslag till resan, Visby eller Tallinn."),
        ("S3", "Tallinn är billigare."),
        ("S1", "Ska vi rösta? Räck upp handen, ni som vill åka till Visby."),
        ("S2", "Här."),
        ("S4", "Här."),
        ("S3", "Inte jag."),
        ("S1", "Då blir det Visby i maj."),
    ]
    got = texts(hands)
    assert len(got) == 1 and "Visby" in got[0] and "omröstning" in got[0]
    won = [*hands[:2], ("S1", "Vi röstar. Vem vill ha Tallinn?"), ("S3", "Jag."), ("S4", "Jag."),
           ("S1", "Tre. Och Visby?"), ("S2", "Jag."), ("S1", "Tre mot ett. Tallinn vinner.")]  # fmt: skip
    got = texts(won)
    assert len(got) == 1 and "Tallinn" in got[0] and "tre mot ett" in got[0]


def test_a_thing_stopped_is_decided_with_what_the_pronoun_stands_for() -> None:
    said = [
        ("S1", "Nästa punkt, lotterierna på marknaden. De har gett oss några tusen om året."),
        ("S2", "Men lotterna tar en hel kväll att räkna varje gång."),
        ("S3", "Och vinsterna blir sämre för varje år."),
        ("S2", "Ingen vill sitta vid lotteriet längre."),
        ("S1", "Så vi slutar med det. Inga fler lotterier på marknaden."),
    ]
    got = texts(said)
    assert len(got) == 1 and "sluta med" in got[0] and "lotterier" in got[0]
    asked = [*said[:4], ("S1", "Så vi slutar med det?")]
    assert not any("sluta" in t for t in texts(asked))


def test_a_fee_left_untouched_after_others_spoke_is_kept_as_it_is() -> None:
    said = [
        ("S1", "Avgiften för terminen. Den är fyrahundra kronor nu."),
        ("S2", "Kassan går med överskott, så jag ser ingen anledning att höja avgiften."),
        ("S3", "Höj avgiften med tio kronor, så får vi nya bollar."),
        ("S1", "Ha ha. Nej. Terminsavgiften lämnar vi orörd, fyrahundra kronor."),
    ]
    got = texts(said)
    assert len(got) == 1 and "orörd" in got[0]


def test_a_remark_on_how_people_are_is_no_decision() -> None:
    said = [
        ("S1", "Vi kunde skicka påminnelserna om städdagen med mejl i stället för lappar."),
        ("S2", "Det är sant. Ingen svarar på mejl."),
        ("S3", "Ingen pensionär läser mejlen i porten heller."),
    ]
    assert not texts(said)
    rule = [*said, ("S1", "Okej, inga mejl då. Inga påminnelser utan lappar i porten.")]
    assert all("svarar" not in t and "läser" not in t for t in texts(rule))


def test_short_orders_to_a_question_on_the_table_decide_what_the_caller_then_states() -> None:
    said = [
        ("S2", "Vi kan mäta hur mycket ved som går åt under en vecka."),
        ("S3", "Vecka tio passar, då är det kallast."),
        ("S1", "Ska vi köra vecka tio då?"),
        ("S2", "Kör."),
        ("S3", "Kör."),
        ("S1", "Bra. Vedmätning vecka tio."),
    ]
    got = texts(said)
    assert len(got) == 1 and "Vedmätning vecka tio" in got[0]


def test_a_verdict_in_new_words_keeps_the_matter_or_says_none() -> None:
    kept = [
        ("S1", "Städdagen. Vi brukar ha den sista söndagen i maj."),
        ("S2", "Jag hade tänkt föreslå juni i stället, för då är det varmare."),
        ("S3", "Men i juni är halva föreningen på semester. Städdagen i maj är bättre."),
        ("S2", "Okej. Jag ger mig."),
        ("S1", "Då blir det som vanligt, sista söndagen i maj."),
    ]
    got = texts(kept)
    assert len(got) == 1 and got[0].startswith("Det blir som vanligt") and "maj" in got[0]
    none = [
        ("S3", "Ska de som hyr båtplats betala en extra avgift för el också?"),
        ("S1", "Vad tycker ni om en extra avgift?"),
        ("S2", "Om de betalar elen räcker det, tycker jag."),
        ("S4", "Det håller jag med om. Annars blir båtplatsen dyr."),
        ("S1", "Då säger vi att det blir ingen extra avgift för båtplatserna."),
    ]
    got = texts(none)
    assert len(got) == 1 and got[0] == "Det blir ingen extra avgift för båtplatserna."


def test_the_alternative_others_argued_for_named_with_a_formula_is_the_decision() -> None:
    said = [
        ("S1", "Lägret i sommar. Vi har två platser, Ånnaboda eller Kolarbyn."),
        ("S2", "Jag tycker Ånnaboda är bättre för de små, där finns en badplats."),
        ("S3", "Kolarbyn är billigare, men Ånnaboda har ju sjön."),
        ("S1", "Okej, Ånnaboda får det bli."),
    ]
    got = texts(said)
    assert len(got) == 1 and "Ånnaboda" in got[0]
    unnamed = [*said[:1], ("S2", "Det blir dyrt i år."), ("S3", "Men vi har pengar i kassan."),
               ("S1", "Okej, Lerviken får det bli.")]  # fmt: skip
    assert not texts(unnamed)  # a place no one spoke of


def test_a_thing_left_out_this_year_is_decided_and_a_pronoun_alone_is_not() -> None:
    said = [
        ("S1", "Julmarknaden. Vi har haft ett bord där i fem år."),
        ("S2", "Det kostar åttahundra kronor för bordet och ingen vill stå i kylan."),
        ("S3", "Julmarknaden gav bara tvåhundra kronor i fjol."),
        ("S1", "Julmarknaden står vi över i år."),
    ]
    got = texts(said)
    assert len(got) == 1 and "stå över julmarknaden" in got[0]
    pronoun = [*said[:3], ("S1", "Det står vi över i år.")]
    assert not any("stå över" in t for t in texts(pronoun))


def test_a_conditional_rule_put_to_the_meeting_and_closed_with_so_gor_vi_is_decided() -> None:
    said = [
        ("S2", "Vi har bara sex anmälda till vinterkursen, och den börjar om två veckor."),
        (
            "S1",
            "Om vi säger så här: kommer det minst tio så kör vi kursen på måndagar. Blir det färre så slår vi "
            "ihop den med onsdagsgruppen.",
        ),  # fmt: skip
        ("S3", "Det är vettigt."),
        ("S2", "Ja, det kan jag leva med."),
        ("S1", "Bra, så gör vi."),
    ]
    got = texts(said)
    assert len(got) == 1 and "minst tio" in got[0] and "onsdagsgruppen" in got[0]
    assert "säger så här" not in got[0]


def test_the_winner_named_after_others_spoke_of_it_is_the_decision() -> None:
    said = [
        ("S1", "Vem ska få hedersmedaljen i år? Vi har två namn, Stina Holm och Per Ek."),
        ("S2", "Stina har skött kiosken i tjugo år."),
        ("S3", "Per fick ju medaljen för fem år sedan, så Stina är rimligast."),
        ("S1", "Okej. Då blir det Stina Holm."),
    ]
    got = texts(said)
    assert len(got) == 1 and "Stina Holm" in got[0]
    vague = [*said[:3], ("S1", "Okej. Då blir det dyrt.")]
    assert not texts(vague)


def test_agreeing_on_a_judgement_or_telling_what_others_decided_is_no_decision() -> None:
    opinion = [
        ("S2", "Fler barn frågar efter en teatergrupp på lördagar."),
        ("S3", "Vi har ingen ledare för det, och salen är uthyrd."),
        ("S1", "Vi är överens om att det vore bra med en teatergrupp, det hör jag. Men det kostar ledartid."),
    ]
    assert not texts(opinion)
    plan = [*opinion[:2], ("S1", "Vi är överens om att vi startar en teatergrupp i höst.")]
    assert any("teatergrupp" in t for t in texts(plan))
    told = [
        ("S2", "Routrarna i området är gamla och tappar anslutningen."),
        ("S3", "Kommer de att bytas?"),
        ("S1", "Vi byter dem, men det är nätägarens plan, och det går i den takt de har bestämt."),
    ]
    assert not texts(told)


def test_a_bare_question_with_no_verb_accepted_by_two_others_is_the_decision() -> None:
    said = [
        ("S2", "Vi behöver en kväll till i verkstaden, det är kö varje tisdag."),
        ("S3", "Onsdagar är lediga i lokalen."),
        ("S1", "Onsdagar från april, då. Sex till nio som tisdagarna?"),
        ("S2", "Ja."),
        ("S3", "Ja, bra."),
    ]
    got = texts(said)
    assert len(got) == 1 and "Onsdagar från april" in got[0] and "sex till nio" in got[0]
    fact = [*said[:2], ("S1", "Har alla nycklar till lokalen?"), ("S2", "Ja."), ("S3", "Ja.")]
    assert not texts(fact)  # a question of fact answered, no proposal


def test_a_show_of_hands_for_a_proposal_answered_yes_by_the_others_decides_it() -> None:
    said = [
        ("S2", "Släpvagnen går att få för femtontusen, begagnad men hel."),
        ("S3", "Vi hyr en släpvagn fyra gånger om året, det kostar nästan lika mycket."),
        ("S1", "Då tar vi det med handuppräckning: alla som är för att vi köper släpvagnen för högst femtontusen?"),
        ("S2", "Ja."),
        ("S3", "Ja, självklart."),
        ("S4", "Ja."),
    ]
    got = texts(said)
    assert len(got) == 1 and "köpa släpvagnen" in got[0]
    against = [*said[:4], ("S3", "Nej, inte för det priset."), ("S4", "Ja.")]
    assert not any("släpvagnen" in t for t in texts(against))
