"""Minutes with a language model, every item grounded in the passages it cites.

Two ways to reach a model: a local instruction-tuned model through `transcribe.llm_runtime`
(a model directory, a GGUF file or a registered name), or the team's own LLM server
through `openai_client`. Both are a `Generator`: (prompt, max_new_tokens) -> text.

Map-reduce: the transcript is cut into chunks of "[id] Namn: text" lines; for each
chunk the model answers in JSON that must validate against a small schema per section.
A section that fails validation is asked for once more with the error appended. Every
valid item is then checked by `grounding` against the segments it cites and dropped
(with its reason in the notes) when they do not say it. With the `llm` backend a
section whose answers failed, or whose items were all dropped, falls back to the rules
with a note; a server that does not answer leaves the whole draft to the rules.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from transcribe.llm_runtime import load_llm
from transcribe.minutes.grounding import Grounder, Verdict, similar
from transcribe.minutes.llm_prompts import (
    CHUNK_CHARS,
    EXAMPLE,
    build_prompt,
    chunks,
    retry_prompt,
    transcript_lines,
)
from transcribe.minutes.llm_schema import (
    ADAPTERS,
    OPTIONAL,
    SECTIONS,
    answer_complete,
    first_json_object,
    validate_sections,
)
from transcribe.minutes.model import Action, Decision, Item, NextMeeting, OpenItem
from transcribe.minutes.openai_client import LLMUnavailable
from transcribe.minutes.rules import Extracted
from transcribe.sv.calendar import format_date
from transcribe.transcript import Transcript

__all__ = [
    "ADAPTERS",
    "CHUNK_CHARS",
    "EXAMPLE",
    "SECTIONS",
    "LLMDraft",
    "build_prompt",
    "chunks",
    "draft_with_llm",
    "extract_with_llm",
    "first_json_object",
    "retry_prompt",
    "transcript_lines",
    "validate_sections",
]

Generator = Callable[[str, int], str]


@dataclass(frozen=True)
class ItemKind:
    """How one list section's proposals are grounded, recognised as repeats and turned into items."""

    attr: str
    check: Callable[[Grounder, Any], Verdict]
    same: Callable[[Any, Verdict, Any], bool]  # (proposal, its verdict, an item already kept)
    build: Callable[[Any, Verdict, int], Item]  # (proposal, its verdict, number of the new item)


def _flags(v: Verdict) -> dict[str, Any]:
    return {"evidence": v.evidence, "confidence": 0.6, "source": "llm", "needs_review": v.flag is not None,
            "review_reason": v.flag}  # fmt: skip


ITEM_KINDS: dict[str, ItemKind] = {
    "beslut": ItemKind(
        "decisions",
        lambda g, d: g.decision(d.text, d.segment_ids),
        lambda d, v, o: similar(d.text, o.text, 0.75),
        lambda d, v, n: Decision(id=f"d{n}", text=d.text.strip(), proposed_by=v.evidence[0].speaker_name, **_flags(v)),
    ),
    "atgarder": ItemKind(
        "actions",
        lambda g, a: g.action(a.what, a.owner, a.due, a.segment_ids),
        lambda a, v, o: o.owner == v.owner and similar(a.what, o.what, 0.5),
        lambda a, v, n: Action(id=f"a{n}", what=a.what.strip(), owner=v.owner, due=v.due, due_text=a.due, **_flags(v)),
    ),
    "ej_beslutat": ItemKind(
        "not_decided",
        lambda g, o: g.open_item(o.text, o.segment_ids),
        lambda o, v, p: similar(o.text, p.text, 0.6),
        lambda o, v, n: OpenItem(id=f"o{n}", text=o.text.strip(), reason=o.reason, **_flags(v)),
    ),
}


