"""Meetings list with live status, upload, sharing, retry and deletion."""

from __future__ import annotations

import datetime as dt
import logging
import os
import secrets
import shutil
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, RedirectResponse, Response
from sqlalchemy import delete, select

from transcribe import audit
from transcribe import jobs as job_queue
from transcribe.audio import probe
from transcribe.config import data_dir
from transcribe.db import session
from transcribe.errors import EmptyInput, UserError
from transcribe.models import default_model
from transcribe.pipeline import PipelineOptions
from transcribe.tables import Meeting, MeetingShare, User
from transcribe.web import agenda as agenda_web
from transcribe.web import deletion, sameupload, store, upload
from transcribe.web import series as web_series
from transcribe.web.auth import (
    CurrentUser,
    can_edit,
    can_manage,
    current_user,
    get_meeting,
    require_role,
    visible_meetings_query,
)
from transcribe.web.hardening import check_lengths
from transcribe.web.history import add_change
from transcribe.web.i18n import translate
from transcribe.web.reasons import agenda_reason_in
from transcribe.web.render import page, request_lang
from transcribe.web.security import csrf_ok, require_csrf

log = logging.getLogger(__name__)
router = APIRouter(dependencies=[Depends(require_csrf)])
upload_router = APIRouter()  # checks its own CSRF token while streaming
UPLOADERS = ("secretary", "admin")
# Recordings the pipeline refuses, by error kind: said in the user's language (the raw message names
# server paths), and not offered for a retry that would fail the same way.
REFUSED_INPUT = {
    "EmptyInput": "fail_empty", "NotAudio": "fail_not_audio", "CorruptAudio": "fail_corrupt",
    "SilentAudio": "fail_silent", "InputTooLarge": "fail_too_large",
}  # fmt: skip


def max_upload_bytes() -> int:
    return int(float(os.environ.get("TRANSCRIBE_MAX_UPLOAD_MB", "2048")) * 1024 * 1024)


def _mb(limit: int) -> str:
    return f"{limit / 1048576:.0f}" if limit >= 1048576 else f"{limit / 1048576:.2g}"


# --- status ---------------------------------------------------------------------------------------
def meeting_status(meeting: Meeting, lang: str, jobs: dict[int, Any] | None = None) -> dict[str, Any]:
    """One meeting's processing state as the list page and its poller show it.

    `jobs` (id -> JobStatus) saves a query per meeting when listing many."""
    info: dict[str, Any] = {
        "id": meeting.id,
        "state": "done",
        "stage": None,
        "percent": 100.0,
        "position": None,
        "error": None,
        "eta_s": None,
        "retry": True,
        "locked": meeting.locked,
        "version": meeting.version,
    }
    if meeting.job_id is not None:
        try:
            st = (
                jobs[meeting.job_id]
                if jobs is not None and meeting.job_id in jobs
                else job_queue.status(meeting.job_id)
            )
            info.update(
                state=str(st.state.value if hasattr(st.state, "value") else st.state),
                stage=st.stage,
                percent=float(st.percent or 0.0),
                position=st.position,
                error=st.error,
                eta_s=st.eta_s,
            )
            if st.error_kind in REFUSED_INPUT:
                info.update(error=translate(lang, REFUSED_INPUT[st.error_kind]), retry=False)
        except Exception:  # the job row is gone (cleaned up): the files tell what happened
            log.debug("no job status for %s", meeting.id, exc_info=True)
            info["state"] = "done" if store.has_result(meeting.id) else "failed"
    elif not store.has_result(meeting.id):
        info["state"] = "failed"
    if info["state"] == "done" and not store.has_result(meeting.id):
        info["state"] = "failed"
        info["error"] = info["error"] or translate(lang, "no_result")
    info["label"] = status_label(info, lang)
    return info


def status_label(info: dict[str, Any], lang: str) -> str:
    state = info["state"]
    if state == "queued":
        pos = info.get("position")
        return translate(lang, "state_queued_pos", n=pos) if pos else translate(lang, "state_queued")
    if state == "running":
        stage = translate(lang, f"stage_{info.get('stage') or 'start'}")
        text = f"{stage} {info.get('percent') or 0:.0f} %"
        eta = info.get("eta_s")
        if eta:
            text += " · " + translate(lang, "eta", minutes=max(1, round(eta / 60)))
        return text
    if state == "done":
        return (
            translate(lang, "state_approved", n=info["version"])
            if info.get("locked")
            else translate(lang, "state_done")
        )
    if state == "failed":
        return translate(lang, "state_failed") + (f": {info['error']}" if info.get("error") else "")
    return translate(lang, f"state_{state}")


