"""The turns around a sentence as the learned scorer reads them: facts that hold whoever wrote the meeting.

A decision is rarely a sentence alone. The chair puts a question ("Invändningar?", "Säger vi kvart
i ett?"), the others answer in a word or two, and the chair restates the matter ("Kvart i ett då.");
or several people speak, the chair sums up in the words just used, and someone takes the task that
follows from it ("Jag ringer honom på måndag."). These facts read only who speaks, how long, what
was asked, whose words come back and where the rules found a task, never the author's phrasing.
How the sentence was heard is read too (the recogniser's word probabilities: an unsure word where
the cue stands, the passage's mean probability, unsure neighbours, the share of the meeting's
sentences heard unsure), and whether its matter comes back later, in the turns after it or
anywhere else in the meeting (the summing-up, a task).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from transcribe.minutes.rules.utterances import Utt, is_agreement
from transcribe.minutes.scorer import CONTEXT, opening
from transcribe.sv.text import content_words, stem

NEAR = 8  # sentences: the discussion around one
SHORT = 4  # words: "Nej.", "Ja, kör.", "Inga.", "Ja, okej."
_CLOSER = re.compile(r"^(?:då|så|okej|ok|bra|ja|alltså|enhälligt|därmed|och\s+då)\b")
_FINITE = re.compile(
    r"\b(?:är|blir|får|ska|tar|gör|kan|vill|har|går|(?!(?:under|efter|över|eller|sedan|inför|omkring)\b)"
    r"[a-zåäö]{2,}(?:ar|er|ör|år|ir|as|s))\b"
)
_AMOUNT = re.compile(
    r"\b(?:\d+|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|[a-zåäö]*(?:ton|tio|tjugo|hundra|tusen)|"
    r"kronor|kr|procent|klockan|kvart|halv|måndag\w*|tisdag\w*|onsdag\w*|torsdag\w*|fredag\w*|lördag\w*|"
    r"söndag\w*|vecka|veckan|januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|"
    r"december)\b"
)


def context_rows(utts: Sequence[Utt], chair: str | None, task_idxs: set[int]) -> list[list[float]]:
    """One row of CONTEXT facts per sentence; `task_idxs` are the sentences the rules read a task from."""
    n = len(utts)
    stems = [{stem(w) for w in content_words(u.text)} for u in utts]
    rows = []
    heard_badly = sum(bool(u.unsure) for u in utts) / n if n else 0.0  # how noisy the whole recording is
    for i, u in enumerate(utts):
        before = utts[max(0, i - 4) : i]
        short_others = {v.speaker for v in before if v.speaker != u.speaker and len(v.low.split()) <= SHORT}
        earlier = set().union(*(stems[j] for j in range(max(0, i - NEAR), i) if utts[j].turn != u.turn), set())
        later = set().union(*(stems[j] for j in range(i + 1, min(n, i + NEAR + 1)) if utts[j].turn != u.turn), set())
        far = set().union(*(stems[j] for j in range(n) if abs(j - i) > NEAR), set())
        facts = {
            "call_answered": call_answered(utts, i),
            "short_replies_before": min(3, len(short_others)) / 3,
            "restates_before": _share(stems[i], earlier),
            "task_after": any(j in task_idxs for j in range(i + 1, min(n, i + 4))),
            "task_here": i in task_idxs,
            "closer_opening": bool(_CLOSER.match(u.low)),
            "no_finite_verb": not _FINITE.search(u.low),
            "chair_after_others": u.speaker == chair and i > 0 and utts[i - 1].speaker != u.speaker,
            "amount_or_time": bool(_AMOUNT.search(u.low)),
            "replies_after": min(2, _replies_after(utts, i)) / 2,
            "opening_unsure": heard_unsure(u),
            "mean_word_prob": _mean_probability(u),
            "neighbours_unsure": sum(bool(utts[j].unsure) for j in (i - 1, i + 1) if 0 <= j < n) / 2,
            "restated_after": _share(stems[i], later),
            "restated_elsewhere": _share(stems[i], far),
            "meeting_unsure": heard_badly,
        }
        rows.append([float(facts[k]) for k in CONTEXT])
    return rows


def heard_unsure(u: Utt) -> bool:
    """The recogniser was unsure of a word of the sentence's opening, where its cue stands."""
    return bool(u.unsure & set(opening(u.low)))


def _mean_probability(u: Utt) -> float:
    """The recogniser's mean word probability over the sentence's passages (1 for a transcript without them)."""
    probs = [w.probability for s in u.segs for w in s.words or []]
    return float(sum(probs) / len(probs)) if probs else 1.0


def _share(own: set[str], other: set[str]) -> float:
    return len(own & other) / len(own) if own else 0.0


def call_answered(utts: Sequence[Utt], i: int) -> bool:
    """The speaker asked the room within the last five sentences and only short answers by others came between."""
    u = utts[i]
    answers = 0
    for j in range(i - 1, max(-1, i - 6), -1):
        v = utts[j]
        if v.speaker == u.speaker:
            return v.is_question and answers > 0
        if len(v.low.split()) > SHORT and not is_agreement(v):
            return False
        answers += 1
    return False


def _replies_after(utts: Sequence[Utt], i: int) -> int:
    """Other speakers answering in a word or two right after the sentence (agreement with what it said)."""
    u, seen = utts[i], set()
    for v in utts[i + 1 : i + 4]:
        if v.speaker == u.speaker:
            continue
        if len(v.low.split()) > SHORT and not is_agreement(v):
            break
        seen.add(v.speaker)
    return len(seen)
