"""Where the talk goes on across a sentence: the passage after it keeps to the words of the passage before it.

A chair's sentence that names an item's word in passing ("Vi låter församlingen säga sitt." under the Christmas
services, with "Församlingsledningens rapport" on the agenda) starts nothing when the members then go on speaking
of what they spoke of just before (the vote on "midnattsgudstjänsten" and "julotta klockan sju"): an item starts
where the talk turns. The words that tell are the meeting's rarer ones, said more than once before the sentence, again
after it (the very next sentence carrying one on) and not in it; an item whose own title words come up after
the sentence may still start there.
"""

from __future__ import annotations

from collections import Counter

from transcribe.agenda.named import kind_said
from transcribe.agenda.numbers import number_refs
from transcribe.agenda.parse import AgendaItem
from transcribe.agenda.phrases import ANNOUNCES, OPENS_OWN, OPENS_WITH, TAKEN_NOW, TRANSITION
from transcribe.agenda.topics import overlap, title_stems
from transcribe.agenda.units import Unit

BEFORE = 12  # sentences before that hold the talk going on
AFTER = 6  # sentences after that keep to it
RARE = 6  # a word said in at most this many sentences of the meeting is a matter's own word
SHARED = 2  # distinct such words said before and after
MIN_LEN = 5  # letters in a stem that count (not "sju", "år")
KEY = 7  # a word's first letters, the same whatever its ending ("midnattsmässa", "midnattsmässan")


def talk_goes_on(units: list[Unit], names: set[str]) -> list[set[str]]:
    """Per sentence, the rare words the talk keeps to across it (empty where it turns); not the names of those
    present, who are named all through an election."""
    words = [{s[:KEY] for s in u.stems if len(s) >= MIN_LEN and s not in names} for u in units]
    df = Counter(w for ws in words for w in ws)
    rare = [{w for w in ws if df[w] <= RARE} for ws in words]
    out: list[set[str]] = []
    for i in range(len(units)):
        said = Counter(w for r in rare[max(0, i - BEFORE) : i] for w in r)
        before = {w for w, n in said.items() if n >= 2}  # the matter talked of: its words said again and again
        after = set().union(*rare[i + 1 : i + 1 + AFTER])
        shared = (before & after) - words[i]
        goes_on = i + 1 < len(units) and shared & words[i + 1]  # the very next sentence carries it on
        out.append(shared if len(shared) >= SHARED and goes_on else set())
    return out


def damp_passing(
    units: list[Unit], items: list[AgendaItem], B: list[list[float]], names: set[str], floor: float
) -> None:
    """No start (evidence down to `floor`) for an item at a sentence the talk goes on across, where the item's words
    do not come up after it, neither its number nor what it does ("när ses vi igen?") is said, and no words turn
    the talk: a word in passing, not a turn to the item."""
    going = talk_goes_on(units, names)
    titles = [title_stems(it) for it in items]
    for i, shared in enumerate(going):
        if not shared:
            continue
        after = set().union(*(u.stems for u in units[i + 1 : i + 1 + AFTER]))
        if any(p.search(units[i].low) for p in (TRANSITION, ANNOUNCES, OPENS_WITH, OPENS_OWN, TAKEN_NOW)):
            continue  # the talk turned in words ("Då får jag säga något om pengarna."), whatever goes on
        said = {ref for ref, sign in number_refs(units[i].low) if sign > 0}
        for k, item in enumerate(items):
            if (
                B[k][i] > 0
                and item.number not in said
                and not overlap(titles[k], after)
                and not kind_said(item, units[i])
            ):
                B[k][i] = min(B[k][i], floor)
