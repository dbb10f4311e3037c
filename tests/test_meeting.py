"""The meeting folder: one rule for which minutes count, wherever a meeting is read from."""

from __future__ import annotations

from pathlib import Path

import pytest

from transcribe import meeting
from transcribe.errors import BadOption
from transcribe.minutes.model import Minutes
from transcribe.series.meeting import load_meeting
from transcribe.speakers.profiles import meeting_transcript
from transcribe.transcript import Segment, Transcript


def _folder(root: Path) -> Path:
    root.mkdir()
    t = Transcript(segments=[Segment(id=0, start=0.0, end=1.0, text="Hej.", speaker="SPEAKER_00")])
    (root / meeting.TRANSCRIPT).write_text(t.to_json())
    return root


def _minutes(path: Path, title: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(Minutes(title=title).to_json())


def test_approved_beats_working_copy_beats_draft(tmp_path: Path) -> None:
    d = _folder(tmp_path / "m")
    _minutes(d / meeting.MINUTES, "Utkast")
    assert load_meeting(d).minutes.title == "Utkast" and load_meeting(d).source == "draft"
    _minutes(d / meeting.working_name(meeting.MINUTES), "Granskad")
    assert load_meeting(d).minutes.title == "Granskad" and load_meeting(d).source == "draft"
    _minutes(d / meeting.APPROVED, "Godkänd")
    assert load_meeting(d).minutes.title == "Godkänd" and load_meeting(d).source == "approved"


def test_a_pinned_version_is_that_version_only(tmp_path: Path) -> None:
    d = _folder(tmp_path / "m")
    _minutes(d / meeting.working_name(meeting.MINUTES), "Granskad")
    assert meeting.counting_minutes(d, version=1) is None
    _minutes(d / meeting.version_name(1, meeting.MINUTES), "Version 1")
    path, source = meeting.counting_minutes(d, version=1)
    assert source == "approved" and Minutes.from_json(path.read_text()).title == "Version 1"


def test_voice_enrolment_reads_the_latest_approved_transcript(tmp_path: Path) -> None:
    d = _folder(tmp_path / "m")
    assert meeting_transcript(d) == d / meeting.TRANSCRIPT
    (d / "review").mkdir()
    (d / meeting.working_name(meeting.TRANSCRIPT)).write_text((d / meeting.TRANSCRIPT).read_text())
    assert meeting_transcript(d) == d / meeting.working_name(meeting.TRANSCRIPT)
    for version in (2, 10):
        target = d / meeting.version_name(version, meeting.TRANSCRIPT)
        target.parent.mkdir(parents=True)
        target.write_text((d / meeting.TRANSCRIPT).read_text())
    assert meeting_transcript(d) == d / "versions" / "v10" / "transcript.json"


def test_meeting_ids_cannot_leave_the_meetings_folder() -> None:
    for bad in ("../x", ".hidden", "a/b", ""):
        with pytest.raises(BadOption):
            meeting.meeting_dir(bad)
