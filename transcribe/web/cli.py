"""`transcribe serve` and `transcribe users ...`: the web app and its local accounts."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from transcribe.errors import BadOption

users_app = typer.Typer(help="Lokala konton för webbappen.", no_args_is_help=True)


def serve(
    host: Annotated[str, typer.Option(help="Adress att lyssna på (127.0.0.1 = bara den här datorn)")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port")] = 8000,
    secure_cookies: Annotated[bool, typer.Option(help="Sessionskaka endast över HTTPS (bakom TLS-proxy)")] = False,
    worker: Annotated[bool, typer.Option(help="Kör bearbetningen i samma process")] = True,
    proxy_headers: Annotated[bool, typer.Option(help="Lita på X-Forwarded-* från proxyn på 127.0.0.1")] = False,
) -> None:
    """Starta webbappen (öppna http://127.0.0.1:8000)."""
    import uvicorn

    from transcribe.web.app import create_app

    app = create_app(start_worker=worker, secure_cookies=secure_cookies or None)
    typer.echo(f"protokoll: http://{host}:{port}/", err=True)
    uvicorn.run(app, host=host, port=port, proxy_headers=proxy_headers, forwarded_allow_ips="127.0.0.1",
                server_header=False, log_level="info")


@users_app.command("add")
def users_add(
    name: Annotated[str, typer.Argument(help="Användarnamn")],
    role: Annotated[str, typer.Option(help="secretary, facilitator eller admin")] = "secretary",
    password_stdin: Annotated[bool, typer.Option(help="Läs lösenordet från standard in")] = False,
) -> None:
    """Skapa en användare (lösenordet frågas efter)."""
    from transcribe.web.auth import create_user

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Lösenord / password", hide_input=True, confirmation_prompt=True)
    if not password:
        raise BadOption("empty password")
    user = create_user(name, password, role)
    typer.echo(f"{user.name} ({user.role})")


@users_app.command("list")
def users_list() -> None:
    """Visa användarna."""
    from transcribe.web.auth import list_users

    for user in list_users():
        typer.echo(f"{user.name}\t{user.role}\t{'aktiv' if user.active else 'avstängd'}")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.add_typer(users_app, name="users")
