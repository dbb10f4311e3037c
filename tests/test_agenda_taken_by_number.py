"""Items taken out of the agenda's order, announced by their number said as a noun ("sexan", "nian") or gone back to
after others were taken first. Hand-made meetings, ten seconds per line."""

from __future__ import annotations

from tests.agenda_meeting import chaired_transcript
from transcribe.agenda import align_agenda, parse_agenda_text

AGENDA = """Styrelsemöte i samfälligheten
1. Mötets öppnande
2. Val av sekreterare
3. Föregående protokoll
4. Ekonomi
5. Val av styrelse
6. Lekplatsen
7. Motion om farthinder
8. Övriga frågor
9. Mötets avslutande
"""


def starts(lines: list[str | tuple[str, str]]) -> dict[str, int | None]:
    """Item -> the line (ten seconds each) where it starts, None where it was not treated."""
    al = align_agenda(parse_agenda_text(AGENDA), chaired_transcript(lines))
    return {s.number: int(s.start // 10) if s.treated and s.start is not None else None for s in al.items}


def test_item_jumped_to_by_its_number_starts_there_not_where_the_order_was_planned() -> None:
    got = starts(
        [
            "Välkomna, jag förklarar mötet öppnat.",
            "Pelle måste gå tidigt, så vi tar lekplatsen direkt efter att vi har valt sekreterare.",
            "Vem skriver i dag?",
            ("Jag skriver.", "S"),
            "Tack. Då hoppar vi fram till sexan. Pelle.",  # 40 s
            ("Gungorna vid lekplatsen är trasiga och kedjorna har rostat, vi behöver nya före sommaren.", "P"),
            "Då köper vi nya gungor.",
            "Då går vi tillbaka till trean, förra protokollet. Något att säga om det?",  # 70 s
            ("Nej, det kan läggas till handlingarna.", "S"),
            "Ekonomin. Sara, hur ser det ut?",  # 90 s
            ("Vi har sextiotusen på kontot och inga obetalda fakturor.", "S"),
        ]
    )
    assert got["6"] == 4
    assert got["3"] == 7


def test_item_named_by_its_number_with_then_starts_there() -> None:
    got = starts(
        [
            "Välkomna, jag förklarar mötet öppnat.",
            "Vem skriver i dag?",
            ("Jag skriver.", "S"),
            "Förra protokollet, något att säga om det?",  # 30 s
            ("Nej.", "P"),
            "Då lägger vi det till handlingarna.",
            "Ekonomin. Sara?",  # 60 s
            ("Vi har sextiotusen på kontot. Pelle måste gå snart, förresten.", "S"),
            "Sexan då, så att Pelle hinner.",  # 80 s
            ("Gungorna är trasiga och kedjorna har rostat, vi behöver nya före sommaren.", "P"),
            "Då köper vi nya gungor.",
        ]
    )
    assert got["6"] == 8


def test_return_to_an_item_passed_over_starts_it_though_its_words_were_said_in_passing() -> None:
    got = starts(
        [
            "Välkomna, jag förklarar mötet öppnat.",
            "Vem skriver i dag?",
            ("Jag skriver.", "S"),
            "Förra protokollet, något att säga om det?",  # 30 s
            ("Nej.", "P"),
            "Då lägger vi det till handlingarna. Fyran, ekonomin.",  # 50 s
            ("Styrelsens förslag är att avgiften blir kvar på femhundra kronor.", "S"),
            "Då har vi styrelsens förslag, femhundra kronor. Någon emot?",  # 70 s
            ("Nej.", "P"),
            ("Kan vi ta motionen före valen? Jag väntar på svar från en kandidat.", "P"),  # 90 s
            "Det går bra. Vi tar sjuan, motionen om farthinder, före valen.",  # 100 s
            ("Bilarna kör för fort förbi skolan, vi vill ha två farthinder på Skolvägen.", "S"),
            "Kan mötet bifalla motionen?",
            ("Ja.", "P"),
            "Då är motionen bifallen.",
            "Då går vi tillbaka till femman, val av styrelse. Pelle.",  # 150 s
            ("Valberedningen föreslår omval av hela styrelsen, ett år.", "P"),
            "Då har mötet valt styrelsen enligt förslaget.",
        ]
    )
    assert got["7"] == 10
    assert got["5"] == 15


ROAD = [("Gruset på vägen har spolats bort i regnet, vi behöver fyra lass nytt grus.", "P"), "Då beställer vi grus."]
PLAY = [("Gungorna är trasiga och kedjorna har rostat, vi behöver nya före sommaren.", "P"), "Då köper vi nya gungor."]
MONEY = [
    ("Vi har sextiotusen på kontot och inga obetalda fakturor.", "S"),
    "Bra. Då lägger vi rapporten till handlingarna.",
]
OPENING = ["Välkomna, jag förklarar mötet öppnat.", "Vem skriver i dag?", ("Jag skriver.", "S")]
PREVIOUS = ["Förra protokollet, något att säga om det?", ("Nej.", "P"), "Då lägger vi det till handlingarna."]


def test_bare_return_by_number_starts_the_item_passed_over() -> None:
    got = starts(
        [
            *OPENING,
            *PREVIOUS,
            "Vi hoppar över fyran en stund. Femman, vägunderhållet.",
            *ROAD,
            "Sexan, lekplatsen.",
            *PLAY,
            "Tillbaka till fyran. Sara.",  # 120 s
            *MONEY,
        ]
    )
    assert got["4"] == 12
    assert got["5"] == 6


def test_the_item_taken_first_by_its_number_starts_where_the_meeting_begins_with_it() -> None:
    got = starts(
        [
            *OPENING,
            "Vi börjar med sexan i kväll, för Pelle har bråttom. Pelle.",  # 30 s
            *PLAY,
            "Då tar vi förra protokollet.",
            ("Inget att säga om det.", "S"),
            "Ekonomin, Sara.",
            *MONEY,
        ]
    )
    assert got["6"] == 3
    assert got["3"] == 6


def test_an_item_passed_over_by_mistake_starts_where_the_chair_notices_it() -> None:
    got = starts(
        [
            *OPENING,
            "Ekonomin. Sara.",  # 30 s
            *MONEY,
            "Vänta, vi hoppade över protokollet. Något att säga om det?",  # 60 s
            ("Nej.", "P"),
            "Då lägger vi det till handlingarna. Vägunderhållet.",
            *ROAD,
        ]
    )
    assert got["3"] == 6
    assert got["4"] == 3


def test_an_item_passed_over_after_it_was_begun_keeps_its_first_start() -> None:
    got = starts(
        [
            *OPENING,
            *PREVIOUS,
            "Ekonomin. Sara är inte här än, så vi återkommer till pengarna när hon kommer.",  # 60 s
            "Vägunderhållet.",
            *ROAD,
            ("Hej, förlåt att jag är sen.", "S"),
            "Välkommen, Sara. Vi hoppade över ekonomin. Kan du ta den nu?",  # 100 s
            *MONEY,
        ]
    )
    assert got["4"] == 6


def test_an_item_put_off_for_a_while_starts_where_it_is_taken_up() -> None:
    got = starts(
        [
            *OPENING,
            *PREVIOUS,
            "Ekonomin skjuter vi på en stund. Vägunderhållet.",  # 60 s
            *ROAD,
            "Lekplatsen.",
            *PLAY,
            "Så var det ekonomin som vi sköt på. Sara.",  # 120 s
            *MONEY,
        ]
    )
    assert got["4"] == 12


def test_an_item_put_off_until_someone_comes_starts_where_it_is_taken_up_in_other_words() -> None:
    got = starts(
        [
            *OPENING,
            *PREVIOUS,
            "Ekonomin väntar vi med tills Sara kommer. Femman, valet av styrelse.",  # 60 s
            ("Valberedningen föreslår omval av hela styrelsen.", "P"),
            "Då har mötet valt styrelsen enligt förslaget. Lekplatsen.",
            *PLAY,
            "Nu tar vi det vi hoppade över, pengarna. Sara?",  # 110 s
            *MONEY,
        ]
    )
    assert got["4"] == 11
    assert got["5"] == 6
