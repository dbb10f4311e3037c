"""The review page and every edit a reviewer makes: speakers, segments, minutes items, approval.

Edits come as ordinary form posts (a redirect back to the page) or, from review.js, as fetch
requests asking for JSON: then the page is not reloaded, so the reviewer keeps her place, focus
and typed text, and an error names the field it is about. A form post that fails keeps what was
typed in the session, so the page shows it again beside the error. Every change to the minutes
recomputes the summary (transcribe.minutes.summary.refresh), so Beskrivning and Slutsatser
always agree with the items.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from transcribe import audit, confidence
from transcribe.db import session
from transcribe.minutes import edit
from transcribe.minutes.model import Minutes
from transcribe.minutes.protokoll_review import adopt
from transcribe.minutes.summary import refresh
from transcribe.speakers.profiles import CONFIRMED_SOURCES
from transcribe.tables import Meeting
from transcribe.transcript import Transcript
from transcribe.web import speaker_edits, store, tasks, uncertainty
from transcribe.web.agenda import unreviewed_rows
from transcribe.web.auth import CurrentUser, can_edit, can_manage, can_reopen, current_user, get_meeting
from transcribe.web.history import add_change, entries, record
from transcribe.web.i18n import translate
from transcribe.web.render import page, request_lang
from transcribe.web.routes_meetings import meeting_status, wants_json
from transcribe.web.security import require_csrf
from transcribe.web.seen import (
    ChangedMeanwhile,
    changed_by,
    changed_since,
    segment_changed_by,
    segment_changed_since,
)

router = APIRouter(dependencies=[Depends(require_csrf)])
DRAFT_KEY = "review_draft"
DRAFT_CHARS = 800  # the session lives in a signed cookie (about 4 kB, non-ASCII escaped): keep the draft small


def _within(fields: dict[str, str], budget: int) -> dict[str, str]:
    out = {}
    for name, value in fields.items():
        out[name] = value[: max(0, budget)]
        budget -= len(out[name])
    return out


@contextmanager
def working_copy(meeting_id: str) -> Iterator[tuple[Transcript, Minutes | None]]:
    """Load, let the caller change, save: serialised per meeting so two reviewers never lose an edit."""
    with store.meeting_lock(meeting_id):
        if not store.meeting_path(meeting_id).is_dir():  # deleted while this save waited for the lock
            raise store.MeetingGone(meeting_id)
        transcript = store.load_transcript(meeting_id)
        if transcript is None:
            raise HTTPException(409, "not_ready")
        minutes = store.load_minutes(meeting_id)
        yield transcript, minutes
        store.save_transcript(meeting_id, transcript)
        if minutes is not None:
            store.save_minutes(meeting_id, refresh(minutes))


@contextmanager
def minutes_copy(meeting_id: str) -> Iterator[tuple[Transcript, Minutes]]:
    """working_copy for an edit of the minutes; EditError('no_minutes') when the meeting has no draft."""
    with working_copy(meeting_id) as (transcript, minutes):
        if minutes is None:
            raise edit.EditError("no_minutes")
        yield transcript, minutes


def editable_meeting(user: CurrentUser, meeting_id: str) -> Meeting:
    meeting = get_meeting(user, meeting_id)
    if not can_edit(user, meeting):
        raise HTTPException(403, "role")
    if meeting.locked:
        raise HTTPException(409, "locked")
    return meeting


def nameless_speakers(transcript: Transcript) -> list[str]:
    """The labels of the speakers who speak and have no name yet: the protokoll would list them as 'SPEAKER_01'."""
    named = {s.label for s in transcript.speakers if s.name}
    return [label for label in transcript.speaker_labels() if label not in named]


def back_to(meeting_id: str, anchor: str = "", error: str | None = None) -> RedirectResponse:
    query = f"?error={error}" if error else ""
    return RedirectResponse(f"/meetings/{meeting_id}{query}{'#' + anchor if anchor else ''}", status_code=303)


def record_edit(
    meeting_id: str,
    user: CurrentUser,
    action: str,
    detail: str | edit.Change | None,
    audit_action: str = "edit",
    audit_detail: str | None = None,
) -> None:
    """History gets the words (deleted with the meeting); the audit log only labels and ids, never content."""
    if not detail:
        return
    if isinstance(detail, str):
        add_change(meeting_id, user.name, action, detail)
    else:
        record(meeting_id, user.name, action, dict(detail))
    audit.record(audit_action, f"meeting:{meeting_id}", user.name, audit_detail or action)


def _saved(request: Request, meeting_id: str, anchor: str) -> Response:
    if wants_json(request):
        return JSONResponse({"ok": True, "message": translate(request_lang(request), "saved")})
    return back_to(meeting_id, anchor)


def _failed(
    request: Request, meeting_id: str, anchor: str, exc: edit.EditError, form: str, fields: dict[str, str]
) -> Response:
    """The error beside its field; without JS the typed text waits in the session for the page to show it."""
    key = str(exc)
    if wants_json(request):
        message = translate(request_lang(request), f"err_{key}")
        return JSONResponse({"ok": False, "error": key, "field": exc.field, "message": message}, status_code=422)
    request.session[DRAFT_KEY] = {
        "form": form,
        "error": key,
        "field": exc.field,
        "fields": _within(fields, DRAFT_CHARS),
    }
    return back_to(meeting_id, anchor, key)


def _changed(
    request: Request, meeting_id: str, form: str, exc: ChangedMeanwhile, kind: str, fields: dict[str, str]
) -> Response:
    """Another reviewer changed it first: who, and (review.js) the typed text handed back; without JS the page
    comes back with her text in the field and says that saving again replaces the other's change."""
    key = f"err_{kind}changed_by" if exc.by else f"err_{kind}changed_someone"
    if wants_json(request):
        message = translate(request_lang(request), key, by=exc.by)
        return JSONResponse({"ok": False, "error": "changed", "by": exc.by, "message": message}, status_code=409)
    return _failed(request, meeting_id, form, edit.EditError(f"{kind}changed"), form, fields)


