"""A counted weekday for the next meeting with one part misheard: 'första <?> i april', 'andra torsdagen i <?>'.

"Första tisdagen i april" names one day. When the weekday is lost, the meeting's own weekday is taken (a
series meets on its weekday); when the month is lost, the next such weekday after the meeting. Either way the
day rests on a guess and is shown to check.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from transcribe.sv.calendar import MONTH_NAMES, WEEKDAY_NAMES

_NTH = ("första", "andra", "tredje", "fjärde")
_COUNT = "|".join((*_NTH, "sista"))
_WD = "|".join(WEEKDAY_NAMES)
_MON = "|".join(MONTH_NAMES)
# "första tisdagen i <till>", "andra torsdagen i, klockan sju": the month lost after "i"
_MONTH_LOST = re.compile(rf"\b(?P<nth>{_COUNT})\s+(?P<wd>{_WD})(?:en)?\s+i\b(?:\s+(?P<x>[\w-]+))?")
# "första <förminolen> i april", "första <du> i februari": the weekday lost between the count and the month
# (a short word put in before the month: "första <och> i <är> maj")
_WEEKDAY_LOST = re.compile(rf"\b(?P<nth>{_COUNT})\s+(?P<x>[\w-]+)\s+i\s+(?:[a-zåäö]{{1,3}}\s+)?(?P<mon>{_MON})\b")
# "<bundhården> tisdagen <ie> april": the count before a weekday lost, "i" heard or a short word in its place
_COUNT_LOST = re.compile(rf"(?:^|\s)(?P<x>[\w-]+)\s+(?P<wd>{_WD})en\s+(?:i|[a-zåäö]{{1,2}})\s+(?P<mon>{_MON})\b")
# What may stand between a count and "i <month>" and be meant: "första veckan i maj", "sista helgen i juni"
_COUNTED_NOUNS = re.compile(r"^(?:veck|helg|dag|gång|omgång|mötet|möte|halv|del|kväll|tur|pass|termin)")
# A month misheard as a word of the sentence's time ("andra torsdagen i, klockan sju") is still lost.
_NOT_MONTH_OK = frozenset({"månaden", "månad", "varje", "nästa"})


@dataclass
class CountedDay:
    date: dt.date
    heard: str  # what was heard where the lost part stood ("" when nothing)
    meant: str  # what was read there ("tisdagen", "nästa månad")
    start: int
    end: int


def nth_weekday(year: int, month: int, weekday: int, nth: str) -> dt.date:
    """The first/second/third/fourth/last `weekday` of a month."""
    days = [dt.date(year, month, 1) + dt.timedelta(days=i) for i in range(31)]
    hits = [d for d in days if d.month == month and d.weekday() == weekday]
    return hits[-1] if nth == "sista" else hits[_NTH.index(nth)]


def _month_lost(low: str, ref: dt.date) -> CountedDay | None:
    m = _MONTH_LOST.search(low)
    if m is None:
        return None
    x = m.group("x") or ""
    if x in MONTH_NAMES:
        return None  # said whole: the date reader's
    wd = WEEKDAY_NAMES.index(m.group("wd"))
    year, month = ref.year, ref.month
    for _ in range(13):  # the next such weekday after the meeting
        day = nth_weekday(year, month, wd, m.group("nth"))
        if day > ref:
            meant = "nästa månad" if x in _NOT_MONTH_OK else MONTH_NAMES[day.month - 1]
            return CountedDay(day, "" if x in _NOT_MONTH_OK else x, meant, m.start(), m.end())
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def _weekday_lost(low: str, ref: dt.date) -> CountedDay | None:
    m = _WEEKDAY_LOST.search(low)
    x = m.group("x") if m else ""
    if m is None or any(x.startswith(w) for w in WEEKDAY_NAMES) or _COUNTED_NOUNS.match(x) or x.isdigit():
        return None
    month = MONTH_NAMES.index(m.group("mon")) + 1
    for year in (ref.year, ref.year + 1):
        day = nth_weekday(year, month, ref.weekday(), m.group("nth"))
        if day > ref:
            return CountedDay(day, x, f"{WEEKDAY_NAMES[ref.weekday()]}en", m.start(), m.end())
    return None


def counted_day(low: str, ref: dt.date, weekday_lost_ok: bool, month_lost_ok: bool) -> CountedDay | None:
    """The day a counted weekday names when its month or its weekday was lost (`*_lost_ok`: nothing was heard
    there or the word there was misheard), else None."""
    found = _month_lost(low, ref) if month_lost_ok else None
    if found is None and weekday_lost_ok:
        found = _weekday_lost(low, ref)
    return found


def count_slot(low: str) -> str | None:
    """The word standing where a counted weekday's count would ("<bundhården> tisdagen i april"), if any."""
    m = _COUNT_LOST.search(low)
    return m.group("x") if m and m.group("x") not in _COUNT.split("|") else None


