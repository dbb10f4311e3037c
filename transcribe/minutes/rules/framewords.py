"""The small word classes the damaged-frame readings share (cueframes.py, damagedclosing.py): which heard words
can stand where a lost cue word stood, and which carry a meaning of their own there."""

from __future__ import annotations

import re

TOKEN = re.compile(r"[0-9A-Za-zÅÄÖåäöÉéÜü-]+")
CONDITIONAL = frozenset("om ifall när innan kanske eventuellt skulle kunde hur vad vem varför".split())
PERSONS = frozenset("jag du ni han hon hen de dom man".split())
# Words that carry a meaning of their own where a lost cue word would stand: never taken for the lost word.
AUXILIARIES = frozenset(
    "ska skulle kan kunde vill får fick måste bör borde behöver brukar har hade är var blir blev lär tänker "
    "försöker tycker anser".split()
)
SUBJECT_LEAD = frozenset("ja nej okej ok bra tack och men jo toppen".split())
# Words that cannot open a statement alone before its verb and "vi" (a preposition, an article, a verb of its own):
# heard there, however surely, they stand for a lost "då" ("Om byter vi ..." is no condition: that is "Om vi byter").
NO_FRONT = frozenset("i på med till för av om att en ett från mot vid är har bli blir ska kan sig".split())


def lead(text: str) -> tuple[list[re.Match[str]], list[str], int]:
    """The sentence's tokens, lower-cased, and where it starts after an answer word ("Ja, då ...", "Okej, så ...")."""
    toks = list(TOKEN.finditer(text))
    lows = [t.group(0).lower() for t in toks]
    return toks, lows, next((n for n, w in enumerate(lows) if w not in SUBJECT_LEAD), len(lows))


def cap(word: str, before: str) -> str:
    """`word` capitalised when it opens a sentence (nothing or a full stop before it)."""
    return word.capitalize() if not before.strip() or before.rstrip().endswith((".", "!")) else word
