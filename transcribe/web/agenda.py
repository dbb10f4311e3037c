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
from transcribe.meeting import MINUTES, TRANSCRIPT, current_file
from transcribe.meeting import agenda_file as agenda_path
from transcribe.minutes.model import Minutes
from transcribe.minutes.protokoll import Protokoll, build_protokoll
from transcribe.minutes.protokoll_review import to_review
from transcribe.web import store
from transcribe.web.render import templates
from transcribe.web.upload import StagedFile

SUFFIXES = (".txt", ".md", ".docx")  # as stored in the meeting directory
FIELD = "agenda"


def staged_agenda(files: list[StagedFile]) -> StagedFile | None:
    return next((f for f in files if f.field == FIELD and (f.size > 0 or f.filename)), None)


def check_staged(staged: StagedFile) -> Path:
    """Give the staged upload its own suffix and parse it as the command line would; the error says why it cannot
    be used in the parser's words, without the staging path."""
    named = staged.path.with_suffix(Path(staged.filename).suffix.lower())
    os.replace(staged.path, named)
    staged.path = named
    try:
        parse_agenda(named)
    except UserError as exc:
        raise AgendaError(exc.message.removeprefix(f"{named}: ")) from exc
    return named


def meeting_title(checked: Path) -> str:
    """The meeting the agenda heads ("Styrelsemöte i Brf Eken"), titling an upload whose Rubrik was left blank."""
    return title_from_agenda(parse_agenda(checked).title)


def meeting_heading(checked: Path) -> Heading:
    """The date and place the agenda states, for an upload whose Datum or Plats was left blank."""
    return agenda_heading(parse_agenda(checked))


def store_agenda(checked: Path, meeting_dir: Path) -> Path:
    """A private copy in the meeting directory (meeting data: 0600); text by another name is kept as .txt."""
    dest = agenda_path(meeting_dir, checked.suffix if checked.suffix in SUFFIXES else ".txt")
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


_BUILT: dict[str, tuple[tuple[object, ...], Protokoll | None]] = {}  # meeting id -> (its files' stamp, protokoll)


def _stamp(meeting_id: str) -> tuple[object, ...]:
    """What the protokoll is built from, as it stands: the current transcript, minutes and agenda files (every save
    replaces its file by a rename, so a new inode: two saves of the same size within one clock tick still differ)."""
    folder = store.meeting_path(meeting_id)
    files = [current_file(folder, TRANSCRIPT), current_file(folder, MINUTES), agenda_file(meeting_id)]
    return tuple(_file_stamp(f) if f is not None else None for f in files)


def _file_stamp(path: Path) -> tuple[object, ...]:
    st = path.stat()
    return str(path), st.st_ino, st.st_mtime_ns, st.st_size


def protokoll_of(meeting_id: str) -> Protokoll | None:
    """The § structure for the review page, or None for a meeting without an agenda; built once per change of the
    meeting's files (the page asks for it for the §§ and for each decision's §: a build takes about a second)."""
    try:
        stamp = _stamp(meeting_id)
    except OSError:  # a file replaced or removed meanwhile: build from what is there now
        stamp = (object(),)
    cached = _BUILT.get(meeting_id)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    agenda = meeting_agenda(meeting_id)
    transcript = store.load_transcript(meeting_id) if agenda is not None else None
    minutes = store.load_minutes(meeting_id) if agenda is not None else None
    built = build_protokoll(minutes, transcript, agenda) if transcript and minutes and agenda else None
    if len(_BUILT) >= 16:
        _BUILT.clear()
    _BUILT[meeting_id] = (stamp, built)
    return built


def agenda_items(meeting_id: str) -> list[tuple[str, str]]:
    """(number, title) of the agenda's items, for putting a decision under another §; [] without an agenda."""
    prot = protokoll_of(meeting_id)
    return [(p.number, p.title) for p in prot.paragraphs] if prot else []


def placed_under(meeting_id: str) -> dict[str, tuple[str, str]]:
    """Decision id -> (number, title) of the § it stands under in the protokoll, for the decision's card; the number
    is "" for the talk outside the agenda."""
    prot = protokoll_of(meeting_id)
    if prot is None:
        return {}
    pars = [*prot.paragraphs, *([prot.other] if prot.other else [])]
    return {d.id: (p.number, p.title) for p in pars for d in p.decisions}


def unreviewed_rows(meeting_id: str, minutes: Minutes | None) -> list[tuple[str, str, str]]:
    """(section, label, anchor id) of everything nobody has reviewed in the meeting's current minutes, with the
    decisions its protokoll read from an item's course: what the review page and the approval list, and what the
    export's status line counts."""
    return to_review(minutes, protokoll_of(meeting_id)) if minutes is not None else []


templates.env.globals["protokoll_of"] = protokoll_of
templates.env.globals["agenda_items"] = agenda_items
templates.env.globals["placed_under"] = placed_under
