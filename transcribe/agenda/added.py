"""Topics put under an item while the agenda is approved: "Jag vill lägga till en sak om nycklarna under övriga
frågor", "Jag vill ta upp gräsklipparen under övrigt". The topic's own words name that item later, when the chair
comes to it by the topic alone ("Och så nycklarna som jag nämnde.")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from transcribe.agenda.parse import AgendaItem, standard_kinds
from transcribe.agenda.phrases import KIND_CUES, PLACED_UNDER
from transcribe.agenda.topics import overlap, title_stems
from transcribe.sv.text import content_words, stem

if TYPE_CHECKING:  # align.py imports this module
    from transcribe.agenda.align import Unit

_UNDER = re.compile(r"\bunder\b")
_ADDING = {stem(w) for w in ("lägga", "lägger", "läggs", "sak", "saker", "fråga", "punkt", "tillägg", "gamla", "nya")}
EARLY = 0.3  # the agenda is approved in this first share of the meeting


def added_topics(units: list[Unit], leaves: list[AgendaItem]) -> dict[int, tuple[int, set[str]]]:
    """Item -> (the sentence that put the topic under it, the topic's stems)."""
    out: dict[int, tuple[int, set[str]]] = {}
    for i, u in enumerate(units[: max(1, int(EARLY * len(units)))]):
        if not PLACED_UNDER.search(u.low):
            continue
        under = list(_UNDER.finditer(u.low))[-1]
        after = u.low[under.end() :]
        words = {stem(w) for w in content_words(u.low)}
        target = [
            k
            for k, it in enumerate(leaves)
            if any(kd in KIND_CUES and kd == "other" and KIND_CUES[kd].search(after) for kd in standard_kinds(it.title))
            or overlap(title_stems(it), {stem(w) for w in content_words(after)}, related_too=False)
        ]
        if len(target) != 1:
            continue
        k = target[0]
        topic = {w for w in words if w not in _ADDING and not overlap({w}, title_stems(leaves[k]), related_too=False)}
        topic -= {stem(w) for w in content_words(after)[:2]}  # "övriga frågor", "övrigt" name the item itself
        if topic:
            out[k] = (i, topic)
    return out
