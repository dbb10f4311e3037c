"""The same recording uploaded twice, known by its SHA-256 among the meetings the uploader can see.

A form sent twice, a file dropped twice into the list or a recording uploaded again a week later
would otherwise queue a second transcription of the same audio and leave two meetings to review,
each with its own edits. The fingerprint lies beside the recording (`recording.sha256`, owner-only);
meetings uploaded before it was kept have none and are not compared; it goes with the recording
when retention removes the audio (jobs.retention.delete_audio).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from transcribe.fsutil import atomic_write_text
from transcribe.meeting import RECORDING_DIGEST, meeting_dir
from transcribe.tables import Meeting

DIGEST = RECORDING_DIGEST


def remember(folder: Path, digest: str) -> None:
    atomic_write_text(folder / DIGEST, digest + "\n")


def fingerprint(meeting_id: str) -> str | None:
    try:
        return (meeting_dir(meeting_id) / DIGEST).read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


def uploaded_before(meetings: Iterable[Meeting], digest: str) -> Meeting | None:
    """The meeting among `meetings` (those the uploader sees) made from this very recording, if any."""
    return next((m for m in meetings if fingerprint(m.id) == digest), None)


def repeated(digests: list[str]) -> int | None:
    """The index of the first file in a batch that is a copy of an earlier one in the same batch."""
    seen: set[str] = set()
    for i, digest in enumerate(digests):
        if digest in seen:
            return i
        seen.add(digest)
    return None
