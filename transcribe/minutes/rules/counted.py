"""A plan stated with the count of the room's votes, by whoever counted.

After a show of hands (or the members each naming the option they want), the count is said as "<tal> mot
<tal>", or as each option with its count ("Tre för femtio, två för fyrtiofem."), by whoever counted (the chair,
the secretary, a member) and the winning plan is stated with it: in the same sentence ("Det blir Ica, tre mot
två.", "Då skriver jag att avgiften höjs till åttahundra kronor, med fyra röster mot en.") or in the sentence
right after it in the same turn ("Fyra mot en. Filmklubben får lilla salen utan hyra ...", "Och jag. Tre mot en,
och Kerstin räknas inte. Norra tornet har badvakt på helgerna ...", "Tre för skrivaren och en för fräsen.
Skrivaren, alltså."). A count that ends a member's turn with no plan in it ("Det är tre mot en, Gunilla.") is
closed by the next turn that states the plan ("Mm. Från första maj då. Ett till halv två, ..."), with nothing
but a short word or the losing side giving in between ("Ja, ja, jag vet när jag har förlorat.").

What makes it a counted decision and not a score or a remark:
- a vote was held just before: a call for hands or votes, counting aloud, a member declaring a side ("Jag är
  för en telefontid till."), or at least two others' short turns naming an option or raising a hand ("Jag.",
  "Ica.", "Rulla."); the count's "röster" says so itself;
- the count is a majority: "två mot tre" (the proposal lost) and a tie ("två mot två", the chair decides) are
  left to the other rules;
- the plan is a statement with something said by others before it: not a question, not the speaker's or another's
  task ("Jag ger mig.", "Tove, du tar ..."), not a condition, and not said in the negative: after a count the
  negative is the proposal voted down ("Tre mot en. Ingen robot i år."); who abstains is no plan ("och Birgitta
  avstår").

Read last, when no other rule read the sentence. Flagged: said without a decision word.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from rapidfuzz.distance import Levenshtein

from transcribe.minutes import cues
from transcribe.minutes.phrasing import first_person, strip_tail, we_decision
from transcribe.minutes.rules.utterances import Utt, personal_commitment, stems
from transcribe.sv.numbers import COUNT_WORD, cardinal, parse_number
from transcribe.sv.text import capitalise

WHY = "Beslutet uttrycktes utan beslutsord, med röstsiffrorna"
_N = rf"(?:en|ett|{COUNT_WORD})"
# "fyra mot en", "med fyra röster mot en", "tre röster mot två"
_TALLY = re.compile(rf",?\s*(?:med\s+)?\b(?P<a>{_N})\s+(?:röster\s+)?mot\s+(?P<b>{_N})\b(?:\s+röster)?")
# Each option with its count: "tre för femtio, två för fyrtiofem", "tre för skrivaren och en för fräsen"
_SIDES = re.compile(
    r"\b(?P<a>[\wåäö]+)\s+för\s+(?P<x>[\w-]+)\s*(?:,\s*(?:och\s+)?|\s+och\s+)(?P<b>[\wåäö]+)\s+för\s+(?P<y>[\w-]+)\b"
)
# A vote held: a call for hands or votes, counting aloud ("Ett, två, tre."), "Då räknar vi.", a side declared
_VOTE = re.compile(
    r"\b(?:vi\s+röstar|rösta\w*|omröstning|räck\w*\s+upp|handuppräckning|upp\s+med\s+(?:händerna|handen)|"
    r"(?:vi\s+)?räknar|de\s+som\s+(?:vill|är\s+för)|alla\s+som\s+vill|vilka\s+(?:vill|är\s+för)|emot\s*\?|"
    r"jag\s+är\s+för\b)"
    r"|\b(?:ett|en),\s+två,\s+tre\b"
)
# Who abstains or is not counted: the vote's own mechanics, no plan ("och Birgitta avstår")
_ABSTAINS = re.compile(r"\b(?:avstår|avstod|räknas\s+inte|röstar\s+inte|lägger\s+ned?\s+(?:sin|min)\s+röst)\b")
# The losing side giving in: "jag vet när jag har förlorat", "Jag ger mig."
_CONCEDES = re.compile(r"\b(?:förlorat|förlorar|ger\s+mig|ger\s+upp|får\s+väl\s+(?:bli|vara)|kan\s+leva\s+med)\b")
# A short word between the count and the plan of the next turn, or the losing side giving in
_GIVES_IN = re.compile(
    rf"^(?:(?:ja|okej|ok|mm|jaha|jaja|nåja|bra|visst|absolut|fint|tack)\b[\s,.!]*)+$|{_CONCEDES.pattern}"
)
# A call for hands: more votes are wanted, the count said before it is not the last ("Fem för A och tre för B. Och
# här inne, räck upp handen för A.": the votes sent by e-mail, then the room's)
_CALL = re.compile(
    r"\bräck\w*\s+upp|\bupp\s+med\s+(?:händerna|handen)|\bhanduppräckning|\b(?:de|den|alla)\s+som\s+(?:vill|är\s+för)\b"
)
# The proposal that won, named after the count: "Förslag A gäller, tre veckor i rad för alla." (a proposal that
# stands is no longer tentative)
_PREVAILS = re.compile(
    r"^(?:[\wåäö]+\s+){0,2}?(?:förslag\w*|alternativ\w*)(?:\s+[\wåäö]{1,3})?\s+(?:gäller|vann|vinner|går\s+igenom)\b"
)
_OBJECTS = re.compile(r"^(?:vänta|nej|nja|nä|stopp)\b|\bmen\b.*\?$")
# What the secretary or counter says before the plan: "Då skriver jag att ...", "Så det blir ..."
_LEAD = re.compile(
    r"^(?:(?:och|så|då|okej|ok|bra|ja|alltså)\b[\s,.]*)*(?:(?:då\s+)?skriver\s+jag\s+(?:in\s+)?att\s+)?", re.I
)
# Not a plan: the speaker's own stance or a task for someone named, a pointer with nothing in it
_NOT_PLAN = re.compile(r"^(?:jag|du|ni|han|hon)\b|^[\w-]+,\s+(?:du|ni|kan|vill)\b")
_POINTER = re.compile(r"^(?:(?:då|så)\s+)?(?:det\s+(?:blir|är)|(?:blir|är)\s+det)(?:\s+(?:så|det))?\s*$")
# The plan said in the negative: "Ingen robot i år.", "Kerstin räknas inte." ("den som inte har råd" further on is
# part of a plan)
_NEGATED = re.compile(r"^(?:ingen|inget|inga|aldrig)\b|^(?:[\w-]+\s+){0,3}(?:inte|ej|aldrig)\b")
_LOST = -1  # a number heard unsure
_SHORT = 4  # words in a turn that only names an option or raises a hand


# The counter's own task after the plan ("..., och jag skickar sms kvällen innan") and a close formula after it
# ("Den trettonde maj, det är klubbat.")
_OWN_TASK = re.compile(
    r",?\s+(?:och|så)\s+jag\s+\w+.*$|,\s*(?:det\s+är\s+(?:klubbat|beslutat|bestämt)|så\s+blir\s+det)\s*[.!]?$"
)


def _said(text: str) -> str:
    """The plan as said: the counter's lead-in, own task, close formula and the closing 'då'/'alltså' left out."""
    said = strip_tail(_OWN_TASK.sub("", _LEAD.sub("", text.strip()))).strip(" ,.!")
    said = re.sub(r",?\s+(?:då|alltså)(?=\s*(?:[.!,]|$))", "", said).strip(" ,.!")  # "Femtio då, från april"
    return re.sub(r"^(blir|är)\s+det\b", r"det \1", said, flags=re.I)  # "Då blir det skolan" -> "det blir skolan"


