"""Speaker review actions from the review page's "Talare" panel, and voice profiles from an approved meeting.

Reassigning one segment is part of the segment editor (routes_review.edit_segment).
Every action saves a new working copy through the same per-meeting lock as the
other edits, is refused once the version is approved, and goes to the meeting
history (names) and the audit log (labels and ids only).
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, HTTPException
from fastapi.responses import RedirectResponse

from transcribe.minutes import edit
from transcribe.speakers.profiles import CONFIRMED_SOURCES
from transcribe.web import speaker_edits, store, tasks
from transcribe.web.auth import CurrentUser, can_reopen, current_user, get_meeting
from transcribe.web.routes_review import back_to, editable_meeting, record_edit, working_copy
from transcribe.web.security import require_csrf

router = APIRouter(dependencies=[Depends(require_csrf)])


@router.post("/meetings/{meeting_id}/speakers/merge")
def merge(
    meeting_id: str, keep: str = Form(""), drop: str = Form(""), user: CurrentUser = Depends(current_user)
) -> RedirectResponse:
    editable_meeting(user, meeting_id)
    try:
        with working_copy(meeting_id) as (transcript, minutes):
            detail = speaker_edits.merge(transcript, minutes, keep, drop)
    except edit.EditError as exc:
        return back_to(meeting_id, "speakers", str(exc))
    record_edit(meeting_id, user, "merge_speakers", detail, "merge_speakers", audit_detail=f"{drop} -> {keep}")
    return back_to(meeting_id, "speakers")


@router.post("/meetings/{meeting_id}/speakers/split")
def split(
    meeting_id: str, label: str = Form(""), segments: str = Form(""), user: CurrentUser = Depends(current_user)
) -> RedirectResponse:
    editable_meeting(user, meeting_id)
    try:
        ids = speaker_edits.parse_segment_ids(segments)
        with working_copy(meeting_id) as (transcript, minutes):
            detail, fresh = speaker_edits.split(transcript, minutes, label, ids)
    except edit.EditError as exc:
        return back_to(meeting_id, "speakers", str(exc))
    record_edit(
        meeting_id,
        user,
        "split_speaker",
        detail,
        "split_speaker",
        audit_detail=f"{label} -> {fresh}: {len(ids)} segments",
    )
    return back_to(meeting_id, f"seg-{ids[0]}")


@router.post("/meetings/{meeting_id}/speakers/proposal")
def proposal(
    meeting_id: str, confirm: str = Form(""), dismiss: str = Form(""), user: CurrentUser = Depends(current_user)
) -> RedirectResponse:
    """The Bekräfta/Avfärda buttons beside a voice-profile guess ("Johan?")."""
    editable_meeting(user, meeting_id)
    label = confirm or dismiss
    if not label:
        raise HTTPException(400)
    with working_copy(meeting_id) as (transcript, minutes):
        if confirm:
            detail = speaker_edits.confirm_proposal(transcript, minutes, label)
        else:
            detail = speaker_edits.dismiss_proposal(transcript, minutes, label)
    action = "confirm_proposal" if confirm else "dismiss_proposal"
    record_edit(meeting_id, user, action, detail, "rename_speaker", audit_detail=f"{action} {label}")
    return back_to(meeting_id, "speakers")


@router.post("/meetings/{meeting_id}/profiles")
def enroll_profiles(meeting_id: str, user: CurrentUser = Depends(current_user)) -> RedirectResponse:
    """Spara röstprofiler: the voices of the people named in the approved version, for the next meetings."""
    meeting = get_meeting(user, meeting_id)
    if not can_reopen(user):  # facilitators and admins: whoever is trusted to vouch for an approved record
        raise HTTPException(403, "role")
    if not meeting.locked:
        return back_to(meeting_id, "speakers", "not_approved")
    transcript = store.load_transcript(meeting_id)
    if transcript is None or not any(s.name and s.name_source in CONFIRMED_SOURCES for s in transcript.speakers):
        return back_to(meeting_id, "speakers", "no_confirmed_names")
    tasks.enrol_profiles(meeting_id, user.name)
    return back_to(meeting_id, "speakers")
