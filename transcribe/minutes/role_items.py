"""Where a role's election lies in the agenda: the roles an election item names, and the sentences where an election
item the aligner left untreated must lie."""

from __future__ import annotations

import re
from collections.abc import Callable

from transcribe.agenda.align import Alignment, ItemSpan, Unit
from transcribe.agenda.parse import WORK_TITLES
from transcribe.minutes.role_ties import ROLE_WORDS, mask_roles, role_of

ROLES = ("ordförande", "sekreterare", "justerare")
_KINDS = {"sekreterare": "secretary", "justerare": "adjusters"}


def names_role(role: str, title: str) -> bool:
    """Whether an agenda item's title names the election of `role`."""
    low = title.lower()
    return bool(ROLE_WORDS[role].search(low) or role in _KINDS and WORK_TITLES[_KINDS[role]].search(low))


def unplaced_window(alignment: Alignment, role: str, units: list[Unit]) -> list[Unit]:
    """The sentences between the placed items just before and after an election item the aligner left untreated
    (in agenda order): an election is seldom skipped, so its lost announcement lies there. Empty when the agenda
    has no such item or no placed item follows it."""
    items = alignment.items
    at = next((i for i, s in enumerate(items) if not s.treated and names_role(role, s.title)), None)
    if at is None or any(s.treated and names_role(role, s.title) for s in items):
        return []
    before = [s for s in items[:at] if s.treated and s.start is not None]
    after = [s for s in items[at + 1 :] if s.treated and s.start is not None]
    if not after:
        return []
    lo = max((s.start for s in before), default=0.0) or 0.0
    hi = min(s.start for s in after if s.start is not None)
    return [u for u in units if lo - 0.01 <= u.start < hi] if hi > lo else []


def item_roles(alignment: Alignment, role: str, spans: list[ItemSpan]) -> set[str]:
    """The roles the election item of `role` names ("Val av sekreterare och justerare": both)."""
    titles = [s.title.lower() for s in spans] or [
        s.title.lower() for s in alignment.items if not s.treated and names_role(role, s.title)
    ][:1]
    return {r for r in ROLES for t in titles if names_role(r, t)}


_FULL_NAME = re.compile(r"\b[A-ZÅÄÖ][a-zåäöé]+\s+[A-ZÅÄÖ][a-zåäöé]+\b")
_ONLY_NAMES = re.compile(
    r"^\W*(?:(?:så|då|ja|okej|bra)\W+)?(?:(?:har|blir|är) (?:vi|det)\W+)?"
    r"(?:\w+\W+){1,2}och\W+(?:\w+\W+){1,2}(?:alltså|då)?\W*$"
)  # "Lars och Inga, då.", "Då har vi Margit Ohlsson och Ahmad Sultani."


def summed_up(
    held: dict[str, list[Unit]], pool: list[Unit], persons: Callable[[str], list[tuple[int, int, str]]], limit: int
) -> dict[str, list[Unit]]:
    """The others the chair names alongside the one a role went to, summing the election up in names alone ("Jag
    kan. Och Lars från Piteå, du nickar där borta?" – "Lars nickar. Saga Lindberg och Lars Nyström alltså."): for a
    role held by more than one, the rest of that sum go to it too."""
    if len(held) != 1 or limit < 2:
        return {}
    who, ev = next(iter(held.items()))
    after = [u for u in pool if u.start > max(e.start for e in ev)]
    for u in after[:6]:
        known = persons(u.text)
        named = [n for _, _, n in known] + [  # one elected who never spoke: "Lars Nyström" said in full
            m.group(0)
            for m in _FULL_NAME.finditer(u.text)
            if not any(s < m.end() and m.start() < e for s, e, _ in known)
        ]
        if who in named and len(named) <= limit and _ONLY_NAMES.match(u.low) and u.speaker != ev[-1].speaker:
            masked = mask_roles(u.low)  # not one given another role in their own clause ("Hedvig skriver och Anton
            said = {n: role_of(masked, s, e) for s, e, n in known}  # granskar.")
            own = said.get(who, (None, 0))[0]
            other = {n for n, (r, sure) in said.items() if sure and r is not None and own is not None and r != own}
            return {n: [*ev, u] for n in named if n != who and n not in other}
    return {}
