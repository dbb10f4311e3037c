"""The upload form's date in headless Chromium with an English browser: it shows ÅÅÅÅ-MM-DD (a date input
draws mm/dd/yyyy there) and a date written another way is refused, before any upload, in Swedish."""

from __future__ import annotations

import pytest

from tests.browser.web import login

pytestmark = pytest.mark.browser


def test_the_date_reads_swedish_in_an_english_browser(server: str, browser) -> None:
    context = browser.new_context(viewport={"width": 1100, "height": 900}, locale="en-US")
    page = context.new_page()
    login(page, f"{server}/upload", then="input[name=date]")
    date = page.locator("input[name=date]")
    assert date.get_attribute("placeholder") == "ÅÅÅÅ-MM-DD"
    date.fill("11/20/2026")
    assert date.evaluate("e => e.checkValidity()") is False
    assert date.evaluate("e => e.validationMessage") == "Datumet ska skrivas ÅÅÅÅ-MM-DD."
    date.fill("2026-11-20")  # typing clears the message: a right date passes
    assert date.evaluate("e => e.checkValidity()") is True
    context.close()
