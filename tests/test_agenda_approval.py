"""The agenda's own talk (agenda/approval.py, agenda/reorder.py, agenda/struck.py, agenda/returns.py): members who
strike, put off or move items while the agenda is approved start none of them; an item put after a later one
starts where the chair names it after that one; an item put "direkt efter dagordningen" starts at the hand-over
after the approval, and "tillbaka till ordningen" resumes the agenda rather than returning to its approval; an item
put off to the next meeting is not taken up where the next meeting's business is told. Hand-made meetings, ten
seconds per line."""

from __future__ import annotations

from tests.agenda_meeting import lines_transcript
from transcribe.agenda import align_agenda, parse_agenda_text

AGENDA = """Föreningsmöte
1. Mötets öppnande
2. Val av justerare
3. Godkännande av dagordningen
4. Föregående protokoll
5. Ekonomi
6. Bryggavgifter
7. Motion om ny badflotte
8. Vägbelysning
9. Klubbens hemsida
10. Övriga frågor
11. Mötets avslutande
"""
NAMES = {"A": "Greta Holm", "B": "Lisa Sjö", "C": "Olle Vall", "D": "Sven Rask", "E": "Karin Berg"}


def starts(lines: list[tuple[str, str]]) -> dict[str, float | None]:
    al = align_agenda(parse_agenda_text(AGENDA), lines_transcript(lines, NAMES))
    return {s.number: (s.start if s.treated else None) for s in al.items}


def near(got: float | None, want: float) -> bool:
    return got is not None and abs(got - want) <= 5.0


def test_items_struck_put_off_and_moved_by_members_at_the_agenda_start_none_there() -> None:
    lines = [
        ("A", "Välkomna, jag förklarar mötet öppnat."),  # 0 s: 1
        ("A", "Tack, Olle. Vi behöver två personer som läser igenom protokollet innan det skickas ut."),  # 10 s: 2
        ("C", "Det kan jag."),
        ("A", "Dagordningen har ni fått. Något att ändra?"),  # 30 s: 3
        ("B", "Ja. Punkt nio, hemsidan. Han som skulle bygga den har flyttat till Umeå. Stryk den punkten."),
        ("D", "Vägbelysningen, punkt åtta, vill jag skjuta till nästa möte. Kommunen har inte svarat."),
        ("C", "Och jag vill att vi tar bryggavgifterna efter motionen om flotten, den avgör vad avgiften blir."),
        ("A", "Då gör vi så. Punkt nio stryks och avgifterna efter motionen. Med det är dagordningen godkänd."),
        ("A", "Föregående protokoll. Har alla läst det?"),  # 80 s: 4
        ("B", "Ja."),
        ("A", "Då lägger vi det till handlingarna."),
        ("A", "Ekonomin. Lisa."),  # 110 s: 5
        ("B", "Vi har trettiotusen på kontot och alla medlemmar har betalat sin avgift för året."),
        ("A", "Nu motionen om en ny badflotte. Olle sa att avgifterna beror på den, så vi tar den först."),  # 130 s: 7
        ("D", "Den gamla flotten har ruttnat. Jag föreslår att vi bygger en ny i vår."),
        ("A", "Är mötet för det? Ja. Då bygger vi en ny badflotte i vår."),
        ("A", "Och nu bryggavgifterna, som vi sköt upp. Olle."),  # 160 s: 6
        ("C", "Styrelsen föreslår att avgiften för en plats höjs med hundra kronor."),
        ("A", "Då höjs bryggavgiften med hundra kronor."),
        ("A", "Övriga frågor. Något?"),  # 190 s: 10
        ("C", "Nej."),
        ("A", "Nästa möte blir den elfte april. Då tar vi vägbelysningen. Jag förklarar mötet avslutat."),  # 210 s
    ]
    got = starts(lines)
    assert got["8"] is None and got["9"] is None
    assert near(got["4"], 80) and near(got["5"], 110) and near(got["7"], 130) and near(got["6"], 160)
    assert near(got["2"], 10) and near(got["10"], 190)


def test_an_item_taken_right_after_the_agenda_and_the_agenda_resumed_after_it() -> None:
    lines = [
        ("A", "Välkomna, jag förklarar mötet öppnat."),  # 0 s: 1
        ("A", "Vem läser igenom protokollet och skriver under?"),  # 10 s: 2
        ("D", "Det gör jag."),
        ("A", "Dagordningen. Innan vi godkänner den har jag en ändring."),  # 30 s: 3
        (
            "A",
            "Karin från kommunen är här för lamporna. Så vägbelysningen, punkt åtta, tar vi direkt efter dagordningen.",
        ),
        ("B", "Bra."),
        ("A", "Då är dagordningen godkänd."),
        ("A", "Karin, varsågod. Lamporna längs vägen."),  # 70 s: 8
        ("E", "Kommunen byter alla lampor längs vägen till led i höst och betalar hälften av kostnaden."),
        ("A", "Då tackar vi ja till kommunens erbjudande om belysningen."),
        ("E", "Tack, då åker jag tillbaka till kontoret."),
        ("A", "Tack Karin. Då går vi tillbaka till ordningen. Föregående protokoll, har alla läst det?"),  # 110 s: 4
        ("B", "Ja."),
        ("A", "Då lägger vi protokollet till handlingarna."),
        ("A", "Ekonomin. Lisa."),  # 140 s: 5
        ("B", "Vi har trettiotusen på kontot och alla medlemmar har betalat sin avgift för året."),
        ("A", "Övriga frågor. Något?"),  # 160 s: 10
        ("C", "Nej."),
        ("A", "Tack allihop, jag förklarar mötet avslutat."),  # 180 s: 11
    ]
    got = starts(lines)
    assert near(got["8"], 70) and near(got["4"], 110) and near(got["5"], 140)