class Count(NamedTuple):
    """A count said: where it stands in the sentence, its two numbers (None when not heard) and, when each option
    was said with its count, the option that won and the one that lost."""

    start: int
    end: int
    yes: int | None
    no: int | None
    chosen: str = ""
    against: str = ""
    options: tuple[str, ...] = ()

    def won(self) -> bool:
        """A majority: "fyra mot en"; with one number misheard, "<?> mot en" or "tre mot <?>"; said option by option
        with a number lost, the option the plan names ("<Få> för femtio, två för fyrtiofem. Femtio då, ...")."""
        if self.options:
            return bool(self.chosen)
        if self.yes is not None and self.no is not None:
            return self.yes > self.no
        return self.no == 1 or (self.yes or 0) >= 3

    def named_by(self, plan: str) -> Count:
        """The count with its winner taken from the plan said after it, when a number was lost."""
        if not self.options or self.chosen:
            return self
        said = re.findall(r"[\wåäö-]+", plan.lower())
        named = [o for o in self.options if any(w[:5] == o[:5] for w in said)]  # "Skrivaren" for "skrivaren"
        if len(named) != 1:
            return self
        return self._replace(chosen=named[0], against=next(o for o in self.options if o != named[0]))

    def said(self) -> str:
        said = {n: "en" if n == 1 else cardinal(n) for n in (self.yes, self.no) if n}
        return f" ({said[self.yes]} mot {said[self.no]})" if self.yes and self.no else ""


