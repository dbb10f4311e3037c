"""The agenda protokoll on a chair who says things in her own words: roles asked for by what the person will do
under an item titled by the work ("Anteckningar och justering"), the elections' outcomes said as decisions, items
closed by "Så. …", "… Så kör vi." or "Vi söker kulturbidraget." after a member raised it, the close begun at "Något
mer?", and the minutes read aloud. Hand-made meetings, ten seconds per line."""

from __future__ import annotations

from tests.agenda_meeting import lines_transcript
from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.minutes.model import Decision, Evidence, Minutes
from transcribe.minutes.protokoll import build_protokoll

NAMES = {"A": "Camilla Norén", "B": "Rania Haddad", "C": "Mikael Sundqvist", "D": "Jesper Ek"}
WORKPLACE = """Arbetsplatsträff
1. Inledning
2. Anteckningar och justering
3. Föregående minnesanteckningar
4. Bemanning i sommar
5. Avslutning
"""


def protokoll(lines: list[tuple[str, str]], agenda: str, names: dict[str, str] = NAMES, title: str = "Möte"):
    tr = lines_transcript(lines, names)
    ag = parse_agenda_text(agenda)
    al = align_agenda(ag, tr)
    return build_protokoll(Minutes(title=title), tr, ag, al), al


def roles_of(prot) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for r in prot.roles:
        out.setdefault(r.role, []).append(r.name)
    return {k: sorted(v) for k, v in out.items()}


WORK_LINES = [
    ("A", "Okej, alla som kan är här. Jag leder det här eftersom jag är chef. Välkomna."),
    ("A", "Rania, vill du vara den som skriver ner vad vi kommer fram till i dag?"),
    ("B", "Ja, det kan jag."),
    ("A", "Och Mikael kontrollerar anteckningarna och skriver under efteråt. Går det?"),
    ("C", "Absolut."),
    ("A", "Förra gångens anteckningar. Någon som har synpunkter?"),
    ("D", "Nej, de var bra."),
    ("A", "Då är de godkända. Bemanningen i sommar då."),
    ("D", "Vi saknar två sjuksköterskor i juli, och ingen vikarie har svarat på annonsen ännu."),
    ("A", "Jag ringer bemanningsföretaget i morgon. Något mer? Då avslutar vi, tack allihop."),
]


def test_roles_asked_for_by_their_work_under_an_item_titled_by_the_work() -> None:
    prot, al = protokoll(WORK_LINES, WORKPLACE)
    assert roles_of(prot) == {
        "ordförande": ["Camilla Norén"],
        "sekreterare": ["Rania Haddad"],
        "justerare": ["Mikael Sundqvist"],
    }
    assert al.item("2").start == 10.0  # the first ask opens the item, not the second after Rania's yes


def test_the_minutes_read_alone_are_no_election() -> None:
    lines = [(s, t.replace("kontrollerar anteckningarna och skriver under", "tar kaffet")) for s, t in WORK_LINES]
    prot, _ = protokoll(lines, WORKPLACE.replace("Anteckningar och justering", "Föregående anteckningar"))
    assert "justerare" not in roles_of(prot)


ANNUAL = """Årsmöte
1. Årsmötets öppnande
2. Val av mötesordförande
3. Val av mötessekreterare
4. Val av två justerare
5. Fastställande av dagordningen
6. Avslutning
"""
ANNUAL_NAMES = {"A": "Göran Wikman", "B": "Britt Ek", "C": "Ali Rahimi", "D": "Emma Forsman", "E": "Saga Lindberg"}


def annual(lines_after_chair: list[tuple[str, str]]):
    lines = [
        ("A", "Hej allihop och välkomna till årsmötet. Jag förklarar årsmötet öppnat."),
        ("A", "Och nu lämnar jag ordet till valberedningen, för jag ska inte leda det här själv. Britt."),
        ("B", "Vi i valberedningen har bett Ali Rahimi att hålla ordning på oss i dag. Kan årsmötet tänka sig det?"),
        ("E", "Ja."),
        ("B", "Då är det Ali. Varsågod."),
        *lines_after_chair,
        ("C", "Dagordningen ligger på era bord. Några ändringar?"),
        ("E", "Nej."),
        ("C", "Då har vi fastställt dagordningen. Tack, årsmötet är avslutat."),
    ]
    return protokoll(lines, ANNUAL, ANNUAL_NAMES, "Årsmöte")


