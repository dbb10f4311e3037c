"""Why an item must be checked against the audio, or why an agenda was refused, in the reader's language.

The wordings and their English live in one table of reason codes (transcribe.confidence.reasons).
A stored reason is Swedish; each "; "-separated part the table holds is shown in English to a
reader with the English interface, the words and figures it quotes kept as heard; a part the
table does not hold stays as written rather than being guessed at.
"""

from __future__ import annotations

import re

from transcribe.confidence.reasons import english

# "låg säkerhet (0.31) (Osäker igenkänning)": a reason with another in brackets after it.
_TRAILER = re.compile(r"^(?P<body>.*?) \((?P<tail>Osäker igenkänning|Flera talar samtidigt)\)$")


def _part(text: str) -> str:
    trailer = _TRAILER.match(text)
    if trailer:
        return f"{_part(trailer['body'])} ({_part(trailer['tail'])})"
    return english(text) or text


def reason_in(reason: str, lang: str) -> str:
    """`reason` (already without its "Kontrollera mot ljudet") as the reviewer with `lang` reads it."""
    if lang != "en" or not reason:
        return reason
    return "; ".join(_part(part.strip()) for part in reason.split("; "))


def agenda_reason_in(reason: str, lang: str) -> str:
    """Why an agenda was refused, as the uploader with `lang` reads it; an unknown reason stays as written."""
    return (english(reason) or reason) if lang == "en" else reason
