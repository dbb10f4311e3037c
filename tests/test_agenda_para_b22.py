"""Which § a decision is put under and how it reads: the standard items' fixed forms (the agenda followed, the
notice asked as a question, the discharge closed by "Det är beviljat."), a decision filed by a pronoun in a later
turn, a decision naming another item's title more than its own, and the deciding body's own verb. Hand-made
meetings, ten seconds per line."""

from __future__ import annotations

from tests.agenda_meeting import lines_transcript
from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.agenda.align import build_units
from transcribe.agenda.settle import settled_under
from transcribe.agenda.units import Alignment, ItemSpan
from transcribe.minutes import extract_minutes
from transcribe.minutes.model import Evidence
from transcribe.minutes.protokoll import Protokoll, build_protokoll
from transcribe.minutes.protokoll_order import order_apart
from transcribe.minutes.protokoll_wording import formal_decision, restated, titled_subject
from transcribe.transcript import Transcript

NAMES = {"A": "Anna Berg", "B": "Bo Ek", "C": "Cilla Ny"}


def spoken(lines: list[tuple[str, str]]) -> Transcript:
    return lines_transcript(lines, NAMES)


def protokoll(lines: list[tuple[str, str]], agenda: str) -> Protokoll:
    tr = spoken(lines)
    ag = parse_agenda_text(agenda)
    return build_protokoll(extract_minutes(tr), tr, ag, align_agenda(ag, tr))


def decisions(prot: Protokoll, number: str) -> list[str]:
    par = prot.paragraph(number)
    assert par is not None
    return [d.text for d in par.decisions]


ANNUAL = """Årsmöte i Hembygdsföreningen
1. Årsmötets öppnande
2. Fråga om årsmötet utlysts i rätt tid
3. Revisorernas berättelse och ansvarsfrihet
4. Årsmötets avslutande
"""


def annual(notice: list[tuple[str, str]], discharge: list[tuple[str, str]]) -> Protokoll:
    lines = [
        ("A", "Välkomna, jag förklarar årsmötet öppnat."),
        *notice,
        ("A", "Revisorernas berättelse. Bo, varsågod."),
        ("B", "Vi har granskat räkenskaperna och har inget att anmärka på."),
        *discharge,
        ("A", "Då förklarar jag årsmötet avslutat."),
    ]
    return protokoll(lines, ANNUAL)


NOTICE = [
    ("A", "Kallelsen gick ut med mejl för fyra veckor sedan. Anser årsmötet att det är utlyst i rätt tid?"),
    ("C", "Ja."),
]
DISCHARGE = [
    ("A", "Beviljar årsmötet styrelsen ansvarsfrihet för det gångna året?"),
    ("B", "Ja."),
    ("C", "Ja."),
    ("A", "Det är beviljat."),
]


def test_a_discharge_closed_by_it_is_granted_reads_as_the_question_put() -> None:
    got = decisions(annual(NOTICE, DISCHARGE), "3")
    assert got == ["Stämman beslutade att bevilja styrelsen ansvarsfrihet för det gångna året."]


def test_the_notice_asked_in_its_title_reads_as_the_meeting_declared_called() -> None:
    got = decisions(annual(NOTICE, DISCHARGE), "2")
    assert got == ["Årsmötet förklarades utlyst i rätt tid."]  # not "… beslutade om årsmötet utlysts i rätt tid."


BOARD = """Styrelsemöte
1. Öppnande
2. Dagordningen
3. Höstens fest
4. Avslutning
"""


def test_the_agenda_named_alone_and_followed_is_approved() -> None:
    for close in ("Då följer vi den.", "Då kör vi efter den."):
        lines = [
            ("A", "Välkomna, jag förklarar mötet öppnat."),
            ("A", "Dagordningen har ni fått. Något att ändra?"),
            ("B", "Nej."),
            ("A", close),
            ("A", "Höstens fest. Cilla, du har pratat med bygdegården?"),
            ("C", "Ja, vi får låna den gratis i oktober om vi städar själva efteråt."),
            ("A", "Då förklarar jag mötet avslutat."),
        ]
        got = decisions(protokoll(lines, BOARD), "2")
        assert got == ["Styrelsen beslutade att godkänna dagordningen."], close


