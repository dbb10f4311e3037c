"""A show of hands taken side by side ("Räck upp handen för Berits förslag." – "Sjutton." – "Och för styrelsens." –
"Tolv."): the call for the next side goes on with the count and opens no item, whatever item its words name."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # align.py imports this module
    from transcribe.agenda.units import Unit

# the room asked to show hands or to be counted: "Räck upp handen för …", "Vi räcker upp händerna.", "Vilka är för?"
# (its verb may be misheard: "upp handen" tells)
HANDS = re.compile(
    r"\b(?:\w+ upp (?:en |era )?(?:hand|händer)\w*|handuppräckning|vilka är för|de som är för|vi räknar"
    r"|(?:vilka|de som) (?:vill|röstar)\b)"
)
# the next side called: "Och för styrelsens.", "Och emot?", "För förslag B?"
SIDE = re.compile(r"^\W*(?:och\s+)?(?:för|emot)\b")
WITHIN = 4  # sentences after the call in which the sides are counted
SIDE_WORDS = 5  # words in a sentence that only calls a side


def sides_called(units: list[Unit]) -> list[int]:
    """The sentences that call the next side of a count."""
    out, last = [], None
    for i, u in enumerate(units):
        if HANDS.search(u.low):
            last = i
        elif last is not None and i - last <= WITHIN and len(u.text.split()) <= SIDE_WORDS and SIDE.search(u.low):
            out.append(i)
            last = i
    return out


def no_start_at_sides(units: list[Unit], B: list[list[float]], named: list[list[bool]], threshold: float) -> None:
    """Set every item's evidence at a side called to nothing (B and named in place)."""
    for i in sides_called(units):
        for row, names in zip(B, named, strict=True):
            row[i], names[i] = min(row[i], -threshold), False
