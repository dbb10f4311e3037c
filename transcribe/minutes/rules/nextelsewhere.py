"""The next meeting's day heard elsewhere in the meeting, when the announcement lost it.

"Nästa möte blir onsdagen den <till> april": the weekday and the month leave four or five days. Another
mention picks one, and only a day on that weekday (and in that month) counts: the day said exactly ("onsdagen
den sjunde april"; "den sjunde" read in the month announced), a day asked and confirmed ("Onsdag den sjunde
då?" - "Ja."), the invitation ("jag skickar kallelse till den sjunde"), what the meeting says of the interval
("om fyra veckor", "som vanligt andra onsdagen", "samma tid nästa månad") from this meeting's own date. When
no mention, or more than one day, fits, nothing is taken.
"""

from __future__ import annotations

import datetime as dt
import re

from transcribe.minutes import cues
from transcribe.minutes.dates import When
from transcribe.minutes.rules.nextcounted import nth_weekday
from transcribe.minutes.rules.nexttime import MeetingTimes
from transcribe.minutes.rules.utterances import Utt
from transcribe.sv.calendar import MONTH_NAMES, WEEKDAY_NAMES

_WD = "|".join(WEEKDAY_NAMES)
# "onsdagen den <misheard> april", "tisdagen den oktober": the day of the month was lost
DAY_LOST_MONTH = re.compile(
    rf"^(?P<wd>{_WD})(?:en)?\s*,?\s*(?:den\s+)?(?P<heard>(?:[\w-]+\s+){{0,2}}?)(?P<mon>{'|'.join(MONTH_NAMES)})\b"
)
WEEKDAY_FIRST = re.compile(rf"^(?P<wd>{_WD})(?:en)?\b")
DEADLINE_BEFORE = re.compile(r"\b(?:senast|till|innan|före|inför)\s*$")
# A day named by its number: what another mention of the day must say to stand for an unheard one
_EXACT_DAY = frozenset({"dmy", "iso", "slash", "wd_day"})
# Said of the next meeting only where the meeting is spoken of: "om fyra veckor", "måndag om två veckor"
_INTERVAL = frozenset({"in_n", "wd_in_n", "nth_wd"})
# "jag skickar kallelse till den sjunde": the invitation names the meeting's day after "till"
_INVITATION = re.compile(r"\b(?:kallelse|kallelsen|kallelser|inbjudan|inbjudningen|kallar)\b[^.?!]*$")
_MEETING = re.compile(rf"{cues.NEXT_MEETING.pattern}|\bvi\s+se+s\b|\bse+s\s+vi\b|\bträffas\b|\bmöte[tn]?\b")
# "som vanligt andra onsdagen": a weekday counted with no month; the month is the announcement's
_COUNTED_BARE = re.compile(rf"\b(?P<nth>första|andra|tredje|fjärde|sista)\s+(?P<wd>{_WD})(?:en)?\b(?!\s+i\s+\w)")
# "samma tid nästa månad", "om en månad": the same place in the month as this meeting, a month on
_NEXT_MONTH = re.compile(r"\b(?:nästa\s+månad|om\s+en\s+månad|en\s+månad\s+framåt)\b")
_NTH = ("första", "andra", "tredje", "fjärde")


