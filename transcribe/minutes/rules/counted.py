"""A plan stated with the count of the room's votes, by whoever counted.

After a show of hands (or the members each naming the option they want), the count is said as "<tal> mot
<tal>" by whoever counted (the chair, the secretary, a member) and the winning plan is stated with it: in the
same sentence ("Det blir Ica, tre mot två.", "Då skriver jag att avgiften höjs till åttahundra kronor, med fyra
röster mot en.") or in the sentence right after it in the same turn ("Fyra mot en. Filmklubben får lilla salen
utan hyra ...", "Och jag. Tre mot en, och Kerstin räknas inte. Norra tornet har badvakt på helgerna ...").

What makes it a counted decision and not a score or a remark:
- a vote was held just before: a call for hands or votes, counting aloud, or at least two others' short turns
  naming an option or raising a hand ("Jag.", "Ica.", "Rulla."); the count's "röster" says so itself;
- the count is a majority: "två mot tre" (the proposal lost) and a tie ("två mot två", the chair decides) are
  left to the other rules;
- the plan is a statement with something said by others before it: not a question, not the speaker's or another's
  task ("Jag ger mig.", "Tove, du tar ..."), not a condition, and not said in the negative: after a count the
  negative is the proposal voted down ("Tre mot en. Ingen robot i år.").

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
# A vote held: a call for hands or votes, counting aloud ("Ett, två, tre."), "Då räknar vi."
_VOTE = re.compile(
    r"\b(?:vi\s+röstar|rösta\w*|omröstning|räck\w*\s+upp|handuppräckning|upp\s+med\s+(?:händerna|handen)|"
    r"(?:vi\s+)?räknar|de\s+som\s+(?:vill|är\s+för)|alla\s+som\s+vill|vilka\s+(?:vill|är\s+för)|emot\s*\?)"
    r"|\b(?:ett|en),\s+två,\s+tre\b"
)
# What the secretary or counter says before the plan: "Då skriver jag att ...", "Så det blir ..."
_LEAD = re.compile(
    r"^(?:(?:och|så|då|okej|ok|bra|ja|alltså)\b[\s,.]*)*(?:(?:då\s+)?skriver\s+jag\s+(?:in\s+)?att\s+)?", re.I
)
# Not a plan: the speaker's own stance or a task for someone named, a pointer with nothing in it
_NOT_PLAN = re.compile(r"^(?:jag|du|ni|han|hon)\b|^[\w-]+,\s+(?:du|ni|kan|vill)\b")
_POINTER = re.compile(r"^(?:(?:då|så)\s+)?(?:det\s+blir|blir\s+det)\s+(?:så|det)\s*$")
# The plan said in the negative: "Ingen robot i år.", "Kerstin räknas inte." ("den som inte har råd" further on is
# part of a plan)
_NEGATED = re.compile(r"^(?:ingen|inget|inga|aldrig)\b|^(?:[\w-]+\s+){0,3}(?:inte|ej|aldrig)\b")
_SHORT = 4  # words in a turn that only names an option or raises a hand


# The counter's own task after the plan ("..., och jag skickar sms kvällen innan") and a close formula after it
# ("Den trettonde maj, det är klubbat.")
_OWN_TASK = re.compile(
    r",?\s+(?:och|så)\s+jag\s+\w+.*$|,\s*(?:det\s+är\s+(?:klubbat|beslutat|bestämt)|så\s+blir\s+det)\s*[.!]?$"
)


def _said(text: str) -> str:
    """The plan as said: the counter's lead-in, own task and close formula left out."""
    said = strip_tail(_OWN_TASK.sub("", _LEAD.sub("", text.strip()))).strip(" ,.!")
    return re.sub(r"^(blir|är)\s+det\b", r"det \1", said, flags=re.I)  # "Då blir det skolan" -> "det blir skolan"


class Count(NamedTuple):
    """A count said: where it stands in the sentence and its two numbers (None when not heard)."""

    start: int
    end: int
    yes: int | None
    no: int | None

    def won(self) -> bool:
        """A majority: "fyra mot en"; with one number misheard, "<?> mot en" or "tre mot <?>"."""
        if self.yes is not None and self.no is not None:
            return self.yes > self.no
        return self.no == 1 or (self.yes or 0) >= 3

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


def count_in(u: Utt, robust: bool) -> Count | None:
    """The count said in the sentence, as said; under recognition errors also with one of its three words
    misheard ("mot" one letter off: "Tre moot en"; a number one letter off or heard unsure: "trre mot två", "i mot
    en") or its first lost at the sentence's start ("Mot en. ..."). An unsure word between two numbers is no "mot":
    "Fyra i en lov bil", "fyrtioåtta medlemmar, sju nya"."""
    m = _TALLY.search(u.low)
    if m is not None:
        return Count(m.start(), m.end(), _number(m.group("a")), _number(m.group("b")))
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


class CountedDecisions:
    """A plan stated with the vote's count; a RuleState mixin (uses spoken_on from SilentCloses)."""

    def _vote_counted(self, u: Utt) -> bool:
        if u.is_question or u.idx in self.used or u.idx in self.decided:
            return False
        count = count_in(u, self.robust)
        if count is not None:
            if not count.won() or not self._count_voted(u, count):
                return False
            rest = (u.text[: count.start] + u.text[count.end :]).strip(" ,.!")
            if self._counted_plan(u, rest):
                return self._record_counted(u, rest, count, [u])
            return False
        for back in (1, 2):
            prev = self.utts[u.idx - back] if u.idx >= back else None
            if prev is None or prev.speaker != u.speaker or prev.idx in self.decided:
                return False  # the count may end the counter's turn, the plan open her next: "Tre mot två." - "Den ..."
            count = count_in(prev, self.robust)
            if count is None:
                if not _NOT_PLAN.match(prev.low):
                    return False  # only the counter's own remark may stand between the count and the plan
                continue
            if not count.won() or not self._count_voted(prev, count) or not self._counted_plan(u, u.text):
                return False
            return self._record_counted(u, u.text, count, [prev, u])
        return False

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
        low = said.lower()
        if not low or _NOT_PLAN.match(low) or _POINTER.match(low) or personal_commitment(low):
            return False
        if _NEGATED.match(low) or cues.HEDGE.search(low) or cues.TENTATIVE.search(low) or cues.REPORTED.search(low):
            return False
        if re.match(r"^(?:om|ifall|när|innan|men)\b", low):
            return False
        words = set(re.findall(r"[\wåäö-]+", low))
        others = [v for v in self._window(u, back=14) if v.speaker != u.speaker]
        if stems(said) and self.spoken_on(u, said):
            return True
        if any(stems(said) & stems(v.text) for v in self._window(u, back=14) if _VOTE.search(v.low)):
            return True  # the call's own words name what was voted on: "Den som vill ha utställningen i skolan, ..."

        # "Det blir B.": the option named by others, a word with no content of its own
        named = {w for w in words if len(w) <= 2 and w not in ("en", "ett", "i", "på", "om", "så", "då")}
        return bool(named) and any(named & set(re.findall(r"[\wåäö-]+", v.low)) for v in others)

    def _record_counted(self, u: Utt, text: str, count: Count, utts: list[Utt]) -> bool:
        said = _said(text)
        plan = we_decision(said[:1].lower() + said[1:], u.name)
        text = f"{plan[:-1]}{count.said()}." if plan else f"{capitalise(first_person(said, u.name))}{count.said()}."
        why = WHY if count.said() else f"{WHY}; röstsiffrorna hördes ofullständigt"
        self._add_decision(text, u, utts, 0.6, why)
        self.used.update(v.idx for v in utts)
        return True
