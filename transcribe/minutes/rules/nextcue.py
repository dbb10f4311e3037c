"""Whether a sentence names the next meeting: its cue words, or what is left of them when misheard.

"Nästa möte", "vi ses", "när ses vi", the meeting named by its title, a heading ("Okej, nästa gång."), and the
same when a word of the cue was lost or misheard ("Nästa <med> blir ...", "<Nästa> byggmöte blir ...").
"""

from __future__ import annotations

import re

from transcribe.minutes import cues
from transcribe.minutes.fuzzy import Repair, known_word
from transcribe.minutes.rules.nextclose import NOT_MEETINGS, ClosingDate
from transcribe.minutes.rules.nexttime import NOT_AFTER_SAMMA
from transcribe.minutes.rules.utterances import Utt
from transcribe.sv.calendar import MONTH_NAMES, WEEKDAY_NAMES

# "<Nästa> byggmöte, nummer åtta, blir tisdag om två veckor": the meeting named, an apposition allowed
_NEXT_LOST = re.compile(
    rf"^(?:\w+\s+)?{cues.MEETING_NOUN}(?:\s*,\s*[^,.?!]{{1,30}},)?\s+(?:blir|är|hålls|har\s+vi|håller\s+vi)\s+"
)
# "Vårens församlingsmöte <blir> söndagen den tolfte mars": the meeting named, the verb before its day lost
_NOUN_THEN_DAY = re.compile(
    rf"^(?:\w+\s+)?{cues.MEETING_NOUN}\s*,?\s+(?=(?:{'|'.join(WEEKDAY_NAMES)})(?:en)?\s+den\s|den\s+\w+\s+"
    rf"(?:{'|'.join(MONTH_NAMES)})\b)"
)
# "Nästa retro är fredag den artonde": the next one named by a word of the meeting's own title.
_NEXT_NAMED = re.compile(r"\bnästa\s+(?P<noun>[a-zåäöé]{3,})\s+(?P<verb>blir|är|hålls|håller\s+vi|[\w-]+)\b")
# "<Nästa> APT är onsdagen den …": a title word opening the sentence, "nästa" lost.
_TITLE_FIRST = re.compile(r"^(?:\w+\s+)?(?P<noun>[a-zåäöé]{3,})\s+(?:blir|är|hålls)\s+")
# "... och sedan har vi nästa <möten> i klubbhuset": the meeting word bent ("möten", "mötet", "träffen")
_NEXT_BENT = re.compile(r"\bnästa\s+[a-zåäö]*(?:möten|mötet|träffen|träffar|sammanträdet|sammanträden)\b")
# "vi ses efter nyår …": we meet, whatever follows.
_WE_MEET = re.compile(r"\bvi\s+se+s\b|\bse+s\s+vi\b|\bvi\s+träffas\b|\bträffas\s+vi\b")
# "då ses <-vi> efter stämman, tisdag den elfte maj", "jag vill <med> <ni> ses igen ... tisdagen den tolfte": "vi"
# lost or misheard beside the verb; read only with a date said with it
_MEET_AGAIN = re.compile(
    r"\b(?:då|så)\s+se+s\b(?!\s+(?:du|ni|han|hon|de|dom)\b)|(?:(?P<who>\w+)\s+)?(?:se+s|träffas)\s+igen\b"
)
# who may stand before "ses igen" when "vi" was lost: nobody, or a word that opens the clause
_BEFORE_AGAIN = frozenset({"", "då", "så", "att", "och", "vill"})
_DEADLINE_NEXT = re.compile(r"\b(?:till|före|innan|inför|senast|på|vid|under|om)\s+(?:det\s+)?$")
_SAME_TIME_SAID = re.compile(r"\bsamma\s+tid\b(?!\s+som\s+(?:jag|du|han|hon|de|dom))|,\s*tid\s*,")
# "samma" with no noun after it, or a word that cannot follow it ("samma, gå och …", "samma har, …")
_SAMMA_CUT = re.compile(r"\bsamma(?:\s*[,.!?]|\s*$|\s+(\w+))")
_NEXT_ALONE = re.compile(r"^(?:\w+,?\s+)?nästa\s*,")
# "Okej, nästa gång." as a heading, the day in the sentences after it; asked, "Och nästa?"
_HEADING = re.compile(r"^(?:\w+,?\s+)?(?:och\s+)?nästa\s+(?:gång|möte)\s*[.!?]?\s*$")
_HEADING_ASKED = re.compile(r"^(?:\w+,?\s+)?(?:och\s+)?nästa\s*\?\s*$")
# "När är nästa <förminolen>?": the word after "nästa" misheard in a question for when
_WHEN_NEXT_HEARD = re.compile(r"^(?:och\s+)?när\s+(?:är|blir|har\s+vi)\s+(?:det\s+)?nästa\s+(?P<x>[a-zåäö]+)\s*\?\s*$")
# "När är nästa gång?", "Och vi träffas när?": the next meeting asked for, the day in the answers
_WHEN_ASKED = re.compile(
    r"^(?:\w+,?\s+)?(?:och\s+)?(?:när\s+(?:är|blir|har\s+vi|håller\s+vi)\s+(?:det\s+)?nästa\s+gång"
    r"|vi\s+(?:ses|träffas)\s+(?:igen\s+)?när|när\s+(?:ses|träffas)\s+vi)\b"
)
_SAME_TIME_ASKED = re.compile(rf"^(?:\w+,?\s+)?nästa\s+(?:{'|'.join(WEEKDAY_NAMES)})\s+samma\s+tid\b")
_MEETING_ASKED = re.compile(r"^(?:och\s+)?(?P<x>[a-zåäö]+)\s+(?:möte|mötet|träff|träffen)\s*(?:,?\s*då)?\s*\?\s*$")
_SAME_TIME_AGAIN = re.compile(r"^(?:\w+,?\s+)?(?:och\s+)?samma\s+tid\s+(?:nästa|på|om)\b")

