"""`transcribe minutes` given a file that is no transcript: one line, exit 14, and nothing written or overwritten."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_call import call


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ('{"decisions": [], "actions": [], "themes": []}', "är ett protokollutkast, ingen transkription"),
        ('{"title": "Styrelsemöte"}', "är ingen transkription"),
        ("[1, 2]", "är ingen transkription"),
        ("inte json", "är ingen transkription"),
    ],
)
def test_no_transcript_is_refused_and_the_draft_beside_it_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], content: str, said: str
) -> None:
    given = tmp_path / "minutes.json"
    given.write_text(content, encoding="utf-8")
    draft = tmp_path / "minutes.md"
    draft.write_text("# Det granskade utkastet\n", encoding="utf-8")
    code, out, err = call(monkeypatch, capsys, "minutes", str(given), "--overwrite")
    assert code == 14, (code, out, err)
    assert said in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    assert draft.read_text(encoding="utf-8") == "# Det granskade utkastet\n"
    assert given.read_text(encoding="utf-8") == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["minutes.json", "minutes.md"]


def test_a_transcript_still_makes_a_draft(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    transcript = {
        "source": "m.wav",
        "duration": 20.0,
        "segments": [
            {"id": 0, "start": 0.0, "end": 9.0, "text": "Vi beslutar att måla om staketet i maj.", "speaker": "A"},
            {"id": 1, "start": 9.0, "end": 18.0, "text": "Ja, då är det bestämt.", "speaker": "B"},
        ],
    }
    path = tmp_path / "transcript.json"
    path.write_text(json.dumps(transcript), encoding="utf-8")
    code, out, err = call(monkeypatch, capsys, "minutes", str(path), "--format", "md")
    assert code == 0, err
    assert "staketet" in (tmp_path / "minutes.md").read_text(encoding="utf-8")