def _number(word: str) -> int | None:
    return 1 if word in ("en", "ett") else parse_number(word)


def _near_number(word: str) -> int | None:
    """A number word one letter off ("trre", "fyro"), as the recogniser mishears it."""
    if len(word) < 3:
        return None
    return next((n for n in range(2, 21) if Levenshtein.distance(word, cardinal(n)) == 1), None)


def _sides(u: Utt, robust: bool) -> Count | None:
    """Each option with its count ("tre för femtio, två för fyrtiofem"): the larger count is the option chosen.
    Under recognition errors one number may be lost (heard unsure, or as a short word: "<Få> för femtio", "den för
    fräsen"): the plan said after it names the winner."""
    for m in _SIDES.finditer(u.low):
        a, b = _number(m.group("a")), _number(m.group("b"))
        x, y = m.group("x"), m.group("y")
        if a is not None and b is not None:
            if a == b:
                continue  # a tie: the chair decides, other rules read it
            if b > a:
                x, y, a, b = y, x, b, a
            return Count(m.start(), m.end(), a, b, x, y)
        lost = [w for w, n in ((m.group("a"), a), (m.group("b"), b)) if n is None]
        if robust and len(lost) == 1 and (u.uncertain(lost[0]) or len(lost[0]) <= 3):
            return Count(m.start(), m.end(), None, None, options=(x, y))
    return None


def count_in(u: Utt, robust: bool) -> Count | None:
    """The count said in the sentence, as said; under recognition errors also with one of its three words
    misheard ("mot" one letter off: "Tre moot en"; a number one letter off or heard unsure: "trre mot två", "i mot
    en") or its first lost at the sentence's start ("Mot en. ..."). An unsure word between two numbers is no "mot":
    "Fyra i en lov bil", "fyrtioåtta medlemmar, sju nya"."""
    m = _TALLY.search(u.low)
    if m is not None:
        return Count(m.start(), m.end(), _number(m.group("a")), _number(m.group("b")))
    if (sides := _sides(u, robust)) is not None:
        return sides
    if not robust:
        return None
    words = list(re.finditer(r"[\wåäö]+", u.low))
    for i, w in enumerate(words[:-1]):
        said = w.group(0)
        mot = said == "mot" or (len(said) >= 3 and Levenshtein.distance(said, "mot") == 1)
        a_word = words[i - 1].group(0) if i else None
        b_word = words[i + 1].group(0)
        a, b = (_number(a_word) if a_word else None), _number(b_word)
        hits = [said != "mot", a is None, b is None]
        if not mot or sum(hits) != 1:
            continue
        if a is None and a_word is not None:
            a = _near_number(a_word)
            if a is None and not u.uncertain(a_word):
                continue  # "kampen mot en ...": no count
        if b is None:
            b = _near_number(b_word)
            if b is None and not u.uncertain(b_word):
                continue
        if hits[0] and (a is None or b is None):
            continue
        begin = words[i - 1].start() if a_word else w.start()
        return Count(begin, words[i + 1].end(), a, b)
    return None


