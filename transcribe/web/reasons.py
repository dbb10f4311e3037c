"""Why an item must be checked against the audio, in the reviewer's language.

The drafts store their reasons in Swedish (the minutes are Swedish documents). A reviewer with the
English interface reads the common ones in English: each "; "-separated part that matches one of
the phrasings below is translated, with the words and figures it quotes kept as heard; a part
without a translation stays as written rather than being guessed at.
"""

from __future__ import annotations

import re

_Q = r'"(?P<w>[^"]*)"'
_P = r"(?P<p>[0-9.]+)"
_CUE = {"ordet": "the word", "talet": "the number", "datumet": "the date", "namnet": "the name"}
_MISSING_NOT = r'(?: – ett "inte" kan ha fallit bort)?'

# (Swedish phrasing, English wording); the groups are carried over.
_PHRASES: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(rf"^(?P<cue>ordet|talet|datumet|namnet) {_Q} hördes osäkert \(p={_P}\)$"),
        '{cue} "{w}" was unclear (p={p})',
    ),
    (
        re.compile(rf'^ordet {_Q} (?P<side>före|efter) "(?P<v>[^"]*)" hördes osäkert \(p={_P}\){_MISSING_NOT}$'),
        'the word "{w}" {side} "{v}" was unclear (p={p}) – a "not" may have been lost',
    ),
    (re.compile(rf"^beslutsordet {_Q} hördes osäkert \(p={_P}\)$"), 'the decision word "{w}" was unclear (p={p})'),
    (
        re.compile(r"^(?P<s>[0-9.]+) s utan ord vid \"(?P<v>[^\"]*)\" – ett ord kan saknas$"),
        '{s} s without words at "{v}" – a word may be missing',
    ),
    (re.compile(rf"^passagen hördes osäkert \(medel p={_P}\)$"), "the passage was unclear (mean p={p})"),
    (re.compile(r"^flera talar samtidigt$", re.IGNORECASE), "several people speak at once"),
    (re.compile(rf"^låg säkerhet \({_P}\)$"), "low confidence ({p})"),
    (re.compile(r"^transkriptionen reparerades här$"), "the transcript was repaired here"),
    (re.compile(rf'^{_Q} lästes som "(?P<m>[^"]*)"$'), '"{w}" was read as "{m}"'),
    (re.compile(r"^osäker igenkänning$", re.IGNORECASE), "uncertain recognition"),
    (re.compile(r"^underlag saknas$"), "no evidence"),
    (re.compile(r"^inget fast åtagande$", re.IGNORECASE), "no firm commitment"),
    (
        re.compile(r"^beslutsformuleringen hördes (?:ofullständigt|otydligt)$"),
        "the wording of the decision was unclear",
    ),
    (re.compile(r"^bekräftelsen hördes otydligt$"), "the assent was unclear"),
]
_SIDE = {"före": "before", "efter": "after"}
_TRAILER = re.compile(r"^(?P<body>.*?) \((?P<tail>Osäker igenkänning|Flera talar samtidigt)\)$")


def _part(text: str) -> str:
    trailer = _TRAILER.match(text)
    if trailer:  # "låg säkerhet (0.31) (Osäker igenkänning)": both halves
        return f"{_part(trailer['body'])} ({_part(trailer['tail'])})"
    for pattern, english in _PHRASES:
        found = pattern.match(text)
        if found:
            groups = found.groupdict()
            groups["cue"] = _CUE.get(groups.get("cue") or "", "")
            groups["side"] = _SIDE.get(groups.get("side") or "", "")
            return english.format(**groups)
    return text


def reason_in(reason: str, lang: str) -> str:
    """`reason` (already without its "Kontrollera mot ljudet") as the reviewer with `lang` reads it."""
    if lang != "en" or not reason:
        return reason
    return "; ".join(_part(part.strip()) for part in reason.split("; "))


# Why an uploaded agenda was refused (transcribe.agenda and the upload check), in the same way.
_AGENDA: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r'^ingen dagordning hittades \(inga numrerade punkter som "(?P<e>[^"]*)"\)$'),
        'no agenda found (no numbered items such as "{e}")',
    ),
    (
        re.compile(r"^okänt format (?:för dagordning )?\((?P<s>[^)]*)\); använd \.txt, \.md eller \.docx$"),
        "unknown format ({s}); use .txt, .md or .docx",
    ),
    (re.compile(r"^filen är tom$"), "the file is empty"),
    (re.compile(r"^kan inte läsa Word-filen \((?P<e>[^)]*)\)$"), "the Word file cannot be read ({e})"),
    (re.compile(r"^för många punkter \((?P<n>\d+)\) för en dagordning$"), "too many items ({n}) for an agenda"),
    (re.compile(r"^punkt (?P<n>\S+) förekommer två gånger i dagordningen$"), "item {n} appears twice in the agenda"),
    (re.compile(r"^är inte en textfil$"), "is not a text file"),
]


def agenda_reason_in(reason: str, lang: str) -> str:
    """Why an agenda was refused, as the uploader with `lang` reads it; an unknown reason stays as written."""
    if lang != "en":
        return reason
    for pattern, english in _AGENDA:
        found = pattern.match(reason)
        if found:
            groups = found.groupdict()
            if groups.get("s") == "utan filändelse":
                groups["s"] = "no file extension"
            return english.format(**groups)
    return reason
