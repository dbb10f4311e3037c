"""A meeting with an agenda exports as the § protokoll, from the reviewed items; the job runner writes it too.

The meetings are written straight to disk (no models): the hand-made board meeting of
tests/agenda_meeting.py with its dagordning beside it, and the plain network meeting of the web tests.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import wave
from pathlib import Path

import pytest
from docx import Document
from fastapi.testclient import TestClient

from tests.agenda_meeting import AGENDA_TXT, meeting
from tests.test_web import add_meeting, post
from tests.webfixtures import add_agenda_meeting
from transcribe.agenda import parse_agenda_text
from transcribe.minutes import extract_minutes
from transcribe.minutes.edit import ensure_ids
from transcribe.minutes.model import Minutes
from transcribe.minutes.protokoll import build_protokoll
from transcribe.minutes.render import docx_bytes, render_markdown
from transcribe.pipeline import PipelineOptions, PipelineResult

PARAGRAPHS = [
    "§ 1 Mötets öppnande",
    "§ 2 Val av justerare",
    "§ 3 Godkännande av dagordningen",
    "§ 4 Ekonomi och budget",
    "§ 5 Fasadrenovering med Byggfirman Norrbygg",
    "§ 6 Tvättstugan",
    "§ 7 Parkeringsplatser",
    "§ 8 Övriga frågor",
    "§ 9 Mötets avslutande",
]
FEE = "beslutade att höja avgiften med fem procent"


def board_minutes() -> Minutes:
    minutes = extract_minutes(meeting())
    ensure_ids(minutes)
    return minutes


def add_board_meeting() -> str:
    """The board meeting as a finished job with an agenda would leave it."""
    return add_agenda_meeting(meeting(), board_minutes(), AGENDA_TXT, "Styrelsemöte i Brf Eken", "2026-11-16")


def docx_of(body: bytes) -> tuple[list[str], str]:
    """(the Heading 1 texts, all paragraph text) of a Word file."""
    doc = Document(io.BytesIO(body))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    return headings, "\n".join(p.text for p in doc.paragraphs)


def decision_id(minutes: Minutes, words: str) -> str:
    return next(d.id for d in minutes.decisions if words in d.text)


def test_agenda_meeting_exports_the_paragraphs_and_follows_the_review(sara: TestClient) -> None:
    from transcribe.web import store

    mid = add_board_meeting()
    r = sara.get(f"/meetings/{mid}/export/minutes.docx")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/vnd.openxmlformats")
    headings, text = docx_of(r.content)
    assert headings[: len(PARAGRAPHS)] == PARAGRAPHS and "Justering" in headings
    assert "Protokollutkast – " in text and "ej godkänt" in text
    assert f"Styrelsen {FEE}" in text and "hyra ut de fyra platserna" in text
    assert "Till justerare valdes Bertil Ek." in text

    minutes = store.load_minutes(mid)
    fee, parking = decision_id(minutes, "avgiften"), decision_id(minutes, "platserna")
    assert post(sara, f"/meetings/{mid}/items/{fee}", {"op": "reject"}).status_code == 303
    edited = "Vi beslutade att hyra ut platserna till medlemmar i kön."
    assert post(sara, f"/meetings/{mid}/items/{parking}", {"op": "edit", "text": edited}).status_code == 303

    headings, text = docx_of(sara.get(f"/meetings/{mid}/export/minutes.docx").content)
    assert headings[: len(PARAGRAPHS)] == PARAGRAPHS
    assert FEE not in text and "Styrelsen beslutade att hyra ut platserna till medlemmar i kön." in text
    md = sara.get(f"/meetings/{mid}/export/minutes.md").text
    section_7 = md.split("## § 7 Parkeringsplatser")[1].split("\n## ")[0]
    assert "Styrelsen beslutade att hyra ut platserna till medlemmar i kön." in section_7
    assert FEE not in md and "## § 4 Ekonomi och budget" in md
    # The JSON export stays the editable record, the rejected decision kept with its status.
    data = sara.get(f"/meetings/{mid}/export/minutes.json").json()
    assert {d["id"]: d["status"] for d in data["decisions"]}[fee] == "rejected"


def test_approved_protokoll_names_its_version_and_approver(sara: TestClient) -> None:
    mid = add_board_meeting()
    assert post(sara, f"/meetings/{mid}/approve", {"confirmed": "1"}).status_code == 303
    today = dt.date.today().isoformat()
    for url in (f"/meetings/{mid}/export/minutes.md", f"/meetings/{mid}/export/minutes.md?version=1"):
        md = sara.get(url).text
        assert md.startswith("# Protokoll – "), md[:80]
        assert f"**Protokoll** · version 1 · godkänt {today} av sara" in md
        assert "## § 4 Ekonomi och budget" in md and "Protokollutkast" not in md
    headings, text = docx_of(sara.get(f"/meetings/{mid}/export/minutes.docx").content)
    assert headings[: len(PARAGRAPHS)] == PARAGRAPHS and f"version 1 · godkänt {today} av sara" in text


def test_meeting_without_agenda_exports_the_report_as_before(sara: TestClient) -> None:
    from transcribe.web import store

    mid = add_meeting("sara")
    minutes, transcript = store.load_minutes(mid), store.load_transcript(mid)
    md = sara.get(f"/meetings/{mid}/export/minutes.md").text
    assert md == render_markdown(minutes, transcript, lang="sv")
    assert "§" not in md
    headings, text = docx_of(sara.get(f"/meetings/{mid}/export/minutes.docx").content)
    expected, _ = docx_of(docx_bytes(minutes, lang="sv"))
    assert headings == expected and not any(h.startswith("§") for h in headings)


# --- the job runner ------------------------------------------------------------------------------------------


@pytest.fixture
def jobs_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "data"
    monkeypatch.setenv("TRANSCRIBE_DATA_DIR", str(data))
    monkeypatch.setenv("TRANSCRIBE_QUEUE", "db")
    monkeypatch.delenv("TRANSCRIBE_DATABASE_URL", raising=False)
    return data


def run_fake_job(meeting_id: str, agenda: str | None, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A job whose pipeline returns the board meeting (with its protokoll when there is an agenda)."""
    from transcribe.jobs import meeting_dir, queue, submit
    from transcribe.jobs.runner import run_job

    folder = meeting_dir(meeting_id)
    folder.mkdir(parents=True)
    source = folder / "input.wav"
    with wave.open(str(source), "wb") as w:
        w.setnchannels(1), w.setsampwidth(2), w.setframerate(16000), w.writeframes(bytes(3200))
    if agenda is not None:
        (folder / "agenda.txt").write_text(agenda, encoding="utf-8")

    def fake_pipeline(src, work, options, progress=None) -> PipelineResult:
        transcript, minutes = meeting(), board_minutes()
        prot = build_protokoll(minutes, transcript, parse_agenda_text(agenda)) if options.agenda else None
        return PipelineResult(transcript, minutes, None, 190.0, {}, [], 0.0, protokoll=prot)

    monkeypatch.setattr("transcribe.jobs.runner.run_pipeline", fake_pipeline)
    options = PipelineOptions(
        diarizer="none", minutes_backend="rules", agenda=str(folder / "agenda.txt") if agenda else None
    )
    submit(source, meeting_id, options)
    claim = queue.claim("w")
    assert claim is not None and run_job(claim.job_id, claim.token) == "done"
    return folder


