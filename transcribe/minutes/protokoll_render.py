"""The protokoll as Markdown, Word and JSON.

Word output uses real styles: the title, "§ n Rubrik" as Heading 1 (so Word's
navigation pane lists the paragraphs), decisions as a list with "beslutade att"
in bold, and a justering table to sign. Every decision, action and role keeps
its evidence times and its "Kontrollera mot ljudet" flag.
"""

from __future__ import annotations

from collections.abc import Iterable
from io import BytesIO
from pathlib import Path
from typing import Any

from transcribe.errors import OutputExists
from transcribe.formats import choose_formats
from transcribe.fsutil import atomic_write_bytes, atomic_write_text
from transcribe.minutes.model import Item, Minutes, check_reason
from transcribe.minutes.protokoll import Paragraph, Protokoll
from transcribe.minutes.render import Lang, evidence_refs, write_minutes
from transcribe.sv.calendar import clock, format_date
from transcribe.sv.text import capitalise
from transcribe.transcript import Transcript

CHECK = "⚠ Kontrollera mot ljudet"
FILES = {"md": "minutes.md", "docx": "minutes.docx", "json": "protokoll.json"}
Status = tuple[str, str]  # what the document is ("Protokoll", "Protokollutkast") and the rest of the line


def _flag(item: Item | object) -> str:
    if not getattr(item, "needs_review", False):
        return ""
    reason = check_reason(getattr(item, "review_reason", None))
    return f" {CHECK}" + (f" ({reason})" if reason else "")


# Talk outside every item (before the opening, after the closing, a break): not "Övrigt", which beside the
# agenda's own "Övriga frågor" or "Övrigt" would read as that item.
OUTSIDE = "Utanför dagordningen"


def heading(par: Paragraph) -> str:
    if par.status == "övrigt":
        return OUTSIDE
    return f"§ {par.number} {par.title}" if par.number else par.title


def _when(p: Protokoll) -> str:
    """The date and the meeting's time: "kl. 19.00–19.42" when the time of day is known, else where in the
    recording it was opened and closed ("00:00:09–00:41:51 in i inspelningen"), never that as a clock time."""
    when = format_date(p.date) if p.date else "ej angivet"
    opened, closed = p.opened_at, p.closed_at
    if opened and opened.count(":") == 2:  # a position in the recording (calendar.elapsed)
        return f"{when} ({opened}{'–' + closed if closed else ''} in i inspelningen)"
    if opened and closed:
        return f"{when}, kl. {opened}–{closed}"
    if p.start_time:
        return f"{when}, kl. {clock(p.start_time)}"
    return when


def _present(p: Protokoll) -> list[str]:
    """Those who spoke, and after them those elected to a role who never spoke (a justerare who only nodded): the
    protokoll names them among the present, as it does under its roles. Not while a speaker is still unnamed
    ("SPEAKER_02" may be the one elected), nor a first name that begins a present one's name."""
    present = list(p.present)
    if any(entry.startswith("SPEAKER_") for entry in present):
        return present
    for name in dict.fromkeys(r.name for r in p.roles if r.name):
        if not any(entry == name or entry.startswith((f"{name} ", f"{name},")) for entry in present):
            present.append(name)
    return present


def _head_lines(p: Protokoll) -> list[tuple[str, str]]:
    lines = [("Datum och tid", _when(p)), ("Plats", p.place or "ej angivet")]
    lines.append(("Närvarande", ", ".join(_present(p)) or "ej angivet"))
    for role, label in (("ordförande", "Ordförande"), ("sekreterare", "Sekreterare"), ("justerare", "Justerare")):
        names = [f"{r.name}{_flag(r)}" for r in p.roles if r.role == role]  # a doubtful name says so
        lines.append((label, ", ".join(names) if names else "ej vald i inspelningen"))
    if p.alignment.by_time:  # the recording's words were unrecognisable: the § boundaries are a guess
        lines.append(("Obs", "Paragraferna är placerade efter dagordningens ordning och tid. Kontrollera mot ljudet."))
    return lines


