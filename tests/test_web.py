"""Web app: security, access rules, upload, review, approval, export and deletion.

Review and export run on a tiny transcript and minutes written straight into the
meeting directory, so these tests need no models; only the `slow` test runs the
real pipeline through the in-process worker.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from tests.conftest import speak
from transcribe.minutes.model import (
    Action,
    Conclusion,
    Decision,
    Emotion,
    Evidence,
    Minutes,
    Mood,
    NextMeeting,
    OpenItem,
    Participant,
    Theme,
)
from transcribe.transcript import Segment, SpeakerInfo, Transcript

PASSWORD = "correct horse battery"
XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


# --- fixtures ---------------------------------------------------------------------------------------------
def sample_transcript() -> Transcript:
    texts = [
        ("SPEAKER_00", "Hej och välkomna. Jag heter Anna och leder mötet."),
        ("SPEAKER_01", "Vi beslutar att starta en arbetsgrupp för läsfrämjande."),
        ("SPEAKER_00", "Johan tar fram ett förslag till nästa möte."),
        ("SPEAKER_01", XSS),
        ("SPEAKER_00", "Nästa möte blir den fjortonde december klockan halv tre."),
    ]
    segments = [Segment(id=i, start=i * 2.0, end=i * 2.0 + 1.8, text=t, speaker=s) for i, (s, t) in enumerate(texts)]
    return two_speaker_meeting(segments, 10.0)


def two_speaker_meeting(segments: list[Segment], duration: float) -> Transcript:
    """The web tests' recorded meeting: SPEAKER_00 and SPEAKER_01, 'Nätverksmöte' on 2025-11-20."""
    return Transcript(
        source="input.wav",
        duration=duration,
        model="base",
        segments=segments,
        speakers=[SpeakerInfo(label="SPEAKER_00"), SpeakerInfo(label="SPEAKER_01")],
        metadata={"title": "Nätverksmöte", "date": "2025-11-20"},
    )


def _ev(t: Transcript, i: int) -> list[Evidence]:
    s = t.segments[i]
    return [Evidence(segment_id=s.id, speaker=s.speaker, start=s.start, end=s.end, quote=s.text)]


def sample_minutes(t: Transcript) -> Minutes:
    return Minutes(
        title="Nätverksmöte", date=dt.date(2025, 11, 20), duration_s=10.0,
        participants=[Participant(label="SPEAKER_00"), Participant(label="SPEAKER_01")], n_participants=2,
        description="Ett kort möte om läsfrämjande.",
        themes=[Theme(id="t1", heading="Läsfrämjande", paragraph="Arbetsgrupp startas.", evidence=_ev(t, 1))],
        mood=Mood(overall="positiv", emotions=[Emotion(id="e1", emotion="glädje", strength=0.6, evidence=_ev(t, 0))]),
        decisions=[Decision(id="d1", text="Starta en arbetsgrupp för läsfrämjande.", proposed_by="SPEAKER_01",
                            evidence=_ev(t, 1))],
        actions=[Action(id="a1", what="Ta fram ett förslag", owner="Johan", evidence=_ev(t, 2))],
        next_meeting=NextMeeting(id="n1", when=dt.datetime(2025, 12, 14, 14, 30), text="14 december 14.30",
                                 evidence=_ev(t, 4)),
        not_decided=[OpenItem(id="o1", text="Budget", reason="underlag saknas", evidence=_ev(t, 2))],
        conclusions=[Conclusion(id="c1", text="Gruppen startar.", evidence=_ev(t, 1)), "En fri slutsats."],
    )  # fmt: skip


