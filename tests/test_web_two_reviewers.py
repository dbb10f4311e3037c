"""Two reviewers on one meeting, each in a tab: the one who saves second over an item the other changed
meanwhile is told who changed it and keeps her text, instead of overwriting the other's change unseen
(before: 'Sparat', and the first reviewer's wording gone from the minutes)."""

from __future__ import annotations

import re

from tests.test_web import add_meeting, app, as_user, csrf_of, post  # noqa: F401  (fixtures)
from transcribe.web import store


def _seen(html: str, item_id: str) -> str:
    form = re.search(rf'action="/meetings/\w+/items/{item_id}"[^>]*>(.*?)</form>', html, re.S)
    assert form, item_id
    return re.search(r'name="seen" value="([0-9a-f]+)"', form.group(1)).group(1)


def _save(client, mid: str, html: str, text: str, seen: str, as_json: bool = True):
    headers = {"Accept": "application/json", "X-CSRF-Token": csrf_of(html)} if as_json else {}
    data = {"op": "edit", "text": text, "seen": seen} | ({} if as_json else {"csrf_token": csrf_of(html)})
    return client.post(f"/meetings/{mid}/items/d1", data=data, headers=headers, follow_redirects=False)


def test_a_save_over_another_reviewers_change_is_refused_and_names_her(app) -> None:  # noqa: F811
    mid = add_meeting("sara")
    sara, fia = as_user(app, "sara"), as_user(app, "fia")
    assert post(sara, f"/meetings/{mid}/share", {"name": "fia"}).status_code == 303
    sara_page, fia_page = sara.get(f"/meetings/{mid}").text, fia.get(f"/meetings/{mid}").text
    assert _seen(sara_page, "d1") == _seen(fia_page, "d1")

    assert _save(sara, mid, sara_page, "Saras version av beslutet.", _seen(sara_page, "d1")).status_code == 200
    late = _save(fia, mid, fia_page, "Fias version av beslutet.", _seen(fia_page, "d1"))
    assert late.status_code == 409, late.text
    assert late.json()["message"].startswith("sara ändrade punkten medan du hade sidan öppen.")
    assert store.load_minutes(mid).decisions[0].text == "Saras version av beslutet."

    # without JavaScript the page comes back with the error and her own text in the field
    nojs = _save(fia, mid, fia_page, "Fias version av beslutet.", _seen(fia_page, "d1"), as_json=False)
    assert nojs.status_code == 303 and "error=changed" in nojs.headers["location"]
    shown = fia.get(nojs.headers["location"]).text
    assert "Fias version av beslutet." in shown and "sparar du igen ersätter den ändringen" in shown
    assert store.load_minutes(mid).decisions[0].text == "Saras version av beslutet."

    # once she has seen the change, her save goes through; a change to another item does not stop it
    fresh = fia.get(f"/meetings/{mid}").text
    token = {"Accept": "application/json", "X-CSRF-Token": csrf_of(fresh)}
    assert fia.post(f"/meetings/{mid}/items/a1", data={"op": "accept", "seen": _seen(fresh, "a1")},
                    headers=token).status_code == 200  # fmt: skip
    assert _save(fia, mid, fresh, "Fias version av beslutet.", _seen(fresh, "d1")).status_code == 200
    assert store.load_minutes(mid).decisions[0].text == "Fias version av beslutet."


def _segment_seen(html: str, seg: int) -> str:
    form = re.search(rf'action="/meetings/\w+/segments/{seg}"[^>]*>\s*<input[^>]*>\s*<input type="hidden" '
                     r'name="seen" value="([0-9a-f]+)"', html)  # fmt: skip
    assert form, seg
    return form.group(1)


def test_a_segment_corrected_by_another_reviewer_is_not_overwritten_unseen(app) -> None:  # noqa: F811
    mid = add_meeting("sara")
    sara, fia = as_user(app, "sara"), as_user(app, "fia")
    assert post(sara, f"/meetings/{mid}/share", {"name": "fia"}).status_code == 303
    sara_page, fia_page = sara.get(f"/meetings/{mid}").text, fia.get(f"/meetings/{mid}").text

    def save(client, html: str, text: str):
        headers = {"Accept": "application/json", "X-CSRF-Token": csrf_of(html)}
        data = {"text": text, "seen": _segment_seen(html, 2)}
        return client.post(f"/meetings/{mid}/segments/2", data=data, headers=headers)

    assert save(sara, sara_page, "Johan Berg tar fram ett förslag till nästa möte.").status_code == 200
    late = save(fia, fia_page, "Johan tar fram ett förslag till mötet.")
    assert late.status_code == 409 and late.json()["message"].startswith("sara ändrade segmentet"), late.text
    assert store.load_transcript(mid).segments[2].text == "Johan Berg tar fram ett förslag till nästa möte."
    fresh = fia.get(f"/meetings/{mid}").text  # another segment of hers saves as before
    headers = {"Accept": "application/json", "X-CSRF-Token": csrf_of(fresh)}
    ok = fia.post(f"/meetings/{mid}/segments/0", data={"text": "Hej och välkomna.", "seen": _segment_seen(fresh, 0)},
                  headers=headers)  # fmt: skip
    assert ok.status_code == 200, ok.text