def count_lost(low: str, ref: dt.date, nth: str) -> CountedDay | None:
    """The day "<x> tisdagen i april" names when the word lost before the weekday was the count `nth`."""
    m = _COUNT_LOST.search(low)
    if m is None:
        return None
    wd, month = WEEKDAY_NAMES.index(m.group("wd")), MONTH_NAMES.index(m.group("mon")) + 1
    for year in (ref.year, ref.year + 1):
        day = nth_weekday(year, month, wd, nth)
        if day > ref:
            return CountedDay(day, m.group("x"), nth, m.start("x"), m.end())
    return None


def own_count(ref: dt.date) -> str:
    """The count this meeting's day has in its month ("tredje" for the 18th): a series meets on it."""
    return (*_NTH, "sista")[(ref.day - 1) // 7]


def series_count(low: str, ref: dt.date) -> CountedDay | None:
    """'blir <-tredje> tisdagen i februari', '<senaste> torsdagen i juni': a definite weekday before 'i <month>'
    is counted, so its count was lost or misheard; on this meeting's weekday it is this meeting's count (read
    only when no count was heard, shown to check)."""
    m = _COUNT_LOST.search(low)
    if m is None or m.group("x") in _COUNT.split("|") or WEEKDAY_NAMES.index(m.group("wd")) != ref.weekday():
        return None
    found = count_lost(low, ref, own_count(ref))
    return None if found is None else CountedDay(found.date, m.group("x"), f"{own_count(ref)} {m.group('wd')}en",
                                                 found.start, found.end)  # fmt: skip


def month_slot(low: str) -> str | None:
    """The word standing where a counted weekday's month would ("andra torsdagen i <en>"): "" when nothing or a
    word that means the month anyway ("i månaden") stands there, None when there is no such phrase."""
    m = _MONTH_LOST.search(low)
    if m is None:
        return None
    x = m.group("x") or ""
    return "" if x in _NOT_MONTH_OK else x


def weekday_slot(low: str) -> str | None:
    """The word standing where a counted weekday's weekday would ("första <du> i februari"), if any."""
    m = _WEEKDAY_LOST.search(low)
    return m.group("x") if m else None


# "<men en> tisdagen i <vill>": a counted weekday whose count and month were both lost
_BOTH_LOST = re.compile(rf"(?:^|\s)(?P<x>[\w-]+)\s+(?P<wd>{_WD})en\s+i\b(?:\s+(?P<y>[\w-]+))?\s*(?=[,.!?]|$)")
_NOT_SERIES = frozenset("veckan vecka morgon dag kväll helgen".split())


def series_day(low: str, ref: dt.date, misheard: Callable[[str], bool]) -> CountedDay | None:
    """'Nästa möte <men en> tisdagen i <vill>, samma tid.': count and month lost, on this meeting's weekday. A
    series meets on the same counted weekday each month, so this meeting's count in the next month is the
    likelier day (read only when the count's word was misheard and the month's too or short, shown to check)."""
    m = _BOTH_LOST.search(low)
    if m is None or WEEKDAY_NAMES.index(m.group("wd")) != ref.weekday():
        return None
    x, y = m.group("x"), m.group("y") or ""
    if x in _COUNT.split("|") or y in MONTH_NAMES or y in _NOT_SERIES or not misheard(x):
        return None
    if len(y) > 4 and not misheard(y):
        return None
    nth = own_count(ref)
    year, month = (ref.year + 1, 1) if ref.month == 12 else (ref.year, ref.month + 1)
    return CountedDay(nth_weekday(year, month, ref.weekday(), nth), f"{x} {y}".strip(),
                      f"{nth} {m.group('wd')}en i {MONTH_NAMES[month - 1]}", m.start("x"), m.end())  # fmt: skip