def count_only(u: Utt, robust: bool) -> bool:
    """The sentence says the count and nothing more ("Då blir det sju för A och fem för B."): the plan, if any, is
    said after it."""
    count = count_in(u, robust)
    if count is None:
        return False
    rest = (u.text[: count.start] + u.text[count.end :]).strip(" ,.!")
    return not rest or _POINTER.match(_LEAD.sub("", rest.lower()).strip(" ,.!")) is not None


class CountedDecisions:
    """A plan stated with the vote's count; a RuleState mixin (uses spoken_on from SilentCloses)."""

    def _vote_counted(self, u: Utt) -> bool:
        if u.is_question or u.idx in self.used or u.idx in self.decided:
            return False
        count = count_in(u, self.robust)
        if count is not None:
            rest = (u.text[: count.start] + u.text[count.end :]).strip(" ,.!")
            count = count.named_by(rest)
            if not count.won() or not self._count_voted(u, count):
                return False
            if self._counted_plan(u, rest):
                return self._record_counted(u, rest, count, [u])
            return False
        for back in (1, 2):
            prev = self.utts[u.idx - back] if u.idx >= back else None
            if prev is None or prev.speaker != u.speaker or prev.idx in self.decided:
                break  # the count may end the counter's turn, the plan open her next: "Tre mot två." - "Den ..."
            count = count_in(prev, self.robust)
            if count is None:
                if not _NOT_PLAN.match(prev.low):
                    break  # only the counter's own remark may stand between the count and the plan
                continue
            count = count.named_by(u.text)
            if not count.won() or not self._count_voted(prev, count) or not self._counted_plan(u, u.text):
                return False
            return self._record_counted(u, u.text, count, [prev, u])
        return self._closed_after_count(u)

    def _closed_after_count(self, u: Utt) -> bool:
        """The plan stated at the opening of a turn after the one the count ended ("Det är tre mot en, Gunilla." -
        "Ja, ja, jag vet när jag har förlorat." - "Mm. Från första maj då. Ett till halv två, ..."): before it only
        short words or the losing side giving in, and nothing recorded from the count."""
        own = [v for v in self.utts[max(0, u.idx - 3) : u.idx] if v.turn == u.turn]
        if _GIVES_IN.search(u.low) or _OBJECTS.search(u.low) or any(not _GIVES_IN.match(v.low) for v in own):
            return False  # the plan opens its turn, behind "Mm." or "Okej." at most
        at = (own[0] if own else u).idx - 1
        conceded = False
        for v in reversed(self.utts[max(0, at - 3) : at + 1]):
            count = count_in(v, self.robust)
            if count is not None:
                break
            if v.is_question or _OBJECTS.search(v.low) or not _GIVES_IN.search(v.low):
                return False
            conceded = conceded or bool(_CONCEDES.search(v.low))
        else:
            return False
        if v.idx in self.used or v.idx in self.decided or v.turn == u.turn:
            return False
        more = []
        for w in self.utts[u.idx + 1 : u.idx + 4]:
            if w.turn != u.turn or w.is_question or _NOT_PLAN.match(w.low) or w.idx in self.decided:
                break
            more.append(w)
        text = " ".join(x.text for x in [u, *more])
        count = count.named_by(text)
        if not count.won() or not (conceded or self._count_voted(v, count)):
            return False  # the losing side giving in says a vote was counted, whatever the words before it
        if not self._counted_plan(u, text):
            return False
        return self._record_counted(u, text, count, [v, u, *more])

    def _count_voted(self, u: Utt, count: Count) -> bool:
        """A show of hands or the members' choices just before the count (or the count's own 'röster')."""
        if "röst" in u.low[count.start : count.end + 8]:
            return True
        window = [v for v in self._window(u, back=12)]
        if any(_VOTE.search(v.low) for v in [u, *window]):
            return True
        short = {v.speaker for v in window[:8] if v.speaker != u.speaker and len(v.low.split()) <= _SHORT}
        return len(short) >= 2

    def _counted_plan(self, u: Utt, text: str) -> bool:
        """A statement of what will be, on a matter others spoke of: no task, question, condition or negation."""
        said = _said(text)
        named = re.search(r",\s*([\w-]+)$", said)
        if named and (self._named_person(named.group(1).lower()) or _POINTER.match(said[: named.start()].lower())):
            said = said[: named.start()]  # "Det är tre mot en, Gunilla.": said to the losing side
        low = said.lower()
        if not low or _NOT_PLAN.match(low) or _POINTER.match(low) or personal_commitment(low) or _CALL.search(low):
            return False
        tentative = cues.TENTATIVE.search(low) and not _PREVAILS.match(low)
        if _NEGATED.match(low) or cues.HEDGE.search(low) or tentative or cues.REPORTED.search(low):
            return False
        if re.match(r"^(?:om|ifall|när|innan|men)\b", low) or _ABSTAINS.search(low):
            return False
        words = set(re.findall(r"[\wåäö-]+", low))
        others = [v for v in self._window(u, back=14) if v.speaker != u.speaker]
        if stems(said) and self.spoken_on(u, said):
            return True
        numbers = set(re.findall(rf"\b{COUNT_WORD}\b", low))
        if numbers and any(numbers & set(re.findall(rf"\b{COUNT_WORD}\b", v.low)) for v in others):
            return True  # the figure others voted for: "Femtio då, från april, ..."
        if any(stems(said) & stems(v.text) for v in self._window(u, back=14) if _VOTE.search(v.low)):
            return True  # the call's own words name what was voted on: "Den som vill ha utställningen i skolan, ..."

        # "Det blir B.": the option named by others, a word with no content of its own
        named = {w for w in words if len(w) <= 2 and w not in ("en", "ett", "i", "på", "om", "så", "då")}
        return bool(named) and any(named & set(re.findall(r"[\wåäö-]+", v.low)) for v in others)

    def _record_counted(self, u: Utt, text: str, count: Count, utts: list[Utt]) -> bool:
        said = _said(text)
        if count.chosen and stems(said) <= stems(count.chosen):
            said = f"{said} i stället för {count.against}"  # "Skrivaren, alltså." after "tre för skrivaren och en ..."
        called = self._called_after(utts[-1])
        if called is False:
            return False  # "Skrivaren, alltså. Okej?" - "Nej, ...": put to the room and refused
        utts = [*utts, *(called or [])]
        plan = we_decision(said[:1].lower() + said[1:], u.name)
        text = f"{plan[:-1]}{count.said()}." if plan else f"{capitalise(first_person(said, u.name))}{count.said()}."
        why = WHY if count.said() else f"{WHY}; röstsiffrorna hördes ofullständigt"
        self._add_decision(text, u, utts, 0.6, why)
        self.used.update(v.idx for v in utts)
        return True

    def _called_after(self, u: Utt) -> list[Utt] | bool | None:
        """The plan put to the room by a short question after it in the same turn ("Okej?") and the first answer by
        another: that question and answer when it agrees, False when it objects, None when no such question."""
        nxt = self.utts[u.idx + 1] if u.idx + 1 < len(self.utts) else None
        if nxt is None or nxt.turn != u.turn or not nxt.is_question or len(nxt.low.split()) > 3:
            return None
        reply = next((v for v in self.utts[nxt.idx + 1 : nxt.idx + 3] if v.turn != nxt.turn), None)
        if reply is None or reply.speaker == u.speaker:
            return None
        if _OBJECTS.search(reply.low):
            return False
        return [nxt, reply] if _GIVES_IN.match(reply.low) else None
