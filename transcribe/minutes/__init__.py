"""The minutes draft: decisions, actions, themes and mood from a transcript.

`extract_minutes` runs the embedded rules by default (instant, no model). With a
language model (the team's OpenAI-compatible server, or a small local model) the
`llm` backend drafts decisions, actions, open items and the next meeting, falling
back to the rules per section, and `merge` adds the model's items to the rules'.
Every model item must be grounded in the passages it cites (see `grounding`).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Literal

from transcribe.errors import BadOption
from transcribe.minutes.merge import run_llm_backend
from transcribe.minutes.model import (
    Action,
    Conclusion,
    Decision,
    Emotion,
    Evidence,
    Minutes,
    Mood,
    NextMeeting,
    OpenItem,
    Participant,
    Theme,
)
from transcribe.minutes.mood import extract_mood
from transcribe.minutes.openai_client import resolve_endpoint
from transcribe.minutes.render import render_docx, render_markdown, write_minutes
from transcribe.minutes.rules import Extracted, RuleExtractor
from transcribe.minutes.summary import conclusions, describe
from transcribe.minutes.themes import extract_themes
from transcribe.transcript import Transcript

__all__ = [
    "BACKENDS",
    "Action",
    "Conclusion",
    "Decision",
    "Emotion",
    "Evidence",
    "Minutes",
    "Mood",
    "NextMeeting",
    "OpenItem",
    "Participant",
    "Theme",
    "check_backend",
    "configured_model",
    "extract_minutes",
    "render_docx",
    "render_markdown",
    "write_minutes",
]

Backend = Literal["rules", "llm", "merge", "auto"]
BACKENDS: tuple[Backend, ...] = ("rules", "llm", "merge", "auto")
MODEL_ENV = "TRANSCRIBE_MINUTES_MODEL"


def configured_model() -> Path | None:
    """The LLM for minutes, if one is configured ($TRANSCRIBE_MINUTES_MODEL: a model dir or .gguf)."""
    value = os.environ.get(MODEL_ENV)
    return Path(value) if value else None


def _meta_date(transcript: Transcript) -> dt.date | None:
    value = transcript.metadata.get("date")
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _meta_time(transcript: Transcript) -> dt.time | None:
    value = transcript.metadata.get("start_time") or transcript.metadata.get("time")
    m = re.match(r"^(\d{1,2})[:.](\d{2})", value or "")
    return dt.time(int(m.group(1)), int(m.group(2))) if m else None


def _participants(transcript: Transcript) -> list[Participant]:
    spoke = transcript.speaker_labels()
    known = {s.label: s for s in transcript.speakers}
    labels = spoke or list(known)
    return [
        Participant(
            label=lb, name=known[lb].name if lb in known else None, role=known[lb].role if lb in known else None
        )
        for lb in labels
    ]


def check_backend(backend: str, *, none_allowed: bool = True) -> None:
    """Refuse an unknown minutes engine before any model loads ("none" writes no minutes)."""
    choices = [*BACKENDS, "none"] if none_allowed else list(BACKENDS)
    if backend not in choices:
        raise BadOption(f"okänd protokollmotor {backend!r}; välj bland {', '.join(choices[:-1])} eller {choices[-1]}")


def extract_minutes(
    transcript: Transcript,
    meeting_date: dt.date | None = None,
    title: str | None = None,
    place: str | None = None,
    backend: Backend = "rules",
    model_dir: Path | None = None,
    max_new_tokens: int = 512,
    llm_url: str | None = None,
    llm_model: str | None = None,
    llm_allow_remote: bool | None = None,
    vocabulary: list[str] | None = None,
    robust: bool = True,
) -> Minutes:
    """Draft minutes; every item cites the segments it came from.

    `vocabulary` (participants, series members, agenda terms, as given to the recogniser) helps
    the rules read misheard names; `robust=False` runs the rules without repairs or negation checks.
    """
    check_backend(backend, none_allowed=False)
    meeting_date = meeting_date or _meta_date(transcript)
    model = model_dir or (None if llm_url else configured_model())
    if backend == "auto":
        has_llm = model is not None or resolve_endpoint(llm_url, llm_model, llm_allow_remote) is not None
        backend = "merge" if has_llm else "rules"
    rules = RuleExtractor(transcript, meeting_date, vocabulary=vocabulary or (), robust=robust).run()
    notes: list[str] = []
    extracted: Extracted = rules
    summary = None
    if backend in ("llm", "merge"):
        extracted, notes, summary = run_llm_backend(backend, transcript, meeting_date, rules, model, llm_url,
                                                    llm_model, llm_allow_remote, max_new_tokens)  # fmt: skip
    start = _meta_time(transcript)
    end = None
    if start is not None and meeting_date is not None and transcript.duration:
        end = (dt.datetime.combine(meeting_date, start) + dt.timedelta(seconds=transcript.duration)).time()
    participants = _participants(transcript)
    themes = extract_themes(transcript)
    minutes = Minutes(
        title=title or transcript.metadata.get("title") or "Mötesprotokoll",
        date=meeting_date,
        start_time=start,
        end_time=end,
        place=place or transcript.metadata.get("place") or None,
        duration_s=transcript.duration or max((s.end for s in transcript.segments), default=0.0),
        participants=participants,
        n_participants=len(participants),
        themes=themes,
        mood=extract_mood(transcript, themes),
        decisions=extracted.decisions,
        actions=extracted.actions,
        next_meeting=extracted.next_meeting,
        not_decided=extracted.not_decided,
        backend=backend,
        notes=notes,
    )
    minutes.description = describe(minutes)
    if summary:
        minutes.description = f"{summary} {minutes.description}"
    minutes.conclusions = conclusions(minutes)
    return minutes
