"""What a new user of the web app reads first: the empty meetings list says what that user can do."""

from __future__ import annotations

from tests.test_web import app, as_user, fast_hashing  # noqa: F401, F811  (fixtures)


def test_an_empty_list_tells_a_facilitator_to_wait_for_a_share_not_to_upload(app) -> None:  # noqa: F811
    fia = as_user(app, "fia")
    page = fia.get("/meetings").text
    assert "Inga möten har delats med dig än" in page
    assert "Ladda upp en inspelning" not in page  # a facilitator may not upload (the upload page answers 403)
    assert fia.get("/upload").status_code == 403
    sara = as_user(app, "sara")
    assert "Ladda upp en inspelning för att börja" in sara.get("/meetings").text
