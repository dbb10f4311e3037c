"""Web app defects an attacker's probe found: races that lose or leak data, sessions, throttling, caching,
file modes, leftovers on disk, phishing text, unbounded fields, HEAD/405 and series after a delete.

Built on the fixtures of tests/test_web.py (a data directory of the test's own, four users, meetings
written straight into their folders), so no model runs here.
"""

from __future__ import annotations

import math
import re
import stat
import struct
import threading
import wave
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from tests import test_web
from tests.test_web import PASSWORD, add_meeting, as_user, csrf_of, login, post, sample_minutes, sample_transcript

# The fixtures of tests/test_web.py, by the names pytest looks up (fast_hashing is autouse there).
app = test_web.app
fast_hashing = test_web.fast_hashing

PHISH = "Ring 0701-234567 och uppge ditt lösenord"


def tone_wav(path: Path, seconds: float = 1.0) -> Path:
    """A real, non-silent recording without espeak: a 440 Hz tone, 16 kHz mono."""
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        n = int(seconds * 16000)
        w.writeframes(b"".join(struct.pack("<h", int(8000 * math.sin(2 * math.pi * 440 * i / 16000)))
                               for i in range(n)))  # fmt: skip
    return path


def upload(c: TestClient, wav: Path, **fields: str):
    token = csrf_of(c.get("/upload").text)
    return c.post(
        "/upload",
        data={"title": "Styrelsemöte", **fields},
        files={"file": ("a.wav", wav.read_bytes())},
        headers={"Accept": "application/json", "X-CSRF-Token": token},
        follow_redirects=False,
    )


def meeting_rows(mid: str) -> tuple[object, list, list]:
    from transcribe.db import session
    from transcribe.tables import Meeting, MeetingChange, MeetingShare

    with session() as s:
        return (s.get(Meeting, mid),
                list(s.scalars(select(MeetingChange).where(MeetingChange.meeting_id == mid))),
                list(s.scalars(select(MeetingShare).where(MeetingShare.meeting_id == mid))))  # fmt: skip


