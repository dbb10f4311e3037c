"""Decisions read from an agenda item's structure: title, proposal and the meeting's assent (hand-made meetings)."""

from __future__ import annotations

from tests.agenda_meeting import protokoll_of
from transcribe.agenda.verdicts import title_decision

STAMMA = """Dagordning vid ordinarie föreningsstämma i Brf Linden
1. Stämmans öppnande
2. Val av stämmoordförande
3. Fastställande av dagordningen
4. Beslut om fastställande av resultat- och balansräkning
5. Fråga om ansvarsfrihet för styrelsen
6. Trädgården
7. Stämmans avslutande
"""


def protokoll(lines: list[tuple[str, str]], agenda: str = STAMMA):
    return protokoll_of(lines, agenda, "Föreningsstämma i Brf Linden")


LINES = [
    ("A", "Välkomna, jag förklarar stämman öppnad."),
    ("A", "Punkt två, val av stämmoordförande. Jag föreslår Bertil Ek."),
    ("C", "Bifall."),
    ("B", "Tack. Punkt tre, dagordningen. Kan den fastställas?"),
    ("C", "Ja."),
    ("B", "Punkt fyra, resultat- och balansräkningen. Kan stämman fastställa dem?"),
    ("C", "Ja!"),
    ("B", "Klubbat."),
    ("B", "Punkt fem, ansvarsfrihet för styrelsen. Revisorn tillstyrker ansvarsfrihet."),
    ("B", "Beviljar stämman styrelsen ansvarsfrihet?"),
    ("C", "Ja."),
    ("B", "Då är det beslutat."),
    ("B", "Punkt sex, trädgården. Cecilia?"),
    ("C", "Häcken mot gatan är gammal. Jag föreslår att vi byter ut häcken mot en spaljé i vår."),
    ("A", "Det låter bra, spaljén blir billigare."),
    ("B", "Ja, så beslutar vi."),
    ("B", "Då förklarar jag stämman avslutad."),
]


def decisions(prot, number: str) -> list[str]:
    return [d.text for d in prot.paragraph(number).decisions]


def test_a_standard_item_answered_yes_is_decided_as_its_title_says_and_flagged() -> None:
    prot = protokoll(LINES)
    assert decisions(prot, "4") == ["Stämman beslutade att fastställa resultat- och balansräkning."]
    d = prot.paragraph("4").decisions[0]
    assert d.needs_review and d.review_reason
    assert max(e.start for e in d.evidence) == 70.0  # the chair's "Klubbat." closes it
    assert decisions(prot, "5") == ["Stämman beslutade att bevilja styrelsen ansvarsfrihet."]
    assert decisions(prot, "3") == ["Stämman beslutade att fastställa dagordningen."]


def test_an_ordinary_item_closed_by_assent_takes_the_proposal() -> None:
    prot = protokoll(LINES)
    assert decisions(prot, "6") == ["Stämman beslutade att vi byter ut häcken mot en spaljé i vår."]
    assert prot.paragraph("6").decisions[0].needs_review


def test_no_assent_no_decision_and_a_refusal_is_none() -> None:
    lines = list(LINES)
    lines[15] = ("B", "Vi tar upp det igen på nästa stämma.")
    lines[10] = ("C", "Nej, jag yrkar avslag.")
    lines[11] = ("B", "Då går vi vidare.")
    prot = protokoll(lines)
    assert decisions(prot, "6") == []
    assert decisions(prot, "5") == []
    assert decisions(prot, "2") == []  # an election is reported as a role, not as a decision


def test_the_chairs_own_words_after_then_we_do_so_are_the_decision_and_stand() -> None:
    lines = list(LINES)
    lines[15] = ("B", "Då gör vi så, häcken ersätts med en spaljé i vår.")
    prot = protokoll(lines)
    assert decisions(prot, "6") == ["Stämman beslutade att häcken ersätts med en spaljé i vår."]
    assert not prot.paragraph("6").decisions[0].needs_review


def test_title_decisions() -> None:
    assert title_decision("Fastställande av röstlängd") == "att fastställa röstlängd"
    assert title_decision("Beslut om resultatdisposition") == "om resultatdisposition"
    assert title_decision("Val av revisorer") == "att välja revisorer"
    assert title_decision("Trädgården") is None


BOARD = """Styrelsemöte
1. Mötets öppnande
2. Kassörens rapport
3. Vattnet
4. Semesterschemat
5. Mötets avslutande
"""
BOARD_LINES = [
    ("A", "Välkomna, jag förklarar mötet öppnat."),
    ("A", "Punkt två, kassörens rapport."),
    ("B", "Vi har fyrtiotusen kronor i kassan och alla avgifter är betalda."),
    ("A", "Tack. I övrigt lägger vi rapporten till handlingarna."),
    ("A", "Punkt tre, vattnet."),
    ("C", "Jag har fått en offert från Malmö Rör på sjutusen kronor."),
    ("A", "Då tar vi offerten från Malmö Rör."),
    ("A", "Då är vattnet klart."),
    ("B", "Punkt fyra, semesterschemat. Alternativ A eller B?"),  # the item opened by another than the chair
    ("C", "Jag röstar på B."),
    ("B", "Då blir det alternativ B, tre veckor i sommar och en vecka i september."),
    ("A", "Då förklarar jag mötet avslutat."),
]


def test_filing_taking_an_offer_and_an_outcome_are_decisions_in_the_chairs_words() -> None:
    prot = protokoll(BOARD_LINES, BOARD)
    assert decisions(prot, "2") == ["Styrelsen beslutade att lägga rapporten till handlingarna."]
    # the last closing that says what was decided, not "Då är vattnet klart"
    assert decisions(prot, "3") == ["Styrelsen beslutade att ta offerten från Malmö Rör."]
    # said by the one who opened the item
    assert decisions(prot, "4") == [
        "Styrelsen beslutade att det blir alternativ B, tre veckor i sommar och en vecka i september."
    ]
    assert not any(d.needs_review for n in "234" for d in prot.paragraph(n).decisions)


def test_a_comment_or_another_members_then_we_take_is_no_decision() -> None:
    lines = list(BOARD_LINES)
    lines[6] = ("C", "Då tar vi offerten från Malmö Rör.")  # a member, not the chair or who opened the item
    lines[10] = ("B", "Då blir det bra.")
    prot = protokoll(lines, BOARD)
    assert decisions(prot, "3") == [] and decisions(prot, "4") == []


def test_the_proposal_the_closing_names_is_the_decision_not_the_latest_one() -> None:
    agenda = "Sammanträde med socialnämnden\n1. Sammanträdets öppnande\n2. Motion om fritidsbanker\n3. Avslutning\n"
    lines = [
        ("A", "Jag förklarar sammanträdet öppnat."),
        ("A", "Punkt två, motionen om fritidsbanker. Arbetsutskottet föreslår att motionen tillstyrks."),
        ("B", "Jag yrkar att motionen avslås, vi har inte råd."),
        ("A", "Jag ställer förslagen mot varandra och finner att nämnden har bifallit arbetsutskottets förslag."),
        ("A", "Då förklarar jag sammanträdet avslutat."),
    ]
    prot = protokoll(lines, agenda)
    assert decisions(prot, "2") == ["Nämnden beslutade att motionen tillstyrks."]
    assert prot.paragraph("2").decisions[0].needs_review
