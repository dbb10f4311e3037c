"""Role elections phrased as chairs phrase them, and as a recogniser mishears them: one hand-made meeting per rule."""

from __future__ import annotations

from tests.agenda_meeting import by_role, elected, lines_transcript
from transcribe.minutes.roles import RoleElection

AGENDA = """Dagordning
1. Mötets öppnande
2. Val av sekreterare
3. Val av två justerare
4. Ekonomi
5. Mötets avslutande
"""
NAMES = {
    "G": "Gunilla Berg",
    "L": "Lena Holm",
    "J": "Jonas Persson",
    "E": "Eva Strand",
    "M": "Mats Öhman",
    "S": "Simon Eriksson",
}


def elect(lines: list[tuple[str, str]], agenda: str = AGENDA) -> list[RoleElection]:
    return elected(agenda, lines_transcript(lines, NAMES))


def roles(lines: list[tuple[str, str]], agenda: str = AGENDA) -> dict[str, list[str]]:
    return by_role(elect(lines, agenda))


OPENING = ("G", "God morgon och välkomna. Jag förklarar mötet öppnat.")
ECONOMY = [("G", "Punkt fyra, ekonomin. Vi har fyrtiotusen kronor i kassan."), ("G", "Då avslutar jag mötet.")]


def test_the_standing_chair_says_it_is_she_who_leads() -> None:
    lines = [
        ("G", "God morgon. Som ordförande är det jag som leder mötet, och jag förklarar mötet öppnat."),
        ("G", "Punkt två, sekreterare. Jonas, kan du föra protokollet?"),
        ("J", "Ja."),
        *ECONOMY,
    ]
    assert roles(lines)["ordförande"] == ["Gunilla Berg"]
    lines[0] = ("G", "Jag hälsar er alla välkomna, och det är jag som leder mötet i dag. Mötet är öppnat.")
    assert roles(lines)["ordförande"] == ["Gunilla Berg"]


def test_a_volunteer_after_the_one_asked_says_no() -> None:
    lines = [
        OPENING,
        ("G", "Punkt två, sekreterare. Lena, kan du föra protokollet i dag?"),
        ("L", "Nej, tyvärr, jag har bruten handled."),
        ("J", "Då gör jag det."),
        *ECONOMY,
    ]
    assert roles(lines)["sekreterare"] == ["Jonas Persson"]
    lines[1:4] = [("G", "Punkt två. Vem tar anteckningarna i dag?"), ("L", "Det är min tur, jag antecknar.")]
    assert roles(lines)["sekreterare"] == ["Lena Holm"]


def test_two_asked_together_and_both_say_yes_even_with_a_name_misheard() -> None:
    lines = [
        OPENING,
        ("G", "Sedan behöver vi två justerare. Kan Eva och Mats justera?"),
        ("E", "Ja."),
        ("M", "Ja, det går bra."),
        *ECONOMY,
    ]
    assert roles(lines)["justerare"] == ["Eva Strand", "Mats Öhman"]
    lines[1] = ("G", "Sedan behöver vi två justerare. Kan Eva och I justera?")  # "Mats" heard as "I"
    got = elect(lines)
    assert [r.name for r in got if r.role == "justerare"] == ["Eva Strand", "Mats Öhman"]
    assert [e.quote for r in got if r.name == "Mats Öhman" for e in r.evidence][-1] == "Ja, det går bra."
    lines[1] = ("G", "Punkt tre. Då föreslår jag att Eva och I justerar. Går det bra?")  # the question comes after
    assert roles(lines)["justerare"] == ["Eva Strand", "Mats Öhman"]


def test_the_one_asked_is_not_elected_when_another_steps_in_though_the_no_was_lost() -> None:
    lines = [
        OPENING,
        ("G", "Punkt tre, justerare. Lena, kan du justera?"),
        ("L", "Har, jag är resten av veckan."),  # "Nej, jag är ledig …" as misheard
        ("S", "Jag kan ta det."),
        ("G", "Bra, då justerar Simon."),
        *ECONOMY,
    ]
    assert roles(lines)["justerare"] == ["Simon Eriksson"]


