"""Swedish spoken dates and clock times, resolved against the meeting date.

Transcripts spell numbers as words ("den fjortonde december klockan halv tre")
or digits ("den 14 december kl. 14.30"); both are handled. Resolution rules:

* A day and month without a year mean the next occurrence on or after the
  meeting date ("den 3 januari" said in December is next year).
* "torsdag", "på torsdag", "till/senast torsdag", "kommande torsdag": the first
  Thursday after the meeting date. "nästa torsdag" and "torsdag nästa vecka":
  the Thursday of the following calendar week.
* "fredag vecka 50": ISO week 50, in the meeting's year unless that is past.
* Afternoon rule: a spoken clock hour 1-7 without a morning marker
  ("på förmiddagen", "på morgonen", "fm") is read as 13-19, since meetings are
  held in working hours ("klockan halv tre" = 14:30, "klockan åtta" = 08:00).
* Vague expressions ("efter jul", "nästa vecka", "i höst") are recognised but
  give no date: the caller keeps the spoken text instead of inventing one.

The patterns themselves are in date_patterns.py, the calendar arithmetic and the reading of a misheard day
or month in date_calendar.py.
"""

from __future__ import annotations

import datetime as dt
import re

from pydantic import BaseModel
from rapidfuzz.distance import Levenshtein

from transcribe.minutes.date_calendar import add_months, next_occurrence, nth_weekday
from transcribe.minutes.date_patterns import (
    AM,
    BARE_HOUR,
    DATE_PATTERNS,
    HOUR_BEFORE,
    PM,
    TIME_PATTERNS,
    USUAL_HOUR,
)
from transcribe.sv.calendar import MONTHS, WEEKDAYS
from transcribe.sv.numbers import CARDINALS, parse_number


class When(BaseModel):
    """A temporal expression found in text; date/time are None when it is vague."""

    date: dt.date | None = None
    time: dt.time | None = None
    text: str
    start: int
    end: int
    kind: str = ""

    @property
    def value(self) -> dt.datetime | dt.date | None:
        if self.date is None:
            return None
        if self.time is None:
            return self.date
        return dt.datetime.combine(self.date, self.time)


def _day_of(m: re.Match[str]) -> int | None:
    gd = m.groupdict()
    return parse_number(gd.get("dnum") or gd.get("dord") or gd.get("dcard"))


def _count_as_heard(word: str) -> int | None:
    """'om tfå veckor': a count of weeks a letter from one number word alone (two to nine), else None."""
    near = {n for w, n in CARDINALS.items() if 2 <= n <= 9 and Levenshtein.distance(word, w) <= 1}
    return near.pop() if len(near) == 1 and len(word) >= 3 else None


