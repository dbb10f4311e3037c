"""The `merge` backend: the rules are the backbone, the language model fills in around them.

The rules only report a decision when a decision cue was said, so their decisions and
actions all stay. The model's grounded items add what the rules missed and better
wording for what both found; an LLM decision that the rules found undecided is dropped,
and a decision only the model found is flagged for review. Every item says which
backend produced it (`source`: rules, llm, or rules+llm when the model reworded it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from transcribe.errors import BadOption
from transcribe.minutes.grounding import similar
from transcribe.minutes.llm import CHUNK_CHARS, Generator, LLMDraft, draft_with_llm, generator_for, with_fallback
from transcribe.minutes.llm_schema import answer_json_schema
from transcribe.minutes.model import Action, Decision, Item, OpenItem
from transcribe.minutes.openai_client import URL_ENV, LLMUnavailable, OpenAIChat, resolve_endpoint
from transcribe.minutes.rules import Extracted
from transcribe.transcript import Transcript

ONLY_LLM = "Endast språkmodellen fann detta beslut"
SAME_TEXT = 0.5
# A server model has a long context: bigger chunks, fewer calls.
SERVER_CHUNK_CHARS = 16000


def _segments(item: Item) -> set[int]:
    return {e.segment_id for e in item.evidence}


def _same(a_text: str, a: Item, b_text: str, b: Item) -> bool:
    """The same item: similar wording, or the same passage and related wording."""
    if similar(a_text, b_text, SAME_TEXT):
        return True
    return bool(_segments(a) & _segments(b)) and similar(a_text, b_text, 0.25)


def _renumber(items: Sequence[Item], prefix: str) -> None:
    for i, item in enumerate(items, 1):
        item.id = f"{prefix}{i}"


def merge_extracted(rules: Extracted, draft: LLMDraft) -> tuple[Extracted, list[str]]:
    """Rules plus the model's grounded items, duplicates removed."""
    if draft.unavailable is not None:
        return rules, [f"Språkmodellen svarade inte ({draft.unavailable[:120]}); utkastet bygger på reglerna"]
    llm = draft.extracted
    notes = list(draft.notes)
    decisions: list[Decision] = [d.model_copy(deep=True) for d in rules.decisions]
    for d in llm.decisions:
        twin = next((r for r in decisions if r.source != "llm" and _same(r.text, r, d.text, d)), None)
        if twin is not None:
            if similar(d.text, twin.text, SAME_TEXT) and twin.source == "rules":
                twin.text, twin.source = d.text, "rules+llm"
            continue
        if any(_same(o.text, o, d.text, d) for o in rules.not_decided):
            notes.append(f"Språkmodellens beslut «{d.text[:70]}» togs bort: reglerna fann att det inte beslutades")
            continue
        if any(_same(x.text, x, d.text, d) for x in decisions):
            continue
        decisions.append(d.model_copy(update={"needs_review": True, "review_reason": d.review_reason or ONLY_LLM}))
    actions: list[Action] = [a.model_copy(deep=True) for a in rules.actions]
    for a in llm.actions:
        same_owner = [r for r in actions if not r.owner or not a.owner or r.owner == a.owner]
        twin = next((r for r in same_owner if _same(r.what, r, a.what, a)), None)
        if twin is None:
            actions.append(a)
        elif twin.source == "rules" and similar(a.what, twin.what, SAME_TEXT):
            twin.what, twin.source = a.what, "rules+llm"
            twin.owner = twin.owner or a.owner
            twin.due = twin.due or a.due
    open_items: list[OpenItem] = [o.model_copy(deep=True) for o in rules.not_decided]
    for o in llm.not_decided:
        if any(_same(x.text, x, o.text, o) for x in open_items) or any(_same(d.text, d, o.text, o) for d in decisions):
            continue
        open_items.append(o)
    _renumber(decisions, "d")
    _renumber(actions, "a")
    _renumber(open_items, "o")
    out = Extracted(decisions=decisions, actions=actions, not_decided=open_items,
                    next_meeting=rules.next_meeting or llm.next_meeting)  # fmt: skip
    return out, notes


def run_llm_backend(
    backend: str,
    transcript: Transcript,
    meeting_date: dt.date | None,
    rules: Extracted,
    model_dir: Path | None = None,
    llm_url: str | None = None,
    llm_model: str | None = None,
    llm_allow_remote: bool | None = None,
    max_new_tokens: int = 512,
) -> tuple[Extracted, list[str], str | None]:
    """(items, notes, grounded one-paragraph summary or None) for the `llm` or `merge` backend.

    A local model directory or .gguf wins; otherwise the configured server; a server
    that cannot be reached leaves the rules' items with a note.
    """
    generate: Generator | Path | None = model_dir
    chunk_chars = CHUNK_CHARS
    if generate is None:
        endpoint = resolve_endpoint(llm_url, llm_model, llm_allow_remote)
        if endpoint is not None:
            try:
                generate = OpenAIChat(endpoint, answer_json_schema())
            except LLMUnavailable as exc:
                draft = LLMDraft(unavailable=str(exc))
                return (*merge_extracted(rules, draft), None)
            chunk_chars = SERVER_CHUNK_CHARS
    if generate is None:
        raise BadOption(f"protokollmotorn {backend} behöver en språkmodell: --llm-url (en OpenAI-kompatibel "
                        f"server), --minutes-model (en lokal modell) eller ${URL_ENV}")  # fmt: skip
    draft = draft_with_llm(transcript, meeting_date, generator_for(generate), max_new_tokens, chunk_chars)
    extracted, notes = merge_extracted(rules, draft) if backend == "merge" else with_fallback(draft, rules)
    return extracted, notes, draft.summary
