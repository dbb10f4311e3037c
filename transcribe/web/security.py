"""Secret key, CSRF tokens and security headers.

The session cookie is signed with a key generated once into the data directory
(0600), so restarts keep people logged in and nobody has to configure a secret.
"""

from __future__ import annotations

import hmac
import logging
import os
import secrets
from collections.abc import Callable
from pathlib import Path

from fastapi import HTTPException, Request
from fastapi.responses import PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from transcribe.web.hardening import check_lengths

log = logging.getLogger(__name__)
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; "
    "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
)
SERVER_ERROR = "Ett oväntat fel inträffade på servern. Försök igen om en stund."
HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


def secret_key(directory: Path) -> str:
    """Read the signing key, creating it with owner-only permissions on first use."""
    path = directory / "web_secret.key"
    directory.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as fh:
        fh.write(secrets.token_urlsafe(48))
    return path.read_text().strip()


def csrf_token(request: Request) -> str:
    """The session's synchronizer token, created on first need."""
    token = request.session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


def csrf_ok(request: Request, supplied: str | None) -> bool:
    expected = request.session.get("csrf")
    return bool(expected and supplied and hmac.compare_digest(expected, supplied))


async def require_csrf(request: Request) -> None:
    """Dependency for every router: unsafe methods need the token in a header or form field.

    The streaming upload router does not use this: it checks the token itself, since reading the
    form here would buffer the whole recording.
    """
    if request.method in SAFE_METHODS:
        return
    supplied = request.headers.get(CSRF_HEADER)
    form = None
    if request.headers.get("content-type", "").startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        form = await request.form()  # parsed once: the route's Form() fields reuse it
        if not supplied:
            value = form.get(CSRF_FIELD)
            supplied = value if isinstance(value, str) else None
    if not csrf_ok(request, supplied):
        raise HTTPException(status_code=403, detail="csrf")
    if form is not None:
        check_lengths(form.multi_items())


class SecurityHeaders:
    """Pure ASGI middleware so the headers reach every response, streamed files and errors included.

    `error_page` answers an unhandled error in the reader's language (the app's error page); without it,
    or when it fails too, one plain Swedish line."""

    def __init__(self, app: ASGIApp, error_page: Callable[[Scope], Response] | None = None) -> None:
        self.app = app
        self.error_page = error_page

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in HEADERS if k not in present]
                if b"cache-control" not in present and not scope["path"].startswith("/static/"):
                    extra.append((b"cache-control", b"no-store"))  # pages and files hold meeting data
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            # Starlette's own 500 page is produced outside every user middleware, without these headers.
            if started:
                raise
            log.exception("unhandled error on %s", scope.get("path"))
            await self._server_error(scope)(scope, receive, send_with_headers)

    def _server_error(self, scope: Scope) -> Response:
        if self.error_page is not None:
            try:
                return self.error_page(scope)
            except Exception:
                log.exception("the error page failed on %s", scope.get("path"))
        return PlainTextResponse(SERVER_ERROR, status_code=500)
