"""Decisions recognised by clause structure, heard whole and with one recognition error.

Each test is a hand-made Swedish exchange: the structure (who commits to what, in which tense,
under which negation or condition) decides, not a fixed phrase. Words listed as unsure get a
low word probability, as Whisper gives them.
"""

from __future__ import annotations

from tests.test_rules_robust_cues import minutes, texts
from transcribe.minutes.rules.cuerepair import repair_cue

# ----------------------------------------------------------------------------- the chair's formal acts


def test_formal_act_in_the_present_is_a_decision() -> None:
    said = [("S1", "Då lägger vi till det under övrigt, och då godkänner vi dagordningen med det tillägget.")]
    assert texts(said) == ["Dagordningen med det tillägget godkändes."]
    assert not texts([("S1", "Då godkänner vi inte dagordningen än.")])
    assert not texts([("S1", "Då lägger vi till det under övrigt.")])  # an edit, not an act


def test_passive_act_takes_its_object_from_the_item_announced() -> None:
    said = [
        ("S1", "Föregående minnesanteckningar. Finns det något att säga om dem?"),
        ("S2", "Nej, jag har inget att tillägga."),
        ("S1", "Då läggs de till handlingarna."),
    ]
    assert texts(said) == ["Föregående minnesanteckningar lades till handlingarna."]


def test_formal_act_with_a_misheard_word_is_read_and_flagged() -> None:
    said = [("S1", "Den ekonomiska rapporten. Några frågor?"), ("S2", "Nej."), ("S1", "Då läggs den vi handlingarna.")]
    got = minutes(said, unsure=frozenset({"vi"})).decisions
    assert [d.text for d in got] == ["Den ekonomiska rapporten lades till handlingarna."] and got[0].needs_review
    assert not minutes(said, robust=False, unsure=frozenset({"vi"})).decisions


# ----------------------------------------------------------------------------- commissions


def test_commission_from_the_meetings_own_body() -> None:
    got = texts([("S1", "Styrelsen ger Karin i uppdrag att kontakta förvaltaren och kräva att maskinerna lagas.")])
    assert got == ["Styrelsen gav Karin i uppdrag att kontakta förvaltaren och kräva att maskinerna lagas."]
    assert not texts([("S1", "Om styrelsen ger Karin i uppdrag att kontakta förvaltaren blir det dyrt.")])
    assert not texts([("S1", "Kommunen ger bolaget i uppdrag att bygga om parkeringen.")])  # another body


# ----------------------------------------------------------------------------- evidence over several turns


def test_confirmation_takes_the_chairs_restatement_as_the_decision() -> None:
    said = [
        ("S2", "Jag föreslår att vi inte skriver under något avtal förrän vi har fått siffrorna."),
        ("S3", "Det håller jag med om."),
        ("S1", "Då säger vi så. Vi skriver inte under avtalet förrän vi har sett siffrorna."),
    ]
    got = minutes(said).decisions
    assert [d.text for d in got] == ["Mötet beslutade att inte skriva under avtalet förrän vi har sett siffrorna."]
    assert {e.speaker for e in got[0].evidence} == {"S1", "S2"}  # the proposal and the chair's words


def test_confirmation_heard_without_its_participle_keeps_the_restatement_flagged() -> None:
    said = [
        ("S2", "Jag föreslår att projektet sköter kontakten med företagen från januari."),
        ("S3", "Ja, det är bra."),
        ("S1", "Då är det. Från januari sköter projektet kontakten med företagen."),
    ]
    got = minutes(said).decisions
    assert [d.text for d in got] == ["Från januari sköter projektet kontakten med företagen."]
    assert got[0].needs_review
    assert not minutes(said, robust=False).decisions


def test_restated_decision_that_lost_its_negation_is_flagged() -> None:
    said = [
        ("S2", "Jag föreslår att vi inte flyttar läkemedelsrummet före sommaren, det blir för rörigt."),
        ("S3", "Ja, absolut."),
        ("S1", "Då säger vi så. Vi flyttar läkemedelsrummet före sommaren."),  # "inte" lost
    ]
    got = minutes(said).decisions
    assert len(got) == 1 and got[0].needs_review and "inte" in (got[0].review_reason or "")


