"""The review page as a secretary uses it, in headless Chromium: saving keeps her place, the summary
follows the items (on the page and in the DOCX), approving asks about unreviewed items, the history
reads as Swedish sentences, typed text survives errors, and axe-core finds no serious violations.

The meeting is written straight to disk (no pipeline). Screenshots land in test-artifacts/.
"""

from __future__ import annotations

import io
import json
import math
import struct
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.web import ARTIFACTS, PASSWORD, USER, answer_no, login, serving

pytestmark = pytest.mark.browser

WORDS = "vi pratade om läsfrämjande och om hur skolan kan samarbeta med biblioteket i höst".split()


@pytest.fixture(scope="module")
def server_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("review-ux")


@pytest.fixture(autouse=True)
def _isolated_data_dir(server_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The module's server and its tests share one data directory (overrides the per-test one)."""
    monkeypatch.setenv("TRANSCRIBE_DATA_DIR", str(server_data))


@pytest.fixture(scope="module")
def server(server_data: Path) -> Iterator[str]:
    """One server for the module, without the job worker (the meetings are written straight to disk)."""
    from argon2 import PasswordHasher

    data = server_data
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TRANSCRIBE_DATA_DIR", str(data))
        # Argon2 at production cost makes each login slow on a busy machine; the scheme is the same.
        mp.setattr("transcribe.web.auth._hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
        from transcribe.web.app import create_app
        from transcribe.web.auth import create_user

        app = create_app(data_dir=data, start_worker=False)
        create_user(USER, PASSWORD, "secretary")
        with serving(app) as url:
            yield url


def _tone_wav(path: Path, seconds: float) -> Path:
    """A quiet tone the player can load and play (silence would do, but a tone proves playback moves)."""
    rate = 8000
    frames = b"".join(
        struct.pack("<h", int(800 * math.sin(2 * math.pi * 220 * i / rate))) for i in range(int(rate * seconds))
    )
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(frames)
    return path


def _meeting(tmp_path: Path) -> str:
    """40 segments of a poorly recognised meeting (most words p≈0.4, a few far worse); no decisions yet."""
    from tests.test_web import add_meeting, sample_minutes, two_speaker_meeting
    from transcribe.fsutil import atomic_write_text
    from transcribe.minutes.summary import describe, refresh
    from transcribe.transcript import Segment, Word
    from transcribe.web import store

    mid = add_meeting("sara", with_audio=_tone_wav(tmp_path / "m.wav", 125.0))
    segments = []
    for i in range(40):
        words = []
        for j, w in enumerate(WORDS[: 8 + i % 6]):
            p = 0.08 if (i % 7 == 3 and j == 2) else 0.38 + 0.02 * (j % 4)
            words.append(Word(start=i * 3 + j * 0.3, end=i * 3 + j * 0.3 + 0.25, text=" " + w, probability=p))
        segments.append(
            Segment(
                id=i,
                start=i * 3.0,
                end=i * 3.0 + 2.8,
                text=" ".join(w.text.strip() for w in words),
                speaker=f"SPEAKER_0{i % 2}",
                words=words,
            )
        )
    t = two_speaker_meeting(segments, 125.0)
    m = sample_minutes(t)
    m.decisions, m.conclusions = [], []
    m.description = describe(m)
    refresh(m)
    d = store.meeting_path(mid)
    atomic_write_text(d / "transcript.json", t.to_json())
    atomic_write_text(d / "minutes.json", m.to_json())
    return mid


def _in_view(page, selector: str) -> bool:
    return page.eval_on_selector(
        selector,
        """el => {
        const r = el.getBoundingClientRect();
        const pane = el.closest('.pane');
        const box = pane && pane.scrollHeight > pane.clientHeight ? pane.getBoundingClientRect()
                    : {top: 0, bottom: window.innerHeight};
        return r.bottom > Math.max(0, box.top) && r.top < Math.min(window.innerHeight, box.bottom);
    }""",
    )


def _docx_text(page, tmp_path: Path, name: str) -> str:
    from docx import Document

    page.click("details.menu summary")
    with page.expect_download() as info:
        page.click("a[data-export=minutes-docx]")
    path = tmp_path / name
    info.value.save_as(path)
    page.keyboard.press("Escape")
    page.eval_on_selector("details.menu", "d => { d.open = false; }")
    return "\n".join(p.text for p in Document(io.BytesIO(path.read_bytes())).paragraphs)


def test_save_keeps_place_summary_follows_items_and_approval_asks(server: str, browser, tmp_path: Path) -> None:
    from transcribe.web import store

    ARTIFACTS.mkdir(exist_ok=True)
    mid = _meeting(tmp_path)
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="sv-SE", accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    login(page, f"{server}/meetings/{mid}", then="#segments .segment")
    page.evaluate("window.__sameDocument = true")  # gone if anything reloads the page

    # The player stands at segment 10, as in the report; following playback is off until asked for.
    assert not page.is_checked("#follow")
    page.evaluate("document.getElementById('player').currentTime = 31")
    page.click("#seg-0 .seg-marked")
    page.keyboard.press("End")
    page.keyboard.type(" tack")
    page.click("#seg-0 button.save")
    page.wait_for_selector("#save-status:has-text('Sparat')")
    assert page.evaluate("window.__sameDocument") is True
    assert _in_view(page, "#seg-0"), "the edited line scrolled away"
    assert page.evaluate("document.activeElement.closest('.segment')?.id") == "seg-0"
    assert store.load_transcript(mid).segments[0].text.endswith("tack")
    page.screenshot(path=str(ARTIFACTS / "review-ux-saved-desktop.png"))

    # Adding a decision rewrites the description at once, and the DOCX agrees.
    description = page.input_value("textarea[name=description]")
    assert "inga beslut" in description
    page.fill("#item-t1 input[name=heading]", "Läsfrämjande i höst")  # typed, not saved yet
    page.click("#seg-2 .seg-head .seg-no")
    page.click("#add-decisions summary")
    page.fill("#add-decisions textarea[name=text]", "Mötet beslutade att starta en läsgrupp.")
    page.click("#add-decisions button[type=submit]")
    page.wait_for_selector("#sec-decisions article.item")
    assert page.evaluate("window.__sameDocument") is True
    description = page.input_value("textarea[name=description]")
    assert "inga beslut" not in description and "ett beslut" in description
    assert page.input_value("#item-t1 input[name=heading]") == "Läsfrämjande i höst"  # re-rendering kept it
    assert page.locator("#sec-conclusions :text('Mötet enades om att starta en läsgrupp.')").count() >= 1
    docx = _docx_text(page, tmp_path, "draft.docx")
    assert "Protokollutkast" in docx and "inga beslut" not in docx and "fattade ett beslut" in docx

    # Accept one item: its card is re-rendered, "Sparat" shows, focus stays in the card.
    page.click("#sec-actions article.item >> nth=0 >> button[value=accept]")
    page.wait_for_selector("#sec-actions article.item.status-accepted")
    assert page.evaluate("document.activeElement.closest('article.item')?.id") == "item-a1"

    # Approving with items nobody reviewed asks first and names them; saying no changes nothing.
    asked = answer_no(page, "#approve")
    assert asked and "punkter har ingen granskat än" in asked[0] and "Teman: Läsfrämjande" in asked[0], asked
    assert "Åtgärder: Ta fram ett förslag" not in asked[0]  # accepted above
    assert not store.meeting_path(mid).joinpath("versions").exists()
    page.once("dialog", lambda d: d.accept())
    page.click("#approve")
    page.wait_for_selector(".badge:has-text('Godkänd version 1')")
    assert page.inner_text("#minutes h2") == "Protokoll"
    page.screenshot(path=str(ARTIFACTS / "review-ux-approved-desktop.png"))
    docx = _docx_text(page, tmp_path, "approved.docx")
    assert "Protokollutkast" not in docx
    first = docx.splitlines()[1]
    assert first.startswith("Protokoll · version 1 · godkänt ") and first.endswith(" av sara"), first

    # The history in words: who, what, and the edited text as a diff.
    page.goto(f"{server}/meetings/{mid}/history")
    rows = page.inner_text("table.history")
    for needle in (
        "Lade till beslut",
        "Mötet beslutade att starta en läsgrupp.",
        "Godkände åtgärd",
        "Ändrade texten i segment 0",
        "Godkände protokollet, version 1",
        "sara",
    ):
        assert needle in rows, needle
    assert page.inner_text("table.history ins") == "tack"
    assert "accept a1" not in rows and "add decisions" not in rows
    page.screenshot(path=str(ARTIFACTS / "history-ux-desktop.png"), full_page=True)
    assert not [e for e in errors if "Content Security Policy" in e or "Refused" in e], errors
    context.close()


def test_typed_text_survives_errors_with_and_without_js(server: str, browser, tmp_path: Path) -> None:
    mid = _meeting(tmp_path)
    typed = "Boka lokal till nästa träff"
    for js in (True, False):
        context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="sv-SE", java_script_enabled=js)
        page = context.new_page()
        login(page, f"{server}/meetings/{mid}", then="#segments .segment")
        page.click("#add-actions summary")
        page.fill("#add-actions input[name=what]", typed)
        page.fill("#add-actions input[name=owner]", "Johan")
        page.click("#add-actions button[type=submit]")  # no passage chosen as evidence
        page.wait_for_selector("#add-actions .field-error")
        assert "Välj ett segment" in page.inner_text("#add-actions .field-error")
        assert page.input_value("#add-actions input[name=what]") == typed
        assert page.input_value("#add-actions input[name=owner]") == "Johan"
        assert page.get_attribute("#add-actions input[name=segment_id]", "aria-invalid") == "true"
        if js:  # logged out meanwhile: the edit says so and stays in the field
            page.fill("#item-a1 input[name=owner]", "Eva Berg")
            context.clear_cookies()
            page.click("#item-a1 button[value=edit]")
            page.wait_for_selector("#item-a1 .save-note.error:has-text('Du har loggats ut')")
            assert page.input_value("#item-a1 input[name=owner]") == "Eva Berg"
        context.close()

    # An expired login form is shown again, with the name kept, instead of a bare 403 page.
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    page.goto(f"{server}/login")
    page.fill("input[name=name]", "sara")
    page.fill("input[name=password]", PASSWORD)
    context.clear_cookies()  # the session (and its token) expired while the form stood open
    page.click("button[type=submit].primary")
    page.wait_for_selector("text=Sidan hade legat öppen för länge")
    assert page.input_value("input[name=name]") == "sara"
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit].primary")
    page.wait_for_url(f"{server}/meetings")
    context.close()


