"""Decisions a protokoll meeting says in formal words or in the chair's closing of an item (hand-made meetings)."""

from __future__ import annotations

from tests.agenda_meeting import protokoll_of

STAMMA = """Dagordning vid årsmöte i Byalaget
1. Mötets öppnande
2. Styrelsens verksamhetsberättelse
3. Revisorernas berättelse
4. Fråga om ansvarsfrihet för styrelsen
5. Arvoden
6. Badplatsen
7. Mötets avslutande
"""


def protokoll(lines: list[tuple[str, str]], agenda: str = STAMMA):
    return protokoll_of(lines, agenda, "Årsmöte i Byalaget")


def decisions(prot, number: str) -> list[str]:
    return [d.text for d in prot.paragraph(number).decisions]


OPENING = [("A", "Välkomna allihop, jag förklarar årsmötet öppnat.")]
CLOSING = [("A", "Punkt sju. Tack allihop, jag förklarar mötet avslutat.")]


def test_reports_filed_and_a_discharge_in_set_phrases_are_each_a_decision() -> None:
    prot = protokoll(
        [
            *OPENING,
            ("A", "Punkt två, verksamhetsberättelsen. Cecilia, berätta om året."),
            ("C", "Vi har haft ett lugnt år med två städdagar och en ny brygga vid badet."),
            ("A", "Frågor på det? Inga. Då läggs den till handlingarna."),
            ("A", "Punkt tre, revisorernas berättelse. Bertil?"),
            ("B", "Vi har granskat räkenskaperna och har inget att anmärka på."),
            ("A", "Tack. Då läggs revisionsberättelsen till handlingarna."),
            ("A", "Punkt fyra, ansvarsfriheten. Vi tillstyrker att styrelsen beviljas ansvarsfrihet, säger de."),
            ("B", "Bifall."),
            ("A", "Styrelsen har beviljats ansvarsfrihet."),
            *CLOSING,
        ]
    )
    assert decisions(prot, "2") == ["Stämman beslutade att lägga styrelsens verksamhetsberättelse till handlingarna."]
    assert decisions(prot, "3") == ["Stämman beslutade att lägga revisionsberättelsen till handlingarna."]
    said = [d for d in prot.paragraph("4").decisions]
    assert len(said) == 1 and "ansvarsfrihet" in said[0].text
    assert not any("tillstyrker" in d.text for p in prot.paragraphs for d in p.decisions)


def test_a_bare_assent_takes_its_matter_from_the_sentence_after_it_or_is_flagged() -> None:
    prot = protokoll(
        [
            *OPENING,
            ("A", "Punkt fem, arvodena. Bertil?"),
            ("B", "Styrelsen vill ha oförändrade arvoden."),
            ("C", "Det tycker jag låter rimligt."),
            ("A", "Är mötet enigt? Ja. Så beslutas."),
            ("A", "Punkt sex, badplatsen."),
            ("C", "Bryggan behöver lagas före sommaren, annars kan ingen bada från den."),
            ("B", "Jag kan titta på virket."),
            ("A", "Det beslutar vi. Bryggan lagas före midsommar och Bertil köper virket."),
            *CLOSING,
        ]
    )
    fee = prot.paragraph("5").decisions
    assert len(fee) == 1 and fee[0].needs_review and "arvoden" in fee[0].text
    assert decisions(prot, "6") == ["Stämman beslutade att bryggan lagas före midsommar och Bertil köper virket."]
    assert not prot.paragraph("6").decisions[0].needs_review


def test_the_chairs_closing_of_an_item_is_its_decision_flagged_for_review() -> None:
    board = """Dagordning styrelsemöte
1. Mötets öppnande
2. Tvättstugan
3. Höstens aktiviteter
4. Mötets avslutande
"""
    prot = protokoll(
        [
            ("A", "Välkomna, jag förklarar mötet öppnat."),
            ("A", "Punkt två, tvättstugan."),
            ("C", "Bokningstavlan har gått sönder igen, och folk tvättar på varandras tider."),
            ("B", "Kan vi inte kräva ett digitalt bokningssystem?"),
            (
                "A",
                "Vi skriver till bostadsbolaget och kräver ett digitalt bokningssystem, och skickar en kopia till"
                " Hyresgästföreningen.",
            ),
            ("A", "Punkt tre, höstens aktiviteter."),
            ("C", "Förra året var loppisen populär. Och en kväll med läxhjälp?"),
            ("A", "Vi kör båda. Loppis i oktober och läxhjälp varannan tisdag från november."),
            ("A", "Punkt fyra. Tack, jag förklarar mötet avslutat."),
        ],
        board,
    )
    laundry = prot.paragraph("2").decisions
    assert [d.text for d in laundry] == [
        "Styrelsen beslutade att skriva till bostadsbolaget och kräva ett digitalt bokningssystem, och skicka en kopia"
        " till Hyresgästföreningen."
    ]
    assert laundry[0].needs_review
    assert decisions(prot, "3") == ["Styrelsen beslutade: loppis i oktober och läxhjälp varannan tisdag från november."]


