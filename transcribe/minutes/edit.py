"""Review operations on the transcript and the minutes draft: what a reviewer's edit does to them.

Speaker renames return a short human description for the meeting history; item and
segment edits return a `Change` (what was done to which item, with the old and new text)
that the history page words in the reader's language and diffs. Both are None when nothing
changed, so a no-op submit leaves no history entry.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, TypedDict

from transcribe.minutes.model import (
    Action,
    Conclusion,
    Decision,
    Evidence,
    Item,
    Minutes,
    NextMeeting,
    OpenItem,
    Theme,
)
from transcribe.minutes.summary import all_items
from transcribe.transcript import SpeakerInfo, Transcript

# section -> (item class, editable text fields in display order)
SECTIONS: dict[str, tuple[type[Item], tuple[str, ...]]] = {
    "themes": (Theme, ("heading", "paragraph")),
    "decisions": (Decision, ("text", "proposed_by", "filed_under")),
    "actions": (Action, ("what", "owner", "due")),
    "not_decided": (OpenItem, ("text", "reason")),
    "conclusions": (Conclusion, ("text",)),
    "next_meeting": (NextMeeting, ("text", "when")),
    "emotions": (Item, ()),
}
ADDABLE = ("decisions", "actions", "not_decided", "conclusions", "themes", "next_meeting")
STATUSES = {"accept": "accepted", "reject": "rejected", "restore": "draft"}


class EditError(ValueError):
    """A reviewer's input we cannot apply; the message is an i18n key, `field` the input it is about."""

    def __init__(self, key: str, field: str | None = None) -> None:
        super().__init__(key)
        self.field = field


class Change(TypedDict, total=False):
    """One history entry: op (accept, reject, restore, edit, add, remove, edit_segment, edit_summary),
    the section and label of the item, and the text before and after for edits."""

    op: str
    section: str
    label: str
    segment: int
    old: str
    new: str


# --- transcript -----------------------------------------------------------------------------------
def rename_speakers(t: Transcript, minutes: Minutes | None, names: dict[str, str]) -> str | None:
    """Set display names for labels in one place; the transcript, the minutes' participants,
    evidence and owner/proposer fields all follow."""
    changes: list[str] = []
    known = {s.label: s for s in t.speakers}
    for label in t.speaker_labels() + [s.label for s in t.speakers if s.label not in t.speaker_labels()]:
        if label not in names:
            continue
        new = names[label].strip()[:120] or None
        info = known.get(label)
        if info is None:
            info = SpeakerInfo(label=label)
            t.speakers.append(info)
            known[label] = info
        old_display = info.name or label
        if (info.name or None) == new:
            continue
        info.name, info.name_source = new, "user" if new else None
        new_display = new or label
        changes.append(f"{old_display} → {new_display}")
        if minutes is not None:
            rename_in_minutes(minutes, label, old_display, new_display)
    return "; ".join(changes) or None


def rename_in_minutes(m: Minutes, label: str, old: str, new: str) -> None:
    """Name speaker `label` (shown until now as `old`) as `new` everywhere in the minutes."""
    # Generated prose names speakers by label until someone names them ("SPEAKER_02s rapport" for a
    # said "min rapport"); labels are unique tokens, a possessive -s stays after the new name.
    names = [label] if old == label else [label, old]
    token = re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")(?=s?\b)")
    m.description = token.sub(lambda _: new, m.description)
    m.mood.overall = token.sub(lambda _: new, m.mood.overall)
    for p in m.participants:
        if p.label == label:
            p.name = None if new == label else new
    for item in all_items(m):
        for attr in ("paragraph", "text", "what"):
            if isinstance(getattr(item, attr, None), str):
                setattr(item, attr, token.sub(lambda _: new, getattr(item, attr)))
        for ev in item.evidence:
            if ev.speaker == label:
                ev.speaker_name = new
        for attr in ("proposed_by", "owner"):
            if getattr(item, attr, None) in (old, label):
                setattr(item, attr, new)
        if isinstance(item, Theme):
            item.raised_by = [new if r in (old, label) else r for r in item.raised_by]


def edit_segment(t: Transcript, minutes: Minutes | None, seg_id: int, text: str) -> Change | None:
    seg = t.segment(seg_id)
    if seg is None:
        raise EditError("no_such_segment")
    new = " ".join(text.split())
    old = seg.text.strip()
    if not new or new == old:
        return None
    seg.text = new
    seg.words = []  # the word timings described the old text; exports would otherwise show it
    if minutes is not None:
        for item in all_items(minutes):
            for ev in item.evidence:
                if ev.segment_id == seg_id and ev.quote.strip() == old:
                    ev.quote = new
    return Change(op="edit_segment", segment=seg_id, old=old, new=new)


# --- minutes ------------------------------------------------------------------------------------------
def ensure_ids(minutes: Minutes) -> None:
    """Give every item a stable id (the reviewer's forms address items by it)."""
    seen: set[str] = set()
    groups = [
        ("t", minutes.themes),
        ("e", minutes.mood.emotions),
        ("d", minutes.decisions),
        ("a", minutes.actions),
        ("o", minutes.not_decided),
        ("c", [c for c in minutes.conclusions if not isinstance(c, str)]),
    ]
    if minutes.next_meeting is not None:
        groups.append(("n", [minutes.next_meeting]))
    for prefix, items in groups:
        for i, item in enumerate(items, 1):
            if not item.id or item.id in seen:
                candidate, n = f"{prefix}{i}", i
                while candidate in seen:
                    n += 1
                    candidate = f"{prefix}{n}"
                item.id = candidate
            seen.add(item.id)


