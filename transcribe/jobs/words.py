"""A job's state and stage in words for the shell: Swedish, while the stored values stay as they are.

The jobs table keeps `queued`, `running`, … and the pipeline's stage names (`--json` prints them as
stored, for scripts). `transcribe jobs list/show` show them as words agreeing with "jobbet"
("jobbet är köat"), and `--state` takes these words as well as the stored names.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from transcribe.jobs.models import JobState

STATE_WORDS: dict[str, str] = {
    JobState.queued: "köat",
    JobState.running: "pågående",
    JobState.done: "klart",
    JobState.failed: "misslyckat",
    JobState.cancelled: "avbrutet",
}
STAGE_WORDS: dict[str, str] = {
    "decode": "avkodning",
    "transcribe": "transkribering",
    "diarize": "talaridentifiering",
    "minutes": "protokollutkast",
}
# Other ways a user may write a state after --state (other genders, the web app's words, a noun).
_ALSO = {
    "köad": JobState.queued, "i kö": JobState.queued, "kö": JobState.queued,
    "pågår": JobState.running, "bearbetas": JobState.running,
    "klar": JobState.done, "misslyckad": JobState.failed, "misslyckades": JobState.failed,
    "avbruten": JobState.cancelled,
}  # fmt: skip


def state_word(state: str | None) -> str:
    """The state as shown; a value this version does not know is shown as stored."""
    value = "" if state is None else str(getattr(state, "value", state))
    return STATE_WORDS.get(value, value)


def stage_word(stage: str | None) -> str:
    """The stage as shown ("" when none); an unknown stage name is shown as stored."""
    return STAGE_WORDS.get(stage, stage) if stage else ""


def parse_state(text: str) -> JobState | None:
    """The state a user wrote (a word as shown, another form of it, or the stored name); None if none."""
    key = " ".join(text.strip().lower().split())
    if key in JobState.__members__:
        return JobState(key)
    for state, word in STATE_WORDS.items():
        if key == word:
            return JobState(state)
    return _ALSO.get(key)


def time_left(seconds: float | None) -> str:
    """Seconds as h:mm:ss, "" when unknown."""
    if seconds is None:
        return ""
    s = int(seconds)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


def shown_fields(data: dict[str, Any], title: str | None = None) -> list[tuple[str, str]]:
    """`jobs show` in words, each field as `jobs list` shows it: '–' for nothing (not Python's None), times
    local to the second, the percent with its sign, results one file a line; the exception's class name
    (error_kind, English) only in --json."""
    rows = []
    for key, value in data.items():
        if key == "error_kind":
            continue
        if key == "state":
            value = state_word(value)
        elif key == "stage":
            value = stage_word(value)
        elif key == "meeting_id" and title:
            value = f"{title} ({value})"
        elif key == "percent":
            value = f"{value:.0f} %"
        elif key == "eta_s":
            value = time_left(value)
        elif key == "results":
            value = "".join(f"\n  {path}" for path in value.values()) or "inga ännu"
        elif isinstance(value, datetime):
            value = value.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        rows.append((key, "–" if value is None or value == "" else str(value)))
    return rows