def _visible(user: CurrentUser) -> list[Meeting]:
    with session() as s:
        return list(s.scalars(visible_meetings_query(user)))


def _statuses(meetings: list[Meeting], lang: str) -> list[dict[str, Any]]:
    jobs = {j.id: j for j in job_queue.list_jobs()} if any(m.job_id is not None for m in meetings) else {}
    return [meeting_status(m, lang, jobs) for m in meetings]


@router.get("/meetings")
def meetings_page(request: Request, user: CurrentUser = Depends(current_user)) -> Response:
    lang = request_lang(request)
    meetings = _visible(user)
    rows = list(zip(meetings, _statuses(meetings, lang), strict=True))
    owners = _owner_names({m.owner_id for m, _ in rows})
    asr_model = f"{_web_model()} · {os.environ.get('TRANSCRIBE_DEVICE', 'cpu')}" if user.is_admin else None
    return page(request, "meetings.html", user=user, rows=rows, owners=owners, can_upload=user.role in UPLOADERS,
                asr_model=asr_model)  # fmt: skip


def _web_model() -> str:
    """The Whisper model new uploads run with: TRANSCRIBE_WEB_MODEL, else the configured default."""
    return os.environ.get("TRANSCRIBE_WEB_MODEL") or default_model()


def _owner_names(ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    with session() as s:
        return {u.id: u.name for u in s.scalars(select(User).where(User.id.in_(ids)))}


@router.get("/api/meetings")
def meetings_api(request: Request, user: CurrentUser = Depends(current_user)) -> JSONResponse:
    lang = request_lang(request)
    return JSONResponse({"meetings": _statuses(_visible(user), lang)}, headers={"Cache-Control": "no-store"})


# --- upload ----------------------------------------------------------------------------------------
@router.get("/upload")
def upload_form(request: Request, user: CurrentUser = Depends(current_user)) -> Response:
    require_role(user, *UPLOADERS)
    limit = max_upload_bytes()
    return page(request, "upload.html", user=user, max_mb=_mb(limit), max_bytes=limit, error=None,
                series=web_series.visible_series(user))  # fmt: skip


def wants_json(request: Request) -> bool:
    """The page's script asked (review.js, upload.js): answer in JSON, not with a redirect or a page."""
    return "application/json" in request.headers.get("accept", "")


def _upload_error(request: Request, user: CurrentUser, key: str, status: int, link: str | None = None, **kw: Any
                  ) -> Response:  # fmt: skip
    """The upload form again with why (or JSON for upload.js); `link` is the meeting the reader is sent to."""
    lang = request_lang(request)
    message = translate(lang, key, **kw)
    if wants_json(request):
        return JSONResponse({"error": message, **({"url": link} if link else {})}, status_code=status)
    return page(
        request,
        "upload.html",
        status_code=status,
        user=user,
        max_mb=_mb(max_upload_bytes()),
        max_bytes=max_upload_bytes(),
        error=message,
        error_link=link,
        series=web_series.visible_series(user),
    )


@upload_router.post("/upload")
async def upload_post(request: Request, user: CurrentUser = Depends(current_user)) -> Response:
    require_role(user, *UPLOADERS)
    limit = max_upload_bytes()
    staging = data_dir() / "uploads"
    try:
        parsed = await upload.receive(request, staging, limit, lambda token: csrf_ok(request, token))
    except upload.UploadTooLarge:
        return _upload_error(request, user, "upload_too_large", 413, mb=_mb(limit))
    except upload.UploadRejected as exc:
        return _upload_error(request, user, exc.reason, exc.status)
    try:
        return await _create_meetings(request, user, parsed, limit)
    finally:
        parsed.discard()  # whatever was not moved into a meeting directory


async def _create_meetings(request: Request, user: CurrentUser, parsed: upload.ParsedUpload, limit: int) -> Response:
    f = parsed.fields
    check_lengths(f.items())
    files = [sf for sf in parsed.files if sf.field != agenda_web.FIELD and (sf.size > 0 or sf.filename)]
    if not files:
        return _upload_error(request, user, "upload_no_file", 400)
    try:
        day = dt.date.fromisoformat(f["date"]) if f.get("date") else None
    except ValueError:
        return _upload_error(request, user, "bad_date", 400)
    place = f.get("place", "").strip()[:280]
    speakers_raw = f.get("speakers", "").strip()
    if speakers_raw and not (speakers_raw.isdigit() and 1 <= int(speakers_raw) <= 50):
        return _upload_error(request, user, "bad_speakers", 400)
    vocabulary = [w.strip() for w in f.get("vocabulary", "").splitlines() if w.strip()][:500]
    series = f.get("series", "").strip() or None  # its earlier meetings' names and terms help recognition
    if series is not None and series not in {s.name for s in web_series.visible_series(user)}:
        return _upload_error(request, user, "bad_series", 400)
    agenda_upload, agenda_path, given = agenda_web.staged_agenda(parsed.files), None, f.get("title", "").strip()
    if agenda_upload is not None:
        try:
            agenda_path = await run_in_threadpool(agenda_web.check_staged, agenda_upload)
        except UserError as exc:
            reason = agenda_reason_in(exc.message[:300], request_lang(request))
            return _upload_error(request, user, "bad_agenda", 400, reason=reason)
        given = given or await run_in_threadpool(agenda_web.meeting_title, agenda_path)
        heading = await run_in_threadpool(agenda_web.meeting_heading, agenda_path)
        day, place = day or heading.date, place or (heading.place or "")[:280]
    infos = []
    for sf in files:  # check every file before queueing any, so a batch is all or nothing
        try:
            infos.append(await run_in_threadpool(probe, sf.path, limit))
        except UserError as exc:
            log.info("upload rejected: %s", exc.message)
            key = "empty_audio" if isinstance(exc, EmptyInput) else "not_audio"
            return _upload_error(request, user, key, 415, name=sf.filename[:200])
    if (twice := sameupload.repeated([sf.digest for sf in files])) is not None:
        return _upload_error(request, user, "upload_same_twice", 409, name=files[twice].filename[:200])
    # No await from this check until every new meeting's row exists: a form sent twice cannot pass it twice.
    visible = _visible(user)
    for sf in files:
        if (before := sameupload.uploaded_before(visible, sf.digest)) is not None:
            return _upload_error(request, user, "upload_same_recording", 409, link=f"/meetings/{before.id}",
                                 name=sf.filename[:200], title=before.title)  # fmt: skip
    made = []
    for i, (sf, info) in enumerate(zip(files, infos, strict=True)):
        title = (given or sf.filename.rsplit(".", 1)[0] or "Möte")[:280]
        if len(files) > 1 and given:
            title = f"{title} ({i + 1})"
        mid = secrets.token_hex(8)
        target = store.create_folder(mid)
        dest = target / f"input.{upload.safe_ext(sf.filename, info.format_name)}"
        shutil.move(str(sf.path), dest)
        sameupload.remember(target, sf.digest)
        agenda_copy = agenda_web.store_agenda(agenda_path, target) if agenda_path else None
        options = PipelineOptions(
            agenda=str(agenda_copy) if agenda_copy else None,
            model=_web_model(),
            minutes_backend=os.environ.get("TRANSCRIBE_WEB_MINUTES_BACKEND", "rules"),
            vocabulary=vocabulary, series=series, num_speakers=int(speakers_raw) if speakers_raw else None,
            title=title, meeting_date=day, place=place or None,
        )  # fmt: skip
        with session() as s:
            s.add(Meeting(id=mid, title=title, date=day.isoformat() if day else "", place=options.place or "",
                          original_name=sf.filename[:280], owner_id=user.id))  # fmt: skip
        made.append((mid, dest, options, sf, info))
    created = []
    for n, (mid, dest, options, sf, info) in enumerate(made):
        try:
            job_id = await run_in_threadpool(job_queue.submit, dest, mid, options, user.name)
        except Exception:
            for unqueued, *_ in made[n:]:
                with session() as s:
                    s.execute(delete(Meeting).where(Meeting.id == unqueued))
                store.remove(unqueued)
            raise
        with session() as s:
            meeting = s.get(Meeting, mid)
            assert meeting is not None
            meeting.job_id = int(job_id)
        add_change(mid, user.name, "upload", f"{sf.filename[:200]} ({info.duration:.0f} s)")
        audit.record("upload", f"meeting:{mid}", user.name, f"{dest.suffix} {sf.size} bytes")
        created.append({"id": mid, "url": f"/meetings/{mid}"})
    if wants_json(request):
        return JSONResponse({"meetings": created}, status_code=201)
    return RedirectResponse("/meetings", status_code=303)


# --- retry / cancel --------------------------------------------------------------------------------
def _job_action(meeting_id: str, user: CurrentUser, act: Callable[[int], object], action: str, refused: str
                ) -> RedirectResponse:  # fmt: skip
    """Retry or cancel the meeting's job; 409 when its state does not allow it (finished, queued, forgotten)."""
    meeting = get_meeting(user, meeting_id)
    if not can_edit(user, meeting) or meeting.job_id is None:
        raise HTTPException(403)
    try:
        act(meeting.job_id)
    except (job_queue.JobConflict, job_queue.JobNotFound) as exc:
        raise HTTPException(409, refused) from exc
    audit.record(action, f"meeting:{meeting_id}", user.name)
    return RedirectResponse("/meetings", status_code=303)


@router.post("/meetings/{meeting_id}/retry")
def retry_job(meeting_id: str, user: CurrentUser = Depends(current_user)) -> RedirectResponse:
    return _job_action(meeting_id, user, job_queue.retry, "job_retry", "job_not_retryable")


@router.post("/meetings/{meeting_id}/cancel")
def cancel_job(meeting_id: str, user: CurrentUser = Depends(current_user)) -> RedirectResponse:
    return _job_action(meeting_id, user, job_queue.cancel, "job_cancel", "job_not_cancellable")


# --- delete -----------------------------------------------------------------------------------------
def managed_meeting(user: CurrentUser, meeting_id: str) -> Meeting:
    """The meeting if this user may delete and share it (its owner or an admin); 403 for one who only sees it."""
    meeting = get_meeting(user, meeting_id)
    if not can_manage(user, meeting):
        raise HTTPException(403)
    return meeting


@router.get("/meetings/{meeting_id}/delete")
def delete_confirm(request: Request, meeting_id: str, user: CurrentUser = Depends(current_user)) -> Response:
    meeting = managed_meeting(user, meeting_id)
    return page(request, "delete.html", user=user, meeting=meeting)


@router.post("/meetings/{meeting_id}/delete")
def delete_meeting(meeting_id: str, user: CurrentUser = Depends(current_user)) -> RedirectResponse:
    meeting = managed_meeting(user, meeting_id)
    try:
        deletion.delete_meeting(meeting, user.name)
    except job_queue.JobConflict as exc:
        raise HTTPException(409, "job_stopping") from exc
    return RedirectResponse("/meetings", status_code=303)


# --- sharing -----------------------------------------------------------------------------------------
def _share_context(meeting: Meeting) -> dict[str, Any]:
    with session() as s:
        shared_ids = set(s.scalars(select(MeetingShare.user_id).where(MeetingShare.meeting_id == meeting.id)))
        users = list(s.scalars(select(User).where(User.active.is_(True)).order_by(User.name)))
    return {
        "shared": [u for u in users if u.id in shared_ids],
        "candidates": [u for u in users if u.id not in shared_ids and u.id != meeting.owner_id],
    }


@router.get("/meetings/{meeting_id}/share")
def share_page(request: Request, meeting_id: str, user: CurrentUser = Depends(current_user)) -> Response:
    meeting = managed_meeting(user, meeting_id)
    return page(request, "share.html", user=user, meeting=meeting, error=None, **_share_context(meeting))


@router.post("/meetings/{meeting_id}/share")
def share_add(
    request: Request, meeting_id: str, name: str = Form(""), user: CurrentUser = Depends(current_user)
) -> Response:
    meeting = managed_meeting(user, meeting_id)
    with session() as s:
        other = s.scalar(select(User).where(User.name == name.strip(), User.active.is_(True)))
        if other is None or other.id == meeting.owner_id:
            other = None
        elif s.get(MeetingShare, (meeting_id, other.id)) is None:
            s.add(MeetingShare(meeting_id=meeting_id, user_id=other.id))
    if other is None:
        return page(
            request,
            "share.html",
            status_code=400,
            user=user,
            meeting=meeting,
            error="no_such_user",
            **_share_context(meeting),
        )
    add_change(meeting_id, user.name, "share", name.strip())
    return RedirectResponse(f"/meetings/{meeting_id}/share", status_code=303)


@router.post("/meetings/{meeting_id}/share/{user_id}/remove")
def share_remove(meeting_id: str, user_id: int, user: CurrentUser = Depends(current_user)) -> RedirectResponse:
    managed_meeting(user, meeting_id)
    with session() as s:
        share = s.get(MeetingShare, (meeting_id, user_id))
        other = s.get(User, user_id)
        if share:
            s.delete(share)
    if share and other:
        add_change(meeting_id, user.name, "unshare", other.name)
    return RedirectResponse(f"/meetings/{meeting_id}/share", status_code=303)
