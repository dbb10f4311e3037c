"""Log in and out, and the language switch."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from transcribe import audit
from transcribe.web.auth import (
    CurrentUser,
    NotLoggedIn,
    authenticate,
    current_user,
    end_session,
    set_lang,
    start_session,
)
from transcribe.web.hardening import check_lengths
from transcribe.web.i18n import LANGS
from transcribe.web.render import page
from transcribe.web.security import csrf_ok, require_csrf


async def _csrf_unless_login(request: Request) -> None:
    """The login form checks its own token: an expired one gets a fresh form, not a 403 page."""
    if request.url.path != "/login":
        await require_csrf(request)


router = APIRouter(dependencies=[Depends(_csrf_unless_login)])


def safe_next(value: str | None, default: str = "/meetings") -> str:
    """Only local paths: an open redirect after login would be a phishing aid."""
    if value and value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return default


def client_ip(request: Request) -> str:
    return request.client.host if request.client else "?"


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/meetings", status_code=303)


@router.get("/login")
def login_form(request: Request, next: str | None = None) -> Response:
    return page(request, "login.html", next=safe_next(next), error=None, name="")


@router.post("/login")
def login(
    request: Request, name: str = Form(""), password: str = Form(""), next: str = Form(""), csrf_token: str = Form("")
) -> Response:
    check_lengths([("name", name), ("password", password), ("next", next)])
    if not csrf_ok(request, csrf_token):  # the form outlived its session: show it again, name kept
        return page(request, "login.html", status_code=403, next=safe_next(next), error="login_expired", name=name)
    limiter = request.app.state.limiter
    ip = client_ip(request)
    if limiter.blocked(name, ip):
        audit.record("login_failed", f"user:{name[:100]}", name[:120] or "?", f"throttled from {ip}")
        return page(request, "login.html", status_code=429, next=safe_next(next), error="login_throttled", name=name)
    user = authenticate(name, password)
    if user is None:
        limiter.fail(name, ip)
        audit.record("login_failed", f"user:{name[:100]}", name[:120] or "?", f"from {ip}")
        return page(request, "login.html", status_code=401, next=safe_next(next), error="login_failed", name=name)
    limiter.reset(name, ip)
    start_session(request, user.id)  # a fresh session (and CSRF token) at every login: no session fixation
    audit.record("login", f"user:{user.name}", user.name, f"from {ip}")
    response = RedirectResponse(safe_next(next), status_code=303)
    if user.lang in LANGS and not request.cookies.get("lang"):  # the user's saved language
        response.set_cookie("lang", user.lang, max_age=365 * 86400, samesite="lax", httponly=True)
    return response


@router.post("/logout")
def logout(request: Request) -> RedirectResponse:
    """Ends the session on the server too: a copy of the cookie no longer logs anyone in."""
    try:
        user: CurrentUser | None = current_user(request)
    except NotLoggedIn:
        user = None
    end_session(request)
    if user is not None:
        audit.record("logout", f"user:{user.name}", user.name, f"from {client_ip(request)}")
    return RedirectResponse("/login", status_code=303)


@router.get("/lang/{code}")
def switch_lang(code: str, request: Request, next: str | None = None) -> RedirectResponse:
    response = RedirectResponse(safe_next(next), status_code=303)
    if code in LANGS:
        response.set_cookie("lang", code, max_age=365 * 86400, samesite="lax", httponly=True)
        try:
            user: CurrentUser | None = current_user(request)
        except Exception:
            user = None
        if user:
            set_lang(user.id, code)
    return response
