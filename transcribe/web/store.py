"""The files of one meeting: the job's output, the reviewed working copy and approved versions.

    meeting_dir/input.<ext>             the recording as uploaded
    meeting_dir/transcript.json         written by the job (never edited)
    meeting_dir/minutes.json            written by the job (never edited)
    meeting_dir/review/*.json           the working copy every edit rewrites atomically
    meeting_dir/versions/vN/*.json      the copy approved as version N (read-only)
    meeting_dir/minutes.approved.json   the latest approved minutes, for `transcribe series` on the CLI

Keeping the machine output untouched means a reviewer can always compare with it,
and exports always render from the working copy.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from transcribe.fsutil import atomic_write_text
from transcribe.minutes.model import Minutes
from transcribe.transcript import Transcript


def meeting_path(meeting_id: str) -> Path:
    from transcribe.jobs import meeting_dir

    return Path(meeting_dir(meeting_id))


def input_file(meeting_id: str) -> Path | None:
    base = meeting_path(meeting_id)
    found = sorted(base.glob("input.*")) if base.is_dir() else []
    return next((p for p in found if p.is_file() and not p.name.endswith(".part")), None)


def _current(meeting_id: str, name: str) -> Path | None:
    base = meeting_path(meeting_id)
    for path in (base / "review" / name, base / name):
        if path.is_file():
            return path
    return None


def load_transcript(meeting_id: str, version: int | None = None) -> Transcript | None:
    path = _versioned(meeting_id, "transcript.json", version)
    return Transcript.from_json(path.read_text(encoding="utf-8")) if path else None


def load_minutes(meeting_id: str, version: int | None = None) -> Minutes | None:
    path = _versioned(meeting_id, "minutes.json", version)
    if not path:
        return None
    minutes = Minutes.from_json(path.read_text(encoding="utf-8"))
    ensure_ids(minutes)
    return minutes


def _versioned(meeting_id: str, name: str, version: int | None) -> Path | None:
    if version is None:
        return _current(meeting_id, name)
    path = meeting_path(meeting_id) / "versions" / f"v{int(version)}" / name
    return path if path.is_file() else None


def save_transcript(meeting_id: str, transcript: Transcript) -> None:
    atomic_write_text(meeting_path(meeting_id) / "review" / "transcript.json", transcript.to_json())


def save_minutes(meeting_id: str, minutes: Minutes) -> None:
    atomic_write_text(meeting_path(meeting_id) / "review" / "minutes.json", minutes.to_json())


def snapshot(meeting_id: str, version: int) -> None:
    """Copy the working copy to versions/vN, the record of what was approved."""
    target = meeting_path(meeting_id) / "versions" / f"v{version}"
    target.mkdir(parents=True, exist_ok=True)
    for name in ("transcript.json", "minutes.json"):
        src = _current(meeting_id, name)
        if src:
            shutil.copyfile(src, target / name)


def publish_approved(meeting_id: str, version: int) -> None:
    """The series loader (transcribe.series.meeting) prefers minutes.approved.json in the meeting directory.

    The web app's own series pages read versions/vN directly (with the reviewed transcript); this copy
    is for the CLI, which only knows the meeting directory. It stays after a reopen: until the next
    approval it is still what the group agreed on.
    """
    src = meeting_path(meeting_id) / "versions" / f"v{version}" / "minutes.json"
    if src.is_file():
        atomic_write_text(meeting_path(meeting_id) / "minutes.approved.json", src.read_text(encoding="utf-8"))


def has_result(meeting_id: str) -> bool:
    return _current(meeting_id, "transcript.json") is not None


def remove(meeting_id: str) -> None:
    shutil.rmtree(meeting_path(meeting_id), ignore_errors=True)


def ensure_ids(minutes: Minutes) -> None:
    """Give every item a stable id (the reviewer's forms address items by it)."""
    seen: set[str] = set()
    groups = [("t", minutes.themes), ("e", minutes.mood.emotions), ("d", minutes.decisions), ("a", minutes.actions),
              ("o", minutes.not_decided), ("c", [c for c in minutes.conclusions if not isinstance(c, str)])]
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
