"""What a reviewer's form showed of a minutes item or a transcript segment, so that a save over another
reviewer's newer change is refused, naming who made it, instead of overwriting it unseen (two reviewers on
one meeting, each in a tab).

The form carries a fingerprint of the item's status and editable fields (a segment's text and speaker) as the
page showed them; the save compares it with what is stored. Changes elsewhere, or a summary recomputed, leave
it unchanged.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable

from transcribe.minutes import edit
from transcribe.minutes.model import Item, Minutes
from transcribe.transcript import Segment, Transcript
from transcribe.web.history import changes


class ChangedMeanwhile(Exception):
    """The item changed since the reviewer's page showed it; `by` names who changed it, if known."""

    def __init__(self, by: str | None) -> None:
        super().__init__(by or "")
        self.by = by


def _fingerprint(shown: list[object]) -> str:
    said = json.dumps([v.isoformat() if isinstance(v, dt.date) else v for v in shown], ensure_ascii=False, default=str)
    return hashlib.sha256(said.encode()).hexdigest()[:16]


def item_seen(item: Item | str) -> str:
    """The fingerprint of an item as shown: its status and the fields a reviewer edits."""
    if isinstance(item, str):
        return _fingerprint([item])
    _, fields = edit.SECTIONS[edit.section_of(item)]
    return _fingerprint([item.status, *(getattr(item, name, None) for name in fields)])


def segment_seen(seg: Segment) -> str:
    """The fingerprint of a segment as shown: its text and who said it."""
    return _fingerprint([seg.text.strip(), seg.speaker])


def segment_changed_since(transcript: Transcript, segment_id: int, seen: str) -> bool:
    seg = next((s for s in transcript.segments if s.id == segment_id), None)
    return bool(seen) and seg is not None and segment_seen(seg) != seen


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
    return _last_other(meeting_id, me, lambda d: label in (d.get("label"), d.get("new")))


def segment_changed_by(meeting_id: str, segment_id: int, me: str) -> str | None:
    """Who else last changed this segment's text or speaker; None if nobody else can be named."""
    return _last_other(meeting_id, me, lambda d: d.get("segment") == segment_id)


def _last_other(meeting_id: str, me: str, about: Callable[[dict], bool]) -> str | None:
    for entry in changes(meeting_id):
        try:
            detail = json.loads(entry.detail or "{}")
        except ValueError:
            continue
        if entry.user != me and isinstance(detail, dict) and about(detail):
            return entry.user
    return None
