"""The "Serier" pages: create a series, add meetings, download the period report, ask a question."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from transcribe import audit
from transcribe.db import session
from transcribe.errors import OutputExists, UserError
from transcribe.series.model import Series
from transcribe.series.render import docx_bytes, to_markdown
from transcribe.web import series as web_series
from transcribe.web import store
from transcribe.web.auth import CurrentUser, current_user, visible_meetings_query
from transcribe.web.render import page
from transcribe.web.routes_files import attachment
from transcribe.web.security import require_csrf

router = APIRouter(dependencies=[Depends(require_csrf)])
REPORT_FORMATS = {"md": "text/markdown", "json": "application/json",
                  "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}  # fmt: skip


@router.get("/series")
def series_list(request: Request, user: CurrentUser = Depends(current_user)) -> Response:
    return page(request, "series_list.html", user=user, series=web_series.visible_series(user), error=None, form={})


@router.post("/series")
def series_create(
    request: Request,
    name: str = Form(""),
    description: str = Form(""),
    purpose: str = Form(""),
    user: CurrentUser = Depends(current_user),
) -> Response:
    try:
        created = web_series.create(user, name, description, purpose)
    except UserError as exc:
        error = "series_exists" if isinstance(exc, OutputExists) else "bad_series_name"
        return page(
            request,
            "series_list.html",
            status_code=400,
            user=user,
            error=error,
            series=web_series.visible_series(user),
            form={"name": name, "description": description, "purpose": purpose},
        )
    audit.record("edit", f"series:{created.name}", user.name, "create series")
    return RedirectResponse(f"/series/{created.name}", status_code=303)


def _candidates(user: CurrentUser, series: Series) -> list[Any]:
    """Processed meetings this user may see that are not in the series yet."""
    inside = {m.path for m in series.meetings}
    with session() as s:
        meetings = list(s.scalars(visible_meetings_query(user)))
    return [m for m in meetings if store.has_result(m.id) and str(store.meeting_path(m.id).resolve()) not in inside]


@router.get("/series/{name}")
def series_page(request: Request, name: str, q: str = "", user: CurrentUser = Depends(current_user)) -> Response:
    series = web_series.get_series(user, name)
    found = web_series.series_meetings(user, series, with_minutes=False)
    result = None
    if q.strip() and found.records:
        result = web_series.ask_series(series, found, q)
        audit.record("view", f"series:{name}", user.name, "ask")
    return page(
        request, "series.html", user=user, series=series, found=found, candidates=_candidates(user, series),
        question=q, result=result,
        url=lambda path, seg=None, start=None: web_series.web_url(found, path, seg, start),
    )  # fmt: skip


@router.post("/series/{name}/meetings")
def series_add(name: str, meeting: list[str] = Form([]), user: CurrentUser = Depends(current_user)) -> Response:
    series = web_series.get_series(user, name)
    if not meeting:
        raise HTTPException(400)
    added = web_series.add_meetings(user, series, meeting)
    if added:
        audit.record("edit", f"series:{name}", user.name, "add " + ", ".join(f"meeting:{p.name}" for p in added))
    return RedirectResponse(f"/series/{name}", status_code=303)


@router.get("/series/{name}/report.{fmt}")
def series_report(name: str, fmt: str, user: CurrentUser = Depends(current_user)) -> Response:
    series = web_series.get_series(user, name)
    if fmt not in REPORT_FORMATS:
        raise HTTPException(404, "format")
    report = web_series.report(user, series)
    audit.record("export", f"series:{name}", user.name, f"report.{fmt}")
    if fmt == "json":
        body: bytes | str = report.to_json()
    else:
        body = to_markdown(report) if fmt == "md" else docx_bytes(report)
    return attachment(body, REPORT_FORMATS[fmt], f"periodrapport-{name}", f".{fmt}")
