"""The reason beside "Check against the audio" is English on the English review page, Swedish on the Swedish one.

Before, an English-speaking reviewer read 'namnet "Söndagen" hördes osäkert (p=0.21); flera talar
samtidigt' beside an English flag, and could not tell what to listen for.
"""

from __future__ import annotations

import json

from tests.test_web import add_meeting, app, as_user, csrf_of, short_wav  # noqa: F401  (fixtures)
from transcribe.web import store
from transcribe.web.reasons import agenda_reason_in, reason_in

REASON = 'Kontrollera mot ljudet: namnet "Söndagen" hördes osäkert (p=0.21); flera talar samtidigt; låg säkerhet (0.34)'


def test_common_reasons_read_in_english() -> None:
    said = 'namnet "Söndagen" hördes osäkert (p=0.21); flera talar samtidigt; låg säkerhet (0.34)'
    assert (
        reason_in(said, "en")
        == 'the name "Söndagen" was unclear (p=0.21); several people speak at once; low confidence (0.34)'
    )
    assert reason_in(said, "sv") == said
    assert reason_in('ordet "nu" efter "beslutar" hördes osäkert (p=0.12) – ett "inte" kan ha fallit bort', "en") == (
        'the word "nu" after "beslutar" was unclear (p=0.12) – a "not" may have been lost'
    )
    assert (
        reason_in("låg säkerhet (0.31) (Osäker igenkänning)", "en") == "low confidence (0.31) (uncertain recognition)"
    )
    # a phrasing without a translation is shown as written, never dropped or guessed
    assert reason_in("klockslaget hördes inte; transkriptionen reparerades här", "en") == (
        "klockslaget hördes inte; the transcript was repaired here"
    )


def test_review_page_shows_the_reason_in_the_page_language(app) -> None:  # noqa: F811
    mid = add_meeting("sara")
    path = store.meeting_path(mid) / "minutes.json"
    minutes = json.loads(path.read_text(encoding="utf-8"))
    minutes["decisions"][0].update(needs_review=True, review_reason=REASON)
    path.write_text(json.dumps(minutes, ensure_ascii=False), encoding="utf-8")
    c = as_user(app, "sara")
    assert 'namnet "Söndagen" hördes osäkert' in c.get(f"/meetings/{mid}").text.replace("&#34;", '"')
    c.get("/lang/en")
    page = c.get(f"/meetings/{mid}").text.replace("&#34;", '"')
    assert 'the name "Söndagen" was unclear (p=0.21); several people speak at once' in page
    assert "hördes osäkert" not in page


def test_a_refused_agenda_is_explained_in_the_page_language(app, short_wav) -> None:  # noqa: F811
    def refused(c) -> str:
        r = c.post(
            "/upload",
            data={"title": "Styrelsemöte"},
            files={
                "file": ("möte.wav", short_wav.read_bytes(), "audio/wav"),
                "agenda": ("anteckningar.txt", "inga numrerade punkter här\n".encode(), "text/plain"),
            },
            headers={"Accept": "application/json", "X-CSRF-Token": csrf_of(c.get("/upload").text)},
        )
        assert r.status_code == 400
        return r.text.replace("&#34;", '"').replace('\\"', '"')

    c = as_user(app, "sara")
    assert "ingen dagordning hittades" in refused(c)
    c.get("/lang/en")
    said = refused(c)
    assert 'The agenda could not be read: no agenda found (no numbered items such as "1. Mötets öppnande")' in said
    assert "hittades" not in said
    assert agenda_reason_in("okänt format (utan filändelse); använd .txt, .md eller .docx", "en") == (
        "unknown format (no file extension); use .txt, .md or .docx"
    )
