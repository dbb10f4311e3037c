"""`transcribe series …` and `transcribe ask …`: work across the meetings of a series.

Each command imports what it needs when it runs: every `transcribe` call registers these
commands, and `transcribe --help` should not load the minutes engine.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from transcribe.errors import BadOption, InputNotFound
from transcribe.fsutil import check_writable_dir
from transcribe.meeting import counting_minutes
from transcribe.series import store
from transcribe.series.ask import ask, to_markdown
from transcribe.series.embed import load_embedder
from transcribe.series.meeting import load_meeting, sort_meetings
from transcribe.series.relabel import make_relabeler
from transcribe.series.render import parse_formats, write_report
from transcribe.series.report import build_report

series_app = typer.Typer(help="Mötesserier: samla möten och skriv en periodrapport.", no_args_is_help=True)
out = Console()
err = Console(stderr=True)
SeriesName = Annotated[str, typer.Argument(help="Seriens namn (se transcribe series list)")]


@series_app.command("create")
def create_cmd(
    name: Annotated[str, typer.Argument(help="Seriens namn (a-z, 0-9, bindestreck), t.ex. natverk-skelleftea")],
    description: Annotated[str, typer.Option(help="Översikt: vad nätverket/serien är")] = "",
    purpose: Annotated[str, typer.Option(help="Syfte och mål")] = "",
) -> None:
    """Skapa en mötesserie."""
    series = store.create(name, description=description, purpose=purpose)
    out.print(f"Serien {series.name} skapad: {store.series_path(series.name)}")


@series_app.command("add")
def add_cmd(
    name: SeriesName,
    dirs: Annotated[list[Path], typer.Argument(help="Mötesmappar (med transcript.json) eller möte-id i datakatalogen")],
) -> None:
    """Lägg till möten i en serie."""
    series, added = store.add(name, list(dirs))
    for path in added:
        out.print(f"+ {path}")
    n, fresh = len(series.meetings), len(added)  # "1 möte (1 nytt)", "2 möten (inga nya)"
    meetings, new = "möte" if n == 1 else "möten", "nytt" if fresh == 1 else "nya"
    out.print(f"{series.name}: {n} {meetings} ({fresh or 'inga'} {new})")


@series_app.command("list")
def list_cmd(as_json: Annotated[bool, typer.Option("--json", help="Skriv ut som JSON (för skript)")] = False) -> None:
    """Visa alla serier."""
    items = store.list_all()
    if as_json:
        out.print_json(json.dumps([s.model_dump(mode="json") for s in items]))
        return
    if not items:
        out.print("Inga serier ännu: transcribe series create NAMN")
        return
    table = Table("namn", "möten", "beskrivning")
    for s in items:
        table.add_row(s.name, str(len(s.meetings)), s.description[:60])
    out.print(table)


@series_app.command("show")
def show_cmd(
    name: SeriesName,
    as_json: Annotated[bool, typer.Option("--json", help="Skriv ut som JSON (för skript)")] = False,
) -> None:
    """Visa en serie och dess möten."""
    series = store.load(name)
    if as_json:
        out.print_json(series.model_dump_json())
        return
    out.print(f"[bold]{series.name}[/]  skapad {series.created:%Y-%m-%d}")
    if series.description:
        out.print(f"Översikt: {series.description}")
    if series.purpose:
        out.print(f"Syfte: {series.purpose}")
    rows = []
    for m in series.meetings:
        path = Path(m.path)
        try:
            rec = load_meeting(path, with_minutes=False)
            date, title = str(rec.date or "–"), rec.title
        except (InputNotFound, BadOption) as exc:
            date, title = "–", f"[red]{escape(exc.message)}[/]"
        found = counting_minutes(path)
        minutes = "saknas" if found is None else {"approved": "godkänt", "draft": "utkast"}[found[1]]
        rows.append((date, title, minutes, str(path)))
    table = Table("#", "datum", "rubrik", "protokoll", "mapp")
    for i, row in enumerate(sorted(rows, key=lambda r: (r[0] == "–", r[0])), start=1):  # the report's order
        table.add_row(str(i), *row)
    out.print(table)


@series_app.command("report")
def report_cmd(
    name: SeriesName,
    out_dir: Annotated[Path | None, typer.Option("--out", "-o", help="Katalog för rapporten")] = None,
    fmt: Annotated[str, typer.Option("--format", help="md, docx, json")] = "md,docx,json",
    overwrite: Annotated[bool, typer.Option(help="Skriv över befintlig rapport")] = False,
) -> None:
    """Skriv periodrapporten (årsrapportens upplägg) för en serie."""
    series = store.load(name)
    formats = parse_formats(fmt)
    if not series.meetings:
        raise BadOption(f"serien {name!r} har inga möten än: transcribe series add {name} MAPP …")
    out_dir = out_dir or Path.cwd() / f"periodrapport-{name}"
    check_writable_dir(out_dir)
    records = [load_meeting(m.path) for m in series.meetings]
    report = build_report(series, records)
    for path in write_report(report, out_dir, formats, overwrite=overwrite):
        out.print(str(path))


def ask_cmd(
    target: Annotated[str, typer.Argument(help="En serie (namn) eller en mötesmapp")],
    question: Annotated[str, typer.Argument(help='Frågan, t.ex. "Vem kan leda arbetet?"')],
    top: Annotated[int, typer.Option("--top", help="Visa så många svarsgrupper; resten räknas som övriga svar")] = 5,
    fmt: Annotated[str, typer.Option("--format", help="md eller json")] = "md",
    model: Annotated[Path | None, typer.Option("--model", help="Lokal LLM som bara får döpa om grupperna")] = None,
    embeddings: Annotated[bool, typer.Option(help="Använd en lokal inbäddningsmodell om en finns")] = True,
) -> None:
    """Hitta inläggen som svarar på en fråga och räkna svaren per grupp."""
    if fmt not in ("md", "json"):
        raise BadOption(f"okänt format {fmt!r}; välj md eller json")
    if top < 1:
        raise BadOption("--top måste vara minst 1")
    if not question.strip():
        raise BadOption("frågan är tom")
    path = Path(target).expanduser()
    if path.is_dir():
        records, scope = [load_meeting(path, with_minutes=False)], str(path)
    elif store.exists(target):
        series = store.load(target)
        if not series.meetings:
            raise BadOption(f"serien {target!r} har inga möten än")
        records = sort_meetings([load_meeting(m.path, with_minutes=False) for m in series.meetings])
        scope = f"serien {series.name}"
    else:
        raise InputNotFound(f"{target}: varken en mötesmapp eller en serie (se: transcribe series list)")
    embedder, emb_name = (None, "")
    if embeddings:
        embedder, emb_name = load_embedder()
    relabeler, rel_name = (None, "")
    if model is not None:
        relabeler, rel_name = make_relabeler(model)
    result = ask(question, records, scope=scope, top=top, embedder=embedder, embedder_name=emb_name,
                 relabeler=relabeler, relabeler_name=rel_name)  # fmt: skip
    if fmt == "json":
        print(result.model_dump_json(indent=2))
    else:
        print(to_markdown(result), end="")


def register(app: typer.Typer) -> None:
    app.add_typer(series_app, name="series")
    app.command("ask")(ask_cmd)