def test_no_decision_from_a_report_a_hedge_or_the_meeting_moving_on() -> None:
    board = """Dagordning styrelsemöte
1. Mötets öppnande
2. Ekonomi
3. Lokalen
4. Mötets avslutande
"""
    prot = protokoll(
        [
            ("A", "Välkomna, jag förklarar mötet öppnat."),
            ("A", "Punkt två, ekonomin. Bertil?"),
            ("B", "Vi har fyrtiotusen i kassan och alla fakturor är betalda."),
            ("A", "Vi har sålt åttahundra lotter i år, det är rekord."),
            ("A", "Punkt tre, lokalen."),
            ("C", "Hyresvärden vill höja hyran med tio procent från januari."),
            ("A", "Vi kanske letar efter en annan lokal om det blir så. Vi får se vad de säger."),
            ("A", "Om stämman beslutar att höja avgiften klarar vi det."),
            ("A", "Vi går vidare. Punkt fyra. Tack, jag förklarar mötet avslutat."),
        ],
        board,
    )
    assert decisions(prot, "2") == [] and decisions(prot, "3") == []


def test_the_chairs_ruling_and_a_counted_vote_are_decisions() -> None:
    council = """Dagordning för kultur- och fritidsnämnden
1. Sammanträdets öppnande
2. Bidrag till föreningar
3. Motion om nytt konstgräs
4. Sammanträdets avslutande
"""
    prot = protokoll(
        [
            ("A", "Välkomna, jag förklarar sammanträdet öppnat."),
            ("A", "Punkt två, bidragen. Arbetsutskottet föreslår tre miljoner till föreningarna."),
            ("B", "Jag yrkar bifall till arbetsutskottets förslag."),
            ("C", "Jag yrkar på två och en halv miljon."),
            ("A", "Jag finner bifall till arbetsutskottets förslag."),
            ("A", "Punkt tre, motionen om konstgräs. Den som vill bifalla motionen räcker upp handen."),
            ("B", "Fyra för och sju emot, räknade jag."),
            ("A", "Fyra röster för och sju emot, motionen har fallit."),
            ("A", "Punkt fyra. Tack, sammanträdet är avslutat."),
        ],
        council,
    )
    assert decisions(prot, "2") == ["Nämnden beslutade att bifalla arbetsutskottets förslag."]
    assert decisions(prot, "3") == ["Nämnden beslutade att avslå motionen."]


def test_information_noted_and_a_matter_sent_back_are_decisions() -> None:
    council = """Dagordning för miljönämnden
1. Sammanträdets öppnande
2. Information om tillsynen
3. Detaljplan för Norra hamnen
4. Sammanträdets avslutande
"""
    prot = protokoll(
        [
            ("A", "Välkomna, jag förklarar sammanträdet öppnat."),
            ("A", "Punkt två, information om tillsynen. Bertil?"),
            ("B", "Vi har gjort fyrtio inspektioner i år, de flesta utan anmärkning."),
            ("A", "Tack, informationen noteras."),
            ("A", "Punkt tre, detaljplanen för Norra hamnen."),
            ("C", "Bullerutredningen saknas, vi kan inte ta ställning till planen utan den."),
            ("A", "Ärendet återremitteras till förvaltningen för en bullerutredning."),
            ("A", "Punkt fyra. Tack, sammanträdet är avslutat."),
        ],
        council,
    )
    assert decisions(prot, "2") == ["Nämnden beslutade att notera informationen."]
    assert decisions(prot, "3") == [
        "Nämnden beslutade att återremittera ärendet till förvaltningen för en bullerutredning."
    ]


def test_the_chairs_closing_may_name_the_association_as_the_one_who_acts() -> None:
    board = """Dagordning styrelsemöte
1. Mötets öppnande
2. Skolgården
3. Mötets avslutande
"""
    prot = protokoll(
        [
            ("A", "Välkomna, jag förklarar mötet öppnat."),
            ("A", "Punkt två, skolgården."),
            ("C", "Kommunen betalar hälften av klätterställningen om vi står för resten, ungefär tjugotusen."),
            ("B", "Det har vi råd med, kassan är god."),
            ("A", "Är alla för det? Bra, då betalar föreningen tjugotusen till klätterställningen."),
            ("A", "Punkt tre. Tack, jag förklarar mötet avslutat."),
        ],
        board,
    )
    assert decisions(prot, "2") == ["Styrelsen beslutade att betala tjugotusen till klätterställningen."]


