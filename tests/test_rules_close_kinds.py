"""Closes read from what the turns around them do, widened by kind (rules/statedclose.py, rules/lastword.py).

Hand-made exchanges in settings of their own, written apart from the dev meetings: a rule with the impersonal
"man" from a date on after a count of hands; the new plan said as "Det blir ..." right after the speaker took her
own plan back; a day moved off a clash, put to the room and answered yes; a compound naming the matter the others
named by its part; the leader reading the silence after her call as a yes; a course asked back with "Men ..., då?"
and said again. And the same shapes where nothing is decided.
"""

from __future__ import annotations

from tests.test_rules_robust_cues import texts


def test_an_impersonal_rule_from_a_date_after_a_count_of_hands() -> None:
    said = [
        ("S2", "Cyklarna står i vägen i trapphuset. Jag vill ha ett cykelställ på gården."),
        ("S3", "Jag är emot ställ i princip. Men jag är mer emot cyklar i trappan."),
        ("S1", "Ska vi rösta? Alla som vill ha ett cykelställ på gården från första maj, upp med handen."),
        ("S3", "Här."),
        ("S4", "Ja."),
        ("S1", "Och jag. Olle?"),
        ("S5", "Ja, då. Principer är till för att brytas."),
        ("S1", "Fem av fem. Från första maj ställer man cyklarna på gården, och det blir inga cyklar i trapphuset."),
        ("S2", "Jag beställer stället."),
    ]
    got = texts(said)
    assert any(t.startswith("Från första maj ställer man cyklarna") for t in got)


def test_an_impersonal_remark_without_a_time_from_now_is_no_rule() -> None:
    said = [
        ("S2", "Cyklarna står i vägen i trapphuset."),
        ("S1", "Vi röstar. Alla som vill ha ett cykelställ på gården, upp med handen."),
        ("S3", "Ja."),
        ("S1", "Tre av fyra. På landet ställer man cyklarna var som helst."),
    ]
    assert not any("ställer man cyklarna" in t for t in texts(said))


def test_the_new_plan_said_right_after_the_speaker_took_hers_back() -> None:
    said = [
        ("S1", "Sommarfesten. Jag tänkte att vi hoppar över grillen i år. Vi kör utan grill."),
        ("S2", "Men grillen är det barnen väntar på hela året. Utan den kommer ingen."),
        ("S1", "Jaha. Då tar jag tillbaka det. Det blir grill, och föräldrarna turas om vid den, två i taget."),
        ("S3", "Jag tar kol med mig."),
    ]
    got = texts(said)
    assert any(t.startswith("Det blir grill") for t in got)


def test_det_blir_without_a_take_back_before_it_is_no_new_plan() -> None:
    said = [
        ("S1", "Sommarfesten. Vi kör utan grill i år."),
        ("S2", "Men barnen väntar på grillen hela året."),
        ("S1", "Jaha. Det blir tråkigt för dem, det förstår jag."),
    ]
    assert not any("tråkigt" in t for t in texts(said))


def test_a_day_moved_off_a_clash_put_to_the_room_and_answered_yes() -> None:
    said = [
        ("S1", "Och vår egen vårfest. Jag tänkte lördagen den tolfte, efter städningen."),
        ("S2", "Den tolfte har hyresvärden bokat lokalen för målarna. Då kommer vi inte in alls."),
        ("S1", "Det hade jag missat. Då tar vi fredagen den elfte i stället. Går det?"),
        ("S3", "Det går."),
        ("S4", "Ja."),
        ("S1", "Då är det fredagen den elfte."),
    ]
    got = texts(said)
    assert any("fredagen den elfte" in t for t in got)


def test_a_day_put_to_the_room_and_answered_no_is_not_settled() -> None:
    said = [
        ("S1", "Och vår egen vårfest. Jag tänkte lördagen den tolfte."),
        ("S2", "Den tolfte har hyresvärden bokat lokalen för målarna."),
        ("S1", "Då tar vi fredagen den elfte i stället. Går det?"),
        ("S3", "Nej, då jobbar jag och Kim."),
    ]
    assert not any("fredagen den elfte" in t for t in texts(said))


def test_a_compound_names_the_matter_the_others_named_by_its_part() -> None:
    said = [
        ("S2", "Barnen har inget att göra när de väntar på sina föräldrar."),
        ("S3", "Men böcker då? Det kan väl ingen ha något emot."),
        ("S1", "En bokhylla kan vi ha. Den har vi plats för. Någon som tycker att det är en dålig idé?"),
        ("S1", "Nej. Då ställer vi en bokhylla med barnböcker i hallen."),
        ("S3", "Jag har böcker hemma som jag kan ta med."),
    ]
    got = texts(said)
    assert any("bokhylla med barnböcker" in t for t in got)


def test_the_silence_after_a_call_read_as_a_yes_closes_a_plan_without_a_verb() -> None:
    said = [
        ("S2", "Scenen är för liten för kören. De står tre rader djupt."),
        ("S3", "Jag tycker vi lånar två podier till från skolan."),
        ("S4", "Då måste jag flytta högtalarna. Det går."),
        ("S1", "Har någon något emot två podier till?"),
        ("S1", "Tyst, det tar jag som ett ja. Två podier till från skolan till kören."),
        ("S3", "Jag hämtar dem på fredag."),
    ]
    got = texts(said)
    assert any("Två podier till från skolan" in t for t in got)


