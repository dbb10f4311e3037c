"""The agenda in the web app: checked at upload, stored beside the recording, shown as §§ on the review page.

The protokoll is rebuilt from the current (possibly edited) transcript and
minutes each time the review page is drawn: alignment takes milliseconds, so
every edit, rename or regeneration shows up under its § at once.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from transcribe.agenda.heading import Heading, agenda_heading, title_from_agenda
from transcribe.agenda.parse import Agenda, parse_agenda
from transcribe.errors import AgendaError, UserError
from transcribe.meeting import agenda_file as agenda_path
from transcribe.minutes.protokoll import Protokoll, build_protokoll
from transcribe.web import store
from transcribe.web.render import templates
from transcribe.web.upload import StagedFile

SUFFIXES = (".txt", ".md", ".docx")
FIELD = "agenda"


def staged_agenda(files: list[StagedFile]) -> StagedFile | None:
    return next((f for f in files if f.field == FIELD and (f.size > 0 or f.filename)), None)


def check_staged(staged: StagedFile) -> Path:
    """Give the staged upload its suffix and parse it; AgendaError says why it cannot be used."""
    suffix = Path(staged.filename).suffix.lower()
    if suffix not in SUFFIXES:
        raise AgendaError(f"okänt format ({suffix or 'utan filändelse'}); använd .txt, .md eller .docx")
    if staged.size == 0:
        raise AgendaError("filen är tom")
    named = staged.path.with_suffix(suffix)
    os.replace(staged.path, named)
    staged.path = named
    try:
        parse_agenda(named)
    except UserError as exc:
        raise AgendaError(exc.message.replace(str(named) + ": ", "")) from exc
    return named


def meeting_title(checked: Path) -> str:
    """The meeting the agenda heads ("Styrelsemöte i Brf Eken"), titling an upload whose Rubrik was left blank."""
    return title_from_agenda(parse_agenda(checked).title)


def meeting_heading(checked: Path) -> Heading:
    """The date and place the agenda states, for an upload whose Datum or Plats was left blank."""
    return agenda_heading(parse_agenda(checked))


def store_agenda(checked: Path, meeting_dir: Path) -> Path:
    """A private copy in the meeting directory (meeting data: 0600)."""
    dest = agenda_path(meeting_dir, checked.suffix)
    shutil.copyfile(checked, dest)
    os.chmod(dest, 0o600)
    return dest


def agenda_file(meeting_id: str) -> Path | None:
    folder = store.meeting_path(meeting_id)
    return next((p for p in (agenda_path(folder, s) for s in SUFFIXES) if p.exists()), None)


def meeting_agenda(meeting_id: str) -> Agenda | None:
    path = agenda_file(meeting_id)
    if path is None:
        return None
    try:
        return parse_agenda(path)
    except UserError:
        return None  # checked at upload; a file damaged since then only loses the § view


def protokoll_of(meeting_id: str) -> Protokoll | None:
    """The § structure for the review page, or None for a meeting without an agenda."""
    agenda = meeting_agenda(meeting_id)
    if agenda is None:
        return None
    transcript = store.load_transcript(meeting_id)
    minutes = store.load_minutes(meeting_id)
    if transcript is None or minutes is None:
        return None
    return build_protokoll(minutes, transcript, agenda)


templates.env.globals["protokoll_of"] = protokoll_of
