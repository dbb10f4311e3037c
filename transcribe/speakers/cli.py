"""`transcribe speakers …`: the voice-profile directory, changed only by explicit commands."""

from __future__ import annotations

import getpass
import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from transcribe.errors import BadOption, InputNotFound
from transcribe.speakers.profiles import (
    Profile,
    ProfileDirectory,
    enroll_audio,
    enroll_meeting,
    forget,
    seconds_sv,
    speech_needed,
    weak,
    weak_profile_line,
)

speakers_app = typer.Typer(help="Röstprofiler: känn igen återkommande talare.", no_args_is_help=True)
out = Console()


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "cli"


def enrolled_line(profile: Profile) -> str:
    """What enrolling says: the samples and seconds now behind the profile, and whether that is too little."""
    line = f"{profile.name}: {profile.n_samples} prov ({seconds_sv(profile.seconds)} s tal)"
    if weak(profile):
        line += "\n  " + weak_profile_line(profile)
    return line


def strength(profile: Profile) -> str:
    """The list's column on whether the profile names: "namnger", or weak and how much speech it lacks."""
    return f"svag: {seconds_sv(speech_needed(profile))} s till" if weak(profile) else "namnger"


def listed(profile: Profile) -> dict:
    """A profile as `speakers list --json` gives it: no voice prints, whether it is weak and what it lacks."""
    shown = profile.model_dump(mode="json", exclude={"embeddings", "variants"})
    return shown | {"weak": weak(profile), "speech_needed_s": speech_needed(profile)}


UserOpt = Annotated[str | None, typer.Option("--user", help="Vem som gör ändringen (till granskningsloggen)")]


@speakers_app.command("list")
def list_cmd(
    as_json: Annotated[bool, typer.Option("--json", help="Skriv ut som JSON (för skript)")] = False,
) -> None:
    """Visa röstprofilerna (namn, antal prov, tal i sekunder, om profilen är svag)."""
    directory = ProfileDirectory()
    profiles = directory.list()
    if as_json:
        out.print_json(json.dumps([listed(p) for p in profiles]))
        return
    if not profiles:
        out.print("Inga röstprofiler ännu: transcribe speakers enroll NAMN LJUDFIL")
        return
    table = Table("namn", "prov", "sekunder tal", "status", "kodare", "uppdaterad", "källor")
    for p in profiles:
        table.add_row(p.name, str(p.n_samples), seconds_sv(p.seconds), strength(p), p.encoder,
                      f"{p.updated:%Y-%m-%d}", ", ".join(p.sources[-3:]))  # fmt: skip
    out.print(table)
    weak_ones = [p.name for p in profiles if weak(p)]
    if weak_ones:
        said = "för lite tal för att namnge säkert; föreslår, namnger bara vid mycket tydlig likhet"
        out.print(f"Svaga ({said}): {', '.join(weak_ones)}", soft_wrap=True)
    out.print(f"[dim]{directory.root}[/]")


@speakers_app.command("enroll")
def enroll_cmd(
    name: Annotated[str, typer.Argument(help='Personens namn, t.ex. "Johan Nilsson"')],
    audio: Annotated[Path, typer.Argument(help="Inspelning där bara den personen talar (eller ange --start/--end)")],
    start: Annotated[float | None, typer.Option("--start", help="Från sekund")] = None,
    end: Annotated[float | None, typer.Option("--end", help="Till sekund")] = None,
    user: UserOpt = None,
) -> None:
    """Lägg till en persons röst från en ljudfil (bara röstavtryck sparas, aldrig ljud)."""
    if (start is not None and start < 0) or (end is not None and end <= 0):
        raise BadOption("--start och --end måste vara sekunder större än noll (--start får vara 0)")
    profile = enroll_audio(ProfileDirectory(), name, audio, start, end, user=user or _user())
    out.print(enrolled_line(profile), soft_wrap=True)


@speakers_app.command("enroll-meeting")
def enroll_meeting_cmd(
    meeting_dir: Annotated[Path, typer.Argument(help="Granskad mötesmapp med transcript.json där talarna har namn")],
    audio: Annotated[Path | None, typer.Option("--audio", help="Inspelningen, om den inte ligger i mappen")] = None,
    user: UserOpt = None,
) -> None:
    """Lägg till rösterna för alla talare som en person har namngett i ett granskat möte."""
    if not meeting_dir.is_dir():
        raise BadOption(f"{meeting_dir} är ingen mötesmapp; ange mappen med mötets transcript.json")
    done = enroll_meeting(ProfileDirectory(), meeting_dir, audio, user=user or _user())
    if not done:
        out.print("Ingen namngiven talare hade tal nog för en röstprofil.")
    for profile in done.values():
        out.print(enrolled_line(profile), soft_wrap=True)


@speakers_app.command("forget")
def forget_cmd(
    name: Annotated[str, typer.Argument(help="Personens namn")],
    user: UserOpt = None,
) -> None:
    """Radera alla röstavtryck för en person (rätten att bli glömd)."""
    gone = forget(ProfileDirectory(), name, user=user or _user())
    if gone is None:
        raise InputNotFound(f"ingen röstprofil heter {name!r}; se namnen med: transcribe speakers list")
    out.print(f"{gone.name}: {gone.n_samples} prov raderade")


def register(app: typer.Typer) -> None:
    app.add_typer(speakers_app, name="speakers")