def _resolve_date(kind: str, m: re.Match[str], ref: dt.date) -> tuple[dt.date | None, bool]:
    """Return (date, recognised). A recognised match with no date is vague."""
    g = m.groupdict()
    try:
        if kind == "iso":
            return dt.date(int(g["y"]), int(g["m"]), int(g["d"])), True
        if kind == "slash":
            day, month = int(g["d"]), int(g["m"])
            if not (1 <= month <= 12 and 1 <= day <= 31):
                return None, False
            if g.get("y"):
                year = int(g["y"])
                return dt.date(year + 2000 if year < 100 else year, month, day), True
            return next_occurrence(ref, month, day), True
        if kind == "dmy":
            day, month = _day_of(m), MONTHS[re.sub(r"\s+", " ", g["mon"])]
            if day is None or not 1 <= day <= 31:
                return None, False
            if g.get("year"):
                return dt.date(int(g["year"]), month, day), True
            return next_occurrence(ref, month, day), True
        if kind == "last_dom":  # "senast den sista mars": the month's last day
            month = MONTHS[re.sub(r"\s+", " ", g["mon"])]
            first = next_occurrence(ref.replace(day=1), month, 1) or ref
            return add_months(first, 1) - dt.timedelta(days=1), True
        if kind == "nth_wd":
            return nth_weekday(ref, MONTHS[re.sub(r"\s+", " ", g["mon"])], WEEKDAYS[g["wd"]], g["nth"]), True
        if kind == "week":
            week = parse_number(g["wk"])
            if week is None or not 1 <= week <= 53 or not g.get("wd"):
                return None, week is not None
            wd = WEEKDAYS[g["wd"]]
            for year in (ref.year, ref.year + 1):
                try:
                    candidate = dt.date.fromisocalendar(year, week, wd + 1)
                except ValueError:
                    continue
                if candidate >= ref:
                    return candidate, True
            return None, True
        if kind in ("wd_day", "den_day"):
            day = _day_of(m)
            if day is None or not 1 <= day <= 31:
                return None, False
            wd = WEEKDAYS.get(g.get("wd") or "")
            first: dt.date | None = None
            for k in range(13):
                month_date = add_months(ref.replace(day=1), k)
                try:
                    candidate = month_date.replace(day=day)
                except ValueError:
                    continue
                if candidate < ref:
                    continue
                first = first or candidate
                if wd is None or candidate.weekday() == wd:
                    return candidate, True
            return first, True
        if kind == "rel_day":
            rel = re.sub(r"\s+", "", g["rel"])
            offset = {"idag": 0, "ikväll": 0, "ieftermiddag": 0, "imorgon": 1, "påmorgon": 1, "iövermorgon": 2}[rel]
            return ref + dt.timedelta(days=offset), True
        if kind == "wd_in_n":  # "måndag om två veckor": that weekday in the week n weeks ahead
            n = parse_number(g["n"]) or _count_as_heard(g["n"])
            if n is None:
                return None, False
            later = ref + dt.timedelta(weeks=n)
            return later + dt.timedelta(days=WEEKDAYS[g["wd"]] - later.weekday()), True
        if kind == "in_n":
            n = parse_number(g["n"]) or _count_as_heard(g["n"])
            if n is None:
                return None, False
            unit = g["unit"]
            if unit.startswith("dag"):
                return ref + dt.timedelta(days=n), True
            if unit.startswith("veck"):
                return ref + dt.timedelta(weeks=n), True
            return add_months(ref, n), True
        if kind == "wd":
            wd = WEEKDAYS[g["wd"]]
            if g.get("mod") == "nästa" or g.get("nw") or g.get("pw"):
                monday_next = ref + dt.timedelta(days=7 - ref.weekday())
                return monday_next + dt.timedelta(days=wd), True
            ahead = (wd - ref.weekday()) % 7 or 7
            return ref + dt.timedelta(days=ahead), True
        if kind == "vague":
            return None, True
    except ValueError:
        return None, False
    return None, False


def _resolve_time(kind: str, m: re.Match[str], tail: str) -> dt.time | None:
    g = m.groupdict()
    explicit_24h = False
    if kind == "half" or kind == "rel":
        hour = parse_number(g["hh"])
        if hour is None:
            return None
        minute = 0
        if kind == "half":
            hour, minute = hour - 1, 30
        offset = {"kvart": 15, "fem": 5, "tio": 10, "tjugo": 20, "tjugofem": 25}.get(g.get("mw") or "", 0)
        if (g.get("dir") or "").startswith("ö"):
            minute += offset
        elif g.get("dir") == "i":
            minute -= offset
            if minute < 0:
                hour, minute = hour - 1, minute + 60
        hour %= 24
        if hour == 0:
            hour = 12  # "halv ett", "kvart i ett": just after noon, no meeting is held after midnight
    elif kind in ("kl_num", "colon"):
        hour, minute = int(g["h"]), int(g.get("m") or 0)
        explicit_24h = hour >= 13 or hour == 0 or (kind == "colon" and g["h"].startswith("0"))
    elif kind == "kl_word":
        hour = parse_number(g["hw"]) or 0
        minute = parse_number(g.get("mw2")) or 0
    else:
        return None
    if not (0 <= hour <= 24 and 0 <= minute <= 59):
        return None
    if hour == 24:
        hour = 0
    if PM.match(tail):
        if hour < 12:
            hour += 12
    elif not AM.match(tail) and not explicit_24h and 1 <= hour <= 7:
        hour += 12  # afternoon rule, see module docstring
    return dt.time(hour, minute)


