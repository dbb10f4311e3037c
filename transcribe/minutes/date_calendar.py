"""Calendar arithmetic for spoken dates: the next occurrence of a day, a weekday counted within a month, a
month added, and the day or month a misheard word most likely stood for, given the weekday said with it.
"""

from __future__ import annotations

import datetime as dt
import re

from rapidfuzz.distance import Levenshtein

from transcribe.sv.calendar import MONTHS
from transcribe.sv.numbers import cardinal, ordinal


def next_occurrence(ref: dt.date, month: int, day: int) -> dt.date | None:
    for year in (ref.year, ref.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate >= ref:
            return candidate
    return None


def nth_weekday(ref: dt.date, month: int, weekday: int, nth: str) -> dt.date | None:
    """The first/second/.../last `weekday` of the next `month` after `ref` (said on that very day, it is the next
    year's: "nästa årsstämma blir sista lördagen i april", said at this year's)."""
    for year in (ref.year, ref.year + 1):
        days = [dt.date(year, month, d) for d in range(1, 32) if valid_date(year, month, d)]
        hits = [d for d in days if d.weekday() == weekday]
        pick = hits[-1] if nth == "sista" else hits[("första", "andra", "tredje", "fjärde").index(nth)]
        if pick > ref:
            return pick
    return None


def valid_date(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def add_months(ref: dt.date, n: int) -> dt.date:
    month0 = ref.month - 1 + n
    year, month = ref.year + month0 // 12, month0 % 12 + 1
    for day in (ref.day, 30, 29, 28):
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    raise ValueError("unreachable")


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
    hits = {d for d in (next_occurrence(ref, m, day) for m in near) if d is not None and d.weekday() == weekday}
    return hits.pop() if len(hits) == 1 else None
