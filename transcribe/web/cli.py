"""`transcribe serve` and `transcribe users ...`: the web app and its local accounts."""

from __future__ import annotations

import errno
import os
import socket
import sys
from typing import Annotated

import typer

from transcribe.errors import BadOption
from transcribe.fsutil import os_reason
from transcribe.tables import ROLES
from transcribe.web import accounts
from transcribe.web.auth import check_new_user, create_user, list_users
from transcribe.web.i18n import SV

users_app = typer.Typer(help="Lokala konton för webbappen.", no_args_is_help=True)
ACTOR = "cli"  # who the audit log names for changes made on the command line
NO_USERS = "Inga konton än: skapa det första med  transcribe users add NAMN --role admin"
ROLE_WORDS = {role: SV[f"role_{role}"] for role in ROLES}  # as the web app names them
ROLE_HELP = "sekreterare, samtalsledare eller administratör (också secretary, facilitator, admin)"


def _role(text: str) -> str:
    """The stored role for what was typed: the web app's Swedish word or the stored name ('admin' too)."""
    key = text.strip().lower()
    found = next((role for role, word in ROLE_WORDS.items() if key in (role, word)), None)
    if found is None and key != "administrator":
        raise BadOption(f"okänd roll {text!r}; välj {ROLE_HELP}")
    return found or "admin"


def _said(role: str) -> str:
    return ROLE_WORDS.get(role, role)


def serve(
    host: Annotated[str, typer.Option(help="Adress att lyssna på (127.0.0.1 = bara den här datorn)")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port")] = 8000,
    secure_cookies: Annotated[bool, typer.Option(help="Sessionskaka endast över HTTPS (bakom TLS-proxy)")] = False,
    worker: Annotated[bool, typer.Option(help="Kör bearbetningen i samma process")] = True,
    proxy_headers: Annotated[bool, typer.Option(help="Lita på X-Forwarded-* från proxyn på 127.0.0.1")] = False,
) -> None:
    """Starta webbappen (öppna http://127.0.0.1:8000)."""
    # The server and the app load for `serve` only: at the top they cost every other command ~0.5 CPU-s.
    import uvicorn

    from transcribe.web.app import create_app  # the app with its routes and templates: for `serve` only

    os.umask(0o077)  # the database, uploads and every meeting file: owner-only, also in the embedded worker
    check_address(host, port)  # before the app starts its worker: uvicorn would say "[Errno 98]" in English
    app = create_app(start_worker=worker, secure_cookies=secure_cookies or None)
    typer.echo(listening_line(host, port), err=True)
    if not list_users():  # the login page would be a dead end
        typer.echo(NO_USERS, err=True)
    uvicorn.run(  # quiet: the server's own lines ("Uvicorn running on ...", one per request) are English
        app,
        host=host,
        port=port,
        proxy_headers=proxy_headers,
        forwarded_allow_ips="127.0.0.1",
        server_header=False,
        log_level="warning",
        access_log=False,
    )
    typer.echo("Webbappen har stängts.", err=True)


def listening_line(host: str, port: int) -> str:
    """Where the app listens, in Swedish: the one line `serve` prints of its own while it runs."""
    shown = f"[{host}]" if ":" in host else host  # an IPv6 address in a link
    return f"protokoll lyssnar på http://{shown}:{port}/ (avsluta med Ctrl+C)"


def check_address(host: str, port: int) -> None:
    """Refuse, in Swedish, an address the server could not listen on: taken, not allowed, or unknown."""
    if not 0 < port < 65536:
        raise BadOption(f"--port ska vara ett tal mellan 1 och 65535 (angivet: {port})")
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    except (socket.gaierror, UnicodeError) as exc:
        raise BadOption(f"okänd adress för --host: {host!r}") from exc
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise BadOption(f"porten {port} på {host} används redan (körs webbappen redan?); "
                                "välj en annan med --port") from exc  # fmt: skip
            if exc.errno == errno.EADDRNOTAVAIL:
                raise BadOption(f"adressen {host} hör inte till den här datorn; ange en egen med --host") from exc
            raise BadOption(f"kan inte lyssna på {host}:{port}: {os_reason(exc)}") from exc


def _terminal() -> bool:
    """Standard in is a terminal, or a stream without a file (a test's typed input) that click prompts on."""
    try:
        return os.isatty(sys.stdin.fileno())
    except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is both OSError and ValueError
        return True


def _password(from_stdin: bool, prompt: str) -> str:
    """One line from standard in, or asked for twice without echo (in Swedish: click's own retry is English)."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not _terminal():  # getpass would fall back to an echoing prompt with an English warning
        raise BadOption("lösenordet frågas efter i en terminal; utan terminal: skicka det med --password-stdin")
    password = typer.prompt(prompt, hide_input=True)
    if typer.prompt("Upprepa lösenordet", hide_input=True) != password:
        raise BadOption("lösenorden är inte lika; inget ändrades")
    return password


@users_app.command("add")
def users_add(
    name: Annotated[str, typer.Argument(help="Användarnamn")],
    role: Annotated[str, typer.Option(help=ROLE_HELP)] = "sekreterare",
    password_stdin: Annotated[bool, typer.Option(help="Läs lösenordet från standard in")] = False,
) -> None:
    """Skapa en användare (lösenordet frågas efter)."""
    role = _role(role)
    name = check_new_user(name, role)
    password = _password(password_stdin, "Lösenord")
    if not password:
        raise BadOption("lösenordet är tomt")
    user = create_user(name, password, role)
    accounts.record_created(user, ACTOR)
    typer.echo(f"{user.name} ({_said(user.role)})")


@users_app.command("list")
def users_list() -> None:
    """Visa användarna."""
    users = list_users()
    if not users:
        typer.echo(NO_USERS)
    for user in users:
        typer.echo(f"{user.name}\t{_said(user.role)}\t{'aktiv' if user.active else 'avstängd'}")


NameArg = Annotated[str, typer.Argument(help="Användarnamn")]


@users_app.command("disable")
def users_disable(name: NameArg) -> None:
    """Stäng av ett konto (alla dess inloggningar avslutas)."""
    accounts.set_active(name, False, ACTOR)
    typer.echo(f"{name}: avstängd")


@users_app.command("enable")
def users_enable(name: NameArg) -> None:
    """Aktivera ett avstängt konto igen."""
    accounts.set_active(name, True, ACTOR)
    typer.echo(f"{name}: aktiv")


@users_app.command("delete")
def users_delete(name: NameArg) -> None:
    """Radera ett konto som inte äger några möten (annars: stäng av det)."""
    accounts.delete_user(name, ACTOR)
    typer.echo(f"{name}: raderad")


@users_app.command("passwd")
def users_passwd(
    name: NameArg,
    password_stdin: Annotated[bool, typer.Option(help="Läs lösenordet från standard in")] = False,
) -> None:
    """Sätt ett nytt lösenord (alla inloggningar för kontot avslutas)."""
    accounts.existing(name)
    password = _password(password_stdin, "Nytt lösenord")
    accounts.set_password(name, password, ACTOR)
    typer.echo(f"{name}: nytt lösenord")


@users_app.command("role")
def users_role(name: NameArg, role: Annotated[str, typer.Argument(help=ROLE_HELP)]) -> None:
    """Byt roll för ett konto."""
    user = accounts.set_role(name, _role(role), ACTOR)
    typer.echo(f"{user.name} ({_said(user.role)})")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.add_typer(users_app, name="users")
