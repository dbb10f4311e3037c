"""Why an item must be checked against the audio, and why an agenda was refused: one table, two languages.

The drafts store a reason as its Swedish text (the minutes are Swedish documents, and drafts
written before this table exist), so the table runs both ways: `say` writes a reason from its
code, `read` finds the code and the quoted words in a stored Swedish text, and `english` gives
the English wording with the quoted words kept as heard.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

# What a field may hold in the Swedish text; a field not named here is a quoted word.
FIELDS = {
    "p": r"[0-9.]+",
    "gap": r"[0-9.]+",
    "what": "ordet|talet|datumet|namnet",
    "side": "före|efter",
    "n": r"\S+",
    "count": r"\d+",
    "error": r"[^)]*",
    "kind": r"[^)]*",
}
# Field values that are Swedish words themselves, in English.
VALUES = {
    "what": {"ordet": "the word", "talet": "the number", "datumet": "the date", "namnet": "the name"},
    "side": {"före": "before", "efter": "after"},
    "kind": {"utan filändelse": "no file extension"},
}


@dataclass(frozen=True)
class Reason:
    sv: str
    en: str
    older: tuple[str, ...] = field(default=())  # other Swedish wordings drafts may hold


REASONS: dict[str, Reason] = {
    # minutes items (transcribe.confidence, transcribe.minutes)
    "cue_unsure": Reason('{what} "{word}" hördes osäkert (p={p})', '{what} "{word}" was unclear (p={p})'),
    "slot_unsure": Reason(
        'ordet "{word}" {side} "{verb}" hördes osäkert (p={p}) – ett "inte" kan ha fallit bort',
        'the word "{word}" {side} "{verb}" was unclear (p={p}) – a "not" may have been lost',
        older=('ordet "{word}" {side} "{verb}" hördes osäkert (p={p})',),
    ),
    "negation_like": Reason(
        'ordet "{word}" hördes osäkert (p={p}) och kan ha varit "inte"',
        'the word "{word}" was unclear (p={p}) and may have been "not"',
    ),
    "verb_unsure": Reason(
        'beslutsordet "{word}" hördes osäkert (p={p})', 'the decision word "{word}" was unclear (p={p})'
    ),
    "gap": Reason(
        '{gap} s utan ord vid "{verb}" – ett ord kan saknas',
        '{gap} s without words at "{verb}" – a word may be missing',
    ),
    "passage_unsure": Reason("passagen hördes osäkert (medel p={p})", "the passage was unclear (mean p={p})"),
    "overlap": Reason("flera talar samtidigt", "several people speak at once"),
    "low_confidence": Reason("låg säkerhet ({p})", "low confidence ({p})"),
    "repaired": Reason("transkriptionen reparerades här", "the transcript was repaired here"),
    "read_as": Reason('"{word}" lästes som "{meant}"', '"{word}" was read as "{meant}"'),
    "unsure_recognition": Reason("osäker igenkänning", "uncertain recognition"),
    "no_evidence": Reason("underlag saknas", "no evidence"),
    "no_commitment": Reason("inget fast åtagande", "no firm commitment"),
    "wording_unclear": Reason(
        "beslutsformuleringen hördes otydligt",
        "the wording of the decision was unclear",
        older=("beslutsformuleringen hördes ofullständigt",),
    ),
    "assent_unclear": Reason("bekräftelsen hördes otydligt", "the assent was unclear"),
    "no_deciding_word": Reason("beslutet uttrycktes utan beslutsord", "the decision was said without a deciding word"),
    "talk_against": Reason(
        'samtalet runt beslutet talar emot det ("{quote}") – ett "inte" kan ha fallit bort',
        'the talk around the decision speaks against it ("{quote}") – a "not" may have been lost',
    ),
    # decisions the protokoll reads from an item's course (transcribe.agenda.verdicts, transcribe.minutes.protokoll)
    "worded_title": Reason(
        "beslutet är formulerat efter punktens rubrik och mötets bifall",
        "the decision is worded from the item's title and the meeting's assent",
    ),
    "worded_proposal": Reason(
        "beslutet är formulerat efter förslaget som mötet biföll",
        "the decision is worded from the proposal the meeting agreed to",
    ),
    "worded_either": Reason(
        "beslutet är formulerat efter punktens rubrik eller förslaget",
        "the decision is worded from the item's title or the proposal",
    ),
    "check_wording": Reason("kontrollera ordalydelsen", "check the wording"),
    "chair_closing": Reason(
        "ordförandens avslutning på punkten, läst som beslut utan beslutsord",
        "the chair's closing of the item, read as a decision without a deciding word",
    ),
    "check": Reason("kontrollera", "check it"),
    # an uploaded agenda refused (transcribe.agenda and the upload check)
    "agenda_no_items": Reason(
        'ingen dagordning hittades (inga numrerade punkter som "{example}")',
        'no agenda found (no numbered items such as "{example}")',
    ),
    "agenda_format": Reason(
        "okänt format ({kind}); använd .txt, .md eller .docx",
        "unknown format ({kind}); use .txt, .md or .docx",
        older=("okänt format för dagordning ({kind}); använd .txt, .md eller .docx",),
    ),
    "agenda_empty": Reason("filen är tom", "the file is empty"),
    "agenda_word": Reason(
        "kan inte läsa Word-filen: den är skadad eller inte en .docx-fil",
        "the Word file cannot be read: it is damaged or not a .docx file",
        older=("kan inte läsa Word-filen ({error})",),
    ),
    "agenda_too_many": Reason(
        "för många punkter ({count}) för en dagordning", "too many items ({count}) for an agenda"
    ),
    "agenda_repeated": Reason("punkt {n} förekommer två gånger i dagordningen", "item {n} appears twice in the agenda"),
    "agenda_not_text": Reason("filen är inte en textfil", "the file is not a text file", older=("är inte en textfil",)),
    "agenda_too_large": Reason(
        "filen är större än {count} MB, gränsen för en dagordning",
        "the file is larger than {count} MB, the limit for an agenda",
    ),
}


def say(code: str, **fields: object) -> str:
    """The reason `code` in Swedish, as the drafts store it."""
    return REASONS[code].sv.format(**fields)


QUOTED = r'[^"]*'


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", template)
    body = "".join(
        f"(?P<{part}>{FIELDS.get(part, QUOTED)})" if i % 2 else re.escape(part) for i, part in enumerate(parts)
    )
    return re.compile(f"^{body}$", re.IGNORECASE)


@cache
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    return [(_pattern(sv), code) for code, r in REASONS.items() for sv in (r.sv, *r.older)]


def read(text: str) -> tuple[str, dict[str, str]] | None:
    """(code, fields) of a stored Swedish reason, or None for a wording the table does not hold."""
    for pattern, code in _patterns():
        found = pattern.match(text)
        if found:
            return code, found.groupdict()
    return None


def english(text: str) -> str | None:
    """A stored Swedish reason in English, the quoted words as heard; None when the table does not hold it."""
    found = read(text)
    if found is None:
        return None
    code, fields = found
    shown = {k: VALUES.get(k, {}).get(v.lower(), v) for k, v in fields.items()}
    return REASONS[code].en.format(**shown)