def test_a_course_asked_back_with_men_da_and_said_again_keeps_the_last_word() -> None:
    said = [
        ("S2", "Förbundet säger max åtta timmar per ledare i juni."),
        ("S3", "Åtta timmar? Städningen efter lägret tar fem själv."),
        ("S1", "Då städar vi inte på fredagskvällen. Vi städar på lördag förmiddag i stället."),
        ("S3", "Men simskolan på lördag, då? De ska vara i lokalen klockan tio."),
        ("S2", "Nej, simskolan är inställd. Lördag är ledig."),
        ("S1", "Då städar vi på lördag klockan åtta. Alla fyra."),
    ]
    got = texts(said)
    assert any("lördag klockan åtta" in t for t in got)
    assert not any(t.endswith("att inte städa på fredagskvällen.") for t in got)


def test_a_filing_with_a_pronoun_takes_the_paper_the_call_named() -> None:
    said = [
        ("S1", "Kassarapporten. Eva, varsågod."),
        ("S2", "Vi har trettiotusen på kontot och alla har betalat avgiften."),
        ("S1", "Några frågor på kassarapporten?"),
        ("S1", "Nej. Då läggs den till handlingarna."),
        ("S1", "Föregående protokoll. Har alla läst det?"),
        ("S3", "Ja."),
        ("S1", "Då lägger vi det till handlingarna."),
    ]
    got = texts(said)
    assert "Kassarapporten lades till handlingarna." in got
    assert "Föregående protokoll lades till handlingarna." in got


def test_a_filing_in_the_plain_word_order_is_the_meetings_act() -> None:
    said = [
        ("S2", "Medlemsantalet har ökat med tolv under året, och vi har haft fyra utflykter."),
        ("S1", "Tack, Eva. Vi lägger verksamhetsberättelsen till handlingarna."),
    ]
    assert any(t.startswith("Verksamhetsberättelsen lades till handlingarna") for t in texts(said))


def test_a_state_after_the_call_is_the_meetings_act_and_one_told_is_not() -> None:
    asked = [
        ("S1", "Med de två ändringarna, kan vi godkänna dagordningen?"),
        ("S2", "Ja."),
        ("S3", "Ja."),
        ("S1", "Den är godkänd."),
    ]
    assert any(t.startswith("Dagordningen godkändes") for t in texts(asked))
    told = [
        ("S2", "Jag ringde kommunen i går om ansökan om bygglov för förrådet."),
        ("S1", "Bygglovet är beviljat, det kom ett brev i måndags."),
    ]
    assert not any("Bygglovet" in t for t in texts(told))


def test_a_filing_put_as_a_question_or_refused_is_no_decision() -> None:
    said = [
        ("S1", "Kan vi lägga rapporten till handlingarna?"),
        ("S2", "Nej, vänta. Siffrorna stämmer inte."),
        ("S1", "Då lägger vi inte rapporten till handlingarna i dag."),
    ]
    assert not any("handlingarna" in t for t in texts(said))


def test_a_rota_settled_by_offers_and_closed_by_pointing_at_them() -> None:
    said = [
        ("S1", "Påsken. Vi behöver en som öppnar och en som stänger både långfredag och annandag. Vem tar vad?"),
        ("S2", "Jag tar långfredag. Jag är ändå hemma."),
        ("S3", "Då tar jag annandag. Barnen är hos sin mamma."),
        ("S4", "Jag kan stänga på långfredag."),
        ("S5", "Och jag annandag."),
        ("S1", "Då skriver jag in det så. Aron och Sara på långfredag, Klara och Emil på annandagen."),
        ("S2", "Bra."),
    ]
    got = texts(said)
    assert any(t.startswith("Aron och Sara på långfredag") for t in got)


def test_a_pointing_close_followed_by_a_sentence_with_its_own_verb_is_left_to_other_rules() -> None:
    said = [
        ("S1", "Påsken. Vem tar vad?"),
        ("S2", "Jag tar långfredag."),
        ("S1", "Då skriver jag in det så. Aron undrar om vi har nycklar till förrådet."),
    ]
    assert not any("nycklar" in t for t in texts(said))


def test_the_meetings_act_said_in_the_perfect_after_the_call() -> None:
    said = [
        ("S2", "Valberedningen föreslår omval av Ulla som ordförande och nyval av Per och Stina i styrelsen."),
        ("S1", "Finns det några andra förslag? Nej."),
        ("S1", "Då har årsmötet valt styrelse och revisorer enligt valberedningens förslag."),
    ]
    assert any(t.startswith("Årsmötet valde styrelse och revisorer") for t in texts(said))


def test_the_meeting_found_duly_called_in_everyday_words() -> None:
    said = [
        ("S1", "Kallelsen. Hur gick den ut, Stina?"),
        ("S2", "Den sattes upp i tvättstugan och mejlades ut tre veckor före, som stadgarna säger."),
        ("S1", "Då är mötet rätt kallat."),
    ]
    assert "Mötet ansågs rätt kallat." in texts(said)


def test_the_chair_handed_to_the_one_the_room_elected_and_a_floor_given_is_none() -> None:
    elected = [
        ("S1", "Jag förklarar årsmötet öppnat. Valberedningen föreslår att Olof Nilsson leder mötet."),
        ("S1", "Är årsmötet med på Olof?"),
        ("S2", "Ja."),
        ("S1", "Då lämnar jag över till dig, Olof."),
        ("S3", "Tack för förtroendet."),
    ]
    assert "Olof Nilsson valdes till mötesordförande." in texts(elected)
    floor = [
        ("S1", "Kassarapporten. Olof, du har siffrorna?"),
        ("S3", "Ja."),
        ("S1", "Varsågod, Olof."),
        ("S3", "Vi har tjugotusen på kontot."),
    ]
    assert not any("mötesordförande" in t for t in texts(floor))