def test_a_follow_up_is_no_agenda_approval() -> None:
    lines = [
        ("A", "Välkomna, jag förklarar mötet öppnat."),
        ("A", "Dagordningen har ni fått. Något att ändra?"),
        ("B", "Nej."),
        ("A", "Då följer vi upp festen nästa gång."),
        ("A", "Höstens fest. Cilla, du har pratat med bygdegården?"),
        ("C", "Ja, vi får låna den gratis i oktober om vi städar själva efteråt."),
        ("A", "Då förklarar jag mötet avslutat."),
    ]
    assert decisions(protokoll(lines, BOARD), "2") == []


SCHOOL = """Styrelsemöte i föräldraföreningen
1. Öppnande
2. Budget för nästa år
3. Övriga frågor
4. Avslutning
"""


def test_a_decision_filed_by_a_pronoun_a_few_turns_later_goes_under_that_item() -> None:
    lines = [
        ("A", "Välkomna, jag förklarar mötet öppnat."),
        ("A", "Budgeten för nästa år. Den ser ut som i fjol, inga ändringar."),
        ("B", "Då godkänner vi den."),
        ("A", "Övriga frågor. Någon?"),  # 30 s
        ("C", "Vi skulle kunna hyra ut matsalen på helgerna, till kalas. Det ger några tusen."),
        ("A", "Det låter bra. Vi hyr ut matsalen på helgerna från mars."),  # 50 s
        ("B", "Är det budgeten, det vi beslutar nu?"),
        ("A", "Ja. Skriv det under budgeten, Bo. Det hör dit."),
        ("A", "Då förklarar jag mötet avslutat."),  # 80 s
    ]
    tr = spoken(lines)
    ag = parse_agenda_text(SCHOOL)
    al = align_agenda(ag, tr)
    assert al.item_at(55.0) == "3"
    said = "Styrelsen beslutade att hyra ut matsalen på helgerna från mars."
    assert settled_under(al, build_units(tr), 5, said, 50.0) == "2"


def test_a_filing_after_another_matter_is_settled_is_not_the_earlier_decisions() -> None:
    lines = [
        ("A", "Välkomna, jag förklarar mötet öppnat."),
        ("A", "Budgeten för nästa år. Den ser ut som i fjol, inga ändringar."),
        ("B", "Då godkänner vi den."),
        ("A", "Övriga frågor. Någon?"),
        ("C", "Vi skulle kunna hyra ut matsalen på helgerna, till kalas. Det ger några tusen."),
        ("A", "Det låter bra. Vi hyr ut matsalen på helgerna från mars."),  # 50 s
        ("C", "Och discot i maj, kan vi ha det i gympasalen?"),
        ("A", "Ja, då beslutar vi det. Skriv det under budgeten, Bo."),
        ("A", "Då förklarar jag mötet avslutat."),
    ]
    tr = spoken(lines)
    al = align_agenda(parse_agenda_text(SCHOOL), tr)
    said = "Styrelsen beslutade att hyra ut matsalen på helgerna från mars."
    assert settled_under(al, build_units(tr), 5, said, 50.0) == "3"


def test_a_decision_naming_a_neighbours_title_more_than_its_own_goes_there() -> None:
    lines = [
        ("A", "Motion om ett damlag. Amanda, din motion."),
        ("B", "Vi är femton tjejer som vill ha ett eget lag."),
        ("A", "Då är motionen godkänd. Föreningen får ett damlag."),  # 20 s, placed under the next motion
        ("A", "Motionen om en klubbresa till Mallorca är dragen tillbaka."),
    ]
    tr = spoken(lines)
    spans = [
        ItemSpan(number="9", title="Motion om ett damlag", treated=True, start=0.0, end=15.0, order=1),
        ItemSpan(
            number="10", title="Motion om klubbresa till Mallorca", treated=True, start=15.0, end=40.0, announced=15.0
        ),
    ]
    al = Alignment(items=spans)
    units = build_units(tr)
    assert settled_under(al, units, 2, "Motionen är godkänd. Föreningen får ett damlag.", 20.0) == "9"
    assert settled_under(al, units, 2, "Motionen är godkänd.", 20.0) == "10"  # its matter unsaid: left by time


