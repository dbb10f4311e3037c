"""An election item for several of the meeting's officials ("Val av ordförande, sekreterare och två justerare")
begins where the first of them is asked for, not where the evidence is strongest: the chair who will not lead the
meeting herself and asks the nomination committee for a name opens it, and the call for two justerare minutes later
is inside it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from transcribe.agenda.parse import standard_kinds
from transcribe.agenda.phrases import ELECTIONS

if TYPE_CHECKING:  # align.py imports this module
    from transcribe.agenda.passes import Placement


def first_office_asked(p: Placement) -> None:
    """Move the start of an item electing two or more officials back to the earliest sentence since the item
    before began where its own evidence clears the threshold, when no other item starts in between."""
    for k, it in enumerate(p.leaves):
        if k not in p.chosen or sum(kd in ELECTIONS for kd in standard_kinds(it.title)) < 2:
            continue
        at = p.chosen[k]
        before = max((v for v in p.chosen.values() if v < at), default=-1)
        first = next((j for j in range(before + 1, at) if p.B[k][j] > 0 and j not in p.used), None)
        if first is not None:
            p.move(k, first)
