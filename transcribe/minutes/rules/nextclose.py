"""The next meeting named at the close: a day said as the meeting ends, its meeting cue unheard or unsaid."""

from __future__ import annotations

import datetime as dt
import re

from transcribe.minutes import cues
from transcribe.minutes.dates import When
from transcribe.minutes.fuzzy import known_word
from transcribe.minutes.rules.nextday import SPECIFIC, WEEKDAY_HOUR, MeetingDays
from transcribe.minutes.rules.nextelsewhere import DEADLINE_BEFORE
from transcribe.minutes.rules.nexttime import clock_unheard
from transcribe.minutes.rules.safety import PREFIX
from transcribe.minutes.rules.utterances import Utt, best_when
from transcribe.sv.calendar import WEEKDAY_NAMES
from transcribe.sv.numbers import CARDINALS

_HOURS = [w for w, n in CARDINALS.items() if 1 <= n <= 12 and " " not in w]

# What is left of "vi ses", "träffas vi", "nästa …" when the cue itself was misheard.
_MEET_VERB = re.compile(r"\b(?:se+s?|träffas|träffar|möte|mötet)\b")
_MEETING_NAMED = re.compile(r"\b(?:extra|medlems|styrelse)?mötet\b")
# "Nästa <misheard> är måndagen den …", "Nästa blir tisdagen …": the meeting word after "nästa" lost.
_NEXT_WORD = re.compile(r"\bnästa\s+(?P<w>[\w-]+)")
# "nästa vecka/punkt/steg ...": a next that is no meeting
NOT_MEETINGS = frozenset("vecka veckan år månad månaden punkt punkten steg steget fråga gång".split())
# "Nästa <nilsson sig> är måndagen den ...": a next one announced with a day, its meeting word misheard
_NEXT_ANNOUNCED = re.compile(r"\bnästa\s+(?P<w>[\w-]+)(?:\s+[\w-]+)?\s+(?:blir|är|hålls)\s+$")
# Words that may stand beside a day said alone: "Nästa tisdag, samma tid, här."
_FILLER = frozenset("och då så här samma tid rum som vanligt igen".split())
# ", samma tid.", "Samma tid som vanligt.": the hour of this meeting said of a day
_USUAL = re.compile(r"^\W*(?:och\s+)?(?:samma\s+tid|som\s+vanligt)\b")
# "Vanliga torsdagsmötet, klockan nio.": the meeting named by its weekday
_WEEKDAY_MEETING = re.compile(rf"\b(?P<wd>{'|'.join(WEEKDAY_NAMES)})s(?:möte|mötet|träff|träffen)\b")
# "Vanliga torsdagsmötet, klockan nio.": the meeting named by its weekday
_WEEKDAY_MEETING = re.compile(rf"\b(?P<wd>{'|'.join(WEEKDAY_NAMES)})s(?:möte|mötet|träff|träffen)\b")
_ANNOUNCED = re.compile(r"\b(?:blir|hålls)\s+(?:det\s+)?(?:på\s+)?$")
# "<Nästa> tisdag, <kvart> över sju.": a weekday and an hour alone at the close, the minutes before "över"/"i" lost
_MINUTES_LOST_ALONE = re.compile(
    rf"^(?:nästa\s+)?(?P<wd>{'|'.join(WEEKDAY_NAMES)})\s*,?\s+(?P<dir>över|i)\s+(?P<h>{'|'.join(_HOURS)})"
    r"\s*(?:,\s*här)?\s*[.!]?\s*$"
)


# "Jag tar det på första styrelsemötet, på torsdag den nionde klockan sex": a meeting named, its day and hour after it
_MEETING_THEN_DAY = re.compile(r"\b(?:första\s+)?[a-zåäö]*(?:mötet|träffen|sammanträdet)\s*,?\s+(?:på\s+)?$")
MEETING_DATED_WHY = f"{PREFIX}ett möte nämns med dag och tid, men inte som nästa möte"


