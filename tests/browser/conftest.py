"""Fixtures of the browser tests: headless system Chromium, and the app with its job worker on a real server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.web import ARGS, CHROMIUM, PASSWORD, USER, serving


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("TRANSCRIBE_DATA_DIR", str(tmp_path))
    from transcribe.web.app import create_app
    from transcribe.web.auth import create_user

    app = create_app(data_dir=tmp_path, start_worker=True)
    create_user(USER, PASSWORD, "secretary")
    with serving(app, join_timeout=40) as url:
        yield url


# How long a page's click, fill, navigation or wait may take before the test fails (Playwright's own is 30 s). Each
# ends as soon as the page is there; a loaded CI machine's Chromium once needed more than 30 s for a keypress.
ACTION_MS = 120_000


class PatientBrowser:
    """The browser whose every new context and page waits up to ACTION_MS (not Playwright's 30 s) for what the
    test asks; a wait the test bounds itself (`timeout=`) keeps its own bound."""

    def __init__(self, browser: Any) -> None:
        self._browser = browser

    def new_context(self, **options: Any) -> Any:
        context = self._browser.new_context(**options)
        context.set_default_timeout(ACTION_MS)
        return context

    def new_page(self, **options: Any) -> Any:
        page = self._browser.new_page(**options)
        page.context.set_default_timeout(ACTION_MS)
        return page

    def __getattr__(self, name: str) -> Any:
        return getattr(self._browser, name)


@pytest.fixture(scope="module")
def browser():
    """One Chromium for the tests of a file (each test opens its own context, so no cookie or page is shared):
    starting Playwright's driver and the browser, and closing them, cost about 2 CPU-s a test."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is required (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield PatientBrowser(b)
        b.close()
