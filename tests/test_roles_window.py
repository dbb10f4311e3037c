"""Roles elected under an item the aligner could not place (its announcement misheard): the election is read
where the agenda's order puts the item, between the placed items around it, as inside the item itself.
A hand-made meeting, ten seconds per line."""

from __future__ import annotations

from tests.agenda_meeting import lines_transcript
from transcribe.agenda import align_agenda, parse_agenda_text
from transcribe.agenda.align import build_units
from transcribe.minutes.roles import find_roles

AGENDA = """Arbetsplatsträff
1. Inledning
2. Val av antecknare och justerare
3. Föregående minnesanteckningar
4. Sommarschema
5. Avslutning
"""

LINES = [
    ("K", "Då sätter vi igång, välkomna till arbetsplatsträffen."),  # 0
    ("K", "Vem på minnesanteckningarna i dag, och vem läser igenom dem att?"),  # 1: the announcement misheard
    ("G", "Jag kan skriva."),  # 2
    ("J", "Och jag kan läsa igenom och godkänna dem innan de läggs ut."),  # 3
    ("K", "Tack. Då är det klart."),  # 4
    ("K", "Förra gångens anteckningar. Något att kommentera?"),  # 5
    ("E", "Nej, de stämmer."),  # 6
    ("K", "Och nu sommarschemat. Gustav, hur ser det ut?"),  # 7
    ("G", "Förslaget är sju veckor med kortare öppettider."),  # 8
    ("K", "Då avslutar vi mötet, tack allihop."),  # 9
]


NAMES = {"K": "Katarina Novak", "G": "Gustav Ekholm", "J": "Jukka Rantanen", "E": "Ebba Lind"}


def test_an_election_whose_item_was_not_placed_is_read_where_the_agenda_puts_it() -> None:
    tr = lines_transcript(LINES, NAMES)
    al = align_agenda(parse_agenda_text(AGENDA), tr)
    assert not al.item("2").treated  # the premise: the announcement was too garbled to place the item
    roles = {(r.role, r.name) for r in find_roles(tr, al, build_units(tr))}
    assert ("justerare", "Jukka Rantanen") in roles
    assert not any(r == "justerare" and n != "Jukka Rantanen" for r, n in roles)
