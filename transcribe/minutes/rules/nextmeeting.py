"""The next meeting: which mention of a date names it, the last proposed date nobody turned down.

How its day is read when part of it was misheard is rules/nextday.py, a day said at the close with the
meeting unnamed rules/nextclose.py, its clock time rules/nexttime.py.
"""

from __future__ import annotations

import datetime as dt
import re

from transcribe.minutes import cues
from transcribe.minutes.dates import When
from transcribe.minutes.fuzzy import known_word
from transcribe.minutes.model import NextMeeting
from transcribe.minutes.rules.nextclose import MEETING_DATED_WHY
from transcribe.minutes.rules.nextcue import NextCues
from transcribe.minutes.rules.nextday import ELSEWHERE_WHY, SPECIFIC
from transcribe.minutes.rules.nextelsewhere import DEADLINE_BEFORE
from transcribe.minutes.rules.nextinterval import INTERVAL_WHY, OWN_WEEKDAY_WHY, interval_when, month_alone
from transcribe.minutes.rules.nextmoved import MOVED_WHY, MovedDay
from transcribe.minutes.rules.safety import PREFIX
from transcribe.minutes.rules.utterances import (
    Utt,
    best_when,
    evidence_list,
)
from transcribe.sv.calendar import MONTH_NAMES, WEEKDAY_NAMES, clock, format_date
from transcribe.sv.numbers import CARDINALS

# How exactly a kind of date names its day: a day and month first, a bare weekday last.
_EXACTNESS = {"dmy": 0, "iso": 0, "nth_wd": 0, "last_dom": 0, "wd_day": 1, "den_day": 1, "slash": 1, "wd_in_n": 1,
              "week": 2, "in_n": 2, "wd": 3}  # fmt: skip
# A sentence that gives someone a task, whose date is the task's, not the meeting's.
_TASKISH = re.compile(
    rf"\b(?:jag|vi|du|ni)\s+(?!är\b|kan\b|har\b|ses\b|träffas\b|(?:{'|'.join(MONTH_NAMES)})\b)[a-zåäö]+r\b"
)  # not "den <vi> december", a day misheard
# words inside a date phrase that say nothing of its day or hour
_NOT_DATE_WORDS = frozenset("den i på om och klockan kl".split())
# what may follow a weekday said whole: "Onsdag, klockan sju.", "Onsdag då?", "Onsdag eller torsdag?"
_WEEKDAY_ONLY = re.compile(rf"(?:{'|'.join(WEEKDAY_NAMES)})(?:en)?")
_WEEKDAY_REST = frozenset("klockan kl halv kvart då eller och ja här samma nästa i".split())
# "I mars ses vi igen.": the month alone, no day ("i början av mars", "efter mars" too)
_MONTH_ONLY = re.compile(rf"\b(?:i|under|efter|i\s+(?:början|slutet|mitten)\s+av)\s+(?:{'|'.join(MONTH_NAMES)})\b")


def _weekday_of(x: When, w: When) -> bool:
    """`w` is a bare weekday that only names the weekday of the day `x` says more exactly."""
    return x.kind != "wd" and x.date is not None and w.date is not None and x.date.weekday() == w.date.weekday()


def _named_day(whens: list[When]) -> list[When]:
    """'om fyra veckor, tisdag, samma tid': a bare weekday beside a day said otherwise on that weekday names
    that day's weekday, not the next such day; the hour said with the weekday ('Om två veckor, torsdag, halv
    två.') is that day's hour."""
    kept = [w for w in whens if not (w.kind == "wd" and any(_weekday_of(x, w) for x in whens))]
    if not kept or len(kept) == len(whens):
        return whens
    for w in whens:
        day = next((x for x in kept if w not in kept and _weekday_of(x, w) and x.time is None), None)
        if day is not None and w.time is not None:
            kept = [x.model_copy(update={"time": w.time}) if x is day else x for x in kept]
    return kept