def test_call_answered_within_the_chairs_own_turn() -> None:
    assert texts([("S1", "Kan resultaträkningen och balansräkningen fastställas? Ja. Klubbat.")]) == [
        "Resultaträkningen och balansräkningen fastställdes."
    ]
    assert texts([("S1", "Någon emot? Nej. Då har vi inte standup på fredagar längre, från och med nästa vecka.")]) == [
        "Mötet beslutade att inte ha standup på fredagar längre, från och med nästa vecka."
    ]
    assert not texts([("S1", "Någon emot? Ja. Då har vi inte standup på fredagar längre.")])  # an objection


def test_call_heard_without_question_mark_and_answer_is_flagged() -> None:
    said = [("S1", "Kan resultaträkningen fastställas. Klubbat.")]
    got = minutes(said).decisions
    assert [d.text for d in got] == ["Resultaträkningen fastställdes."] and got[0].needs_review


def test_approval_whose_participle_was_lost_after_the_call() -> None:
    said = [("S1", "Kan dagordningen godkännas?"), ("S2", "Ja, den kan godkännas."), ("S1", "Då är dagordningen.")]
    got = minutes(said).decisions
    assert [d.text for d in got] == ["Dagordningen godkändes."] and got[0].needs_review
    assert not texts([("S1", "Vi tittar på lokalen."), ("S2", "Ja."), ("S1", "Då är lokalen.")])  # nothing called for


# ----------------------------------------------------------------------------- a confirmation's structure under noise


def test_v2_confirmation_with_its_first_word_misheard() -> None:
    proposal = [("S2", "Jag föreslår att vi köper in en ny projektor till konferensrummet.")]
    got = minutes([*proposal, ("S1", "Bra, för gör vi så.")]).decisions
    assert len(got) == 1 and "köpa in en ny projektor" in got[0].text and got[0].needs_review
    assert not minutes([*proposal, ("S1", "Bra, för gör vi så.")], robust=False).decisions
    assert not minutes([*proposal, ("S1", "Hur gör vi så?")]).decisions


def test_supine_confirmation_with_its_auxiliary_misheard() -> None:
    said = [("S2", "Jag föreslår att vi träffas en gång i månaden."), ("S1", "Då vill vi bestämt det.")]
    got = minutes(said).decisions
    assert len(got) == 1 and "en gång i månaden" in got[0].text and got[0].needs_review


def test_a_whole_agreement_is_not_rebuilt_into_a_cue() -> None:
    assert repair_cue("Kör på det.") == ("Kör på det.", [])


# ----------------------------------------------------------------------------- not this meeting's decision


def test_another_bodys_decision_named_after_the_place_of_the_meeting() -> None:
    said = [("S1", "Sjukhusledningen har beslutat att stänga fyra vårdplatser under sommaren.")]
    assert not texts(said, title="Arbetsplatsträff, Sunderby sjukhus")
    assert texts([("S1", "Styrgruppen beslutar att anta tidplanen.")], title="Styrgruppen för Digitalt först")


def test_decision_of_an_earlier_meeting_is_reported() -> None:
    assert not texts([("S1", "Förra årsmötet beslutade att köpa nya körpärmar, och de är köpta.")])


def test_statement_taken_back_is_no_decision() -> None:
    assert not texts([("S1", "Vi anställer ingen innan vi vet. Nej förresten, det är inget beslut.")])


def test_conditional_content_of_a_decision_stays_a_decision() -> None:
    said = "Då bestämmer vi att om maskinerna inte är lagade den femtonde december, så ansöker föreningen om hjälp."
    assert len(texts([("S1", said)])) == 1
    assert not texts([("S1", "Om nämnden beslutar att stänga skolan så flyttar familjerna.")])


def test_request_turned_down_is_a_rejected_item_not_a_decision() -> None:
    got = minutes([("S1", "Nej, vi kan inte gå in med tjugo tusen. Vi avslår ansökan som den ser ut.")])
    assert not got.decisions
    assert [(o.text, o.reason) for o in got.not_decided] == [("Ansökan som den ser ut", "Förslaget avslogs")]