def test_uncertainty_keyboard_phone_and_accessibility(server: str, browser, tmp_path: Path) -> None:
    from axe_playwright_python.sync_playwright import Axe

    ARTIFACTS.mkdir(exist_ok=True)
    mid = _meeting(tmp_path)
    axe = Axe()
    for old in ARTIFACTS.glob("axe-*.json"):
        old.unlink()
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="sv-SE")
    page = context.new_page()
    login(page, f"{server}/meetings/{mid}", then="#segments .segment")

    # Graded: in a meeting where most words are p≈0.4 only the far worse ones are marked by default.
    all_words = page.locator("#segments mark").count()
    marked = page.locator("#segments mark.low").count()
    assert 0 < marked <= all_words / 10, (marked, all_words)
    assert page.eval_on_selector("#segments mark.unc", "m => getComputedStyle(m).backgroundColor") == "rgba(0, 0, 0, 0)"
    page.check("#unc-all")
    assert page.eval_on_selector("#segments mark.unc", "m => getComputedStyle(m).backgroundColor") != "rgba(0, 0, 0, 0)"
    page.uncheck("#unc-all")

    # Keyboard only: Alt+N goes to the next uncertain passage, Alt+K plays, Alt+J goes back 5 s, speed applies.
    page.focus("#speed")
    page.keyboard.press("Alt+N")
    assert page.evaluate("document.querySelector('.segment.selected').id") == "seg-3"
    page.keyboard.press("Alt+N")
    assert page.evaluate("document.querySelector('.segment.selected').id") == "seg-10"
    assert abs(page.evaluate("document.getElementById('player').currentTime") - 30.0) < 0.5
    page.select_option("#speed", "1.5")
    assert page.evaluate("document.getElementById('player').playbackRate") == 1.5
    page.keyboard.press("Alt+K")
    page.wait_for_function("!document.getElementById('player').paused")
    page.keyboard.press("Alt+K")
    page.wait_for_function("document.getElementById('player').paused")
    page.keyboard.press("Alt+J")
    assert page.evaluate("document.getElementById('player').currentTime") < 27
    # Moving into a segment with the keyboard chooses it as the evidence for a new item, as a click does.
    page.focus("#seg-4 .seg-head .time")
    page.keyboard.press("Tab")
    assert page.input_value("#add-decisions input[name=segment_id]") == "4"
    page.screenshot(path=str(ARTIFACTS / "review-ux-desktop.png"))

    def serious(url: str | None = None, target=page) -> list[str]:
        """Serious and critical axe-core violations; the full report goes to test-artifacts/ for a human."""
        if url:
            target.goto(url)
        results = axe.run(target)
        violations = results.response["violations"]
        report = ARTIFACTS / f"axe-{len(list(ARTIFACTS.glob('axe-*.json')))}.json"
        report.write_text(
            json.dumps(
                {"url": target.url, "violations": violations, "passes": len(results.response["passes"])},
                ensure_ascii=False,
                indent=1,
            )
        )
        return [
            f"{v['id']}: {v['help']} ({len(v['nodes'])})"
            for v in violations
            if v.get("impact") in ("serious", "critical")
        ]

    assert serious() == []
    assert serious(f"{server}/meetings/{mid}/history") == []
    context.close()

    phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="sv-SE", is_mobile=True, has_touch=True)
    page = phone.new_page()
    login(page, f"{server}/meetings/{mid}", then="#segments .segment")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(ARTIFACTS / "review-ux-phone.png"))
    assert serious(target=page) == []
    page.click(".tabs button[data-tab=minutes]")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.fill("#item-a1 input[name=owner]", "Johan Ek")
    page.click("#item-a1 button[value=edit]")
    page.wait_for_selector("#save-status:has-text('Sparat')")
    assert _in_view(page, "#item-a1")
    page.screenshot(path=str(ARTIFACTS / "review-ux-phone-minutes.png"))
    assert serious(target=page) == []
    phone.close()

    form = browser.new_context(viewport={"width": 390, "height": 844}, locale="sv-SE")
    page = form.new_page()
    page.goto(f"{server}/login")
    assert serious(target=page) == []
    form.close()
