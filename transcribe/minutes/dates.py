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
"""

from __future__ import annotations

import datetime as dt
import re

from pydantic import BaseModel
from rapidfuzz.distance import Levenshtein

from transcribe.sv.calendar import MONTHS, WEEKDAYS
from transcribe.sv.numbers import CARDINALS, ORDINALS, cardinal, ordinal, parse_number


def _alt(words: object) -> str:
    keys = sorted(words, key=len, reverse=True)  # type: ignore[arg-type]
    return "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys)


_CARD = _alt(CARDINALS)
_ORD = _alt(ORDINALS)
_MON = _alt(MONTHS)
_WD = _alt(WEEKDAYS)
_HOURS = {w: v for w, v in CARDINALS.items() if 1 <= v <= 24}
_HOUR = _alt(_HOURS)
_MINW = "kvart|tjugofem|tjugo|tio|fem"
_MIN_AFTER = _alt({w: v for w, v in CARDINALS.items() if 1 <= v <= 59})
# "kvart överr sju", "kvart öveer tre": "över" with a letter doubled or dropped by the recogniser
_OVER = r"öv[eä]*r+"


def _one_edit(word: str) -> str:
    """A pattern for the spellings a letter from `word`: one letter changed, added or (from four letters) dropped."""
    x = "[a-zåäö]"
    alts = {word[:i] + x + word[i + 1 :] for i in range(len(word))}
    alts |= {word[:i] + x + word[i:] for i in range(len(word) + 1)}
    alts |= {word[:i] + word[i + 1 :] for i in range(len(word))} if len(word) >= 4 else set()
    return "|".join(sorted(alts, key=len, reverse=True))


# "om tfå veckor": a count of weeks (two to nine) a letter from its number word
_COUNT_NEAR = "|".join(_one_edit(w) for w, n in CARDINALS.items() if 2 <= n <= 9 and " " not in w)
# The days from the fifth on: "den andra" or "den första" may be the other or the first of anything
_ORD_DAY = _alt({w: n for w, n in ORDINALS.items() if n >= 5})
_DAY = rf"(?P<dnum>\d{{1,2}})(?::?[ae])?|(?P<dord>{_ORD})|(?P<dcard>{_CARD})"
_KL = r"(?:klockan|kl)\.?"
# "den sextonde <men> september": a short word the recogniser put between the day and its month
_FILLER = r"(?:men|en|och|i|på|att|det|de|med)"

DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b")),
    (
        "dmy",
        re.compile(
            rf"\b(?:(?P<wd>{_WD})(?:en)?\s+)?(?:den\s+)?(?:{_DAY})\s+(?:{_FILLER}\s+)?(?P<mon>{_MON})\.?"
            r"(?:\s+(?P<year>\d{4}))?\b"
        ),
    ),
    ("last_dom", re.compile(rf"\b(?:den\s+)?sista\s+(?:dagen\s+i\s+)?(?P<mon>{_MON})\b")),
    # "första tisdagen i maj", "den sista fredagen i mars": a weekday counted within a month
    (
        "nth_wd",
        re.compile(
            rf"\b(?:den\s+)?(?P<nth>första|andra|tredje|fjärde|sista)\s+(?P<wd>{_WD})(?:en)?\s+(?:i|{_FILLER})\s+"
            rf"(?P<mon>{_MON})\b"
        ),
    ),  # fmt: skip
    ("slash", re.compile(r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})(?:[/-](?P<y>\d{2,4}))?\b")),
    ("week", re.compile(rf"\b(?:(?P<wd>{_WD})(?:en)?\s+(?:i\s+)?)?vecka\s+(?P<wk>\d{{1,2}}|{_CARD})\b")),
    ("wd_day", re.compile(rf"\b(?P<wd>{_WD})(?:en)?\s+den\s+(?:{_DAY})\b")),
    (
        "den_day",
        re.compile(
            rf"\bden\s+(?:(?P<dnum>\d{{1,2}})(?::?[ae])|(?P<dord>{_ORD}))(?=\s*(?:$|[,.?!]|{_KL}\s|och\b|eller\b))"
        ),
    ),
    # "den tjugofjärde också, samma tid": a day no one says of anything else, before an adverb
    (
        "den_day",
        re.compile(rf"\bden\s+(?P<dord>{_ORD_DAY})(?=\s+(?:också|då|alltså|samma|kanske|i\s+så\s+fall)\b)"),
    ),
    # "som i dag" is "as today", no date: "klockan tre, som i dag"
    ("rel_day", re.compile(r"\b(?<!som\s)(?P<rel>i\s*(?:övermorgon|morgon|dag|kväll|eftermiddag)|imorgon|idag)\b")),
    # "ses vi <på> morgon, kvart i åtta": "i morgon" with its "i" misheard ("på morgonen" is the morning)
    # "vi ses <på> morgon nio som vanligt": an hour may follow it
    ("rel_day", re.compile(rf"\b(?P<rel>på\s+morgon)(?=\s*(?:[,.!?]|$)|\s+(?:{_KL}|halv|kvart|{_HOUR})\b)")),
    # "söndag om fyra veckor"; "söndag <lov> fyra veckor": a weekday, a count and weeks say it with "om" misheard
    # (never "fredag och tre veckor senare", "måndag i tre veckor")
    (
        "wd_in_n",
        re.compile(
            rf"\b(?P<wd>{_WD})(?:en)?\s+(?:om|(?!(?:och|men|eller|i|för|till|under|efter|inom|på|varje)\s)[a-zåäö]{{1,4}})"
            rf"\s+(?P<n>\d+|{_CARD}|{_COUNT_NEAR})\s+(?:veckor|vecka)\b"
        ),
    ),
    (
        "in_n",
        re.compile(rf"\bom\s+(?P<n>\d+|{_CARD}|{_COUNT_NEAR})\s+(?P<unit>dagar|dag|veckor|vecka|månader|månad)\b"),
    ),
    (
        "wd",
        re.compile(
            rf"\b(?P<pw>nästa\s+vecka\s*,?\s+(?:på\s+)?)?(?P<mod>nästa|kommande)?\s*(?P<wd>{_WD})(?:en)?\b"
            r"(?P<nw>\s+(?:i\s+|på\s+)?nästa\s+vecka)?"
        ),
    ),
    (
        "vague",
        re.compile(
            r"\b(?:(?:efter|före|innan|till|inför|runt|kring)\s+(?:jul|nyår|påsk|midsommar|sommaren|semestern"
            r"|årsskiftet|helgen|lovet)|i\s+(?:höst|vår|sommar|vinter|helgen)|nästa\s+(?:vecka|månad|år)"
            rf"|i\s+(?:början|mitten|slutet)\s+av\s+(?:{_MON}|nästa\s+vecka|nästa\s+månad)"
            r"|nästa\s+(?:gång|[a-zåäö]*(?:möte|träff|sammanträde)))\b"
        ),
    ),
]

TIME_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "half",
        re.compile(rf"\b(?:{_KL}\s+)?(?:(?P<mw>{_MINW})\s+(?P<dir>{_OVER}|i)\s+)?halv\s+(?P<hh>{_HOUR}|\d{{1,2}})\b"),
    ),
    ("rel", re.compile(rf"\b(?:{_KL}\s+)?(?P<mw>{_MINW})\s+(?P<dir>{_OVER}|i)\s+(?P<hh>{_HOUR}|\d{{1,2}})\b")),
    ("kl_num", re.compile(rf"\b{_KL}\s+(?P<h>\d{{1,2}})(?:[.:](?P<m>\d{{2}}))?\b")),
    ("kl_word", re.compile(rf"\b{_KL}\s+(?P<hw>{_HOUR})(?:\s+(?:och\s+)?(?P<mw2>{_MIN_AFTER}))?\b")),
    ("colon", re.compile(r"\b(?P<h>\d{1,2}):(?P<m>\d{2})\b")),
]

_AM = re.compile(r"^\s*,?\s*(?:på\s+)?(?:förmiddagen|morgonen|förmiddag|morgon|fm|f\.m\.)\b")
_PM = re.compile(r"^\s*,?\s*(?:på\s+)?(?:eftermiddagen|kvällen|eftermiddag|kväll|em|e\.m\.)\b")


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


def _next_occurrence(ref: dt.date, month: int, day: int) -> dt.date | None:
    for year in (ref.year, ref.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate >= ref:
            return candidate
    return None


def _nth_weekday(ref: dt.date, month: int, weekday: int, nth: str) -> dt.date | None:
    """The first/second/.../last `weekday` of the next `month` after `ref` (said on that very day, it is the next
    year's: "nästa årsstämma blir sista lördagen i april", said at this year's)."""
    for year in (ref.year, ref.year + 1):
        days = [dt.date(year, month, d) for d in range(1, 32) if _valid(year, month, d)]
        hits = [d for d in days if d.weekday() == weekday]
        pick = hits[-1] if nth == "sista" else hits[("första", "andra", "tredje", "fjärde").index(nth)]
        if pick > ref:
            return pick
    return None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _add_months(ref: dt.date, n: int) -> dt.date:
    month0 = ref.month - 1 + n
    year, month = ref.year + month0 // 12, month0 % 12 + 1
    for day in (ref.day, 30, 29, 28):
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    raise ValueError("unreachable")


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
            return _next_occurrence(ref, month, day), True
        if kind == "dmy":
            day, month = _day_of(m), MONTHS[re.sub(r"\s+", " ", g["mon"])]
            if day is None or not 1 <= day <= 31:
                return None, False
            if g.get("year"):
                return dt.date(int(g["year"]), month, day), True
            return _next_occurrence(ref, month, day), True
        if kind == "last_dom":  # "senast den sista mars": the month's last day
            month = MONTHS[re.sub(r"\s+", " ", g["mon"])]
            first = _next_occurrence(ref.replace(day=1), month, 1) or ref
            return _add_months(first, 1) - dt.timedelta(days=1), True
        if kind == "nth_wd":
            return _nth_weekday(ref, MONTHS[re.sub(r"\s+", " ", g["mon"])], WEEKDAYS[g["wd"]], g["nth"]), True
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
                month_date = _add_months(ref.replace(day=1), k)
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
            return _add_months(ref, n), True
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
    if _PM.match(tail):
        if hour < 12:
            hour += 12
    elif not _AM.match(tail) and not explicit_24h and 1 <= hour <= 7:
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


_HOUR_BEFORE = re.compile(rf"(?:{_KL}|halv|kvart)\s+\w+\s*$|\b(?:{_HOUR}|\d{{1,2}})\s*$")


def find_whens(text: str, ref: dt.date) -> list[When]:
    """Every date/time expression in `text`, a clock time joined to a nearby date."""
    low = text.lower()
    dates = _scan(DATE_PATTERNS, low)
    out: list[When] = []
    for s, e, kind, m in dates:
        if kind == "rel_day" and m.group("rel").startswith("på") and _HOUR_BEFORE.search(low[:s]):
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
        tail = _AM.match(low[e:]) or _PM.match(low[e:])
        end = e + (tail.end() if tail else 0)
        host = _host_date(out, s, end, low)
        if host is not None and host.time is None:
            host.time = clock
            lo, hi = min(host.start, s), max(host.end, end)
            host.start, host.end, host.text = lo, hi, text[lo:hi]
        else:
            out.append(When(time=clock, text=text[s:end], start=s, end=end, kind="time"))
    return sorted(out, key=lambda w: w.start)


# "den sjätte oktober tretton", "den fjärde mars sju på kvällen": an hour straight after a day and month, its
# "klockan" unsaid or unheard. Only at the end of the phrase, so "den fjärde mars tre dagar" is no clock time.
# "den femte maj, sex som vanligt", "lördag om tre veckor, elva igen", "i morgon nio som vanligt": an hour said
# as the usual one follows any day, its "klockan" unsaid.
_USUAL = r"(?:som\s+vanligt|som\s+alltid|igen)\b"
_BARE_HOUR = re.compile(rf"^\s*,?\s*(?P<h>{_HOUR}|\d{{1,2}})(?:[.:](?P<m>\d{{2}}))?(?=\s*(?:$|[,.?!]|och\b|på\s|"
                        rf"förmiddagen|morgonen|eftermiddagen|kvällen|fm\b|em\b)|\s+{_USUAL})")  # fmt: skip
_USUAL_HOUR = re.compile(rf"^\s*,?\s*(?P<h>{_HOUR}|\d{{1,2}})(?:[.:](?P<m>\d{{2}}))?(?=\s+{_USUAL})")


def _bare_hour(w: When, text: str) -> None:
    low = text.lower()
    if w.time is not None or w.date is None:
        return
    m = (_BARE_HOUR if w.kind in ("dmy", "wd_day", "den_day") else _USUAL_HOUR).match(low[w.end :])
    if m is None:
        return
    hour = parse_number(m.group("h"))
    minute = int(m.group("m") or 0)
    if hour is None or not 1 <= hour <= 24 or minute > 59:
        return
    tail = low[w.end + m.end() :]
    if _PM.match(tail) and hour < 12:
        hour += 12
    elif not _AM.match(tail) and 1 <= hour <= 7:
        hour += 12  # afternoon rule, see module docstring
    w.time = dt.time(hour % 24, minute)
    w.end += m.end()
    tail_word = _AM.match(tail) or _PM.match(tail)
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


def day_by_weekday(heard: str, weekday: int, month: int, ref: dt.date, min_ratio: float = 0.5) -> dt.date | None:
    """The day of `month` falling on `weekday` whose spoken ordinal is closest to a misheard word.

    "tisdagen den tolter januari": the Tuesdays of January are the 5th, 12th, 19th and 26th, and
    "tolter" is nearest "tolfte", so the 12th. None unless one day is clearly nearest.
    """
    word = re.sub(r"\s+", "", heard.lower())
    if not word:
        return None
    year = ref.year if month >= ref.month else ref.year + 1
    scored = []
    for day in range(1, 32):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            break
        if candidate.weekday() == weekday and candidate >= ref:
            spoken = (ordinal(day), cardinal(day), str(day))
            scored.append((max(Levenshtein.normalized_similarity(word, s) for s in spoken), candidate))
    scored.sort(reverse=True)
    if not scored or scored[0][0] < min_ratio or (len(scored) > 1 and scored[0][0] - scored[1][0] < 0.15):
        return None
    return scored[0][1]


def month_by_weekday(heard: str, day: int, weekday: int, ref: dt.date) -> dt.date | None:
    """'lördagen den trettonde <man>': the one month a letter or two from the word where `day` is `weekday`."""
    word = heard.lower()
    if len(word) < 3 or word in MONTHS:
        return None
    near = [MONTHS[m] for m in list(MONTHS)[:12] if Levenshtein.distance(word, m) <= 2]
    hits = {d for d in (_next_occurrence(ref, m, day) for m in near) if d is not None and d.weekday() == weekday}
    return hits.pop() if len(hits) == 1 else None


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