def test_job_with_an_agenda_writes_the_protokoll_and_keeps_the_review_data(
    jobs_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from transcribe.jobs import result_paths

    folder = run_fake_job("brf", AGENDA_TXT, monkeypatch)
    headings, text = docx_of((folder / "minutes.docx").read_bytes())
    assert headings[: len(PARAGRAPHS)] == PARAGRAPHS and f"Styrelsen {FEE}" in text
    assert (folder / "minutes.md").read_text(encoding="utf-8").startswith("# Protokoll – ")
    prot = json.loads((folder / "protokoll.json").read_text(encoding="utf-8"))
    assert [p["number"] for p in prot["paragraphs"]] == [str(n) for n in range(1, 10)]
    review = Minutes.from_json((folder / "minutes.json").read_text(encoding="utf-8"))
    assert any("avgiften" in d.text for d in review.decisions)
    assert {"minutes.json", "minutes.docx", "protokoll.json"} <= set(result_paths("brf"))


def test_job_without_an_agenda_writes_the_report(jobs_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = run_fake_job("plain", None, monkeypatch)
    headings, _ = docx_of((folder / "minutes.docx").read_bytes())
    assert headings and not any(h.startswith("§") for h in headings)
    assert not (folder / "protokoll.json").exists() and (folder / "minutes.json").is_file()
