"""Editing the minutes of a meeting that has no draft (only its transcript): the reviewer is told so in Swedish,
nothing is written, and the transcript is left as it was."""

from __future__ import annotations

from tests.test_web import add_meeting, app, as_user, fast_hashing, post  # noqa: F401, F811  (fixtures)
from transcribe.web import store


def test_an_item_edit_or_addition_without_a_draft_says_so(app) -> None:  # noqa: F811
    sara = as_user(app, "sara")
    mid = add_meeting("sara")
    store.meeting_path(mid).joinpath("minutes.json").unlink()
    transcript = store.meeting_path(mid).joinpath("transcript.json").read_bytes()
    for url, data in ((f"/meetings/{mid}/items/d1", {"op": "edit", "text": "Ny lydelse."}),
                      (f"/meetings/{mid}/items", {"section": "decisions", "text": "Ett beslut."})):  # fmt: skip
        r = post(sara, url, data, headers={"Accept": "application/json"})
        assert r.status_code >= 400 and "Det finns inget protokollutkast." in r.text, (url, r.status_code, r.text)
    assert not store.meeting_path(mid).joinpath("minutes.json").exists()
    assert store.meeting_path(mid).joinpath("transcript.json").read_bytes() == transcript
