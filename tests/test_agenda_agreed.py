"""An order agreed at the agenda's approval followed, items put off until someone comes, and roles confirmed by the
one who asked: hand-made meetings, ten seconds per line (line i starts at 10*i)."""

from __future__ import annotations

from tests.agenda_meeting import lines_transcript
from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.agenda.align import build_units
from transcribe.minutes.model import Decision, Evidence, Minutes
from transcribe.minutes.protokoll import build_protokoll
from transcribe.minutes.roles import find_roles

NAMES = {"A": "Britt Sund", "B": "Jonas Falk", "C": "Mira Holm", "D": "Pekka Aho", "E": "Stig Rask"}
BOARD = """Båtklubben – styrelsemöte
1. Mötet öppnas
2. Val av justerare
3. Godkännande av dagordningen
4. Föregående protokoll
5. Ekonomi
6. Bryggan
7. Kiosken
8. Övriga frågor
9. Mötet avslutas
"""
AGREED = [
    ("A", "Välkomna, jag förklarar mötet öppnat."),
    ("A", "Vem skriver under protokollet med mig?"),
    ("C", "Jag kan."),
    (
        "A",
        "Dagordningen. Stig har ett pass i hamnen klockan åtta, så jag vill ta kiosken direkt efter förra protokollet.",
    ),
    ("B", "Det går bra."),
    ("A", "Då är dagordningen godkänd. Förra protokollet. Några synpunkter?"),
    ("D", "Inga."),
    ("A", "Då lägger vi det till handlingarna."),
    ("A", "Stig. Varsågod."),
    ("E", "Tack. Jag vill ha öppet i kiosken alla lördagar i sommar, inte bara vid tävlingarna."),
    ("B", "Vem står där?"),
    ("E", "Ungdomarna, mot att de får åka med på seglarlägret."),
    ("A", "Då kör vi på det. Kiosken har öppet alla lördagar i sommar."),
    ("A", "Ekonomin. Jonas."),
    ("B", "Vi har fått in alla avgifter utom tre. Kassan ser bra ut."),
    ("A", "Bryggan då."),
    ("D", "Två bommar är lösa sedan stormen. Jag har pratat med en snickare."),
    ("A", "Övriga frågor? Nej. Då tackar jag för i kväll och förklarar mötet avslutat."),
]


def aligned(lines: list[tuple[str, str]], agenda: str = BOARD):
    tr = lines_transcript(lines, NAMES)
    ag = parse_agenda_text(agenda)
    return tr, ag, align_agenda(ag, tr)


def roles(lines: list[tuple[str, str]], agenda: str) -> dict[str, list[str]]:
    tr, _, al = aligned(lines, agenda)
    out: dict[str, list[str]] = {}
    for r in find_roles(tr, al, build_units(tr)):
        out.setdefault(r.role, []).append(r.name)
    return {k: sorted(v) for k, v in out.items()}


def test_an_item_moved_at_the_approval_starts_where_the_meeting_agreed() -> None:
    tr, ag, al = aligned(AGREED)
    assert al.item("7").start == 80.0  # "Stig. Varsågod.", after the minutes were filed: nothing names the kiosk
    assert al.item("5").start == 130.0
    decision = Decision(
        id="d1",
        text="Kiosken har öppet alla lördagar i sommar.",
        evidence=[Evidence(segment_id=12, speaker="A", start=120.0, end=129.0, quote="Då kör vi på det.")],
    )
    prot = build_protokoll(Minutes(title="Styrelsemöte", decisions=[decision]), tr, ag, al)
    under = {p.number: [d.text for d in p.decisions] for p in prot.paragraphs}
    assert any("lördagar" in d for d in under["7"])  # under the kiosk's own §, not the minutes'


ANNUAL = """Fiskevårdsföreningen – årsmöte
1. Mötet öppnas
2. Val av ordförande och sekreterare för mötet
3. Val av två justerare
4. Verksamhetsberättelse
5. Fiskeplan för sjön
6. Motion om nya fiskekort
7. Avgifter
8. Övriga frågor
9. Mötet avslutas
"""
PUT_OFF = [
    ("A", "Klockan är sju. Välkomna, jag förklarar årsmötet öppnat."),
    (
        "A",
        "Jag sitter i styrelsen, så jag tycker inte att jag ska sköta ordet i kväll. Jonas, du kan det här. Vill du?",
    ),
    ("B", "Om mötet vill."),
    ("C", "Ja."),
    ("B", "Tack. Mira, du har ju datorn med dig. Då är det Mira som skriver."),
    ("B", "Och så två till som tittar på texten innan den skickas ut?"),
    ("D", "Jag kan."),
    ("E", "Jag med."),
    ("B", "Pekka och Stig, då. Tack."),
    ("B", "Innan vi går vidare, en sak om ordningen. Fiskeplanen väntar vi med tills Lotta är här, hon är sen."),
    ("B", "Och avgifterna har styrelsen inte räknat färdigt på. Vi skjuter dem till ett extra möte i höst."),
    ("B", "Då verksamhetsberättelsen. Britt."),
    ("A", "Vi har satt ut tusen öringar och rensat två bäckar. Och vi har fått en ny båt."),
    ("B", "Eftersom Lotta inte är här hoppar vi till motionen. Stig, det är din."),
    ("E", "Jag vill att fiskekorten säljs i appen också, inte bara i affären, för de unga handlar inte där längre."),
    ("C", "Det kostar lite, men det är bra för de unga."),
    ("B", "Då bifaller mötet motionen."),
    ("D", "Förlåt att jag är sen. Vägen var avstängd."),
    ("B", "Välkommen, Lotta. Det passar bra, för nu ska vi ta fiskeplanen. Du har ordet."),
    ("D", "Vi föreslår att gäddfisket stängs i maj, när de leker."),
    ("B", "Då fastställer mötet fiskeplanen med stängt gäddfiske i maj."),
    ("B", "Övriga frågor? Nej. Då tackar jag för i kväll och förklarar mötet avslutat."),
]


def test_an_item_put_off_until_someone_comes_and_the_one_jumped_to_before_it() -> None:
    _, _, al = aligned(PUT_OFF, ANNUAL)
    assert al.item("2").start == 10.0  # "sköta ordet" and one asked by name in the turn's next sentences
    assert al.item("6").start == 130.0  # "… hoppar vi till motionen", before the plan put off
    assert al.item("5").start == 180.0  # taken up when she has come
    assert not al.item("7").treated  # "Vi skjuter dem till ett extra möte i höst": the fees, not the meeting


def test_roles_from_the_one_who_asked_naming_those_who_offered() -> None:
    got = roles(PUT_OFF, ANNUAL)
    assert got == {"ordförande": ["Jonas Falk"], "sekreterare": ["Mira Holm"], "justerare": ["Pekka Aho", "Stig Rask"]}
    board = [
        *AGREED[:1],
        ("A", "Sen någon som går igenom texten efteråt?"),
        ("C", "Jag kan."),
        ("A", "Mira, då."),
        *AGREED[3:],
    ]
    assert roles(board, BOARD).get("justerare") == ["Mira Holm"]
