"""Per-meeting change history (who changed what, when), deleted with the meeting.

Item and segment edits are stored as a small JSON record (what was done to which kind of item,
the text before and after) and worded on the history page in the reader's language:
"Godkände beslut: …", "Lade till åtgärd: …", with a word diff for edits. Older plain-text
entries are shown as they were written.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from dataclasses import dataclass, field

from sqlalchemy import select

from transcribe.db import session
from transcribe.minutes.render import Approval
from transcribe.tables import Meeting, MeetingChange

VERBS = {
    "sv": {"accept": "Godkände", "reject": "Avvisade", "restore": "Återställde", "edit": "Ändrade",
           "add": "Lade till", "remove": "Tog bort"},
    "en": {"accept": "Accepted", "reject": "Rejected", "restore": "Restored", "edit": "Edited",
           "add": "Added", "remove": "Removed"},
}  # fmt: skip
NOUNS = {
    "sv": {"decisions": "beslut", "actions": "åtgärd", "themes": "tema", "not_decided": "obeslutad fråga",
           "conclusions": "slutsats", "next_meeting": "nästa möte", "emotions": "stämning"},
    "en": {"decisions": "decision", "actions": "action", "themes": "theme", "not_decided": "undecided question",
           "conclusions": "conclusion", "next_meeting": "next meeting", "emotions": "mood"},
}  # fmt: skip
PHRASES = {
    "sv": {"edit_segment": "Ändrade texten i segment {n}", "edit_summary": "Ändrade beskrivningen",
           "approve": "Godkände protokollet, version {n}", "reopen": "Öppnade igen efter version {n}"},
    "en": {"edit_segment": "Edited the text of segment {n}", "edit_summary": "Edited the description",
           "approve": "Approved the minutes, version {n}", "reopen": "Reopened after version {n}"},
}  # fmt: skip


@dataclass
class Entry:
    """One row of the history page; `what` is None for entries the page labels by their action."""

    at: dt.datetime | None
    user: str
    action: str
    what: str | None = None
    detail: str = ""
    diff: list[tuple[str, str]] = field(default_factory=list)


def add_change(meeting_id: str, user: str, action: str, detail: str = "") -> None:
    with session() as s:
        meeting = s.get(Meeting, meeting_id)
        s.add(
            MeetingChange(
                meeting_id=meeting_id,
                user=user,
                action=action,
                detail=detail[:4000],
                version=meeting.version if meeting else 0,
            )
        )


def record(meeting_id: str, user: str, action: str, change: dict[str, object]) -> None:
    """A structured entry; long texts are cut so the row stays within the column."""
    cut = {k: v[:1900] if isinstance(v, str) else v for k, v in change.items()}
    add_change(meeting_id, user, action, json.dumps(cut, ensure_ascii=False))


def changes(meeting_id: str) -> list[MeetingChange]:
    with session() as s:
        q = select(MeetingChange).where(MeetingChange.meeting_id == meeting_id).order_by(MeetingChange.id.desc())
        return list(s.scalars(q))


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """[(kind, text)] with kind '=', '-' or '+', word by word: what a reader needs to see an edit."""
    a, b = old.split(), new.split()
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("=", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("-", " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(("+", " ".join(b[j1:j2])))
    return out


def describe(change: MeetingChange, lang: str) -> Entry:
    lang = lang if lang in VERBS else "sv"
    entry = Entry(at=change.at, user=change.user, action=change.action, detail=change.detail or "")
    phrases = PHRASES[lang]
    if change.action in ("approve", "reopen") and entry.detail.startswith("v") and entry.detail[1:].isdigit():
        entry.what, entry.detail = phrases[change.action].format(n=entry.detail[1:]), ""
        return entry
    try:
        data = json.loads(entry.detail) if entry.detail.startswith("{") else None
    except ValueError:
        data = None
    if not isinstance(data, dict) or "op" not in data:
        return entry
    op, section = str(data["op"]), str(data.get("section", ""))
    if op == "edit_segment":
        entry.what = phrases["edit_segment"].format(n=data.get("segment", "?"))
    elif op == "edit_summary":
        entry.what = phrases["edit_summary"]
    else:
        verb = VERBS[lang].get(op, op)
        entry.what = f"{verb} {NOUNS[lang].get(section, section)}"
    entry.detail = str(data.get("label", ""))
    if "old" in data or "new" in data:
        entry.diff = word_diff(str(data.get("old", "")), str(data.get("new", "")))
        entry.detail = "" if op in ("edit_segment", "edit_summary") else entry.detail
    return entry


def entries(meeting_id: str, lang: str) -> list[Entry]:
    return [describe(c, lang) for c in changes(meeting_id)]


def approval(meeting: Meeting, version: int | None) -> Approval | None:
    """Who approved the exported version: the current one when the meeting is locked, or an earlier one."""
    if version is None:
        if not meeting.locked or not meeting.version:
            return None
        return Approval(meeting.version, meeting.approved_by or "?", meeting.approved_at)
    if version < 1 or version > meeting.version:
        return None
    if version == meeting.version and meeting.approved_by and meeting.approved_at:
        return Approval(version, meeting.approved_by, meeting.approved_at)
    with session() as s:
        q = (
            select(MeetingChange)
            .where(
                MeetingChange.meeting_id == meeting.id,
                MeetingChange.action == "approve",
                MeetingChange.detail == f"v{version}",
            )
            .order_by(MeetingChange.id.desc())
        )
        row = s.scalars(q).first()
    return Approval(version, row.user, row.at) if row else Approval(version, meeting.approved_by or "?", None)
