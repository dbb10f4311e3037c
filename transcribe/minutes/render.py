"""Minutes as Markdown, Word and JSON, in the layout of the network reports.

Every item is followed by its evidence times ("[00:12:04 Anna]") so a reader
can check it against the recording; flagged items say "⚠ Kontrollera mot ljudet".
The first line says what the document is: an approved "Protokoll" (version, date, approver)
or a "Protokollutkast" with the number of items nobody has reviewed yet. Beskrivning and
Slutsatser are recomputed from the items on every rendering, so they never contradict them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Literal

from transcribe.errors import BadOption, OutputExists
from transcribe.formats import choose_formats
from transcribe.fsutil import atomic_write_bytes, atomic_write_text
from transcribe.minutes.model import Conclusion, Evidence, Item, Minutes, check_reason
from transcribe.minutes.protokoll_review import ReviewedProtokoll, to_review
from transcribe.minutes.summary import refresh, visible
from transcribe.sv.calendar import clock, elapsed, format_date
from transcribe.transcript import Transcript

Lang = Literal["sv", "en"]

HEADINGS: dict[str, dict[str, str]] = {
    "sv": {
        "when": "Datum och tid",
        "place": "Plats",
        "n": "Antal deltagare",
        "participants": "Deltagare",
        "description": "Beskrivning",
        "themes": "Teman",
        "mood": "Stämning och känslor",
        "decisions": "Beslut",
        "actions": "Åtgärder",
        "next": "Nästa möte",
        "open": "Ej beslutat / öppna frågor",
        "conclusions": "Slutsatser och rekommendationer",
        "notes": "Anteckningar om utkastet",
        "next_bullet": "Datum för nästa möte",
        "check": "⚠ Kontrollera mot ljudet",
        "none": "Inga.",
        "raised": "Togs upp {n} gånger, {p} % av taltiden",
        "by": "Lyftes av",
        "what": "Vad",
        "who": "Vem",
        "due": "Senast",
        "unknown": "ej angivet",
        "no_next": "Inget datum bestämdes.",
        "strength": "styrka",
        "about": "kring",
        "final": "Protokoll",
        "draft": "Protokollutkast",
        "version": "version {n}",
        "approved": "godkänt {at} av {name}",
        "not_approved": "ej godkänt",
        "unreviewed": "{n} punkter är ännu inte granskade",
        "unreviewed_1": "1 punkt är ännu inte granskad",
    },
    "en": {
        "when": "Date and time",
        "place": "Place",
        "n": "Number of participants",
        "participants": "Participants",
        "description": "Description",
        "themes": "Themes",
        "mood": "Mood and emotions",
        "decisions": "Decisions",
        "actions": "Action items",
        "next": "Next meeting",
        "open": "Not decided / open questions",
        "conclusions": "Conclusions and recommendations",
        "notes": "Notes on this draft",
        "next_bullet": "Date of next meeting",
        "check": "⚠ Check against the audio",
        "none": "None.",
        "raised": "Raised {n} times, {p} % of speaking time",
        "by": "Raised by",
        "what": "What",
        "who": "Who",
        "due": "Due",
        "unknown": "not set",
        "no_next": "No date was set.",
        "strength": "strength",
        "about": "about",
        "final": "Minutes",
        "draft": "Minutes draft",
        "version": "version {n}",
        "approved": "approved {at} by {name}",
        "not_approved": "not approved",
        "unreviewed": "{n} items have not been reviewed",
        "unreviewed_1": "1 item has not been reviewed",
    },
}


@dataclass(frozen=True)
class Approval:
    """Who approved which version, and when: the rendering then says "Protokoll", not "Protokollutkast"."""

    version: int
    approved_by: str
    approved_at: dt.datetime | dt.date | None = None


def status_line(
    minutes: Minutes, approval: Approval | None, lang: Lang = "sv", protokoll: ReviewedProtokoll | None = None
) -> tuple[str, str]:
    """(what the document is, the rest of the line): "Protokoll", "version 2 · godkänt … av …"; a draft counts what
    nobody has reviewed as the review page does (`to_review`: with a protokoll, its decisions read from an item)."""
    h = _h(lang)
    if approval is not None:
        at = approval.approved_at
        when = at.strftime("%Y-%m-%d") if at is not None else "?"
        return h["final"], (
            f"{h['version'].format(n=approval.version)} · "
            f"{h['approved'].format(at=when, name=approval.approved_by or '?')}"
        )
    n = len(to_review(minutes, protokoll))
    rest = h["not_approved"]
    if n:
        rest += " · " + (h["unreviewed_1"] if n == 1 else h["unreviewed"].format(n=n))
    return h["draft"], rest


def _h(lang: str) -> dict[str, str]:
    if lang not in HEADINGS:
        raise BadOption(f"okänt rubrikspråk {lang!r}; välj sv eller en")
    return HEADINGS[lang]


def evidence_refs(evidence: Iterable[Evidence], limit: int = 3) -> str:
    refs = []
    for e in list(evidence)[:limit]:
        who = e.speaker_name or e.speaker
        refs.append(f"[{elapsed(e.start)} {who}]" if who else f"[{elapsed(e.start)}]")
    return " ".join(refs)


def _flag(item: Item, h: dict[str, str]) -> str:
    if not item.needs_review:
        return ""
    reason = check_reason(item.review_reason)
    return f" {h['check']}" + (f" ({reason})" if reason else "")


def _when_line(m: Minutes) -> str:
    parts = []
    if m.date:
        parts.append(format_date(m.date))
    if m.start_time:
        span = clock(m.start_time)
        if m.end_time:
            span += f"–{clock(m.end_time)}"
        parts.append(span)
    return ", ".join(parts)


def _date_text(value: dt.date | None, text: str | None) -> str:
    if value is not None:
        return format_date(value, weekday=True)
    return text or ""


def sections(minutes: Minutes, lang: Lang = "sv") -> list[tuple[str, list[tuple[str, str]]]]:
    """The document as (heading, [(kind, text)]) with kind 'p' or 'li' — shared by Markdown and Word."""
    h = _h(lang)
    m = refresh(minutes.model_copy(deep=True))
    out: list[tuple[str, list[tuple[str, str]]]] = []
    out.append(
        (
            "",
            [
                ("p", f"{h['when']}: {_when_line(m) or h['unknown']}"),
                ("p", f"{h['place']}: {m.place or h['unknown']}"),
                ("p", f"{h['n']}: {m.n_participants}"),
            ],
        )
    )
    out.append(
        (
            h["participants"],
            [("li", ", ".join(x for x in (p.name or p.label, p.role) if x)) for p in m.participants]
            or [("p", h["none"])],
        )
    )
    out.append((h["description"], [("p", m.description or h["none"])]))
    themes: list[tuple[str, str]] = []
    for t in visible(m.themes):
        themes.append(("h3", t.heading))
        themes.append(("p", t.paragraph))
        stats = h["raised"].format(n=t.mentions, p=round(100 * t.share_of_speaking_time))
        if t.raised_by:
            stats += f". {h['by']} {', '.join(t.raised_by)}"
        themes.append(("em", f"{stats}. {evidence_refs(t.evidence)}{_flag(t, h)}"))
    out.append((h["themes"], themes or [("p", h["none"])]))
    mood = [("p", m.mood.overall or h["none"])]
    for e in visible(m.mood.emotions):
        about = f" {h['about']} {e.theme}" if e.theme else ""
        mood.append(
            (
                "li",
                f"{e.emotion.capitalize()}{about} ({h['strength']} {round(100 * e.strength)} %) "
                f"{evidence_refs(e.evidence)}{_flag(e, h)}",
            )
        )
    out.append((h["mood"], mood))
    decisions = [("li", f"{d.text} {evidence_refs(d.evidence)}{_flag(d, h)}") for d in visible(m.decisions)]
    nm = m.next_meeting if m.next_meeting and m.next_meeting.status != "rejected" else None
    if nm is not None:
        decisions.append(("li", f"{h['next_bullet']}: {nm.text or h['unknown']}."))
    out.append((h["decisions"], decisions or [("p", h["none"])]))
    actions = []
    for a in visible(m.actions):
        due = _date_text(a.due, a.due_text) or h["unknown"]
        if a.due is not None and a.due_text:
            due += f" ({a.due_text})"
        actions.append(
            (
                "li",
                f"{h['what']}: {a.what} — {h['who']}: {a.owner or h['unknown']} — "
                f"{h['due']}: {due} {evidence_refs(a.evidence)}{_flag(a, h)}",
            )
        )
    out.append((h["actions"], actions or [("p", h["none"])]))
    if nm is not None:
        out.append((h["next"], [("p", f"{nm.text or h['unknown']} {evidence_refs(nm.evidence)}{_flag(nm, h)}")]))
    else:
        out.append((h["next"], [("p", h["no_next"])]))
    opens = [("li", f"{o.text} — {o.reason}. {evidence_refs(o.evidence)}{_flag(o, h)}") for o in visible(m.not_decided)]
    out.append((h["open"], opens or [("p", h["none"])]))
    concl = []
    for c in m.conclusions:
        if isinstance(c, Conclusion):
            if c.status != "rejected":
                concl.append(("li", f"{c.text} {evidence_refs(c.evidence, 2)}{_flag(c, h)}"))
        else:
            concl.append(("li", c))
    out.append((h["conclusions"], concl or [("p", h["none"])]))
    if m.notes:
        out.append((h["notes"], [("li", n) for n in m.notes]))
    return out


def render_markdown(
    minutes: Minutes, transcript: Transcript | None = None, lang: Lang = "sv", approval: Approval | None = None
) -> str:
    kind, rest = status_line(minutes, approval, lang)
    lines = [f"# {minutes.title}", "", f"**{kind}** · {rest}", ""]
    for heading, blocks in sections(minutes, lang):
        if heading:
            lines += [f"## {heading}", ""]
        for kind, text in blocks:
            if kind == "li":
                lines.append(f"- {text.strip()}")
                continue
            if lines and lines[-1].startswith("- "):
                lines.append("")
            if kind == "h3":
                lines += [f"### {text}", ""]
            elif kind == "em":
                lines += [f"*{text.strip()}*", ""]
            elif heading == "":
                lines += [f"**{text.split(': ', 1)[0]}:** {text.split(': ', 1)[1]}  "]
            else:
                lines += [text.strip(), ""]
        if lines[-1] != "":
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def docx_bytes(minutes: Minutes, lang: Lang = "sv", approval: Approval | None = None) -> bytes:
    from docx import Document
    from docx.shared import RGBColor

    doc = Document()
    doc.add_heading(minutes.title, level=0)
    kind, rest = status_line(minutes, approval, lang)
    status = doc.add_paragraph()
    status.add_run(kind).bold = True
    status.add_run(f" · {rest}")
    for heading, blocks in sections(minutes, lang):
        if heading:
            doc.add_heading(heading, level=1)
        for kind, text in blocks:
            if kind == "h3":
                doc.add_heading(text, level=2)
            elif kind == "li":
                _para_with_refs(doc.add_paragraph(style="List Bullet"), text, RGBColor)
            elif kind == "em":
                run = doc.add_paragraph().add_run(text)
                run.italic = True
            else:
                doc.add_paragraph(text)
    buf = BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _para_with_refs(par: object, text: str, rgb: type) -> None:
    """Body text, then the evidence references in grey so they do not drown the item."""
    cut = text.find(" [")
    body, refs = (text, "") if cut < 0 else (text[:cut], text[cut:])
    par.add_run(body)
    if refs:
        run = par.add_run(refs)
        run.font.color.rgb = rgb(0x70, 0x70, 0x70)


def render_docx(
    minutes: Minutes, transcript: Transcript | None, path: Path, lang: Lang = "sv", overwrite: bool = True
) -> Path:
    return atomic_write_bytes(Path(path), docx_bytes(minutes, lang), overwrite=overwrite)


FILES = {"md": "minutes.md", "docx": "minutes.docx", "json": "minutes.json"}


def minutes_formats(spec: str | Iterable[str]) -> list[str]:
    """The minutes' formats asked for (md, docx, json), each once; none is allowed (no minutes files)."""
    return choose_formats(spec, FILES, "protokollformat", none_ok=True)


def write_minutes(
    minutes: Minutes,
    transcript: Transcript | None,
    out_dir: Path,
    formats: Iterable[str] = ("md", "docx", "json"),
    overwrite: bool = False,
    lang: Lang = "sv",
) -> list[Path]:
    """Write the chosen formats; refuses (before writing any) if one exists and overwrite is off."""
    fmts = minutes_formats(formats)
    out_dir = Path(out_dir)
    targets = [out_dir / FILES[f] for f in fmts]
    existing = [p for p in targets if p.exists()]
    if existing and not overwrite:
        raise OutputExists(f"{existing[0]} finns redan; använd --overwrite för att ersätta den")
    written = []
    for fmt, path in zip(fmts, targets, strict=True):
        if fmt == "md":
            atomic_write_text(path, render_markdown(minutes, transcript, lang))
        elif fmt == "docx":
            render_docx(minutes, transcript, path, lang)
        else:
            atomic_write_text(path, minutes.to_json() + "\n")
        written.append(path)
    return written
