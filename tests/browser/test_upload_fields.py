"""The upload form's file fields in headless Chromium: Swedish buttons and the chosen file's name in Swedish
(never the browser's own "Choose File / No file chosen"), usable with the keyboard alone.

Same real server and system Chromium as the other browser tests (the fixtures in conftest.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.browser.web import ARTIFACTS, login

pytestmark = pytest.mark.browser


def unseen(page, selector: str) -> bool:
    """The element takes no visible room (the native file input behind the Swedish button)."""
    return page.eval_on_selector(
        selector,
        "e => { const r = e.getBoundingClientRect(); return getComputedStyle(e).opacity === '0' && r.width <= 1; }",
    )


def test_file_fields_speak_swedish_and_work_from_the_keyboard(server: str, browser, tmp_path: Path) -> None:
    from axe_playwright_python.sync_playwright import Axe

    ARTIFACTS.mkdir(exist_ok=True)
    agenda = tmp_path / "dagordning.txt"
    agenda.write_text("1. Mötets öppnande\n2. Mötets avslutande\n", encoding="utf-8")
    clips = [tmp_path / "styrelse.wav", tmp_path / "årsmöte.m4a"]
    for clip in clips:
        clip.write_bytes(b"RIFF")
    context = browser.new_context(viewport={"width": 1100, "height": 900}, locale="sv-SE")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    login(page, f"{server}/upload", then="#agenda-input")

    # what a secretary sees before choosing anything: Swedish buttons, 'Ingen fil vald', no native control
    assert page.inner_text("#agenda-choose") == "Välj fil …"
    assert page.inner_text("#file-choose") == "Välj filer …"
    assert page.inner_text("#agenda-chosen") == page.inner_text("#file-chosen") == "Ingen fil vald"
    assert unseen(page, "#agenda-input") and unseen(page, "#file-input")
    assert not page.is_visible("#agenda-clear")

    # keyboard only: Tab from the word list reaches the agenda's button, which shows focus, and Space opens
    # the file chooser; the chosen file's name replaces 'Ingen fil vald'
    page.focus("textarea[name=vocabulary]")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "agenda-input"
    assert page.eval_on_selector("#agenda-choose", "e => getComputedStyle(e).outlineStyle") != "none"
    chooser = space_opens_chooser(page, "#agenda-input")
    chooser.set_files(str(agenda))
    assert page.inner_text("#agenda-chosen") == "dagordning.txt"
    page.screenshot(path=str(ARTIFACTS / "upload-agenda-chosen.png"), full_page=True)

    # the next Tab is 'Ta bort', which takes the agenda back and returns focus to its button
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "agenda-clear"
    page.keyboard.press("Enter")
    assert page.inner_text("#agenda-chosen") == "Ingen fil vald"
    assert page.eval_on_selector("#agenda-input", "e => e.files.length") == 0
    assert page.evaluate("document.activeElement.id") == "agenda-input" and not page.is_visible("#agenda-clear")

    # recordings: one chosen is named, several are counted
    page.set_input_files("#file-input", str(clips[0]))
    assert page.inner_text("#file-chosen") == "styrelse.wav"
    page.set_input_files("#file-input", [str(c) for c in clips])
    assert page.inner_text("#file-chosen") == "2 filer valda"
    assert page.locator("#file-list li").count() == 2

    # the fields have names a screen reader reads out, and axe-core finds nothing serious on the page
    results = Axe().run(page).response
    (ARTIFACTS / "upload-axe.json").write_text(json.dumps(results["violations"], ensure_ascii=False, indent=1))
    assert [v["id"] for v in results["violations"] if v.get("impact") in ("serious", "critical")] == []
    assert not errors, errors
    context.close()


def space_opens_chooser(page, selector: str):  # noqa: ANN001, ANN201 - playwright's Page and FileChooser
    """The file chooser that Space on the focused field opens. A loaded CI machine once lost the first keypress
    (no chooser in 30 s), so it is pressed once more, on the field focused again, before the test fails."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout  # as the conftest: only where a browser runs

    for wait_ms in (15_000, 45_000):
        try:
            with page.expect_file_chooser(timeout=wait_ms) as chooser:
                page.keyboard.press("Space")
            return chooser.value
        except PlaywrightTimeout:
            page.focus(selector)
    pytest.fail(f"Space on {selector} opened no file chooser")


def test_a_small_or_empty_file_shows_its_size_in_bytes(server: str, browser, tmp_path: Path) -> None:
    empty, tiny = tmp_path / "tom.wav", tmp_path / "liten.mp3"
    empty.write_bytes(b"")
    tiny.write_bytes(b"hej\n")
    page = browser.new_context(viewport={"width": 1100, "height": 900}, locale="sv-SE").new_page()
    login(page, f"{server}/upload", then="#file-input")
    page.set_input_files("#file-input", [str(empty), str(tiny)])
    page.wait_for_selector("#file-list li")
    listed = page.inner_text("#file-list")
    assert "tom.wav (0 byte)" in listed and "liten.mp3 (4 byte)" in listed, listed
    assert "1 kB" not in listed
    page.context.close()
