"""The web app where a user meets its failures: an unexpected error, the same recording twice."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.test_web import app, as_user, csrf_of, login, post, short_wav  # noqa: F401  (fixtures)


def _upload(client: TestClient, files, accept_json: bool = True):
    """The upload form sent as upload.js sends it (JSON back), or as a plain form without JavaScript."""
    headers = {"X-CSRF-Token": csrf_of(client.get("/upload").text)}
    if accept_json:
        headers["Accept"] = "application/json"
    return client.post("/upload", data={"title": "Styrelsemöte"}, files=files, headers=headers,
                       follow_redirects=False)  # fmt: skip


def test_an_unexpected_error_is_the_apps_own_page_in_the_readers_language(app) -> None:  # noqa: F811
    @app.get("/trasig")
    def broken() -> None:
        raise RuntimeError("/srv/protokoll/data/hemlig.db låst")

    client = login(TestClient(app, raise_server_exceptions=False), "sara")
    page = client.get("/trasig")
    assert page.status_code == 500
    assert "Ett oväntat fel inträffade." in page.text and "Internal Server Error" not in page.text
    assert "hemlig" not in page.text and "Logga ut" in page.text  # no server detail; the menu stays
    client.get("/lang/en")
    assert "An unexpected error occurred." in client.get("/trasig").text
    api = client.get("/trasig", headers={"Accept": "application/json"})
    assert api.status_code == 500 and api.json() == {"error": "error"}


def test_the_same_recording_uploaded_again_is_the_meeting_it_already_is(app, short_wav, tmp_path) -> None:  # noqa: F811
    sara, sven = as_user(app, "sara"), as_user(app, "sven")
    audio = short_wav.read_bytes()
    first = _upload(sara, {"file": ("styrelsemöte.wav", audio, "audio/wav")})
    assert first.status_code == 201, first.text
    mid = first.json()["meetings"][0]["id"]

    again = _upload(sara, {"file": ("kopia av mötet.wav", audio, "audio/wav")})  # another name, the same audio
    assert again.status_code == 409 and again.json()["url"] == f"/meetings/{mid}"
    assert again.json()["error"].startswith("”kopia av mötet.wav” är redan uppladdad som mötet ”Styrelsemöte”")
    assert len(sara.get("/api/meetings").json()["meetings"]) == 1 and not list((tmp_path / "uploads").iterdir())
    without_js = _upload(sara, {"file": ("a.wav", audio, "audio/wav")}, accept_json=False)
    assert without_js.status_code == 409 and f'href="/meetings/{mid}"' in without_js.text

    # twice in one batch: refused before any is queued
    both = [("file", (name, audio + b"\0", "audio/wav")) for name in ("x.wav", "y.wav")]
    twice = _upload(sara, both)
    assert twice.status_code == 409 and "”y.wav” är vald två gånger" in twice.json()["error"]
    assert len(sara.get("/api/meetings").json()["meetings"]) == 1

    # another secretary, who cannot see sara's meeting, learns nothing of it and may upload the same file
    other = _upload(sven, {"file": ("styrelsemöte.wav", audio, "audio/wav")})
    assert other.status_code == 201
    # once the meeting is deleted the recording may be uploaded again
    assert post(sara, f"/meetings/{mid}/delete").status_code == 303
    assert _upload(sara, {"file": ("styrelsemöte.wav", audio, "audio/wav")}).status_code == 201


def test_the_fingerprint_goes_with_the_recording_when_retention_removes_the_audio(app, short_wav) -> None:  # noqa: F811
    from transcribe.jobs.retention import delete_audio
    from transcribe.meeting import meeting_dir

    sara = as_user(app, "sara")
    audio = short_wav.read_bytes() + b"\1"
    mid = _upload(sara, {"file": ("styrelsemöte.wav", audio, "audio/wav")}).json()["meetings"][0]["id"]
    assert (meeting_dir(mid) / "recording.sha256").is_file()
    assert [p.name for p in delete_audio(mid)] == ["input.wav"]
    assert not (meeting_dir(mid) / "recording.sha256").exists()  # nothing left to tell the recording was here
    assert _upload(sara, {"file": ("styrelsemöte.wav", audio, "audio/wav")}).status_code == 201
