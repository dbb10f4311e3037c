"""`transcribe users add` and `passwd` ask for the password twice, in Swedish, and refuse two different ones."""

from __future__ import annotations

from typer.testing import CliRunner

from tests import test_web
from tests.test_users import try_login
from transcribe.errors import BadOption

app = test_web.app  # the fixture: a data directory of its own
fast_hashing = test_web.fast_hashing
NEW = "ett alldeles nytt lösenord"


def users(*args: str, typed: str):
    from transcribe.cli import app as cli

    return CliRunner().invoke(cli, ["users", *args], input=typed)


def test_added_user_is_asked_twice_in_swedish_and_can_log_in(app) -> None:
    done = users("add", "nils", typed=f"{NEW}\n{NEW}\n")
    assert done.exit_code == 0, done.output
    assert "Lösenord:" in done.output and "Upprepa lösenordet:" in done.output
    assert "password" not in done.output.lower() and "Repeat" not in done.output
    assert try_login(app, "nils", NEW) == 303


def test_two_different_passwords_change_nothing(app) -> None:
    refused = users("add", "olle", typed=f"{NEW}\nett annat lösenord\n")
    assert isinstance(refused.exception, BadOption)
    assert refused.exception.message == "lösenorden är inte lika; inget ändrades"
    assert "olle" not in users("list", typed="").output
    refused = users("passwd", "sara", typed=f"{NEW}\nett annat lösenord\n")
    assert isinstance(refused.exception, BadOption)
    assert "Nytt lösenord:" in refused.output
    assert try_login(app, "sara") == 303 and try_login(app, "sara", NEW) != 303


def test_no_accounts_yet_is_said_with_how_to_make_the_first(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("TRANSCRIBE_DATA_DIR", str(tmp_path))
    listed = users("list", typed="")
    assert listed.exit_code == 0, listed.output
    assert listed.output.strip() == "Inga konton än: skapa det första med  transcribe users add NAMN --role admin"
