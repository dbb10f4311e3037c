"""The web upload's series choice: offered for the user's own series, carried to the job, others refused."""

from __future__ import annotations

import json

from tests import test_web
from tests.test_web import as_user, csrf_of, post
from transcribe.db import session
from transcribe.jobs.models import Job
from transcribe.tables import Meeting

# The fixtures of tests/test_web.py, by the names pytest looks up (fast_hashing is autouse there).
app = test_web.app
fast_hashing = test_web.fast_hashing
short_wav = test_web.short_wav


def _upload(c, files, data, accept_json=True):
    headers = {"X-CSRF-Token": csrf_of(c.get("/upload").text)}
    if accept_json:
        headers["Accept"] = "application/json"
    return c.post("/upload", data=data, files=files, headers=headers, follow_redirects=False)


def test_upload_offers_the_users_series_and_the_job_uses_it(app, short_wav):
    sara, sven = as_user(app, "sara"), as_user(app, "sven")
    assert post(sara, "/series", {"name": "natverket"}).status_code == 303
    assert '<option value="natverket">' in sara.get("/upload").text
    assert 'name="series"' not in sven.get("/upload").text  # no series of his own: no choice shown

    wav = {"file": ("möte.wav", short_wav.read_bytes(), "audio/wav")}
    r = _upload(sara, wav, data={"title": "Nätverk 3", "series": "natverket"})
    assert r.status_code == 201, r.text
    mid = r.json()["meetings"][0]["id"]
    with session() as s:
        options = json.loads(s.get(Job, s.get(Meeting, mid).job_id).options)
    assert options["series"] == "natverket"

    r = _upload(sven, wav, data={"title": "Inte hans", "series": "natverket"})
    assert r.status_code == 400 and "serie" in r.json()["error"].lower()
    r = _upload(sara, wav, data={"title": "Okänd", "series": "finns-inte"}, accept_json=False)
    assert r.status_code == 400 and "Serien finns inte" in r.text and '<option value="natverket">' in r.text
