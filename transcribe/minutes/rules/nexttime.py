"""The next meeting's clock time: said with the date, just after it, or as this meeting's own.

A series meets at its usual hour, so this meeting's start time is the reading to prefer when the
hour was said but not heard whole ("klockan <misheard>", "<kvart> över tre", "arton <och> <trettio>"),
when it was said as "samma tid" with one word misheard, and when the afternoon rule would put a
morning meeting's "kvart i åtta" twelve hours late. Every hour taken from this meeting says so.
"""

from __future__ import annotations

import datetime as dt
import re

from rapidfuzz.distance import Levenshtein

from transcribe.minutes import cues
from transcribe.minutes.dates import When
from transcribe.minutes.fuzzy import known_word
from transcribe.minutes.rules.safety import PREFIX
from transcribe.minutes.rules.state import RuleState
from transcribe.minutes.rules.utterances import Utt
from transcribe.sv.calendar import clock
from transcribe.sv.numbers import CARDINALS, parse_number

# "klockan", "halv" or "kvart över" followed by something that is no hour: the hour was said and lost.
_CLOCK_UNHEARD = re.compile(
    r"\b(?:klockan|kl|halv|kvart\s+(?:över|i))(?:\s*[,.!?]|\s+(?!(?:\d|halv|kvart|" + "|".join(CARDINALS) + r")\b)\w+)"
)
# "sex som vanligt", "<seex> som vanligt", "nio <med> vanligt", "<johan> igen": the hour said as the usual one
_AS_USUAL = re.compile(r"^\s*,?\s*(?P<skip>(?:[\w-]+\s+){0,2}?)(?P<how>som\s+vanligt|[\w-]+\s+vanligt|igen)\b")
_CLOCK_PART = frozenset({"kvart", "halv", "i", "över"})
# "samma tid"; "samma," with "tid" lost; ", tid," with "samma" lost (a bare "tid" after a date says nothing else)
_SAME_WHAT = re.compile(r"\bsamma\s+(\w+)")
_SAME_TIME = re.compile(r"\bsamma(?:\s+tid\b|\s*[,.!?]|\s*$)|,\s*tid\s*[,.!?]")
# ", <törs> tid.": the word before "tid" misheard; it is "samma" when it is no word or was heard unsure
_WHAT_TIME = re.compile(r"(?:^|,)\s*(\w+)\s+tid\s*[,.!?]")
# what may stand before "tid" and be meant: ", ny tid.", ", annan tid." (else ", <törs> tid." is "samma tid")
_TIME_KINDS = frozenset("ny annan vilken din er vår min rätt bra god kort lång mer ingen någon full halv en".split())
# "samma <har>, samma sal", "Samma <> om tre veckor": a word that cannot follow "samma" (a verb, a pronoun, a
# preposition) where its noun stood, or the day's first word straight after it; "tid" was lost
NOT_AFTER_SAMMA = frozenset("har är var blir och att som det den detta vi ni de jag du han hon man så nu då här där "
                            "min din sin mitt ditt sitt mina dina sina vår vårt våra er ert era "
                            "men eller om på nästa till för med av från".split())  # fmt: skip
