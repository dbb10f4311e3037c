"""Where the chair sums up, and the items said there: read sentence by sentence and item by item.

A chair closing a meeting restates what was settled, in more shapes than one sentence after "vi har beslutat:":

* the announcement alone, the items in the sentences after it in the same turn ("Nu sammanfattar jag. Vi kör
  lördagar och söndagar i sommar. Sjuan står tills bromsarna är gjorda. ..."), up to the next meeting, a question
  or a sentence saying nothing was decided; a plain summing-up (no "beslut", no question closing it) only in the
  sentence right after, as a summing-up of talk may go on about views and tasks;
* the items named as what was said or decided ("Så, då har vi sagt klyvsågen, sugen, tisdagarna och kön.", "Då har
  vi bestämt lördagspassen, det rullande lunchschemat och drop-in, …"), read only in the
  shape of a list of three or more, since "vi har sagt att ..." alone is ordinary talk; a plain summing-up, since
  an item of a word or two ("biblioteket i maj") names a matter without saying how it was settled;
* the announcement lost ("Så vi <om> <helg>: ..."): the leader's list of three or more items near the end, heard
  unsure, two of whose items each restate an earlier passage, is read as a plain summing-up;
* a plain summing-up the chair ends by asking whether that was what they arrived at ("Det var väl det vi kom fram
  till?") says its items were decided, as "vi har beslutat" does.

A decision read from the whole list at once ("Mötet beslutade: ugnen släcks den tjugotredje, repet flyttas, ...")
stands for several: it is dropped here so that the restated pass reads each item against the decisions found.
"""

from __future__ import annotations

import re
from collections import Counter

from transcribe.minutes import cues
from transcribe.minutes.rules.state import RuleState
from transcribe.minutes.rules.utterances import Utt, stems
from transcribe.sv.text import content_words

# "Så, då har vi sagt klyvsågen, sugen, tisdagarna och kön.", "Så, vi har alltså sagt biblioteket i maj, ..."
SAID_LIST = re.compile(
    r"^(?:(?:så|då|okej|ok|bra|ja|och)\b[\s,.]*)*(?:vi\s+har\s+(?:alltså\s+|då\s+)?|har\s+vi\s+(?:alltså\s+)?)sagt"
    r"\s*:?\s+(?P<rest>(?!att\b|det\b|nej\b|ja\b)\S.*)$"
)
# The same with "bestämt" after "Då har vi", an "att" heard or put in before the list: "Då har vi bestämt (att)
# lördagspassen, det rullande lunchschemat och drop-in, och Pekka tittar på lab två."
_DECIDED_LIST = re.compile(
    r"^(?:(?:så|då|okej|ok|bra|ja|och)\b[\s,.]*)*har\s+vi\s+(?:alltså\s+|nu\s+)?(?:bestämt|beslutat)\s+(?:att\s+)?"
    r"(?P<rest>(?!det\b|nej\b|ja\b|om\b)\S.*)$"
)
# The chair's question after the items: "Det var väl det vi kom fram till?", "Stämmer det?", "Har jag glömt något?"
_AGREED_TAIL = re.compile(
    r"\b(?:kom\s+fram\s+till|kommit\s+fram\s+till|enades\s+om|rätt\s+uppfattat|stämmer\s+det|"
    r"(?:har\s+jag\s+)?(?:glömt|missat)\s+något)\b"
)
_NOTHING = re.compile(r"\b(?:inte|inga|inget|ingen)\s+(?:\w+\s+){0,2}(?:beslut\w*|bestämt|något|några|nåt)\b")
# "... två nya sandlådor och städdagen flyttas ...": "och" before a subject in the definite form and its verb
_SPLIT = re.compile(
    r"\s*[,;:]\s*(?:och\s+)?(?:att\s+)?|\s+och\s+att\s+|\s+och\s+(?=vi\s)|"
    r"\s+och\s+(?=[a-zåäö]+(?:en|et|na)\s+[a-zåäö]+(?:ar|er|ör|år|as|s)\b)"
)
# An item that continues the one before: "premiären blir den tjugonde, om Folkets hus har den kvar"
_CONTINUES = re.compile(r"^(?:om|ifall|men|utan|så|eftersom|när|tills|med|plus|annars|då)\b")
_FOLLOWING = 6  # sentences of the turn read after a bare announcement
_CLOSE_SENTENCES = 12  # the end of the meeting, where a summing-up stands (or the last eighth of its sentences)
_EARLIER_BACK = 80


