"""An item's decision read from how the chair closes it: an outcome announced with a colon, the item itself approved
by a pronoun, the chair's outcome after the floor's yes, and a strike that is no decision (hand-made meetings)."""

from __future__ import annotations

from tests.agenda_meeting import protokoll_of

BOARD = """Dagordning styrelsemöte
1. Mötets öppnande
2. Föregående protokoll
3. Avisningen
4. Arbetshelgen
5. Fråga om ansvarsfrihet för styrelsen
6. Personalfesten
7. Mötets avslutande
"""
OPENING = [
    ("A", "Välkomna, jag förklarar mötet öppnat. Personalfesten hoppar vi över, festkommittén sköter den."),
    ("A", "Punkt två, föregående protokoll. Någon som har något?"),
    ("B", "Nej, det var bara det med vagnarna."),
]
DEICING = [
    ("A", "Punkt tre, avisningen."),
    ("B", "En person var ensam i avisningsbilen två gånger förra vintern, det går inte."),
    ("C", "Vi är för få på morgonen, det är därför."),
]
WORK = [
    ("A", "Punkt fyra, arbetshelgen vid stugan."),
    ("B", "Snickaren kan komma den tjugonde november, innan snön."),
    ("C", "Jag kan den tjugonde, och jag tar med soppa."),
]
DISCHARGE = [
    ("A", "Punkt fem. Revisorn tillstyrker. Beviljar mötet styrelsen ansvarsfrihet för året?"),
    ("B", "Ja."),
    ("C", "Ja."),
    ("A", "Ingen säger nej. Styrelsen är fri från ansvar för verksamhetsåret."),
]
CLOSING = [("A", "Punkt sju. Tack, jag förklarar mötet avslutat.")]


def decisions(lines: list[tuple[str, str]], number: str) -> list[str]:
    prot = protokoll_of([*OPENING, *lines, *CLOSING], BOARD, "Styrelsemöte")
    return [d.text for d in prot.paragraph(number).decisions]


def test_an_outcome_announced_with_a_colon_is_the_items_decision_with_the_sentence_that_completes_it() -> None:
    said = [
        ("A", "Så här blir det: ingen avisar ensam längre. Det är alltid två i bilen, en i korgen och en vid ratten.")
    ]
    got = decisions([*DEICING, *said, *WORK], "3")
    assert got == [
        "Styrelsen beslutade att ingen avisar ensam längre. Det är alltid två i bilen, en i korgen och en vid ratten."
    ]
    said = [("A", "Bra. Vi säger så: arbetshelg vid stugan lördagen den tjugonde november, och snickaren gör taket.")]
    assert decisions([*DEICING, *WORK, *said], "4") == [
        "Styrelsen beslutade: arbetshelg vid stugan lördagen den tjugonde november, och snickaren gör taket."
    ]
    hedged = [("A", "Så här blir det kanske: ingen avisar ensam längre, om vi hinner.")]
    assert decisions([*DEICING, *hedged, *WORK], "3") == []


def test_the_item_approved_by_a_pronoun_is_what_was_decided() -> None:
    lines = [("A", "Då godkänner vi det."), *DEICING]
    assert decisions(lines, "2") == ["Styrelsen beslutade att godkänna föregående protokoll."]
    assert decisions([("A", "Då går vi vidare."), *DEICING], "2") == []


def test_the_chairs_outcome_after_the_floors_yes_is_cited_with_the_question() -> None:
    prot = protokoll_of([*OPENING, *DEICING, *DISCHARGE, *CLOSING], BOARD, "Styrelsemöte")
    (decision,) = prot.paragraph("5").decisions
    assert decision.text == "Styrelsen beslutade att bevilja styrelsen ansvarsfrihet."
    assert [e.quote for e in decision.evidence][-1] == "Styrelsen är fri från ansvar för verksamhetsåret."


def test_a_strike_said_while_the_meeting_opens_is_no_decision_of_the_item_struck() -> None:
    prot = protokoll_of([*OPENING, *DEICING, *CLOSING], BOARD, "Styrelsemöte")
    assert prot.paragraph("6").status != "behandlad" and prot.paragraph("6").decisions == []


ANNUAL = """Dagordning årsmöte
1. Mötets öppnande
2. Fråga om mötet är behörigen utlyst
3. Verksamhetsberättelse
4. Mötets avslutande
"""


def test_the_askers_short_outcome_after_the_yes_is_cited() -> None:
    notice = [
        ("A", "Välkomna, jag förklarar mötet öppnat."),
        ("A", "Kallelsen. Bo, hur gick den ut?"),
        ("B", "Den sattes upp i stugan och skickades med mejl tre veckor innan."),
        ("A", "Anser mötet att den är behörigen utlyst?"),
        ("B", "Ja."),
        ("C", "Ja."),
        ("A", "Då är den det."),
        ("A", "Verksamhetsberättelsen. Bo."),
        ("B", "Vi har målat stugan och bytt taket."),
        ("A", "Tack, jag förklarar mötet avslutat."),
    ]
    prot = protokoll_of(notice, ANNUAL, "Årsmöte")
    (decision,) = prot.paragraph("2").decisions
    assert [e.quote for e in decision.evidence][-1] == "Då är den det."  # where the outcome is said


def test_an_order_changed_inside_an_item_is_no_decision() -> None:
    order = [("A", "Då tar vi taket först, innan snön kommer.")]
    assert decisions([*DEICING, *WORK, *order], "4") == []  # the roof is taken first: nothing decided yet
