"""The reason beside "Check against the audio" is English on the English review page, Swedish on the Swedish one.

Before, an English-speaking reviewer read 'namnet "Söndagen" hördes osäkert (p=0.21); flera talar
samtidigt' beside an English flag, and could not tell what to listen for.
"""

from __future__ import annotations

import json
import re

from tests.test_web import add_meeting, app, as_user, csrf_of, short_wav  # noqa: F401  (fixtures)
from transcribe.transcript import Transcript, Word
from transcribe.web import store
from transcribe.web.reasons import agenda_reason_in, reason_in

REASON = 'Kontrollera mot ljudet: namnet "Söndagen" hördes osäkert (p=0.21); flera talar samtidigt; låg säkerhet (0.34)'


def test_common_reasons_read_in_english() -> None:
    said = 'namnet "Söndagen" hördes osäkert (p=0.21); flera talar samtidigt; låg säkerhet (0.34)'
    assert (
        reason_in(said, "en")
        == 'the name "Söndagen" was unclear (recognised with 21 % certainty); several people speak at once; '
        "low confidence (34 %)"
    )
    assert reason_in(said, "sv") == (
        'namnet "Söndagen" hördes osäkert (igenkänd med 21 % säkerhet); flera talar samtidigt; låg säkerhet (34 %)'
    )
    assert reason_in('ordet "nu" efter "beslutar" hördes osäkert (p=0.12) – ett "inte" kan ha fallit bort', "en") == (
        'the word "nu" after "beslutar" was unclear (recognised with 12 % certainty) – a "not" may have been lost'
    )
    assert reason_in("låg säkerhet (0.31) (Osäker igenkänning)", "en") == (
        "low confidence (31 %) (uncertain recognition)"
    )
    assert reason_in("passagen hördes osäkert (medel p=0.45)", "sv") == (
        "passagen hördes osäkert (i snitt 45 % säkerhet)"
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
    assert 'the name "Söndagen" was unclear (recognised with 21 % certainty); several people speak at once' in page
    assert "hördes osäkert" not in page


def test_review_page_says_certainty_as_a_swedish_percentage_never_a_decimal_point(app) -> None:  # noqa: F811
    """A facilitator read "(p=0.24)" and "osäker (p=0.24)": an English decimal point and a letter nobody explained."""
    mid = add_meeting("sara")
    path = store.meeting_path(mid) / "transcript.json"
    transcript = Transcript.from_json(path.read_text(encoding="utf-8"))
    for seg in transcript.segments:
        seg.words = [Word(text=" " + w, start=seg.start, end=seg.end, probability=0.97) for w in seg.text.split()]
    transcript.segments[1].words[3].probability = 0.24  # "starta"
    path.write_text(transcript.to_json(), encoding="utf-8")
    minutes_path = store.meeting_path(mid) / "minutes.json"
    minutes = json.loads(minutes_path.read_text(encoding="utf-8"))
    minutes["decisions"][0].update(needs_review=True, review_reason=REASON)
    minutes_path.write_text(json.dumps(minutes, ensure_ascii=False), encoding="utf-8")
    page = as_user(app, "sara").get(f"/meetings/{mid}").text
    assert "osäkert igenkänt ord (igenkänningen 24 % säker)" in page
    assert "igenkänd med 21 % säkerhet" in page and "låg säkerhet (34 %)" in page
    assert not re.search(r"p=0[.,]|\(0\.\d", page)


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
