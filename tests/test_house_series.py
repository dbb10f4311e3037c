"""A series meeting whose files are not protokoll's own ends in one line that names the file and what it should be."""

from __future__ import annotations

import pytest

from transcribe.errors import BadOption
from transcribe.series.meeting import load_meeting
from transcribe.transcript import Transcript


def test_a_broken_transcript_is_named(tmp_path) -> None:
    (tmp_path / "transcript.json").write_text('{"segments": "inte en lista"}', encoding="utf-8")
    with pytest.raises(BadOption, match=r"transcript\.json är ingen transkription \(transcript\.json\) från protokoll"):
        load_meeting(tmp_path)


def test_broken_minutes_are_named_and_a_good_meeting_loads(tmp_path) -> None:
    (tmp_path / "transcript.json").write_text(Transcript(segments=[], speakers=[]).to_json(), encoding="utf-8")
    assert load_meeting(tmp_path, with_minutes=False).source == "none"
    (tmp_path / "minutes.json").write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(BadOption, match=r"minutes\.json är inget protokollutkast \(minutes\.json\) från protokoll"):
        load_meeting(tmp_path)