# Words that cannot be the thing "nästa" names ("Nästa <med> blir måndagen den ...", "Nästa <det> onsdagen den
# femte"): where one stands after it, the meeting word was lost
_NO_NOUN = frozenset("med och i på det den en ett att som till för om av från vi ni de jag du han hon man så nu då "
                     "här där men eller bli är var".split())  # fmt: skip


# Words that say which meeting ("Och det mötet?" asks about another one): never read as a lost "nästa"
_DETERMINERS = frozenset("det den detta denna ett en ert vårt ditt mitt sitt deras hans hennes vilket vilken samma "
                         "andra första sista nya gamla stora extra".split())  # fmt: skip


class NextCues(ClosingDate):
    """Which sentences name the next meeting; they record into the shared state."""

    def _is_next_meeting(self, u: Utt) -> re.Match[str] | None:
        m = cues.NEXT_MEETING.search(u.low) or cues.NEXT_MEETING_ACRONYM.search(u.text)
        if m is None and self.robust and not cues.NEXT_MEETING_DEADLINE.search(u.low):
            m = _NEXT_BENT.search(u.low)
        if m is None:
            m = self._named_next(u) or _HEADING.match(u.low) or (_HEADING_ASKED.match(u.low) if self.robust else None)
            m = m or (_WHEN_ASKED.match(u.low) if u.is_question else None)
        if m is None and self.robust and u.is_question:  # "När är nästa <förminolen>?" answered with a day
            asked = _WHEN_NEXT_HEARD.match(u.low)
            x = asked.group("x") if asked is not None else ""
            heard = u.uncertain(x) or not known_word(x) or u.uncertain("nästa")  # "När är <nästa> ton?": a burst
            if asked is not None and heard and self._answered_with_day(u, hour=False):
                u.repairs.append(Repair(x, "gång", "meeting"))
                return asked
        if m is None and any(w.date is not None for w in self.whens(u)):
            # "Samma tid nästa måndag.": said of nothing else than the meeting; asked, "Nästa söndag samma tid då?"
            m = (_SAME_TIME_ASKED.match(u.low) if u.is_question else None) or _SAME_TIME_AGAIN.search(u.low)
            m = None if m is not None and u.is_question and m.re is _SAME_TIME_AGAIN else m
        if m is None and self.robust and u.is_question:  # "Och <att> möte?": the question, its "nästa" misheard
            asked = _MEETING_ASKED.match(u.low)
            x = asked.group("x") if asked is not None else ""
            if asked is not None and (u.uncertain(x) or not known_word(x)
                                      or (x not in _DETERMINERS and self._answered_with_day(u))):  # fmt: skip
                u.repairs.append(Repair(asked.group("x"), "nästa", "meeting"))
                return asked
        if m is None and self.robust and _WE_MEET.search(u.low):
            m = _WE_MEET.search(u.low)
        again = _MEET_AGAIN.search(u.low) if m is None and self.robust else None
        who = (again.group("who") or "") if again is not None else ""
        if again is not None and (who in _BEFORE_AGAIN or u.uncertain(who)):  # "Hon ses igen ...": another's
            if any(w.date is not None for v in [u, *self._same_segment_after(u, 1)] for w in self._dates(v)[0]):
                m = again  # the day in it or in the turn's next sentence
                u.repairs.append(Repair("", "vi", "meeting"))
        if m is None and self.robust and any(w.date is not None for w in self.whens(u)):
            # "<nästa> föräldraråd blir onsdagen den ...": the meeting named, its "nästa" lost
            lost = _NEXT_LOST.match(u.low) or _NOUN_THEN_DAY.match(u.low)
            if lost:
                u.repairs.append(Repair("", "nästa", "meeting"))
                return lost
        if m is None and self.robust:  # "nästa <misheard> blir torsdagen den ...": the cue word was lost
            slot = cues.NEXT_MEETING_SLOT.search(u.low)
            heard = slot and (u.uncertain(slot.group("slot")) or not known_word(slot.group("slot"))
                              or slot.group("slot") in _NO_NOUN)  # fmt: skip
            if heard and slot.group("slot") not in NOT_MEETINGS and any(w.date is not None for w in self.whens(u)):
                u.repairs.append(Repair(slot.group("slot"), "möte", "meeting"))
                return slot
        lost_day = (
            m is None
            and self.robust
            and not u.is_question
            and any(w.kind in ("own_wd", "in_n") for w in self._dates(u)[0])
        )
        if m is None and not u.is_question and (any(w.date is not None for w in self.whens(u)) or lost_day):
            # "Nästa vecka, torsdag, samma tid": this meeting's hour again names nothing but the next one;
            # "Nästa<, > torsdag vecka sju": the meeting word after "nästa" lost
            m = _SAME_TIME_SAID.search(u.low)
            if m is None and self.robust:  # "Nästa måndag, samma<>, gå och förbered dig.": "tid" lost
                m = next((x for x in _SAMMA_CUT.finditer(u.low) if (x.group(1) or "") in ("", *NOT_AFTER_SAMMA)), None)
            alone = _NEXT_ALONE.match(u.low) if self.robust and m is None else None
            if alone is not None:
                u.repairs.append(Repair("", "möte", "meeting"))
                return alone
        return m

    def _answered_with_day(self, u: Utt, hour: bool = True) -> bool:
        """'Och <man> möte?' - 'Som vanligt, tisdag nästa vecka klockan åtta, här.': the question about a meeting
        answered by another speaker with a day and an hour (or, `hour` False, a day) asked for the next one."""
        reply = next((v for v in self.utts[u.idx + 1 : u.idx + 3] if v.speaker != u.speaker), None)
        return reply is not None and any(w.date is not None and (w.time is not None or not hour)
                                         for w in self._dates(reply)[0])  # fmt: skip

    def _named_next(self, u: Utt) -> re.Match[str] | None:
        """'Nästa retro är fredag …', '<Nästa> APT är onsdagen …': the next one named by a word of this
        meeting's title, with a date; never "till nästa retro" (a deadline)."""
        if not any(w.date for w in self.whens(u)):
            return None
        named = _NEXT_NAMED.search(u.low)
        usual = named is not None and named.group("verb") in ("blir", "är", "hålls", "håller vi")
        if named and (usual or (self.robust and u.uncertain(named.group("verb")))):
            if self._own(named.group("noun")) and not _DEADLINE_NEXT.search(u.low[: named.start()]):
                return named
        first = _TITLE_FIRST.match(u.low) if self.robust else None
        if first and self._own(first.group("noun")) and first.group("noun") not in ("det", "den", "vi", "jag"):
            u.repairs.append(Repair("", "nästa", "meeting"))
            return first
        return None

    def _own(self, noun: str) -> bool:
        """A word of this meeting's own title ("retro" in "Sprintretro", "apt" in "APT"); names are no title."""
        title = re.findall(r"[a-zåäöé]{3,}", (self.t.metadata.get("title") or "").lower())
        return len(noun) >= 3 and any(w == noun or (len(noun) >= 4 and w.endswith(noun)) for w in title)
