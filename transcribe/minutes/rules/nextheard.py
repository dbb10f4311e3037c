"""What a misheard word where a date's day, count or month stands may have been.

The error model learned from the real recogniser (transcribe/errormodel.py, minutes/data/errormodel.json)
counts which true words came out as which heard ones: "elfte" as "det", "mars" as "samanställningen",
"första" as "bundhården". A word heard unsure (or no Swedish word) where the day of "onsdagen den <det>
augusti" stands may be any ordinal the recogniser has turned into it; the weekday and month said with it keep
those that fall on it, and only when exactly one is left is it read, to check. A near spelling ("förstar",
"tolter") is read by the date rules themselves; this adds the confusions no spelling rule can see.
"""

from __future__ import annotations

import datetime as dt
import functools
import json

from rapidfuzz.distance import Levenshtein

from transcribe.errormodel import MODEL_PATH
from transcribe.sv.calendar import MONTH_NAMES
from transcribe.sv.numbers import ORDINALS

_COUNTS = ("första", "andra", "tredje", "fjärde", "sista")


@functools.cache
def _meant_by() -> dict[str, frozenset[str]]:
    """Heard word -> the true words the recogniser turned into it."""
    try:
        confusions = json.loads(MODEL_PATH.read_text(encoding="utf-8")).get("confusions") or {}
    except (OSError, ValueError):
        return {}
    out: dict[str, set[str]] = {}
    for said, heard in confusions.items():
        for word in heard:
            out.setdefault(word.lower(), set()).add(said.lower())
    return {k: frozenset(v) for k, v in out.items()}


def may_have_been(heard: str) -> frozenset[str]:
    """The true words the recogniser has been seen to hear as `heard`."""
    return _meant_by().get(heard.lower().strip(".,!?"), frozenset())


def day_meant(heard: str, candidates: list[dt.date]) -> dt.date | None:
    """The one candidate day whose ordinal the recogniser has heard as `heard` ("den <det> augusti", a
    Wednesday: of the 4th, 11th, 18th and 25th only "elfte" has come out as "det"), else None."""
    said = may_have_been(heard)
    hits = {d for d in candidates if any(ORDINALS.get(w) == d.day for w in said)}
    return hits.pop() if len(hits) == 1 else None


def month_meant(heard: str, day: int, weekday: int, ref: dt.date) -> dt.date | None:
    """'lördagen den trettonde <samanställningen>': the one month the recogniser has heard as the word in
    which `day` (the next such day after `ref`) falls on `weekday`, else None."""
    hits = set()
    for word in may_have_been(heard):
        if word not in MONTH_NAMES:  # "jul" is Christmas, not July
            continue
        month = MONTH_NAMES.index(word) + 1
        for year in (ref.year, ref.year + 1):
            try:
                day_then = dt.date(year, month, day)
            except ValueError:
                continue
            if day_then > ref:
                if day_then.weekday() == weekday:
                    hits.add(day_then)
                break
    return hits.pop() if len(hits) == 1 else None


def count_meant(heard: str) -> str | None:
    """'<bundhården> tisdagen i april': the one count of a weekday ("första" ... "sista") the recogniser has
    heard as the word, else None."""
    said = [w for w in may_have_been(heard) if w in _COUNTS]
    return said[0] if len(said) == 1 else None


def count_near(heard: str) -> str | None:
    """'<trädje> tisdagen i februari': the one count a word of five letters or more is a letter from, else None."""
    word = heard.lower().strip(".,!?")
    near = [c for c in _COUNTS if len(word) >= 5 and Levenshtein.distance(word, c) == 1]
    return near[0] if len(near) == 1 else None
