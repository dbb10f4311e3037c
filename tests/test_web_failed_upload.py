"""A recording the pipeline refuses (silent, not audio, damaged …) as the secretary sees it in the meeting
list: why, in her language, without the server's file paths, and no "try again" that cannot help."""

from __future__ import annotations

from itertools import count
from pathlib import Path

from tests.test_web import app, as_user, csrf_of, short_wav  # noqa: F401  (fixtures)
from transcribe.db import session
from transcribe.jobs.models import Job
from transcribe.tables import Meeting

_uploaded = count(1)  # each upload a recording of its own: the same one again is the meeting it already is


def failed_upload(app, wav: Path, kind: str, error: str):  # noqa: F811
    c = as_user(app, "sara")
    token = csrf_of(c.get("/upload").text)
    r = c.post(
        "/upload",
        data={"title": "Styrelsemöte", "date": "2025-11-20"},
        files={"file": ("styrelse.wav", wav.read_bytes() + bytes(next(_uploaded)), "audio/wav")},
        headers={"Accept": "application/json", "X-CSRF-Token": token},
    )
    mid = r.json()["meetings"][0]["id"]
    with session() as s:
        job = s.get(Job, s.get(Meeting, mid).job_id)
        job.state, job.error, job.error_kind = "failed", error, kind
    return c, mid


REFUSED = [
    ("SilentAudio", "{d}/input.wav är tyst: inget tal att transkribera", "inspelningen är tyst"),
    ("NotAudio", "{d}/input.wav är inte en ljudfil, eller är skadad", "ingen ljudfil"),
    ("CorruptAudio", "{d}/input.wav är trasig: bara 6.6 s av 20.1 s gick att avkoda", "skadad"),
]


def test_refused_recording_is_explained_without_server_paths(app, short_wav) -> None:  # noqa: F811
    for kind, error, says in REFUSED:
        c, mid = failed_upload(app, short_wav, kind, error.format(d="/srv/protokoll/meetings/abc123"))
        page = c.get("/meetings").text
        label = next(m["label"] for m in c.get("/api/meetings").json()["meetings"] if m["id"] == mid)
        assert label.startswith("Misslyckades: ") and says in label, label
        for shown in (page, label):
            assert "/srv/protokoll" not in shown and "inget tal att transkribera" not in shown
        assert f"/meetings/{mid}/retry" not in page  # the same file would fail the same way


def test_a_crash_can_still_be_retried(app, short_wav) -> None:  # noqa: F811
    c, mid = failed_upload(app, short_wav, "WorkerLost", "jobbets process dog (avslutad av SIGKILL)")
    assert f"/meetings/{mid}/retry" in c.get("/meetings").text


def test_empty_upload_is_called_empty(app) -> None:  # noqa: F811
    c = as_user(app, "sara")
    token = csrf_of(c.get("/upload").text)
    r = c.post(
        "/upload",
        data={"title": "Styrelsemöte"},
        files={"file": ("styrelse.m4a", b"", "audio/mp4")},
        headers={"Accept": "application/json", "X-CSRF-Token": token},
    )
    assert r.status_code == 415
    assert "styrelse.m4a" in r.json()["error"] and "är tom" in r.json()["error"], r.json()


def test_a_cancelled_upload_can_be_started_again_from_the_list(app, short_wav) -> None:  # noqa: F811
    """Before, a cancelled meeting showed only 'Avbruten' with Dela and Radera: the recording had to be uploaded
    again, though the queue takes a cancelled job back."""
    c, mid = failed_upload(app, short_wav, "", "")
    with session() as s:
        s.get(Job, s.get(Meeting, mid).job_id).state = "cancelled"
    listed = c.get("/meetings").text
    assert f'action="/meetings/{mid}/retry"' in listed and "Starta igen" in listed, listed
    token = csrf_of(listed)
    assert c.post(f"/meetings/{mid}/retry", data={"csrf_token": token}, follow_redirects=False).status_code == 303
    with session() as s:
        assert s.get(Job, s.get(Meeting, mid).job_id).state == "queued"