def test_meeting_procedure_is_no_decision() -> None:
    assert not texts([("S1", "Då avslutar vi för i dag.")])
    assert not texts([("S1", "Då avslutar vi för i nu.")], unsure=frozenset({"nu"}))


# ----------------------------------------------------------------------------- the summing-up and recaps


SANDBOXES = [
    ("S2", "Sandlådorna på gården är trasiga, jag föreslår att vi köper två nya sandlådor."),
    ("S1", "Är, då har vi på att köpa två nya sandlådor till gården."),  # "Bra, då har vi beslutat att ..." misheard
    ("S3", "Och luciafirandet, när blir det?"),
    ("S1", "Det tar vi nästa gång. Då sammanfattar jag. Vi köper två nya sandlådor, och jag skickar ut kallelsen."),
]


def test_summing_up_recovers_a_decision_whose_cue_was_misheard() -> None:
    got = minutes(SANDBOXES, unsure=frozenset({"är", "på"})).decisions
    assert [d.text for d in got] == ["Mötet beslutade att köpa två nya sandlådor."]
    assert got[0].needs_review and "sammanfattningen" in (got[0].review_reason or "")
    assert len({e.segment_id for e in got[0].evidence}) == 2  # where it was decided and where it was summed up


def test_summing_up_alone_makes_no_decision_where_the_talk_was_heard_clearly() -> None:
    assert not minutes(SANDBOXES).decisions


def test_recap_in_the_perfect_is_evidence_not_a_second_decision() -> None:
    said = [
        ("S2", "Jag tänkte att alla lämnar sina önskemål om sommarsemester senast sista mars."),
        ("S3", "Ja, det funkar."),
        ("S1", "Då säger vi det. Önskemålen om sommarsemester ska vara inne senast den trettioförsta mars."),
        ("S1", "Då säger jag så här: vi har bestämt att semesterönskemålen lämnas senast sista mars."),
    ]
    got = minutes(said).decisions
    assert len(got) == 1 and got[0].text.startswith("Önskemålen om sommarsemester")
    assert {e.segment_id for e in got[0].evidence} >= {2, 3}


def test_decision_right_after_a_refusal_in_the_same_turn_is_flagged() -> None:
    said = [("S1", "Nej. Jag föreslår att vi säger nej. Styrelsen beslutar att godkänna att tvättstugan stängs.")]
    got = minutes(said).decisions  # "inte" lost before "godkänna"
    assert len(got) == 1 and got[0].needs_review


def test_conditional_decision_without_a_negation_in_its_condition_is_flagged() -> None:
    said = "Då bestämmer vi att om maskinerna är lagade den femtonde december, så ansöker föreningen om hjälp."
    got = minutes([("S1", said)]).decisions
    assert len(got) == 1 and got[0].needs_review and "villkor" in (got[0].review_reason or "")
    kept = minutes([("S1", said.replace("är lagade", "inte är lagade"))]).decisions
    assert len(kept) == 1 and not kept[0].needs_review


def test_lost_att_between_the_body_and_its_infinitive() -> None:
    said = [("S1", "Våkan beslutar styrelsen beställa sex laddstolpar från Norrkraft.")]
    got = minutes(said, unsure=frozenset({"våkan", "beställa"})).decisions
    assert len(got) == 1 and "beställa sex laddstolpar" in got[0].text and got[0].needs_review
    assert not minutes([("S1", "Om styrelsen beslutar beställa laddstolpar så blir det dyrt.")]).decisions


def test_summing_up_of_what_stays_open_adds_nothing() -> None:
    said = [
        ("S2", "Filialen i Bygdsiljum, vad händer med den?"),
        ("S1", "Så för att sammanfatta, vi har inte dit något i kväll. Frågan om filialen ligger kvar hos nämnden."),
    ]
    assert not minutes(said, unsure=frozenset({"dit", "filialen", "händer"})).decisions


