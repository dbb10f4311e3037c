"""The web app in headless Chromium against a real uvicorn server: upload, wait, review, approve, download.

The system Chromium and the server come from conftest.py and web.py. Screenshots of the review page
land in test-artifacts/ for a human to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.web import ARTIFACTS, login
from tests.conftest import speak

pytestmark = pytest.mark.browser

CLIP = (
    "Hej och välkomna. Jag heter Anna Lindqvist. Vi beslutar att starta en arbetsgrupp. "
    "Nästa möte blir den fjortonde december."
)


def test_upload_review_approve_download(server: str, browser, tmp_path: Path) -> None:
    from docx import Document

    ARTIFACTS.mkdir(exist_ok=True)
    clip = speak(CLIP, tmp_path / "meeting.wav", speed=150)
    context = browser.new_context(viewport={"width": 1366, "height": 768}, accept_downloads=True, locale="sv-SE")
    page = context.new_page()
    foreign: list[str] = []
    page.on("request", lambda r: None if r.url.startswith((server, "data:", "blob:")) else foreign.append(r.url))
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("dialog", lambda d: d.accept())

    login(page, f"{server}/meetings")

    # upload with the drag-and-drop form (XHR with progress), then wait for the worker
    page.goto(f"{server}/upload")
    page.fill("input[name=title]", "Nätverksmöte")
    page.fill("input[name=date]", "2025-11-20")
    page.fill("input[name=place]", "Kanalskolan")
    page.set_input_files("#file-input", str(clip))
    page.wait_for_selector("#file-list li")
    page.screenshot(path=str(ARTIFACTS / "upload-desktop.png"))
    page.click("#upload-button")
    page.wait_for_url(f"{server}/meetings")  # the upload's bound is the contexts' (conftest.ACTION_MS), not 30 s
    page.screenshot(path=str(ARTIFACTS / "meetings-desktop.png"))
    # The live status reloads until the job is done: a runner with Whisper and the diariser, ~25 CPU-s, is minutes
    # on a loaded machine (the jobs tests wait 480 s for the same); a passing run waits only until then.
    page.wait_for_selector(".meeting-actions a.button:has-text('Öppna')", timeout=480_000)
    page.click(".meeting-actions a.button:has-text('Öppna')")
    page.wait_for_selector("#segments .segment")

    # rename the first speaker in one place: every segment of that speaker follows
    page.eval_on_selector("#speakers", "d => { d.open = true; }")  # closed when all were named automatically
    page.fill(".speaker-form input[name=name] >> nth=0", "Anna Lindqvist")
    page.click(".speaker-form button[type=submit]")
    page.wait_for_selector("#segments .spk:has-text('Anna Lindqvist')")

    # the decision: edit it (or add one, backed by the segment clicked first, if the rules found none)
    if page.locator("#sec-decisions article.item").count() == 0:
        page.click("#seg-0 .seg-head")
        page.click("#sec-decisions details.add summary")
        page.fill("#sec-decisions details.add textarea[name=text]", "Starta en arbetsgrupp.")
        page.click("#sec-decisions details.add button[type=submit]")
        page.wait_for_selector("#sec-decisions article.item")
    page.fill("#sec-decisions article.item >> nth=0 >> textarea[name=text]", "Vi startar en arbetsgrupp för läsning.")
    page.click("#sec-decisions article.item >> nth=0 >> button[value=edit]")
    page.wait_for_selector("#sec-decisions article.item.status-edited")
    assert page.input_value("#sec-decisions article.item >> nth=0 >> textarea[name=text]") == (
        "Vi startar en arbetsgrupp för läsning."
    )

    # an evidence link seeks the player and the playing segment is highlighted
    page.click("#sec-decisions article.item >> nth=0 >> .evidence [data-seek]")
    start = float(page.get_attribute("#sec-decisions article.item >> nth=0 >> .evidence [data-seek]", "data-seek"))
    page.wait_for_function(f"Math.abs(document.getElementById('player').currentTime - {start}) < 1.5")
    page.wait_for_selector(".segment.playing")
    page.evaluate("document.getElementById('player').pause()")
    page.goto(page.url.split("#")[0])
    page.wait_for_selector("#segments .segment")
    page.screenshot(path=str(ARTIFACTS / "review-desktop.png"))

    mobile = context.new_page()
    mobile.set_viewport_size({"width": 390, "height": 844})
    mobile.goto(page.url)
    mobile.wait_for_selector("#segments .segment")
    mobile.screenshot(path=str(ARTIFACTS / "review-mobile.png"))
    mobile.click(".tabs button[data-tab=minutes]")
    mobile.screenshot(path=str(ARTIFACTS / "review-mobile-minutes.png"), full_page=True)
    mobile.close()

    # approve: the version locks
    page.click("#approve")
    page.wait_for_selector(".badge:has-text('Godkänd version 1')")
    assert page.locator("#segments textarea").count() == 0

    # download the DOCX from the export menu and open it
    page.click("details.menu summary")
    with page.expect_download() as info:
        page.click("a[data-export=minutes-docx]")
    path = tmp_path / "minutes.docx"
    info.value.save_as(path)
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert "Vi startar en arbetsgrupp för läsning." in text

    page.goto(page.url.split("#")[0] + "/history")
    page.screenshot(path=str(ARTIFACTS / "history-desktop.png"))

    assert not foreign, foreign
    assert not [e for e in errors if "Content Security Policy" in e or "Refused" in e], errors
    context.close()


def test_speaker_tools_and_uncertain_words(server: str, browser) -> None:
    """Voice profiles on the review page, on a meeting written straight to disk (no pipeline): confirm a
    voice-profile proposal, move a segment with the select beside its time, split by clicking segments."""
    from tests.test_web import add_meeting
    from transcribe.fsutil import atomic_write_text
    from transcribe.minutes.model import Minutes
    from transcribe.transcript import Transcript, Word
    from transcribe.web import store

    ARTIFACTS.mkdir(exist_ok=True)
    mid = add_meeting("sara")
    d = store.meeting_path(mid)
    t = Transcript.from_json((d / "transcript.json").read_text(encoding="utf-8"))
    t.speakers[1].proposed_name, t.speakers[1].proposal_score = "Johan", 0.74
    seg = t.segments[1]
    seg.words = [
        Word(start=2.0 + i * 0.3, end=2.3 + i * 0.3, text=w, probability=p)
        for i, (w, p) in enumerate(
            [
                (" Vi", 0.9),
                (" beslutar", 0.41),
                (" att", 0.9),
                (" starta", 0.9),
                (" en", 0.9),
                (" arbetsgrupp", 0.28),
                (" för", 0.9),
                (" läsfrämjande.", 0.9),
            ]
        )
    ]
    atomic_write_text(d / "transcript.json", t.to_json())
    m = Minutes.from_json((d / "minutes.json").read_text(encoding="utf-8"))
    m.decisions[0].needs_review = True
    m.decisions[0].review_reason = "Kontrollera mot ljudet: ordet ”arbetsgrupp” hördes osäkert (p=0.28)"
    atomic_write_text(d / "minutes.json", m.to_json())

    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="sv-SE")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("dialog", lambda dlg: dlg.accept())
    login(page, f"{server}/meetings/{mid}", then="#segments .segment")
    assert page.locator("#seg-1 mark.low").count() == 2
    page.screenshot(path=str(ARTIFACTS / "review-speakers-desktop.png"))

    page.click("button[name=confirm][value=SPEAKER_01]")
    page.wait_for_selector("#seg-1 select.spk-select option[selected]:has-text('Johan')", state="attached")
    page.select_option("#seg-3 select.spk-select", "SPEAKER_00")  # saves on change
    page.wait_for_selector("#seg-3 select.spk-select option[value=SPEAKER_00][selected]", state="attached")

    page.eval_on_selector("#speakers", "d => { d.open = true; }")
    page.click("#split-tool summary")
    page.click("#seg-2 .seg-no")
    page.click("#seg-4 .seg-no")
    assert page.input_value("#split-segments") == "2, 4"
    assert page.locator(".segment.marked-split").count() == 2
    page.click("#split-tool button[type=submit]")
    page.wait_for_selector("#seg-2 select.spk-select option[value=SPEAKER_02][selected]", state="attached")
    page.screenshot(path=str(ARTIFACTS / "review-speakers-after.png"))
    t = store.load_transcript(mid)
    assert [s.speaker for s in t.segments] == ["SPEAKER_00", "SPEAKER_01", "SPEAKER_02", "SPEAKER_00", "SPEAKER_02"]
    assert t.speakers[1].name == "Johan" and t.speakers[1].name_source == "reviewer"
    assert not [e for e in errors if "Content Security Policy" in e or "Refused" in e], errors
    context.close()