class NextMeetingRules(NextCues, MovedDay):
    """Next-meeting rules; they record into the shared state."""

    def _answer_stands(self, v: Utt) -> bool:
        """'Och nästa möte?' - 'Det blir torsdagen den tionde februari.' - 'Det passar bra.': a day stated in
        answer that the next speaker neither turns down nor answers with another day settles the question, so
        the days said after it ('Jag skickar anteckningarna i morgon', 'tillbaka på måndag') are other matters."""
        if v.is_question:
            return False
        reply = next((x for x in self.utts[v.idx + 1 : v.idx + 3] if x.speaker != v.speaker), None)
        if reply is None or reply.is_question or self._dates(reply)[0]:
            return False
        return not (cues.DATE_REJECT.search(reply.low) or re.match(r"^\W*(?:nej|men)\b", reply.low))

    def _weekday_of_before(self, u: Utt, whens: list[When]) -> list[When]:
        """'Om två veckor. Torsdag, samma tid, halv två.': a bare weekday that only names the weekday of the day
        said in the sentence just before, in the same turn, is that day, at the hour said with the weekday."""
        prev = self.utts[u.idx - 1] if u.idx else None
        if not whens or prev is None or prev.turn != u.turn or any(w.kind != "wd" for w in whens):
            return whens
        days = {x.date: x for x in self._dates(prev)[0] if x.kind in (*SPECIFIC, "in_n")}
        hits = [x for x in days.values() if all(_weekday_of(x, w) for w in whens)]
        if len(hits) != 1:
            return whens
        return [w.model_copy(update={"date": hits[0].date, "kind": hits[0].kind}) for w in whens]

    @staticmethod
    def _deadline_said(v: Utt, w: When) -> bool:
        """'till den fjärde': a deadline word before the date, unless it opens a reply and was heard unsure
        ("<Till> den tjugoåttonde april" said "Onsdagen den …")."""
        before = DEADLINE_BEFORE.search(v.low[: w.start])
        return before is not None and not (
            re.fullmatch(r"\W*\w+\s*", v.low[: w.start]) and v.uncertain(before.group(0).strip())
        )

    def _conflict(self, w: When, candidates: list[tuple[When, list[Utt]]]) -> str | None:
        """Another date stated (not asked) for the next meeting and never turned down: one of them is wrong."""
        others = {c.date for c, utts in candidates
                  if c.date != w.date and not utts[-1].is_question and not self._weekday_cut(c, utts, w)}  # fmt: skip
        if not others:
            return None
        shown = ", ".join(format_date(d) for d in sorted(others))
        return f"{PREFIX}nästa möte nämns också med ett annat datum ({shown})"

    def _date_unsure(self, w: When, utts: list[Utt]) -> str | None:
        """The words that say the day or the hour heard unsure ('Lördag den artonde september, klockan <en>',
        '<första> i <februari>'): the date stands as heard, to check; agreed by another sentence that says
        the same day, only the words of the hour count."""
        said = next((v for v in utts if v.text[w.start : w.end] == w.text), None)
        if said is None:
            return None
        words = re.findall(r"[\w-]+", said.low[w.start : w.end])
        unsure = [x for x in words if said.uncertain(x) and x not in _NOT_DATE_WORDS]
        if any(x.date == w.date for v in utts if v is not said for x in self._dates(v)[0]):
            unsure = [x for x in unsure if x in CARDINALS or x in ("halv", "kvart")]  # the day said again
        if unsure:
            return f'{PREFIX}datumet hördes otydligt ("{" ".join(unsure)}")'
        return None

    def _weekday_cut(self, x: When, utts: list[Utt], w: When) -> bool:
        """'Onsdag om <mål> veckor.' ... 'Det blir den tredje mars.': a bare weekday whose sentence goes on in
        words not read as part of the date names the same day as a more exact date on that weekday after it;
        no second date ("Onsdag." alone is the next Wednesday)."""
        if x.kind != "wd" or x.date is None or w.date is None or _EXACTNESS.get(w.kind, 3) >= 3:
            return False
        if x.date.weekday() != w.date.weekday() or x.date > w.date or not _WEEKDAY_ONLY.fullmatch(x.text.lower()):
            return False
        v = next((v for v in utts if v.text[x.start : x.end] == x.text), None)
        rest = re.findall(r"[\w-]+", v.low[x.end :]) if v is not None else []
        return bool(rest) and rest[0] not in _WEEKDAY_REST

    def _echoes(self, u: Utt) -> list[tuple[When, Utt]]:
        """Dates said again just after an announcement ("Måndag om två veckor, det blir den sjunde då." - "Ja,
        den sjunde december."), until someone turns a date down, names another meeting or gives a task."""
        out: list[tuple[When, Utt]] = []
        for v in self.utts[u.idx + 1 : u.idx + 4]:
            if v.start - u.end > 45 or cues.DATE_REJECT.search(v.low) or cues.NEXT_MEETING.search(v.low):
                break
            if v.is_question and not self._dates(v)[0]:
                break  # "Kommer kalkylen att vara klar då?": another matter, whose dates are not the meeting's
            if _TASKISH.search(v.low) or cues.NEXT_MEETING_DEADLINE.search(v.low):
                continue
            dated = [w for w in self._dates(v)[0] if w.kind in SPECIFIC]
            dated = [w for w in dated if not DEADLINE_BEFORE.search(v.low[: w.start])]
            if dated:
                out.append((best_when(dated, 0), v))
        return out

    def _agreed(self, said: list[tuple[When, Utt]], u: Utt, lost: When | None) -> tuple[When, list[Utt]]:
        """The date most often said, then the most exactly said (a day and month over a bare weekday), then the
        first; the announcement and its repetitions are its evidence. A disagreement or a day heard only in
        a repetition is flagged."""
        votes: dict[dt.date | None, int] = {}
        for w, _ in said:
            votes[w.date] = votes.get(w.date, 0) + 1
        order = sorted(range(len(said)), key=lambda i: (-votes[said[i][0].date], _EXACTNESS.get(said[i][0].kind, 3), i))
        w = said[order[0]][0]
        if w.time is None:  # the clock time said with another version of the date ("måndag som veckor, klockan sju")
            w.time = next((x.time for x, _ in said if x.time is not None), None)
        utts = [u, *(v for _, v in said if v is not u)]
        others = sorted({x.date for x, v in said if x.date not in (w.date, None) and not self._weekday_cut(x, [v], w)})
        if others:
            shown = ", ".join(map(format_date, others))
            self._doubts[u.idx] = f"{PREFIX}nästa möte nämns också med ett annat datum ({shown})"
        elif lost is not None:
            self._doubts[u.idx] = f"{PREFIX}dagen hördes inte i beskedet om nästa möte; datumet togs från upprepningen"
        return w, utts

    def _same_turn_date(self, u: Utt) -> tuple[When, list[Utt]] | None:
        """The meeting named in one sentence, its day in the next of the same turn ("Då har vi nästa möte.
        Första tisdagen i maj, klockan åtta på kvällen.")."""
        if u.is_question:
            return None
        for v in self._same_segment_after(u, 2):
            if _TASKISH.search(v.low):
                return None
            dated = [w for w in self._dates(v)[0] if (w.kind in SPECIFIC or w.time is not None)
                     and not DEADLINE_BEFORE.search(v.low[: w.start])]  # fmt: skip
            if dated:
                return best_when(dated, 0), [u, v]
        return None

    def _day_said_before(self, u: Utt) -> tuple[When, list[Utt]] | None:
        """The day said in the sentence before of the same turn, the meeting named after it with its own hour
        ("Vi ses på bryggan lördag den tjugoandra maj, klockan tio. Då sjösätter vi, och sedan har vi nästa möte
        i klubbhuset efteråt, runt tolv."): that day at the hour said with the meeting."""
        hour = next((w.time for w in self.whens(u) if w.time is not None and w.date is None), None)
        prev = self.utts[u.idx - 1] if u.idx else None
        if u.is_question or hour is None or prev is None or prev.turn != u.turn or _TASKISH.search(prev.low):
            return None
        dated = [w for w in self._dates(prev)[0] if w.kind in SPECIFIC]
        dated = [w for w in dated if not DEADLINE_BEFORE.search(prev.low[: w.start])]
        if not dated:
            return None
        return best_when(dated, 0).model_copy(update={"time": hour}), [prev, u]

    def _same_turn_lost(self, u: Utt) -> tuple[When, Utt] | None:
        """The day said in the next sentence of the same turn, but not heard whole: the phrase as heard."""
        if u.is_question:
            return None
        for v in self._same_segment_after(u, 2):
            dated, lost = self._dates(v)
            if lost is not None and not dated and not _TASKISH.search(v.low):
                return lost, v
        return None

    def _next_meeting(self) -> None:
        candidates: list[tuple[When, list[Utt]]] = []
        self._doubts: dict[int, str] = {}  # announcement sentence -> why its date should be checked
        vague: tuple[When, Utt] | None = None
        for u in self.utts:
            m = self._is_next_meeting(u)
            if not m:
                continue
            deadline = cues.NEXT_MEETING_DEADLINE.search(u.low)
            whens, lost = self._dates(u)
            if deadline is not None:  # "jag tar upp det på torsdag, och ni får svar till nästa möte": the task's day
                whens = [w for w in whens if w.start > deadline.start()]
            whens = self._weekday_of_before(u, whens)
            said = [(best_when(_named_day(whens), m.start()), u)] if whens else []
            echoes = self._echoes(u) if self.robust and (whens or lost is not None) else []
            if said or echoes:  # the date as announced and as repeated in the next turns: one decides
                candidates.append(self._agreed([*said, *echoes], u, lost))
                self._attach_time(candidates[-1], candidates[-1][1][-1])
                moved = self._moved(candidates[-1][0], u) if self.robust else None
                if moved is not None:  # "Kan vi ta tisdagen i stället?" - "Tisdag den tjugoförsta då.": moved
                    candidates[-1] = moved[:2]
                    self._doubts.pop(u.idx, None)
                    if moved[2]:
                        self._doubts[u.idx] = MOVED_WHY
                continue
            again = self._said_elsewhere(u, lost) if lost is not None and self.robust else None
            if again is not None:  # "onsdagen den <till> april" and elsewhere "onsdagen den sjunde april"
                candidates.append(again)
                self._doubts[u.idx] = ELSEWHERE_WHY
                continue
            if lost is not None:  # the date was said but its day not heard: shown as said, to check
                vague = (lost, u)
                continue
            alone = self._month_alone(u) if self.robust and not whens and not deadline else None
            if alone is not None:  # "Nästa möte <och> <får> mars klockan tio": this meeting's weekday, to check
                candidates.append(alone)
                self._doubts[u.idx] = OWN_WEEKDAY_WHY
                continue
            later = (self._same_turn_date(u) or self._day_said_before(u)) if not deadline else None
            if later is not None:  # "Då har vi nästa möte. Första tisdagen i maj, klockan åtta."
                candidates.append(later)
                continue
            heard = self._same_turn_lost(u) if not deadline else None
            again = self._said_elsewhere(heard[1], heard[0]) if heard is not None and self.robust else None
            if again is not None:  # "Nästa gång. Tisdagen den <vi> april?" and later "tisdag sjätte april"
                candidates.append((again[0], [u, *again[1]]))
                self._doubts[u.idx] = ELSEWHERE_WHY
                continue
            if heard is not None:  # "... Första tisdagen i <till>, klockan åtta.": shown as heard, to check
                vague = heard
                continue
            own_vague = [
                w
                for w in self.whens(u)
                if w.kind == "vague" and not re.match(r"nästa\s+(?:möte|gång|träff)", w.text.lower())
            ]
            month = _MONTH_ONLY.search(u.low) if not own_vague else None
            if month is not None and not u.is_question:  # "I mars ses vi igen.": shown as said, no day made up
                own_vague = [When(text=u.text[month.start() : month.end()], start=month.start(), end=month.end(),
                                  kind="vague")]  # fmt: skip
            if own_vague and not deadline:
                vague = (own_vague[0], u)
            if deadline and not cues.SCHEDULING.search(u.low[: deadline.start()]):
                continue
            if not (u.is_question or cues.SCHEDULING.search(u.low)):
                continue
            tried: list[When] = []
            for v in self.utts[u.idx + 1 : u.idx + 7]:
                if v.start - u.end > 90:
                    break
                ws = _named_day([w for w in self._dates(v)[0] if not self._deadline_said(v, w)])
                if ws and all(w.kind == "wd" and any(_weekday_of(x, w) for x in tried) for w in ws):
                    continue  # "Den fjärde mars. Det är en torsdag, va?" - "Ja, en torsdag.": the day's weekday
                if ws:  # several dates may be tried in turn: "den fjärde?" - "nej" - "den elfte då?"
                    candidates.append((best_when(ws, 0), [u, v]))
                    tried.append(candidates[-1][0])
                    self._attach_time(candidates[-1], v)
                    if self.robust and self._answer_stands(v):
                        break
        kept = self._settle(candidates)
        chosen, closing = (kept[-1] if kept else None), None
        if chosen is None and vague is not None and self.robust:  # "torsdagen <vi> <klok> februari": the usual weeks
            chosen = self._by_interval(*vague)
        if chosen is None and vague is None and self.robust:
            closing = self._closing_date()
            chosen = closing[:2] if closing is not None else None
            dated = self._meeting_with_day() if chosen is None else None
            if dated is not None:  # "på första styrelsemötet, på torsdag den nionde klockan sex": to check
                chosen = dated
                self._doubts[dated[1][0].idx] = MEETING_DATED_WHY
        elif chosen is not None and self.robust:
            # "... och ni får svar <till> nästa möte" on Thursday, then "Nästa skyddskommitté blir tisdagen den
            # elfte maj": a meeting ends by naming the next one, and a day said exactly there outweighs a bare
            # weekday said earlier
            late = self._closing_date()
            if (late is not None and late[1][0].idx > chosen[1][-1].idx
                    and _EXACTNESS.get(late[0].kind, 3) < _EXACTNESS.get(chosen[0].kind, 3)):  # fmt: skip
                chosen, closing = late[:2], late
        if closing is not None:  # "<Min> ses igen tredje tisdagen i februari. <Kommer> tid, klockan sju."
            self._hour_next_said(*chosen)
        if chosen is not None:
            w, utts = chosen
            self._morning_as_usual(w, utts)
            repeated = self.robust and sum(c[0].date == w.date for c in candidates) > 1
            base = 0.85 if len(utts) == 1 else 0.7  # said in one sentence, or pieced from a question and a reply
            guessed = None
            if self.robust:
                self._fill_time(w, utts, candidates)
                same = self._same_time(w, utts) or self._usual_hour(w, utts)
                guessed = (self._hour_as_usual(w, utts) or self._unheard_hour(w, utts) or self._doubts.get(utts[0].idx)
                           or self._conflict(w, kept) or self._partly_heard(w, utts) or same
                           or self._restated_unheard(w, utts) or self._date_unsure(w, utts))  # fmt: skip
                hour = self._hour_in_burst(w, utts)  # the hour guessed even when the day has its own doubt
                guessed = guessed or hour
                if closing is not None and closing[2]:
                    guessed = f"{PREFIX}datumet sades i avslutningen, men orden om nästa möte hördes inte säkert"
            value = w.value
            needs, reason = self._review(utts, guessed)
            self.out.next_meeting = NextMeeting(
                id="n1",
                when=value,
                text=format_date(value, weekday=True),
                evidence=evidence_list(utts),
                confidence=base + (0.1 if repeated else 0.0),
                needs_review=needs,
                review_reason=reason,
            )
        elif vague is not None:
            w, u = vague
            self.out.next_meeting = NextMeeting(
                id="n1",
                when=None,
                text=w.text,
                evidence=evidence_list([u]),
                confidence=0.5,
                needs_review=True,
                review_reason="Datum för nästa möte kunde inte tolkas",
            )

    def _by_interval(self, lost: When, u: Utt) -> tuple[When, list[Utt]] | None:
        """A weekday and month said with the day's number lost: the day nearest the usual interval, to check."""
        at = max(0, u.text.find(lost.text))
        hour = next((w.time for w in self.whens(u) if w.time is not None and w.start >= at), None)
        w = None if self._names_other_days(u, lost) else interval_when(lost, u.text, self.ref, hour)
        if w is None:
            return None
        self._doubts[u.idx] = INTERVAL_WHY
        return w, [u]

    def _hour_in_burst(self, w: When, utts: list[Utt]) -> str | None:
        """The day read but no hour, and a word right after it heard unsure: the hour
        may be what the burst took ('tisdagen den femtonde, <lov sån>'), and a series meets at its usual hour
        (222 of the 243 dev meetings whose next meeting has an hour meet at this meeting's), so this meeting's
        hour is given, to check."""
        if w.time is not None or w.date is None or self.start_time is None:
            return None
        u = next((v for v in utts if v.text[w.start : w.end] == w.text), None)
        after = re.findall(r"[a-zåäö]+", u.low[w.end :])[:3] if u is not None else []
        other = any(x in CARDINALS and CARDINALS[x] % 12 != self.start_time.hour % 12 for x in after)
        if u is None or not any(u.uncertain(x) for x in after) or other:
            return None  # the recogniser's doubt where the hour stands; another hour heard there ('… sju') is none
        w.time = self.start_time
        return f"{PREFIX}klockslaget hördes inte; samma tid som detta möte ({clock(self.start_time)}) antogs"

    def _month_alone(self, u: Utt) -> tuple[When, list[Utt]] | None:
        """The announcement names a month and the hour, the weekday and day lost before the month
        (rules/nextinterval.py)."""
        found = month_alone(u.low, self.ref, lambda x: u.uncertain(x) or not known_word(x))
        if found is None or u.is_question:
            return None
        day, start, end = found
        hour = next((w.time for w in self.whens(u) if w.time is not None and w.start >= start), None)
        if hour is None:
            return None  # "vi ses <i> december", "någon gång <kan> augusti": a month, no day announced
        return When(date=day, time=hour, text=u.text[start:end], start=start, end=end, kind="wd_day"), [u]

    def _hour_next_said(self, w: When, utts: list[Utt]) -> None:
        """The hour said in the next sentence of the same turn, no other day there, joins a day said at the close."""
        if w.time is not None:
            return
        for v in self._same_segment_after(utts[-1], 1):
            whens = self.whens(v)
            times = [t for t in whens if t.time is not None and t.date is None]
            if times and len(times) == len(whens) and not re.search(r"\b(?:till|före|efter|innan|från)\s*$",
                                                                     v.low[: times[0].start]):  # fmt: skip
                w.time = times[0].time
                utts.append(v)

    def _settle(self, candidates: list[tuple[When, list[Utt]]]) -> list[tuple[When, list[Utt]]]:
        """The proposed dates nobody turned down, in order (the last one is the next meeting)."""
        kept: list[tuple[When, list[Utt]]] = []
        for w, utts in candidates:
            last = utts[-1]
            following = self.utts[last.idx + 1 : last.idx + 3]
            own_next = [v for v in following if v.speaker == last.speaker]
            replies = [v for v in following if v.speaker != last.speaker]
            # A reply answers the date only if the date was the speaker's last word (not another question).
            reply = replies[0] if replies and (not own_next or own_next[0].idx > replies[0].idx) else None
            rejected = reply is not None and bool(cues.DATE_REJECT.search(reply.low)) and not self.whens(reply)
            if last.is_question and reply is not None and re.match(r"^\s*nej\b", reply.low):
                rejected = True
            if not rejected:
                if reply is not None and cues.DATE_CONFIRM.search(reply.low):
                    utts = utts + [reply]
                kept.append((w, utts))
        return kept

    # ------------------------------------------------------------------ driver

    def next_meeting_pass(self) -> NextMeeting | None:
        """The next meeting read alone, without the decision and task passes (the next-meeting bench's quick run)."""
        self._next_meeting()
        return self.out.next_meeting

    def _resolve_next_meeting_dues(self) -> None:
        nm = self.out.next_meeting
        if nm is None or nm.when is None:
            return
        day = nm.when.date() if isinstance(nm.when, dt.datetime) else nm.when
        for a in self.out.actions:
            if a.due is None and a.due_text and re.search(r"nästa\s+(?:\w*möte|gång|\w*träff)", a.due_text.lower()):
                a.due = day
