"""Decisions settled by a round of picks: a choice put to the room, members naming one side each, and assent.

Meeting mechanics, not wording: one puts a choice ("Ska vi ta bort måndag eller fredag?", "Antingen köper vi en
till skrivare, … eller så köper vi en fräs …" – "Jag vill höra vad ni tycker."), the members answer in turn with
one side each and little else ("Måndag." – "Mm, måndag." – "Måndag. …"), and someone who did not pick answers
with assent alone ("Okej."), or the last to speak sums the round up with a tag and is answered yes ("Tre för
skrivaren och en för fräsen. Skrivaren, alltså. Okej?" – "Ja."). The side most named, by at least two and by more
than any other, is the decision, said in the words the choice was put in; it is read at the assent, and only
when no one objects or puts it again after it. A round with no choice put before it (answers to "Hur många är
ni?") and a round split evenly decide nothing. Flagged: said without a decision word.
"""

from __future__ import annotations

import re
from collections import Counter

from transcribe.minutes import cues
from transcribe.minutes.phrasing import decision_sentence, we_decision
from transcribe.minutes.rules.assentwords import bare_assent
from transcribe.minutes.rules.roomassent import TAG, WHY, group_plan
from transcribe.minutes.rules.utterances import Utt, evidence_list, stems
from transcribe.sv.numbers import COUNT_WORD
from transcribe.sv.text import capitalise, content_words

# A pick: a side named and little else ("Måndag.", "Mm, måndag.", "Skrivaren, för min del.", "Femtio.")
_PICK_FILLER = re.compile(r"^(?:(?:mm|ja|jo|okej|och|men)\b[\s,]*)+|[\s,]*(?:för\s+min\s+del|också|då|tycker\s+jag)$")
# The call for the members' views: "Vad tycker ni?", "Jag vill höra vad ni tycker.", "Vad säger du, Samir?"
_VIEWS = re.compile(
    r"\bvad\s+(?:(?:tycker|säger|vill|tror)\s+(?:ni|du|alla|folk)|(?:ni|du|alla|folk)\s+(?:tycker|säger|vill|tror))\b"
)
# "Ska vi ta bort måndag eller fredag?": the choice's verb, the first side and the second
_CHOICE = re.compile(
    r"^(?:(?:ja|men|och|så|okej)\b[\s,]*)*(?:ska|skall)\s+vi\s+(?P<v>[a-zåäö]{2,})\s+(?P<a>[^?]*?),?\s+eller\s+"
    r"(?:ska\s+vi\s+)?(?P<b>[^?]+?)\s*\?$"
)
# "Antingen köper vi en till skrivare, …, eller så köper vi en fräs …": two plans put side by side
_EITHER = re.compile(r"\bantingen\s+(?P<a>.+?),?\s+eller\s+(?:så\s+)?(?P<b>.+)$")
_OBJECTION = re.compile(r"^(?:nej|nja|nä|vänta|fast)\b")
# The round counted: "Tre för skrivaren och en för fräsen", "Fyra mot en"
_COUNT = re.compile(
    rf"^{COUNT_WORD}\s+(?:för|mot)\s+[^,.]*?(?:(?:och|,)\s+(?:en|ett|{COUNT_WORD})\s+(?:för|mot)\s+[^,.]*)?(?=[,.]|$)"
)


def _pick(u: Utt) -> str | None:
    """The side a turn's first sentence names, when it names one and says little else."""
    if u.is_question or bare_assent(u.low.strip()) or cues.NEG.search(u.low):
        return None
    said = _PICK_FILLER.sub("", u.low.strip(" .!")).strip(" ,")
    words = content_words(said)
    if not said or len(said.split()) > 3 or not 1 <= len(words) <= 2 or re.search(r"\b(?:jag|vi|du|ni)\b", said):
        return None
    return said


def _same(a: str, b: str) -> bool:
    sa, sb = stems(a) or {a}, stems(b) or {b}
    return any(x == y or (min(len(x), len(y)) >= 4 and (x.startswith(y) or y.startswith(x))) for x in sa for y in sb)


def _side(text: str, side: str) -> bool:
    return any(_same(w, side) for w in content_words(text))


