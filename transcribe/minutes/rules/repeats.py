"""A decision read twice from the same sentences: one decision.

Two rules may read one close ("Då blir det inget byte. Vi stannar hos vår vanliga leverantör i Stockholm."): one
takes the whole turn, another its second sentence. When every word of one decision is in another read from some of
the same sentences, the reader of the minutes would see the same decision twice; the fuller one stays."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from transcribe.minutes.model import Decision
from transcribe.minutes.rules.utterances import Utt, stems

_FRAME = frozenset(stems("mötet beslutade att"))


def without_repeats(decisions: Sequence[Decision], said_in: Callable[[Decision], list[Utt]]) -> list[Decision]:
    """`decisions` less each one whose words all stand in another read from a sentence it was read from."""
    words = [stems(d.text) - _FRAME for d in decisions]
    where = [{u.idx for u in said_in(d)} for d in decisions]
    kept = []
    for i, d in enumerate(decisions):
        inside = (
            j for j in range(len(decisions)) if j != i and words[i] and words[i] <= words[j] and where[i] & where[j]
        )
        # the same words both ways: the first read stays
        if any(len(words[i]) < len(words[j]) or j < i for j in inside):
            continue
        kept.append(d)
    return kept
