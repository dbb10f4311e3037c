"""The protokoll's Swedish as a secretary writes it (hand-made sentences): a decision says its verb of deciding once,
a reviewer's infinitive reads "beslutade att …", a filed paper is never "Inget", a § summary quotes statements."""

from __future__ import annotations

from tests.agenda_meeting import lines_transcript, protokoll_of
from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.minutes.model import Decision, Evidence, Minutes
from transcribe.minutes.protokoll import build_protokoll
from transcribe.minutes.protokoll_wording import filed_wording, formal_decision, statement

BOARD = """Dagordning styrelsemöte i Seglarklubben
1. Mötets öppnande
2. Rapporter
3. Klubbstugan
4. Mötets avslutande
"""


def test_a_decision_said_with_a_verb_of_deciding_says_it_once() -> None:
    assert formal_decision("Beslutar styrelsen att höja årsavgiften till trehundra kronor.", "Styrelsen") == (
        "Styrelsen beslutade att höja årsavgiften till trehundra kronor."
    )
    assert formal_decision("Då beslutar vi att flytta kaffet till onsdagar.", "Styrelsen") == (
        "Styrelsen beslutade att flytta kaffet till onsdagar."
    )
    assert formal_decision("Vi bestämmer att staketet målas i maj.", "Styrelsen") == (
        "Styrelsen beslutade att staketet målas i maj."
    )
    assert formal_decision("Beslutar nämnden enligt förslaget.", "Nämnden") == "Nämnden beslutade enligt förslaget."


def test_the_chairs_formal_close_reads_beslutade_att_once_in_the_protokoll() -> None:
    prot = protokoll_of(
        [
            ("A", "Välkomna allihop, jag förklarar mötet öppnat."),
            ("A", "Punkt två, rapporter. Inga rapporter i dag."),
            ("A", "Punkt tre, klubbstugan. Bertil har tittat på taket."),
            ("B", "Taket läcker vid skorstenen och plåten behöver bytas innan vintern kommer."),
            ("A", "Då beslutar styrelsen att byta plåten på klubbstugans tak före oktober."),
            ("A", "Punkt fyra. Tack, jag förklarar mötet avslutat."),
        ],
        BOARD,
        "Styrelsemöte i Seglarklubben",
    )
    said = [d.text for d in prot.paragraph("3").decisions]
    assert said == ["Styrelsen beslutade att byta plåten på klubbstugans tak före oktober."]


def test_a_filed_paper_is_never_a_pronoun_answer() -> None:
    assert filed_wording("Inget lades till handlingarna.", "Rapporter") == "Rapporter lades till handlingarna."
    assert filed_wording("Ingenting lades till handlingarna.", "Kassörens rapport") == (
        "Kassörens rapport lades till handlingarna."
    )
    # a paper named by a definite noun stays as said
    assert filed_wording("Skrivelsen lades till handlingarna.", "Inkomna skrivelser") == (
        "Skrivelsen lades till handlingarna."
    )


def test_a_reviewers_infinitive_reads_beslutade_att_and_her_full_sentence_stands() -> None:
    assert formal_decision("Anta budgeten", "Styrelsen") == "Styrelsen beslutade att anta budgeten."
    assert formal_decision("Ge kassören i uppdrag att byta bank.", "Styrelsen") == (
        "Styrelsen beslutade att ge kassören i uppdrag att byta bank."
    )
    assert formal_decision("Inte höja avgiften i år.", "Stämman") == "Stämman beslutade att inte höja avgiften i år."
    assert formal_decision("Tillsätta en arbetsgrupp för hemsidan", "Nämnden") == (
        "Nämnden beslutade att tillsätta en arbetsgrupp för hemsidan."
    )
    assert formal_decision("Budgeten antogs.", "Styrelsen") == "Budgeten antogs."
    # a bare matter is no infinitive: it still follows a colon
    assert formal_decision("Kaffe och bullar efter mötet.", "Styrelsen") == (
        "Styrelsen beslutade: kaffe och bullar efter mötet."
    )


def test_the_protokoll_words_a_reviewers_infinitive_as_a_protokoll_does() -> None:
    agenda = parse_agenda_text(BOARD)
    tr = lines_transcript(
        [
            ("A", "Välkomna, jag förklarar mötet öppnat."),
            ("A", "Punkt två, rapporter. Inga rapporter i dag."),
            ("A", "Punkt tre, klubbstugan. Kassören har räknat på en ny altan."),
            ("B", "Det går på ungefär fyrtiotusen kronor med virke och arbete."),
            ("A", "Bra, då gör vi så."),
            ("A", "Punkt fyra. Tack, jag förklarar mötet avslutat."),
        ],
        {"A": "Anna Berg", "B": "Bertil Ek"},
    )
    seg = tr.segments[4]
    edited = [
        Decision(id=f"d{i}", text=text, status="edited", evidence=[Evidence.of(seg, tr)])
        for i, text in enumerate(["Bygga en ny altan för högst fyrtiotusen kronor", "Altanen byggdes."])
    ]
    prot = build_protokoll(Minutes(title="Styrelsemöte", decisions=edited), tr, agenda, align_agenda(agenda, tr))
    assert [d.text for d in prot.paragraph("3").decisions] == [
        "Styrelsen beslutade att bygga en ny altan för högst fyrtiotusen kronor.",
        "Altanen byggdes.",
    ]