class ClosingDate(MeetingDays):
    """A specific day said at the close of the meeting; they record into the shared state."""

    def _meeting_with_day(self) -> tuple[When, list[Utt]] | None:
        """No next meeting named, but a meeting with its day and hour straight after it, as an annual meeting
        names the new board's first ('på första styrelsemötet, på torsdag den nionde klockan sex'): the last such,
        to check. Never one said with a deadline word before it or a day past."""
        found = None
        for u in self.utts:
            for w in self._dates(u)[0]:
                cut = _MEETING_THEN_DAY.search(u.low[: w.start])
                if cut is None or w.time is None or w.kind not in SPECIFIC or u.is_question:
                    continue
                if not DEADLINE_BEFORE.search(u.low[: cut.start()]):
                    found = (w, [u])
        return found

    def _closing_date(self) -> tuple[When, list[Utt], bool] | None:
        """A specific day said at the close of the meeting, its meeting cue unheard ("Då <se> vi nästa tisdag,
        den första december klockan tio") or unsaid ("Nästa tisdag, kvart över sju."): a meeting ends by naming
        the next one. Never a deadline or a task. The last value says whether the words were heard unsure."""
        reply: tuple[When, list[Utt], bool] | None = None
        for u in self._tail(6):
            u = self._weekday_heard(u)  # the day words as heard ("Nästa <måndag>", not the cue "Nästa möte")
            nxt = _NEXT_WORD.search(u.low)
            lost_noun = nxt is not None and (
                u.uncertain(nxt.group("w")) or not known_word(nxt.group("w")) or nxt.group("w") in ("blir", "är")
            )
            whens = [w for w in self._whens_heard(u) if w.date is not None and w.date > self.ref and (w.kind in SPECIFIC
                     or w.time is not None) and not DEADLINE_BEFORE.search(u.low[: w.start])]  # fmt: skip
            whens = [*self._weekday_meeting(u), *self._minutes_lost_alone(u), *whens]
            # "Ronja, sätter du upp en lapp om extramötet? Vi kör onsdagen den fjortonde april klockan sju."
            prev = self.utts[u.idx - 1] if u.idx else u
            named = prev.turn == u.turn and _MEETING_NAMED.search(prev.low) and any(w.time for w in whens)  # fmt: skip
            named = named or (_WEEKDAY_MEETING.search(u.low) is not None and (any(w.time for w in whens)
                                                                              or clock_unheard(u.low)))  # fmt: skip
            # "Nästa tisdag, kvart över sju.": a day and hour said alone, not in answer to another's question
            alone = any(self._alone(u, w) for w in whens) and not (prev.is_question and prev.speaker != u.speaker)
            # "<Ett gång> vi är när berättelsen är klar. Onsdagen den sjätte oktober.": a whole date said alone
            whole = any(self._whole_date_alone(u, w) for w in whens) and not prev.is_question
            alone = alone or whole
            # "<Nästa möte om> en månad, tisdag den tjugoåttonde september. Samma tid.": a whole date at the close
            # with this meeting's hour said of it, the meeting's words misheard
            usual = any(self._whole_date_usual(u, w) for w in whens)
            # "<misheard words> blir om fyra veckor, torsdagen den elfte februari": a day announced at the close;
            # "Första tisdagen i maj, klockan åtta på kvällen, hos Sigrid.": a day and hour said alone, first
            announced = any(
                (
                    _ANNOUNCED.search(u.low[: w.start])
                    if (n := _NEXT_ANNOUNCED.search(u.low[: w.start])) is None
                    else self._misheard_slot(u, n)  # "Nästa leverans blir …" names something else
                )
                or (self._lead_unheard(u, w, heard) and w.time is not None and w.kind in (*SPECIFIC, "rel_day"))
                or (self._we_unheard(u, w, heard) and w.time is not None and w.kind in (*SPECIFIC, "rel_day", "wd"))
                for heard in [self._whens_heard(u)]
                for w in heard
            )
            if u.is_question or re.search(r"\bjag\s+\w+r\b", u.low) or self._turned_down(u):
                continue
            if whens and (_MEET_VERB.search(u.low) or lost_noun or announced or named or alone or usual):
                # said whole and heard surely, the day stands as said; otherwise the cue may have been misheard
                # "Måndag nio.": a weekday and an hour without "klockan" may answer another's words; flagged
                sure = (named or alone) and not any(u.uncertain(x) for x in re.findall(r"[\w-]+", u.low))
                sure = sure and WEEKDAY_HOUR.match(u.low) is None and not whole
                found = (best_when(whens, 0), [u], not sure)
                if reply is None and (WEEKDAY_HOUR.match(u.low) is not None or whole):
                    reply = found  # "Torsdag nio. Okej.": the announcement before it, if it says the same, is read
                    continue
                if reply is not None and reply[0].date == found[0].date and reply[0].time in (None, found[0].time):
                    return found[0], [u, *reply[1]], found[2]
                return found
        return reply

    def _weekday_meeting(self, u: Utt) -> list[When]:
        """'Nästa vecka. Vanliga torsdagsmötet, klockan nio.': the next meeting on that weekday, at the hour said."""
        m = _WEEKDAY_MEETING.search(u.low)
        hour = next((w.time for w in self.whens(u) if w.time is not None), None)
        if m is None or (hour is None and not clock_unheard(u.low)):  # "torsdagsmötet, klockan <?>": read later
            return []
        ahead = (WEEKDAY_NAMES.index(m.group("wd")) - self.ref.weekday() - 1) % 7 + 1
        return [When(date=self.ref + dt.timedelta(days=ahead), time=hour, text=m.group(0), start=m.start(),
                     end=m.end(), kind="wd")]  # fmt: skip

    def _minutes_lost_alone(self, u: Utt) -> list[When]:
        """'<Nästa> tisdag, <kvart> över sju.': a weekday and an hour alone, the minutes lost before "över" or "i";
        when this meeting's own time reads as what was heard (07.15 as "... över sju"), the next such weekday at
        that time, to check."""
        m = _MINUTES_LOST_ALONE.match(u.low)
        st = self.start_time
        if m is None or st is None or st.minute == 0:
            return []
        hour = CARDINALS[m.group("h")] % 12
        if (st.hour % 12, m.group("dir") == "i") not in {(hour, False), ((hour - 1) % 12, True)}:
            return []
        if (m.group("dir") == "i") != (st.minute > 30):
            return []
        ahead = (WEEKDAY_NAMES.index(m.group("wd")) - self.ref.weekday() - 1) % 7 + 1
        return [When(date=self.ref + dt.timedelta(days=ahead), time=st, text=u.text[m.start("wd") : m.end("h")],
                     start=m.start("wd"), end=m.end("h"), kind="wd")]  # fmt: skip

    def _turned_down(self, u: Utt) -> bool:
        """'Det blir den tjugofjärde.' - 'Det är julafton.' - 'Haha, ja, nej. Vi tar det i januari.': a day
        said and turned down in the next few sentences."""
        return any(
            (re.search(r"\bnej\b", v.low) and not self.utts[v.idx - 1].is_question)  # not "Något mer?" - "Nej."
            or cues.DATE_REJECT.search(v.low)
            for v in self.utts[u.idx + 1 : u.idx + 4]
        )

    def _tail(self, n: int) -> list[Utt]:
        """The last `n` sentences, last first, the short replies between them not counted ("Den sjunde.",
        "Okej.", "Tack allihop!")."""
        out: list[Utt] = []
        for u in reversed(self.utts):
            out.append(u)
            n -= len(re.findall(r"[\w-]+", u.low)) > 3
            if n <= 0:
                break
        return out

    @staticmethod
    def _alone(u: Utt, w: When) -> bool:
        """The sentence is a weekday and an hour and nothing else ("Nästa tisdag, kvart över sju."), one word of it
        perhaps misheard ("<Han> vanligt, tisdag nästa vecka klockan åtta här.")."""
        rest = re.findall(r"[\w-]+", u.low[: w.start] + " " + u.low[w.end :])
        other = [x for x in rest if x not in _FILLER]
        heard = len(other) <= 1 and all(u.uncertain(x) or not known_word(x) for x in other)
        return w.time is not None and w.kind == "wd" and heard

    @staticmethod
    def _whole_date_alone(u: Utt, w: When) -> bool:
        """The sentence is a weekday, its day and month and nothing else ("Onsdagen den sjätte oktober.")."""
        rest = re.findall(r"[\w-]+", u.low[: w.start] + " " + u.low[w.end :])
        said = re.match(rf"(?:{'|'.join(WEEKDAY_NAMES)})", w.text.lower())
        return w.kind in ("dmy", "wd_day") and said is not None and all(x in _FILLER for x in rest)

    def _whole_date_usual(self, u: Utt, w: When) -> bool:
        """A weekday, its day and month, and "samma tid" or "som vanligt" said after it in the sentence or as the
        next sentence of the turn: a day given this meeting's hour is the next meeting's."""
        said = re.match(rf"(?:{'|'.join(WEEKDAY_NAMES)})", w.text.lower())
        if w.kind not in ("dmy", "wd_day") or said is None or w.time is not None:
            return False
        after = [u.low[w.end :], *(v.low for v in self._same_segment_after(u, 1))]
        return any(_USUAL.match(x) for x in after)

    @staticmethod
    def _lead(u: Utt, w: When, whens: list[When]) -> list[str]:
        """The words before a date, but those of another saying of a day ('Måndag om två veckor, den sjunde
        december'): a day said twice is still the day alone."""
        text = u.low[: w.start]
        for x in whens:
            if x is not w and x.end <= w.start:
                text = text[: x.start] + " " * (x.end - x.start) + text[x.end :]
        return re.findall(r"[\w-]+", text)

    def _lead_unheard(self, u: Utt, w: When, whens: list[When]) -> bool:
        """Nothing before the date, or one or two words the recogniser was unsure of ("<Vi ses> lördag om tre
        veckor, elva igen"), or one such word and the verb or a joining word ("<Tsojboget> är torsdagen den sjätte
        juli", "<Tillschnangen> och tisdag om två veckor": a short word is what a burst leaves most)."""
        lead = self._lead(u, w, whens)
        heard = [x for x in lead if u.uncertain(x) or not known_word(x)]  # "<Tsojboget> är torsdagen den …"
        return len(lead) <= 2 and all(x in heard or (x in ("är", "blir", "och", "då") and heard) for x in lead)

    def _we_unheard(self, u: Utt, w: When, whens: list[When]) -> bool:
        """'Vi <att> på måndag, klockan nio', '<Tsojboget> vi den sextonde december, klockan två': "vi" and one
        misheard word where "ses" or "träffas" stood, after it or before it; 'Vi <-ses> måndag om två veckor': "vi"
        straight before the day, its verb lost (a statement has one)."""
        lead = self._lead(u, w, whens)
        if lead in (["vi"], ["då", "vi"], ["så", "vi"]):
            return True
        if len(lead) == 2 and lead[1] == "vi" and (u.uncertain(lead[0]) or not known_word(lead[0])):
            return True
        return (len(lead) >= 2 and lead[0] == "vi" and (u.uncertain(lead[1]) or not known_word(lead[1]))
                and all(x in ("på", "igen", "här", "den") for x in lead[2:]))  # fmt: skip

    @staticmethod
    def _misheard_slot(u: Utt, n: re.Match[str]) -> bool:
        """The words between "nästa" and "blir" hold one the recogniser was unsure of, or no word at all."""
        words = n.group(0).split()[1:-1]
        return n.group("w") not in NOT_MEETINGS and any(u.uncertain(x) or not known_word(x) for x in words)