def test_an_election_whose_outcome_is_said_is_a_decision_of_its_item() -> None:
    prot, al = annual(
        [
            ("C", "Tack. Jag behöver någon som skriver. Emma, du sa att du kunde tänka dig?"),
            ("D", "Jag skriver, ja."),
            ("C", "Det blir Emma då. Och så två som skriver under protokollet när det är klart. Förslag?"),
            ("E", "Jag kan. Och Lars från Piteå, du nickar där borta?"),
            ("C", "Lars nickar. Saga Lindberg och Lars Nyström alltså."),
        ]
    )
    assert al.item("2").start == 10.0  # the one who opened hands the chair over: the election starts there
    decided = {p.number: [d.text for d in p.decisions] for p in prot.paragraphs}
    assert any("Ali Rahimi" in t for t in decided["2"])
    assert any("Emma Forsman" in t for t in decided["3"])
    assert any("Saga Lindberg och Lars Nyström" in t for t in decided["4"])
    assert sorted(r.name for r in prot.roles if r.role == "justerare") == ["Lars Nyström", "Saga Lindberg"]


def test_an_election_left_at_a_yes_makes_no_decision() -> None:
    prot, _ = annual(
        [
            ("C", "Tack. Jag behöver någon som skriver. Emma, kan du tänka dig det?"),
            ("D", "Jag skriver, ja."),
        ]
    )
    assert [r.name for r in prot.roles if r.role == "sekreterare"] == ["Emma Forsman"]
    assert not next(p for p in prot.paragraphs if p.number == "3").decisions


BOARD = """Styrelsemöte
1. Mötets öppnande
2. Godkännande av dagordningen
3. Ekonomi
4. Julkonserten
5. Schemat
6. Mötets avslutande
"""
BOARD_NAMES = {"A": "Marianne Holm", "B": "Per Wahl", "C": "Hedda Lund", "D": "Lotta Berg"}


def board():
    lines = [
        ("A", "Då är vi alla här. Mötet är öppnat."),
        ("A", "Bra. Dagordningen har ni fått på mejl. Hedda, du sa att du måste gå tidigt?"),
        ("C", "Ja."),
        ("A", "Då är dagordningen godkänd."),
        ("A", "Ekonomi. Per."),
        ("B", "Vi har sextiotusen på kontot. Kommunens kulturbidrag för föreningar går att söka till oktober."),
        ("C", "Sök det. Vad har vi att förlora?"),
        ("A", "Ja. Vi söker kulturbidraget."),
        ("A", "Julkonserten. Hedda."),
        ("C", "Domkyrkan har gett oss söndagen den tolfte december, och jag tycker vi tar tvåhundra för biljetten."),
        ("B", "Tvåhundra är rimligt."),
        ("A", "Så. Julkonserten i Domkyrkan den tolfte december, och biljetterna kostar tvåhundra kronor."),
        ("A", "Schemat för våren."),
        ("D", "Alla vill vara lediga i påsk, det går inte ihop."),
        ("A", "Principen står: den som jobbade påsk i fjol är ledig i år. Så kör vi."),
        ("A", "Tack för i kväll. Mötet är avslutat."),
    ]
    return protokoll(lines, BOARD, BOARD_NAMES, "Styrelsemöte")


def test_closings_in_the_chairs_own_words_are_the_items_decisions() -> None:
    prot, _ = board()
    decided = {p.number: " ".join(d.text for d in p.decisions) for p in prot.paragraphs}
    assert "godk" in decided["2"] and "dagordningen" in decided["2"].lower()
    assert "kulturbidraget" in decided["3"]
    assert "tolfte december" in decided["4"]
    assert "jobbade påsk i fjol" in decided["5"]


