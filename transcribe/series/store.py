"""Series on disk: one JSON file per series under data_dir()/series/.

Writes are atomic and read-modify-write is serialised with a file lock, because
the web app, the job workers and the CLI may add meetings at the same time.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from filelock import FileLock

from transcribe.config import data_dir
from transcribe.errors import BadOption, InputNotFound, OutputExists
from transcribe.fsutil import atomic_write_text, private_dir
from transcribe.series.model import Series, SeriesMeeting

SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")


def series_dir() -> Path:
    return data_dir() / "series"


def validate_name(name: str) -> str:
    """A slug (a-z, 0-9, hyphen) so the name is a safe file name and URL part."""
    if not SLUG.match(name or "") or "--" in name:
        raise BadOption(
            f"ogiltigt serienamn {name!r}: skriv små bokstäver a-z, siffror och enstaka bindestreck,"
            " t.ex. 'natverk-skelleftea'"
        )
    return name


def series_path(name: str) -> Path:
    return series_dir() / f"{validate_name(name)}.json"


def _lock(name: str) -> FileLock:
    private_dir(series_dir())
    return FileLock(str(series_dir() / f".{name}.lock"), timeout=30, mode=0o600)  # named after the series: private


def exists(name: str) -> bool:
    return SLUG.match(name or "") is not None and series_path(name).is_file()


def load(name: str) -> Series:
    path = series_path(name)
    if not path.is_file():
        raise InputNotFound(f"ingen serie heter {name!r} (skapa den med: transcribe series create {name})")
    return Series.model_validate_json(path.read_text(encoding="utf-8"))


def save(series: Series) -> Path:
    return atomic_write_text(series_path(series.name), series.model_dump_json(indent=2) + "\n")


def create(name: str, description: str = "", purpose: str = "") -> Series:
    validate_name(name)
    with _lock(name):
        if series_path(name).exists():
            raise OutputExists(f"serien {name!r} finns redan")
        series = Series(name=name, description=description, purpose=purpose, created=_now())
        save(series)
    return series


def resolve_meeting_dir(value: str | Path) -> Path:
    """A meeting directory, or the id of a meeting the web app/jobs keep under data_dir()/meetings/."""
    path = Path(value).expanduser()
    if not path.exists():
        kept = data_dir() / "meetings" / str(value)
        if kept.is_dir():
            path = kept
    if not path.is_dir():
        raise InputNotFound(f"{value} är ingen mötesmapp; ange en mapp med transcript.json eller ett mötes-id")
    if not (path / "transcript.json").is_file():
        raise InputNotFound(f"{path} saknar transcript.json; ange mappen som ett möte skrevs till")
    return path.resolve()


def add(name: str, dirs: list[str | Path]) -> tuple[Series, list[Path]]:
    """Append meeting directories; ones already in the series are skipped. Returns (series, added)."""
    resolved = [resolve_meeting_dir(d) for d in dirs]  # check all before changing anything
    with _lock(validate_name(name)):
        series = load(name)
        known = {m.path for m in series.meetings}
        added: list[Path] = []
        for path in resolved:
            if str(path) not in known:
                series.meetings.append(SeriesMeeting(path=str(path), added=_now()))
                known.add(str(path))
                added.append(path)
        save(series)
    return series, added


def list_all() -> list[Series]:
    if not series_dir().is_dir():
        return []
    out = []
    for path in sorted(series_dir().glob("*.json")):
        try:
            out.append(Series.model_validate_json(path.read_text(encoding="utf-8")))
        except ValueError:
            continue  # a damaged file must not hide the others
    return out


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def forget_meeting(path: str | Path) -> list[str]:
    """Drop a deleted meeting's directory from every series; returns the names of the series changed."""
    target = str(Path(path).resolve())
    changed = []
    for series in list_all():
        if not any(m.path == target for m in series.meetings):
            continue
        with _lock(series.name):
            current = load(series.name)
            current.meetings = [m for m in current.meetings if m.path != target]
            save(current)
        changed.append(series.name)
    return changed
