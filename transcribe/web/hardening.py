"""Request limits every route gets without asking: field lengths, HEAD, and `?error=` keys.

- Every form field has a length limit (a 200,000-character speaker name is refused, not stored).
- HEAD is answered as GET without a body, as HTTP requires; other unknown methods get a 405
  that names the allowed ones (the app's error handler keeps Starlette's `Allow` header).
- `?error=` on a URL is shown to the user, so only the fixed set of error keys passes; any
  other text (a phishing line in a crafted link) is dropped before a route sees it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from urllib.parse import parse_qsl, urlencode

from fastapi import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Characters per field, by form field name; anything not named here gets DEFAULT_LIMIT.
FIELD_LIMITS: dict[str, int] = {
    "csrf_token": 200, "name": 120, "password": 1024, "current_password": 1024, "new_password": 1024,
    "confirm_password": 1024, "next": 2000, "role": 20, "label": 64, "keep": 64, "drop": 64, "speaker": 120,
    "dismiss": 64, "confirm": 64, "section": 40, "op": 20, "segment_id": 20, "segments": 2000, "meeting": 64,
    "title": 300, "place": 300, "date": 40, "due": 40, "when": 100, "heading": 300, "owner": 200,
    "proposed_by": 200, "what": 2000, "reason": 2000, "mood": 2000, "description": 4000, "purpose": 4000,
    "text": 20000, "paragraph": 20000, "vocabulary": 20000, "speakers": 10, "q": 1000,
}  # fmt: skip
DEFAULT_LIMIT = 4000
MAX_FIELDS = 2000


def limit_for(field: str) -> int:
    return FIELD_LIMITS.get(field, DEFAULT_LIMIT)


def check_lengths(items: Iterable[tuple[str, object]]) -> None:
    """400 `too_long` when any text value is longer than its field allows (file parts are not text)."""
    for n, (field, value) in enumerate(items):
        if n >= MAX_FIELDS or (isinstance(value, str) and len(value) > limit_for(field)):
            raise HTTPException(400, "too_long")


def clip(fields: Mapping[str, str], field: str) -> str:
    """A field of a form parsed outside the routers (the streaming upload), cut to its limit."""
    return (fields.get(field) or "")[: limit_for(field)]


class HeadAsGet:
    """Serve HEAD through the GET route and send only its headers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if not message.get("more_body", False):
                    await send({"type": "http.response.body", "body": b"", "more_body": False})
                return
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


class ErrorKeyFilter:
    """Drop `?error=` values that are not one of `keys`, so a link cannot put its own text on a page."""

    def __init__(self, app: ASGIApp, keys: Iterable[str]) -> None:
        self.app = app
        self.keys = frozenset(keys)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        query = scope.get("query_string", b"") if scope["type"] == "http" else b""
        if b"error" in query:
            pairs = parse_qsl(query.decode("latin-1"), keep_blank_values=True)
            kept = [(k, v) for k, v in pairs if k != "error" or v in self.keys]
            if len(kept) != len(pairs):
                scope = {**scope, "query_string": urlencode(kept).encode("latin-1")}
        await self.app(scope, receive, send)