def test_the_deciding_bodys_own_verb_is_kept_in_the_past() -> None:
    said = "Årsmötet har beslutat att avgiften blir kvar på fyrahundra kronor."
    assert formal_decision(said, "Stämman") == "Stämman beslutade att avgiften blir kvar på fyrahundra kronor."
    said = "Årsmötet valde styrelsen enligt valberedningens förslag."
    assert formal_decision(said, "Stämman") == "Stämman valde styrelsen enligt valberedningens förslag."
    assert formal_decision("Mötet ansågs rätt utlyst.", "Stämman") == "Mötet ansågs rätt utlyst."


def test_a_filing_placed_under_an_election_by_time_files_the_report_beside_it() -> None:
    lines = [
        ("A", "Välkomna, jag förklarar mötet öppnat."),
        ("A", "Justerare. Bo, kan du?"),
        ("B", "Ja."),
        ("A", "Förra protokollet har ni läst. Då lägger vi det till handlingarna."),  # 30 s, the start set at 40 s
        ("A", "Ekonomin. Cilla?"),
    ]
    spans = [
        ItemSpan(number="1", title="Öppnande", kind="open", treated=True, start=0.0, end=10.0),
        ItemSpan(number="2", title="Val av justerare", kind="adjusters", treated=True, start=10.0, end=40.0),
        ItemSpan(number="3", title="Föregående protokoll", kind="previous", treated=True, start=40.0, end=45.0),
        ItemSpan(number="4", title="Ekonomi", treated=True, start=45.0, end=60.0),
    ]
    al = Alignment(items=spans)
    units = build_units(spoken(lines))
    assert settled_under(al, units, 3, "Föregående protokoll lades till handlingarna.", 35.0) == "3"
    assert settled_under(al, units, 3, "Mötet beslutade att välja Bo Ek till justerare.", 35.0) == "2"


def test_a_filing_placed_under_the_opening_files_the_minutes_after_it_even_unplaced() -> None:
    lines = [
        ("A", "Välkomna, jag förklarar mötet öppnat. Förra mötets anteckningar har ni läst."),
        ("A", "Då läggs de till handlingarna."),  # 10 s, the minutes' start not found
        ("A", "Ekonomin. Cilla?"),
    ]
    spans = [
        ItemSpan(number="1", title="Inledning", kind="open", treated=True, start=0.0, end=20.0),
        ItemSpan(number="2", title="Föregående anteckningar", kind="previous"),
        ItemSpan(number="3", title="Ekonomi", treated=True, start=20.0, end=30.0),
    ]
    al = Alignment(items=spans)
    units = build_units(spoken(lines))
    assert settled_under(al, units, 1, "De lades till handlingarna.", 10.0) == "2"


def test_a_later_turn_putting_another_matter_off_is_no_part_of_the_decision() -> None:
    close = Evidence(segment_id=8, start=80.0, end=84.0, quote="Då är det så: Bo julafton, Cilla nyårsafton.")
    later = Evidence(
        segment_id=9,
        start=85.0,
        end=92.0,
        quote="Kurserna i Göteborg får vänta till januari. Budgeten för nästa år är inte klar.",
    )
    text = (
        "Bo julafton, Cilla nyårsafton. Kurserna i Göteborg får vänta till januari. Budgeten för nästa år är inte klar."
    )
    titles = {"7": {"ledig", "jul", "nyår"}, "8": {"kompetensutveckling"}}
    said, evidence = order_apart(text, [close, later], titles, "7")
    assert (said, [e.segment_id for e in evidence]) == ("Bo julafton, Cilla nyårsafton.", [8])
    again = Evidence(segment_id=9, start=85.0, end=92.0, quote="Och julafton får vänta till klockan tre, Bo.")
    assert order_apart("Bo julafton. Julafton får vänta till klockan tre.", [close, again], titles, "7")[1] == [
        close,
        again,
    ]  # the same matter said again is part of it


def test_a_decision_worded_from_a_question_takes_the_groups_fuller_close() -> None:
    quotes = ["Då köper vi en ny kaffebryggare för pengarna i kaffekassan. Tove, du väljer en?"]
    said = restated("Mötet beslutade att köpa en ny.", quotes)
    assert formal_decision(said, "Mötet") == "Mötet beslutade att köpa en ny kaffebryggare för pengarna i kaffekassan."
    assert restated("Mötet beslutade att köpa kåpor till alla.", ["Vi köper kåpor till alla."]).startswith("Mötet")
    asked = ["Köper vi en ny kaffebryggare för pengarna i kaffekassan?"]  # a question is no close
    assert restated("Mötet beslutade att köpa en ny.", asked) == "Mötet beslutade att köpa en ny."