def test_misheard_role_words_and_names() -> None:
    agenda = "Dagordning\n1. Inledning och val av justerare\n2. Ekonomi\n3. Avslutning\n"
    lines = [
        ("G", "Välkomna. Jag leder mötet som vanligt."),
        ("G", "Justera protokollet jemte ordföranden gör Siimon Eriksson, om det går bra."),  # "jämte", "Simon"
        ("S", "Det går bra."),
        *ECONOMY,
    ]
    got = roles(lines, agenda)
    assert got["justerare"] == ["Simon Eriksson"] and got["ordförande"] == ["Gunilla Berg"]


def test_the_secretary_when_protokollet_was_not_heard() -> None:
    agenda = "Dagordning\n1. Sammanträdets öppnande\n2. Ekonomi\n3. Avslutning\n"
    lines = [
        ("G", "Som ordförande hälsar jag er välkomna, och jag förklarar sammanträdet öppnat."),
        ("G", "Tack. förs av Lena Holm som vanligt."),  # "Protokollet förs av …" with its first word lost
        *ECONOMY,
    ]
    assert roles(lines, agenda)["sekreterare"] == ["Lena Holm"]


def test_with_no_one_said_to_lead_the_chair_is_who_announces_the_items_and_is_flagged() -> None:
    agenda = "Dagordning\n1. Mötets öppnande\n2. Ekonomi\n3. Lokalen\n4. Avslutning\n"
    lines = [
        ("G", "Välkomna, mötet är öppnat."),
        ("G", "Då går vi till ekonomin."),
        ("M", "Vi har fyrtiotusen kronor i kassan."),
        ("G", "Nästa punkt, lokalen. Hyran höjs i vår."),
        ("G", "Då avslutar jag mötet."),
    ]
    chair = [r for r in elect(lines, agenda) if r.role == "ordförande"]
    assert [r.name for r in chair] == ["Gunilla Berg"] and chair[0].needs_review


def test_a_yes_to_one_role_is_not_taken_for_another_and_the_chair_beside_a_justerare() -> None:
    agenda = "Dagordning\n1. Inledning och val av sekreterare och justerare\n2. Ekonomi\n3. Avslutning\n"
    lines = [
        ("G", "Välkomna. Jag leder mötet, och vi behöver en sekreterare och en justerare. Jonas, kan du skriva dag?"),
        ("J", "Ja, jag krimen."),  # "skriver" misheard
        ("G", "Tack. Justera protokollet ordföranden gör Mats Öhman, om det går bra."),  # "jämte" lost
        ("M", "Det går bra."),
        *ECONOMY,
    ]
    got = roles(lines, agenda)
    assert got == {"ordförande": ["Gunilla Berg"], "sekreterare": ["Jonas Persson"], "justerare": ["Mats Öhman"]}


def test_a_note_taker_and_one_who_reads_the_notes_through_asked_in_one_question() -> None:
    agenda = "APT\n1. Inledning\n2. Val av antecknare och justerare\n3. Ekonomi\n4. Avslutning\n"
    lines = [
        OPENING,
        ("G", "Vem skriver minnesanteckningarna i dag, och vem läser igenom dem efteråt?"),
        ("J", "Jag kan skriva."),
        ("E", "Det var Mats som skrev förra gången."),
        ("M", "Och jag kan läsa igenom och godkänna dem."),  # the third answer: two roles asked, two answer
        ("G", "Tack. Då är det klart."),
        ("G", "Ekonomin. Vi har fyrtiotusen kronor i kassan."),
        ("G", "Då avslutar jag mötet."),
    ]
    got = roles(lines, agenda)
    assert got["sekreterare"] == ["Jonas Persson"]
    assert got["justerare"] == ["Mats Öhman"]  # not Eva, who only named him
