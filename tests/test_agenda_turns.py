"""Item starts read from the turn that turns the talk, and roles read from who proposes, who assents and who offers:
hand-made meetings, ten seconds per line (line i starts at 10*i)."""

from __future__ import annotations

from tests.agenda_meeting import lines_transcript
from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.agenda.align import build_units
from transcribe.minutes.model import Minutes
from transcribe.minutes.protokoll import build_protokoll
from transcribe.minutes.roles import find_roles

NAMES = {"A": "Karin Berg", "B": "Lena Ström", "C": "Eva Lind", "D": "Nils Ek", "E": "Omar Said"}
COUNCIL = """Föräldrarådet – möte
1. Mötet öppnas
2. Val av mötesordförande
3. Val av sekreterare och justerare
4. Godkännande av dagordningen
5. Föregående mötes anteckningar
6. Läsårets utflykter
7. Belysningen på skolgården
8. Övriga frågor
9. Mötet avslutas
"""
OPENING = [
    ("A", "Klockan är sju, så jag förklarar mötet öppnat."),
    ("A", "Jag har lett de här mötena i höst, och jag kan hålla i klubban i kväll också. Någon annan som vill?"),
    ("D", "Kör, Karin."),
    ("A", "Tack. Lena, du har datorn framme, tar du anteckningarna?"),
    ("B", "Jag skriver."),
    (
        "A",
        "Tack, Lena. Jag ska fatta mig kort. Vi behöver två som skriver under på att Lena har fått med allt. Förslag?",
    ),
    ("C", "Jag gör det. Och Nils kan."),
    ("D", "Okej då, jag läser igenom."),
    ("A", "Dagordningen. Är det någon som vill ändra något?"),
    ("C", "Utflykterna har vi inget nytt om, de kan vi stryka i kväll."),
    ("A", "Då stryker vi dem. Med den ändringen är dagordningen godkänd."),
    ("A", "Vi går tillbaka till anteckningarna från förra mötet. Har alla läst dem?"),
    ("D", "Ja. Inget att tillägga."),
    ("A", "Då lägger vi dem till handlingarna. Belysningen på skolgården, Omar."),
    ("E", "Två lampor vid cykelstället är trasiga sedan oktober, och det är becksvart när barnen går hem."),
    ("A", "Vi skriver till fastighetsförvaltningen. Övriga frågor, något?"),
    ("C", "Nej."),
    ("A", "Då tackar jag för i kväll och förklarar mötet avslutat."),
]


def aligned(lines: list[tuple[str, str]], agenda: str = COUNCIL):
    tr = lines_transcript(lines, NAMES)
    ag = parse_agenda_text(agenda)
    return tr, ag, align_agenda(ag, tr)


def roles(lines: list[tuple[str, str]], agenda: str = COUNCIL) -> dict[str, list[str]]:
    tr, _, al = aligned(lines, agenda)
    out: dict[str, list[str]] = {}
    for r in find_roles(tr, al, build_units(tr)):
        out.setdefault(r.role, []).append(r.name)
    return {k: sorted(v) for k, v in out.items()}


def test_items_start_at_the_turn_that_turns_the_talk() -> None:
    _, _, al = aligned(OPENING)
    starts = {s.number: s.start for s in al.items}
    assert starts["2"] == 10.0  # "jag kan hålla i klubban i kväll också": the chair offers to lead
    assert starts["3"] == 30.0
    assert starts["4"] == 80.0  # "Dagordningen.", not the approval that follows a strike in the same turn
    assert not al.item("6").treated  # struck
    assert 130.0 < starts["7"] < 138.0  # after "Då lägger vi dem till handlingarna."
    assert al.item_at(55.0) == "3"  # "… på att Lena har fått med allt. Förslag?": the whole turn is the item's


def test_roles_from_who_proposes_who_assents_and_who_offers() -> None:
    got = roles(OPENING)
    # the secretary named in what the justerare check is no justerare; one who offers puts another forward
    assert got == {"ordförande": ["Karin Berg"], "sekreterare": ["Lena Ström"], "justerare": ["Eva Lind", "Nils Ek"]}
    proposed = [
        ("A", "Välkomna, jag förklarar mötet öppnat."),
        (
            "A",
            "Vi behöver någon som leder mötet. Styrelsen föreslår Eva, och att Lena antecknar. Kan vi säga ja?",
        ),
        ("D", "Ja."),
        ("E", "Ja."),
        *OPENING[5:],
    ]
    got = roles(proposed)
    assert got["ordförande"] == ["Eva Lind"] and got["sekreterare"] == ["Lena Ström"]  # not one who said yes