def paragraph_blocks(par: Paragraph) -> list[tuple[str, str]]:
    """(kind, text) with kind 'p', 'decision', 'li' or 'em' — shared by Markdown and Word."""
    out: list[tuple[str, str]] = []
    if par.status == "bordlagd" and not par.summary.startswith("Bordlagd"):  # discussed, then tabled
        out.append(("p", "Bordlagd."))
    if par.summary:
        out.append(("p", par.summary))
    for d in par.decisions:
        out.append(("decision", f"{d.text} {evidence_refs(d.evidence)}{_flag(d)}".strip()))
    for a in par.actions:
        who = a.owner or "ej angivet"
        due = format_date(a.due) if a.due else (a.due_text or "ej angivet")
        out.append(("li", f"Åtgärd: {a.what} — ansvarig: {who} — senast: {due} {evidence_refs(a.evidence)}{_flag(a)}"))
    for o in par.open_items:
        out.append(("li", f"Ej beslutat: {o.text} — {o.reason}. {evidence_refs(o.evidence)}{_flag(o)}"))
    if par.evidence and par.status in ("behandlad", "bordlagd"):
        out.append(("em", f"Punkten började {evidence_refs(par.evidence, 1)}"))
    return out


# The titles a meeting has when nobody named it: "Protokoll – Mötesprotokoll" would say nothing twice.
UNNAMED = frozenset({"Protokoll", "Mötesprotokoll"})


def _title(p: Protokoll, status: Status | None) -> str:
    """The document's heading: a draft says so (Protokollutkast – …), an approved one is the Protokoll."""
    kind = status[0] if status is not None else "Protokoll"
    return f"{kind} – {p.title}" if p.title and p.title not in UNNAMED else kind


def render_protokoll_markdown(p: Protokoll, status: Status | None = None) -> str:
    """The protokoll as Markdown; `status` (from `render.status_line`) adds the draft/approved line."""
    lines = [f"# {_title(p, status)}", ""]
    if status is not None:
        lines += [f"**{status[0]}** · {status[1]}", ""]
    for label, value in _head_lines(p):
        lines.append(f"**{label}:** {value}  ")
    lines.append("")
    for par in [*p.paragraphs, *([p.other] if p.other else [])]:
        lines += [f"{'###' if par.level else '##'} {heading(par)}", ""]
        for kind, text in paragraph_blocks(par):
            if kind == "decision":
                lines.append(f"- **Beslut:** {text}")
            elif kind == "li":
                lines.append(f"- {text}")
            elif kind == "em":
                lines += ["", f"*{text}*"]
            else:
                lines += [text, ""]
        lines.append("")
    if p.next_meeting is not None:
        refs = f"{evidence_refs(p.next_meeting.evidence)}{_flag(p.next_meeting)}"
        lines += ["## Nästa möte", "", f"{_next(p)} {refs}".strip(), ""]
    lines += ["## Justering", "", "| | |", "|---|---|"]
    for s in p.signatures:
        lines.append(
            f"| {s.label}<br><br>\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_ | {s.name or '…………'}, {s.role} |"
        )
    return "\n".join(ln for ln in _squeeze(lines)).rstrip() + "\n"


def _next(p: Protokoll) -> str:
    """The next meeting as a sentence of its own: "Tisdag 20 juni 2028 kl. 09.30", not "tisdag …"."""
    return capitalise(p.next_meeting.text) if p.next_meeting is not None else ""


def _squeeze(lines: list[str]) -> Iterable[str]:
    blank = False
    for ln in lines:
        if ln == "" and blank:
            continue
        blank = ln == ""
        yield ln


