"""A meeting's title, date, time and place from its agenda's heading, for when the user gave none.

An agenda is headed by what the meeting is ("Styrelsemöte – PRO Lycksele"), often with the
document's own name around it ("Dagordning för styrelsemöte i Brf Tallen", "Miljönämnden –
föredragningslista"). The protokoll is not the agenda, so that name is dropped and the rest
titles the minutes; a heading that is only the document's name gives no title. The line under it
usually says when and where ("Onsdag 10 mars 2027 kl. 18.30 i föreningsstugan"); a date is taken
only with its year, so a protokoll never gets a day the agenda did not state.
"""

from __future__ import annotations

import datetime as dt
import re

from pydantic import BaseModel

from transcribe.agenda.parse import Agenda
from transcribe.minutes.dates import parse_when

_DOCUMENT = r"(?:dagordning|föredragningslista|ärendelista|kallelse|agenda)(?:en)?"
_SEP = r"[\s,:;–—-]*"
_LEADING = re.compile(rf"^{_DOCUMENT}(?:{_SEP}(?:för|till|vid)\b)?{_SEP}", re.IGNORECASE)
_TRAILING = re.compile(rf"{_SEP}{_DOCUMENT}$", re.IGNORECASE)


def title_from_agenda(heading: str) -> str:
    """The meeting named in an agenda heading, or "" when it names none."""
    rest = _TRAILING.sub("", _LEADING.sub("", " ".join(heading.split())))
    rest = rest.strip(" ,:;–—-")
    if not re.search(r"\w", rest):
        return ""
    return rest[0].upper() + rest[1:]


class Heading(BaseModel):
    """When and where an agenda's heading says the meeting is held; None where it does not say."""

    date: dt.date | None = None
    time: dt.time | None = None
    place: str | None = None


_YEAR = re.compile(r"\b20\d\d\b")
_PLACE_LABEL = re.compile(r"^(?:plats|lokal)\s*:\s*", re.IGNORECASE)
_END_TIME = re.compile(r"^\s*[–—-]\s*\d{1,2}[.:]\d{2}")


def agenda_heading(agenda: Agenda) -> Heading:
    """Date, time and place from the lines above an agenda's first item ("Plats:" wins for the place)."""
    found, labelled = Heading(), None
    for line in agenda.preamble:
        line = " ".join(line.strip(" *_").split())
        if _PLACE_LABEL.match(line):
            labelled = _PLACE_LABEL.sub("", line) or None
            continue
        when = parse_when(line, dt.date.today()) if found.date is None and _YEAR.search(line) else None
        if when is None or when.date is None:
            continue
        rest = _END_TIME.sub("", line[when.end :])
        rest = re.sub(r"\([^)]*\)", "", rest).strip(" ,;.–—-")
        rest = re.sub(r"^(?:i|på)\s+", "", rest, flags=re.IGNORECASE)
        found = Heading(date=when.date, time=when.time, place=rest or None)
    place = labelled or found.place
    return found.model_copy(update={"place": place[:1].upper() + place[1:] if place else None})


def fill_metadata(metadata: dict[str, str], heading: Heading) -> None:
    """A transcript's date, start time and place from the agenda, where its run recorded none."""
    if heading.date and not metadata.get("date"):
        metadata["date"] = heading.date.isoformat()
    if heading.time and not (metadata.get("start_time") or metadata.get("time")):
        metadata["start_time"] = heading.time.strftime("%H:%M")
    if heading.place and not metadata.get("place"):
        metadata["place"] = heading.place
