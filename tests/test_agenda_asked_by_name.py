"""An item opened by the chair's question to one present by name, on the item's matter, however short the answer
("Sara, när gick kallelsen ut?" – "Den sattes upp i affären …"). Hand-made annual meeting, ten seconds per line."""

from __future__ import annotations

from tests.agenda_meeting import chaired_transcript
from transcribe.agenda import align_agenda, parse_agenda_text

AGENDA = """Årsmöte i hembygdsföreningen
1. Mötets öppnande
2. Val av mötesordförande och sekreterare
3. Val av justerare
4. Frågan om mötet är behörigen utlyst
5. Verksamhetsberättelse
6. Ekonomisk berättelse
7. Motion om ny flaggstång
8. Mötets avslutande
"""
OPENING = [
    "Välkomna allihop, jag förklarar årsmötet öppnat.",
    "Jag kan leda mötet, och Sara skriver. Går det bra?",
    ("Ja.", "P"),
    "Då är det så.",
    "Vem läser igenom det Sara skriver och skriver under?",
    ("Det kan jag göra.", "P"),
    "Bra, Pelle.",
]
REST = [
    "Pelle, vill du berätta om året som gått?",
    ("Vi har haft tre midsommarfester och renoverat taket på kvarnen, och vi fick tjugo nya medlemmar.", "P"),
    "Tack. Då lägger vi berättelsen till handlingarna.",
    "Och pengarna, Sara?",
    ("Vi gick med femtusen i överskott och har fyrtiotusen i kassan.", "S"),
    "Då lägger vi den till handlingarna.",
]


def starts(lines: list[str | tuple[str, str]]) -> dict[str, int | None]:
    al = align_agenda(parse_agenda_text(AGENDA), chaired_transcript(lines))
    return {s.number: int(s.start // 10) if s.treated and s.start is not None else None for s in al.items}


def test_the_notice_opened_by_a_question_to_the_one_who_sent_it() -> None:
    got = starts(
        [
            *OPENING,
            "Sara, när gick kallelsen ut?",  # 70 s
            ("Den sattes upp i affären för fyra veckor sedan.", "S"),
            "Då är mötet rätt utlyst.",
            *REST,
        ]
    )
    assert got["4"] == 7
    assert got["5"] == 10


def test_a_question_to_a_member_inside_another_item_opens_nothing() -> None:
    got = starts(
        [
            *OPENING,
            "Kallelsen. Sara, när gick den ut?",  # 70 s
            ("Den sattes upp i affären för fyra veckor sedan.", "S"),
            "Då är mötet rätt utlyst.",
            *REST[:5],
            "Sara, räknade du med flaggstången?",  # 150 s: a question on the money, not the motion
            ("Nej, den är inte med.", "S"),
            "Då lägger vi den till handlingarna.",
            "Motionen. Pelle, det är din.",  # 180 s
            ("Flaggstången har ruttnat och lutar, jag vill att vi köper en ny i aluminium.", "P"),
            "Då köper vi en ny flaggstång.",
        ]
    )
    assert got["4"] == 7
    assert got["7"] == 18