_SAME_NOUN_LOST = re.compile(r"\bsamma\s+(\w+)")
# "Tiden återkommer jag om": the hour is left open, so no later clock time is the meeting's
_TIME_OPEN = re.compile(
    r"\btiden\s+(?:återkommer|bestämmer|meddelar|får\s+vi|tar\s+vi)\b|\båterkommer\s+\w+\s+(?:med|om)\s+tiden\b"
)
# "jag jobbar till halv sju", "inte före sju": a bound on someone's day, not the meeting's hour
_BOUND_BEFORE = re.compile(r"\b(?:till|före|efter|innan|senast|från|fram\s+till)\s*$")
_HOURS = "|".join(w for w, n in CARDINALS.items() if 1 <= n <= 12)
# "onsdagen sjunde april <ni gärningslåkaren> sju", "februari, <med> tolv": an hour after the date, the words
# before it misheard; never a count ("om tolv dagar")
_HOUR_AFTER = re.compile(
    rf"^\s*,?\s*(?P<skip>(?:[\w-]+,?\s+){{0,2}}?)(?P<h>{_HOURS})\b(?!\s+(?:dagar|veckor|månader|år|timmar|minuter)\b)"
)
# "<kvart> över tre", "<fem> i sju": the minutes before "över"/"i" were lost, the hour heard
# "måndag om två veckor, <vi>.": one word after the date, the last of the sentence
_LAST_WORD = re.compile(r"^\s*,\s*([\w-]+(?:\s*,?\s+[\w-]+){0,3})\s*[.!]?\s*$")
# "måndagen den elfte <bo man på>.": up to three words end the sentence straight after a whole date, where the
# month or "klockan sju" stood
_LAST_WORDS_BARE = re.compile(r"^\s+([\w-]+(?:\s+[\w-]+){0,2})\s*[.!]?\s*$")
# "kvart över <om>": the minutes heard, the hour after them lost
_MINUTES_HEARD = re.compile(r"^\s*,?\s*(?:klockan\s+)?(?P<m>kvart\s+över|kvart\s+i|halv)\s+(?P<h>[\w-]+)")
_SAID_HOUR = frozenset([*CARDINALS, "vanligt", "igen", "halv", "kvart", "klockan"])
_NO_HOUR = frozenset({"här", "där", "då", "alltså", "igen", "va", "eller", "ok", "okej", "tack", "hej"})
_MINUTES_LOST = re.compile(rf"(?:^|[,.]\s*|\s)(?:över|i)\s+(?:{_HOURS})\b")
# "den fjortonde, på morgonen": a part of the day straight after a date, the hour before it lost
_PART_ONLY = re.compile(r"^\s*,?\s*(?:på\s+)?(morgonen|förmiddagen|eftermiddagen|kvällen)\b")
# the part of the day said with an hour: "klockan nio på morgonen", "åtta på kvällen"
_DAY_PART = re.compile(r"\b(?:förmiddag|förmiddagen|morgonen|eftermiddag|eftermiddagen|kvällen|fm|em)\b")


def _minutes_apart(a: dt.time, b: dt.time) -> int:
    """Minutes between two clock times of one day."""
    return abs((a.hour * 60 + a.minute) - (b.hour * 60 + b.minute))


def clock_unheard(low: str) -> bool:
    """'klockan <misheard>', 'klocgan ju': a clock word, heard or nearly, with no hour after it."""
    if _CLOCK_UNHEARD.search(low):
        return True
    toks = re.findall(r"[a-zåäö]+|\d+", low)
    return any(
        Levenshtein.distance(t, "klockan") <= 2 and (i + 1 == len(toks) or parse_number(toks[i + 1]) is None)
        for i, t in enumerate(toks)
        if len(t) >= 6
    )


def _misheard(u: Utt, word: str) -> bool:
    """A word the recogniser was unsure of, or no Swedish word at all."""
    return u.uncertain(word) or not known_word(word)


def _nearest_with_minutes(said: str, st: dt.time) -> dt.time | None:
    """The clock time with the minutes said ("kvart över", "kvart i", "halv") nearest this meeting's start `st`;
    None when two are as near ("halv" at a 19.00 meeting: 18.30 or 19.30)."""
    minute = {"kvart över": 15, "kvart i": 45, "halv": 30}[re.sub(r"\s+", " ", said)]
    times = [dt.time(h, minute) for h in range(24)]
    ranked = sorted(times, key=lambda t: _minutes_apart(t, st))
    if _minutes_apart(ranked[0], st) == _minutes_apart(ranked[1], st):
        return None
    return ranked[0]