class ElsewhereDays(MeetingTimes):
    """The lost day of the next meeting read from other mentions; they record into the shared state."""

    def _said_elsewhere(self, u: Utt, lost: When) -> tuple[When, list[Utt]] | None:
        """The announcement's weekday (and month) heard, its day not: the one day on that weekday (in that
        month) that the meeting names elsewhere is the day the announcement named."""
        said = DAY_LOST_MONTH.match(lost.text.lower()) or WEEKDAY_FIRST.match(lost.text.lower())
        if said is None:
            return None
        wd = WEEKDAY_NAMES.index(said.group("wd"))
        month = MONTH_NAMES.index(said.group("mon")) + 1 if "mon" in said.re.groupindex else None
        # the replies right after the announcement first ("Säg tisdag den <> juni." - "Den åttonde funkar."),
        # then the whole meeting
        replies = [v for v in self.utts[u.idx + 1 : u.idx + 5] if v.speaker != u.speaker][:2]
        return self._days_in(replies, u, wd, month) or self._days_in(self.utts, u, wd, month)

    def _days_in(self, utts: list[Utt], u: Utt, wd: int, month: int | None) -> tuple[When, list[Utt]] | None:
        """The one day on weekday `wd` (in `month`) that the sentences `utts` name, as _said_elsewhere reads it."""
        found = self._days_named(utts, u, wd, month)
        if len(found) != 1:
            return None
        w, v = next(iter(found.values()))
        w = w.model_copy()
        w.time = next((x.time for x in self.whens(u) if x.time is not None), w.time)  # the hour announced
        return w, [u, v]

    def _days_named(self, utts: list[Utt], u: Utt, wd: int, month: int | None) -> dict[dt.date, tuple[When, Utt]]:
        """Every day on weekday `wd` (in `month`) after this meeting that the sentences `utts` other than `u` name."""
        found: dict[dt.date, tuple[When, Utt]] = {}
        for v in utts:
            if v.is_question and not self._day_confirmed(v):
                continue
            for w in self.whens(v) if v is not u else []:
                day = self._day_meant(w, v, u, month)
                before = v.low[: w.start]
                if (day is None or day <= self.ref or day.weekday() != wd or (month is not None and day.month != month)
                        or (DEADLINE_BEFORE.search(before) and not _INVITATION.search(before))):  # fmt: skip
                    continue
                found.setdefault(day, (w.model_copy(update={"date": day}), v))
            for day, w in self._interval_days(v, u, wd, month):
                found.setdefault(day, (w, v))
        return found

    def _names_other_days(self, u: Utt, lost: When) -> bool:
        """The meeting names two or more days on the announcement's weekday (and month): the lost one is one of
        them or none, and no guess from the usual interval should pick a third."""
        said = DAY_LOST_MONTH.match(lost.text.lower()) or WEEKDAY_FIRST.match(lost.text.lower())
        if said is None:
            return False
        wd = WEEKDAY_NAMES.index(said.group("wd"))
        month = MONTH_NAMES.index(said.group("mon")) + 1 if "mon" in said.re.groupindex else None
        return len(self._days_named(self.utts, u, wd, month)) > 1

    def _day_meant(self, w: When, v: Utt, u: Utt, month: int | None) -> dt.date | None:
        """The day a mention names: a date said whole; 'den sjunde' in the month announced; an interval only
        where the meeting is spoken of."""
        if w.date is None:
            return None
        if w.kind in _EXACT_DAY:
            return w.date
        if w.kind == "den_day" and month is None:  # "fredag den <?>" and elsewhere "den tredje"
            return w.date
        if w.kind == "den_day":
            year = self.ref.year if month >= self.ref.month else self.ref.year + 1
            try:
                return dt.date(year, month, w.date.day)
            except ValueError:
                return None
        if w.kind in _INTERVAL and (v.turn == u.turn or _MEETING.search(v.low)):
            return w.date
        return None

    def _interval_days(self, v: Utt, u: Utt, wd: int, month: int | None) -> list[tuple[dt.date, When]]:
        """'som vanligt andra onsdagen' and 'samma tid nästa månad', said where the meeting is spoken of,
        read in the month announced."""
        if month is None or not (v.turn == u.turn or _MEETING.search(v.low)) or v.is_question:
            return []
        year = self.ref.year if month >= self.ref.month else self.ref.year + 1
        out: list[tuple[dt.date, When]] = []
        for m in _COUNTED_BARE.finditer(v.low):
            if WEEKDAY_NAMES.index(m.group("wd")) == wd:
                day = nth_weekday(year, month, wd, m.group("nth"))
                out.append((day, When(date=day, text=v.text[m.start() : m.end()], start=m.start(), end=m.end(),
                                      kind="nth_wd")))  # fmt: skip
        nxt = _NEXT_MONTH.search(v.low)
        nth = (self.ref.day - 1) // 7
        if nxt is not None and wd == self.ref.weekday() and nth < len(_NTH) and month == self.ref.month % 12 + 1:
            day = nth_weekday(year, month, wd, _NTH[nth])
            out.append((day, When(date=day, text=nxt.group(0), start=nxt.start(), end=nxt.end(), kind="nth_wd")))
        return out

    def _day_confirmed(self, v: Utt) -> bool:
        """'Onsdag den sjunde då?' - 'Ja.': a day asked and confirmed by another speaker."""
        reply = next((x for x in self.utts[v.idx + 1 : v.idx + 3] if x.speaker != v.speaker), None)
        return (
            reply is not None
            and cues.DATE_CONFIRM.search(reply.low) is not None
            and not cues.DATE_REJECT.search(reply.low)
            and not re.match(r"^\s*(?:ja|jo)\s*,?\s*(?:men|fast)\b", reply.low)
        )