def test_the_agenda_put_as_a_participle_by_a_member_and_said_back_is_approved() -> None:
    agenda = "Styrelsemöte\n1. Öppnande\n2. Godkännande av dagordningen\n3. Höstens fest\n4. Avslutning\n"
    for answer, approved in (("Godkänd.", True), ("Nej, vänta lite.", False)):
        lines = [
            ("A", "Välkomna, jag förklarar mötet öppnat."),
            ("A", "Dagordningen. Festen tar vi först, Cilla måste gå tidigt."),
            ("B", "Så festen först och sedan resten. Godkänd?"),
            ("C", answer),
            ("A", "Höstens fest. Cilla, du har pratat med bygdegården?"),
            ("C", "Ja, vi får låna den gratis i oktober om vi städar själva efteråt."),
            ("A", "Då förklarar jag mötet avslutat."),
        ]
        got = decisions(protokoll(lines, agenda), "2")
        assert (got == ["Styrelsen beslutade att godkänna dagordningen."]) is approved, answer


def test_an_outcome_said_by_a_pronoun_is_said_of_the_items_matter() -> None:
    def worded(said: str, title: str) -> str:
        return formal_decision(titled_subject(said, title), "Styrelsen")

    assert worded("Är den godkändes.", "Godkännande av dagordningen") == "Dagordningen godkändes."
    assert worded("Då är de godkända.", "Föregående mötes anteckningar") == "Föregående mötes anteckningar godkändes."
    said = "Det beslutades att vänta."
    assert worded(said, "Ekonomi") == formal_decision(said, "Styrelsen")  # no outcome of the item's matter


def test_a_filing_naming_a_report_goes_under_that_report_wherever_it_was_placed() -> None:
    lines = [
        ("A", "Välkomna, jag förklarar mötet öppnat."),
        ("A", "Per, kan du skriva i dag?"),
        ("B", "Ja."),
        ("A", "Då tackar vi Per och lägger redovisningen till handlingarna."),  # 30 s, placed under the secretary
    ]
    spans = [
        ItemSpan(number="1", title="Öppnande", kind="open", treated=True, start=0.0, end=10.0),
        ItemSpan(number="2", title="Val av sekreterare", kind="secretary", treated=True, start=10.0, end=40.0),
        ItemSpan(number="3", title="Dagordningen", kind="agenda"),
        ItemSpan(number="4", title="Föregående protokoll", kind="previous"),
        ItemSpan(number="5", title="Ekonomisk redovisning", treated=True, start=40.0, end=50.0),
    ]
    units = build_units(spoken(lines))
    said = "Redovisningen lades till handlingarna."
    assert settled_under(Alignment(items=spans), units, 3, said, 30.0) == "5"  # not the minutes beside it


def test_a_standard_items_outcome_in_its_fixed_form_goes_to_the_item_of_that_kind() -> None:
    lines = [
        ("A", "Välkomna, jag förklarar årsmötet öppnat."),
        ("A", "Kallelsen gick ut för fyra veckor sedan. Då är mötet rätt utlyst."),  # 10 s, placed under the agenda
        ("A", "Dagordningen har ni fått."),
    ]
    spans = [
        ItemSpan(number="1", title="Årsmötets öppnande", kind="open", treated=True, start=0.0, end=5.0),
        ItemSpan(
            number="2", title="Fråga om mötet är behörigen utlyst", kind="quorum", treated=True, start=5.0, end=8.0
        ),
        ItemSpan(number="3", title="Godkännande av dagordningen", kind="agenda", treated=True, start=8.0, end=30.0),
    ]
    units = build_units(spoken(lines))
    al = Alignment(items=spans)
    assert settled_under(al, units, 1, "Mötet ansågs rätt utlyst.", 15.0) == "2"
    assert settled_under(al, units, 1, "Vi har kallat in en elektriker till köket.", 15.0) == "3"  # no notice


def test_a_decision_said_in_full_or_by_the_deciding_verb_keeps_its_words() -> None:
    both = ["Då beslutar vi att alla äldreboenden får besök på bestämda dagar och att vi har två par röstmottagare."]
    said = "Nämnden beslutade att ha två par röstmottagare."
    assert restated(said, both) == said  # not the other decision of the same sentence
    assert titled_subject("Är den godkändes.", "Dagordning") == "Dagordningen godkändes."