def _in_words_put(put: Utt, side: str) -> str | None:
    """The decision in the words the choice was put in: the side picked of 'ska vi V A eller B?' or of 'antingen
    … eller …'; None when the sentence puts no such choice or the side is in both halves."""
    m = _CHOICE.match(put.low)
    if m is not None:
        a, b = _side(m.group("a"), side), _side(m.group("b"), side)
        if a == b:
            return None
        words = put.text[len(put.text) - len(put.low) :]
        a_text = words[m.start("a") : m.end("a")]
        b_text = words[m.start("b") : m.end("b")]
        if a:  # "ta bort måndag": the verb with the first side
            return decision_sentence(f"att {m.group('v')} {a_text}")
        lead = " ".join(a_text.split()[:-1])  # "ta bort fredag": the first side's frame with the second's word
        return decision_sentence(f"att {m.group('v')} {lead} {b_text}".replace("  ", " "))
    m = _EITHER.search(put.low)
    if m is None:
        return None
    a, b = _side(m.group("a"), side), _side(m.group("b"), side)
    if a == b:
        return None
    half = re.split(r",\s+(?:men|och|så|det)\b", m.group("a" if a else "b"))[0].strip(" ,.")
    half = re.sub(r"^([a-zåäö]+)\s+vi\b", r"vi \1", half)  # "köper vi en till skrivare" -> "vi köper …"
    return we_decision(half, put.name) if half.startswith("vi ") else None


class PickRounds:
    """A choice settled by the members' round of picks and assent; a RuleState mixin."""

    def _pick_round(self, u: Utt) -> bool:
        if u.is_question or u.idx in self.used or u.idx in self.decided:
            return False
        if u.idx and self.utts[u.idx - 1].turn == u.turn or not bare_assent(u.low.strip()):
            return False
        turn = [v for v in self.utts[u.idx : u.idx + 8] if v.turn == u.turn]
        if any(group_plan(v.text) or _OBJECTION.match(v.low) for v in turn[1:]):
            return False  # the assenter states the course himself, or objects after all
        before = self._turns_before(u.idx, 12)
        summary = None
        if before and before[0][-1].is_question and TAG.search(before[0][-1].low):
            summary, before = before[0], before[1:]  # "… Skrivaren, alltså. Okej?" - "Ja."
        picks: list[tuple[list[Utt], str]] = []
        for t in before:
            side = _pick(t[0])
            if side is None or any(v.is_question for v in t):  # "Städdagen. Ska vi ha den …?": the call itself
                break
            picks.append((t, side))
        pickers = {t[0].speaker for t, _ in picks}
        if len(picks) < 2 or len(pickers) < 2 or u.speaker in pickers:
            return False
        counts = Counter()
        for _, side in picks:
            key = next((k for k in counts if _same(k, side)), side)
            counts[key] += 1
        (side, n), *rest = counts.most_common()
        if n < 2 or (rest and rest[0][1] >= n):
            return False
        if summary is not None and not any(_side(v.text, side) for v in summary):
            return False
        called = before[len(picks)] if len(before) > len(picks) else []
        if not any(v.is_question or _VIEWS.search(v.low) for v in called):
            return False  # no choice put to the members: answers, not picks
        put = self._choice_put(before[len(picks) : len(picks) + 7], side)
        if put is None:
            return False
        text, said = put
        counted = [c for v in summary or [] if (c := _COUNT.match(v.low)) is not None]
        if counted:  # "Tre för skrivaren och en för fräsen, …": the round's count, as the summer-up said it
            text = f"{text.rstrip('.')} ({counted[0].group(0).strip(' ,.')})."
        round_utts = [v for t, _ in picks for v in t[:1]]
        utts = sorted(
            {v.idx: v for v in [said, *round_utts, *(summary or []), *turn[:1]]}.values(), key=lambda v: v.idx
        )
        if any(v.idx in self.used or v.idx in self.decided for v in utts):
            return False
        if not self.talk_moves_on(turn, [said, *round_utts], said):
            return False
        self._add_decision(text, said, utts, 0.6, WHY)
        at = {e.segment_id for e in evidence_list([u])}
        for d in self.out.decisions:  # an earlier plan left the side open ("Vi tar bort en dag."): the round names it
            if at & {e.segment_id for e in d.evidence} and d.text != text:
                d.text = text
        self.used.update(v.idx for v in utts)
        return True

    def _turns_before(self, idx: int, n: int) -> list[list[Utt]]:
        """The n turns before sentence idx, nearest first, each in its own order."""
        turns: dict[int, list[Utt]] = {}
        for v in reversed(self.utts[max(0, idx - 40) : idx]):
            if v.turn not in turns and len(turns) == n:
                break
            turns.setdefault(v.turn, []).insert(0, v)
        return list(turns.values())

    def _choice_put(self, turns: list[list[Utt]], side: str) -> tuple[str, Utt] | None:
        """The sentence that put the choice naming the side picked, nearest first, and the decision in its words."""
        for t in turns:
            for v in reversed(t):
                if _side(v.text, side) and (said := _in_words_put(v, side)) is not None:
                    return capitalise(said), v
        return None
