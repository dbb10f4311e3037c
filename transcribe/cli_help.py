"""The framing of `--help` in Swedish: usage line, panel titles, defaults, value types and the help flag.

The command and option texts are Swedish already; what typer and its vendored click add around
them ("Usage:", "Options", "[default: …]", "Show this message and exit.", the value type "<path>")
is English and has no gettext catalogue (the vendored click writes it literally, typer resolves its
`_()` at import). So the titles typer reads from its `rich_utils` module are set once, and every
command is built from the two classes below, which write the usage line and the help flag in
Swedish and give each parameter the value type in Swedish (a flag takes no value and shows none).
"""

from __future__ import annotations

from typing import Any

import typer
from typer import rich_utils
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption
from typer.models import DefaultPlaceholder

from transcribe import cli_usage

USAGE = "Användning: "
OPTIONS_METAVAR = "[FLAGGOR]"
SUBCOMMAND_METAVAR = "KOMMANDO [ARGUMENT]..."
HELP_OPTION = "Visa den här hjälpen och avsluta."
# typer.rich_utils reads these module constants each time it renders help or an error.
FRAMING = {
    "ARGUMENTS_PANEL_TITLE": "Argument",
    "OPTIONS_PANEL_TITLE": "Flaggor",
    "COMMANDS_PANEL_TITLE": "Kommandon",
    "ERRORS_PANEL_TITLE": "Fel",
    "DEFAULT_STRING": "[standard: {}]",
    "REQUIRED_LONG_STRING": "[krävs]",
    "ENVVAR_STRING": "[miljövariabel: {}]",
    "DEPRECATED_STRING": "(utgått) ",
    "ABORTED_TEXT": "Avbrutet.",
    "RICH_HELP": "Skriv [blue]'{command_path} {help_option}'[/] för hjälp.",
}

# The value types typer shows beside a parameter ("<path>"), in Swedish; another type is shown as typer names it.
TYPES = {
    "<path>": "<sökväg>",
    "<str>": "<värde>",
    "<int>": "<heltal>",
    "<float>": "<tal>",
    "<list[Path]>": "<sökvägar>",
    "<list[str]>": "<ord>",
}


# The arguments' names, as the usage line, the help and a usage error show them ("argumentet 'inspelning'
# saknas"); typer shows the Python parameter's name otherwise ("meeting", "job_id").
ARGUMENT_NAMES = {
    "meeting": "inspelning",
    "transcript_json": "transkription",
    "target": "serie-eller-mapp",
    "question": "fråga",
    "command": "kommando",
    "name": "namn",
    "path": "sökväg",
    "file": "fil",
    "role": "roll",
    "job_id": "jobb-id",
    "source": "inspelning",
    "dirs": "mötesmappar",
    "audio": "inspelning",
    "meeting_dir": "mötesmapp",
}


# What a free-text option's value is, where the option's name alone does not say it ("--title <rubrik>").
VALUES = {
    "title": "<rubrik>",
    "meeting_date": "<ÅÅÅÅ-MM-DD>",
    "fmt": "<format>",
    "minutes_format": "<format>",
    "place": "<plats>",
    "language": "<språkkod>",
    "model": "<modell>",
    "host": "<adress>",
    "series": "<serie>",
    "speaker_names": "<etikett=namn,…>",
    "llm_url": "<adress>",
}
FLAG_DEFAULT = {True: "på", False: "av"}  # typer would show the flag's English name: "[standard: no-overwrite]"


def _swedish_type(param: Any, label: str | None) -> str | None:
    """A flag takes no value and shows none; a value's type in Swedish, a free text by what it holds."""
    if getattr(param, "is_flag", False):
        return None
    if label == "<str>" and param.name in VALUES:
        return VALUES[param.name]
    return TYPES.get(label, label) if label else label


class SwedishArgument(TyperArgument):
    def display_type_rich(self, ctx: Any) -> str | None:
        return _swedish_type(self, super().display_type_rich(ctx))


class SwedishOption(TyperOption):
    def display_type_rich(self, ctx: Any) -> str | None:
        return _swedish_type(self, super().display_type_rich(ctx))

    def _get_default_string(self, **kwargs: Any) -> str:
        if self.is_bool_flag and self.secondary_opts and not kwargs.get("show_default_is_str"):
            return FLAG_DEFAULT[bool(self.default)]
        return super()._get_default_string(**kwargs)


_PARAMETERS = {TyperArgument: SwedishArgument, TyperOption: SwedishOption}


def _swedish_types(params: list[Any]) -> None:
    """typer builds its own parameter classes (it takes no `cls` for them): each becomes its Swedish
    subclass, which only shows the type differently; should typer's layout ever refuse, types stay English."""
    for param in params:
        swedish = _PARAMETERS.get(type(param))
        if swedish is SwedishArgument and param.metavar is None and param.name in ARGUMENT_NAMES:
            param.metavar = ARGUMENT_NAMES[param.name]
        if swedish is not None:
            try:
                param.__class__ = swedish
            except TypeError:
                return


class _Swedish:
    """Usage line and help flag in Swedish; a parse error knows the command it belongs to."""

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix=USAGE)

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_OPTION
            _swedish_types([option])
        return option

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)  # type: ignore[misc]
        except cli_usage.UsageError as exc:  # the parser raises without a context: "see --help" of which command?
            if getattr(exc, "ctx", None) is None:
                exc.ctx = ctx  # type: ignore[attr-defined]
            raise


class SwedishCommand(_Swedish, TyperCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _swedish_types(self.params)
        if self.options_metavar == "[OPTIONS]":
            self.options_metavar = OPTIONS_METAVAR


class SwedishGroup(_Swedish, TyperGroup):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.options_metavar == "[OPTIONS]":
            self.options_metavar = OPTIONS_METAVAR
        if self.subcommand_metavar in (None, "COMMAND [ARGS]..."):
            self.subcommand_metavar = SUBCOMMAND_METAVAR


def _unset(value: object) -> bool:
    """No class of its own: typer's defaults (`app.command()` fills in TyperCommand itself)."""
    return value is None or value is TyperCommand or value is TyperGroup or isinstance(value, DefaultPlaceholder)


def speak_swedish(app: typer.Typer) -> None:
    """Build `app`, its sub-apps and all their commands with the Swedish framing (a class set explicitly stays)."""
    for name, text in FRAMING.items():
        setattr(rich_utils, name, text)
    if _unset(app.info.cls):
        app.info.cls = SwedishGroup
    for command in app.registered_commands:
        if _unset(command.cls):
            command.cls = SwedishCommand
    for group in app.registered_groups:
        if group.typer_instance is not None:
            speak_swedish(group.typer_instance)
