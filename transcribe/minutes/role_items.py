"""Where a role's election lies in the agenda: the roles an election item names, and the sentences where an election
item the aligner left untreated must lie."""

from __future__ import annotations

from transcribe.agenda.align import Alignment, ItemSpan, Unit
from transcribe.minutes.role_ties import ROLE_WORDS

ROLES = ("ordförande", "sekreterare", "justerare")


def unplaced_window(alignment: Alignment, role: str, units: list[Unit]) -> list[Unit]:
    """The sentences between the placed items just before and after an election item the aligner left untreated
    (in agenda order): an election is seldom skipped, so its lost announcement lies there. Empty when the agenda
    has no such item or no placed item follows it."""
    items = alignment.items
    at = next((i for i, s in enumerate(items) if not s.treated and ROLE_WORDS[role].search(s.title.lower())), None)
    if at is None or any(s.treated and ROLE_WORDS[role].search(s.title.lower()) for s in items):
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
        s.title.lower() for s in alignment.items if not s.treated and ROLE_WORDS[role].search(s.title.lower())
    ][:1]
    return {r for r in ROLES for t in titles if ROLE_WORDS[r].search(t)}
