"""Starts and roles read from the turns (agenda/outcome.py, agenda/subitems.py, roles._leader_named): the chair
handed over after the opening was elected in between, and the one named there who then leads is the ordförande;
the asker's outcome after the floor's yes starts no item; the sentences after the chair opens an item speak of it;
an early election of the meeting's officials is not started by a later election's words; a parent item named by
its own title starts its first sub-item. Hand-made meetings, ten seconds per line."""

from __future__ import annotations

from tests.agenda_meeting import lines_transcript
from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.minutes.model import Minutes
from transcribe.minutes.protokoll import build_protokoll

ANNUAL = """Årsmöte
1. Årsmötets öppnande
2. Val av ordförande för mötet
3. Val av sekreterare för mötet
4. Verksamhetsberättelse
5. Ansvarsfrihet för styrelsen
6. Val av styrelse och revisorer
7. Årsmötets avslutande
"""
NAMES = {"A": "Greta Holm", "B": "Bertil Sjö", "C": "Karin Vall", "D": "Olof Rask", "E": "Stina Berg"}
LINES = [
    ("A", "Välkomna allihop. Jag förklarar årsmötet öppnat."),
    ("A", "Sen behöver vi någon som håller ordning på oss i dag. Bertil, du har väl ett förslag?"),  # 10 s: 2
    ("B", "Ja. Vi tycker att Karin passar, hon har gjort det förut och sitter inte i styrelsen."),
    ("A", "Är alla med på det?"),
    ("D", "Ja."),
    ("A", "Då är det ditt, Karin."),
    ("C", "Tack. Någon behöver skriva ner vad vi kommer fram till. Olof?"),  # 60 s: 3
    ("D", "Jag skriver."),
    ("C", "Verksamhetsberättelsen. Greta, vill du säga något om året?"),  # 80 s: 4
    ("A", "Vi har haft fler medlemmar än någonsin och två stora loppisar."),
    ("C", "Tack. Då lägger vi den till handlingarna."),
    ("C", "Bra. Då går vi till ansvarsfriheten."),  # 110 s: 5
    ("C", "Revisorerna föreslår att styrelsen beviljas ansvarsfrihet för året. Kan årsmötet göra det?"),
    ("E", "Ja."),
    ("D", "Ja."),
    ("C", "Styrelsen har ansvarsfrihet för året, grattis."),
    ("A", "Tack, vi andas ut."),
    ("C", "Valen. Bertil."),  # 170 s: 6
    ("B", "Valberedningen föreslår omval av Greta som ordförande på ett år och nyval av Stina som ledamot."),
    ("C", "Kan årsmötet välja enligt förslaget?"),
    ("E", "Ja."),
    ("C", "Då har årsmötet valt styrelse och revisorer enligt förslaget."),
    ("C", "Då tackar jag för i dag. Årsmötet är avslutat."),  # 220 s: 7
]


def align(lines: list[tuple[str, str]], agenda: str = ANNUAL):
    tr = lines_transcript(lines, NAMES)
    ag = parse_agenda_text(agenda)
    al = align_agenda(ag, tr)
    return al, build_protokoll(Minutes(title="Årsmöte"), tr, ag, al)


def test_the_chair_handed_over_after_the_opening_was_elected_in_between() -> None:
    al, _ = align(LINES)
    assert al.item("2").start == 10.0
    assert al.item("3").start == 60.0


def test_the_one_named_at_the_chairs_election_who_then_leads_is_the_ordforande() -> None:
    _, prot = align(LINES)
    chairs = [r for r in prot.roles if r.role == "ordförande"]
    assert [r.name for r in chairs] == ["Karin Vall"]
    assert chairs[0].needs_review  # read from the turns, not said: a proposal to check


def test_the_outcome_after_the_floors_yes_and_a_later_election_start_nothing() -> None:
    al, _ = align(LINES)
    assert al.item("5").start == 110.0  # not at "Styrelsen har ansvarsfrihet …" after the yeses
    assert al.item("6").start == 170.0  # "Valen." elects the board, and the board's words after the transition
    # ("Revisorerna föreslår att styrelsen …") speak of the discharge


SUBS = """Styrelsemöte
1. Mötets öppnande
2. Ekonomi
3. Näringslivsfrukost med kommunen
  a) Datum och talare
  b) Lokal och mat
4. Mötets avslutande
"""
SUB_LINES = [
    ("A", "God morgon, välkomna. Jag förklarar mötet öppnat."),
    ("A", "Pengarna, Stina."),  # 10 s: 2
    ("E", "Vi har hundratusen på kontot och fakturan för mars har inte kommit."),
    ("A", "Vi återkommer till pengarna när fakturan har kommit. Frukosten med kommunen."),  # 30 s: 3a
    ("D", "Kommunalrådet kan komma den sjuttonde september eller den tjugofjärde."),
    ("B", "Den sjuttonde är en fredag, då kommer fler."),
    ("A", "Då säger vi den sjuttonde september."),
    ("C", "Hotellet har plats för hundrafemtio och serverar frukost för hundra kronor."),  # 70 s: 3b
    ("A", "Då tar vi hotellet."),
    ("A", "Tack alla, jag avslutar mötet."),  # 90 s: 4
]


def test_a_parent_named_by_its_own_title_starts_its_first_sub_item() -> None:
    al, _ = align(SUB_LINES, SUBS)
    start = al.item("3a").start
    assert start is not None and 30.0 <= start < 40.0  # in the turn that leaves the economy
