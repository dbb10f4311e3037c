"""The recording (with HTTP Range, so the player can seek) and exports of the current or an approved version.

A meeting with an agenda exports its minutes as the § protokoll, rebuilt at each download from the
agenda, the transcript and the reviewed items, so every accept, edit and reject shows under its §.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import FileResponse, Response

from transcribe import audit, formats
from transcribe.minutes.protokoll import build_protokoll
from transcribe.minutes.protokoll_render import protokoll_docx_bytes, render_protokoll_markdown
from transcribe.minutes.render import docx_bytes, render_markdown, status_line
from transcribe.minutes.summary import refresh
from transcribe.web import store, upload
from transcribe.web.agenda import meeting_agenda
from transcribe.web.auth import CurrentUser, current_user, get_meeting
from transcribe.web.history import approval
from transcribe.web.render import request_lang

router = APIRouter()
TRANSCRIPT_FORMATS = {"txt": "text/plain", "srt": "application/x-subrip", "vtt": "text/vtt",
                      "json": "application/json", "md": "text/markdown"}  # fmt: skip
MINUTES_FORMATS = {"md": "text/markdown", "json": "application/json",
                   "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}  # fmt: skip


@router.get("/meetings/{meeting_id}/audio")
def audio(meeting_id: str, user: CurrentUser = Depends(current_user)) -> FileResponse:
    get_meeting(user, meeting_id)
    path = store.input_file(meeting_id)
    if path is None:
        raise HTTPException(404, "audio")
    # FileResponse answers Range requests with 206 and Accept-Ranges, which seeking needs.
    return FileResponse(path, media_type=upload.media_type(path), headers={"Cache-Control": "private, no-store"})


def _filename(title: str, suffix: str, ascii_only: bool = False) -> str:
    """The title as a file name: letters and digits, the rest one hyphen; Swedish letters kept ('Årsmöte-2026'),
    or folded to ASCII ('Arsmote-2026') for the plain `filename` old clients read."""
    text = unicodedata.normalize("NFKD" if ascii_only else "NFC", title)
    if ascii_only:
        text = text.encode("ascii", "ignore").decode()
    return (re.sub(r"[\W_]+", "-", text).strip("-")[:60] or "protokoll") + suffix


def attachment(body: bytes | str, media_type: str, title: str, suffix: str) -> Response:
    plain, name = _filename(title, suffix, ascii_only=True), _filename(title, suffix)
    disposition = f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(name)}"
    if media_type.startswith("text/") or media_type == "application/json":
        media_type += "; charset=utf-8"
    return Response(
        body, media_type=media_type, headers={"Content-Disposition": disposition, "Cache-Control": "private, no-store"}
    )


@router.get("/meetings/{meeting_id}/export/transcript.{fmt}")
def export_transcript(
    meeting_id: str, fmt: str, version: int | None = None, user: CurrentUser = Depends(current_user)
) -> Response:
    meeting = get_meeting(user, meeting_id)
    if fmt not in TRANSCRIPT_FORMATS:
        raise HTTPException(404, "format")
    transcript = store.load_transcript(meeting_id, version)
    if transcript is None:
        raise HTTPException(404, "transcript")
    audit.record("export", f"meeting:{meeting_id}", user.name, f"transcript.{fmt} v{version or 'current'}")
    return attachment(formats.WRITERS[fmt](transcript), TRANSCRIPT_FORMATS[fmt], meeting.title, f"-transkription.{fmt}")


@router.get("/meetings/{meeting_id}/export/minutes.{fmt}")
def export_minutes(
    request: Request, meeting_id: str, fmt: str, version: int | None = None, user: CurrentUser = Depends(current_user)
) -> Response:
    meeting = get_meeting(user, meeting_id)
    if fmt not in MINUTES_FORMATS:
        raise HTTPException(404, "format")
    transcript = store.load_transcript(meeting_id, version)
    minutes = store.load_minutes(meeting_id, version)
    if transcript is None or minutes is None:
        raise HTTPException(404, "minutes")
    audit.record("export", f"meeting:{meeting_id}", user.name, f"minutes.{fmt} v{version or 'current'}")
    lang = "en" if request_lang(request) == "en" else "sv"
    agenda = meeting_agenda(meeting_id) if fmt != "json" else None
    if fmt == "json":  # the full record, rejected items included with their status
        body: bytes | str = refresh(minutes).to_json()  # the summary as the items now read
    elif agenda is not None:  # the § layout, rebuilt from the reviewed items; a Swedish document
        protokoll = build_protokoll(minutes, transcript, agenda)
        status = status_line(minutes, approval(meeting, version), "sv", protokoll)
        if fmt == "md":
            body = render_protokoll_markdown(protokoll, status)
        else:
            body = protokoll_docx_bytes(protokoll, status)
    elif fmt == "md":  # the readable renderings leave rejected items out
        body = render_markdown(minutes, transcript, lang=lang, approval=approval(meeting, version))
    else:
        body = docx_bytes(minutes, lang=lang, approval=approval(meeting, version))
    return attachment(body, MINUTES_FORMATS[fmt], meeting.title, f"-protokoll.{fmt}")
