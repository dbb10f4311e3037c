"""An item taken up again after the talk moved on, an item put off to the end of the meeting, a topic put under
övriga frågor when the agenda is approved, and the chair's question to the one who reports. Hand-made meetings,
ten seconds per line."""

from __future__ import annotations

from tests.agenda_meeting import lines_transcript
from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.agenda.align import build_units
from transcribe.agenda.phrases import CONCLUDES
from transcribe.agenda.settle import settled_under
from transcribe.transcript import Transcript

NAMES = {"A": "Birgitta Ek", "B": "Lars Holm", "C": "Maja Strand", "D": "Ahmed Ali"}
AGENDA = """Styrelsemöte i bostadsrättsföreningen
1. Mötets öppnande
2. Föregående protokoll
3. Ekonomi
4. Fasaden
5. Tvättstugan
6. Information från förvaltaren
7. Sophanteringen
8. Övriga frågor
9. Mötets avslutande
"""
LINES = [
    ("A", "Välkomna, jag förklarar mötet öppnat. Jag vill ta upp cyklarna i källaren under övriga frågor."),
    ("A", "Förra protokollet, är det något att säga om det?"),  # 10 s
    ("C", "Nej."),
    ("A", "Då lägger vi det till handlingarna. Lars, hur går det med pengarna?"),  # 30 s
    ("B", "Vi har ungefär hundratusen på kontot, men räntan på lånet går upp i höst och det kommer att märkas."),
    ("A", "Det tar vi upp igen när vi har hört om fasaden. Maja, vad sa firman?"),  # 50 s
    ("C", "De kan börja i maj och offerten är på fyrahundratusen kronor, med ställningar och målning."),
    ("A", "Då beslutar styrelsen att anta offerten för fasaden."),  # 70 s
    ("A", "Då går vi tillbaka till punkt tre. Lars, vad behöver vi göra?"),  # 80 s: a return
    ("B", "Vi behöver höja avgiften med tre procent från januari för att klara både lånet och fasaden."),
    ("A", "Då beslutar vi att höja avgiften med tre procent från januari."),  # 100 s: under § 3
    ("A", "Förvaltaren tar vi sist, hon är sen. Och tvättstugan?"),  # 110 s: 6 put off, 5 taken now
    ("D", "En av maskinerna är trasig igen och bokningstavlan har ramlat ner, så folk bråkar om tiderna."),
    ("A", "Vi köper en ny maskin."),
    ("A", "Sophanteringen då."),  # 140 s
    ("D", "Kärlen för matavfall räcker inte till och det luktar illa på sommaren, vi behöver fler kärl."),
    ("A", "Nu är förvaltaren här. Varsågod, Anna."),  # 160 s: the item put off
    ("C", "Hon säger att hissarna ska besiktigas i juni och att alla ska få ett brev om det."),
    ("A", "Och så cyklarna."),  # 180 s: the topic put under övriga frågor
    ("B", "Det står minst tjugo cyklar i källaren som ingen har rört på flera år, vi borde märka dem."),
    ("A", "Tack för i dag, mötet är avslutat."),  # 200 s
]


