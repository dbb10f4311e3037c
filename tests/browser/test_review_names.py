"""In headless Chromium: the approval dialog names the speakers still without a name, the upload list gives
sizes as a Swedish reader writes them, and a keyboard user skips the header (the fixtures in conftest.py: real
server, system Chromium)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.web import answer_no, login

pytestmark = pytest.mark.browser


def test_approval_dialog_names_the_nameless_speakers(server: str, browser, tmp_path: Path) -> None:
    from tests.test_web import add_meeting
    from transcribe.web import store

    mid = add_meeting("sara")
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    login(page, f"{server}/meetings/{mid}", then="#approve")
    asked = answer_no(page, "#approve")
    assert asked and "Talare utan namn står så i protokollet: SPEAKER_00, SPEAKER_01" in asked[0], asked
    assert asked[0].endswith("Godkänna protokollet ändå?")
    assert not store.meeting_path(mid).joinpath("versions").exists()


def test_upload_list_sizes_in_swedish(server: str, browser, tmp_path: Path) -> None:
    small, large = tmp_path / "kort.m4a", tmp_path / "möte.wav"
    small.write_bytes(b"x" * 50_000)
    large.write_bytes(b"x" * 3_900_000)
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    login(page, f"{server}/upload", then="#file-input")
    page.set_input_files("#file-input", [str(small), str(large)])
    listed = page.inner_text("#file-list")
    assert "kort.m4a (49 kB)" in listed and "möte.wav (3,7 MB)" in listed, listed


def test_keyboard_skips_the_header_to_the_review(server: str, browser) -> None:
    from tests.test_web import add_meeting

    mid = add_meeting("sara")
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    login(page, f"{server}/meetings/{mid}", then="#approve")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Hoppa till innehållet"
    assert page.eval_on_selector(".skip-link", "e => e.getBoundingClientRect().top >= 0")  # seen once focused
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('main')"), page.evaluate("document.activeElement.outerHTML")