def item_label(item: Item | str) -> str:
    if isinstance(item, str):
        return item
    for attr in ("text", "what", "heading", "emotion"):
        value = getattr(item, attr, None)
        if value:
            return str(value)
    return item.id


def section_of(item: Item) -> str:
    for name, (cls, _) in SECTIONS.items():
        if cls is not Item and isinstance(item, cls):
            return name
    return "emotions"


def find_item(m: Minutes, item_id: str) -> Item:
    for item in all_items(m):
        if item.id == item_id:
            return item
    raise EditError("no_such_item")


def _coerce(field: str, value: str) -> Any:
    value = value.strip()
    if field == "due":
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError as exc:
            raise EditError("bad_date", field) from exc
    if field == "when":
        if not value:
            return None
        try:
            return dt.datetime.fromisoformat(value) if "T" in value or " " in value else dt.date.fromisoformat(value)
        except ValueError as exc:
            raise EditError("bad_date", field) from exc
    if field in ("proposed_by", "owner", "filed_under"):
        return value or None
    return value


def _shown(item: Item, names: tuple[str, ...]) -> str:
    """The item's editable fields as one line, for the history's before/after diff."""
    values = []
    for name in names:
        value = getattr(item, name, None)
        if value not in (None, ""):
            shown = value.isoformat() if isinstance(value, dt.date) else str(value)
            values.append(f"under § {shown}" if name == "filed_under" else shown)  # "under § 7", not a bare "7"
    return " · ".join(values)


def update_item(m: Minutes, item_id: str, op: str, fields: dict[str, str]) -> Change | None:
    """op: accept, reject, restore (status only) or edit (apply fields, status 'edited')."""
    if item_id.startswith("s") and item_id[1:].isdigit():
        return _update_plain_conclusion(m, int(item_id[1:]), op, fields)
    item = find_item(m, item_id)
    section = section_of(item)
    if op in STATUSES:
        if item.status == STATUSES[op]:
            return None
        item.status = STATUSES[op]  # type: ignore[assignment]
        return Change(op=op, section=section, label=item_label(item))
    if op != "edit":
        raise EditError("bad_request")
    _, editable = SECTIONS[section]
    values = {}
    for name in editable:  # validate every field before changing any
        if name in fields:
            values[name] = _coerce(name, fields[name])
            if name in ("text", "what", "heading", "paragraph", "reason") and not values[name]:
                raise EditError("empty_text", name)
    before = _shown(item, editable)
    changed = False
    for name, value in values.items():
        if value != getattr(item, name):
            setattr(item, name, value)
            changed = True
    if not changed:
        return None
    item.status = "edited"
    item.needs_review = False
    return Change(op="edit", section=section, label=item_label(item), old=before, new=_shown(item, editable))


def _update_plain_conclusion(m: Minutes, index: int, op: str, fields: dict[str, str]) -> Change | None:
    strings = [i for i, c in enumerate(m.conclusions) if isinstance(c, str)]
    if index >= len(m.conclusions) or index not in strings:
        raise EditError("no_such_item")
    old = m.conclusions[index]
    if op == "reject":
        del m.conclusions[index]
        return Change(op="remove", section="conclusions", label=str(old))
    if op == "edit":
        new = fields.get("text", "").strip()
        if not new:
            raise EditError("empty_text", "text")
        if new == old:
            return None
        m.conclusions[index] = new
        return Change(op="edit", section="conclusions", label=new, old=str(old), new=new)
    return None


def add_item(m: Minutes, t: Transcript, section: str, fields: dict[str, str], segment_id: int | None) -> Change:
    """A reviewer's own item, backed by the transcript segment she points at."""
    if section not in ADDABLE:
        raise EditError("bad_request")
    cls, editable = SECTIONS[section]
    values = {name: _coerce(name, fields.get(name, "")) for name in editable}
    main = editable[0]
    if not values[main]:
        raise EditError("empty_text", main)
    if section == "themes" and not values.get("paragraph"):
        values["paragraph"] = values["heading"]
    seg = t.segment(segment_id) if segment_id is not None else None
    if seg is None:
        if section == "conclusions":
            m.conclusions.append(str(values["text"]))
            return Change(op="add", section=section, label=str(values["text"]))
        raise EditError("choose_segment", "segment_id")
    if section == "not_decided" and not values.get("reason"):
        values["reason"] = "–"
    item = cls(evidence=[Evidence.of(seg, t)], confidence=1.0, status="edited", **values)
    if section == "next_meeting":
        m.next_meeting = item  # type: ignore[assignment]
    else:
        getattr(m, section).append(item)
    ensure_ids(m)
    return Change(op="add", section=section, label=item_label(item))


def edit_summary(m: Minutes, description: str, mood: str) -> Change | None:
    before = "\n".join((m.description.strip(), m.mood.overall.strip()))
    m.description = description.strip()
    m.mood.overall = mood.strip()
    after = "\n".join((m.description, m.mood.overall))
    return Change(op="edit_summary", section="summary", old=before, new=after) if after != before else None