def _list_items(text: str) -> int:
    """How many items a list sentence names: its commas and its last 'och', 'a, b, c och d' -> 4."""
    body = text.strip(" .!?")
    return body.count(",") + (1 if re.search(r"\boch\b", body) else 0) + 1


def summary_items(text: str) -> list[str]:
    """The items of a summing-up: 'a, b, och att c' -> [a, b, c]; a clause of condition stays with its item."""
    items: list[str] = []
    for piece in _SPLIT.split(text.strip(" .!?")):
        piece = re.sub(r"^(?:och|att|samt)\s+", "", piece.strip(" ,.!?")).strip()
        if not piece:
            continue
        if items and _CONTINUES.match(piece.lower()):
            items[-1] = f"{items[-1]}, {piece}"
        else:
            items.append(piece)
    return items


class SummingUpReading(RuleState):
    """The sentences of a summing-up that hold its items, and whether the chair said they were decided."""

    def summing_up_sentences(
        self, u: Utt, m: re.Match[str] | None, plain: bool
    ) -> tuple[list[tuple[Utt, str]], bool] | None:
        """The sentences holding the items of the summing-up announced in `u` (`m`: the match of the announcement,
        None to try the list of what was said), each with its text of items, and whether they were decided."""
        if m is None:
            said_list = SAID_LIST.match(u.low) or _DECIDED_LIST.match(u.low)
            if said_list is not None and _list_items(said_list.group("rest")) >= 3:
                return [(u, u.text[said_list.start("rest") :])], False
            return ([(u, u.text)], False) if self._list_at_close(u) else None
        rest = u.text[m.end() :]
        if len(content_words(rest)) >= 2:
            return [(u, rest)], not plain or self._agreed_after(u, [u])
        out: list[Utt] = []
        reach = _FOLLOWING if not plain or self._agreed_after(u, self._same_turn_after(u)) else 1
        for v in self.utts[u.idx + 1 : u.idx + 1 + reach]:
            if v.turn != u.turn or v.is_question or _NOTHING.search(v.low) or cues.NO_DECISIONS_PLANNED.search(v.low):
                break
            if cues.NEXT_MEETING.search(v.low):
                break
            out.append(v)
        if not out:
            return None
        return [(v, v.text) for v in out], not plain or self._agreed_after(u, out)

    def talk_leader(self) -> str | None:
        """Who leads the talk: the speaker of the most sentences."""
        counts = Counter(v.speaker for v in self.utts if v.speaker)
        return counts.most_common(1)[0][0] if counts else None

    def _list_at_close(self, u: Utt) -> bool:
        """A summing-up whose announcement was lost: the leader's list of three or more near the end, heard unsure,
        two of its items each restating an earlier passage of another turn (two content words shared)."""
        if u.is_question or not u.unsure or u.idx < len(self.utts) - max(_CLOSE_SENTENCES, len(self.utts) // 8):
            return False
        if _list_items(u.text) < 3 or u.speaker != self.talk_leader():
            return False
        before = [stems(v.text) for v in self.utts[max(0, u.idx - _EARLIER_BACK) : u.idx] if v.turn != u.turn]
        restating = [item for item in summary_items(u.text) if any(len(stems(item) & b) >= 2 for b in before)]
        return len(restating) >= 2

    def _same_turn_after(self, u: Utt) -> list[Utt]:
        """The sentences of u's turn after it, up to the first question (where the chair's own question would be)."""
        out: list[Utt] = []
        for v in self.utts[u.idx + 1 : u.idx + 1 + _FOLLOWING]:
            if v.turn != u.turn or v.is_question:
                break
            out.append(v)
        return out or [u]

    def _agreed_after(self, u: Utt, said: list[Utt]) -> bool:
        """The chair asks right after the items whether that was what the meeting arrived at."""
        last = max(v.idx for v in said)
        for v in self.utts[last + 1 : last + 3]:
            if v.turn != u.turn:
                return False
            if v.is_question and _AGREED_TAIL.search(v.low):
                return True
        return False

    def drop_whole_lists(self, said: list[Utt], n_items: int) -> None:
        """A decision read from the whole summing-up sentence at once stands for several items: left to be read
        item by item (the restated pass recovers or confirms each)."""
        if n_items < 3:
            return  # "vi lägger en egen budget, och röstar nej till ...": two clauses of one decision
        own = {s.id for v in said for s in v.segs}
        kept = [d for d in self.out.decisions
                if not ({e.segment_id for e in d.evidence} <= own and _list_items(d.text) >= n_items)]  # fmt: skip
        if len(kept) < len(self.out.decisions):
            self.keep_decisions(kept)
