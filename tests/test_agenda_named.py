"""Decisions under the § they name: a decision placed by time under an item it does not name goes to the one
whose title it says (an item whose start was missed, or the item next to it when the boundary between them
was misplaced); and the sentence that says a decision is looked for among all its citations, not only the
last. Hand-made alignments and meetings, ten seconds per line."""

from __future__ import annotations

from transcribe.agenda.align import Alignment, ItemSpan, build_units
from transcribe.agenda.settle import settled_under
from transcribe.transcript import Segment, Transcript


def spoken(lines: list[str]) -> Transcript:
    segs = [Segment(id=i, start=i * 10.0, end=i * 10.0 + 8.0, text=t, speaker="A") for i, t in enumerate(lines)]
    return Transcript(segments=segs, duration=len(lines) * 10.0)


LINES = [
    "Föregående minnesanteckningar, något att ta upp?",  # 0
    "Nej, allt är gjort.",  # 1
    "Vi har vaccinerat niohundra patienter och behöver två kvällar till.",  # 2: item 4 began, its start missed
    "Då beslutar vi att ha drop-in-vaccination två kvällar i januari.",  # 3
    "Vi behöver också se över bemanningen på fritids under vårterminen.",  # 4
    "Då beslutar vi att se över bemanningen under vårterminen.",  # 5
    "Schemat för vårterminen, då. Idrotten krockar med simningen.",  # 6
    "Då beslutar vi att flytta idrotten till fredagar.",  # 7
]


def alignment(vaccination_placed: bool) -> Alignment:
    items = [
        ItemSpan(number="3", title="Föregående minnesanteckningar", treated=True, start=0.0, end=60.0, announced=0.0),
        ItemSpan(number="4", title="Influensavaccinationen", treated=vaccination_placed),
        ItemSpan(number="5", title="Schema för vårterminen", treated=True, start=60.0, end=80.0, announced=60.0),
    ]
    return Alignment(items=items)


def test_a_decision_naming_an_item_whose_start_was_missed_goes_under_it() -> None:
    tr = spoken(LINES)
    units = build_units(tr)
    said = "Mötet beslutade att ha drop-in-vaccination två kvällar i januari."
    assert settled_under(alignment(False), units, 3, said, 30.0) == "4"


def test_a_decision_saying_half_of_a_short_title_stays_where_it_was_said() -> None:
    tr = spoken(LINES)
    units = build_units(tr)
    said = "Mötet beslutade att se över bemanningen under vårterminen."  # one of "Schema för vårterminen"'s two words
    assert settled_under(alignment(False), units, 5, said, 50.0) == "3"
    said = "Mötet beslutade att flytta idrotten till fredagar."
    assert settled_under(alignment(False), units, 7, said, 70.0) == "5"


def test_the_sentence_that_says_the_decision_is_found_among_its_citations() -> None:
    tr = spoken(LINES)
    units = build_units(tr)
    said = "Mötet beslutade att ha drop-in-vaccination två kvällar i januari."
    al = Alignment(
        items=[
            ItemSpan(number="4", title="Vaccinering", treated=True, start=0.0, end=60.0, announced=0.0),
            ItemSpan(number="5", title="Schema för vårterminen", treated=True, start=60.0, end=80.0, announced=60.0),
        ]
    )
    # cited last by the chair's next announcement, but said at 30 s: under the item treated then
    assert settled_under(al, units, 6, said, 60.0, cited=[3, 6]) == "4"
    assert settled_under(al, units, 6, said, 60.0) == "5"
