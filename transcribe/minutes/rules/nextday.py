"""The next meeting's day as heard: a day lost after its weekday, a month misheard, the day said elsewhere.

A weekday and month narrow a lost day to four or five; the misheard word, another way the sentence names
the day, or the same weekday's day said exactly elsewhere in the meeting picks one. Otherwise no date is
guessed: the phrase is shown as heard, to check.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from rapidfuzz.distance import Levenshtein

from transcribe.minutes.date_calendar import add_months, day_by_weekday, month_by_weekday, valid_date
from transcribe.minutes.dates import When, find_whens
from transcribe.minutes.fuzzy import Repair, known_word
from transcribe.minutes.rules.nextcounted import (
    count_lost,
    count_slot,
    counted_day,
    month_slot,
    series_count,
    series_day,
    weekday_slot,
)
from transcribe.minutes.rules.nextelsewhere import DAY_LOST_MONTH, ElsewhereDays
from transcribe.minutes.rules.nextheard import count_meant, count_near, day_meant, month_meant
from transcribe.minutes.rules.nextinterval import weeks_lost
from transcribe.minutes.rules.safety import PREFIX
from transcribe.minutes.rules.utterances import Utt
from transcribe.sv.calendar import MONTH_NAMES, WEEKDAY_NAMES, format_date
from transcribe.sv.numbers import CARDINALS, ORDINALS, cardinal, ordinal

_MONTH_SAID = re.compile(rf"\b(?:{'|'.join(MONTH_NAMES)})\b")
_CLOCK_WORDS = frozenset({"klockan", "kl", "halv", "kvart", "fem", "tio", "tjugo"})
# "onsdagen den <misheard> april", "tisdagen den oktober": the day of the month was lost, so the weekday
# alone names no date; "fredag den <misheard>." the same without a month.
_DAY_LOST = re.compile(
    rf"^(?:{'|'.join(WEEKDAY_NAMES)})(?:en)?\s*,?\s*den\s+"
    rf"(?!(?:här|där|\d+|{'|'.join(w for w in ORDINALS if ' ' not in w)})\b)[\w-]+\s*(?:[,.!?]|$)"
)
ELSEWHERE_WHY = f"{PREFIX}dagen hördes inte i beskedet om nästa möte; den togs där samma dag nämns i mötet"
_AFTER_DAY = re.compile(r"\S+\s+den\s+[\w-]+\s+([a-zåäö]+)\s*(?:[,.!?]|$|klockan\b|halv\b|kvart\b)")
# A day said so that it names one date (not "på fredag" alone, which a deadline also uses).
SPECIFIC = frozenset({"dmy", "iso", "slash", "wd_day", "den_day", "wd_in_n", "week", "nth_wd"})
# "första tisdagen i <till>": a counted weekday whose month was lost names no day
_COUNTED = re.compile(r"\b(?:första|andra|tredje|fjärde|sista)\s+$")
_COUNTED_AS_HEARD = re.compile(r"\S+(?:\s+i\s+\S+)?")
_WD = "|".join(WEEKDAY_NAMES)
# "onsdagen <var> femte, klockan nio": "den" misheard between a weekday and its day (never "var femte vecka")
_DEN_MISHEARD = re.compile(
    rf"^(?:(?:nästa|kommande)\s+)?(?P<wd>{_WD})(?:en)?\s*,?\s+(?:(?P<x>[a-zåäö]+)\s+)?"
    rf"(?P<ord>{'|'.join(sorted((w for w in ORDINALS if ' ' not in w), key=len, reverse=True))})\b"
    r"(?!\s+(?:vecka|veckan|veckor|dag|dagen|dagar|gång|gången|år|månad|minut|minuter|timme|person|punkt|punkten)\b)"
)
# "tisdag <med> tre <med>, samma tid": "om tre veckor" with "om" and "veckor" misheard, the count heard
_WEEKS_MISHEARD = re.compile(
    rf"^(?P<wd>{_WD})(?:en)?\s+(?:(?P<x>[a-zåäö]{{1,4}})\s+)?"
    rf"(?P<n>{'|'.join(w for w, n in CARDINALS.items() if 2 <= n <= 8 and ' ' not in w)})\s+(?P<y>[a-zåäö]+)\b"
)
# "onsdag om två<>, tid.": "om två veckor" with "veckor" lost, the count the sentence's last word ("om två" is no hour)
_UNIT_LOST = re.compile(
    rf"^(?P<wd>{_WD})(?:en)?\s+om\s+(?P<n>{'|'.join(w for w, n in CARDINALS.items() if 2 <= n <= 8 and ' ' not in w)})"
    r"\s*(?=[,.!?]|$)"
)
# "om två <vi>, torsdag", "om två, torsdag": "om två veckor" before the weekday, "veckor" misheard or lost
_COUNT_BEFORE = re.compile(
    rf"\bom\s+(?P<n>{'|'.join(w for w, n in CARDINALS.items() if 2 <= n <= 8 and ' ' not in w)})"
    r"(?:\s+(?P<x>[a-zåäö]{1,6}))?\s*,?\s*$"
)
_NOT_WEEKS = frozenset("dagar dag månader månad år timmar timme minuter gånger veckor vecka".split())
# "tisdag om <> vecka": "om en vecka" with its "en" lost (a count lost before "veckor" says nothing)
_ONE_WEEK_LOST = re.compile(rf"^(?P<wd>{_WD})(?:en)?\s+om\s+vecka\b")
# "<oma> fyra veckor": a short word where "om" stood before a count of weeks (never "i/på/under tre veckor",
# "har/tar två veckor", a duration)
_IN_WEEKS_MISHEARD = re.compile(
    rf"\b(?P<x>[a-zåäö]{{1,4}})\s+(?P<n>{'|'.join(w for w, n in CARDINALS.items() if 1 <= n <= 8 and ' ' not in w)})"
    r"\s+(?:veckor|vecka)\b"
)
_NOT_OM = frozenset("i på för under efter inom till har tar är var ca runt bara alla sen de och men som på om".split())
_NOT_DEN = frozenset({"den", "och", "om", "i"})
# "<Onsdgen>", "<tisdan>": a weekday heard a letter off (a word no Swedish has), read as the weekday
_WEEKDAY_FORMS = tuple(f for d in WEEKDAY_NAMES for f in (d, d + "en"))
# "Söndag tre.", "Torsdag nio. Okej.": a weekday and an hour said alone, "klockan" unsaid
WEEKDAY_HOUR = re.compile(
    rf"^(?:nästa\s+)?(?P<wd>{_WD})(?:en)?\s*,?\s+(?P<h>{'|'.join(w for w, n in CARDINALS.items() if 1 <= n <= 12)})"
    r"\s*[.!]?\s*$"
)
# the words that say which day: a weekday, a month, a day of the month, "morgon"
_DATE_WORDS = frozenset((*_WEEKDAY_FORMS, *MONTH_NAMES, *(w for w in ORDINALS if " " not in w), "morgon"))
# "nästa <ju>, samma tid": a weekday lost after "nästa", the hour the meeting's own
_NEXT_DAY_LOST = re.compile(
    r"\bnästa\s+(?P<x>[a-zåäö]{1,7})\s*,\s*samma\s+tid\b|\bsamma\s+tid\s+nästa\s+(?P<y>[a-zåäö]{1,10})\s*[.!]?\s*$"
)  # "samma tid nästa <facebook>."
_NOT_DAYS = frozenset("vecka veckan år månad månaden punkt punkten steg gång möte mötet träff".split())
# "vi ses <är> morgon", "då säger vi <e> morgon": "i morgon" said of the next meeting, its "i" misheard
_TOMORROW_MISHEARD = re.compile(
    r"\b(?:vi\s+se+s|se+s\s+vi|säger\s+vi)\s+(?:(?:här|igen|då)\s+)?(?P<x>(?!i\b|på\b|nästa\b)[a-zåäö]{1,5})\s+morgon\b"
    r"(?!en\b)"
)

# "den elfte <vill>, klockan sex": a day of the month said, the word where its month stood misheard
_MONTH_LOST = re.compile(
    rf"\bden\s+(?P<ord>{'|'.join(w for w in ORDINALS if ' ' not in w)})\s+(?P<x>[a-zåäö]+)\b"
    rf"(?!\s+(?:{'|'.join(MONTH_NAMES)})\b)"
)
_NOT_MONTH = frozenset((*_CLOCK_WORDS, *MONTH_NAMES, *WEEKDAY_NAMES, "och", "eller", "då", "också", "samma", "i", "på",
                        "kanske", "alltså", "passar", "funkar", "går", "blir", "är", "så", "till", "vecka", "veckan",
                        "dagen", "gången", "om", "här", "där", "ja", "nej", "va"))  # fmt: skip


def _hour_of_today(w: When, whens: list[When]) -> When:
    """'söndagen den tolfte mars, efter gudstjänsten, halv ett <som> i dag': an hour said before "i dag" after a
    later day is that day's hour, the same as today's; the reader joined it to "i dag"."""
    if w.time is not None or w.kind not in SPECIFIC:
        return w
    today = next((x for x in whens if x.kind == "rel_day" and x.start > w.end and x.time is not None
                  and x.text.lower().rstrip().endswith("dag")), None)  # fmt: skip
    return w if today is None else w.model_copy(update={"time": today.time})


def _date_words_back(u: Utt) -> str:
    """The sentence with a day word the cue repair replaced put back: "Nästa <måndag>, halv åtta" was read as
    "Nästa möte, halv åtta", a meeting cue, but a weekday, a month or a day said there names the day."""
    text = u.text
    for r in u.repairs:
        heard = r.heard.lower().strip(".,!?")
        if r.kind not in ("meeting", "decision") or not r.meant or heard not in _DATE_WORDS:
            continue
        m = re.search(rf"\b{re.escape(r.meant)}\b", text, re.IGNORECASE)
        if m is not None:
            text = text[: m.start()] + r.heard + text[m.end() :]
    return text


class MeetingDays(ElsewhereDays):
    """Reading the day of a date said for the next meeting; they record into the shared state."""

    def _day_lost(self, u: Utt, w: When) -> re.Match[str] | None:
        """'onsdagen den <misheard> april' read as just 'onsdagen': the next Wednesday is not the date said;
        'torsdagen den förstar januari' read as the 1st, a Friday: the weekday says the day was misheard."""
        if not self.robust:
            return None
        if w.kind == "dmy" and w.date is not None:
            said = DAY_LOST_MONTH.match(u.low[w.start :])
            if said and WEEKDAY_NAMES.index(said.group("wd")) != w.date.weekday():
                return said
            return None
        if w.kind != "wd":
            return None
        if _COUNTED.search(u.low[: w.start]):
            return _COUNTED_AS_HEARD.match(u.low[w.start :])
        return DAY_LOST_MONTH.match(u.low[w.start :]) or _DAY_LOST.match(u.low[w.start :])

    def _dates(self, u: Utt) -> tuple[list[When], When | None]:
        """The dates said in a sentence, a day lost after its weekday recovered when the weekday allows;
        else (no dates, the phrase as heard) so that no wrong date stands in for it."""
        u = self._weekday_heard(u) if self.robust else u
        heard = self._whens_heard(u)
        dated = [w for w in heard if w.date is not None and w.date > self.ref]  # "i dag" is none
        if self.robust:
            dated = [_hour_of_today(w, heard) for w in dated]
        dated = [self._month_heard(u, self._weekday_garbled(u, w)) for w in dated]
        for w in dated:
            lost = self._day_lost(u, w)
            if lost is None:
                continue
            if any(x is not w and w.start < x.start < w.start + lost.end() for x in dated):
                dated = [x for x in dated if x is not w]  # "torsdagen <?> tionde december": the date is whole
                continue
            heard = When(text=u.text[w.start : w.start + lost.end()], start=0, end=0)
            # the day said exactly elsewhere in the meeting wins over a guess from the misheard word
            said_again = self.robust and self._said_elsewhere(u, heard) is not None
            guessed = (
                (self._counted(u, w) if count_slot(u.low) is not None else None)  # "<senaste> torsdagen i juni"
                or (None if said_again else self._day_from_weekday(u, w, lost))
                or self._day_from_other(u, w, lost, dated)
                or (None if said_again else self._counted(u, w))
            )
            if guessed is None:
                return [], heard
            dated = [guessed if x is w else x for x in dated]
        if self.robust and not dated:  # "första <du> i februari, klockan sju": the weekday lost
            counted = self._counted(u, next((x for x in self.whens(u) if x.time is not None), None))
            dated = [counted] if counted is not None else []
        if self.robust and not dated:  # "vi tar det nästa <ju>, samma tid": the series' own weekday, next week
            m = _NEXT_DAY_LOST.search(u.low)
            x = (m.group("x") or m.group("y")) if m else ""
            if m is not None and x not in _NOT_DAYS and (u.uncertain(x) or not known_word(x) or len(x) <= 3):
                week = self.ref + dt.timedelta(days=7)
                end = m.end("x") if m.group("x") else m.end("y")
                dated = [When(date=week, text=u.text[m.start() : end], start=m.start(), end=end, kind="own_wd")]
        if self.robust and not dated:  # "Nästa stormöte är <oma> fyra veckor": "om" misheard before a count of weeks
            m = _IN_WEEKS_MISHEARD.search(u.low)
            x = m.group("x") if m else ""
            if m is not None and x not in _NOT_OM and (u.uncertain(x) or not known_word(x)):
                u.repairs.append(Repair(x, "om", "day"))
                day = self.ref + dt.timedelta(weeks=CARDINALS[m.group("n")])
                hour = next((x.time for x in self.whens(u) if x.time is not None and x.start >= m.end()), None)
                dated = [When(date=day, time=hour, text=u.text[m.start() : m.end()], start=m.start(), end=m.end(),
                              kind="in_n")]  # fmt: skip
        if self.robust and all(w.kind == "wd" for w in dated):  # "<har> <på> veckor, torsdag": the count lost
            dated = self._weeks_lost(u, dated) or dated
        if self.robust and not dated:  # "Vi ses <är> morgon nio som vanligt": "i morgon" with "i" misheard
            m = _TOMORROW_MISHEARD.search(u.low)
            if m is not None and (u.uncertain(m.group("x")) or not known_word(m.group("x")) or len(m.group("x")) <= 3):
                hour = next((x.time for x in self.whens(u) if x.time is not None and x.start >= m.end()), None)
                dated = [When(date=self.ref + dt.timedelta(days=1), time=hour, text=u.text[m.start("x") : m.end()],
                              start=m.start("x"), end=m.end(), kind="rel_day")]  # fmt: skip
        if self.robust and not dated:  # "den elfte <vill>, klockan sex": the month misheard after the day
            dated = self._month_lost(u)
        return dated, None

    def _weeks_lost(self, u: Utt, dated: list[When]) -> list[When]:
        """'Nästa teammöte <har> <på> veckor, torsdag, samma tid': two weeks on, on the weekday said beside it."""
        lost = weeks_lost(u.low, self.ref, lambda x: u.uncertain(x) or not known_word(x) or len(x) <= 3)
        if lost is None or len(dated) > 1:
            return []
        day, heard = lost
        if dated and dated[0].date is not None:  # the weekday said, in the week two weeks on
            day += dt.timedelta(days=dated[0].date.weekday() - day.weekday())
        u.repairs.append(Repair(heard, "två", "day"))
        hour = next((x.time for x in self.whens(u) if x.time is not None), None)
        at = u.low.find(heard)
        return [
            When(date=day, time=hour, text=u.text[at : at + len(heard)], start=at, end=at + len(heard), kind="in_n")
        ]

    def _month_lost(self, u: Utt) -> list[When]:
        """'den elfte <vill>, klockan sex': a day said with a misheard word where its month stood names the next
        such day after the meeting (within three months); shown to check (rules/nextday.py _partly_heard)."""
        m = _MONTH_LOST.search(u.low)
        if m is None or m.group("x") in _NOT_MONTH:
            return []
        if not (self._misheard_word(u, m.group("x")) or u.uncertain(m.group("ord"))):
            return []  # a surely heard word after a surely heard day; in a burst ("den <femte> vill") both suspect
        n = ORDINALS[m.group("ord")]
        days = [add_months(self.ref.replace(day=1), k) for k in range(3)]
        day = next((d.replace(day=n) for d in days if valid_date(d.year, d.month, n) and d.replace(day=n) > self.ref),
                   None)  # fmt: skip
        if day is None:
            return []
        hour = next((x.time for x in self.whens(u) if x.time is not None and x.start >= m.end()), None)
        return [When(date=day, time=hour, text=u.text[m.start() : m.end()], start=m.start(), end=m.end(),
                     kind="den_day")]  # fmt: skip

    def _whens_heard(self, u: Utt) -> list[When]:
        """The dates of a sentence; one that names a month but lost the words the quick look needs ("Det blir
        <nobåt> tredje mars.", "den" misheard) is read whole."""
        whens = self.whens(u)
        alone = WEEKDAY_HOUR.match(u.low) if self.robust else None
        if alone is not None:  # "Söndag tre.": a weekday and an hour, the sentence's only words
            said = f"{alone.group('wd')} klockan {alone.group('h')}"
            return [w.model_copy(update={"text": u.text[: alone.end("h")], "start": 0, "end": alone.end("h")})
                    for w in find_whens(said, self.ref) if w.time is not None] or whens  # fmt: skip
        if whens or not _MONTH_SAID.search(u.low):
            return whens
        return find_whens(u.text, self.ref)

    def _counted(self, u: Utt, w: When | None) -> When | None:
        """'andra torsdagen i <en>', 'första <förminolen> i april': a counted weekday with its month or weekday
        lost names the next such day after the meeting, or the meeting's own weekday (rules/nextcounted.py)."""

        def misheard(word: str | None) -> bool:  # a surely heard word ("i till") is shown as heard, not replaced
            return word is not None and (u.uncertain(word) or not known_word(word) or len(word) <= 3)

        month = month_slot(u.low)
        found = counted_day(u.low, self.ref, misheard(weekday_slot(u.low)), month == "" or misheard(month))
        count = count_slot(u.low)
        nth = (count_meant(count) or count_near(count)) if count and self._misheard_word(u, count) else None
        if found is None and nth:
            found = count_lost(u.low, self.ref, nth)  # "<bundhården>/<trädje> tisdagen i": a known confusion
        if found is None and count is not None:
            found = series_count(u.low, self.ref)  # "blir <-tredje> tisdagen i februari": this meeting's count
        if found is None or (w is not None and w.kind == "wd" and not found.start <= w.start <= found.end):
            return None
        u.repairs.append(Repair(found.heard, found.meant, "day"))
        return When(date=found.date, time=w.time if w is not None else None, text=u.text[found.start : found.end],
                    start=found.start, end=found.end, kind="nth_wd")  # fmt: skip

    def _weekday_garbled(self, u: Utt, w: When) -> When:
        """A bare weekday whose next words were misheard: 'onsdagen <var> femte' is 'onsdagen den femte',
        'tisdag <med> tre <med>' 'tisdag om tre veckor'; the date as those words give it, the repair said."""
        if not self.robust or w.kind != "wd":
            return w
        series = series_day(u.low, self.ref, lambda x: self._misheard_word(u, x) or len(x) <= 3)
        if series is not None and series.start < w.start < series.end:  # "<men en> tisdagen i <vill>"
            u.repairs.append(Repair(series.heard, series.meant, "day"))
            return w.model_copy(update={"date": series.date, "kind": "nth_wd", "start": series.start,
                                        "end": series.end, "text": u.text[series.start : series.end]})  # fmt: skip
        rest = u.low[w.start :]
        den = _DEN_MISHEARD.match(rest)
        x = (den.group("x") or "") if den is not None else ""  # "måndagen <> trettioförsta": "den" lost
        one = _ONE_WEEK_LOST.match(rest)
        unit = _UNIT_LOST.match(rest)
        ahead = _COUNT_BEFORE.search(u.low[: w.start])
        y = (ahead.group("x") or "") if ahead is not None else ""
        wd = re.match(rf"{_WD}", rest)
        if ahead is not None and wd is not None and y not in _NOT_WEEKS and (not y or self._misheard_word(u, y)):
            said, heard, meant = f"{wd.group(0)} om {ahead.group('n')} veckor", y, "veckor"
        elif one is not None:
            said, heard, meant = f"{one.group('wd')} om en vecka", "", "en"
        elif unit is not None:
            said, heard, meant, one = f"{unit.group('wd')} om {unit.group('n')} veckor", "", "veckor", unit
        elif den is not None and x not in _NOT_DEN and (len(x) <= 4 or u.uncertain(x)):
            said, heard, meant = f"{den.group('wd')} den {den.group('ord')}", x, "den"
        else:
            weeks = _WEEKS_MISHEARD.match(rest)
            y = weeks.group("y") if weeks else ""
            if weeks is not None and weeks.group("x") is None and y.startswith("veck"):  # "måndag <> tre veckor"
                said, heard, meant = f"{weeks.group('wd')} om {weeks.group('n')} veckor", "", "om"
            elif (
                weeks is None
                or weeks.group("x") is None
                or y.startswith("veck")
                or not (u.uncertain(y) or not known_word(y))
            ):
                return w
            else:
                said, heard, meant = f"{weeks.group('wd')} om {weeks.group('n')} veckor", y, "veckor"
        found = [x for x in find_whens(said, self.ref) if x.date is not None and x.date > self.ref]
        # a weekday and its day name one month in six or seven ("onsdagen <?> sjätte": the next Wednesday 6th)
        if not found or (found[0].date - self.ref).days > (200 if found[0].kind == "wd_day" else 120):
            return w
        u.repairs.append(Repair(heard, meant, "day"))
        if one is not None:  # the phrase read is the weekday and its interval, so the hour is looked for after it
            end = w.start + one.end()
            return w.model_copy(update={"date": found[0].date, "kind": found[0].kind, "end": end,
                                        "text": u.text[w.start : end]})  # fmt: skip
        return w.model_copy(update={"date": found[0].date, "kind": found[0].kind})

    def _weekday_heard(self, u: Utt) -> Utt:
        """'<Onsdgen> <nilsson> sjätte': a word no Swedish has, heard unsure a letter from a weekday, is that
        weekday (the sentence as read, the repair said); each sentence read once."""
        cache: dict[int, Utt] = self.__dict__.setdefault("_weekdays_heard", {})
        if u.idx not in cache:
            repairs: list[Repair] = []

            def meant(m: re.Match[str]) -> str:
                word = m.group(0).lower()
                if known_word(word) or not u.uncertain(word) or word in _WEEKDAY_FORMS:
                    return m.group(0)
                near = [f for f in _WEEKDAY_FORMS if Levenshtein.distance(word, f) == 1]
                if len(near) != 1:
                    return m.group(0)
                repairs.append(Repair(word, near[0], "day"))
                return near[0]

            back = _date_words_back(u)
            fixed = re.sub(r"[A-Za-zÅÄÖåäö]{5,}", meant, back)
            u.repairs.extend(repairs)  # one list: a repair made on the sentence as read is the sentence's
            same = not repairs and back == u.text
            cache[u.idx] = u if same else dataclasses.replace(u, text=fixed, low=fixed.lower(), _whens=None)
        return cache[u.idx]

    def _month_heard(self, u: Utt, w: When) -> When:
        """'torsdagen den artonde <man>,': a word a letter or two from the one month where the day is that weekday."""
        nxt = _AFTER_DAY.match(u.low[w.start :]) if self.robust and w.kind == "wd_day" else None
        day = month_by_weekday(nxt.group(1), w.date.day, w.date.weekday(), self.ref) if nxt and w.date else None
        if day is None and nxt and w.date and self._misheard_word(u, nxt.group(1)):
            day = month_meant(nxt.group(1), w.date.day, w.date.weekday(), self.ref)  # a known confusion
        if day is None or day == w.date:
            return w
        u.repairs.append(Repair(nxt.group(1), MONTH_NAMES[day.month - 1], "month"))
        return w.model_copy(update={"date": day})

    def _day_from_weekday(self, u: Utt, w: When, lost: re.Match[str]) -> When | None:
        """The weekday and month narrow the day to four or five; the misheard word picks one, or none."""
        if "mon" not in lost.re.groupindex:
            return self._day_near_weekday(u, w, lost)
        wd, month = WEEKDAY_NAMES.index(lost.group("wd")), MONTH_NAMES.index(lost.group("mon")) + 1
        day = day_by_weekday(lost.group("heard"), wd, month, self.ref)
        heard = lost.group("heard").split()
        # "onsdagen den <det> augusti": a word where only a day can stand ("den" said) that the recogniser is known
        # to make of one ordinal falling on the weekday; never "tisdagen <i> maj", a count lost before it
        said_den = re.match(r"\S+\s*,?\s*den\s", lost.group(0).lower()) is not None
        if day is None and len(heard) == 1 and said_den:
            day = day_meant(heard[0], self._weekdays_of(wd, month))
        if day is None:
            return None
        u.repairs.append(Repair(lost.group("heard").strip(), format_date(day), "day"))
        return When(date=day, time=w.time, text=u.text[w.start : w.start + lost.end()], start=w.start,
                    end=w.start + lost.end(), kind="dmy")  # fmt: skip

    @staticmethod
    def _misheard_word(u: Utt, word: str) -> bool:
        """Heard unsure, or no Swedish word: it may stand for another."""
        return u.uncertain(word) or not known_word(word)

    def _weekdays_of(self, wd: int, month: int) -> list[dt.date]:
        """The days of the next `month` after the meeting that fall on weekday `wd`."""
        year = self.ref.year if month >= self.ref.month else self.ref.year + 1
        first = dt.date(year, month, 1)
        days = [first + dt.timedelta(days=k) for k in range(31)]
        return [d for d in days if d.month == month and d.weekday() == wd and d > self.ref]

    def _day_near_weekday(self, u: Utt, w: When, lost: re.Match[str]) -> When | None:
        """'måndagen den <trettioförst>': no month said, the weekdays of the next three months whose spoken day
        is clearly nearest the misheard word (the earliest of one day number) name the day, flagged."""
        heard = re.match(r"\S+\s*,?\s*den\s+([\w-]+)", lost.group(0).lower())
        word = heard.group(1) if heard else ""
        if len(word) < 4 or not (u.uncertain(word) or not known_word(word)):
            return None
        wd, best = WEEKDAY_NAMES.index(re.match(r"[a-zåäö]+", lost.group(0).lower()).group(0).removesuffix("en")), {}
        for k in range(1, 93):
            day = self.ref + dt.timedelta(days=k)
            if day.weekday() == wd and day.day not in best:
                best[day.day] = (
                    max(Levenshtein.normalized_similarity(word, x) for x in (ordinal(day.day), cardinal(day.day))),
                    day,
                )
        scored = sorted(best.values(), reverse=True)
        if not scored or scored[0][0] < 0.5 or (len(scored) > 1 and scored[0][0] - scored[1][0] < 0.15):
            return None
        day = scored[0][1]
        u.repairs.append(Repair(word, format_date(day), "day"))
        return When(date=day, time=w.time, text=u.text[w.start : w.start + lost.end()], start=w.start,
                    end=w.start + lost.end(), kind="wd_day")  # fmt: skip

    def _day_from_other(self, u: Utt, w: When, lost: re.Match[str], dated: list[When]) -> When | None:
        """'om fyra veckor, torsdagen <misheard> februari', 'om två veckor, måndag den <sig>': another way the
        sentence names the day, on that weekday (and in that month, when one was said), says which day was lost."""
        wd = w.date.weekday() if w.date is not None else -1
        month = MONTH_NAMES.index(lost.group("mon")) + 1 if "mon" in lost.re.groupindex else None
        agree = {x.date for x in dated if x is not w and x.date and x.date.weekday() == wd
                 and month in (None, x.date.month)}  # fmt: skip
        if len(agree) != 1:
            return None
        day = agree.pop()
        heard = lost.group("heard") if "heard" in lost.re.groupindex else lost.group(0).split("den")[-1]
        u.repairs.append(Repair(heard.strip(" ,.!?"), format_date(day), "day"))
        return When(date=day, time=w.time, text=u.text[w.start : w.start + lost.end()], start=w.start,
                    end=w.start + lost.end(), kind="dmy")  # fmt: skip

    @staticmethod
    def _partly_heard(w: When, utts: list[Utt]) -> str | None:
        """'tisdag <med> tre <med>, samma tid': a bare weekday followed by a misheard word or a count may be the
        start of a longer date ("tisdag om tre veckor"), so the next such weekday is shown, to check; "<på>
        morgon" was read as "i morgon"."""
        if w.kind == "own_wd":
            return f'{PREFIX}veckodagen hördes inte ("{w.text}"); detta mötes veckodag nästa vecka antogs'
        if w.kind == "rel_day" and not w.text.lower().startswith("i"):
            return f'{PREFIX}"{w.text}" lästes som "i morgon"'
        u = next((v for v in utts if v.text[w.start : w.end] == w.text), None)
        if w.kind in ("wd_day", "den_day") and u is not None:
            # "lördagen den trettonde <samanställningen>": a word where the month would stand, misheard
            toks = re.findall(r"[a-zåäö]+|\d+", u.low[w.start :])
            at = toks.index("den") + 2 if "den" in toks else len(toks)
            if at < len(toks) and (u.uncertain(toks[at]) or not known_word(toks[at])):
                return f'{PREFIX}månaden kan ha hörts fel ("{toks[at]}" efter dagen)'
        if w.kind != "wd" or u is None:
            return None
        toks = re.findall(r"[a-zåäö]+", u.low[w.start :])
        toks = toks[1:] if toks[:1] in (["nästa"], ["kommande"]) else toks
        after = toks[1:3]  # the words after the weekday, a time joined or not
        counted = len(after) == 2 and after[0] not in _CLOCK_WORDS and after[1] in CARDINALS  # "<om> tre"
        # "onsdag om <som> veckor": a count of weeks lost after the weekday (not "onsdag i nästa vecka")
        counted = counted or ("nästa" not in after and any(t in ("veckor", "vecka") for t in toks[1:4]))
        if after and (u.uncertain(after[0]) or not known_word(after[0]) or counted):
            return f"{PREFIX}veckodagen hördes men inte orden efter den ({' '.join(after)})"
        return None
