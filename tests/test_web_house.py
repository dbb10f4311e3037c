"""What a reviewer notices in the web app: a conclusion written again from what she reviewed is not asked
about a second time, and the date fields read and write ÅÅÅÅ-MM-DD whatever the browser's language."""

from __future__ import annotations

import re

from tests.test_web import add_meeting, app, as_user, fast_hashing, post  # noqa: F401, F811  (fixtures)
from transcribe.minutes.model import Conclusion


def test_conclusions_rewritten_from_reviewed_items_are_not_counted_unreviewed(app) -> None:  # noqa: F811
    from transcribe.web import store

    sara = as_user(app, "sara")
    mid = add_meeting("sara")
    edited = post(sara, f"/meetings/{mid}/items/d1", {"op": "edit", "text": "Mötet beslutade att starta en läsgrupp."})
    assert edited.status_code == 303
    minutes = store.load_minutes(mid)
    for item in [*minutes.themes, *minutes.mood.emotions, *minutes.actions, *minutes.not_decided,
                 minutes.next_meeting]:  # fmt: skip
        assert post(sara, f"/meetings/{mid}/items/{item.id}", {"op": "accept"}).status_code == 303
    minutes = store.load_minutes(mid)
    rewritten = [c for c in minutes.conclusions if isinstance(c, Conclusion) and c.status == "draft"]
    assert any("läsgrupp" in c.text for c in rewritten)  # the summary follows the edited decision
    page = sara.get(f"/meetings/{mid}").text
    assert "inte granskad" not in page, re.findall(r"<summary>[^<]*granskad[^<]*</summary>", page)
    assert "har ingen granskat" not in sara.get(f"/meetings/{mid}/approve/confirm").text
    post(sara, f"/meetings/{mid}/items/d1", {"op": "restore"})  # the decision itself unreviewed again: asked
    assert "inte granskad" in sara.get(f"/meetings/{mid}").text


def test_date_fields_show_the_swedish_format_not_the_browsers(app) -> None:  # noqa: F811
    sara = as_user(app, "sara")
    mid = add_meeting("sara")
    for page in (sara.get("/upload").text, sara.get(f"/meetings/{mid}").text):
        assert 'type="date"' not in page  # Chromium draws it mm/dd/yyyy in an English-speaking browser
        assert 'placeholder="ÅÅÅÅ-MM-DD"' in page
    saved = post(sara, f"/meetings/{mid}/items/a1", {"op": "edit", "due": "2026-01-15"})
    assert saved.status_code == 303
    assert 'value="2026-01-15"' in sara.get(f"/meetings/{mid}").text
    wrong = post(sara, f"/meetings/{mid}/items/a1", {"op": "edit", "due": "15/01/2026"})
    assert "error=bad_date" in wrong.headers["location"]


def test_the_admins_password_fields_say_what_they_are_for(app) -> None:  # noqa: F811
    page = as_user(app, "ada").get("/admin/users").text
    fields = re.findall(r'<input type="password"[^>]*>', page)
    assert len(fields) == 4 and all('placeholder="Nytt lösenord"' in f for f in fields), fields
