"""Swedish months, weekdays, and the one way the product writes a date and a clock time.

A position in a recording is "00:03:25" (hours, minutes, seconds), never a time of day.
Clock times follow the Swedish standard (Språkrådet, TNC): a full stop between hours and
minutes, "kl. 10.00". Dates are written "3 december 2026", with the weekday first when it
helps the reader ("torsdag 3 december 2026 kl. 10.00"), as in the network's own reports.
"""

from __future__ import annotations

import datetime as dt

MONTH_NAMES = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
               "november", "december")  # fmt: skip
_MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
                        "okt": 10, "nov": 11, "dec": 12}  # fmt: skip
# Month word -> month number, the written abbreviations ("14 dec.") included.
MONTHS: dict[str, int] = {**{m: i for i, m in enumerate(MONTH_NAMES, 1)}, **_MONTH_ABBREVIATIONS}
WEEKDAY_NAMES = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")
WEEKDAYS: dict[str, int] = {d: i for i, d in enumerate(WEEKDAY_NAMES)}  # as date.weekday(): Monday 0


def clock(value: dt.time | dt.datetime) -> str:
    """The clock time as Swedish text writes it: "10.00", "14.30"."""
    return f"{value.hour:02d}.{value.minute:02d}"


def elapsed(seconds: float) -> str:
    """A position in the recording, "00:03:25": hours, minutes and seconds, not a time of day."""
    s = int(max(0.0, seconds))
    return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"


def format_date(value: dt.datetime | dt.date | None, weekday: bool = False) -> str:
    """'3 december 2026', 'kl. 10.00' added for a datetime, the weekday first on request; None is ''."""
    if value is None:
        return ""
    day = value.date() if isinstance(value, dt.datetime) else value
    text = f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"
    if weekday:
        text = f"{WEEKDAY_NAMES[day.weekday()]} {text}"
    if isinstance(value, dt.datetime):
        text += f" kl. {clock(value)}"
    return text
