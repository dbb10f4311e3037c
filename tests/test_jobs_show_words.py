"""`transcribe jobs show` read by a Swedish user: no Python None, no English reason, times to the second."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.cli_call import call
from tests.conftest import REPO


def test_a_cancelled_job_is_shown_in_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("TRANSCRIBE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("TRANSCRIBE_DATABASE_URL", raising=False)
    monkeypatch.delenv("TRANSCRIBE_QUEUE", raising=False)
    recording = tmp_path / "möte.ogg"
    recording.write_bytes((REPO / "samples" / "natverk-1" / "meeting.ogg").read_bytes())

    def jobs(*args: str) -> str:
        code, out, err = call(monkeypatch, capsys, "jobs", *args)
        assert code == 0, err
        return out

    job = jobs("submit", str(recording), "--meeting", "styrelse").strip()
    jobs("cancel", job)  # still queued: cancelled at once
    shown = jobs("show", job)
    assert "fel: avbrutet" in shown and "cancelled" not in shown.lower()  # the queued job's reason was English
    assert "None" not in shown and "steg: –" in shown and "startat: –" in shown
    assert "förlopp: 0 %" in shown and "resultat: inga ännu" in shown
    assert re.search(r"^köat: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", shown, re.M), shown  # no microseconds, no +00:00
    assert "felslag" not in shown  # the exception's class name is for --json
    assert '"error_kind": "Cancelled"' in jobs("show", job, "--json")