def test_a_summary_quotes_statements_never_a_verb_first_question() -> None:
    prot = protokoll_of(
        [
            ("A", "Välkomna allihop, jag förklarar mötet öppnat."),
            ("A", "Punkt två, rapporter. Bertil, hur gick städdagen?"),
            ("B", "Ja, då säger vi det, tolv personer kom och vi fick bort allt skräp från stranden."),
            ("C", "Och så kör vi en städdag till i september när båtarna har tagits upp ur vattnet."),
            ("A", "Punkt tre, klubbstugan. Den tar vi nästa gång."),
            ("A", "Punkt fyra. Tack, jag förklarar mötet avslutat."),
        ],
        BOARD,
        "Styrelsemöte i Seglarklubben",
    )
    summary = prot.paragraph("2").summary
    quotes = [q.split("”")[0] for q in summary.split("”")[1::2]]
    assert quotes, summary
    for q in quotes:
        first, second = q.split()[:2]
        assert not (first in {"Säger", "Kör"} and second in {"vi", "jag"}), summary


def test_a_verb_joined_to_the_decisions_infinitive_is_an_infinitive_too() -> None:
    assert formal_decision("Vi målar om förrådet i vår och tar pengarna ur kassan.", "Styrelsen") == (
        "Styrelsen beslutade att måla om förrådet i vår och ta pengarna ur kassan."
    )
    assert formal_decision("att skriva till kommunen, och begär en ny gungställning", "Styrelsen") == (
        "Styrelsen beslutade att skriva till kommunen, och begära en ny gungställning."
    )
    # a verb with its own subject keeps its tense
    assert formal_decision("att byta låset till förrådet, och Eva för en lista över nycklarna", "Styrelsen") == (
        "Styrelsen beslutade att byta låset till förrådet, och Eva för en lista över nycklarna."
    )


def test_the_deciding_meeting_as_its_own_subject_reads_in_the_infinitive() -> None:
    assert formal_decision("att stämman beviljar kassören ansvarsfrihet", "Stämman") == (
        "Stämman beslutade att bevilja kassören ansvarsfrihet."
    )
    assert formal_decision("att nämnden har med sex röster mot tre beslutat att stänga filialen", "Nämnden") == (
        "Nämnden beslutade med sex röster mot tre att stänga filialen."
    )
    # another body as the subject is what the meeting decided it does
    assert formal_decision("att styrelsen söker bidrag till taket", "Stämman") == (
        "Stämman beslutade att styrelsen söker bidrag till taket."
    )


def test_a_verb_put_first_gets_its_subject_before_it_and_a_matter_without_verb_a_colon() -> None:
    assert formal_decision("Då är arvodena oförändrade.", "Stämman") == "Stämman beslutade att arvodena är oförändrade."
    assert formal_decision("Står föreningen för fikat på städdagen.", "Styrelsen") == (
        "Styrelsen beslutade att föreningen står för fikat på städdagen."
    )
    assert formal_decision("att lördagen den fjärde maj klockan tio, vid bryggan", "Styrelsen") == (
        "Styrelsen beslutade: lördagen den fjärde maj klockan tio, vid bryggan."
    )
    assert formal_decision("Ärendet ska alltså avgöras i dag.", "Nämnden") == (
        "Nämnden beslutade att ärendet ska avgöras i dag."
    )


def test_a_passive_in_the_past_stands_as_said() -> None:
    assert formal_decision("Karl-Erik Ström valdes till mötesordförande.", "Stämman") == (
        "Karl-Erik Ström valdes till mötesordförande."
    )
    assert formal_decision("Motionen om bastun bifölls.", "Stämman") == "Motionen om bastun bifölls."


def test_a_quote_keeps_for_as_a_preposition_and_its_verb_second() -> None:
    assert statement("Ja, då lägger vi rapporten till handlingarna.") == "Då lägger vi rapporten till handlingarna."
    assert statement("För att hinna klart behöver vi två helger till.") == (
        "För att hinna klart behöver vi två helger till."
    )
    assert statement("Okej, har vi fått in alla kvitton") is None
    assert statement("Är taket inte lagat till hösten, ringer vi försäkringsbolaget.") == (
        "Är taket inte lagat till hösten, ringer vi försäkringsbolaget."
    )
    assert statement("Okej, Per tar nycklarna.") == "Per tar nycklarna."


def test_the_rules_decision_worded_att_before_a_matter_or_enligt_reads_as_a_protokoll_does() -> None:
    assert formal_decision("Mötet beslutade att den tjugonde maj i församlingshemmet, med kaffe.", "Styrelsen") == (
        "Styrelsen beslutade: den tjugonde maj i församlingshemmet, med kaffe."
    )
    assert formal_decision("Mötet beslutade att motionen tillstyrks.", "Nämnden") == (
        "Nämnden beslutade att motionen tillstyrks."
    )
    assert formal_decision("Mötet beslutade att enligt kassörens förslag.", "Stämman") == (
        "Stämman beslutade enligt kassörens förslag."
    )
    # a clause with a subject and a verb the word list may not know keeps its "att"
    assert formal_decision("Mötet beslutade att ingen rökdyker ensam.", "Mötet") == (
        "Mötet beslutade att ingen rökdyker ensam."
    )
