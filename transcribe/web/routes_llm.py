"""The administrator's page for the team's own LLM server that drafts the minutes.

Writes <data dir>/llm.toml, the file `transcribe.minutes.openai_client` reads, so the command
line and the web app use the same server; a URL is checked with the same rule as on the command
line (a host outside loopback and private ranges only when explicitly allowed).
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from transcribe import audit, config
from transcribe.errors import BadOption, RemoteEndpointRefused, UserError
from transcribe.fsutil import atomic_write_text
from transcribe.minutes import openai_client
from transcribe.web.auth import CurrentUser, current_user, require_role
from transcribe.web.render import page
from transcribe.web.security import require_csrf

router = APIRouter(dependencies=[Depends(require_csrf)])
NOTICES = ("llm_saved", "llm_cleared")
WEB_BACKEND_ENV = "TRANSCRIBE_WEB_MINUTES_BACKEND"
MAX_URL, MAX_MODEL = 2000, 200
FORM_KEYS = ("url", "model", "allow_remote")
WEB_BACKENDS = ("rules", "llm", "merge", "auto", "none")


def _admin(user: CurrentUser = Depends(current_user)) -> CurrentUser:
    require_role(user, "admin")
    return user


def settings_path() -> Path:
    """The file this page writes: the data directory's, the second place openai_client looks."""
    return config.data_dir() / "llm.toml"


def read_settings() -> dict[str, Any]:
    """The page's own file as written (empty when missing or unreadable: saving then replaces it)."""
    try:
        return tomllib.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return {}


def _toml_string(text: str) -> str:
    escaped = []
    for ch in text:
        if ch in '"\\':
            escaped.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            escaped.append(f"\\u{ord(ch):04x}")
        else:
            escaped.append(ch)
    return '"' + "".join(escaped) + '"'


def _toml_value(value: Any) -> str | None:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return _toml_string(value)
    return None  # tables and arrays: openai_client reads none


def to_toml(settings: dict[str, Any]) -> str:
    lines = ["# LLM server for the minutes, set on the admin page /admin/llm."]
    for key, value in settings.items():
        text = _toml_value(value)
        if text is not None:
            lines.append(f"{key} = {text}")
    return "\n".join(lines) + "\n"


def validate(url: str, model: str, allow_remote: bool) -> dict[str, tuple[str, dict[str, str]]]:
    """Field -> (message key, its arguments); empty when the settings may be saved."""
    errors: dict[str, tuple[str, dict[str, str]]] = {}
    if not url:
        errors["url"] = ("llm_url_required", {})
    elif len(url) > MAX_URL or any(ord(ch) < 0x20 or ch.isspace() for ch in url):
        errors["url"] = ("llm_bad_url", {})
    else:
        try:
            openai_client.check_url(url, allow_remote)
        except RemoteEndpointRefused:
            errors["url"] = ("llm_remote_refused", {"host": urlsplit(url).hostname or url})
        except BadOption:
            errors["url"] = ("llm_bad_url", {})
    if len(model) > MAX_MODEL or any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in model):
        errors["model"] = ("llm_bad_model", {})
    return errors


def _in_effect() -> tuple[str, dict[str, str]]:
    """What minutes would use now, as a message key: the same resolution as `openai_client.destination()`."""
    try:
        endpoint = openai_client.resolve_endpoint()
    except UserError as exc:
        return "llm_now_refused", {"reason": exc.message}
    if endpoint is None:
        return "llm_now_none", {}
    key = "llm_now_remote" if endpoint.allow_remote else "llm_now_private"
    return key, {"url": endpoint.url, "model": endpoint.model or ""}


def _web_backend() -> str:
    """The message key for the backend uploads use, or the unknown value itself."""
    backend = os.environ.get(WEB_BACKEND_ENV, "rules")
    return f"llm_backend_{backend}" if backend in WEB_BACKENDS else backend


def _page(request: Request, user: CurrentUser, form: dict[str, Any] | None = None,
          errors: dict | None = None, done: str | None = None, status_code: int = 200) -> Response:  # fmt: skip
    own = read_settings()
    if form is None:
        form = {"url": str(own.get("url", "")), "model": str(own.get("model", "")),
                "allow_remote": own.get("allow_remote") is True}  # fmt: skip
    source = openai_client.config_file()
    overridden = [name for name in (openai_client.URL_ENV, openai_client.MODEL_ENV, openai_client.ALLOW_ENV)
                  if os.environ.get(name)]  # fmt: skip
    return page(
        request, "admin_llm.html", status_code=status_code, user=user, form=form, errors=errors or {}, done=done,
        now=_in_effect(), source=str(source) if source else "",
        other_source=source is not None and source != settings_path(), path_written=str(settings_path()),
        overridden=overridden, web_backend=_web_backend(), web_backend_env=WEB_BACKEND_ENV,
    )  # fmt: skip


@router.get("/admin/llm")
def llm_page(request: Request, done: str = "", user: CurrentUser = Depends(_admin)) -> Response:
    return _page(request, user, done=done if done in NOTICES else None)


@router.post("/admin/llm")
def save_llm(
    request: Request,
    url: str = Form(""),
    model: str = Form(""),
    allow_remote: str = Form(""),
    user: CurrentUser = Depends(_admin),
) -> Response:
    url, model, allow = url.strip(), model.strip(), allow_remote.strip().lower() in openai_client.TRUE
    errors = validate(url, model, allow)
    if errors:
        form = {"url": url, "model": model, "allow_remote": allow}
        return _page(request, user, form=form, errors=errors, status_code=400)
    kept = {k: v for k, v in read_settings().items() if k not in FORM_KEYS}  # timeout_s, retries, api_key
    settings: dict[str, Any] = {"url": url.rstrip("/"), **({"model": model} if model else {}), "allow_remote": allow}
    atomic_write_text(settings_path(), to_toml({**settings, **kept}))
    where = "outside the private network allowed" if allow else "private network only"
    audit.record("llm_settings", "settings:llm", user.name, f"{settings['url']} ({model or 'only model'}; {where})")
    return RedirectResponse("/admin/llm?done=llm_saved", status_code=303)


@router.post("/admin/llm/clear")
def clear_llm(user: CurrentUser = Depends(_admin)) -> Response:
    path = settings_path()
    if path.exists():
        path.unlink()
        audit.record("llm_settings", "settings:llm", user.name, "cleared")
    return RedirectResponse("/admin/llm?done=llm_cleared", status_code=303)
