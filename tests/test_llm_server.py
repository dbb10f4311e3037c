"""The OpenAI-compatible server backend against a fake server on 127.0.0.1 answering from a script."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.test_minutes import MEETING, make
from tests.test_minutes_llm import TURNS  # the same short meeting the rules and the LLM path read
from transcribe.bench.llm import JSONHandler
from transcribe.errors import RemoteEndpointRefused
from transcribe.minutes import extract_minutes
from transcribe.minutes.llm_prompts import EXAMPLE_TEXTS
from transcribe.minutes.openai_client import destination, resolve_endpoint

CORRECT = {"what": "Skicka ut kallelsen till årsmötet", "owner": "Karin", "due": "2026-11-27", "segment_ids": [3, 4]}
INVENTED = {"what": "Skicka ut kallelsen", "owner": "Sven Svensson", "segment_ids": [3]}
COPIED = {"what": EXAMPLE_TEXTS[1], "owner": "Pingvinen Pondus", "due": "1901-01-07", "segment_ids": [4]}
PLACEHOLDER = {"text": "Mötet beslutade att ...", "segment_ids": [2]}
WRONG_DATE = {"date": "2026-12-15", "time": "14:30", "segment_ids": [6]}
SCRIPTED = {"beslut": [PLACEHOLDER], "atgarder": [CORRECT, INVENTED, COPIED], "ej_beslutat": [],
            "nasta_mote": WRONG_DATE}  # fmt: skip


class FakeServer:
    """`POST /v1/chat/completions` answering the scripted contents in turn (the last one repeats)."""

    def __init__(self, *answers: str, reject_schema: bool = False, hang: bool = False) -> None:
        self.answers = list(answers)
        self.requests: list[dict[str, Any]] = []
        self.release, self.asked = threading.Event(), threading.Event()
        server = self

        class Handler(JSONHandler):
            def do_GET(self) -> None:
                self.send_json(200, {"object": "list", "data": [{"id": "fake-7b"}]})

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                server.requests.append(body)
                server.asked.set()
                if hang:
                    server.release.wait(30)
                    return
                fmt = (body.get("response_format") or {}).get("type")
                if reject_schema and fmt == "json_schema":
                    self.send_json(400, {"error": {"message": "response_format json_schema is not supported"}})
                    return
                content = server.answers.pop(0) if len(server.answers) > 1 else server.answers[0]
                self.send_json(200, {"choices": [{"index": 0, "message": {"role": "assistant", "content": content}}]})

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> FakeServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(autouse=True)
def _no_llm_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    for name in ("TRANSCRIBE_LLM_URL", "TRANSCRIBE_LLM_MODEL", "TRANSCRIBE_LLM_ALLOW_REMOTE",
                 "TRANSCRIBE_LLM_TIMEOUT", "TRANSCRIBE_MINUTES_MODEL"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TRANSCRIBE_LLM_CONFIG", str(tmp_path / "absent.toml"))
    yield


def test_only_the_grounded_item_survives() -> None:
    with FakeServer('{"beslut": [{"text": "Mötet beslut', json.dumps(SCRIPTED, ensure_ascii=False)) as srv:
        m = extract_minutes(make(TURNS), meeting_date=MEETING, backend="llm", llm_url=srv.url, llm_model="fake-7b")
    assert len(srv.requests) == 2  # malformed JSON, then asked again with the error
    assert srv.requests[0]["response_format"]["type"] == "json_schema" and srv.requests[0]["model"] == "fake-7b"
    assert "Ditt förra svar var ogiltigt" in srv.requests[1]["messages"][0]["content"]
    llm_items = [i for i in [*m.decisions, *m.actions, *m.not_decided, m.next_meeting] if i and i.source == "llm"]
    assert [(a.what, a.owner, str(a.due)) for a in llm_items] == [
        ("Skicka ut kallelsen till årsmötet", "Karin Ek", "2026-11-27")]  # fmt: skip
    shown = m.model_dump_json()
    for invented in ("Sven Svensson", "Pingvin", "sillarna", "...", "2026-12-15"):
        assert invented not in shown
    body = " ".join(m.notes)
    assert "Åtgärder togs bort: ansvarig är ingen deltagare" in body and "kopia av promptens exempel" in body
    assert "Beslut togs bort: platshållare" in body and "Nästa möte togs bort: datumet sägs inte" in body
    assert str(m.next_meeting.when) == "2026-12-14 14:30:00" and m.next_meeting.source == "rules"
    assert [d.source for d in m.decisions] == ["rules"]  # the placeholder left Beslut to the rules


def test_server_without_json_schema_gets_a_plain_json_request() -> None:
    answer = json.dumps({**SCRIPTED, "atgarder": [CORRECT], "beslut": [], "nasta_mote": None}, ensure_ascii=False)
    with FakeServer(answer, reject_schema=True) as srv:
        m = extract_minutes(make(TURNS), meeting_date=MEETING, backend="llm", llm_url=srv.url)  # model listed
    assert [(r.get("response_format") or {}).get("type") for r in srv.requests] == ["json_schema", "json_object"]
    assert srv.requests[1]["model"] == "fake-7b"
    assert [a.what for a in m.actions] == ["Skicka ut kallelsen till årsmötet"]


def test_timeout_falls_back_to_the_rules_with_a_note(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = tmp_path / "llm.toml"
    settings.write_text("timeout_s = 0.3\nretries = 0\n", encoding="utf-8")
    monkeypatch.setenv("TRANSCRIBE_LLM_CONFIG", str(settings))
    rules = extract_minutes(make(TURNS), meeting_date=MEETING)
    with FakeServer("{}", hang=True) as srv:
        m = extract_minutes(make(TURNS), meeting_date=MEETING, backend="merge", llm_url=srv.url, llm_model="x")
        # The client gives up after 0.3 s; a loaded machine's server thread may read the request only after that,
        # and a server shut down first would never have read it.
        assert srv.asked.wait(120), "the request never reached the server"
    assert len(srv.requests) == 1
    assert [d.text for d in m.decisions] == [d.text for d in rules.decisions] and m.decisions
    assert [a.what for a in m.actions] == [a.what for a in rules.actions]
    assert len(m.notes) == 1 and m.notes[0].startswith("Språkmodellen svarade inte")


@pytest.mark.parametrize("url", ["http://8.8.8.8:11434/v1", "https://1.1.1.1/v1", "http://169.254.169.254/v1"])
def test_a_public_address_is_refused_unless_allowed(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(RemoteEndpointRefused) as info:
        resolve_endpoint(url, "m")
    assert info.value.exit_code == 18 and "--llm-allow-remote" in info.value.message
    assert resolve_endpoint(url, "m", allow_remote=True) is not None
    monkeypatch.setenv("TRANSCRIBE_LLM_ALLOW_REMOTE", "1")
    assert resolve_endpoint(url, "m") is not None


@pytest.mark.parametrize("url", ["http://127.0.0.1:8080/v1", "http://10.1.2.3/v1", "http://192.168.0.9:1234/v1",
                                 "http://[::1]:11434/v1", "http://localhost:11434/v1"])  # fmt: skip
def test_loopback_and_private_addresses_are_accepted(url: str) -> None:
    endpoint = resolve_endpoint(url, "m")
    assert endpoint is not None and endpoint.url == url.rstrip("/")


def test_settings_come_from_the_environment_then_the_admin_file(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    settings = tmp_path / "llm.toml"
    settings.write_text('url = "http://10.0.0.7:8000/v1"\nmodel = "qwen"\ntimeout_s = 30\n', encoding="utf-8")
    monkeypatch.setenv("TRANSCRIBE_LLM_CONFIG", str(settings))
    e = resolve_endpoint()
    assert (e.url, e.model, e.timeout_s) == ("http://10.0.0.7:8000/v1", "qwen", 30.0)
    monkeypatch.setenv("TRANSCRIBE_LLM_MODEL", "llama")
    assert resolve_endpoint().model == "llama"
    assert resolve_endpoint("http://127.0.0.1:9/v1").url == "http://127.0.0.1:9/v1"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "transcribe.cli", *args], capture_output=True, text=True,
                          timeout=600, env={**__import__("os").environ})  # fmt: skip


def test_cli_refuses_a_public_server_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "transcript.json"
    path.write_text(make(TURNS).to_json(), encoding="utf-8")
    proc = _cli("minutes", str(path), "--backend", "llm", "--llm-url", "http://8.8.8.8/v1", "--llm-model", "m")
    assert proc.returncode == 18, proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "8.8.8.8" in proc.stderr
    assert not (tmp_path / "minutes.json").exists()


def test_cli_merge_through_the_server_marks_each_items_backend(tmp_path: Path) -> None:
    path = tmp_path / "transcript.json"
    path.write_text(make(TURNS).to_json(), encoding="utf-8")
    extra = {"text": "Julfesten", "reason": "Inget beslut fattades", "segment_ids": [5]}
    answer = json.dumps({**SCRIPTED, "ej_beslutat": [extra], "nasta_mote": None}, ensure_ascii=False)
    with FakeServer(answer) as srv:
        proc = _cli(
            "minutes",
            str(path),
            "--backend",
            "merge",
            "--llm-url",
            srv.url,
            "--format",
            "json",
            "--date",
            MEETING.isoformat(),
        )
    assert proc.returncode == 0, proc.stderr
    m = json.loads((tmp_path / "minutes.json").read_text(encoding="utf-8"))
    assert m["backend"] == "merge"
    assert {d["source"] for d in m["decisions"]} == {"rules"}
    assert [(a["what"], a["source"]) for a in m["actions"]] == [("Skicka ut kallelsen till årsmötet", "rules+llm")]
    assert "Sven Svensson" not in json.dumps(m["actions"], ensure_ascii=False)


def test_the_privacy_review_sees_where_transcripts_go(monkeypatch: pytest.MonkeyPatch) -> None:
    assert destination() is None
    monkeypatch.setenv("TRANSCRIBE_LLM_URL", "http://10.0.0.5:11434/v1")
    assert "http://10.0.0.5:11434/v1" in (destination() or "") and "private" in (destination() or "")
    monkeypatch.setenv("TRANSCRIBE_LLM_URL", "http://8.8.8.8/v1")
    assert "refused" in (destination() or "")


def test_replay_server_answers_recorded_prompts_and_counts_the_rest() -> None:
    from transcribe.bench.llm import Recorder, draft_hallucinations, replay_server
    from transcribe.minutes.llm import draft_with_llm

    tr = make(TURNS)
    answer = json.dumps({**SCRIPTED, "beslut": [], "nasta_mote": None}, ensure_ascii=False)
    rec = Recorder(lambda p, n: answer)
    draft_with_llm(tr, MEETING, rec)
    with replay_server(rec.answers, "replayed") as srv:
        m = extract_minutes(tr, meeting_date=MEETING, backend="llm", llm_url=srv["url"], llm_model="replayed")
        other = make([*TURNS, ("S2", "Och en sak till.")])
        fallback = extract_minutes(other, meeting_date=MEETING, backend="llm", llm_url=srv["url"])
    assert (srv["hits"], srv["missing"]) == (1, 1)
    assert [a.source for a in m.actions] == ["llm"] and draft_hallucinations(m, tr, MEETING) == []
    assert fallback.notes[0].startswith("Språkmodellen svarade inte")
    invented = m.model_copy(deep=True)
    invented.actions[0].what = "Sälja föreningens husbil"
    assert draft_hallucinations(invented, tr, MEETING) == ["llm: Sälja föreningens husbil"]
