"""The minutes draft: decisions, actions, themes and mood from a transcript.

`extract_minutes` runs the embedded rules by default (instant, no model); with
a local instruction-tuned model the transformers backend drafts decisions,
actions, open items and the next meeting, falling back to the rules per section.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Literal

from transcribe.errors import BadOption
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
from transcribe.minutes.render import render_docx, render_markdown, write_minutes
from transcribe.minutes.rules import Extracted, RuleExtractor
from transcribe.minutes.summary import conclusions, describe
from transcribe.minutes.themes import extract_themes
from transcribe.transcript import Transcript

__all__ = [
    "Action", "Conclusion", "Decision", "Emotion", "Evidence", "Minutes", "Mood", "NextMeeting", "OpenItem",
    "Participant", "Theme", "configured_model", "extract_minutes", "render_docx", "render_markdown",
    "write_minutes",
]

Backend = Literal["rules", "llm", "auto"]
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
    return [Participant(label=lb, name=known[lb].name if lb in known else None,
                        role=known[lb].role if lb in known else None) for lb in labels]


def extract_minutes(
    transcript: Transcript,
    meeting_date: dt.date | None = None,
    title: str | None = None,
    place: str | None = None,
    backend: Backend = "rules",
    model_dir: Path | None = None,
    max_new_tokens: int = 512,
) -> Minutes:
    """Draft minutes; every item cites the segments it came from."""
    if backend not in ("rules", "llm", "auto"):
        raise BadOption(f"unknown minutes backend {backend!r}; use rules, llm or auto")
    meeting_date = meeting_date or _meta_date(transcript)
    model = model_dir or configured_model()
    if backend == "auto":
        backend = "llm" if model is not None else "rules"
    rules = RuleExtractor(transcript, meeting_date).run()
    notes: list[str] = []
    extracted: Extracted = rules
    if backend == "llm":
        if model is None:
            raise BadOption(f"the llm minutes backend needs a model: pass model_dir or set ${MODEL_ENV}")
        from transcribe.minutes.llm import extract_with_llm

        extracted, notes = extract_with_llm(transcript, meeting_date, model, rules, max_new_tokens=max_new_tokens)
    start = _meta_time(transcript)
    end = None
    if start is not None and meeting_date is not None and transcript.duration:
        end = (dt.datetime.combine(meeting_date, start) + dt.timedelta(seconds=transcript.duration)).time()
    participants = _participants(transcript)
    themes = extract_themes(transcript)
    minutes = Minutes(
        title=title or transcript.metadata.get("title") or "Mötesprotokoll",
        date=meeting_date, start_time=start, end_time=end,
        place=place or transcript.metadata.get("place") or None,
        duration_s=transcript.duration or max((s.end for s in transcript.segments), default=0.0),
        participants=participants, n_participants=len(participants),
        themes=themes, mood=extract_mood(transcript, themes),
        decisions=extracted.decisions, actions=extracted.actions, next_meeting=extracted.next_meeting,
        not_decided=extracted.not_decided, backend=backend, notes=notes,
    )
    minutes.description = describe(minutes)
    minutes.conclusions = conclusions(minutes)
    return minutes
