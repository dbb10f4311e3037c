"""A parent item named by its own title starts the sub-item taken first: "Frukosten med kommunen." opens
"Näringslivsfrukost med kommunen" and with it 6a, whose own title ("Datum och talare") nobody says; "Nästa är
vattnet. Vi tar läckan först" opens the sub-item the chair puts first (5b), not the agenda's first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from transcribe.agenda.parse import AgendaItem
from transcribe.agenda.phrases import fronted_topic
from transcribe.agenda.topics import overlap, title_stems

if TYPE_CHECKING:  # align.py imports this module
    from transcribe.agenda.units import Unit


def parents_named(
    units: list[Unit],
    leaves: list[AgendaItem],
    heads: list[AgendaItem],
    rows: list[list[float]],
    names: list[list[bool]],
    B: list[list[float]],
    named: list[list[bool]],
) -> None:
    """Add each parent's evidence (`rows`, `names`: the aligner's evidence for the parent items `heads`) to the
    sub-item it starts at each sentence, when no sub-item's title shares the parent's words and none is said
    there or in the next sentence (their own words decide); B and named in place."""
    fronted = [fronted_topic(u.low) for u in units]
    for par, row, said in zip(heads, rows, names, strict=True):
        kids = [k for k, it in enumerate(leaves) if it.parent == par.number]
        if not kids or any(overlap(title_stems(par), title_stems(leaves[k])) for k in kids):
            continue  # "Motioner" – "Motion om …": the sub-items' own words already say the parent's
        for i in range(len(units)):
            near = units[i].stems | (units[i + 1].stems if i + 1 < len(units) else set())
            if any(overlap(title_stems(leaves[k]), near) for k in kids):
                continue  # "Arbetsmiljön. … vi väntar med skyddsronden och börjar med den nya rutinen": their own
            first = kids[0]
            for topic in (fronted[j] for j in (i, i + 1) if j < len(units) and fronted[j] is not None):
                taken = [k for k in kids if overlap(title_stems(leaves[k]), topic)]
                if len(taken) == 1:
                    first = taken[0]
                    break
            if row[i] > B[first][i]:
                B[first][i] = row[i]
            named[first][i] = named[first][i] or said[i]