# --- page -----------------------------------------------------------------------------------------
@router.get("/meetings/{meeting_id}")
def review_page(
    request: Request,
    meeting_id: str,
    error: str | None = None,
    partial: bool = False,
    user: CurrentUser = Depends(current_user),
) -> Response:
    """The page; `partial=1` is review.js fetching it again after a save (not a new view for the audit log)."""
    meeting = get_meeting(user, meeting_id)
    status = meeting_status(meeting, request_lang(request))
    base = {"user": user, "meeting": meeting, "status": status, "can_manage": can_manage(user, meeting)}
    if status["state"] != "done":
        return page(request, "pending.html", **base)
    transcript = store.load_transcript(meeting_id)
    minutes = store.load_minutes(meeting_id)
    assert transcript is not None
    if not partial:
        audit.record("view", f"meeting:{meeting_id}", user.name)
    draft = request.session.pop(DRAFT_KEY, None)
    level = confidence.level(transcript)
    graded = {s.id: uncertainty.graded_words(s, level) for s in transcript.segments}
    labels = transcript.speaker_labels() + [
        s.label for s in transcript.speakers if s.label not in transcript.speaker_labels()
    ]
    infos = {s.label: s for s in transcript.speakers}
    return page(
        request, "review.html", **base, transcript=transcript, minutes=minutes, error=error,
        speakers=[(label, infos.get(label)) for label in labels],
        speaker_names={label: transcript.speaker_name(label) for label in labels},
        proposals=sum(1 for s in transcript.speakers if s.proposed_name and not s.name),
        spk_index={label: i % 8 for i, label in enumerate(labels)},
        unnamed=any(not (infos.get(label) and infos[label].name) for label in labels),
        editable=can_edit(user, meeting) and not meeting.locked,
        can_reopen=can_reopen(user) and meeting.locked,
        regenerating=tasks.running(meeting_id), regen_error=tasks.error(meeting_id),
        enrolling=tasks.enrolling(meeting_id), enrolment=tasks.enrolment_result(meeting_id),
        can_enroll=can_reopen(user) and meeting.locked and any(
            s.name and s.name_source in CONFIRMED_SOURCES for s in transcript.speakers),
        graded=graded, uncertain_segments={i for i, words in graded.items() if any(g >= 2 for _, g, _ in words)},
        evidence_segments=uncertainty.evidence_segments(minutes),
        unreviewed=unreviewed_rows(meeting_id, minutes), nameless=nameless_speakers(transcript),
        draft=draft if isinstance(draft, dict) and draft.get("error") == error else None,
        new_speaker=speaker_edits.NEW_SPEAKER,
        sections=edit.SECTIONS, addable=edit.ADDABLE,
        plain_conclusions=[(i, c) for i, c in enumerate(minutes.conclusions) if isinstance(c, str)] if minutes
        else [],
    )  # fmt: skip


