"""Fixtures the web tests of meetings held by an agenda share (registered in tests/conftest.py).

`sara` is a secretary logged in to a fresh app whose data lives in the test's own directory; `fast_hashing`
makes her login cheap. Neither is autouse: a test that asks for neither pays nothing. `add_agenda_meeting`
writes a meeting held by an agenda as a finished job leaves it, owned by her.
"""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from sqlalchemy import select

from tests.test_web import PASSWORD, login
from transcribe.db import session
from transcribe.fsutil import atomic_write_text
from transcribe.minutes.model import Minutes
from transcribe.tables import Meeting, User
from transcribe.transcript import Transcript
from transcribe.web import store
from transcribe.web.app import create_app
from transcribe.web.auth import create_user


@pytest.fixture
def fast_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2 with its production cost makes each login ~0.3 s on a busy CI box; the scheme is the same."""
    monkeypatch.setattr("transcribe.web.auth._hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture
def sara(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fast_hashing: None) -> TestClient:
    monkeypatch.setenv("TRANSCRIBE_DATA_DIR", str(tmp_path))
    app = create_app(data_dir=tmp_path, start_worker=False)
    create_user("sara", PASSWORD, "secretary")
    return login(TestClient(app), "sara")


def add_agenda_meeting(transcript: Transcript, minutes: Minutes, agenda: str, title: str, date: str) -> str:
    """The meeting's id; its directory holds what a finished job with the agenda leaves there."""
    mid = secrets.token_hex(8)
    folder = store.meeting_path(mid)
    folder.mkdir(parents=True)
    atomic_write_text(folder / "transcript.json", transcript.to_json())
    atomic_write_text(folder / "minutes.json", minutes.to_json())
    atomic_write_text(folder / "agenda.txt", agenda)
    (folder / "input.wav").write_bytes(b"RIFF" + bytes(4000))
    with session() as s:
        uid = s.scalar(select(User.id).where(User.name == "sara"))
        s.add(Meeting(id=mid, title=title, date=date, owner_id=uid))
    return mid