def _scan(patterns: list[tuple[str, re.Pattern[str]]], low: str) -> list[tuple[int, int, str, re.Match[str]]]:
    """Non-overlapping matches, earlier patterns and longer spans first."""
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for kind, pat in patterns:
        for m in pat.finditer(low):
            s, e = m.span()
            while s < e and low[s].isspace():
                s += 1
            if s >= e or any(s < fe and fs < e for fs, fe, _, _ in found):
                continue
            found.append((s, e, kind, m))
    return sorted(found, key=lambda x: x[0])


def find_whens(text: str, ref: dt.date) -> list[When]:
    """Every date/time expression in `text`, a clock time joined to a nearby date."""
    low = text.lower()
    dates = _scan(DATE_PATTERNS, low)
    out: list[When] = []
    for s, e, kind, m in dates:
        if kind == "rel_day" and m.group("rel").startswith("på") and HOUR_BEFORE.search(low[:s]):
            continue  # "klockan sju på morgon": the hour's part of the day
        value, ok = _resolve_date(kind, m, ref)
        if ok:
            out.append(When(date=value, text=text[s:e], start=s, end=e, kind=kind))
    for w in out:
        _bare_hour(w, text)
    taken = [(w.start, w.end) for w in out]
    times = [t for t in _scan(TIME_PATTERNS, low) if not any(t[0] < te and ts < t[1] for ts, te in taken)]
    for s, e, kind, m in times:
        clock = _resolve_time(kind, m, low[e:])
        if clock is None:
            continue
        tail = AM.match(low[e:]) or PM.match(low[e:])
        end = e + (tail.end() if tail else 0)
        host = _host_date(out, s, end, low)
        if host is not None and host.time is None:
            host.time = clock
            lo, hi = min(host.start, s), max(host.end, end)
            host.start, host.end, host.text = lo, hi, text[lo:hi]
        else:
            out.append(When(time=clock, text=text[s:end], start=s, end=end, kind="time"))
    return sorted(out, key=lambda w: w.start)


def _bare_hour(w: When, text: str) -> None:
    low = text.lower()
    if w.time is not None or w.date is None:
        return
    m = (BARE_HOUR if w.kind in ("dmy", "wd_day", "den_day") else USUAL_HOUR).match(low[w.end :])
    if m is None:
        return
    hour = parse_number(m.group("h"))
    minute = int(m.group("m") or 0)
    if hour is None or not 1 <= hour <= 24 or minute > 59:
        return
    tail = low[w.end + m.end() :]
    if PM.match(tail) and hour < 12:
        hour += 12
    elif not AM.match(tail) and 1 <= hour <= 7:
        hour += 12  # afternoon rule, see module docstring
    w.time = dt.time(hour % 24, minute)
    w.end += m.end()
    tail_word = AM.match(tail) or PM.match(tail)
    w.end += tail_word.end() if tail_word else 0
    w.text = text[w.start : w.end]


def _host_date(found: list[When], s: int, e: int, low: str) -> When | None:
    """The date a clock time belongs to: adjacent in the same sentence."""
    best: When | None = None
    for w in found:
        if w.kind == "time" or w.kind == "vague":
            continue
        gap = low[w.end : s] if w.end <= s else low[e : w.start]
        if len(gap) <= 30 and not re.search(r"[.?!]", gap):
            if best is None or abs(w.start - s) < abs(best.start - s):
                best = w
    return best


def parse_when(text: str, ref: dt.date) -> When | None:
    """The first date (with its time, if said) in `text`, else the first time or vague phrase."""
    whens = find_whens(text, ref)
    for w in whens:
        if w.date is not None:
            return w
    return whens[0] if whens else None


def parse_date(text: str, ref: dt.date) -> dt.date | None:
    w = parse_when(text, ref)
    return w.date if w else None


def parse_time(text: str) -> dt.time | None:
    for w in find_whens(text, dt.date(2000, 1, 3)):
        if w.time is not None:
            return w.time
    return None
