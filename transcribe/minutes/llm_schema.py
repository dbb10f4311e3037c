"""What a language model may answer for the minutes: one small schema per section, and its validation.

The same schema is sent to servers that can constrain their output to it (OpenAI-style
`response_format`), so a capable server cannot answer outside it; smaller or older
servers and local models are checked after the fact, section by section.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from pydantic import BaseModel, Field, TypeAdapter, ValidationError

SECTIONS = {"beslut": "Beslut", "atgarder": "Åtgärder", "ej_beslutat": "Ej beslutat", "nasta_mote": "Nästa möte"}
# Asked for, but a missing or invalid answer is simply not used (the rules' description stands).
OPTIONAL = {"sammanfattning": "Sammanfattning"}


class LLMDecision(BaseModel):
    text: str = Field(min_length=3)
    segment_ids: list[int] = Field(min_length=1)


class LLMAction(BaseModel):
    what: str = Field(min_length=2)
    owner: str | None = None
    due: str | None = None
    segment_ids: list[int] = Field(min_length=1)


class LLMOpen(BaseModel):
    text: str = Field(min_length=3)
    reason: str = "Inget beslut fattades"
    segment_ids: list[int] = Field(min_length=1)


class LLMNext(BaseModel):
    date: dt.date
    time: dt.time | None = None
    segment_ids: list[int] = Field(min_length=1)


class LLMSummary(BaseModel):
    text: str = Field(min_length=10)
    segment_ids: list[int] = Field(min_length=1)


ADAPTERS: dict[str, TypeAdapter[Any]] = {
    "beslut": TypeAdapter(list[LLMDecision]),
    "atgarder": TypeAdapter(list[LLMAction]),
    "ej_beslutat": TypeAdapter(list[LLMOpen]),
    "nasta_mote": TypeAdapter(LLMNext | None),
    "sammanfattning": TypeAdapter(LLMSummary | None),
}


class _Answer(BaseModel):
    """The whole answer, for servers that enforce a JSON schema."""

    beslut: list[LLMDecision]
    atgarder: list[LLMAction]
    ej_beslutat: list[LLMOpen]
    nasta_mote: LLMNext | None
    sammanfattning: LLMSummary | None = None


def answer_json_schema() -> dict[str, Any]:
    """JSON schema of a complete answer (for `response_format: json_schema`)."""
    return _Answer.model_json_schema()


def _closing(text: str, start: int) -> int | None:
    """Where the {...} opened at `start` closes (strings and escapes respected); None while it is open."""
    depth, in_str, esc = 0, False, False
    for i in range(start, len(text)):
        ch = text[i]
        if in_str:
            esc = (ch == "\\") and not esc
            if ch == '"' and not esc:
                in_str = False
            continue
        if ch == '"':
            in_str = True
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return i
    return None


def first_json_object(text: str) -> dict[str, Any] | None:
    """The first balanced {...} in the model's answer that parses (it may add prose or code fences)."""
    start = text.find("{")
    while start >= 0:
        end = _closing(text, start)
        if end is not None:
            try:
                obj = json.loads(text[start : end + 1])
            except json.JSONDecodeError:
                pass
            else:
                return obj if isinstance(obj, dict) else None
        start = text.find("{", start + 1)
    return None


def answer_complete(text: str) -> bool:
    """Whether more text could no longer change what `first_json_object` reads: every object opened before the
    one it reads has closed. Generation stops there; what a model writes after it is never read."""
    start = text.find("{")
    while start >= 0:
        end = _closing(text, start)
        if end is None:
            return False
        try:
            json.loads(text[start : end + 1])
        except json.JSONDecodeError:
            start = text.find("{", start + 1)
            continue
        return True
    return False


def validate_sections(raw: str, sections: list[str]) -> tuple[dict[str, Any], dict[str, str]]:
    """(valid sections, error per invalid required section) for one model answer."""
    obj = first_json_object(raw)
    if obj is None:
        return {}, {s: "inget giltigt JSON-objekt i svaret" for s in sections if s not in OPTIONAL}
    valid: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for s in sections:
        if s not in obj:
            if s not in OPTIONAL:
                errors[s] = "nyckeln saknas"
            continue
        try:
            valid[s] = ADAPTERS[s].validate_python(obj[s])
        except ValidationError as exc:
            if s not in OPTIONAL:
                errors[s] = str(exc.errors()[0].get("msg", exc))[:200]
    return valid, errors
