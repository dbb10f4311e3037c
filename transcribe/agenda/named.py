"""How the chair names an agenda item in a sentence: the title's words alone ("Dagordningen.", "Och då, som vi sa,
stugan."), the title's word put first in the chair's turn ("Dagordningen har ni fått på mejl."), or what a standard
item does said outright ("två som läser igenom protokollet och skriver under")."""

from __future__ import annotations

import re

from transcribe.agenda.parse import AgendaItem, standard_kinds
from transcribe.agenda.phrases import KIND_CUES
from transcribe.agenda.topics import overlap
from transcribe.agenda.units import Unit
from transcribe.sv.text import stem

_ACK = re.compile(r"^\W*(?:(?:ja|jaha|bra|tack|okej|fint|precis|utmärkt|toppen|härligt|gott)\W*)+$")


def chair_heads(units: list[Unit], chair: str | None) -> list[str | None]:
    """The chair's first word in each turn, where it opens a statement that goes on ("Dagordningen har
    ni fått på mejl."; after "Bra." or "Tack." alone): what the chair turns the talk to, put first."""
    out: list[str | None] = [None] * len(units)
    for i, u in enumerate(units):
        j = i - 1
        while j >= 0 and units[j].seg_id == u.seg_id and _ACK.match(units[j].low):
            j -= 1
        if u.speaker != chair or j >= 0 and units[j].seg_id == u.seg_id or u.text.rstrip().endswith("?"):
            continue
        words = re.findall(r"[\wåäöé-]+", u.low)
        if len(words) >= 3:
            out[i] = words[0]
    return out


def leads_with(head: str | None, stems: set[str], title: str) -> bool:
    """The head word names the title: one of its words, or a definite noun of its stems ("Protokollet" for
    "Föregående protokoll"); not a verb of the same stem ("Justera protokollet …" under "… justerare")."""
    if head is None:
        return False
    words = set(re.findall(r"[\wåäöé-]+", title.lower()))
    noun = head in words or head.endswith(("en", "et", "na")) and len(head) > 4
    return noun and bool(overlap({stem(head)}, stems, related_too=False))


def kind_said(item: AgendaItem, u: Unit) -> bool:
    """What a standard item does, said in the sentence ("två som läser igenom protokollet och skriver under")."""
    kinds = standard_kinds(item.title) or ([item.kind] if item.kind else [])
    return any(kd in KIND_CUES and KIND_CUES[kd].search(u.low) for kd in kinds)


ASIDE = re.compile(r",?\s*\b(?:som (?:vi|jag|du|ni) (?:sa|sade|nämnde|sagt)|som sagt)\b\s*,?", re.I)


def is_heading(u: Unit, title: set[str]) -> bool:
    """A short sentence made only of the item's title words: the chair naming the item."""
    said = ASIDE.sub(" ", u.text)  # "Och då, som vi sa, stugan.": the aside names nothing
    if not u.stems or len(said.split()) > 5 or u.text.rstrip().endswith("?"):  # "Vem tar anteckningarna?" asks
        return False
    return all(overlap({s}, title) for s in u.stems)


def kind_alone(u: Unit, kinds: list[str]) -> bool:
    """A standard item named alone by its everyday word, not its title's ("Kallelsen." for "Frågan om mötet har
    utlysts i behörig ordning"): the chair naming the item."""
    words = re.findall(r"[\wåäöé-]+", ASIDE.sub(" ", u.low))
    if not words or len(words) > 2 or u.text.rstrip().endswith("?"):
        return False
    return any(kd in KIND_CUES and KIND_CUES[kd].search(u.low) for kd in kinds)
