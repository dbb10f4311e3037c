"""The word handed to a member: the one who leads lets someone speak, which settles nothing.

"Karin, du får börja med isen, för det är det alla frågar om." and "Då lämnar jag över till dig, Gunnar." sound like a
permission or a plan, but what they give is the floor: the next turn is that member's report. A decision read from
such a sentence (a permission rule reading "får börja", a close taking it as the plan) is none."""

from __future__ import annotations

import re

from transcribe.minutes.rules.utterances import Utt, stems

_OPEN = r"^(?:(?:okej|ja|bra|då|så|och|men)\b[\s,.!]*)*"
# "Karin, du får börja med isen", "Du får berätta, Ali", "Jesper, du kan väl ta båtarna först"
_GIVES = re.compile(
    _OPEN + r"(?:[a-zåäö-]+\s*,\s*)?(?:du|ni)\s+(?:får|kan|ska)\s+(?:väl\s+|gärna\s+)?"
    r"(?:börja|fortsätta|berätta|ta\s+ordet|dra\s+(?:det|den)|redogöra|presentera|säga\s+några\s+ord)\b"
    # "Då lämnar jag över till dig, Gunnar.", "Jag lämnar ordet till Eva."
    r"|" + _OPEN + r"(?:jag\s+lämnar|lämnar\s+jag)\s+(?:över\s+)?(?:ordet\s+)?(?:över\s+)?till\s+"
    r"(?:dig|er|[a-zåäö-]+)\b"
    r"|" + _OPEN + r"ordet\s+är\s+(?:ditt|ert|[a-zåäö-]+s)\b"
)


def gives_floor(text: str, made: list[Utt]) -> bool:
    """The decision `text` is read from a sentence among `made` that hands the word to a member (most of its words
    are that sentence's: a decision said before it in the same turn stays)."""
    said = stems(text)
    return any(_GIVES.search(u.low) and 2 * len(said & stems(u.text)) >= len(said) for u in made)
