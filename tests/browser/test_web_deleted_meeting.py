"""A reviewer saves an edit after another reviewer deleted the meeting in another tab: the page says it was
deleted and by whom, and hands back the typed text to copy (before: "Kunde inte spara" and nothing more)."""

from __future__ import annotations

import pytest

from tests.browser.web import ARTIFACTS, login
from tests.test_web import add_meeting

pytestmark = pytest.mark.browser


def test_an_edit_saved_after_the_meeting_was_deleted_is_handed_back(server: str, browser) -> None:
    from transcribe.db import session
    from transcribe.tables import Meeting
    from transcribe.web.deletion import delete_meeting

    mid = add_meeting("sara")
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="sv-SE")
    page = context.new_page()
    login(page, f"{server}/meetings/{mid}", then="#segments .segment")
    typed = "Johan Berg och Eva Lind tar fram ett förslag"
    page.fill("#item-a1 input[name=what]", typed)
    with session() as s:
        meeting = s.get(Meeting, mid)
    delete_meeting(meeting, "ada")  # the other reviewer, in her own tab
    page.click("#item-a1 button[value=edit]")
    kept = page.wait_for_selector(".kept-text")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "deleted-meeting-kept-text.png"))
    assert "Mötet har tagits bort av ada." in kept.inner_text()
    assert typed in page.input_value(".kept-text textarea")
    assert "Kunde inte spara" not in page.inner_text("body")
    context.close()