def test_decision_given_to_another_body_in_the_next_sentence() -> None:
    said = "Men vi beslutat att ta tillbaka källarlokalen från första juli. Det är deras beslut, vi hyr den bara."
    assert not texts([("S1", said)])
    assert not texts([("S1", "Då beslutar vi att stänga fyra vårdplatser. Det är alltså inget vi bestämmer här.")])


def test_election_names_whom_the_chair_proposed() -> None:
    said = [("S1", "Till justerare föreslår jag Karin Ek och Olof Nilsson. Några andra förslag? Nej. Då är de valda.")]
    assert texts(said) == ["Karin Ek och Olof Nilsson valdes till justerare."]
    assert texts([("S1", "Några andra förslag? Nej. Då är Olof omvald.")]) == ["Olof omvaldes."]


def test_bare_klubbat_after_a_misheard_call_confirms_no_chatter() -> None:
    said = [("S2", "Och luciakonserten var fullsatt, det har inte hänt på länge."), ("S1", "Klubbat.")]
    assert not minutes(said).decisions


def test_call_after_the_chairs_own_statement_decides_that_statement() -> None:
    said = [
        ("S1", "Vi tar med det som ett krav också, att den som har barn under tolv ska kunna slippa helgskiften."),
        ("S1", "Är alla med på det? Ja. Då tar vi med det."),
    ]
    got = texts(said)
    assert len(got) == 1 and "slippa helgskiften" in got[0]


def test_possessive_before_the_body_is_a_misheard_condition() -> None:
    said = "Min nämnden beslutar att stänga filialen blir det långt till böckerna för många i byn."
    assert not texts([("S1", said)])  # "Om nämnden beslutar ...": no decision of this meeting
    assert len(texts([("S1", said.replace("Min nämnden", "Nämnden"))])) == 1  # the structure alone would decide


def test_a_plain_question_answered_is_no_call_for_a_decision() -> None:
    assert not texts([("S1", "Har alla läst protokollet? Ja. Då tar vi ekonomin direkt.")])


def test_what_follows_a_confirmation_restates_it_only_on_the_same_topic() -> None:
    said = [
        ("S2", "Jag föreslår att vi köper in en ny projektor till konferensrummet."),
        ("S3", "Ja, det låter bra."),
        ("S1", "Då gör vi så. Kaffet och bullarna står framme i köket."),
    ]
    assert texts(said) == ["Mötet beslutade att köpa in en ny projektor till konferensrummet."]


def test_assuming_is_no_formal_act() -> None:
    assert not texts([("S1", "Då antar vi att alla har läst handlingarna.")])


def test_adding_an_item_is_no_filing() -> None:
    said = [("S1", "Föregående protokoll. Några synpunkter?"), ("S2", "Nej."), ("S1", "Då lägger vi till en punkt.")]
    assert not minutes(said, unsure=frozenset({"punkt"})).decisions


def test_the_boards_own_decision_named_as_such_stays() -> None:
    assert texts([("S1", "Då beslutar vi att måla om fasaden i vår. Det är styrelsens beslut.")])
    assert not texts([("S1", "Vi har beslutat att gå över till femskift. Det är ledningens beslut, inte vårt.")])


def test_a_supine_without_subject_and_auxiliary_is_not_given_a_we() -> None:
    said = [("S1", "Men beslutat att ta tillbaka källarlokalen från första juli.")]  # "Universitetet har" lost
    assert not minutes(said, unsure=frozenset({"men"})).decisions


def test_decision_whose_full_stop_was_lost_before_a_question() -> None:
    said = "Då beslutar styrelsen att höja årsavgiften med tre procent från första januari, kan du skriva ett brev?"
    assert texts([("S1", said)]) == ["Styrelsen beslutade att höja årsavgiften med tre procent från första januari."]
    assert not texts([("S1", "Beslutar styrelsen att höja årsavgiften med tre procent från första januari?")])


def test_filing_whose_object_was_misheard_keeps_it_not_a_thank_you() -> None:
    said = [("S1", "Tack."), ("S1", "Då lägger rapporten till handlingarna.")]
    got = minutes(said, unsure=frozenset({"rapporten"})).decisions
    assert [d.text for d in got] == ["Rapporten lades till handlingarna."] and got[0].needs_review
