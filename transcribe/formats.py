"""Transcript writers: JSON, TXT, SRT, WebVTT, Markdown and RTTM.

Every writer takes the typed `Transcript` and returns text; `write_transcript`
writes them atomically and refuses to replace a file unless asked to.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from pathlib import Path

from transcribe.confidence import LOW_WORD
from transcribe.errors import BadOption, OutputExists
from transcribe.fsutil import atomic_write_text
from transcribe.sv.calendar import elapsed
from transcribe.transcript import Segment, Transcript


def timestamp(seconds: float, sep: str = ".", hours: bool = True) -> str:
    ms = int(round(max(0.0, seconds) * 1000))
    h, rem = divmod(ms, 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, ms = divmod(rem, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}" if hours or h else f"{m:02d}:{s:02d}{sep}{ms:03d}"


def _speaker(t: Transcript, seg: Segment) -> str:
    return t.speaker_name(seg.speaker) if seg.speaker else ""


def to_txt(t: Transcript) -> str:
    lines = []
    for seg in t.segments:
        who = _speaker(t, seg)
        prefix = f"[{elapsed(seg.start)}] " + (f"{who}: " if who else "")
        lines.append(prefix + seg.text.strip())
    return "\n".join(lines) + "\n"


def to_srt(t: Transcript) -> str:
    blocks = []
    for i, seg in enumerate(t.segments, 1):
        who = _speaker(t, seg)
        text = (f"{who}: " if who else "") + seg.text.strip()
        blocks.append(f"{i}\n{timestamp(seg.start, ',')} --> {timestamp(seg.end, ',')}\n{text}\n")
    return "\n".join(blocks)


def to_vtt(t: Transcript) -> str:
    out = ["WEBVTT", ""]
    for seg in t.segments:
        who = _speaker(t, seg)
        text = html.escape(seg.text.strip(), quote=False)
        if who:
            text = f"<v {html.escape(who, quote=False)}>{text}"
        out += [f"{timestamp(seg.start)} --> {timestamp(seg.end)}", text, ""]
    return "\n".join(out)


def _marked_text(seg: Segment, threshold: float = LOW_WORD) -> str:
    """Segment text with low-confidence words in ==highlight== so a reviewer sees them."""
    if not seg.words:
        return seg.text.strip()
    parts = []
    for w in seg.words:
        word = w.text.strip()
        if not word:
            continue
        parts.append(f"=={word}==" if w.probability < threshold else word)
    return " ".join(parts)


def to_markdown(t: Transcript) -> str:
    title = t.metadata.get("title") or Path(t.source).stem or "Transkription"
    out = [f"# {title}", ""]
    meta = []
    if t.metadata.get("date"):
        meta.append(f"**Datum:** {t.metadata['date']}")
    meta.append(f"**Längd:** {elapsed(t.duration)}")
    if t.speakers:
        names = ", ".join(s.name or s.label for s in t.speakers)
        meta.append(f"**Talare:** {names}")
    out += ["  \n".join(meta), ""]
    low = any(w.probability < LOW_WORD for s in t.segments for w in s.words)
    if low:
        out += ["_Ord markerade med ==…== har låg igenkänningssäkerhet: kontrollera mot ljudet._", ""]
    for seg in t.segments:
        who = _speaker(t, seg)
        head = f"**[{elapsed(seg.start)}] {who}**" if who else f"**[{elapsed(seg.start)}]**"
        flag = " _(överlappande tal)_" if seg.overlap else ""
        out += [f"{head}{flag} {_marked_text(seg)}", ""]
    return "\n".join(out)


def to_rttm(t: Transcript) -> str:
    uri = (Path(t.source).stem or "meeting").replace(" ", "_")
    lines = []
    for seg in t.segments:
        if seg.speaker:
            lines.append(f"SPEAKER {uri} 1 {seg.start:.3f} {seg.duration:.3f} <NA> <NA> {seg.speaker} <NA> <NA>")
    return "\n".join(lines) + ("\n" if lines else "")


WRITERS: dict[str, Callable[[Transcript], str]] = {
    "json": lambda t: t.to_json(),
    "txt": to_txt,
    "srt": to_srt,
    "vtt": to_vtt,
    "md": to_markdown,
    "rttm": to_rttm,
}


def choose_formats(spec: str | Iterable[str], choices: Iterable[str], what: str, none_ok: bool = False) -> list[str]:
    """The formats asked for ("md,docx" or a list), each once, in order; an unknown one, or none when `none_ok`
    is off, is refused in one line naming `what` they are (transkriptformat, protokollformat, …)."""
    items = spec.split(",") if isinstance(spec, str) else list(spec)
    chosen = [f.strip().lower().lstrip(".") for f in items if f.strip()]
    allowed = list(choices)
    unknown = [f for f in chosen if f not in allowed]
    if unknown or not (chosen or none_ok):
        raise BadOption(f"okänt {what} {', '.join(unknown) or '(inget)'}; välj bland {', '.join(allowed)}")
    return list(dict.fromkeys(chosen))


def parse_formats(spec: str | Iterable[str]) -> list[str]:
    return choose_formats(spec, WRITERS, "transkriptformat")


def output_paths(out_dir: Path, stem: str, formats: Iterable[str]) -> dict[str, Path]:
    return {f: Path(out_dir) / f"{stem}.{f}" for f in formats}


def check_outputs_free(paths: Iterable[Path], overwrite: bool) -> None:
    """Refuse before the work starts, not after an hour of transcription."""
    if overwrite:
        return
    taken = [p for p in paths if p.exists()]
    if taken:
        raise OutputExists(f"{taken[0]} finns redan; använd --overwrite för att ersätta den")


def write_transcript(
    t: Transcript, out_dir: Path, stem: str, formats: Iterable[str], overwrite: bool = False
) -> list[Path]:
    paths = output_paths(out_dir, stem, formats)
    check_outputs_free(paths.values(), overwrite)
    return [atomic_write_text(p, WRITERS[f](t)) for f, p in paths.items()]
