"""An item whose start has only weak evidence is placed by agenda order between the items around it, not at a
later sentence sharing its word, and an item struck somewhere stays ej behandlad. Hand-made meeting, ten
seconds per line."""

from __future__ import annotations

from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.transcript import Segment, SpeakerInfo, Transcript

AGENDA = """Styrelsemöte
1. Mötets öppnande
2. Budget för 2027
3. Ny lekplats vid gården
4. Sophantering och återvinning
5. Mötets avslutande
"""
LINES = [
    ("A", "Jag förklarar mötet öppnat. Punkt två, budgeten för nästa år."),
    ("B", "Budgeten är i balans, vi har ett litet överskott."),
    ("A", "Då beslutar vi att godkänna budgeten."),
    ("B", "Barnen på gården undrar när gungorna ska bytas."),  # 30 s: only "gården" of the title, no transition
    ("C", "Gungorna är trasiga och sandlådan behöver ny sand."),
    ("A", "Då begär vi in en offert på nya gungor."),
    ("A", "Nästa punkt, sophanteringen. Återvinningen fungerar dåligt."),
    ("C", "Kärlen för papper är alltid fulla, även vid lekplatsen."),  # 70 s: the title's word, inside item 4
    ("A", "Då förklarar jag mötet avslutat."),
]


def starts(lines: list[tuple[str, str]]) -> dict[str, float | None]:
    segs = [Segment(id=i, start=i * 10.0, end=i * 10.0 + 8.0, text=t, speaker=s) for i, (s, t) in enumerate(lines)]
    names = {"A": "Anna Berg", "B": "Bo Ek", "C": "Cilla Ny"}
    tr = Transcript(
        segments=segs, duration=len(lines) * 10.0, speakers=[SpeakerInfo(label=k, name=v) for k, v in names.items()]
    )
    return {s.number: s.start if s.treated else None for s in align_agenda(parse_agenda_text(AGENDA), tr).items}


def test_weak_evidence_between_two_items_is_read_in_agenda_order() -> None:
    got = starts(LINES)
    assert got["3"] == 30.0  # between the budget and the waste items, where its one word was said
    assert got["4"] == 60.0 and got["5"] == 80.0


def test_an_item_struck_earlier_is_not_placed_in_the_gap() -> None:
    lines = [LINES[0], ("A", "Lekplatsen hoppar vi över i dag, den tar vi nästa gång."), *LINES[1:]]
    got = starts(lines)
    assert got["3"] is None
    assert got["4"] == 70.0


def test_an_item_whose_announcement_was_lost_starts_after_the_item_before_was_settled() -> None:
    lines = [
        ("A", "Jag förklarar mötet öppnat. Punkt två, budgeten för nästa år."),
        ("B", "Budgeten är i balans, vi har ett litet överskott."),
        ("A", "Då beslutar vi att godkänna budgeten."),
        ("A", "Då är vi framme vid den tredje, mörr."),  # 30 s: "punkten" and the title lost
        ("C", "Gungorna är trasiga och sandlådan behöver ny sand."),
        ("A", "Då beslutar vi att bygga en ny lekplats vid gården i vår."),  # the decision names the item
        ("A", "Nästa punkt, sophanteringen. Återvinningen fungerar dåligt."),
        ("C", "Kärlen för papper är alltid fulla."),
        ("A", "Då förklarar jag mötet avslutat."),
    ]
    got = starts(lines)
    assert got["3"] == 30.0
    assert got["4"] == 60.0