CLOSING = """Styrelsemöte
1. Mötets öppnande
2. Ekonomi
3. Resan till Tallinn
4. Övriga frågor
5. Mötets avslutande
"""


def test_the_close_begins_at_the_chairs_call_for_more_and_an_echo_opens_no_struck_item() -> None:
    lines = [
        ("A", "Välkomna, mötet är öppnat. Tallinn har vi inga offerter på än, den får vänta till nästa möte."),
        ("A", "Ekonomi. Per."),
        ("B", "Vi har sextiotusen på kontot och alla medlemsavgifter har kommit in utom tre, så det ser bra ut."),
        ("A", "Tack. Övriga frågor då?"),
        ("C", "Körjackorna är slitna, vi borde se över dem till våren när vi vet mer om pengarna."),
        ("A", "Det tar vi upp i vår."),
        ("A", "Något mer? Nej. Nästa styrelsemöte har vi tisdagen den nittonde oktober, klockan sju, här."),
        ("C", "Och Tallinn."),
        ("A", "Och Tallinn. Tack för i kväll. Mötet är avslutat."),
    ]
    _, al = protokoll(lines, CLOSING, BOARD_NAMES, "Styrelsemöte")
    assert not al.item("3").treated
    assert al.item("5").start == 60.0


def test_a_decision_read_aloud_from_the_last_minutes_is_no_decision() -> None:
    said = "Jag har en sak. Det står att vi beslutade att sjunga Rutter på julkonserten. Vi beslutade bara att titta."
    quoted = Decision(
        id="d1",
        text="Mötet beslutade att sjunga Rutter på julkonserten.",
        evidence=[Evidence(segment_id=2, start=20.0, end=28.0, quote=said)],
    )
    made = Decision(
        id="d2",
        text="Mötet beslutade att söka kulturbidraget.",
        evidence=[Evidence(segment_id=3, start=30.0, end=38.0, quote="Vi söker kulturbidraget.")],
    )
    lines = [
        ("A", "Välkomna, mötet är öppnat."),
        ("A", "Ekonomi. Per."),
        ("C", said),
        ("A", "Vi söker kulturbidraget."),
        ("A", "Tack för i kväll. Mötet är avslutat."),
    ]
    tr = lines_transcript(lines, BOARD_NAMES)
    ag = parse_agenda_text("Styrelsemöte\n1. Mötets öppnande\n2. Ekonomi\n3. Mötets avslutande\n")
    prot = build_protokoll(Minutes(title="Styrelsemöte", decisions=[quoted, made]), tr, ag, align_agenda(ag, tr))
    decided = [d.text for p in prot.paragraphs for d in p.decisions]
    assert any("kulturbidraget" in t for t in decided)
    assert not any("Rutter" in t for t in decided)


ANNUAL_OPENED = """Årsmöte
1. Mötets öppnande
2. Val av ordförande, sekreterare och justerare för mötet
3. Verksamhetsberättelse
4. Mötets avslutande
"""


def test_the_board_chair_saying_her_own_office_is_not_the_meetings_chair() -> None:
    lines = [
        ("A", "Hej och välkomna allihop. Jag förklarar årsmötet öppnat."),
        (
            "A",
            "Jag har suttit ordförande i styrelsen hela året, och då tycker jag inte att det är jag som ska hålla i"
            " mötet. Jesper, du gjorde det så bra förra gången. Vill du sitta längst fram i kväll?",
        ),
        ("D", "Om ingen annan vill, så gärna."),
        ("A", "Någon som har något emot Jesper? Nej. Då är det Jesper."),
        ("D", "Tack. Rania, kan du skriva protokollet?"),
        ("B", "Ja, jag skriver."),
        ("D", "Verksamhetsberättelsen. Den har ni fått. Då lägger vi den till handlingarna."),
        ("D", "Då är mötet avslutat."),
    ]
    prot, _ = protokoll(lines, ANNUAL_OPENED, title="Årsmöte")
    assert "Camilla Norén" not in roles_of(prot).get("ordförande", [])  # her office in the board, said in passing