def test_the_chairs_outcome_said_as_what_it_becomes_is_the_items_decision() -> None:
    board = """Dagordning styrelsemöte
1. Mötets öppnande
2. Larmkoden
3. Skyddsronden
4. Övriga frågor
5. Mötets avslutande
"""
    opening = [("A", "Välkomna, jag förklarar mötet öppnat."), ("A", "Punkt två, larmkoden.")]
    code = [("B", "Fjorton personer har koden, och den har inte bytts på tre år."), ("C", "Det är inte okej.")]
    rest = [
        ("A", "Punkt tre, skyddsronden."),
        ("B", "Den är inte gjord sedan mars. Jag föreslår tisdagen den nittonde."),
        ("A", "Då blir skyddsronden tisdagen den nittonde, klockan nio."),
        ("A", "Punkt fyra, övriga frågor."),
        ("C", "Städdagen. Lördagen den tjugoandra april?"),
        ("B", "Det passar mig."),
        ("A", "Tjugoandra april blir det."),
        ("A", "Punkt fem. Tack, jag förklarar mötet avslutat."),
    ]
    said = ("A", "Nej. Så här blir det: koden byts nu, och bara fem personer får den nya.")
    prot = protokoll([*opening, *code, said, *rest], board)
    assert decisions(prot, "2") == ["Styrelsen beslutade att koden byts nu, och bara fem personer får den nya."]
    assert decisions(prot, "3") == ["Styrelsen beslutade att skyddsronden blir tisdagen den nittonde, klockan nio."]
    assert decisions(prot, "4") == ["Styrelsen beslutade: tjugoandra april blir det."]
    assert all(d.needs_review for n in "234" for d in prot.paragraph(n).decisions)
    hedged = [
        ("A", "Vi får se hur det blir."),
        *rest[:2],
        ("A", "Så blir det nog."),
        *rest[3:6],
        ("A", "Så blir det."),
        rest[7],
    ]
    prot = protokoll([*opening, *code, *hedged], board)
    assert decisions(prot, "2") == decisions(prot, "3") == decisions(prot, "4") == []


def test_a_task_given_by_the_body_and_a_statement_recorded_as_a_decision_are_decisions() -> None:
    board = """Dagordning nämndsammanträde
1. Sammanträdets öppnande
2. Driftläget
3. Snöröjningen
4. Övriga frågor
5. Sammanträdets avslutande
"""
    lines = [
        ("A", "Välkomna, jag förklarar sammanträdet öppnat."),
        ("A", "Punkt två, driftläget."),
        ("B", "Panna två vibrerar fortfarande, ventilen kommer om tre veckor."),
        ("A", "Punkt tre, snöröjningen."),
        ("C", "Entreprenören har inte röjt cykelbanorna före sju en enda morgon."),
        ("A", "Jag föreslår att nämnden ger förvaltningen i uppdrag att utreda vite mot entreprenören."),
        ("B", "Bifall."),
        ("A", "Då har nämnden gett förvaltningen det uppdraget."),
        ("A", "Punkt fyra, övriga frågor."),
        ("C", "Får jag gå tillbaka till pannan? Vi borde köra den på femtio procent tills ventilen är bytt."),
        ("A", "Okej. Panna två går på femtio procent tills ventilen är bytt. Skriv det som ett beslut under driften."),
        ("A", "Punkt fem. Tack, jag förklarar sammanträdet avslutat."),
    ]
    prot = protokoll(lines, board)
    snow = prot.paragraph("3").decisions
    assert [d.text for d in snow] == [
        "Nämnden beslutade att ge förvaltningen i uppdrag att utreda vite mot entreprenören."
    ]
    assert snow[0].needs_review  # worded from the proposal
    assert decisions(prot, "2") == ["Nämnden beslutade att panna två går på femtio procent tills ventilen är bytt."]
    assert decisions(prot, "4") == []
    lines[7] = ("A", "Då får vi se om nämnden ger förvaltningen det uppdraget i vår.")
    lines[10] = ("A", "Okej. Panna två går på femtio procent tills ventilen är bytt. Vi får se.")
    prot = protokoll(lines, board)
    assert decisions(prot, "3") == [] and decisions(prot, "2") == []


def test_each_matter_of_an_item_the_chair_closes_after_others_spoke_is_a_decision() -> None:
    board = """Dagordning APT
1. Inledning
2. Arbetsmiljö
3. Avslutning
"""
    lines = [
        ("A", "God morgon allihop, då kör vi igång. Jag förklarar mötet öppnat."),
        ("A", "Punkt två, arbetsmiljön. Björn."),
        ("B", "Två saker. Skyddsronden är inte gjord sedan mars."),
        ("C", "Jag har dagpass på tisdag, det går bra."),
        ("A", "Vi gör skyddsronden på tisdag klockan nio med Björn och Sanna."),
        ("B", "Och den andra saken. Folk går in i pannhallen utan hörselskydd."),
        ("C", "Det hängde proppar vid dörren förr."),
        (
            "A",
            "Vi sätter en låda med engångsproppar vid dörren, och lunchen äts i två sittningar en halvtimme senare.",
        ),
        ("A", "Punkt tre. Tack, jag förklarar mötet avslutat."),
    ]
    prot = protokoll(lines, board)
    assert decisions(prot, "2") == [
        "Stämman beslutade att göra skyddsronden på tisdag klockan nio med Björn och Sanna.",
        "Stämman beslutade att sätta en låda med engångsproppar vid dörren, och lunchen äts i två sittningar en"
        " halvtimme senare.",
    ]
    lines[5:7] = []  # no one speaks between the two: the later one says how the item closes
    assert len(decisions(protokoll(lines, board), "2")) == 1