def turn(al, number: str) -> int | None:
    """The line (ten seconds each) where the item starts."""
    span = al.item(number)
    return int(span.start // 10) if span is not None and span.treated and span.start is not None else None


def transcript(lines: list[tuple[str, str]]) -> Transcript:
    return lines_transcript(lines, NAMES)


def test_an_item_taken_up_again_keeps_its_first_start_and_files_its_decision_there() -> None:
    tr = transcript(LINES)
    al = align_agenda(parse_agenda_text(AGENDA), tr)
    assert turn(al, "3") == 3  # "Lars, hur går det med pengarna?", not "Då går vi tillbaka till punkt tre"
    assert turn(al, "4") == 5
    assert al.item_at(100.5) == "4"  # the talk is still on the façade's time
    units = build_units(tr)
    said = "Styrelsen beslutade att höja avgiften med tre procent från januari."
    assert settled_under(al, units, 10, said, 100.0) == "3"
    facade = "Styrelsen beslutade att anta offerten för fasaden."
    assert settled_under(al, units, 7, facade, 70.0) == "4"


def test_a_return_to_an_item_not_yet_treated_is_its_start() -> None:
    agenda = "Möte\n1. Öppnande\n2. Ekonomi\n3. Fasaden\n4. Avslutning\n"
    lines = [
        ("A", "Välkomna, jag förklarar mötet öppnat."),
        ("A", "Fasaden tar vi före ekonomin, Maja måste gå. Maja?"),  # 10 s
        ("C", "Firman kan börja i maj och offerten är på fyrahundratusen kronor med ställningar och allt."),
        ("A", "Då beslutar styrelsen att anta offerten för fasaden."),
        ("A", "Då går vi tillbaka till punkt två, ekonomin. Lars?"),  # 40 s
        ("B", "Vi har ungefär hundratusen på kontot och räntan går upp i höst, så vi får se över avgiften."),
        ("A", "Tack för i dag, mötet är avslutat."),
    ]
    al = align_agenda(parse_agenda_text(agenda), transcript(lines))
    assert turn(al, "2") == 4
    assert turn(al, "3") == 1
    assert al.returns == []


def test_an_item_put_off_to_the_end_is_taken_where_it_comes_up_and_the_next_one_now() -> None:
    al = align_agenda(parse_agenda_text(AGENDA), transcript(LINES))
    assert turn(al, "5") == 11  # "… Och tvättstugan?"
    assert turn(al, "7") == 14
    assert turn(al, "6") == 16  # "Nu är förvaltaren här."


def test_a_topic_put_under_ovriga_fragor_names_that_item_later() -> None:
    al = align_agenda(parse_agenda_text(AGENDA), transcript(LINES))
    assert turn(al, "8") == 18  # "Och så cyklarna." after "… cyklarna i källaren under övriga frågor"
    assert turn(al, "9") == 20


def test_a_report_filed_or_a_plan_adopted_ends_an_item() -> None:
    for said in (
        "Då kan berättelsen och redovisningen läggas till handlingarna.",
        "Då fastställer årsmötet verksamhetsplanen och budgeten som de står.",
        "Då godkänner stämman resultaträkningen.",
    ):
        assert CONCLUDES.search(said.lower()), said
    assert not CONCLUDES.search("kan vi fastställa budgeten i dag?")  # the question opens the decision, not ends it


def test_an_item_put_ahead_of_another_is_not_started_there_and_the_other_follows_it() -> None:
    agenda = (
        "Stämma\n1. Öppnande\n2. Årsredovisning\n3. Ansvarsfrihet\n4. Val av styrelse\n5. Motioner\n6. Avslutning\n"
    )
    lines = [
        ("A", "Välkomna, jag förklarar stämman öppnad."),
        ("A", "Motionerna tar vi före valen, valberedningen är sen. Lars, kan du gå igenom årsredovisningen?"),  # 10
        ("B", "Föreningen gick med ett överskott på hundratusen kronor och revisorn har inget att anmärka på."),
        ("A", "Beviljar stämman styrelsen ansvarsfrihet?"),  # 30 s
        ("C", "Ja."),
        ("A", "Så beslutas. Då hoppar vi till motionerna."),  # 50 s
        ("D", "Jag har motionerat om laddplatser för elbilar på gården, vi är flera som behöver det nu."),
        ("A", "Då beslutar stämman att styrelsen utreder laddplatser."),
        ("D", "Får jag återkomma till årsredovisningen en sekund? Vad kostade fönsterbytet?"),  # 80 s
        ("B", "Tvåhundratusen, det står på sidan fyra."),
        ("A", "Nu är valberedningen här. Maja, varsågod."),  # 100 s
        ("C", "Valberedningen föreslår omval av hela styrelsen, med Lars som kassör och Birgitta ett år till."),
        ("A", "Då är de valda. Tack allihop, stämman är avslutad."),  # 120 s
    ]
    al = align_agenda(parse_agenda_text(agenda), transcript(lines))
    assert turn(al, "2") == 1
    assert turn(al, "5") == 5  # "Då hoppar vi till motionerna", not "Motionerna tar vi före valen"
    assert turn(al, "4") == 10  # after the motions, as announced
    assert al.returned_at(85.0) == "2"  # "Får jag återkomma till årsredovisningen": taken up again, no start


def test_an_item_taken_up_again_in_other_words_files_its_decision_there() -> None:
    lines = [
        ("A", "Välkomna, jag förklarar mötet öppnat."),
        ("A", "Förra protokollet, är det något att säga om det?"),
        ("C", "Nej."),
        ("A", "Då lägger vi det till handlingarna. Punkt tre, ekonomin. Lars?"),  # 30 s
        ("B", "Vi har ungefär hundratusen på kontot, men räntan på lånet går upp i höst och det kommer att märkas."),
        ("A", "Vi får se vad fasaden kostar först. Punkt fyra, fasaden. Maja, vad sa firman?"),
        ("C", "De kan börja i maj och offerten är på fyrahundratusen kronor, med ställningar och målning."),
        ("A", "Då beslutar styrelsen att anta offerten för fasaden."),
        ("A", "Tvättstugan då. Ahmed?"),  # 80 s
        ("D", "En av maskinerna är trasig igen och bokningstavlan har ramlat ner, så folk bråkar om tiderna."),
        ("A", "Då köper vi en ny maskin."),
        ("A", "<return>"),  # 110 s
        ("B", "Med fasaden behöver vi höja avgiften med tre procent från januari för att klara lånet."),
        ("A", "Då beslutar vi att höja avgiften med tre procent från januari."),  # 130 s
        ("A", "Övriga frågor, finns det något?"),  # 140 s
        ("C", "Nej."),
        ("A", "Tack för i dag, mötet är avslutat."),
    ]
    said = "Styrelsen beslutade att höja avgiften med tre procent från januari."
    for back in (
        "Tillbaka till ekonomin en sekund. Lars?",
        "Ekonomin igen, Lars.",
        "Vi tar upp ekonomin igen.",
        "Vi måste återkomma till ekonomin nu när vi vet vad fasaden kostar.",
        "Innan övriga frågor: ekonomin igen. Lars?",  # the item named before the return is not the one taken
        "Innan vi tar övriga frågor, tillbaka till ekonomin.",
    ):
        tr = transcript([(s, back if t == "<return>" else t) for s, t in lines])
        al = align_agenda(parse_agenda_text(AGENDA), tr)
        assert turn(al, "3") == 3 and turn(al, "5") == 8, back  # the item keeps its first start
        assert turn(al, "8") == 14, back
        assert settled_under(al, build_units(tr), 13, said, 130.0) == "3", back
