"""Fixtures the web tests of meetings held by an agenda share (registered in tests/conftest.py).

`sara` is a secretary logged in to a fresh app whose data lives in the test's own directory; `fast_hashing`
makes her login cheap. Neither is autouse: a test that asks for neither pays nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient

from tests.test_web import PASSWORD, login
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
