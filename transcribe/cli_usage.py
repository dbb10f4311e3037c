"""Usage errors of the click that typer runs on: one line and exit code 14, never a traceback.

typer 0.29 and later ship their own copy of click (`typer._click`); older releases use click
itself. The exception classes are taken from whichever module defines typer's public
`BadParameter`, so both layouts are handled without naming a private module.
"""

from __future__ import annotations

import importlib
import re

import typer

from transcribe.errors import BadOption

_exceptions = importlib.import_module(typer.BadParameter.__module__)
ClickException: type[Exception] = _exceptions.ClickException
UsageError: type[Exception] = _exceptions.UsageError
# click 8.2+ raises this for `no_args_is_help` in non-standalone mode; older click printed help itself.
NoArgsIsHelpError: type[Exception] | None = getattr(_exceptions, "NoArgsIsHelpError", None)
# Ctrl-C at a prompt: plain click raises its own Abort, the vendored copy raises typer.Abort.
ABORTS: tuple[type[BaseException], ...] = tuple({getattr(_exceptions, "Abort", typer.Abort), typer.Abort})


def is_help_request(exc: BaseException) -> bool:
    return NoArgsIsHelpError is not None and isinstance(exc, NoArgsIsHelpError)


def help_text(exc: BaseException) -> str:
    """The help a bare `transcribe` or `transcribe models` asks for, when not already shown.

    The error builds its message from `ctx.get_help()`; typer's rich help prints itself there and
    leaves the message empty, so asking for the help again would print it twice.
    """
    return exc.format_message() if isinstance(exc, ClickException) else str(exc)


def describe(exc: BaseException) -> tuple[int, str] | None:
    """(exit code, one-line message) for a click error, or None when `exc` is not one."""
    if not isinstance(exc, ClickException):
        return None
    message = swedish(exc) or " ".join(exc.format_message().split())
    if isinstance(exc, UsageError):
        ctx = getattr(exc, "ctx", None)
        where = ctx.command_path if ctx is not None else "transcribe"
        return BadOption.exit_code, f"{message} (se '{where} --help')"
    return int(getattr(exc, "exit_code", 1) or 1), message


# The values typer could not read, by pydantic's error type: what to write instead.
EXPECTED = {"int_parsing": "ange ett heltal", "float_parsing": "ange ett tal", "bool_parsing": "ange true eller false"}
UNKNOWN_COMMAND = re.compile(r"No such command '(.+?)'")
EXTRA_ARGUMENTS = re.compile(r"^Got unexpected extra argument(?:s|\(s\))? \((.+)\)$")
TAKES_NO_VALUE = re.compile(r"^Option '(.+?)' does not take a value\.$")


def swedish(exc: BaseException) -> str | None:
    """The usage mistakes a user makes, said in Swedish; None for the rarer ones (click's English stays)."""
    if isinstance(exc, _exceptions.MissingParameter):
        param = exc.param
        what = "flaggan" if getattr(param, "param_type_name", "") == "option" else "argumentet"
        return f"{what} {param.get_error_hint() if param is not None else ''} saknas".replace("  ", " ")
    if isinstance(exc, _exceptions.NoSuchOption):
        close = " eller ".join(", ".join(sorted(exc.possibilities or [])).rsplit(", ", 1))
        return f"okänd flagga {exc.option_name}" + (f"; menade du {close}?" if close else "")
    if isinstance(exc, _exceptions.BadOptionUsage) and "requires" in exc.message:
        return f"flaggan {exc.option_name} behöver ett värde"
    message = str(getattr(exc, "message", ""))
    if found := TAKES_NO_VALUE.match(message):
        return f"flaggan {found.group(1)} tar inget värde"
    if found := EXTRA_ARGUMENTS.match(message):
        return f"för många argument: {found.group(1)}"
    if isinstance(exc, _exceptions.BadParameter) and exc.param is not None:
        errors = getattr(exc.__cause__, "errors", None)
        error = errors()[0] if callable(errors) and errors() else {}
        expected = EXPECTED.get(error.get("type", ""), exc.message)
        value = f" {error['input']!r}" if "input" in error else ""
        return f"ogiltigt värde{value} för {exc.param.get_error_hint()}: {expected}"
    found = UNKNOWN_COMMAND.search(message)
    if found:
        return f"okänt kommando '{found.group(1)}'"
    return None