@pytest.fixture(autouse=True)
def fast_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2 with its production cost makes each login ~0.3 s on a busy CI box; the scheme is the same."""
    from argon2 import PasswordHasher

    monkeypatch.setattr("transcribe.web.auth._hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TRANSCRIBE_DATA_DIR", str(tmp_path))
    from transcribe.web.app import create_app
    from transcribe.web.auth import create_user

    application = create_app(data_dir=tmp_path, start_worker=False)
    for name, role in (("sara", "secretary"), ("sven", "secretary"), ("fia", "facilitator"), ("ada", "admin")):
        create_user(name, PASSWORD, role)
    return application


def login(client: TestClient, name: str, password: str = PASSWORD) -> TestClient:
    page = client.get("/login")
    token = csrf_of(page.text)
    r = client.post("/login", data={"name": name, "password": password, "csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303, r.text
    return client


def csrf_of(html: str) -> str:
    m = re.search(r'name="csrf-token" content="([^"]+)"', html)
    assert m, "no csrf meta tag"
    return m.group(1)


@pytest.fixture
def client(app) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c


def as_user(app, name: str) -> TestClient:
    return login(TestClient(app), name)


def add_meeting(owner: str, title: str = "Nätverksmöte", with_audio: Path | None = None) -> str:
    """A finished meeting written straight into the meeting directory (no pipeline)."""
    import secrets

    from transcribe.db import session
    from transcribe.fsutil import atomic_write_text
    from transcribe.tables import Meeting, User
    from transcribe.web import store

    mid = secrets.token_hex(8)
    d = store.meeting_path(mid)
    d.mkdir(parents=True)
    t = sample_transcript()
    atomic_write_text(d / "transcript.json", t.to_json())
    atomic_write_text(d / "minutes.json", sample_minutes(t).to_json())
    (d / "input.wav").write_bytes(with_audio.read_bytes() if with_audio else b"RIFF" + bytes(4000))
    with session() as s:
        uid = s.scalar(select(User.id).where(User.name == owner))
        s.add(Meeting(id=mid, title=title, date="2025-11-20", place="Kanalskolan", owner_id=uid))
    return mid


def post(c: TestClient, url: str, data: dict | None = None, **kw):
    """A form post with the session's CSRF token, as the browser sends it."""
    token = csrf_of(c.get("/meetings").text)
    return c.post(url, data={**(data or {}), "csrf_token": token}, follow_redirects=False, **kw)


# --- security ---------------------------------------------------------------------------------------------
EXPECTED_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; "
    "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
)


def test_security_headers_on_every_response(app, client):
    mid = add_meeting("sara")
    responses = [
        client.get("/login"),
        client.get("/static/app.css"),
        client.get("/nope"),
        client.get("/api/meetings"),
        client.get("/meetings", follow_redirects=False),
    ]
    c = as_user(app, "sara")
    responses += [
        c.get(f"/meetings/{mid}"),
        c.get(f"/meetings/{mid}/audio"),
        c.get(f"/meetings/{mid}/export/transcript.txt"),
        c.post("/logout"),
    ]
    for r in responses:
        assert r.headers["content-security-policy"] == EXPECTED_CSP, r.url
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"
        assert r.headers["x-frame-options"] == "DENY"


def test_security_headers_on_server_errors(app):
    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("hemlig detalj")

    r = TestClient(app, raise_server_exceptions=False).get("/boom")
    assert r.status_code == 500 and r.headers["content-security-policy"] == EXPECTED_CSP
    assert "hemlig detalj" not in r.text


def html_pages(mid: str) -> tuple[str, ...]:
    """The HTML pages a signed-in user can open for one meeting, and the lists around it."""
    return ("/meetings", "/upload", f"/meetings/{mid}", f"/meetings/{mid}/history", f"/meetings/{mid}/share",
            f"/meetings/{mid}/delete")  # fmt: skip