# --- transcript edits ---------------------------------------------------------------------------------
@router.post("/meetings/{meeting_id}/speakers")
def rename_speakers(
    meeting_id: str, label: list[str] = Form([]), name: list[str] = Form([]), user: CurrentUser = Depends(current_user)
) -> RedirectResponse:
    editable_meeting(user, meeting_id)
    if len(label) != len(name):
        raise HTTPException(400)
    with working_copy(meeting_id) as (transcript, minutes):
        detail = edit.rename_speakers(transcript, minutes, dict(zip(label, name, strict=True)))
    record_edit(meeting_id, user, "rename_speaker", detail, "rename_speaker")
    return back_to(meeting_id, "speakers")


@router.post("/meetings/{meeting_id}/segments/{segment_id}")
def edit_segment(
    request: Request,
    meeting_id: str,
    segment_id: int,
    text: str = Form(""),
    speaker: str = Form(""),
    seen: str = Form(""),
    user: CurrentUser = Depends(current_user),
) -> Response:
    """The segment editor: its text, and (the select beside the time) who said it."""
    editable_meeting(user, meeting_id)
    moved = None
    try:
        with working_copy(meeting_id) as (transcript, minutes):
            if segment_changed_since(transcript, segment_id, seen):  # another reviewer's change meanwhile
                raise ChangedMeanwhile(segment_changed_by(meeting_id, segment_id, user.name))
            detail = edit.edit_segment(transcript, minutes, segment_id, text)
            if speaker:
                moved = speaker_edits.reassign(transcript, minutes, segment_id, speaker)
    except ChangedMeanwhile as exc:
        return _changed(request, meeting_id, f"seg-{segment_id}", exc, "seg_", {"text": text})
    except edit.EditError as exc:
        return _failed(request, meeting_id, f"seg-{segment_id}", exc, f"seg-{segment_id}", {"text": text})
    record_edit(meeting_id, user, "edit_segment", detail)
    if moved:
        record_edit(
            meeting_id,
            user,
            "reassign_turn",
            moved[0],
            "reassign_turn",
            audit_detail=f"segment {segment_id} -> {moved[1]}",
        )
    return _saved(request, meeting_id, f"seg-{segment_id}")


# --- minutes edits ---------------------------------------------------------------------------------------
FIELD_NAMES = ("text", "proposed_by", "what", "owner", "due", "reason", "heading", "paragraph", "when", "filed_under")


async def _fields(request: Request) -> dict[str, str]:
    form = await request.form()
    return {k: v for k in FIELD_NAMES if isinstance(v := form.get(k), str)}


@router.post("/meetings/{meeting_id}/items/{item_id}")
def update_item(
    request: Request,
    meeting_id: str,
    item_id: str,
    op: str = Form("edit"),
    seen: str = Form(""),
    fields: dict[str, str] = Depends(_fields),
    user: CurrentUser = Depends(current_user),
) -> Response:
    editable_meeting(user, meeting_id)
    try:
        with minutes_copy(meeting_id) as (_, minutes):
            if changed_since(minutes, item_id, seen):  # another reviewer's change since this page was loaded
                raise ChangedMeanwhile(changed_by(meeting_id, minutes, item_id, user.name))
            detail = edit.update_item(minutes, item_id, op, fields)
    except ChangedMeanwhile as exc:
        return _changed(request, meeting_id, f"item-{item_id}", exc, "", fields)
    except edit.EditError as exc:
        return _failed(request, meeting_id, f"item-{item_id}", exc, f"item-{item_id}", fields)
    record_edit(meeting_id, user, "edit_minutes", detail)
    return _saved(request, meeting_id, f"item-{item_id}")


@router.post("/meetings/{meeting_id}/items")
def add_item(
    request: Request,
    meeting_id: str,
    section: str = Form(""),
    segment_id: str = Form(""),
    fields: dict[str, str] = Depends(_fields),
    user: CurrentUser = Depends(current_user),
) -> Response:
    editable_meeting(user, meeting_id)
    seg = int(segment_id) if segment_id.strip().isdigit() else None
    try:
        with minutes_copy(meeting_id) as (transcript, minutes):
            detail = edit.add_item(minutes, transcript, section, fields, seg)
    except edit.EditError as exc:
        return _failed(
            request, meeting_id, f"sec-{section}", exc, f"add-{section}", {**fields, "segment_id": segment_id}
        )
    record_edit(meeting_id, user, "add_item", detail)
    return _saved(request, meeting_id, f"sec-{section}")


