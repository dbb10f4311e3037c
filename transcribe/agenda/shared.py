"""A word two items share, said to open one of them: the turn's next sentence tells which. "Anteckningar. Nadia,
kan du skriva ner det viktigaste i dag?" names both "Val av antecknare och justerare" and "Anteckningar från förra
APT"; the question that follows asks for a note-taker, so the first opens there and the other's notes wait for their
own turn. The chair names an item and goes on with its matter at once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from transcribe.agenda.parse import AgendaItem
from transcribe.agenda.topics import overlap, title_stems

if TYPE_CHECKING:  # align.py imports this module
    from transcribe.agenda.units import Unit


def shared_heading(units: list[Unit], leaves: list[AgendaItem], B: list[list[float]], named: list[list[bool]]) -> None:
    """Where a sentence names several items by the same words and only one of them has evidence in the next
    sentence of the same turn, that one takes the sentence at the strongest of their evidence; the others lose it
    (B and named set in place). Not where the sentence says more of one title ("Val av styrelse." before
    "Valberedningen, …": the board's election, not the auditors' and the nominating committee's)."""
    titles = [title_stems(it) for it in leaves]
    for i in range(len(units) - 1):
        if units[i + 1].seg_id != units[i].seg_id:
            continue
        both = [k for k in range(len(B)) if named[k][i] and B[k][i] > 0]
        words = {frozenset(s for s in units[i].stems if overlap(titles[k], {s})) for k in both}
        if len(both) < 2 or len(words) != 1:
            continue
        goes_on = [k for k in both if B[k][i + 1] >= 0]
        if len(goes_on) != 1:
            continue
        (k,) = goes_on
        B[k][i] = max(B[j][i] for j in both)
        for j in both:
            if j != k:
                B[j][i], named[j][i] = min(B[j][i], 0.0), False
