"""A meeting deleted by another reviewer while it stood open in a tab: the next save says it was deleted and
by whom (not "Kunde inte spara"), and someone who never had it open learns nothing about it."""

from __future__ import annotations

import threading

from tests.test_web import PASSWORD, add_meeting, app, as_user, csrf_of, post  # noqa: F401  (fixtures)


def _save(client, mid: str, text: str):
    token = csrf_of(client.get("/meetings").text)
    return client.post(f"/meetings/{mid}/segments/1", data={"text": text},
                       headers={"Accept": "application/json", "X-CSRF-Token": token})  # fmt: skip


def test_a_save_after_another_reviewer_deleted_the_meeting_names_the_deleter(app) -> None:  # noqa: F811
    mid = add_meeting("sara")
    sara, fia, sven = as_user(app, "sara"), as_user(app, "fia"), as_user(app, "sven")
    assert post(sara, f"/meetings/{mid}/share", {"name": "fia"}).status_code == 303
    assert fia.get(f"/meetings/{mid}").status_code == 200  # the facilitator has it open in her tab
    assert post(sara, f"/meetings/{mid}/delete").status_code == 303

    said = _save(fia, mid, "Vi beslutar att starta en läsecirkel.")
    assert said.status_code == 410, said.text
    assert said.json()["error"] == "deleted" and said.json()["message"] == "Mötet har tagits bort av sara."
    page = fia.get(f"/meetings/{mid}")
    assert page.status_code == 410 and "Mötet har tagits bort av sara." in page.text
    # without JavaScript the form posts to a page of its own: it says where the typed text still is
    token = csrf_of(fia.get("/meetings").text)
    plain = fia.post(f"/meetings/{mid}/segments/1", data={"text": "Vi startar en läsecirkel.", "csrf_token": token})
    assert plain.status_code == 410 and "gå tillbaka i webbläsaren, så står texten kvar" in plain.text
    fia.get("/lang/en")
    assert "The meeting was deleted by sara." in fia.get(f"/meetings/{mid}").text

    # sven never had it: the same answer as for a meeting that never existed
    for client in (sven, as_user(app, "sara")):
        assert client.get("/meetings/finnsinte").status_code == 404
    stranger = sven.get(f"/meetings/{mid}")
    assert stranger.status_code == 404 and "sara" not in stranger.text and "bort" not in stranger.text


def test_the_one_who_deleted_a_meeting_never_opened_is_told_it_is_gone(app) -> None:  # noqa: F811
    mid = add_meeting("sara")
    sara = as_user(app, "sara")
    assert post(sara, f"/meetings/{mid}/delete").status_code == 303  # deleted from the list, never opened
    gone = sara.get(f"/meetings/{mid}/export/transcript.txt")
    assert gone.status_code == 410 and "Mötet har tagits bort av sara." in gone.text


def test_a_save_waiting_while_the_meeting_is_deleted_names_the_deleter(app, monkeypatch) -> None:  # noqa: F811
    from transcribe.db import session
    from transcribe.tables import Meeting
    from transcribe.web import deletion, store

    mid = add_meeting("sara")
    sara, fia = as_user(app, "sara"), as_user(app, "fia")
    assert post(sara, f"/meetings/{mid}/share", {"name": "fia"}).status_code == 303
    assert fia.get(f"/meetings/{mid}").status_code == 200
    said = {}
    waiting, real_lock = threading.Event(), store.meeting_lock

    def lock(meeting_id: str):  # noqa: ANN202 - the meeting's FileLock
        if meeting_id == mid and threading.current_thread() is not threading.main_thread():
            waiting.set()  # the save has passed its checks and asks for the lock the deletion holds
        return real_lock(meeting_id)

    monkeypatch.setattr(store, "meeting_lock", lock)
    with real_lock(mid):  # a deletion under way: the save has to wait for it
        saving = threading.Thread(target=lambda: said.update(r=_save(fia, mid, "Vi beslutar att måla om.")))
        saving.start()
        # Deleting once the save waits (a fixed second let a loaded machine's save arrive after the deletion,
        # which the route refuses before any lock: the waiting save was then not tested); bounds end a broken test.
        assert waiting.wait(300), "the save never asked for the meeting's lock"
        with session() as s:
            meeting = s.get(Meeting, mid)
        deletion.delete_meeting(meeting, "sara")
    saving.join(300)
    assert said["r"].status_code == 410, said["r"].text
    assert said["r"].json()["message"] == "Mötet har tagits bort av sara."