# ----------------------------------------------------------------------------- map-reduce
@dataclass
class LLMDraft:
    """The model's grounded items only (no fallback), and what happened to the rest."""

    extracted: Extracted = field(default_factory=Extracted)
    summary: str | None = None
    failed: set[str] = field(default_factory=set)
    rejected: dict[str, int] = field(default_factory=dict)
    # (section, the model's item, why it was dropped): for the benchmark; the minutes carry only counts.
    dropped: list[tuple[str, Any, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    unavailable: str | None = None


def _ask(generate: Generator, prompt: str, max_new_tokens: int) -> tuple[dict[str, Any], set[str]]:
    wanted = [*SECTIONS, *OPTIONAL]
    valid, errors = validate_sections(generate(prompt, max_new_tokens), wanted)
    failed: set[str] = set()
    if errors:
        again, errors2 = validate_sections(generate(retry_prompt(prompt, errors), max_new_tokens), list(errors))
        valid.update(again)
        failed.update(errors2)
    return valid, failed


def _short(text: str, n: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def draft_with_llm(
    transcript: Transcript,
    meeting_date: dt.date | None,
    generate: Generator,
    max_new_tokens: int = 512,
    chunk_chars: int = CHUNK_CHARS,
) -> LLMDraft:
    """Ask the model chunk by chunk and keep only what the cited passages support."""
    participants = [s.name for s in transcript.speakers if s.name]
    collected: dict[str, list[Any]] = {s: [] for s in [*SECTIONS, *OPTIONAL]}
    draft = LLMDraft()
    try:
        for part in chunks(transcript_lines(transcript), chunk_chars):
            valid, failed = _ask(generate, build_prompt(part, meeting_date, participants), max_new_tokens)
            draft.failed |= failed
            for s, value in valid.items():
                collected[s].append(value)
    except LLMUnavailable as exc:
        draft.unavailable = str(exc)
        return draft
    g = Grounder(transcript, meeting_date)
    out = draft.extracted

    def reject(section: str, item: Any, reason: str | None) -> None:
        draft.rejected[section] = draft.rejected.get(section, 0) + 1
        draft.dropped.append((section, item, reason or "ogiltigt"))

    for section, kind in ITEM_KINDS.items():
        for proposed in (x for batch in collected[section] for x in batch):
            v = kind.check(g, proposed)
            if not v.ok:
                reject(section, proposed, v.reason)
                continue
            mine = getattr(out, kind.attr)
            if not any(kind.same(proposed, v, o) for o in mine):
                mine.append(kind.build(proposed, v, len(mine) + 1))
    for n in reversed([n for n in collected["nasta_mote"] if n is not None]):  # the latest chunk knows the final date
        v = g.next_meeting(n.date, n.time, n.segment_ids)
        if not v.ok:
            reject("nasta_mote", n, v.reason)
            continue
        out.next_meeting = NextMeeting(id="n1", when=v.when, text=format_date(v.when, weekday=True), **_flags(v))
        break
    for s in (x for x in collected["sammanfattning"] if x is not None):
        v = g.summary(s.text, s.segment_ids)
        if v.ok:
            draft.summary = s.text.strip()
            break
        reject("sammanfattning", s, v.reason)
    # Counts and reasons only: the dropped text itself is exactly what must not reach the draft.
    counts = Counter((section, reason) for section, _, reason in draft.dropped)
    for (section, reason), n in counts.items():
        name = SECTIONS.get(section) or OPTIONAL[section]
        draft.notes.append(f"{n} förslag från språkmodellen för {name} togs bort: {reason}")
    return draft


def generator_for(model: Path | str | Generator) -> Generator:
    """A local model (stopped as soon as its JSON answer is complete: nothing after it is read) or `model`."""
    if not isinstance(model, Path | str):
        return model
    llm = load_llm(Path(model))
    return lambda prompt, max_new_tokens: llm(prompt, max_new_tokens, done=answer_complete)


def extract_with_llm(
    transcript: Transcript,
    meeting_date: dt.date | None,
    model: Path | Generator,
    rules: Extracted,
    max_new_tokens: int = 512,
    chunk_chars: int = CHUNK_CHARS,
) -> tuple[Extracted, list[str]]:
    """The `llm` backend: the model's grounded items, per section falling back to `rules`."""
    draft = draft_with_llm(transcript, meeting_date, generator_for(model), max_new_tokens, chunk_chars)
    return with_fallback(draft, rules)


def with_fallback(draft: LLMDraft, rules: Extracted) -> tuple[Extracted, list[str]]:
    """Rules for every section the model failed or had nothing grounded for, with a note each."""
    if draft.unavailable is not None:
        return rules, [f"Språkmodellen svarade inte ({_short(draft.unavailable, 120)}); utkastet bygger på reglerna"]
    out, llm = Extracted(), draft.extracted
    notes = list(draft.notes)
    pairs = {"beslut": "decisions", "atgarder": "actions", "ej_beslutat": "not_decided", "nasta_mote": "next_meeting"}
    for key, attr in pairs.items():
        mine = getattr(llm, attr)
        if key in draft.failed:
            notes.append(f"Språkmodellens svar för {SECTIONS[key]} var ogiltigt; reglerna används")
            setattr(out, attr, getattr(rules, attr))
        elif draft.rejected.get(key) and not mine:
            notes.append(f"Inget av språkmodellens förslag för {SECTIONS[key]} hade stöd; reglerna används")
            setattr(out, attr, getattr(rules, attr))
        else:
            setattr(out, attr, mine)
    return out, notes
