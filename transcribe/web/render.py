"""Jinja2 templates with autoescaping, and the context every page gets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from transcribe.minutes.model import check_reason
from transcribe.sv.calendar import elapsed
from transcribe.web.i18n import LANGS, translate
from transcribe.web.reasons import reason_in
from transcribe.web.security import csrf_token
from transcribe.web.seen import item_seen, segment_seen

HERE = Path(__file__).resolve().parent

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(HERE / "templates"),
    autoescape=True,  # every template, whatever its name: transcript text is user data
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters["clock"] = elapsed


def localtime(value: dt.datetime | None) -> str:
    """Stored in UTC (SQLite returns it naive); shown in the server's time zone."""
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


_env.filters["localtime"] = localtime
_env.filters["check_reason"] = check_reason
_env.filters["reason_in"] = reason_in
_env.filters["seen"] = item_seen
_env.filters["segment_seen"] = segment_seen
templates = Jinja2Templates(env=_env)


def request_lang(request: Request) -> str:
    lang = request.scope.get("state", {}).get("lang")
    return lang if lang in LANGS else "sv"


def page(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    lang = request_lang(request)
    base = {
        "lang": lang,
        "t": lambda key, **kw: translate(lang, key, **kw),
        "csrf": csrf_token(request),
        "user": context.pop("user", None),
        "path": request.url.path,
    }
    return templates.TemplateResponse(request, template, {**base, **context}, status_code=status_code)
