"""Which decisions a protokoll meeting holds: the standard items' outcomes said in formal words with the verb first or
after the chair's finding, and none from the chat before the opening or from the move of an item by its number
(hand-made annual meetings)."""

from __future__ import annotations

import pytest

from tests.agenda_meeting import NAMES, lines_transcript
from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.agenda.parse import agenda_vocabulary
from transcribe.minutes import extract_minutes
from transcribe.minutes.protokoll import build_protokoll

STAMMA = """Dagordning vid årsmöte i Cykelklubben
1. Mötets öppnande
2. Fråga om mötets behöriga utlysande
3. Styrelsens verksamhetsberättelse
4. Motion om en gemensam resa
5. Motion om nya tröjor
6. Medlemsavgift
7. Mötets avslutande
"""


def protokoll(lines: list[tuple[str, str]]):
    """The protokoll as the tool makes it: the rules' minutes of the meeting (A leads, B and C take part) filed by
    the agenda."""
    tr = lines_transcript(lines, {k: NAMES[k] for k in "ABC"})
    agenda = parse_agenda_text(STAMMA)
    minutes = extract_minutes(tr, title="Årsmöte i Cykelklubben", vocabulary=agenda_vocabulary(agenda))
    return build_protokoll(minutes, tr, agenda, align_agenda(agenda, tr))


def decisions(prot, number: str) -> list[str]:
    return [d.text for d in prot.paragraph(number).decisions]


def every_decision(prot) -> list[str]:
    return [d.text for p in [*prot.paragraphs, *([prot.other] if prot.other else [])] for d in p.decisions]


OPENING = [("A", "Välkomna allihop, jag förklarar årsmötet öppnat.")]
CLOSING = [("A", "Punkt sju. Tack allihop, jag förklarar mötet avslutat.")]


@pytest.mark.parametrize(
    "found", ["Jag finner att årsmötet är stadgeenligt utlyst.", "Då konstaterar vi att mötet är rätt kallat."]
)
def test_the_notice_found_in_order_by_the_chair_is_the_items_decision(found: str) -> None:
    prot = protokoll(
        [
            *OPENING,
            ("A", "Punkt två, kallelsen. Den gick ut på hemsidan och i klubbstugan den första mars."),
            ("B", "Det är fyra veckor, som stadgarna säger."),
            ("A", found),
            ("A", "Punkt tre, verksamhetsberättelsen."),
            ("C", "Vi har haft tolv lopp och en ny ungdomsgrupp."),
            *CLOSING,
        ]
    )
    assert len(decisions(prot, "2")) == 1


def test_a_motion_settled_with_the_verb_before_its_subject_is_the_motions_decision() -> None:
    prot = protokoll(
        [
            *OPENING,
            ("A", "Punkt fyra, motionen om en gemensam resa. Bertil, du skrev den."),
            ("B", "Jag vill att klubben åker till Gotland i juni, alla betalar själva."),
            ("C", "Det blir för dyrt för ungdomarna."),
            ("A", "Kan mötet bifalla motionen? Nej, jag hör flera nej. Då är motionen avslagen."),
            ("A", "Punkt fem, motionen om nya tröjor."),
            ("C", "De gamla är för små. Jag vill att vi köper nya i höst."),
            ("A", "Någon emot? Nej. Då är motionen bifallen, vi köper nya tröjor i höst."),
            *CLOSING,
        ]
    )
    said = decisions(prot, "4")
    assert len(said) == 1 and "avsl" in said[0]
    assert any("bifall" in d or "tröjor" in d for d in decisions(prot, "5"))


def test_what_the_chat_before_the_opening_settles_is_no_decision() -> None:
    prot = protokoll(
        [
            ("B", "Någon har ställt en låda bullar vid dörren."),
            ("C", "Det är säkert bagaren, han brukar ha över på fredagar."),
            ("A", "Vi tar bullarna till kaffet. Okej, klockan är sju, så jag förklarar mötet öppnat."),
            ("A", "Punkt två, kallelsen gick ut i tid. Punkt tre, verksamhetsberättelsen."),
            ("C", "Vi har haft tolv lopp och en ny ungdomsgrupp."),
            ("A", "Tack. Då läggs den till handlingarna."),
            *CLOSING,
            ("B", "Vi tar resten av bullarna med hem."),
        ]
    )
    assert not any("bullar" in d for d in every_decision(prot))
    assert len(decisions(prot, "3")) == 1


def test_taking_an_item_by_its_number_before_another_is_no_decision_of_it() -> None:
    prot = protokoll(
        [
            *OPENING,
            ("A", "Punkt två, kallelsen gick ut i tid, det är ingen som har något att säga om den."),
            ("B", "Kan vi ta tröjorna först? Jag måste gå strax."),
            ("A", "Det går bra. Vi tar femman, motionen om nya tröjor, före resan. Bertil."),
            ("B", "De gamla tröjorna är för små. Jag vill att vi köper nya i höst."),
            ("A", "Någon emot? Nej. Då köper vi nya tröjor i höst."),
            *CLOSING,
        ]
    )
    assert not any("femman" in d for d in every_decision(prot))
    assert any("tröjor" in d for d in every_decision(prot))


STYRELSE = """Dagordning för styrelsemöte i Cykelklubben
1. Mötets öppnande
2. Godkännande av dagordningen
3. Träningsläger
4. Mötets avslutande
"""


def test_the_agenda_followed_as_it_stands_is_the_agenda_items_decision() -> None:
    lines = [
        ("A", "Välkomna, jag förklarar mötet öppnat."),
        ("A", "Listan. Jag vill ta lägret först, Cecilia måste gå tidigt."),
        ("B", "Det går bra."),
        ("A", "Då följer vi den."),
        ("A", "Träningslägret. Cecilia, du har kollat priser."),
        ("C", "Vi kan få gården i Orsa för tolvtusen, en helg i maj."),
        ("A", "Då bokar vi gården i Orsa för tolvtusen i maj."),
        ("A", "Punkt fyra. Tack, jag förklarar mötet avslutat."),
    ]
    tr = lines_transcript(lines, {k: NAMES[k] for k in "ABC"})
    agenda = parse_agenda_text(STYRELSE)
    minutes = extract_minutes(tr, title="Styrelsemöte", vocabulary=agenda_vocabulary(agenda))
    prot = build_protokoll(minutes, tr, agenda, align_agenda(agenda, tr))
    said = prot.paragraph("2").decisions
    assert len(said) == 1 and "dagordning" in said[0].text and said[0].evidence[-1].quote == "Då följer vi den."
