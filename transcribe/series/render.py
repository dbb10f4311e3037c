"""The period report as Markdown, DOCX and JSON, in the layout of the yearly network report.

Markdown and DOCX are rendered from the same list of blocks, so the two never
disagree about what the report says.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from transcribe.errors import OutputExists
from transcribe.formats import choose_formats
from transcribe.fsutil import atomic_write_bytes, atomic_write_text
from transcribe.series.model import SeriesReport
from transcribe.sv.calendar import clock, format_date

FORMATS = ("md", "docx", "json")
STEM = "periodrapport"


@dataclass
class Block:
    kind: str  # title | heading | subheading | para | label | bullets | table
    text: str = ""
    items: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)  # first row is the header


def parse_formats(spec: str) -> list[str]:
    return choose_formats(spec, FORMATS, "rapportformat")


def _when(m) -> str:  # noqa: ANN001 - MeetingBlock
    text = format_date(m.date) if m.date else "datum saknas"
    if m.start_time:
        text += f", {clock(m.start_time)}"
        if m.end_time:
            text += f"–{clock(m.end_time)}"
    return text


def blocks(r: SeriesReport) -> list[Block]:
    out = [Block("title", r.title)]
    period = "okänd (mötena saknar datum)"
    if r.period_start:
        period = f"{format_date(r.period_start)} – {format_date(r.period_end)}"
    out.append(Block("para", f"Period: {period}"))
    out += [Block("heading", "Översikt"),
            Block("para", r.overview or "(Ingen beskrivning angiven: lägg till med --description.)"),
            Block("para", f"Rapporten bygger på {len(r.meetings)} möten. Utkast framtaget automatiskt ur "
                          "mötenas protokoll och transkriptioner; granska innan den skickas.")]  # fmt: skip
    out += [Block("heading", "Syfte och mål"),
            Block("para", r.purpose or "(Inget syfte angivet: lägg till med --purpose.)")]  # fmt: skip

    out.append(Block("heading", "Nätverk och medlemmar"))
    out.append(Block("para", f"Nätverket har {len(r.members)} medlemmar som deltagit i minst ett av mötena:"))
    out.append(Block("bullets", items=[f"{m.name} – {m.role}" if m.role else m.name for m in r.members]))
    out.append(Block("label", "Deltagande per möte"))
    header = ["Deltagare"] + [f"Möte {m.number}" for m in r.meetings]
    rows = [[mem.name] + ["X" if m.number in mem.attended else "–" for m in r.meetings] for mem in r.members]
    rows.append(["Antal"] + [str(m.n_participants) for m in r.meetings])
    out.append(Block("table", rows=[header, *rows]))
    out.append(Block("bullets", items=[f"Möte {m.number}: {format_date(m.date) or 'datum saknas'} – {m.title}"
                                       for m in r.meetings]))  # fmt: skip

    for m in r.meetings:
        out.append(Block("heading", f"Möte {m.number}"))
        out.append(Block("para", m.title))
        out.append(Block("para", f"Datum och tid: {_when(m)}"))
        out.append(Block("para", f"Antal deltagare: {m.n_participants}"))
        out.append(Block("label", "Beskrivning"))
        out.append(Block("para", m.description or "(Ingen beskrivning i protokollet.)"))
        out.append(Block("label", "Beslut"))
        items = list(m.decisions) or ["Inga beslut protokollförda."]
        items.append(f"Datum för nästa möte: {m.next_meeting or 'inte bestämt'}")
        out.append(Block("bullets", items=items))
        if m.minutes_source != "approved":
            src = "protokollutkastet"
            if m.minutes_source == "generated":
                src = "ett automatiskt utkast (inget protokoll fanns)"
            out.append(Block("para", f"(Bygger på {src}, inte på ett godkänt protokoll.)"))

    out.append(Block("heading", "Beslutslogg"))
    out.append(Block("para", "Status: beslutat – " + r.rules.get("beslutat", "") + " Följt upp – "
                     + r.rules.get("följt upp", "") + " Öppet – " + r.rules.get("öppet", "")))  # fmt: skip
    log = sorted(r.decision_log, key=lambda d: (d.meeting, d.kind != "beslut"))
    out.append(Block("table", rows=[["Möte", "Datum", "Beslut / fråga", "Status", "Kommentar"]] + [
        [str(d.meeting), format_date(d.date), d.text, d.status, d.status_reason] for d in log
    ] if log else [["Beslut / fråga"], ["Inga beslut eller öppna frågor i protokollen."]]))  # fmt: skip

    out.append(Block("heading", "Öppna åtgärder"))
    out.append(Block("para", r.rules.get("åtgärder", "")))
    open_items = [a for a in r.actions if a.open]
    out.append(Block("bullets", items=[
        f"{a.what} – {a.owner or 'ansvarig saknas'}"
        f"{', senast ' + format_date(a.due) if a.due else ''} (möte {a.meeting}; {a.status}: {a.reason})"
        for a in open_items
    ] or ["Inga öppna åtgärder."]))  # fmt: skip
    done = [a for a in r.actions if not a.open]
    if done:
        out.append(Block("label", "Återrapporterade som klara"))
        out.append(Block("bullets", items=[f"{a.what} – {a.owner or 'ansvarig saknas'} ({a.reason})" for a in done]))

    out.append(Block("heading", "Återkommande teman"))
    out.append(Block("para", r.rules.get("teman", "")))
    recurring = [t for t in r.themes if len(t.meetings) >= 2]
    if recurring:
        out.append(Block("table", rows=[["Tema", "Möten", "Antal möten", "Andel av taltiden", "Nyckelord"]] + [
            [t.label, ", ".join(map(str, t.meetings)), str(len(t.meetings)),
             f"{t.share_of_speaking_time * 100:.0f} %", ", ".join(t.keywords)] for t in recurring
        ]))  # fmt: skip
    else:
        out.append(Block("para", "Inget tema återkom i mer än ett möte."))
    single = [t for t in r.themes if len(t.meetings) < 2]
    if single:
        out.append(Block("label", "Teman i enstaka möten"))
        out.append(Block("bullets", items=[f"{t.label} (möte {t.meetings[0]}, {t.share_of_speaking_time * 100:.0f} %)"
                                           for t in single]))  # fmt: skip

    out.append(Block("heading", "Stämningen över tid"))
    out.append(Block("bullets", items=[
        f"Möte {p.meeting} ({format_date(p.date) or 'datum saknas'}): {p.overall or 'ingen bedömning'}" for p in r.mood
    ]))  # fmt: skip
    if r.mood_trend:
        out.append(Block("para", r.mood_trend))

    out.append(Block("heading", "Slutsatser och rekommendationer"))
    out.append(Block("para", "Utkast byggt på återkommande teman, öppna frågor och åtgärder och stämningen: "
                             "skriv om med egna ord."))  # fmt: skip
    out.append(Block("bullets", items=r.conclusions or ["(Inga slutsatser kunde dras automatiskt.)"]))
    return out


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(r: SeriesReport) -> str:
    lines: list[str] = []
    for b in blocks(r):
        if b.kind == "title":
            lines += [f"# {b.text}", ""]
        elif b.kind == "heading":
            lines += [f"## {b.text}", ""]
        elif b.kind == "label":
            lines += [f"**{b.text}**", ""]
        elif b.kind == "para":
            lines += [b.text, ""]
        elif b.kind == "bullets":
            lines += [f"- {i}" for i in b.items] + [""]
        elif b.kind == "table":
            head, *rows = b.rows
            lines.append("| " + " | ".join(_md_cell(c) for c in head) + " |")
            lines.append("|" + "---|" * len(head))
            lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def docx_bytes(r: SeriesReport) -> bytes:
    from docx import Document

    doc = Document()
    for b in blocks(r):
        if b.kind == "title":
            doc.add_heading(b.text, level=0)
        elif b.kind == "heading":
            doc.add_heading(b.text, level=1)
        elif b.kind == "label":
            doc.add_paragraph().add_run(b.text).bold = True
        elif b.kind == "para":
            doc.add_paragraph(b.text)
        elif b.kind == "bullets":
            for item in b.items:
                doc.add_paragraph(item, style="List Bullet")
        elif b.kind == "table":
            table = doc.add_table(rows=len(b.rows), cols=len(b.rows[0]))
            table.style = "Table Grid"
            for i, row in enumerate(b.rows):
                for j, cell in enumerate(row):
                    table.cell(i, j).text = cell
                    if i == 0:
                        for run in table.cell(i, j).paragraphs[0].runs:
                            run.bold = True
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def write_report(r: SeriesReport, out_dir: Path, formats: list[str], overwrite: bool = False) -> list[Path]:
    """Check every output is free before writing any, then write each atomically."""
    paths = {f: Path(out_dir) / f"{STEM}.{f}" for f in formats}
    taken = [str(p) for p in paths.values() if p.exists()]
    if taken and not overwrite:
        raise OutputExists(f"{', '.join(taken)} finns redan; använd --overwrite för att ersätta")
    written = []
    for fmt, path in paths.items():
        if fmt == "md":
            atomic_write_text(path, to_markdown(r))
        elif fmt == "json":
            atomic_write_text(path, r.to_json() + "\n")
        else:
            atomic_write_bytes(path, docx_bytes(r))
        written.append(path)
    return written
