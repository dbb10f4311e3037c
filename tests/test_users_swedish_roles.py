"""`transcribe users` in the web app's words for the roles: an administrator who types the role as the web
app names it ('sekreterare') is understood, and the list says the roles that way too."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_call import call
from tests.test_web import fast_hashing  # noqa: F401  (autouse fixture)


@pytest.fixture
def users(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setenv("TRANSCRIBE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("TRANSCRIBE_DATABASE_URL", raising=False)

    def run(*args: str, stdin: str = "ett långt lösenord\n") -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", __import__("io").StringIO(stdin))
        return call(monkeypatch, capsys, "users", *args)

    return run


def test_roles_typed_and_shown_as_the_web_app_names_them(users) -> None:
    assert users("add", "olle", "--role", "sekreterare", "--password-stdin")[1].strip() == "olle (sekreterare)"
    assert users("add", "mia", "--role", "Samtalsledare", "--password-stdin")[1].strip() == "mia (samtalsledare)"
    assert users("add", "ada", "--role", "admin", "--password-stdin")[1].strip() == "ada (administratör)"
    assert users("add", "eva", "--password-stdin")[1].strip() == "eva (sekreterare)"  # the default
    assert users("role", "olle", "administratör")[1].strip() == "olle (administratör)"
    listed = users("list")[1]
    assert "olle\tadministratör\taktiv" in listed and "mia\tsamtalsledare\taktiv" in listed
    assert "secretary" not in listed and "facilitator" not in listed
    code, _, err = users("add", "kurt", "--role", "chef", "--password-stdin")
    assert code == 14 and "okänd roll 'chef'; välj sekreterare, samtalsledare eller administratör" in err
