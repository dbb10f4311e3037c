"""The prompt a language model gets for the minutes, and how a long transcript is cut into chunks.

The format example is deliberately about penguins on an ice floe, with segment ids no
meeting has and dates long past: a model that copies it instead of reading the meeting
produces text that cannot pass grounding, and grounding also rejects anything close to
these example strings.
"""

from __future__ import annotations

import datetime as dt
import json

from transcribe.minutes.llm_schema import OPTIONAL, SECTIONS
from transcribe.transcript import Transcript

CHUNK_CHARS = 6000
OVERLAP_LINES = 2

EXAMPLE_ANSWER = {
    "beslut": [{"text": "Pingvinerna beslutade att flytta isflaket norrut.", "segment_ids": [9001]}],
    "atgarder": [
        {"what": "Räkna sillarna i vaken", "owner": "Pingvinen Pondus", "due": "1901-01-07", "segment_ids": [9002]}
    ],
    "ej_beslutat": [{"text": "Frågan om isflakets färg", "reason": "Inget beslut fattades", "segment_ids": [9003]}],
    "nasta_mote": {"date": "1901-01-09", "time": "07:15", "segment_ids": [9004]},
    "sammanfattning": {"text": "Pingvinerna talade om isflaket och sillarna.", "segment_ids": [9001, 9002]},
}
EXAMPLE = json.dumps(EXAMPLE_ANSWER, ensure_ascii=False)
# Strings a copied example would reproduce; grounding rejects items close to any of them.
EXAMPLE_TEXTS = (
    "Pingvinerna beslutade att flytta isflaket norrut.",
    "Räkna sillarna i vaken",
    "Frågan om isflakets färg",
    "Pingvinerna talade om isflaket och sillarna.",
)
EXAMPLE_OWNERS = ("Pingvinen Pondus",)
EXAMPLE_DATES = (dt.date(1901, 1, 7), dt.date(1901, 1, 9))


def transcript_lines(transcript: Transcript) -> list[str]:
    return [f"[{s.id}] {transcript.speaker_name(s.speaker) or 'Okänd'}: {s.text.strip()}"
            for s in transcript.segments if s.text.strip()]  # fmt: skip


def chunks(lines: list[str], max_chars: int = CHUNK_CHARS) -> list[list[str]]:
    """Consecutive lines up to `max_chars`, overlapping by a couple of lines so no exchange is cut in two."""
    out: list[list[str]] = []
    cur: list[str] = []
    size = 0
    for line in lines:
        if cur and size + len(line) > max_chars:
            out.append(cur)
            cur = cur[-OVERLAP_LINES:]
            size = sum(len(x) + 1 for x in cur)
        cur.append(line)
        size += len(line) + 1
    if cur:
        out.append(cur)
    return out


def build_prompt(lines: list[str], meeting_date: dt.date | None, participants: list[str],
                 sections: list[str] | None = None) -> str:  # fmt: skip
    wanted = sections or [*SECTIONS, *OPTIONAL]
    keys = ", ".join(f'"{k}"' for k in wanted)
    return (
        "Du skriver protokoll från ett svenskt möte. Nedan finns en del av transkriptionen, en rad per segment "
        "i formen [id] Namn: text.\n"
        f"Mötesdatum: {meeting_date.isoformat() if meeting_date else 'okänt'}. "
        f"Deltagare: {', '.join(participants) or 'okända'}.\n"
        f"Svara ENDAST med ett JSON-objekt med nycklarna {keys}. Formatet visas av det här exemplet, som handlar "
        f"om pingviner och INTE om mötet; kopiera aldrig något ur det:\n{EXAMPLE}\n"
        "Regler: Skriv bara sådant som faktiskt sägs i transkriptionen, med talarnas egna ord, och ange id:n för "
        "de rader som säger det. Ta bara med beslut som mötet faktiskt fattade. Förslag som avslogs, sköts upp "
        'eller inte beslutades hör till "ej_beslutat". "Jag kan inte lova" är inget fast åtagande. Ansvarig '
        "är en deltagare eller en person som nämns på raden. Datum skrivs YYYY-MM-DD och tider HH:MM, och bara "
        "om de sägs. segment_ids måste vara id:n från raderna nedan. Tomma listor och null är tillåtna; skriv "
        'aldrig "...".\n\nTranskription:\n' + "\n".join(lines) + "\n"
    )


def retry_prompt(prompt: str, errors: dict[str, str]) -> str:
    detail = "; ".join(f"{k}: {v}" for k, v in errors.items())
    return (prompt + "\nDitt förra svar var ogiltigt (" + detail[:600] + "). Svara igen med giltig JSON för "
            + ", ".join(f'"{k}"' for k in errors) + ".\n")  # fmt: skip