# --- 1. a delete racing edits leaves the whole meeting or nothing ---------------------------------------------------
def test_delete_while_eight_reviewers_save_leaves_nothing(app, tmp_path):
    mid = add_meeting("sara")
    owner = as_user(app, "sara")
    post(owner, f"/meetings/{mid}/share", {"name": "fia"})
    editors = [as_user(app, "sara" if i % 2 else "fia") for i in range(8)]
    tokens = [csrf_of(c.get("/meetings").text) for c in editors]
    statuses: list[int] = []
    first_save = threading.Event()

    def keep_editing(i: int) -> None:
        for n in range(400):  # until the meeting is gone; the bound only stops a broken delete
            r = editors[i].post(f"/meetings/{mid}/segments/{n % 5}", data={"text": f"Ändring {i}-{n}",
                                "csrf_token": tokens[i]}, follow_redirects=False)  # fmt: skip
            statuses.append(r.status_code)
            if r.status_code == 303:
                first_save.set()
            if r.status_code in (404, 409, 410):  # 410: deleted, said with who deleted it
                return

    threads = [threading.Thread(target=keep_editing, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    assert first_save.wait(300), statuses  # each wait ends when it happens; the bounds are for a loaded machine
    r = post(owner, f"/meetings/{mid}/delete")
    for t in threads:
        t.join(300)
    assert r.status_code == 303, r.text[:300]
    assert 500 not in statuses
    meeting, history, shares = meeting_rows(mid)
    assert meeting is None and history == [] and shares == []
    assert not (tmp_path / "meetings" / mid).exists()
    assert not [p for p in (tmp_path / "meetings").iterdir() if mid in p.name]  # no half-deleted leftovers
    assert owner.get("/api/meetings").json()["meetings"] == []
    assert owner.get(f"/meetings/{mid}/export/transcript.txt").status_code == 410  # "deleted by sara"


def test_the_owner_is_told_who_deleted_even_after_a_long_history_of_others_edits(app):
    from transcribe import audit

    mid = add_meeting("sara")
    owner = as_user(app, "sara")
    assert owner.get(f"/meetings/{mid}").status_code == 200  # the owner had it open
    for n in range(250):  # a co-reviewer saved many times since
        audit.record("edit", f"meeting:{mid}", "fia", f"segment {n % 5}")
    assert post(owner, f"/meetings/{mid}/delete").status_code == 303
    r = owner.get(f"/meetings/{mid}/export/transcript.txt")
    assert r.status_code == 410 and "sara" in r.text, r.status_code


def test_a_save_after_the_delete_fails_instead_of_recreating_the_folder(app, tmp_path):
    from transcribe.web import store

    mid = add_meeting("sara")
    transcript = store.load_transcript(mid)
    assert post(as_user(app, "sara"), f"/meetings/{mid}/delete").status_code == 303
    with pytest.raises(store.MeetingGone):
        store.save_transcript(mid, transcript)
    assert not (tmp_path / "meetings" / mid).exists()


# --- 2. cancel or retry on a finished job: 409 in Swedish -----------------------------------------------------------
@pytest.mark.parametrize(
    "action, words, key",
    [("retry", "kan inte startas om", "job_not_retryable"), ("cancel", "kan inte avbrytas", "job_not_cancellable")],
)
def test_cancel_or_retry_a_finished_job_is_a_409_in_swedish(app, tmp_path, action, words, key):
    from transcribe.db import session
    from transcribe.jobs.models import Job
    from transcribe.tables import Meeting

    c = as_user(app, "sara")
    r = upload(c, tone_wav(tmp_path / "t.wav"))
    assert r.status_code == 201, r.text
    mid = r.json()["meetings"][0]["id"]
    with session() as s:
        s.get(Job, s.get(Meeting, mid).job_id).state = "done"
    r = post(c, f"/meetings/{mid}/{action}")
    assert r.status_code == 409
    assert words in r.text and "Traceback" not in r.text
    r = c.post(
        f"/meetings/{mid}/{action}",
        headers={"Accept": "application/json", "X-CSRF-Token": csrf_of(c.get("/meetings").text)},
    )
    assert (r.status_code, r.json()) == (409, {"error": key})


# --- 4. sessions end on the server ----------------------------------------------------------------------------------
def test_logout_ends_the_session_for_a_copied_cookie(app):
    c = as_user(app, "sara")
    stolen = TestClient(app, cookies={"protokoll_session": c.cookies["protokoll_session"]})
    assert stolen.get("/meetings", follow_redirects=False).status_code == 200
    post(c, "/logout")
    assert stolen.get("/meetings", follow_redirects=False).status_code == 303
    assert stolen.get("/api/meetings").status_code == 401


def test_password_change_ends_every_other_session_and_disable_ends_all(app):
    here, elsewhere = as_user(app, "sara"), as_user(app, "sara")
    r = post(here, "/account/password", {"current_password": PASSWORD, "new_password": "ett nytt lösenord",
                                         "confirm_password": "ett nytt lösenord"})  # fmt: skip
    assert r.status_code == 303
    assert "Lösenordet är bytt" in here.get(r.headers["location"]).text  # this session goes on
    assert elsewhere.get("/meetings", follow_redirects=False).status_code == 303  # the other one is over

    from transcribe.web import accounts

    sven = as_user(app, "sven")
    accounts.set_active("sven", False, "ada")
    assert sven.get("/meetings", follow_redirects=False).status_code == 303


# --- 5. throttling per client address -------------------------------------------------------------------------------
def test_spraying_many_names_from_one_address_is_throttled(app):
    sprayer = TestClient(app, client=("203.0.113.7", 4000))
    token = csrf_of(sprayer.get("/login").text)
    codes = [sprayer.post("/login", data={"name": f"namn{i}", "password": "Sommar2025!", "csrf_token": token}
                          ).status_code for i in range(30)]  # fmt: skip
    assert codes[:5] == [401] * 5
    assert codes[-5:] == [429] * 5, codes
    # a real password from that address waits too; the same user from elsewhere is not locked out
    r = sprayer.post("/login", data={"name": "sara", "password": PASSWORD, "csrf_token": token})
    assert r.status_code == 429
    login(TestClient(app, client=("198.51.100.9", 4000)), "sara")


# --- 6. no caching of pages with meeting data -----------------------------------------------------------------------
def test_pages_and_exports_are_never_cached(app):
    mid = add_meeting("sara")
    c = as_user(app, "sara")
    for url in (
        "/login",
        "/meetings",
        f"/meetings/{mid}",
        f"/meetings/{mid}/history",
        "/nope",
        f"/meetings/{mid}/export/transcript.txt",
        "/account",
    ):
        assert "no-store" in c.get(url).headers.get("cache-control", ""), url
    assert "no-store" not in c.get("/static/app.css").headers.get("cache-control", "")


# --- 7. owner-only files, and no deleted text left in the database files --------------------------------------------
def test_database_recordings_transcripts_and_minutes_are_owner_only(app, tmp_path):
    from transcribe.fsutil import atomic_write_text
    from transcribe.web import store

    c = as_user(app, "sara")
    mid = upload(c, tone_wav(tmp_path / "t.wav")).json()["meetings"][0]["id"]
    folder = store.meeting_path(mid)
    t = sample_transcript()  # what the job writes when it finishes
    atomic_write_text(folder / "transcript.json", t.to_json())
    atomic_write_text(folder / "minutes.json", sample_minutes(t).to_json())
    assert post(c, f"/meetings/{mid}/speakers", {"label": "SPEAKER_00", "name": "Anna"}).status_code == 303
    assert post(c, f"/meetings/{mid}/approve", {"confirmed": "1"}).status_code == 303
    assert post(c, "/series", {"name": "styrelsen", "description": "Styrelsens möten"}).status_code == 303
    data = tmp_path
    for name in ("protokoll.db", "protokoll.db-wal", "web_secret.key"):
        assert stat.S_IMODE((data / name).stat().st_mode) == 0o600, name
    checked = 0
    series = [data / "series", data / "series" / "styrelsen.json"]
    for path in [data / "meetings", data / "uploads", *series, folder, *folder.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))
        checked += 1
    assert {"review", "versions", "minutes.approved.json"} <= {p.name for p in folder.iterdir()}
    assert checked >= 8
    assert stat.S_IMODE(data.stat().st_mode) == 0o700


def test_deleted_text_does_not_linger_in_the_database_files(app, tmp_path):
    marker = "Hemligt-ord-" + "x7q" * 4
    mid = add_meeting("sara")
    c = as_user(app, "sara")
    assert post(c, f"/meetings/{mid}/segments/1", {"text": f"Vi beslutar {marker}."}).status_code == 303
    assert meeting_rows(mid)[1], "the edit is in the history"
    assert post(c, f"/meetings/{mid}/delete").status_code == 303
    for path in tmp_path.glob("protokoll.db*"):
        assert marker.encode() not in path.read_bytes(), path.name
    wal = tmp_path / "protokoll.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0


# --- 8. ?error= shows only known messages ---------------------------------------------------------------------------
def test_error_parameter_only_shows_known_keys(app):
    mid = add_meeting("sara")
    c = as_user(app, "sara")
    page = c.get(f"/meetings/{mid}", params={"error": PHISH}).text
    assert "0701-234567" not in page and "uppge ditt" not in page
    known = c.get(f"/meetings/{mid}", params={"error": "empty_text"}).text
    assert "Texten får inte vara tom." in known


# --- 9. length limits on text fields --------------------------------------------------------------------------------
def test_a_200000_character_speaker_name_is_refused(app):
    from transcribe.web import store

    mid = add_meeting("sara")
    c = as_user(app, "sara")
    r = post(c, f"/meetings/{mid}/speakers", {"label": "SPEAKER_00", "name": "A" * 200_000})
    assert r.status_code == 400 and "för långt" in r.text
    assert all(len(s.name or "") < 1000 for s in store.load_transcript(mid).speakers)
    assert post(c, f"/meetings/{mid}/speakers", {"label": "SPEAKER_00", "name": "Anna"}).status_code == 303


@pytest.mark.parametrize("url, field, size, rest", [
    ("/meetings/{mid}/segments/1", "text", 20_001, {}),
    ("/meetings/{mid}/summary", "description", 4_001, {}),
    ("/series", "purpose", 4_001, {"name": "ny-serie"}),
    ("/account/password", "new_password", 1_025, {"current_password": PASSWORD}),
])  # fmt: skip
def test_every_form_field_has_a_limit(app, url, field, size, rest):
    mid = add_meeting("sara")
    c = as_user(app, "sara")
    assert post(c, url.format(mid=mid), {**rest, field: "å" * size}).status_code == 400
    assert post(c, url.format(mid=mid), {**rest, field: "å" * 100, "confirm_password": "å" * 100}).status_code == 303


def test_login_and_upload_fields_are_limited(app, tmp_path):
    anon = TestClient(app)
    token = csrf_of(anon.get("/login").text)
    r = anon.post("/login", data={"name": "n" * 5000, "password": "x", "csrf_token": token})
    assert r.status_code == 400
    c = as_user(app, "sara")
    r = upload(c, tone_wav(tmp_path / "t.wav"), vocabulary="ord " * 10_000)
    assert r.status_code == 400 and r.json() == {"error": "too_long"}


# --- 10. HEAD, and 405 with Allow -----------------------------------------------------------------------------------
def test_head_is_answered_like_get_without_a_body(app):
    mid = add_meeting("sara")
    c = as_user(app, "sara")
    for url in ("/login", f"/meetings/{mid}", f"/meetings/{mid}/export/transcript.txt", "/static/app.css"):
        got, head = c.get(url), c.head(url)
        assert head.status_code == 200 and head.content == b"", url
        assert head.headers["content-type"] == got.headers["content-type"]
        assert head.headers["content-security-policy"]


def test_wrong_method_is_a_405_naming_the_allowed_ones(app):
    mid = add_meeting("sara")
    c = as_user(app, "sara")
    r = c.options("/login")
    assert r.status_code == 405 and "GET" in r.headers["allow"]
    r = c.delete(f"/meetings/{mid}/approve", headers={"X-CSRF-Token": csrf_of(c.get("/meetings").text)})
    assert r.status_code == 405 and r.headers["allow"] == "POST"


# --- 11. a deleted meeting leaves its series ------------------------------------------------------------------------
def test_series_forget_a_deleted_meeting(app, tmp_path):
    from transcribe.series import store as series_store
    from transcribe.web import store

    keep, gone = add_meeting("sara", "Möte 1"), add_meeting("sara", "Möte 2")
    series_store.create("natverket")
    series_store.add("natverket", [store.meeting_path(keep), store.meeting_path(gone)])
    c = as_user(app, "sara")
    assert post(c, f"/meetings/{gone}/delete").status_code == 303
    paths = [m.path for m in series_store.load("natverket").meetings]
    assert paths == [str(store.meeting_path(keep).resolve())]
    assert not re.search(gone, (tmp_path / "series" / "natverket.json").read_text())
