"""The administrator's LLM server page: what it writes is what the minutes then use, checked like the CLI."""

from __future__ import annotations

import stat
import tomllib

import pytest

from tests import test_web
from tests.test_web import as_user, post
from transcribe import audit
from transcribe.minutes import openai_client

app = test_web.app
fast_hashing = test_web.fast_hashing
PUBLIC = "http://8.8.8.8:11434/v1"  # an address literal: no name lookup needed


@pytest.fixture(autouse=True)
def no_llm_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (openai_client.URL_ENV, openai_client.MODEL_ENV, openai_client.ALLOW_ENV, openai_client.CONFIG_ENV,
                 "TRANSCRIBE_WEB_MINUTES_BACKEND"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(openai_client, "SYSTEM_CONFIG", openai_client.SYSTEM_CONFIG.parent / "absent-in-tests.toml")


def llm_events() -> list[str]:
    return [f"{e.user}: {e.detail}" for e in audit.events("settings:llm") if e.action == "llm_settings"]


def test_admin_saves_a_loopback_server_the_minutes_then_use(app, tmp_path):
    ada = as_user(app, "ada")
    page = ada.get("/admin/llm")
    assert page.status_code == 200
    assert "Inget LLM – protokollutkast med regler" in page.text
    assert 'href="/admin/llm"' in ada.get("/admin/users").text  # reachable from the admin's top bar

    r = post(ada, "/admin/llm", {"url": "http://127.0.0.1:11434/v1/", "model": "qwen2.5:7b"})
    assert r.status_code == 303 and r.headers["location"] == "/admin/llm?done=llm_saved"
    written = tmp_path / "llm.toml"
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert tomllib.loads(written.read_text()) == {"url": "http://127.0.0.1:11434/v1", "model": "qwen2.5:7b",
                                                  "allow_remote": False}  # fmt: skip
    endpoint = openai_client.resolve_endpoint()
    assert endpoint is not None
    assert (endpoint.url, endpoint.model, endpoint.allow_remote) == ("http://127.0.0.1:11434/v1", "qwen2.5:7b", False)

    shown = ada.get("/admin/llm?done=llm_saved").text
    assert "LLM-servern är sparad." in shown
    assert "Transkriptionen skickas till http://127.0.0.1:11434/v1 (qwen2.5:7b; loopback/privat nät)" in shown
    assert 'value="qwen2.5:7b"' in shown  # the form shows what is saved
    assert llm_events() == ["ada: http://127.0.0.1:11434/v1 (qwen2.5:7b; private network only)"]


def test_a_public_host_is_refused_unless_allowed(app, tmp_path):
    ada = as_user(app, "ada")
    r = post(ada, "/admin/llm", {"url": PUBLIC, "model": "llama3"})
    assert r.status_code == 400
    assert "8.8.8.8 är ingen loopback- eller privat adress" in r.text
    assert f'value="{PUBLIC}"' in r.text and 'value="llama3"' in r.text  # the typed text is kept
    assert not (tmp_path / "llm.toml").exists() and llm_events() == []
    assert post(ada, "/admin/llm", {"url": "ftp://127.0.0.1/v1"}).status_code == 400  # the CLI's format rule too

    r = post(ada, "/admin/llm", {"url": PUBLIC, "model": "llama3", "allow_remote": "1"})
    assert r.status_code == 303
    endpoint = openai_client.resolve_endpoint()
    assert endpoint is not None and endpoint.allow_remote and endpoint.url == PUBLIC
    assert "uttryckligen tillåten utanför det privata nätet" in ada.get("/admin/llm").text


def test_clearing_removes_the_setting_and_keeps_other_keys_on_save(app, tmp_path):
    (tmp_path / "llm.toml").write_text('url = "http://10.0.0.5:8080/v1"\ntimeout_s = 30.0\nretries = 2\n')
    ada = as_user(app, "ada")
    assert 'value="http://10.0.0.5:8080/v1"' in ada.get("/admin/llm").text
    assert post(ada, "/admin/llm", {"url": "http://10.0.0.6:8080/v1"}).status_code == 303
    saved = tomllib.loads((tmp_path / "llm.toml").read_text())
    assert saved["url"] == "http://10.0.0.6:8080/v1" and saved["timeout_s"] == 30.0 and saved["retries"] == 2

    r = post(ada, "/admin/llm/clear")
    assert r.status_code == 303 and r.headers["location"] == "/admin/llm?done=llm_cleared"
    assert not (tmp_path / "llm.toml").exists()
    assert openai_client.resolve_endpoint() is None
    assert "Inget LLM – protokollutkast med regler" in ada.get("/admin/llm").text
    assert llm_events()[0] == "ada: cleared"  # newest first


def test_only_admins_may_see_or_change_it(app, tmp_path):
    for name in ("sara", "fia"):
        c = as_user(app, name)
        assert c.get("/admin/llm").status_code == 403
        assert post(c, "/admin/llm", {"url": "http://127.0.0.1:11434/v1"}).status_code == 403
        assert post(c, "/admin/llm/clear").status_code == 403
        assert 'href="/admin/llm"' not in c.get("/meetings").text
    assert not (tmp_path / "llm.toml").exists() and llm_events() == []


def test_english_and_the_web_backend_in_use(app, monkeypatch):
    monkeypatch.setenv("TRANSCRIBE_WEB_MINUTES_BACKEND", "auto")
    ada = as_user(app, "ada")
    ada.get("/lang/en?next=/admin/llm")
    page = ada.get("/admin/llm").text
    assert "No LLM – draft minutes by rules" in page
    assert "Web uploads draft minutes with: LLM and rules when an LLM is set, otherwise rules" in page
    r = post(ada, "/admin/llm", {"url": PUBLIC})
    assert "8.8.8.8 is not a loopback or private address" in r.text