def test_every_endpoint_requires_a_session(app, client):
    mid = add_meeting("sara")
    for url in html_pages(mid):
        r = client.get(url, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/login"), url
    for url in (
        "/api/meetings",
        f"/meetings/{mid}/audio",
        f"/meetings/{mid}/export/minutes.docx",
        f"/meetings/{mid}/export/transcript.json",
    ):
        r = client.get(url, headers={"Accept": "application/json"}, follow_redirects=False)
        assert r.status_code == 401, url
    assert client.get(f"/meetings/{mid}/audio", follow_redirects=False).status_code in (303, 401)
    assert client.post(f"/meetings/{mid}/approve", follow_redirects=False).status_code in (401, 403)


def test_session_cookie_flags_and_secret_key(app, tmp_path):
    c = TestClient(app)
    c.get("/login")
    cookie = c.get("/login").headers.get("set-cookie", "") or ""
    page = c.get("/login")
    r = c.post(
        "/login", data={"name": "sara", "password": PASSWORD, "csrf_token": csrf_of(page.text)}, follow_redirects=False
    )
    cookie = r.headers["set-cookie"].lower()
    assert "protokoll_session=" in cookie and "httponly" in cookie and "samesite=lax" in cookie
    assert "secure" not in cookie
    key = tmp_path / "web_secret.key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and len(key.read_text()) > 40

    from transcribe.web.app import create_app

    secure = TestClient(
        create_app(data_dir=tmp_path, start_worker=False, secure_cookies=True), base_url="https://testserver"
    )
    page = secure.get("/login")
    r = secure.post(
        "/login", data={"name": "sara", "password": PASSWORD, "csrf_token": csrf_of(page.text)}, follow_redirects=False
    )
    assert "; secure" in r.headers["set-cookie"].lower()


def test_wrong_password_and_login_rate_limit(app):
    c = TestClient(app)
    token = csrf_of(c.get("/login").text)
    for _ in range(5):
        r = c.post("/login", data={"name": "sara", "password": "wrong", "csrf_token": token})
        assert r.status_code == 401
    r = c.post("/login", data={"name": "sara", "password": PASSWORD, "csrf_token": token})
    assert r.status_code == 429
    # another user from the same address is not locked out
    assert (
        c.post(
            "/login", data={"name": "sven", "password": PASSWORD, "csrf_token": token}, follow_redirects=False
        ).status_code
        == 303
    )


def test_csrf_is_required_for_state_changes(app):
    c = as_user(app, "sara")
    mid = add_meeting("sara")
    r = c.post(f"/meetings/{mid}/approve", follow_redirects=False)
    assert r.status_code == 403
    r = c.post(f"/meetings/{mid}/approve", data={"csrf_token": "forged"}, follow_redirects=False)
    assert r.status_code == 403
    anon = TestClient(app)  # login itself is protected against login CSRF
    assert anon.post("/login", data={"name": "sara", "password": PASSWORD}).status_code == 403
    token = csrf_of(c.get("/meetings").text)
    r = c.post(f"/meetings/{mid}/approve", headers={"X-CSRF-Token": token}, follow_redirects=False)
    assert r.status_code == 303


def test_access_rules(app):
    mine = add_meeting("sara", "Saras möte")
    other = add_meeting("sven", "Svens möte")
    sara, sven, fia, ada = (as_user(app, n) for n in ("sara", "sven", "fia", "ada"))
    assert "Saras möte" in sara.get("/meetings").text and "Svens möte" not in sara.get("/meetings").text
    assert {m["id"] for m in sara.get("/api/meetings").json()["meetings"]} == {mine}
    assert {m["id"] for m in ada.get("/api/meetings").json()["meetings"]} == {mine, other}
    assert fia.get("/api/meetings").json()["meetings"] == []  # facilitators see only what is shared with them
    for url in (
        f"/meetings/{other}",
        f"/meetings/{other}/audio",
        f"/meetings/{other}/export/minutes.docx",
        f"/meetings/{other}/export/transcript.txt",
        f"/meetings/{other}/history",
    ):
        assert sara.get(url).status_code == 404, url
        assert fia.get(url).status_code == 404, url
        assert ada.get(url).status_code == 200, url
    assert post(sara, f"/meetings/{other}/delete").status_code == 404
    assert post(sara, f"/meetings/{other}/speakers", {"label": "SPEAKER_00", "name": "X"}).status_code == 404

    # sharing: the owner shares with the facilitator and with another secretary
    assert post(sara, f"/meetings/{mine}/share", {"name": "fia"}).status_code == 303
    assert post(sara, f"/meetings/{mine}/share", {"name": "sven"}).status_code == 303
    assert post(sara, f"/meetings/{mine}/share", {"name": "nobody"}).status_code == 400
    assert {m["id"] for m in fia.get("/api/meetings").json()["meetings"]} == {mine}
    assert fia.get(f"/meetings/{mine}").status_code == 200
    assert post(fia, f"/meetings/{mine}/speakers", {"label": "SPEAKER_00", "name": "Anna"}).status_code == 303
    # a secretary it is shared with reads and exports, but does not edit, share or delete
    assert sven.get(f"/meetings/{mine}/export/transcript.txt").status_code == 200
    assert post(sven, f"/meetings/{mine}/speakers", {"label": "SPEAKER_00", "name": "X"}).status_code == 403
    assert post(sven, f"/meetings/{mine}/delete").status_code == 403
    assert sven.get(f"/meetings/{mine}/share").status_code == 403
    assert fia.get(f"/meetings/{mine}/delete").status_code == 403
    # unsharing takes access away again
    from transcribe.db import session
    from transcribe.tables import User

    with session() as s:
        fia_id = s.scalar(select(User.id).where(User.name == "fia"))
    assert post(sara, f"/meetings/{mine}/share/{fia_id}/remove").status_code == 303
    assert fia.get(f"/meetings/{mine}").status_code == 404
    # only secretaries and admins upload
    assert fia.get("/upload").status_code == 403


def test_transcript_html_renders_as_text(app):
    c = as_user(app, "sara")
    mid = add_meeting("sara", title='<b onmouseover="x">Titel</b>')
    html = c.get(f"/meetings/{mid}").text
    assert "<script>alert" not in html and "<img src=x" not in html and "<b onmouseover" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "&lt;b onmouseover" in c.get("/meetings").text


def test_pages_make_no_external_requests(app):
    c = as_user(app, "sara")
    mid = add_meeting("sara")
    pages = [c.get(u).text for u in html_pages(mid)]
    pages.append(TestClient(app).get("/login").text)
    for html in pages:
        assert not re.findall(r"https?://(?!testserver|127\.0\.0\.1|localhost)", html)
        assert "<script>" not in html.replace("<script src=", "")  # no inline scripts
        assert not re.search(r"<[^>]*\son[a-z]+=", html)  # no inline event handlers
        assert " style=" not in html


def test_language_switch(app):
    c = as_user(app, "sara")
    assert "Möten" in c.get("/meetings").text
    r = c.get("/meetings?lang=en")
    assert "Meetings" in r.text and 'lang="en"' in r.text and "lang=en" in r.headers["set-cookie"]
    assert "Upload a meeting" in c.get("/upload").text  # remembered by the cookie
    r = c.get("/lang/sv?next=/upload", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/upload"
    assert c.get("/lang/sv?next=//evil.example", follow_redirects=False).headers["location"] == "/meetings"


def test_translations_complete():
    from transcribe.web.i18n import EN, SV

    assert set(SV) == set(EN)
    used = set()
    for path in (Path(__file__).parent.parent / "transcribe" / "web" / "templates").glob("*.html"):
        used |= {k for k in re.findall(r"\bt\('([a-z0-9_]+)'", path.read_text()) if not k.endswith("_")}
    assert used <= set(SV), used - set(SV)


# --- upload -----------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def short_wav(tmp_path_factory) -> Path:
    return speak("Hej och välkomna till mötet.", tmp_path_factory.mktemp("wav") / "short.wav")


def _upload(c: TestClient, files, data=None, csrf=True, accept_json=True):
    token = csrf_of(c.get("/upload").text)
    headers = {"Accept": "application/json"} if accept_json else {}
    if csrf:
        headers["X-CSRF-Token"] = token
    return c.post(
        "/upload",
        data=data or {"title": "Styrelsemöte", "date": "2025-11-20"},
        files=files,
        headers=headers,
        follow_redirects=False,
    )


def test_upload_stores_safely_and_queues(app, short_wav, tmp_path):
    c = as_user(app, "sara")
    r = _upload(
        c,
        {"file": ("../../etc/passwd.wav", short_wav.read_bytes(), "audio/wav")},
        data={
            "title": "Styrelsemöte",
            "date": "2025-11-20",
            "place": "Aulan",
            "speakers": "2",
            "vocabulary": "Kanalskolan\nSKR",
        },
    )
    assert r.status_code == 201, r.text
    mid = r.json()["meetings"][0]["id"]
    from transcribe.jobs import meeting_dir, status

    d = meeting_dir(mid)
    assert d.resolve().is_relative_to((tmp_path / "meetings").resolve())
    assert sorted(p.name for p in d.iterdir()) == ["input.wav", "recording.sha256"]
    assert not (tmp_path / "etc").exists() and not list((tmp_path / "uploads").iterdir())
    meeting = c.get("/api/meetings").json()["meetings"][0]
    assert meeting["state"] == "queued" and meeting["position"] == 1 and "kö" in meeting["label"]
    from transcribe.db import session
    from transcribe.jobs.models import Job
    from transcribe.tables import Meeting

    with session() as s:
        row = s.get(Meeting, mid)
        job = s.get(Job, row.job_id)
        assert row.title == "Styrelsemöte" and row.place == "Aulan" and row.original_name == "../../etc/passwd.wav"
        assert '"num_speakers": 2' in job.options and "Kanalskolan" in job.options and job.owner == "sara"
    assert status(row.job_id).state == "queued"


def test_upload_without_js_form_post(app, short_wav):
    c = as_user(app, "sara")
    token = csrf_of(c.get("/upload").text)
    r = c.post(
        "/upload",
        data={"csrf_token": token, "title": ""},
        files={"file": ("möte 1.wav", short_wav.read_bytes(), "audio/wav")},
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == "/meetings"
    assert "möte 1" in c.get("/meetings").text  # the file name is the title when none is given


def test_upload_rejects_non_audio_by_content(app, tmp_path):
    c = as_user(app, "sara")
    r = _upload(c, {"file": ("meeting.wav", b"this is not audio at all" * 100, "audio/wav")})
    assert r.status_code == 415 and "meeting.wav" in r.json()["error"]
    assert not list((tmp_path / "uploads").iterdir())
    assert not (tmp_path / "meetings").exists() or not list((tmp_path / "meetings").iterdir())
    r = _upload(c, {"file": ("m.wav", b"x" * 10, "audio/wav")}, accept_json=False)
    assert r.status_code == 415 and "ingen ljudfil" in r.text


def test_upload_size_limit_while_streaming(app, short_wav, tmp_path, monkeypatch):
    monkeypatch.setenv("TRANSCRIBE_MAX_UPLOAD_MB", "0.05")
    c = as_user(app, "sara")
    big = short_wav.read_bytes() + bytes(2 * 1024 * 1024)

    def chunks():  # no Content-Length: the limit must hold while streaming
        body = (
            b'--B\r\nContent-Disposition: form-data; name="file"; filename="a.wav"\r\n'
            b"Content-Type: audio/wav\r\n\r\n" + big + b"\r\n--B--\r\n"
        )
        for i in range(0, len(body), 65536):
            yield body[i : i + 65536]

    token = csrf_of(c.get("/upload").text)
    r = c.post(
        "/upload",
        content=chunks(),
        headers={
            "Content-Type": "multipart/form-data; boundary=B",
            "Accept": "application/json",
            "X-CSRF-Token": token,
        },
    )
    assert r.status_code == 413 and r.json()["error"] == "Filen är för stor: gränsen är 0.05 MB."
    assert not list((tmp_path / "uploads").iterdir())
    r = _upload(c, {"file": ("a.wav", big, "audio/wav")})  # with Content-Length: refused up front
    assert r.status_code == 413


def test_upload_needs_csrf_and_role(app, short_wav):
    c = as_user(app, "sara")
    assert _upload(c, {"file": ("a.wav", short_wav.read_bytes(), "audio/wav")}, csrf=False).status_code == 403
    fia = as_user(app, "fia")
    assert _upload(fia, {"file": ("a.wav", b"x", "audio/wav")}).status_code == 403


# --- review ------------------------------------------------------------------------------------------------
def test_audio_supports_range_requests(app, short_wav):
    c = as_user(app, "sara")
    mid = add_meeting("sara", with_audio=short_wav)
    size = short_wav.stat().st_size
    r = c.get(f"/meetings/{mid}/audio", headers={"Range": "bytes=100-199"})
    assert r.status_code == 206 and len(r.content) == 100
    assert r.headers["content-range"] == f"bytes 100-199/{size}" and r.headers["content-type"] == "audio/wav"
    assert c.get(f"/meetings/{mid}/audio").headers["accept-ranges"] == "bytes"


def test_rename_speakers_everywhere(app):
    from transcribe.web import store

    c = as_user(app, "sara")
    mid = add_meeting("sara")
    r = post(c, f"/meetings/{mid}/speakers", {"label": ["SPEAKER_00", "SPEAKER_01"], "name": ["Anna Lindqvist", ""]})
    assert r.status_code == 303
    t, m = store.load_transcript(mid), store.load_minutes(mid)
    assert t.speaker_name("SPEAKER_00") == "Anna Lindqvist" and t.speakers[0].name_source == "user"
    assert m.participants[0].name == "Anna Lindqvist"
    assert m.next_meeting.evidence[0].speaker_name == "Anna Lindqvist"
    html = c.get(f"/meetings/{mid}").text
    assert html.count("Anna Lindqvist") >= 4  # speaker form, segments, evidence, participants
    assert "Anna Lindqvist" in c.get(f"/meetings/{mid}/export/transcript.srt").text
    assert "Anna Lindqvist" in c.get(f"/meetings/{mid}/history").text


def test_edit_segment_and_transcript_exports(app):
    c = as_user(app, "sara")
    mid = add_meeting("sara")
    assert post(c, f"/meetings/{mid}/segments/1", {"text": "Vi beslutar att starta en läsgrupp."}).status_code == 303
    assert (
        post(c, f"/meetings/{mid}/segments/99", {"text": "x"})
        .headers["location"]
        .endswith("?error=no_such_segment#seg-99")
    )
    for fmt, needle in (
        ("txt", "läsgrupp"),
        ("srt", "00:00:02,000 --> "),
        ("vtt", "WEBVTT"),
        ("md", "läsgrupp"),
        ("json", '"segments"'),
    ):
        r = c.get(f"/meetings/{mid}/export/transcript.{fmt}")
        assert r.status_code == 200 and needle in r.text, fmt
        assert "attachment" in r.headers["content-disposition"]
    assert c.get(f"/meetings/{mid}/export/transcript.exe").status_code == 404
    from transcribe.web import store

    m = store.load_minutes(mid)
    assert m.decisions[0].evidence[0].quote == "Vi beslutar att starta en läsgrupp."  # evidence follows the edit
    assert "läsgrupp" in c.get(f"/meetings/{mid}/history").text


def test_minutes_review_and_exports(app):
    from docx import Document

    from transcribe.web import store

    c = as_user(app, "sara")
    mid = add_meeting("sara")
    assert (
        post(
            c, f"/meetings/{mid}/items/d1", {"op": "edit", "text": "Starta en läsgrupp.", "proposed_by": "Anna"}
        ).status_code
        == 303
    )
    assert post(c, f"/meetings/{mid}/items/a1", {"op": "accept"}).status_code == 303
    assert post(c, f"/meetings/{mid}/items/o1", {"op": "reject"}).status_code == 303
    assert post(c, f"/meetings/{mid}/items/a1", {"op": "edit", "due": "2025-12-01"}).status_code == 303
    assert "bad_date" in post(c, f"/meetings/{mid}/items/a1", {"op": "edit", "due": "snart"}).headers["location"]
    assert (
        post(
            c, f"/meetings/{mid}/items", {"section": "decisions", "text": "Budgeten godkänns.", "segment_id": "2"}
        ).status_code
        == 303
    )
    assert (
        "choose_segment"
        in post(c, f"/meetings/{mid}/items", {"section": "actions", "what": "Boka lokal"}).headers["location"]
    )
    assert post(c, f"/meetings/{mid}/items", {"section": "conclusions", "text": "Alla är nöjda."}).status_code == 303
    assert post(c, f"/meetings/{mid}/summary", {"description": "Kort möte.", "mood": "glad"}).status_code == 303
    m = store.load_minutes(mid)
    assert m.decisions[0].text == "Starta en läsgrupp." and m.decisions[0].status == "edited"
    assert m.actions[0].status == "edited" and m.actions[0].due == dt.date(2025, 12, 1)
    assert m.not_decided[0].status == "rejected"
    assert m.decisions[1].text == "Budgeten godkänns." and m.decisions[1].evidence[0].segment_id == 2
    assert "Alla är nöjda." in m.conclusions and m.description == "Kort möte."

    md = c.get(f"/meetings/{mid}/export/minutes.md").text
    assert "Starta en läsgrupp." in md and "Budgeten godkänns." in md and "underlag saknas" not in md
    assert c.get(f"/meetings/{mid}/export/minutes.json").json()["not_decided"][0]["status"] == "rejected"
    r = c.get(f"/meetings/{mid}/export/minutes.docx")
    assert r.headers["content-type"].startswith("application/vnd.openxmlformats")
    text = "\n".join(p.text for p in Document(io.BytesIO(r.content)).paragraphs)
    assert "Starta en läsgrupp." in text and "underlag saknas" not in text
    assert 'filename="Natverksmote-protokoll.docx"' in r.headers["content-disposition"]


def test_approve_locks_and_reopen(app):
    from transcribe.web import store

    sara, fia = as_user(app, "sara"), as_user(app, "fia")
    mid = add_meeting("sara")
    post(sara, f"/meetings/{mid}/share", {"name": "fia"})
    post(sara, f"/meetings/{mid}/items/d1", {"op": "edit", "text": "Version ett."})
    assert post(sara, f"/meetings/{mid}/approve", {"confirmed": "1"}).status_code == 303
    assert (store.meeting_path(mid) / "versions" / "v1" / "minutes.json").is_file()
    assert post(sara, f"/meetings/{mid}/items/d1", {"op": "edit", "text": "Ändrad"}).status_code == 409
    assert post(sara, f"/meetings/{mid}/segments/0", {"text": "Ändrad"}).status_code == 409
    assert post(sara, f"/meetings/{mid}/approve", {"confirmed": "1"}).status_code == 409
    html = sara.get(f"/meetings/{mid}").text
    assert "Godkänd version 1" in html and "<textarea" not in html
    assert post(sara, f"/meetings/{mid}/reopen").status_code == 403  # a secretary cannot reopen
    assert post(fia, f"/meetings/{mid}/reopen").status_code == 303
    assert post(fia, f"/meetings/{mid}/items/d1", {"op": "edit", "text": "Version två."}).status_code == 303
    assert post(fia, f"/meetings/{mid}/approve", {"confirmed": "1"}).status_code == 303
    assert "Version ett." in sara.get(f"/meetings/{mid}/export/minutes.md?version=1").text
    assert "Version två." in sara.get(f"/meetings/{mid}/export/minutes.md").text
    history = sara.get(f"/meetings/{mid}/history").text
    for needle in ("Godkände", "Öppnade igen", "fia", "sara", "Version 2", "Version två."):
        assert needle in history
    from transcribe import audit

    actions = [e.action for e in audit.events(f"meeting:{mid}")]
    assert actions.count("approve") == 2 and "export" in actions and "view" in actions


def test_regenerate_minutes_from_edited_transcript(app):
    from transcribe.web import store, tasks

    c = as_user(app, "sara")
    mid = add_meeting("sara")
    post(c, f"/meetings/{mid}/segments/1", {"text": "Vi beslutar att köpa nya böcker till biblioteket."})
    assert post(c, f"/meetings/{mid}/regenerate").status_code == 303
    deadline = time.monotonic() + 300  # waits only until done; 30 s ran out at load 20-30 (the task had not ended)
    while tasks.running(mid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert tasks.error(mid) is None
    m = store.load_minutes(mid)
    assert any("böcker" in d.text for d in m.decisions), m.decisions
    assert all(i.id for i in m.decisions + m.actions)


def test_delete_removes_every_trace(app, short_wav, tmp_path):
    c = as_user(app, "sara")
    r = _upload(c, {"file": ("a.wav", short_wav.read_bytes(), "audio/wav")})
    queued = r.json()["meetings"][0]["id"]
    done = add_meeting("sara")
    post(c, f"/meetings/{done}/speakers", {"label": "SPEAKER_00", "name": "Anna"})
    post(c, f"/meetings/{done}/approve", {"confirmed": "1"})
    assert "Ja, radera mötet" in c.get(f"/meetings/{done}/delete").text
    from transcribe.db import session
    from transcribe.jobs.models import Job
    from transcribe.tables import Meeting, MeetingChange

    for mid in (queued, done):
        assert post(c, f"/meetings/{mid}/delete").status_code == 303
        assert not (tmp_path / "meetings" / mid).exists()
        with session() as s:
            assert s.get(Meeting, mid) is None
            assert not s.scalars(select(MeetingChange).where(MeetingChange.meeting_id == mid)).all()
            assert not s.scalars(select(Job).where(Job.meeting_id == mid)).all()
        gone = c.get(f"/meetings/{mid}")  # told it is gone, not that it never existed
        assert gone.status_code == 410 and "Mötet har tagits bort av sara." in gone.text
    assert c.get("/api/meetings").json()["meetings"] == []


def test_failed_and_pending_states(app, short_wav):
    from transcribe.jobs import queue

    c = as_user(app, "sara")
    mid = _upload(c, {"file": ("a.wav", short_wav.read_bytes(), "audio/wav")}).json()["meetings"][0]["id"]
    assert "Sidan uppdateras" in c.get(f"/meetings/{mid}").text
    from transcribe.db import session
    from transcribe.jobs.models import Job
    from transcribe.tables import Meeting

    with session() as s:
        job = s.get(Job, s.get(Meeting, mid).job_id)
        job.state, job.error = "failed", "ffmpeg could not decode the file"
    info = c.get("/api/meetings").json()["meetings"][0]
    assert info["state"] == "failed" and "ffmpeg could not decode" in info["label"]
    assert post(c, f"/meetings/{mid}/retry").status_code == 303
    assert queue.status(info and job.id).state == "queued"


# --- command line ---------------------------------------------------------------------------------------------
def test_cli_users_and_serve_registered(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from transcribe.cli import app as cli

    monkeypatch.setenv("TRANSCRIBE_DATA_DIR", str(tmp_path))
    runner = CliRunner()
    r = runner.invoke(cli, ["users", "add", "admin", "--role", "admin", "--password-stdin"], input=PASSWORD + "\n")
    assert r.exit_code == 0, r.output
    assert "admin\tadministratör" in runner.invoke(cli, ["users", "list"]).output
    r = runner.invoke(cli, ["users", "add", "x", "--role", "boss", "--password-stdin"], input=PASSWORD + "\n")
    assert r.exit_code != 0
    help_text = runner.invoke(cli, ["serve", "--help"]).output
    assert "--host" in help_text and "--port" in help_text
