"""A next meeting moved in the turns after it was said: one who cannot come offers another day in its place.

'Då ses vi nästa måndag, klockan nio.' - 'Måndag den tjugonde är jag på mässan. Kan vi ta tisdagen i stället?' -
'Tisdag den tjugoförsta då, klockan nio.': the day said last is the meeting's, not the one first announced. The
offer is read from how a reply turns a day down (the speaker's own engagement on it, 'passar inte', 'i stället'),
so it holds when the day's number in the answer was lost ('Tisdag den <sig> då'): the offered weekday is taken in
the week of the day it replaces.
"""

from __future__ import annotations

import datetime as dt
import re

from transcribe.minutes import cues
from transcribe.minutes.dates import When
from transcribe.minutes.rules.nextday import SPECIFIC, MeetingDays
from transcribe.minutes.rules.safety import PREFIX
from transcribe.minutes.rules.utterances import Utt

# the speaker's own engagement, said after the day it falls on ('Måndag den tjugonde är jag på mässan',
# 'Då har jag tandläkaren'), or the day asked for in another's place
_OWN_ENGAGEMENT = re.compile(r"\b(?:är|har|jobbar|sitter|åker|ska)\s+jag\b(?!\s+(?:ledig|fri|med|där|här)\b)")
_INSTEAD = re.compile(r"\bi\s*stället\b")
_ASKED_FOR = re.compile(r"\b(?:kan|ska|får)\s+vi\s+(?:inte\s+)?(?:ta|köra|ha|flytta|lägga)\b")
# a short reply that takes the offer without saying its day ('Ja, det går.', 'Okej, tisdag då.')
_TAKEN = re.compile(r"^\W*(?:ja|jo|okej|visst|absolut|gärna|det\s+går|det\s+blir|då\s+tar\s+vi|\w+dag)\b")
MOVED_WHY = f"{PREFIX}dagen i svaret hördes inte; den erbjudna veckodagen samma vecka som den avböjda dagen antogs"
# how far after the announcement the move is looked for (sentences, seconds)
_SPAN, _SECONDS = 5, 60.0


def _offered(v: Utt, whens: list[When], said: When, turned: bool) -> When | None:
    """The other day a reply offers for the announced one: a day on another weekday, said with 'i stället' or
    asked for ('Kan vi ta tisdagen?') by a speaker who turned the announced day down (`turned`, in the turn)."""
    other = [w for w in whens if w.date is not None and w.date != said.date]
    if not other or said.date is None:
        return None
    other = [w for w in other if w.date.weekday() != said.date.weekday() or w.kind not in ("wd", "own_wd")]
    if not other:
        return None
    asked = _INSTEAD.search(v.low) or (v.is_question and _ASKED_FOR.search(v.low))
    return other[-1] if asked and turned else None


def _in_week_of(day: dt.date, offer: When) -> dt.date:
    """The offered weekday in the week of the day it replaces ('tisdagen i stället' for Monday the 20th: the 21st)."""
    assert offer.date is not None
    return day + dt.timedelta(days=offer.date.weekday() - day.weekday())


class MovedDay(MeetingDays):
    """The announced next meeting moved by a reply's offer that the room took."""

    def _moved(self, said: When, u: Utt) -> tuple[When, list[Utt], bool] | None:
        """The day offered in place of `said` (announced in `u`) and taken in the next turn, with its evidence
        and whether its day was taken from the week (none heard on the offered weekday)."""
        if said.date is None:
            return None
        span = [v for v in self.utts[u.idx + 1 : u.idx + 1 + _SPAN] if v.start - u.end <= _SECONDS]
        for k, v in enumerate(span):
            if v.speaker == u.speaker:
                continue
            turn = [x for x in span[k:] if x.turn == v.turn]
            turned = any(cues.DATE_REJECT.search(x.low) or _OWN_ENGAGEMENT.search(x.low) for x in turn)
            offer = next((o for x in turn if (o := _offered(x, self._dates(x)[0], said, turned)) is not None), None)
            if offer is None:
                continue
            answer = next((x for x in span[k + len(turn) :] if x.speaker != v.speaker), None)
            if answer is None or answer.is_question or cues.DATE_REJECT.search(answer.low):
                return None
            if re.match(r"^\W*(?:nej|men)\b", answer.low) or not _TAKEN.search(answer.low):
                return None
            day, guessed = self._taken_day(said, offer, answer)
            return day, [u, *turn, answer], guessed
        return None

    def _taken_day(self, said: When, offer: When, answer: Utt) -> tuple[When, bool]:
        """The day the answer says if it is on the offered weekday, else the offered weekday in the replaced
        day's week; the hour the answer says, else the announced one."""
        assert said.date is not None and offer.date is not None
        own = [w for w in self._dates(answer)[0] if w.kind in SPECIFIC and w.date is not None
               and w.date.weekday() == offer.date.weekday() and w.date > said.date - dt.timedelta(days=7)]  # fmt: skip
        exact = offer.kind not in ("wd", "own_wd")
        day = own[0].date if own else offer.date if exact else _in_week_of(said.date, offer)
        if day <= self.ref:
            day = offer.date
        hour = next((w.time for w in self.whens(answer) if w.time is not None), None)
        return said.model_copy(update={"date": day, "time": hour or said.time, "kind": "wd_day"}), not (own or exact)
