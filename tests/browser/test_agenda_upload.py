"""Upload a meeting with its dagordning in headless Chromium and see the protokoll's §§ on the review page.

Same real server, worker and system Chromium as test_web_browser.py (the fixtures in conftest.py).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.browser.web import ARTIFACTS, login
from tests.conftest import LOW_VOICE, synth_voice
from transcribe.audio import write_wav

pytestmark = pytest.mark.browser

AGENDA = """Dagordning styrelsemöte

1. Mötets öppnande
2. Val av justerare
3. Budget för nästa år
4. Lokalfrågan
5. Mötets avslutande
"""
CLIP = (
    "Jag förklarar mötet öppnat. Punkt två, val av justerare. Jag föreslår Anna. "
    "Punkt tre, budgeten för nästa år. Vi beslutar att anta budgeten. "
    "Punkt fyra om lokalen hoppar vi över. Jag förklarar mötet avslutat."
)


def test_upload_with_agenda_shows_paragraphs(server: str, browser, tmp_path: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    # the shaped voice the bundled samples use: Whisper base hears it far better than espeak's plain voice,
    # whose recognition differs from one CPU to another
    clip = tmp_path / "styrelse.wav"
    write_wav(clip, (synth_voice(tmp_path, LOW_VOICE, CLIP) * 32767).astype(np.int16))
    agenda = tmp_path / "dagordning.txt"
    agenda.write_text(AGENDA, encoding="utf-8")
    garbage = tmp_path / "anteckningar.txt"
    garbage.write_text("inga numrerade punkter här\n", encoding="utf-8")
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="sv-SE")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    login(page, f"{server}/meetings")

    def refused(agenda: Path) -> str:
        """What the upload form says of the recording sent with `agenda`."""
        page.goto(f"{server}/upload")
        page.set_input_files("#agenda-input", str(agenda))
        page.set_input_files("#file-input", str(clip))
        page.wait_for_selector("#file-list li")
        page.click("#upload-button")
        page.wait_for_selector("#file-list li.error")
        return page.inner_text("#file-list li.error")

    # an agenda without numbered items is refused with a message, and no meeting is created
    assert "Dagordningen kunde inte läsas" in refused(garbage)
    # in the English interface, in English: the parser's own reason, as the command line says it in Swedish
    pdf = tmp_path / "dagordning.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    page.goto(f"{server}/lang/en")
    said = refused(pdf)
    assert "The agenda could not be read: unknown format (.pdf); use .txt, .md or .docx" in said, said
    page.goto(f"{server}/lang/sv")
    errors.clear()  # the browser logs the refused requests (400) itself

    # with a real agenda the meeting is processed and reviewed by §
    page.goto(f"{server}/upload")
    page.fill("input[name=title]", "Styrelsemöte")
    page.fill("input[name=date]", "2026-11-16")
    page.set_input_files("#agenda-input", str(agenda))
    page.set_input_files("#file-input", str(clip))
    page.wait_for_selector("#file-list li")
    page.click("#upload-button")
    page.wait_for_url(f"{server}/meetings", timeout=30_000)
    assert page.locator(".meeting-actions a.button:has-text('Öppna')").count() <= 1
    page.wait_for_selector(".meeting-actions a.button:has-text('Öppna')", timeout=240_000)
    page.click(".meeting-actions a.button:has-text('Öppna')")
    page.wait_for_selector("#segments .segment")
    if page.locator("button[data-tab=minutes]").is_visible():  # the minutes pane is a tab on narrow layouts
        page.click("button[data-tab=minutes]")
    section = page.locator("#sec-protokoll")
    section.wait_for(state="attached")
    headings = [h.strip() for h in section.locator("li.para h4").all_inner_texts()]
    titles = ["Mötets öppnande", "Val av justerare", "Budget för nästa år", "Lokalfrågan", "Mötets avslutande"]
    for n, title in enumerate(titles, 1):
        assert any(h.startswith(f"§ {n} {title}") for h in headings), headings
    statuses = section.locator("li.para").evaluate_all("els => els.map(e => e.dataset.status)")
    assert set(statuses) <= {"behandlad", "ej behandlad", "övrigt"} and "behandlad" in statuses
    page.screenshot(path=str(ARTIFACTS / "review-protokoll.png"), full_page=True)
    assert not errors, errors
