"""A meeting's title from its agenda's heading, for when the user gave none.

An agenda is headed by what the meeting is ("Styrelsemöte – PRO Lycksele"), often with the
document's own name around it ("Dagordning för styrelsemöte i Brf Tallen", "Miljönämnden –
föredragningslista"). The protokoll is not the agenda, so that name is dropped and the rest
titles the minutes; a heading that is only the document's name gives no title.
"""

from __future__ import annotations

import re

_DOCUMENT = r"(?:dagordning|föredragningslista|ärendelista|kallelse|agenda)(?:en)?"
_SEP = r"[\s,:;–—-]*"
_LEADING = re.compile(rf"^{_DOCUMENT}(?:{_SEP}(?:för|till|vid)\b)?{_SEP}", re.IGNORECASE)
_TRAILING = re.compile(rf"{_SEP}{_DOCUMENT}$", re.IGNORECASE)


def title_from_agenda(heading: str) -> str:
    """The meeting named in an agenda heading, or "" when it names none."""
    rest = _TRAILING.sub("", _LEADING.sub("", " ".join(heading.split())))
    rest = rest.strip(" ,:;–—-")
    if not re.search(r"\w", rest):
        return ""
    return rest[0].upper() + rest[1:]
