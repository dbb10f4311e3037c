"""Why an item must be checked against the audio, or why an agenda was refused, in the reader's language.

The wordings and their English live in one table of reason codes (transcribe.confidence.reasons).
A stored reason is Swedish; each "; "-separated part the table holds is shown in English to a
reader with the English interface, the words it quotes kept as heard; a part the table does not
hold stays as written rather than being guessed at. The recogniser's certainty is stored as a
probability ("p=0.24"); a facilitator reads it as a percentage in words ("24 % säker").
"""

from __future__ import annotations

import re

from transcribe.confidence.reasons import english

# "låg säkerhet (0.31) (Osäker igenkänning)": a reason with another in brackets after it.
_TRAILER = re.compile(r"^(?P<body>.*?) \((?P<tail>Osäker igenkänning|Flera talar samtidigt)\)$")
# "(p=0.24)", "(medel p=0.45)" / "(mean p=0.45)", and "låg säkerhet (0.34)" / "low confidence (0.34)".
_P = re.compile(r"\((?P<mean>medel |mean )?p=(?P<p>[01](?:\.\d+)?)\)")
_LOW = re.compile(r"(?P<head>låg säkerhet|low confidence) \((?P<p>[01](?:\.\d+)?)\)")
_SURE = {
    "sv": ("(igenkänd med {n} % säkerhet)", "(i snitt {n} % säkerhet)"),
    "en": ("(recognised with {n} % certainty)", "({n} % certainty on average)"),
}


def percent(p: float | str) -> int:
    """A probability as the whole percentage a reader is shown."""
    return round(float(p) * 100)


def _figures(text: str, lang: str) -> str:
    """The stored probabilities as percentages in words, in the reader's language."""
    single, mean = _SURE["en" if lang == "en" else "sv"]
    text = _P.sub(lambda m: (mean if m["mean"] else single).format(n=percent(m["p"])), text)
    return _LOW.sub(lambda m: f"{m['head']} ({percent(m['p'])} %)", text)


def _part(text: str) -> str:
    trailer = _TRAILER.match(text)
    if trailer:
        return f"{_part(trailer['body'])} ({_part(trailer['tail'])})"
    return english(text) or text


def reason_in(reason: str, lang: str) -> str:
    """`reason` (already without its "Kontrollera mot ljudet") as the reviewer with `lang` reads it."""
    if lang == "en" and reason:
        reason = "; ".join(_part(part.strip()) for part in reason.split("; "))
    return _figures(reason, lang)


def agenda_reason_in(reason: str, lang: str) -> str:
    """Why an agenda was refused, as the uploader with `lang` reads it; an unknown reason stays as written."""
    return (english(reason) or reason) if lang == "en" else reason