def protokoll_docx_bytes(p: Protokoll, status: Status | None = None) -> bytes:
    """The protokoll as Word; `status` (from `render.status_line`) adds the draft/approved line."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    doc = Document()
    doc.core_properties.title = _title(p, status)
    doc.core_properties.language = "sv-SE"
    doc.add_heading(_title(p, status), level=0)
    if status is not None:
        line = doc.add_paragraph()
        line.add_run(status[0]).bold = True
        line.add_run(f" · {status[1]}")
    table = doc.add_table(rows=0, cols=2)
    for label, value in _head_lines(p):
        row = table.add_row().cells
        row[0].paragraphs[0].add_run(label).bold = True
        row[1].text = value
    grey = RGBColor(0x70, 0x70, 0x70)
    for par in [*p.paragraphs, *([p.other] if p.other else [])]:
        doc.add_heading(heading(par), level=2 if par.level else 1)
        for kind, text in paragraph_blocks(par):
            cut = text.find(" [")
            body, refs = (text, "") if cut < 0 else (text[:cut], text[cut:])
            if kind == "decision":
                para = doc.add_paragraph(style="List Bullet")
                para.add_run("Beslut: ").bold = True
                para.add_run(body)
            elif kind == "li":
                para = doc.add_paragraph(style="List Bullet")
                para.add_run(body)
            elif kind == "em":
                para = doc.add_paragraph()
                run = para.add_run(text)
                run.italic = True
                run.font.size = Pt(9)
                run.font.color.rgb = grey
                continue
            else:
                para = doc.add_paragraph(text)
                continue
            if refs:
                run = para.add_run(refs)
                run.font.color.rgb = grey
    if p.next_meeting is not None:
        doc.add_heading("Nästa möte", level=1)
        para = doc.add_paragraph(_next(p))
        refs = f" {evidence_refs(p.next_meeting.evidence)}{_flag(p.next_meeting)}".rstrip()
        if refs:
            para.add_run(refs).font.color.rgb = grey
    doc.add_heading("Justering", level=1)
    sig = doc.add_table(rows=0, cols=len(p.signatures) or 1)
    labels, lines, names = sig.add_row().cells, sig.add_row().cells, sig.add_row().cells
    for i, s in enumerate(p.signatures):
        labels[i].paragraphs[0].add_run(s.label).bold = True
        lines[i].paragraphs[0].add_run("\n\n____________________")
        names[i].text = f"{s.name or '…………'}, {s.role}"
        names[i].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.LEFT
    _footer(doc, len(p.signatures) - 1)
    buf = BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _footer(doc: Any, signers: int) -> None:
    """Every page as Swedish protokoll practice has it: a line for each one who signs it as justerat (the
    ordförande and the justerare) to initial, and "Sida 2 av 5" (Word fills the numbers in)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH  # with python-docx, which loads only for Word output
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    footer = doc.sections[0].footer
    footer.paragraphs[0].text = "Justerandes signatur: " + "   ".join(["__________"] * max(signers, 1))
    pages = footer.add_paragraph("Sida ")
    pages.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for code, after in (("PAGE", " av "), ("NUMPAGES", "")):
        simple, run, text = OxmlElement("w:fldSimple"), OxmlElement("w:r"), OxmlElement("w:t")
        simple.set(qn("w:instr"), code)
        text.text = "1"  # shown until Word updates the field
        run.append(text)
        simple.append(run)
        pages._p.append(simple)
        if after:
            pages.add_run(after)


def write_protokoll(
    protokoll: Protokoll,
    minutes: Minutes,
    transcript: Transcript | None,
    out_dir: Path,
    formats: Iterable[str] = ("md", "docx", "json"),
    overwrite: bool = False,
) -> list[Path]:
    """minutes.md/.docx in the protokoll layout; json writes both minutes.json (the editable draft) and
    protokoll.json (the § structure). Refuses before writing anything if a target exists."""
    fmts = choose_formats(formats, FILES, "protokollformat", none_ok=True)
    out_dir = Path(out_dir)
    targets = [out_dir / FILES[f] for f in fmts] + ([out_dir / "minutes.json"] if "json" in fmts else [])
    existing = [t for t in targets if t.exists()]
    if existing and not overwrite:
        raise OutputExists(f"{existing[0]} finns redan; använd --overwrite för att ersätta den")
    written = []
    for fmt in fmts:
        path = out_dir / FILES[fmt]
        if fmt == "md":
            atomic_write_text(path, render_protokoll_markdown(protokoll))
        elif fmt == "docx":
            atomic_write_bytes(path, protokoll_docx_bytes(protokoll))
        else:
            written.append(atomic_write_text(out_dir / "minutes.json", minutes.to_json() + "\n"))
            atomic_write_text(path, protokoll.to_json() + "\n")
        written.append(path)
    return written


def planned_files(out_dir: Path, formats: Iterable[str], protokoll: bool) -> list[Path]:
    """Every file the minutes step will write, for the overwrite check before any work."""
    fmts = list(formats)
    files = [Path(out_dir) / f"minutes.{f}" for f in fmts]
    return files + ([Path(out_dir) / FILES["json"]] if protokoll and "json" in fmts else [])


def write_styled(
    minutes: Minutes,
    protokoll: Protokoll | None,
    transcript: Transcript | None,
    out_dir: Path,
    formats: Iterable[str] = ("md", "docx", "json"),
    overwrite: bool = False,
    lang: Lang = "sv",
) -> list[Path]:
    """The protokoll layout when there is a protokoll, else the report layout."""
    if protokoll is None:
        return write_minutes(minutes, transcript, out_dir, formats, overwrite=overwrite, lang=lang)
    return write_protokoll(protokoll, minutes, transcript, out_dir, formats, overwrite=overwrite)
