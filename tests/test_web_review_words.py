"""The review page's words as the facilitator reads them after approving: an item nobody looked at is
'ej granskad', not 'utkast' beside 'Godkänd version 1' (the locked protokoll holding 'drafts')."""

from __future__ import annotations

from tests.test_web import add_meeting, app, as_user, post  # noqa: F401  (fixtures)


def test_an_item_nobody_reviewed_is_called_so_also_in_the_approved_version(app) -> None:  # noqa: F811
    mid = add_meeting("sara")
    sara = as_user(app, "sara")
    assert post(sara, f"/meetings/{mid}/approve", {"confirmed": "1"}).status_code == 303
    page = sara.get(f"/meetings/{mid}").text
    assert "Godkänd version 1" in page
    assert '<span class="badge badge-draft">ej granskad</span>' in page
    assert '<span class="badge badge-draft">utkast</span>' not in page
    sara.get("/lang/en")
    assert '<span class="badge badge-draft">not reviewed</span>' in sara.get(f"/meetings/{mid}").text
