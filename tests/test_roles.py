"""Who the protokoll names as ordförande, sekreterare and justerare, in the ways meetings actually say it."""

from __future__ import annotations

from tests.agenda_meeting import by_role, elected, lines_transcript
from transcribe.minutes.roles import mentions, people

AGENDA = """Dagordning
1. Mötets öppnande
2. Val av ordförande och sekreterare för mötet
3. Val av två justerare
4. Ekonomi
5. Mötets avslutande
"""


def roles(lines: list[tuple[str, str]], names: dict[str, str], agenda: str = AGENDA) -> dict[str, list[str]]:
    return by_role(elected(agenda, lines_transcript(lines, names)))


NAMES = {"K": "Karin Sjöberg", "P": "Per Åkesson", "G": "Gunnar Vikström", "A": "Ahmed Rashid", "L": "Lisbeth Forsgren"}


def test_two_roles_in_one_sentence_and_a_justerare_who_says_no() -> None:
    lines = [
        ("K", "Jag förklarar mötet öppnat."),
        ("K", "Ordförande och sekreterare för mötet. Har någon ett förslag?"),
        ("A", "Jag föreslår Karin som ordförande, och Per brukar ju skriva protokollet."),
        ("K", "Då valdes Karin Sjöberg till ordförande och Per Åkesson till sekreterare."),
        ("K", "Punkt tre, två justerare. Gunnar, kan du justera i kväll?"),
        ("G", "Nej, helst inte, jag är bortrest hela nästa vecka."),
        ("K", "Då föreslår jag att Ahmed och Lisbeth justerar."),
        ("K", "Punkt fyra, ekonomin. Vi har åttiotusen kronor och betalar fyrahundra kronor per timme."),
        ("K", "Då förklarar jag mötet avslutat."),
    ]
    got = roles(lines, NAMES)
    assert got == {
        "ordförande": ["Karin Sjöberg"],
        "sekreterare": ["Per Åkesson"],
        "justerare": ["Ahmed Rashid", "Lisbeth Forsgren"],
    }


def test_alongside_the_chair_and_a_justerare_who_never_speaks() -> None:
    agenda = "Dagordning\n1. Inledning och val av sekreterare och justerare\n2. Schema\n3. Avslutning\n"
    lines = [
        ("E", "Välkomna allihop. Jag leder mötet som vanligt, och vi behöver en sekreterare och en justerare."),
        ("E", "Nils, kan du skriva i dag?"),
        ("N", "Ja, jag skriver."),
        ("E", "Justera protokollet jämte ordföranden gör Malin Håkansson, om det går bra."),
        ("M", "Det går bra."),
        ("E", "Schemat för våren. Simningen flyttas till tisdagar."),
        ("E", "Då avslutar jag mötet."),
    ]
    names = {"E": "Eva Nordin", "N": "Nils Berglund", "M": "Malin Håkansson"}
    assert roles(lines, names, agenda) == {
        "ordförande": ["Eva Nordin"],  # "jag leder mötet": the speaker; not the sekreterare or justerare
        "sekreterare": ["Nils Berglund"],
        "justerare": ["Malin Håkansson"],  # not the ordförande, though "ordföranden" is nearer to her name
    }
    lines[3] = ("E", "Till justerare valdes alltså Malin Håkansson och Bengt Holmqvist, som inte är här i dag.")
    assert roles(lines, names, agenda)["justerare"] == ["Malin Håkansson", "Bengt Holmqvist"]
    found = elected(agenda, lines_transcript(lines, names))
    assert [r.name for r in found if r.needs_review] == ["Bengt Holmqvist"]  # heard once: check the spelling


def test_presentations_without_election_items() -> None:
    agenda = "Dagordning\n1. Sammanträdets öppnande\n2. Budget\n3. Sammanträdets avslutande\n"
    lines = [
        ("L", "Som ordförande hälsar jag er välkomna, och jag förklarar sammanträdet öppnat."),
        ("L", "Protokollet förs av Elin Kuhmunen som vanligt."),
        ("L", "Budgeten. Den är i balans."),
        ("L", "Då förklarar jag sammanträdet avslutat."),
    ]
    got = roles(lines, {"L": "Lars Pavval", "E": "Elin Kuhmunen"}, agenda)
    assert got == {"ordförande": ["Lars Pavval"], "sekreterare": ["Elin Kuhmunen"]}
    lines[1:2] = [("G", "Jag heter Göran Nyström och är vice ordförande."), ("L", "Elin tar protokollet i dag.")]
    got = roles(lines, {"L": "Lars Pavval", "E": "Elin Kuhmunen", "G": "Göran Nyström"}, agenda)
    assert got == {"ordförande": ["Lars Pavval"], "sekreterare": ["Elin Kuhmunen"]}  # a vice ordförande is not it


def test_names_in_ordinary_words_and_genitives() -> None:
    names = people(lines_transcript([("P", "Hej.")], {"P": "Per Åkesson", "G": "Göran Nyström"}))
    assert mentions("Det kostar fyrahundra kronor per timme.", names) == []
    assert [n for _, _, n in mentions("Per tar det, enligt Görans förslag.", names)] == ["Per Åkesson", "Göran Nyström"]


def test_the_speaker_among_the_justerare_and_other_wordings() -> None:
    agenda = "Dagordning\n1. Mötets öppnande\n2. Val av sekreterare\n3. Val av protokolljusterare\n4. Avslutning\n"
    lines = [
        ("K", "Jag förklarar mötet öppnat."),
        ("K", "Val av sekreterare. Per tar anteckningarna i kväll."),
        ("K", "Val av protokolljusterare. Ahmed och jag justerar."),
        ("K", "Då avslutar jag mötet."),
    ]
    got = roles(lines, NAMES, agenda)
    assert got["sekreterare"] == ["Per Åkesson"] and got["justerare"] == ["Ahmed Rashid", "Karin Sjöberg"]
