"""The protokoll reviewed in headless Chromium: a decision put under another § is where the Word export has it.

The meeting (held by an agenda) is written straight to the meeting folder as a finished job leaves it
(tests/test_web_agenda_review.py); the server, worker and Chromium are those of the other browser tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from tests.browser.web import login
from tests.test_web_agenda_review import add_board_meeting

pytestmark = pytest.mark.browser


def test_decision_moved_under_another_paragraph_in_the_word_export(server: str, browser, tmp_path: Path) -> None:
    mid = add_board_meeting()
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="sv-SE", accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    login(page, f"{server}/meetings/{mid}", then="#sec-protokoll")
    if page.locator("button[data-tab=minutes]").is_visible():  # the minutes pane is a tab on narrow layouts
        page.click("button[data-tab=minutes]")
    card = page.locator("#sec-decisions article", has_text="rensa cykelrummet")
    assert card.locator("select[name=filed_under] option:checked").inner_text() == "Där det sades (§ 4 Cykelrummet)"
    card.locator("select[name=filed_under]").select_option("3")
    card.locator("button[value=edit]").click()
    page.wait_for_selector("#save-status:has-text('Sparat')")
    page.reload()
    page.wait_for_selector("#sec-protokoll")
    moved = page.locator("#sec-protokoll li.para[data-number='3'] .decision")
    assert "rensa cykelrummet i maj" in " ".join(moved.all_inner_texts())
    assert page.locator("#sec-protokoll li.para[data-number='4'] .decision").count() == 0

    page.click("summary:has-text('Exportera')")
    with page.expect_download() as download:
        page.click("a[data-export=minutes-docx]")
    path = tmp_path / "protokoll.docx"
    download.value.save_as(path)
    paragraphs = Document(str(path)).paragraphs
    headings = [p.text for p in paragraphs if p.style.name == "Heading 1"]
    assert headings[:6] == ["§ 1 Mötets öppnande", "§ 2 Godkännande av dagordningen", "§ 3 Fönsterbytet",
                            "§ 4 Cykelrummet", "§ 5 Hemsidan", "§ 6 Mötets avslutande"]  # fmt: skip
    texts = [p.text for p in paragraphs]
    under_3 = texts[texts.index("§ 3 Fönsterbytet") : texts.index("§ 4 Cykelrummet")]
    under_4 = texts[texts.index("§ 4 Cykelrummet") : texts.index("§ 5 Hemsidan")]
    assert any("rensa cykelrummet i maj" in t for t in under_3)
    assert not any(t.startswith("Beslut: ") for t in under_4)
    assert not errors, errors
    context.close()
