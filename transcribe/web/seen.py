"""What a reviewer's form showed of a minutes item, so that a save over another reviewer's newer change is
refused, naming who made it, instead of overwriting it unseen (two reviewers on one meeting, each in a tab).

The form carries a fingerprint of the item's status and editable fields as the page showed them; the save
compares it with the item as stored. Changes to other items, or a summary recomputed, leave it unchanged.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from transcribe.minutes import edit
from transcribe.minutes.model import Item, Minutes
from transcribe.web.history import changes


class ChangedMeanwhile(Exception):
    """The item changed since the reviewer's page showed it; `by` names who changed it, if known."""

    def __init__(self, by: str | None) -> None:
        super().__init__(by or "")
        self.by = by


def item_seen(item: Item | str) -> str:
    """The fingerprint of an item as shown: its status and the fields a reviewer edits."""
    if isinstance(item, str):
        shown: list[object] = [item]
    else:
        _, fields = edit.SECTIONS[edit.section_of(item)]
        shown = [item.status, *(getattr(item, name, None) for name in fields)]
    said = json.dumps([v.isoformat() if isinstance(v, dt.date) else v for v in shown], ensure_ascii=False, default=str)
    return hashlib.sha256(said.encode()).hexdigest()[:16]


def changed_since(minutes: Minutes, item_id: str, seen: str) -> bool:
    """The item is no longer what the form showed (an empty `seen`: a form without one, never refused)."""
    try:
        item = edit.find_item(minutes, item_id)
    except edit.EditError:
        return False  # a plain conclusion or a removed item: update_item says what is wrong
    return bool(seen) and item_seen(item) != seen


def changed_by(meeting_id: str, minutes: Minutes, item_id: str, me: str) -> str | None:
    """Who else last changed this item, from the meeting's history; None if nobody else can be named."""
    try:
        label = edit.item_label(edit.find_item(minutes, item_id))
    except edit.EditError:
        return None
    for entry in changes(meeting_id):
        try:
            detail = json.loads(entry.detail or "{}")
        except ValueError:
            continue
        if entry.user != me and isinstance(detail, dict) and label in (detail.get("label"), detail.get("new")):
            return entry.user
    return None
