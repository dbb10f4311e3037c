"""The admin's first `transcribe serve` on a fresh machine: with no account yet, the login page would
be a dead end, so the command says how to create the first one."""

from __future__ import annotations

import pytest
import uvicorn

from transcribe.web import cli as web_cli
from transcribe.web.auth import create_user


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch, tmp_path, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setenv("TRANSCRIBE_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(uvicorn, "run", lambda *_a, **_kw: None)  # the server itself is not needed

    def start() -> str:
        web_cli.serve(worker=False)
        return capsys.readouterr().err

    return start


def test_serve_without_accounts_says_how_to_create_the_first(started) -> None:
    err = started()
    assert "transcribe users add" in err and "--role admin" in err, err
    assert "Inga konton" in err, err


def test_serve_with_an_account_does_not_repeat_it(started) -> None:
    started()
    create_user("sara", "correct horse battery", "admin")
    assert "users add" not in started()
