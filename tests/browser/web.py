"""What the browser tests share: the app on a real uvicorn server, the system Chromium, a login.

Uses the system Chromium (/usr/bin/chromium) through Playwright; never downloads a browser.
The fixtures built on these (`browser`, and `server` with the job worker) are in conftest.py.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from tests.conftest import REPO

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = REPO / "test-artifacts"  # screenshots for a human to look at
USER = "sara"
PASSWORD = "correct horse battery"


@contextmanager
def serving(app: Any, join_timeout: float = 20) -> Iterator[str]:
    """The app on a real uvicorn server on loopback for as long as the block runs; yields its URL."""
    import uvicorn

    # The server gets the socket already bound: a port found free and bound later could be taken in between.
    sock = socket.create_server(("127.0.0.1", 0))
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=sock.getsockname()[1], log_level="warning"))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 120  # ends once it listens; a loaded machine's start may take more than 20 s
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{srv.config.port}"
    srv.should_exit = True
    thread.join(timeout=join_timeout)


def login(page: Any, url: str, *, then: str | None = None) -> None:
    """Open `url`, log in as the tests' secretary on the form it shows, and wait until `url` is shown
    (or, with `then`, until that selector is on the page)."""
    page.goto(url)
    page.fill("input[name=name]", USER)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit].primary")
    if then is None:
        page.wait_for_url(url)
    else:
        page.wait_for_selector(then)


def answer_no(page: Any, selector: str) -> list[str]:
    """Click `selector`, say no to the confirm dialog it opens, and return what the dialog asked."""
    asked: list[str] = []

    def dismiss(dialog: Any) -> None:
        asked.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", dismiss)
    page.click(selector)
    deadline = time.monotonic() + 60  # the dialog's event may come after the click returns (300 ms was a guess)
    while not asked and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    return asked