def test_the_chair_asked_by_name_and_taking_the_gavel_leads() -> None:
    handed = [
        ("A", "Välkomna till årsmötet, jag förklarar mötet öppnat."),
        (
            "A",
            "Jag satt i styrelsen i år, så jag vill inte leda mötet. Eva, du har gjort det förut. Tar du klubban?",
        ),
        ("C", "Om mötet vill."),
        ("A", "Vill mötet det?"),
        ("D", "Ja."),
        ("C", "Då tar jag klubban. Och till att skriva föreslår jag Lena."),
        ("B", "Jag skriver."),
        *OPENING[5:],
    ]
    _, _, al = aligned(handed)
    assert al.item("2").start == 10.0
    assert roles(handed)["ordförande"] == ["Eva Lind"]


def test_an_item_forgotten_and_taken_by_its_number_as_a_noun() -> None:
    agenda = (
        "Årsmöte\n1. Mötet öppnas\n2. Fråga om mötet är behörigen utlyst\n3. Val av justerare\n"
        "4. Verksamhetsberättelsen\n5. Mötet avslutas\n"
    )
    lines = [
        ("A", "Välkomna, jag förklarar mötet öppnat."),
        ("A", "Vi behöver två justerare. Vem kan justera?"),
        ("C", "Jag kan, och Nils."),
        ("A", "Eva och Nils. Vi hoppade över tvåan. Gick kallelsen ut i tid, Lena?"),
        ("B", "Den gick ut för tre veckor sedan, på mejl och på anslagstavlan."),
        ("A", "Bra. Nu till berättelsen. Omar, hur har året varit?"),
        ("E", "Vi har vuxit med tio medlemmar och haft två tävlingar."),
        ("A", "Tack allihop, jag förklarar mötet avslutat."),
    ]
    _, _, al = aligned(lines, agenda)
    assert al.item("2").treated and 30.0 <= al.item("2").start < 40.0
    assert al.item("3").start == 10.0 and al.item("4").start == 50.0


def test_an_outcome_said_in_passing_while_the_talk_goes_on_starts_no_item() -> None:
    agenda = "Medlemsmöte\n1. Mötet öppnas\n2. Julens gudstjänster\n3. Styrelsens rapport\n4. Mötet avslutas\n"
    lines = [
        ("A", "Välkomna, jag förklarar mötet öppnat. Vi tar julen först."),
        ("C", "Vi har haft midnattsmässa på julafton i många år, men i fjol kom bara tjugo."),
        ("D", "Många vill ha julotta i stället, klockan sju på juldagen."),
        ("E", "Men midnattsmässan är det de unga kommer till."),
        ("C", "Julotta klockan sju vore fint. Kören kan båda."),
        ("A", "Vi låter styrelsen säga sitt. Ni som vill behålla midnattsmässan, räck upp handen."),
        ("D", "Elva."),
        ("A", "Och ni som vill ha julotta klockan sju?"),
        ("D", "Tjugotre."),
        ("A", "Då blir det julotta klockan sju på juldagen och ingen midnattsmässa."),
        ("C", "Då säger jag det till kören i kväll. Och nu måste jag gå, förlåt."),
        ("E", "Vi ses på söndag."),
        ("A", "Vi går tillbaka till rapporten. Eva."),
        ("C", "Året har varit bra. Vi har fått fler medlemmar och en ny kör."),
        ("A", "Tack allihop, jag förklarar mötet avslutat."),
    ]
    tr, ag, al = aligned(lines, agenda)
    assert al.item("3").start == 120.0  # not "Vi låter styrelsen säga sitt."
    prot = build_protokoll(Minutes(title="Medlemsmöte"), tr, ag, al)
    julen = next(p for p in prot.paragraphs if p.number == "2")
    assert any("julotta klockan sju" in d.text for d in julen.decisions)  # the outcome after the vote
    assert not any("låta styrelsen" in d.text for p in prot.paragraphs for d in p.decisions)


def test_an_assembly_electing_its_chair_records_the_elections_as_decisions() -> None:
    agenda = "Församlingsmöte\n1. Mötet öppnas\n2. Val av mötesordförande\n3. Val av justerare\n4. Mötet avslutas\n"
    lines = [
        (
            "A",
            "Välkomna, jag förklarar mötet öppnat. Vi behöver någon som leder mötet. Vi föreslår Omar. Kan vi säga ja?",
        ),
        ("D", "Ja."),
        ("A", "Då är det Omar."),
        ("E", "Tack. Vi behöver två som justerar. Vilka kan?"),
        ("C", "Jag gör det. Och Nils kan."),
        ("D", "Okej då."),
        ("E", "Eva och Nils."),
        ("E", "Tack allihop, jag förklarar mötet avslutat."),
    ]
    tr, ag, al = aligned(lines, agenda)
    prot = build_protokoll(Minutes(title="Församlingsmöte"), tr, ag, al)
    decided = {p.number: " ".join(d.text for d in p.decisions) for p in prot.paragraphs}
    assert "Omar Said" in decided["2"]
    assert "Eva Lind och Nils Ek" in decided["3"]
