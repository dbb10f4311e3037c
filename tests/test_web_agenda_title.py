"""An upload with a dagordning and no Rubrik is listed, and its protokoll titled, by the meeting the agenda heads.

Without it the meeting was named after the audio file ("inspelning 0312"), and the protokoll read
"Protokoll – inspelning 0312" although the agenda said which meeting it was.
"""

from __future__ import annotations

from itertools import count

import pytest

from tests.agenda_meeting import AGENDA_TXT
from tests.test_web import app, as_user, csrf_of, short_wav  # noqa: F401  (fixtures)
from transcribe.db import session
from transcribe.jobs.models import Job
from transcribe.tables import Meeting

pytestmark = pytest.mark.usefixtures("fast_hashing")  # tests/webfixtures.py: cheap argon2 for the logins
_uploaded = count(1)  # each upload a recording of its own: the same one again is the meeting it already is


def _upload(app, wav, title: str, agenda: str | None, date: str = "2025-11-20", place: str = ""):  # noqa: F811
    c = as_user(app, "sara")
    files = {"file": ("inspelning 0312.wav", wav.read_bytes() + bytes(next(_uploaded)), "audio/wav")}
    if agenda is not None:
        files["agenda"] = ("dagordning.txt", agenda.encode("utf-8"), "text/plain")
    r = c.post(
        "/upload",
        data={"title": title, "date": date, "place": place},
        files=files,
        headers={"Accept": "application/json", "X-CSRF-Token": csrf_of(c.get("/upload").text)},
    )
    assert r.status_code == 201, r.text
    with session() as s:
        row = s.get(Meeting, r.json()["meetings"][0]["id"])
        return c, row.title, s.get(Job, row.job_id).options, row


HEADED = AGENDA_TXT.replace("Brf Eken\n", "Brf Eken\nOnsdag 10 mars 2027 kl. 18.30, föreningslokalen\n", 1)


def test_blank_date_and_place_take_what_the_agenda_states(app, short_wav) -> None:  # noqa: F811
    _, _, options, row = _upload(app, short_wav, "", HEADED, date="")
    assert (row.date, row.place) == ("2027-03-10", "Föreningslokalen")
    assert '"meeting_date": "2027-03-10"' in options and '"place": "Föreningslokalen"' in options
    _, _, options, row = _upload(app, short_wav, "", HEADED, date="2027-03-11", place="Aulan")
    assert (row.date, row.place) == ("2027-03-11", "Aulan")  # what the secretary typed wins


def test_blank_title_with_agenda_takes_the_agendas_meeting(app, short_wav) -> None:  # noqa: F811
    c, title, options, _ = _upload(app, short_wav, "", AGENDA_TXT)
    assert title == "Styrelsemöte i Brf Eken"
    assert '"title": "Styrelsemöte i Brf Eken"' in options  # what the protokoll is headed by
    assert "Styrelsemöte i Brf Eken" in c.get("/meetings").text


def test_title_typed_or_no_agenda_as_before(app, short_wav) -> None:  # noqa: F811
    assert _upload(app, short_wav, "Extra möte", AGENDA_TXT)[1] == "Extra möte"
    assert _upload(app, short_wav, "", None)[1] == "inspelning 0312"
    assert _upload(app, short_wav, "", "DAGORDNING\n1. Öppnande\n2. Avslutning\n")[1] == "inspelning 0312"