@router.post("/meetings/{meeting_id}/protokoll-decisions")
def adopt_decision(
    request: Request,
    meeting_id: str,
    op: str = Form(""),
    text: str = Form(""),
    segments: str = Form(""),
    filed_under: str = Form(""),
    user: CurrentUser = Depends(current_user),
) -> Response:
    """A decision the protokoll read from an item's structure, accepted or rejected from its § (protokoll_review)."""
    editable_meeting(user, meeting_id)
    try:
        with minutes_copy(meeting_id) as (transcript, minutes):
            detail = adopt(minutes, transcript, text, segments, filed_under, op)
    except edit.EditError as exc:
        return _failed(request, meeting_id, "sec-protokoll", exc, "", {"text": text})
    record_edit(meeting_id, user, "edit_minutes", detail)
    return _saved(request, meeting_id, "sec-protokoll")


@router.post("/meetings/{meeting_id}/summary")
def edit_summary(
    request: Request,
    meeting_id: str,
    description: str = Form(""),
    mood: str = Form(""),
    user: CurrentUser = Depends(current_user),
) -> Response:
    editable_meeting(user, meeting_id)
    with working_copy(meeting_id) as (_, minutes):
        detail = edit.edit_summary(minutes, description, mood) if minutes else None
    record_edit(meeting_id, user, "edit_minutes", detail)
    return _saved(request, meeting_id, "sec-summary")


@router.post("/meetings/{meeting_id}/regenerate")
def regenerate(meeting_id: str, user: CurrentUser = Depends(current_user)) -> Response:
    editable_meeting(user, meeting_id)
    if not store.has_result(meeting_id):
        raise HTTPException(409, "not_ready")
    tasks.regenerate_minutes(meeting_id, user.name)
    add_change(meeting_id, user.name, "regenerate", "")
    audit.record("edit", f"meeting:{meeting_id}", user.name, "regenerate minutes")
    return back_to(meeting_id, "minutes")


# --- approval ----------------------------------------------------------------------------------------------
@router.get("/meetings/{meeting_id}/approve/confirm")
def approve_confirm(request: Request, meeting_id: str, user: CurrentUser = Depends(current_user)) -> Response:
    """Asking first without JavaScript: what would be locked, and which items nobody has reviewed."""
    meeting = editable_meeting(user, meeting_id)
    transcript = store.load_transcript(meeting_id)
    return page(request, "approve.html", user=user, meeting=meeting,
                unreviewed=unreviewed_rows(meeting_id, store.load_minutes(meeting_id)),
                nameless=nameless_speakers(transcript) if transcript else [])  # fmt: skip


@router.post("/meetings/{meeting_id}/approve")
def approve(meeting_id: str, confirmed: str = Form(""), user: CurrentUser = Depends(current_user)) -> Response:
    """Locks a version only once the reviewer has said yes (the page's dialog, or the confirmation page)."""
    editable_meeting(user, meeting_id)
    if confirmed != "1":
        return RedirectResponse(f"/meetings/{meeting_id}/approve/confirm", status_code=303)
    with store.meeting_lock(meeting_id), session() as s:
        meeting = s.get(Meeting, meeting_id)
        assert meeting is not None
        if meeting.locked:  # another reviewer approved it since the check above: one version, not two
            raise HTTPException(409, "locked")
        meeting.version += 1
        meeting.locked = True
        meeting.approved_by = user.name
        meeting.approved_at = dt.datetime.now(dt.UTC)
        version = meeting.version
        store.snapshot(meeting_id, version)
        store.publish_approved(meeting_id, version)
    add_change(meeting_id, user.name, "approve", f"v{version}")
    audit.record("approve", f"meeting:{meeting_id}", user.name, f"version {version}")
    return back_to(meeting_id)


@router.post("/meetings/{meeting_id}/reopen")
def reopen(meeting_id: str, user: CurrentUser = Depends(current_user)) -> RedirectResponse:
    meeting = get_meeting(user, meeting_id)
    if not can_reopen(user):
        raise HTTPException(403, "role")
    if meeting.locked:
        with session() as s:
            row = s.get(Meeting, meeting_id)
            assert row is not None
            row.locked = False
            # No longer final: retention (transcribe.jobs.retention) counts from an approval, so clear it.
            row.approved_at = None
        add_change(meeting_id, user.name, "reopen", f"v{meeting.version}")
        audit.record("edit", f"meeting:{meeting_id}", user.name, f"reopen after version {meeting.version}")
    return back_to(meeting_id)


@router.get("/meetings/{meeting_id}/history")
def history(request: Request, meeting_id: str, user: CurrentUser = Depends(current_user)) -> Response:
    meeting = get_meeting(user, meeting_id)
    return page(
        request,
        "history.html",
        user=user,
        meeting=meeting,
        changes=entries(meeting_id, request_lang(request)),
        versions=list(range(meeting.version, 0, -1)),
    )