class MeetingTimes(RuleState):
    """Clock-time rules for the next meeting; they record into the shared state."""

    def _unheard_hour(self, w: When, utts: list[Utt]) -> str | None:
        """'klockan <misheard>': a clock time was said but not heard; 'måndag om två veckor, <vi>.': one misheard
        word after the date, where the hour stands. The meeting's own start time is the best guess (a series
        meets at its usual hour), and the item says so."""
        u = next((v for v in utts if v.text[w.start : w.end] == w.text), None)
        last = _LAST_WORD.match(u.low[w.end :]) if u is not None and w.date is not None else None
        if last is None and u is not None and w.kind in ("dmy", "wd_day") and w.date is not None:
            last = _LAST_WORDS_BARE.match(u.low[w.end :])  # "måndagen den elfte <bo man på>."
        # "<date>, <mörr sån får>.": up to three words where "klockan sju" stood, one of them misheard
        heard = re.findall(r"[\w-]+", last.group(1)) if last is not None else []
        heard = heard[:-1] if heard[-1:] == ["här"] and len(heard) > 1 else heard  # "juni, <ni vill, förminolen> här."
        heard = heard if len(heard) <= 3 else []
        if len(heard) > 1 and (re.search(r"\b[A-ZÅÄÖ]", u.text[w.end :]) or set(heard) & _SAID_HOUR):
            heard = []  # "…, hos Sigrid Berg.": a place or a name; "<med> sju deltagare": a count, read elsewhere
        lost = bool(heard) and not set(heard) & _NO_HOUR and any(_misheard(u, x) for x in heard)
        # "Nästa matråd, tjugonde maj. Efter lunch, kvart över, här.": the hour in the next sentence of the turn
        # "Nästa möte den andra december. En torsdag. Klockan <att>, här.": past the weekday said again
        after = self._same_segment_after(u, 2) if u else []
        cut = next((i for i, v in enumerate(after) if not self._same_day_only(v, w)), len(after))
        unheard = any(clock_unheard(v.low) for v in [*utts, *after[:cut]])
        minutes = _MINUTES_HEARD.search(u.low[w.end :]) if u is not None and w.time is None else None
        st = self.start_time  # a meeting on the hour: the next one at that hour with the minutes heard
        if minutes is not None and st is not None and st.minute == 0 and minutes.group("h") not in _SAID_HOUR:
            near = _nearest_with_minutes(minutes.group("m"), st)
            if near is not None:  # "kvart över <om>, här nere" at a 19.00 meeting: 19.15
                w.time = near
                heard = minutes.string[minutes.start("m") : minutes.end()]
                return f'{PREFIX}timmen hördes inte ("{heard}"); närmast detta mötes tid antogs'
        part = _PART_ONLY.match(u.low[w.end :]) if u is not None and w.time is None and w.date is not None else None
        if part is not None:  # "den fjortonde, <nio> på morgonen": the part of the day heard, its hour lost
            st = self.start_time
            if st is not None and (st.hour < 12) == (part.group(1) in ("morgonen", "förmiddagen")):
                w.time = st
                return f'{PREFIX}klockslaget hördes inte ("{part.group(0).strip(" ,")}"); detta mötes tid antogs'
            return f'{PREFIX}klockslaget hördes inte ("{part.group(0).strip(" ,")}")'
        if w.time is None and self.start_time is not None and (lost or unheard):
            w.time = self.start_time
            return f"{PREFIX}klockslaget hördes inte; samma tid som detta möte ({clock(self.start_time)}) antogs"
        return None

    def _same_day_only(self, v: Utt, w: When) -> bool:
        """No date in the sentence but the weekday of `w` said again ("En torsdag.")."""
        day = w.date
        return all(x.date is None or (day is not None and x.date.weekday() == day.weekday()) for x in self.whens(v))

    def _hour_as_usual(self, w: When, utts: list[Utt]) -> str | None:
        """The hour heard but not the words around it ('<ni gärningslåkaren> sju', 'februari, <med> tolv' read as
        'klockan tolv', '<kvart> över tre', 'klockan arton <till men> trettio'): when this meeting's own time
        reads as that hour ('halv sju' is 18.30), a series meeting at its usual time is the likelier reading;
        it is taken, and the item says so."""
        u = next((v for v in utts if v.text[w.start : w.end] == w.text), None)
        st = self.start_time
        if u is None or st is None or w.date is None:
            return None
        if w.time is None:
            m = _HOUR_AFTER.match(u.low[w.end :])
            if m is None or not all(_misheard(u, x) or len(x) <= 3 for x in re.findall(r"[\w-]+", m.group("skip"))):
                return None
            if not m.group("skip") and not re.match(r"\s*(?:[,.!?]|$|här\b)", u.low[w.end + m.end() :]):
                return None  # "februari, sju, här": "klockan" lost; not "februari, sju deltagare"
            hour = parse_number(m.group("h")) or 0
        elif any(r.kind == "clock" and r.meant.lower() == "klockan" for r in u.repairs) and w.time != st:
            # "klockan" read from a misheard word, which may as well have been "halv" or "kvart över"
            hour = -1 if w.time.hour == st.hour else w.time.hour
        elif w.time.hour == st.hour and w.time.minute == 0 != st.minute and self._minutes_lost(u, w):
            hour = -1  # the hour heard is this meeting's, its minutes lost
        else:
            return None
        if hour >= 0 and (st.hour % 12, st.minute) not in {(hour % 12, 0), ((hour - 1) % 12, 30)}:
            return self._hour_as_heard(u, w, hour)
        w.time = st
        return f"{PREFIX}klockslaget hördes otydligt; mötets egen tid ({clock(st)}) stämmer med det som hördes"

    def _hour_as_heard(self, u: Utt, w: When, hour: int) -> str | None:
        """'onsdagen den tjugonde, <med> sju, här': one misheard or short word where "klockan" stood and the hour
        alone after it, not this meeting's: the hour as heard (afternoon rule), said so."""
        m = _HOUR_AFTER.match(u.low[w.end :]) if w.time is None else None
        skip = re.findall(r"[\w-]+", m.group("skip")) if m else []
        if m is None or len(skip) != 1 or not (_misheard(u, skip[0]) or len(skip[0]) <= 3) or not 1 <= hour <= 12:
            return None
        if not re.match(r"\s*(?:[,.!?]|$|här\b)", u.low[w.end + m.end() :]):
            return None  # "<med> sju deltagare": a count, no hour
        w.time = dt.time(hour + 12 if hour <= 7 else hour, 0)
        return f'{PREFIX}klockslaget lästes ur "{skip[0]} {m.group("h")}"; "{skip[0]}" hördes otydligt'

    @staticmethod
    def _minutes_lost(u: Utt, w: When) -> bool:
        """The minutes of the hour were said and lost: '<kvart> över tre', or misheard words straight after it."""
        if _MINUTES_LOST.search(u.low[max(0, w.start - 1) : w.end]):
            return True
        after = re.findall(r"[\w-]+", u.low[w.end :])[:2]
        return bool(after) and _misheard(u, after[0])

    def _morning_as_usual(self, w: When, utts: list[Utt]) -> None:
        """An hour said without its part of the day, read twelve hours from where this meeting is held: 'Då ses
        vi i morgon, kvart i åtta som vanligt' at a meeting that began at 07.45 (the afternoon rule read 19.45),
        'Onsdagen den tjugonde oktober, efter övningen. Kvart i nio.' at one that began at 20.30 (read 08.45).
        A series meets near its usual hour: the other reading is taken when it lies within an hour of this
        meeting's own time and the one read more than three hours from it; never when the part of the day was
        said ('klockan nio på morgonen')."""
        st = self.start_time
        if w.time is None or st is None or any(_DAY_PART.search(u.low) for u in utts):
            return
        other = dt.time((w.time.hour + 12) % 24, w.time.minute)
        if 12 in (w.time.hour, other.hour):
            return  # noon is said so; midnight is no meeting's hour
        if _minutes_apart(other, st) <= 60 < 180 < _minutes_apart(w.time, st):
            w.time = other

    def _same_time(self, w: When, utts: list[Utt]) -> str | None:
        """'måndag om två veckor, samma tid': the clock time of this meeting; why to check it when one of the
        two words was misheard ("samma <lov>", ", <törs> tid.")."""
        if w.time is not None or self.start_time is None:
            return None
        # "… tredje tisdagen i februari. <Törs> tid, sju.": the hour in the next sentence of the turn; "Onsdag om
        # två veckor. Samma tid, kvart över fem. Det blir den tredje mars.": in the answer before the day
        said = next((v for v in utts if v.text[w.start : w.end] == w.text), None)
        after = [v for v in self._same_segment_after(said, 1) if not self.whens(v)] if said is not None else []
        before = self._same_turn_before(said, w) if said is not None else []
        for u in [*utts, *after, *before]:
            # "ses vi samma tid" mended into "ses vi på tid" by a cue repair: the words said were "samma tid"
            mended = any(r.heard.lower() == "samma" for r in u.repairs) and re.search(r"\btid\b", u.low)
            if _SAME_TIME.search(u.low) or (mended and not u.uncertain("samma")):
                w.time = self.start_time
                return None
            heard = [x for x in _SAME_WHAT.findall(u.low) if u.uncertain(x)]
            heard += [x for x in re.findall(r"\b(\w+)\s+tid\b", u.low) if u.uncertain(x)]  # "ses vi <på> tid"
            heard += [x for x in _WHAT_TIME.findall(u.low) if _misheard(u, x) or x not in _TIME_KINDS]
            heard += [f"samma {x}" for x in _SAME_NOUN_LOST.findall(u.low) if x in NOT_AFTER_SAMMA]
            heard = ["samma"] if mended else heard
            if heard:
                w.time = self.start_time
                said = '"samma tid" hördes otydligt' if mended else f'"{heard[0]}" lästes som "samma tid"'
                return f"{PREFIX}{said}; detta mötes tid ({clock(self.start_time)}) antogs"
        return None

    def _same_turn_before(self, said: Utt, w: When) -> list[Utt]:
        """The sentences of the turn just before the one that gave the day, naming no other day."""
        out = [v for v in self.utts[max(0, said.idx - 2) : said.idx] if v.turn == said.turn]
        day = w.date
        return [
            v
            for v in out
            if day is not None
            and all(x.date in (None, day) or x.date.weekday() == day.weekday() for x in self.whens(v))
        ]

    def _usual_hour(self, w: When, utts: list[Utt]) -> str | None:
        """'den femte maj, sex som vanligt' with the hour or "som" misheard ('<seex> som vanligt', 'nio <med>
        vanligt', 'lördag om tre veckor, <johan> igen'): the usual hour is this meeting's own; said so when a
        word there was misheard."""
        st = self.start_time
        if w.time is not None or st is None or w.date is None:
            return None
        # "Nästa möte torsdag om två veckor, <sju> som vanligt. Den andra december.": the usual hour said after
        # another way of naming the same day
        said = [(v, w) for v in utts if v.text[w.start : w.end] == w.text][:1]
        said += [(v, x) for v in utts for x in self.whens(v) if x.date == w.date]
        u, m = next(((v, _AS_USUAL.match(v.low[x.end :])) for v, x in said if _AS_USUAL.match(v.low[x.end :])),
                    (None, None))  # fmt: skip
        if m is None or u is None:
            return None
        words = m.group("skip").split()
        # "<kvart> åtta som vanligt" at 07.45: with "kvart" or "halv" the hour said is the next one
        hours = {st.hour % 12, (st.hour + 1) % 12} if _CLOCK_PART & set(words) else {st.hour % 12}
        if any((parse_number(x) or 0) % 12 not in hours for x in words if parse_number(x) is not None):
            return None  # another hour heard: not this meeting's
        words = [x for x in words if x not in _CLOCK_PART]  # "kvat <i> som vanligt": a clock word, its hour lost
        misheard = [x for x in words if parse_number(x) is None and _misheard(u, x)]
        said = m.group("how").split()[0]
        if said not in ("som", "igen"):
            misheard.append(said)  # "nio <med> vanligt"
        if said == "igen" and not misheard and len(words) == 0:
            return None  # "vi ses på fredag igen": again, no hour
        if any(parse_number(x) is None and not _misheard(u, x) for x in words):
            return None  # "på fredag efter jobbet som vanligt": words heard that name no hour
        w.time = st
        if not misheard:
            return None  # "onsdagen den femte maj som vanligt": the usual hour, said so
        return f'{PREFIX}klockslaget hördes otydligt ("{" ".join(misheard)}"); mötets egen tid ({clock(st)}) antogs'

    def _restated_unheard(self, w: When, utts: list[Utt]) -> str | None:
        """'Om tre veckor. Onsdagen den <hänga>, <gärningslåkaren> två, …': the day said again in the next sentence
        of the turn, or between a question and the reply the date was taken from, misheard there, and no hour
        read: the hour may have been said in what was lost."""
        if w.time is not None or w.date is None:
            return None
        said = next((v for v in utts if v.text[w.start : w.end] == w.text), None)
        between = self.utts[utts[0].idx + 1 : utts[-1].idx] if len(utts) > 1 else []  # "Och nästa?" ... "Den …, ja."
        for v in [*between, *(self._same_segment_after(said, 1) if said is not None else [])]:
            again = [x for x in self.whens(v) if x.kind == "wd" and x.date and x.date.weekday() == w.date.weekday()]
            rest = re.findall(r"[\w-]+", v.low[again[0].end :]) if again else []
            if any(_misheard(v, x) for x in rest[:4]):
                heard = " ".join(rest[:4])
                if self._own_hour_heard(v, rest[:4]):  # "<gärningslåkaren> två" at 13.30: "halv två"
                    w.time = self.start_time
                    return f"{PREFIX}dagen och klockslaget hördes otydligt ({heard}); mötets egen tid antogs"
                return f"{PREFIX}dagen sades igen men hördes otydligt ({heard}); klockslaget kan ha fallit bort"
        return None

    def _own_hour_heard(self, v: Utt, words: list[str]) -> bool:
        """An hour among the words, after a misheard one where "klockan" or "halv" stood, that this meeting's own
        time reads as ("två" at 13.30 is "halv två")."""
        st = self.start_time
        for i, x in enumerate(words[1:], 1):
            hour = CARDINALS.get(x)
            if st is not None and hour is not None and 1 <= hour <= 12 and _misheard(v, words[i - 1]):
                return (st.hour % 12, st.minute) in {(hour % 12, 0), ((hour - 1) % 12, 30)}
        return False

    def _fill_time(self, w: When, utts: list[Utt], candidates: list[tuple[When, list[Utt]]]) -> None:
        """The same date said in another turn with its clock time ('den fjärde, klockan nio' ... 'den fjärde')."""
        if w.time is not None:
            return
        for other, other_utts in candidates:
            if other.date == w.date and other.time is not None:
                w.time = other.time
                utts.extend(x for x in other_utts if x not in utts)
                return

    def _attach_time(self, cand: tuple[When, list[Utt]], u: Utt) -> None:
        """A clock time said just after the date ('klockan tio då?' - 'ja') joins the date."""
        w, utts = cand
        if w.time is not None or any(_TIME_OPEN.search(x.low) for x in [u, *self._same_segment_after(u, 2)]):
            return
        for v in self.utts[u.idx + 1 : u.idx + 4]:
            times = [t for t in self.whens(v) if t.time is not None and t.date is None]
            times = [t for t in times if not _BOUND_BEFORE.search(v.low[: t.start])]
            if times and not cues.DATE_REJECT.search(v.low):
                nxt = self.utts[v.idx + 1] if v.idx + 1 < len(self.utts) else None
                if nxt is not None and nxt.speaker != v.speaker and cues.DATE_REJECT.search(nxt.low):
                    continue
                w.time = times[0].time
                utts.append(v)
                return
            same_day = [x for x in self.whens(v) if x.kind == "wd" and w.date and x.date.weekday() == w.date.weekday()]
            timed = [x for x in same_day if x.time is not None]
            if timed and len(same_day) == len(self.whens(v)):  # "Om två veckor." - "Måndag, klockan sju."
                w.time = timed[0].time
                utts.append(v)
                return
            if self.whens(v) and len(same_day) < len(self.whens(v)):
                return  # another day; "En torsdag." only says again which day it is
