"""A new user's first hour in the web app: the empty meetings list says what that user can do, and two
reviewers approving the same draft at once lock one version."""

from __future__ import annotations

import threading

from tests.test_web import add_meeting, app, as_user, fast_hashing, post  # noqa: F401, F811  (fixtures)


def test_an_empty_list_tells_a_facilitator_to_wait_for_a_share_not_to_upload(app) -> None:  # noqa: F811
    fia = as_user(app, "fia")
    page = fia.get("/meetings").text
    assert "Inga möten har delats med dig än" in page
    assert "Ladda upp en inspelning" not in page  # a facilitator may not upload (the upload page answers 403)
    assert fia.get("/upload").status_code == 403
    sara = as_user(app, "sara")
    assert "Ladda upp en inspelning för att börja" in sara.get("/meetings").text


def test_two_reviewers_approving_at_once_make_one_version(app, monkeypatch) -> None:  # noqa: F811
    from transcribe.db import session
    from transcribe.tables import Meeting
    from transcribe.web import routes_review, store

    sara, ada = as_user(app, "sara"), as_user(app, "ada")
    mid = add_meeting("sara")
    # Each wait ends when both requests get there; the bound only ends a broken test (at 20 s, the second
    # request's login and check on a loaded machine could break the barrier and answer 500).
    both_checked = threading.Barrier(2, timeout=300)
    check = routes_review.editable_meeting

    def checked_together(user, meeting_id):  # both requests pass the check before either locks the meeting
        meeting = check(user, meeting_id)
        both_checked.wait()
        return meeting

    monkeypatch.setattr(routes_review, "editable_meeting", checked_together)
    codes: dict[str, int] = {}

    def approve(name: str, client) -> None:
        codes[name] = post(client, f"/meetings/{mid}/approve", {"confirmed": "1"}).status_code

    threads = [threading.Thread(target=approve, args=(n, c)) for n, c in (("sara", sara), ("ada", ada))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)
    assert sorted(codes.values()) == [303, 409], codes
    with session() as s:
        assert s.get(Meeting, mid).version == 1
    versions = store.meeting_path(mid) / "versions"
    assert sorted(p.name for p in versions.iterdir()) == ["v1"]


def test_an_error_page_keeps_the_signed_in_menu(app) -> None:  # noqa: F811
    sara = as_user(app, "sara")
    page = sara.get("/meetings/finns-inte")
    assert page.status_code == 404 and "Sidan eller mötet finns inte" in page.text
    assert "Logga ut" in page.text and "sara" in page.text and 'href="/upload"' in page.text
    fia = as_user(app, "fia")
    forbidden = fia.get("/upload")
    assert forbidden.status_code == 403 and "Logga ut" in forbidden.text and 'href="/upload"' not in forbidden.text
    from fastapi.testclient import TestClient

    nobody = TestClient(app).get("/finns-inte", follow_redirects=False)
    assert "Logga ut" not in nobody.text
