"""A course or a training attended: 'gå' taking a noun as its object ('gå domarkursen', 'går kursen i Örebro').

'gå' is otherwise a verb of moving ('gå hem', 'gå dit', 'går bredvid'), which the task rules leave out; with a
noun for its object it is to attend something, which is a task for the one who will.
"""

from __future__ import annotations

import re

from transcribe.minutes.phrasing import to_infinitive

_ATTENDED = re.compile(r"^(?:(?:en|ett|den|det)\s+)?(?P<n>[a-zåäö]{4,}(?:en|et|ning|kurs))\b")
# nouns and adverbs on that pattern that say where or when, not what: 'gå igen', 'gå hela vägen', 'gå dagen'
_NOT_ATTENDED = frozenset("igen vägen sönder hemifrån därifrån härifrån åren dagen kvällen natten helgen".split())


def attends(verb: str, rest: str) -> bool:
    """'gå domarkursen', 'går en utbildning': 'gå' with a noun for its object."""
    m = _ATTENDED.match(rest.strip().lower())
    return to_infinitive(verb.lower()) == "gå" and m is not None and m.group("n") not in _NOT_ATTENDED
