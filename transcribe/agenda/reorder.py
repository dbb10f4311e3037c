"""An order agreed as the agenda is approved, followed: "Ronny måste tillbaka till köket halv sju, så jag vill ta
restaurangen direkt efter förra protokollet", "Kan vi ta Teleborg direkt efter protokollet, före informationen?".
The item moved is taken where the meeting said: once the item it was put after is settled, at the next turn the
chair opens ("Ronny. Varsågod.", "Ewa, Teleborg. Varsågod."), when its words are said before the next item begins.
The handover need not name it; the order agreed and the talk that follows do. An item taken first ("Per måste gå
klockan två, så jag vill ta hans rapport från valkonferensen först.") follows the agenda's own approval ("Per,
varsågod. Hur var det i Uppsala?")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from transcribe.agenda.ahead import AGENDA_WORDS
from transcribe.agenda.parse import AgendaItem, standard_kinds
from transcribe.agenda.passes import rules
from transcribe.agenda.topics import overlap, title_stems
from transcribe.sv.text import content_words, stem

if TYPE_CHECKING:  # align.py imports this module
    from transcribe.agenda.passes import Placement
    from transcribe.agenda.units import Unit

# "ta X direkt efter Y": X is named before "efter", Y after it, up to a comma, "före" or the sentence's end
_AFTER = re.compile(r"\b(?:direkt |närmast |strax |precis )?efter\b")
_TAKE = re.compile(r"\b(?:ta|tar|flytta|flyttar|lägga|lägger)\b")
_PHRASE_END = re.compile(r"[,.;:!?]|\bföre\b|\binnan\b")
_FIRST = re.compile(r"\b(?:ta|tar) (?P<what>[^,.;:!?]{1,80}?) först\b")  # "ta hans rapport från valkonferensen först"


def _stems(text: str) -> set[str]:
    return {stem(w) for w in content_words(text)}


def agreed_after(units: list[Unit], leaves: list[AgendaItem]) -> list[tuple[int, int]]:
    """(item moved, item it is to follow) for each move said in a turn that speaks of the agenda."""
    titles = [title_stems(it) for it in leaves]
    movable = [k for k, it in enumerate(leaves) if "agenda" not in standard_kinds(it.title)]
    agenda_turns = {u.seg_id for u in units if AGENDA_WORDS.search(u.low)}
    out: list[tuple[int, int]] = []
    approval = next((k for k, it in enumerate(leaves) if "agenda" in standard_kinds(it.title)), None)
    for u in units:
        first = _FIRST.search(u.low)
        if first is not None and approval is not None and u.seg_id in agenda_turns:
            said = _stems(first.group("what"))
            most = max((len(overlap(titles[k], said)) for k in movable), default=0)
            moved = [k for k in movable if most and len(overlap(titles[k], said)) == most]  # the one named best
            if len(moved) == 1 and moved[0] > approval + 1:
                out.append((moved[0], approval))  # taken first: right after the agenda is approved
            continue
        after = _AFTER.search(u.low)
        take = _TAKE.search(u.low, 0, after.start()) if after else None
        if u.seg_id not in agenda_turns or take is None:
            continue
        end = _PHRASE_END.search(u.low, after.end())
        moved_words = _stems(u.low[take.end() : after.start()])
        anchor_words = _stems(u.low[after.end() : end.start() if end else len(u.low)])
        moved = [k for k in movable if overlap(titles[k], moved_words)]
        anchor = [k for k in movable if overlap(titles[k], anchor_words) and k not in moved]
        if len(moved) == 1 and len(anchor) == 1 and anchor[0] < moved[0]:
            out.append((moved[0], anchor[0]))
    return out


def taken_after(p: Placement, moves: list[tuple[int, int]], chair: str | None) -> None:
    """Start each item moved by the agreed order at the first turn the chair opens after the item it follows is
    settled (see the module's doc); not where another item has begun, nor without its words before the next."""
    units, chosen = p.units, p.chosen
    titles = [title_stems(it) for it in p.leaves]
    for moved, anchor in moves:
        if anchor not in chosen or chair is None:
            continue
        at = chosen[anchor]
        nxt = min((v for k, v in chosen.items() if v > at and k != moved), default=len(units))
        ends = [p.settles[j] or rules(units[j].low, units[j].text) for j in range(len(units))]
        settled = next((j for j in range(at + 1, nxt) if ends[j]), None)
        if settled is None:
            continue
        start = next(  # the chair's next turn that does not itself rule on the item before
            (
                j
                for j in range(settled + 1, nxt)
                if units[j].speaker == chair
                and units[j - 1].seg_id != units[j].seg_id
                and j not in p.used
                and not ends[j]
            ),
            None,
        )
        if start is None or not any(overlap(titles[moved], units[j].stems) for j in range(start, nxt)):
            continue
        if moved in chosen and at < chosen[moved] <= start:
            continue  # already taken up there
        if moved in chosen:
            p.move(moved, start)
        else:
            p.place(moved, start)
