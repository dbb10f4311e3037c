"""The next meeting's day when its number was lost between a weekday and a month, or the count of weeks before
"veckor" was lost, read from the usual interval.

"Nästa möte blir torsdagen <vi> <klok> februari", "tisdagen den <-> mars klockan tio": the weekday and month narrow
the day to four or five, and no word is left to pick one. A series meets on its own weekday at whole weeks, most
often four weeks on (the dev meetings: 71 of 205 dated next meetings four weeks on, the next most usual two weeks
on, 27), so the day of that weekday and month nearest four weeks after this meeting is given, flagged to be checked
against the audio; a reviewer corrects a wrong week faster than a missing date. "Nästa teammöte <har> <på> veckor,
torsdag": the plural says two or more weeks, and "om två veckor" is the count said most (31 of the dev meetings'
59 "om N veckor"), so two weeks on is given, flagged the same way.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from transcribe.minutes.dates import When
from transcribe.minutes.rules.safety import PREFIX
from transcribe.sv.calendar import MONTH_NAMES, WEEKDAY_NAMES
from transcribe.sv.numbers import CARDINALS

INTERVAL_WHY = f"{PREFIX}dagen i månaden hördes inte; veckodagen närmast fyra veckor efter detta möte antogs"
_USUAL_DAYS = 28
_USUAL_WEEKS = 2  # "om två veckor": the count said most
# "om <på> veckor", "<har> <på> veckor": the word for the count lost before "veckor", "om" heard or lost too
_WEEKS_LOST = re.compile(r"\b(?P<om>[a-zåäö]+)\s+(?P<n>[a-zåäö]+)\s+veckor\b")
# counts no number stands for: "om några veckor", "om ett par veckor" is no day
_VAGUE_COUNTS = frozenset("några par flera många fler ett en".split())
_WEEKDAY_MONTH = re.compile(
    rf"^(?P<wd>{'|'.join(WEEKDAY_NAMES)})(?:en)?\b(?P<mid>(?:\s*,?\s*[\w-]+){{0,3}}?)\s+"
    rf"(?P<mon>{'|'.join(MONTH_NAMES)})\b"
)


def weekday_in_month(heard: str, ref: dt.date) -> dt.date | None:
    """The day a weekday and month said with the day's number lost name, nearest four weeks after `ref` (within
    the next three months), or None when the words are not a weekday, a lost number and a month."""
    m = _WEEKDAY_MONTH.match(heard.lower().strip())
    if m is None or re.findall(r"[\w-]+", m.group("mid"))[-1:] == ["i"]:
        return None  # "<blomman> tisdagen i januari": a count lost, which a series' own count reads
    wd, month = WEEKDAY_NAMES.index(m.group("wd")), MONTH_NAMES.index(m.group("mon")) + 1
    year = ref.year if month >= ref.month else ref.year + 1
    days = [dt.date(year, month, 1) + dt.timedelta(days=k) for k in range(31)]
    days = [d for d in days if d.month == month and d.weekday() == wd and ref < d <= ref + dt.timedelta(days=92)]
    if not days:
        return None
    usual = ref + dt.timedelta(days=_USUAL_DAYS)
    return min(days, key=lambda d: (abs((d - usual).days), d))


# "Nästa möte <och> <får> <-tjugofemte> mars klockan tio": a month whose weekday and day were lost before it
_MONTH_ALONE = re.compile(rf"(?P<x>[\w-]+)\s+(?P<mon>{'|'.join(MONTH_NAMES)})\b")
# what may stand before a month said alone and mean it: "i mars", "från mars", "i början av mars"
_BEFORE_MONTH = frozenset("i under efter från till av före innan sista början mitten slutet hela varje per".split())
_SOME_TIME = re.compile(r"\b(?:någon\s+gång|början|mitten|slutet)\b")  # "någon gång <kan> augusti": no day
OWN_WEEKDAY_WHY = f"{PREFIX}veckodagen och dagen hördes inte; detta mötes veckodag närmast fyra veckor efter antogs"


def month_alone(low: str, ref: dt.date, misheard: Callable[[str], bool]) -> tuple[dt.date, int, int] | None:
    """'Nästa möte <och> <får> mars klockan tio': a month with a misheard word where its weekday and day stood;
    a series meets on its own weekday, so this meeting's weekday in that month nearest four weeks on (the day,
    and where the heard words stand), else None."""
    m = _MONTH_ALONE.search(low)
    if (
        _SOME_TIME.search(low)
        or m is None
        or m.group("x") in _BEFORE_MONTH
        or not (m.group("x") == "den" or misheard(m.group("x")))
    ):
        return None
    day = weekday_in_month(f"{WEEKDAY_NAMES[ref.weekday()]} {m.group('x')} {m.group('mon')}", ref)
    return None if day is None else (day, m.start(), m.end())


def interval_when(lost: When, text: str, ref: dt.date, hour: dt.time | None) -> When | None:
    """The lost phrase as heard (`lost.text`, found in the sentence `text`) read as that day, at `hour`."""
    day = weekday_in_month(lost.text, ref)
    if day is None:
        return None
    at = max(0, text.find(lost.text))
    return When(date=day, time=hour, text=lost.text, start=at, end=at + len(lost.text), kind="wd_day")


def weeks_lost(low: str, ref: dt.date, misheard: Callable[[str], bool]) -> tuple[dt.date, str] | None:
    """'om <på> veckor': the day two weeks after `ref` (a weekday said beside it moves it within that week) and
    the word heard where the count stood, when that word and the one before it ('om' or misheard) allow."""
    m = _WEEKS_LOST.search(low)
    if m is None or m.group("n") in CARDINALS or m.group("n") in _VAGUE_COUNTS or not misheard(m.group("n")):
        return None
    if m.group("om") != "om" and not misheard(m.group("om")):
        return None
    return ref + dt.timedelta(weeks=_USUAL_WEEKS), m.group("n")
