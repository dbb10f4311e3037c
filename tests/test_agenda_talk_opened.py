"""Starts read from where the talk was opened rather than from where it was settled (agenda/outcome.py,
agenda/reorder.py, agenda/struck.py, agenda/topics.py): an item placed at the chair's call for its verdict starts at
the hand-over that opened its talk; an item taken first as the agenda is approved follows the approval; a report
noted ends its item; the justerare asked for by what they do; an item put off until someone is back and then to the
next meeting by a pronoun is not treated, and a compound said without its middle part names it. Hand-made meetings,
ten seconds per line."""

from __future__ import annotations

from tests.agenda_meeting import lines_transcript
from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.agenda.topics import compound

AGENDA = """Föreningsmöte
1. Mötets öppnande
2. Val av justerare
3. Godkännande av dagordningen
4. Kassarapport för kvartalet
5. Rapport från förbundsmötet
6. Motorbåtskurs
7. Sommarens seglingar
8. Mötets avslutande
"""
NAMES = {"A": "Greta Holm", "B": "Lisa Sjö", "C": "Olle Vall", "D": "Sven Rask"}


def starts(lines: list[tuple[str, str]], agenda: str = AGENDA) -> dict[str, float | None]:
    al = align_agenda(parse_agenda_text(agenda), lines_transcript(lines, NAMES))
    return {s.number: (s.start if s.treated else None) for s in al.items}


OPENING = [
    ("A", "Välkomna, jag förklarar mötet öppnat."),  # 0 s: 1
    ("A", "Tack. Då behöver vi två som läser igenom det Lisa skriver och sätter sitt namn under det."),  # 10 s: 2
    ("C", "Det kan jag göra."),
    ("D", "Jag också."),
]


def test_the_chairs_call_for_a_verdict_starts_no_item_when_a_hand_over_opened_its_talk() -> None:
    lines = [
        *OPENING,
        ("A", "Dagordningen ligger på bordet. Kan den godkännas?"),  # 40 s: 3
        ("B", "Ja."),
        ("A", "Då är dagordningen godkänd."),
        ("A", "Det gångna kvartalet. Lisa, berätta."),  # 70 s: 4
        ("B", "Vi fick in tolv nya medlemmar och gick med ett litet plus, mest tack vare loppisen i maj."),
        ("D", "Och all kaffe vi sålde."),
        ("A", "Några frågor till Lisa? Nej. Kan vi lägga kassarapporten till handlingarna?"),
        ("C", "Ja."),
        ("A", "Sommarens seglingar. Sven?"),  # 120 s: 7
        ("D", "Vi seglar till Sandhamn i juli med tre båtar och tar med alla som anmält sig före juni."),
        ("A", "Tack allihop, jag förklarar mötet avslutat."),  # 140 s: 8
    ]
    got = starts(lines)
    assert got["2"] == 10.0 and got["4"] == 70.0 and got["7"] == 120.0


def test_an_item_taken_first_at_the_agenda_follows_its_approval_and_a_report_noted_ends_its_item() -> None:
    lines = [
        *OPENING,
        ("A", "Dagordningen. Olle måste gå tidigt, så jag vill ta hans rapport från förbundsmötet först."),  # 40 s: 3
        ("B", "Ja."),
        ("A", "Då är dagordningen godkänd med den ändringen."),
        ("A", "Olle, varsågod. Hur var det i Örebro?"),  # 70 s: 5
        ("C", "Det var trångt men bra. Förbundet höjer avgiften nästa år och vill ha fler ungdomar i styrelserna."),
        ("A", "Tack, Olle. Informationen noteras."),
        ("A", "Pengarna, Lisa."),  # 100 s: 4
        ("B", "Vi har fyrtiotusen på kontot, alla utom tre har betalat avgiften och loppisen gav sjutusen till."),
        ("A", "Då noterar vi den ekonomiska rapporten."),
        ("A", "Sommarens seglingar. Sven?"),  # 130 s: 7
        ("D", "Vi seglar till Sandhamn i juli med tre båtar och tar med alla som anmält sig före juni."),
        ("A", "Tack allihop, jag förklarar mötet avslutat."),  # 150 s: 8
    ]
    agenda = AGENDA.replace("6. Motorbåtskurs\n", "").replace("Kassarapport för kvartalet", "Ekonomisk rapport")
    got = starts(lines, agenda)
    assert got["5"] == 70.0 and got["4"] == 100.0 and got["7"] == 130.0


def test_an_item_put_off_until_someone_is_back_and_then_to_the_next_meeting_is_not_treated() -> None:
    lines = [
        *OPENING,
        ("A", "Dagordningen ligger på bordet. Kan den godkännas?"),  # 40 s: 3
        ("B", "Ja."),
        ("A", "Då är dagordningen godkänd."),
        ("A", "Kassan, Lisa."),  # 70 s: 4
        ("B", "Vi har fyrtiotusen på kontot och alla utom tre har betalat avgiften för året."),
        ("A", "Tack. Och motorkursen väntar vi med tills Sven är tillbaka från sjön. Den tar vi på nästa möte."),
        ("B", "Jag säger till dem som har frågat om motorkursen."),
        ("A", "Sommarens seglingar. Sven?"),  # 110 s: 7
        ("D", "Vi seglar till Sandhamn i juli med tre båtar och tar med alla som anmält sig före juni."),
        ("A", "Tack allihop, jag förklarar mötet avslutat."),  # 130 s: 8
    ]
    got = starts(lines)
    assert got["6"] is None and got["7"] == 110.0


def test_a_compound_said_without_its_middle_part() -> None:
    assert compound("motorkurs", "motorbåtskur") and compound("knivkurs", "knivsmideskur")
    assert not compound("vårstäd", "vårfeststäd") and not compound("årsmöt", "årsstämm")
