"""An item announced to come later, ahead of another: "Motionerna tar vi före valen, valberedningen är på väg",
said just before the chair opens another item outright ("Hassan, kan du gå igenom årsredovisningen?"). The item
is only given its new place, not started there; "Taket tar vi före midsommarfirandet", followed by talk on the
roof, still starts the roof. An order changed while the agenda is approved ("Dagordningen har ni fått. … vi tar
vapenförrådet före skjutbanan, punkt sju före punkt sex", "Föredragningslistan. … jag föreslår att vi tar punkt
åtta, båtplatserna, direkt efter ekonomin.") starts none of the items it names."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from transcribe.agenda.numbers import number_refs
from transcribe.agenda.parse import AgendaItem, standard_kinds
from transcribe.agenda.phrases import fronted_topic
from transcribe.agenda.topics import overlap, title_stems

if TYPE_CHECKING:  # align.py imports this module
    from transcribe.agenda.align import Unit

AHEAD = re.compile(r"\b(?:före|innan)\b")
REORDER = re.compile(r"\b(?:före|innan|(?:direkt |närmast |strax )?efter|sist|först|flytta\w*)\b")
AGENDA_WORDS = re.compile(r"\b(?:dagordning\w*|föredragningslist\w*|listan)\b")
NEXT = 2  # the sentences after the announcement where another item may be opened at once


def announced_ahead(
    units: list[Unit],
    leaves: list[AgendaItem],
    B: list[list[float]],
    named: list[list[bool]],
    threshold: float,
    floor: float,
) -> None:
    """Set the evidence of an item only put ahead of another to nothing at that sentence (B and named in place);
    `floor`: the evidence with which another item is opened right after it."""
    titles = [title_stems(it) for it in leaves]
    for i, u in enumerate(units):
        topic = fronted_topic(u.low)
        if topic is None or not AHEAD.search(u.low):
            continue
        moved = [k for k, t in enumerate(titles) if overlap(t, topic)]
        after = range(i + 1, min(i + 1 + NEXT, len(units)))
        opened = {k for k in range(len(leaves)) if k not in moved and any(B[k][j] >= floor for j in after)}
        if opened:
            for k in moved:
                B[k][i], named[k][i] = min(B[k][i], -threshold), False


def reordered_with_agenda(
    units: list[Unit], leaves: list[AgendaItem], B: list[list[float]], named: list[list[bool]], threshold: float
) -> None:
    """Set the evidence of the items a sentence moves to nothing there when its turn speaks of the agenda (B and
    named in place): the order is changed as the agenda is approved, and the items are taken later."""
    titles = [title_stems(it) for it in leaves]
    agenda_turns = {u.seg_id for u in units if AGENDA_WORDS.search(u.low)}
    for i, u in enumerate(units):
        if u.seg_id not in agenda_turns or not REORDER.search(u.low):
            continue
        numbers = {ref for ref, _ in number_refs(u.low)}
        moved = [
            k
            for k, (it, t) in enumerate(zip(leaves, titles, strict=True))
            if "agenda" not in standard_kinds(it.title) and (it.number in numbers or overlap(t, u.stems))
        ]
        if len(moved) >= 2 or numbers and moved:
            for k in moved:
                B[k][i], named[k][i] = min(B[k][i], -threshold), False
