"""The FastAPI application factory: middleware, routes, error pages and the in-process worker."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import IntegrityError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware
from starlette.types import Scope

from transcribe import config, db
from transcribe.fsutil import PRIVATE_DIR, private_dir
from transcribe.jobs.tasks import resume as resume_tasks
from transcribe.jobs.worker import InProcessWorker
from transcribe.web import (
    routes_accounts,
    routes_auth,
    routes_files,
    routes_llm,
    routes_meetings,
    routes_review,
    routes_series,
    routes_speakers,
    store,
)
from transcribe.web.auth import CurrentUser, LoginLimiter, MeetingDeleted, NotLoggedIn, current_user, deleted_by
from transcribe.web.hardening import ErrorKeyFilter, HeadAsGet
from transcribe.web.i18n import SV, LangMiddleware, translate
from transcribe.web.render import HERE, page, request_lang
from transcribe.web.security import SecurityHeaders, secret_key

log = logging.getLogger(__name__)
SESSION_HOURS = 12


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes", "on")


def _signed_in(request: Request) -> CurrentUser | None:
    """Who is signed in, for an error page's menu (the meetings, the account, Logga ut); None when nobody."""
    try:
        return current_user(request)
    except NotLoggedIn:
        return None


def create_app(data_dir: Path | None = None, start_worker: bool = True, secure_cookies: bool | None = None) -> FastAPI:
    """Build the app. `data_dir` sets TRANSCRIBE_DATA_DIR for the whole process (database, meetings, key):
    the jobs and database modules read it from there. `secure_cookies` (default: $TRANSCRIBE_SECURE_COOKIES)
    marks the session cookie Secure, for deployments behind an HTTPS proxy."""
    if data_dir is not None:
        os.environ["TRANSCRIBE_DATA_DIR"] = str(data_dir)
    directory = private_dir(config.data_dir())
    if directory.stat().st_uid == os.geteuid():
        directory.chmod(PRIVATE_DIR)  # meetings, database and key: nobody else's to read
    db.engine()  # create the tables now, not on the first request
    _clean_staging(private_dir(directory / "uploads"))
    secure = _env_flag("TRANSCRIBE_SECURE_COOKIES") if secure_cookies is None else secure_cookies

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        worker = None
        if start_worker:
            worker = InProcessWorker()
            worker.start()
        resume_tasks()  # a regeneration or enrolment (web.tasks) cut off by the last stop runs again
        try:
            yield
        finally:
            if worker is not None:
                worker.stop()

    app = FastAPI(title="protokoll", lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)
    app.state.limiter = LoginLimiter()
    app.add_middleware(
        SessionMiddleware, secret_key=secret_key(directory), session_cookie="protokoll_session",
        max_age=SESSION_HOURS * 3600, same_site="lax", https_only=secure,
    )  # fmt: skip
    app.add_middleware(LangMiddleware)
    app.add_middleware(ErrorKeyFilter, keys=[k.removeprefix("err_") for k in SV if k.startswith("err_")])
    app.add_middleware(HeadAsGet)
    app.add_middleware(SecurityHeaders, error_page=_server_error)  # outermost: every response, errors included
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    pages = (routes_auth, routes_accounts, routes_meetings, routes_review, routes_speakers, routes_series)
    for module in (*pages, routes_files):
        app.include_router(module.router)
    app.include_router(routes_meetings.upload_router)
    app.include_router(routes_llm.router)
    _error_handlers(app)
    return app


def _clean_staging(staging: Path, max_age_s: float = 86400.0) -> None:
    """Uploads cut off by a crash leave .part files; any a day old are certainly abandoned."""
    if not staging.is_dir():
        return
    cutoff = time.time() - max_age_s
    for part in staging.glob("*.part"):
        try:
            if part.stat().st_mtime < cutoff:
                part.unlink()
        except OSError:
            log.debug("could not remove %s", part, exc_info=True)


def _server_error(scope: Scope) -> Response:
    """An unhandled error: the error page in the reader's language with the signed-in menu, not a bare English line."""
    request = Request(scope)
    if _is_api(request):
        return JSONResponse({"error": "error"}, status_code=500)
    return page(request, "error.html", status_code=500, error="error", code=500, user=_signed_in(request))


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or "application/json" in request.headers.get("accept", "")


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(NotLoggedIn)
    async def not_logged_in(request: Request, exc: NotLoggedIn) -> Response:
        if _is_api(request) or request.method != "GET":
            return JSONResponse({"error": "login required"}, status_code=401)
        return RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)

    @app.exception_handler(MeetingDeleted)
    async def deleted(request: Request, exc: MeetingDeleted) -> Response:
        """Said with the deleter's name; a save that came too late hands the reviewer's text back (review.js)."""
        message = translate(request_lang(request), "deleted_by", by=exc.by)
        if _is_api(request):
            return JSONResponse({"error": "deleted", "by": exc.by, "message": message}, status_code=410)
        if request.method == "POST":  # a form sent without JavaScript: its text is still in the page before
            message = f"{message} {translate(request_lang(request), 'deleted_go_back')}"
        return page(request, "error.html", status_code=410, error="deleted", message=message, code=410,
                    user=_signed_in(request))  # fmt: skip

    @app.exception_handler(store.MeetingGone)
    async def gone(request: Request, exc: store.MeetingGone) -> Response:
        """Deleted while this request waited for the meeting: said like a meeting found deleted."""
        user = _signed_in(request)
        by = deleted_by(user, exc.meeting_id) if user is not None and exc.meeting_id else None
        if by is not None:
            return await deleted(request, MeetingDeleted(by))
        return await http_error(request, exc)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = str(exc.detail) if exc.detail else ""
        headers = dict(exc.headers or {})  # e.g. Allow on a 405
        if _is_api(request):
            return JSONResponse({"error": detail or "error"}, status_code=exc.status_code, headers=headers)
        key = {403: "csrf" if detail == "csrf" else "forbidden", 404: "not_found", 409: detail or "conflict",
               400: detail if detail in SV else "bad_request"}.get(exc.status_code, "error")  # fmt: skip
        response = page(request, "error.html", status_code=exc.status_code, error=key, code=exc.status_code,
                        user=_signed_in(request))  # fmt: skip
        response.headers.update(headers)
        return response

    @app.exception_handler(IntegrityError)
    async def raced(request: Request, exc: IntegrityError) -> Response:
        """A write that lost a race (an edit saved as its meeting was deleted): a conflict, not a crash."""
        log.info("write conflict on %s: %s", request.url.path, exc.orig)
        if _is_api(request):
            return JSONResponse({"error": "conflict"}, status_code=409)
        return page(request, "error.html", status_code=409, error="conflict", code=409)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        if _is_api(request):
            return JSONResponse({"error": "bad request"}, status_code=400)
        return page(request, "error.html", status_code=400, error="bad_request", code=400)
