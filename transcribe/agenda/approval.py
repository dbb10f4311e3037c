"""The agenda's own talk: from the chair's "Dagordningen har ni fått. Något att ändra?" to her "Med de ändringarna
är dagordningen godkänd." the members ask for changes ("Punkt tio, arvodet till hamnkaptenen. … Stryk den punkten.",
"Och jag vill att vi tar hamnavgifterna efter motionen om rampen.", "Solcellsparken, punkt åtta, vill jag skjuta
till nästa möte."). The items named there are moved, struck or put off, never opened: no other item starts before
the agenda is approved, and a member who names an item and strikes it by a pronoun in the same turn strikes it as a
chair would (struck.put_off_by_pronoun)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from transcribe.agenda.parse import AgendaItem, standard_kinds

if TYPE_CHECKING:  # align.py imports this module
    from transcribe.agenda.units import Unit

# approved, not to be: "Då är den godkänd …", "Då fastställer vi dagordningen …", not "Innan vi godkänner den …"
APPROVED = re.compile(
    r"\b(?:godkänd|godkänt|fastställd|fastställt|antagen|antaget)\b"
    r"|\b(?:godkänner|fastställer|antar) (?:vi|mötet|stämman|årsmötet|nämnden|styrelsen)\b"
)
# the agenda opened by its name, not "Det är din tur enligt listan"
OPENED = re.compile(r"\b(?:dagordning\w*|föredragningslist\w*)\b|^\W*(?:\w+\W+)?listan\b")
WITHIN = 8  # turns after the chair opened the agenda in which it is approved
EARLY = 0.5  # the agenda is opened in this first share of the meeting
AS_WORD = 2  # words in a member's sentence that approves the agenda for the room ("Godkänd.", "Ja, godkänd.")


def agenda_talk(units: list[Unit], leaves: list[AgendaItem], B: list[list[float]], threshold: float) -> range:
    """The sentences between the chair's opening of the agenda and her approval of it (both left out); empty where
    the agenda has no item, is not opened early (its words said where they start it), or is not approved in so many
    words within WITHIN turns."""
    agenda = next((k for k, it in enumerate(leaves) if "agenda" in standard_kinds(it.title)), None)
    if agenda is None:
        return range(0)
    opened = next(
        (
            i
            for i, u in enumerate(units[: int(EARLY * len(units)) + 1])
            if OPENED.search(u.low) and B[agenda][i] + threshold > 0
        ),
        None,
    )
    if opened is None:
        return range(0)
    chair, turns = units[opened].speaker, 0
    for j in range(opened + 1, len(units)):
        turns += units[j].seg_id != units[j - 1].seg_id
        if turns > WITHIN:
            break
        u = units[j]
        said = u.speaker == chair or len(u.text.split()) <= AS_WORD  # or a member's word: "Godkänd?" – "Godkänd."
        if said and APPROVED.search(u.low) and not u.text.rstrip().endswith("?"):
            return range(opened + 1, j)
    return range(0)


def opens_nothing(
    talk: range, leaves: list[AgendaItem], B: list[list[float]], named: list[list[bool]], threshold: float
) -> None:
    """No item but the agenda's own starts in its talk (B and named set in place); a strike there stands."""
    for k, it in enumerate(leaves):
        if "agenda" in standard_kinds(it.title):
            continue
        for i in talk:
            B[k][i], named[k][i] = min(B[k][i], -threshold), False
