"""Fixtures of the browser tests: headless system Chromium, and the app with its job worker on a real server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

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


@pytest.fixture(scope="module")
def browser():
    """One Chromium for the tests of a file (each test opens its own context, so no cookie or page is shared):
    starting Playwright's driver and the browser, and closing them, cost about 2 CPU-s a test."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is required (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()
