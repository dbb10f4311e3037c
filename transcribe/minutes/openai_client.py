"""Minutes from the team's own LLM server: any OpenAI-compatible chat-completions endpoint.

Ollama, llama.cpp server, vLLM and LM Studio all serve `POST {url}/chat/completions`.
The transcript is sent there, so the endpoint must be on the team's own network: a URL
whose host resolves outside loopback and private address ranges is refused unless the
admin explicitly allows it. Configuration, first found wins per field: command-line
options, $TRANSCRIBE_LLM_URL / $TRANSCRIBE_LLM_MODEL / $TRANSCRIBE_LLM_ALLOW_REMOTE /
$TRANSCRIBE_LLM_TIMEOUT / $TRANSCRIBE_LLM_API_KEY, then a TOML file an admin writes once
($TRANSCRIBE_LLM_CONFIG, else <data dir>/llm.toml, else /etc/protokoll/llm.toml) with
the keys url, model, allow_remote, timeout_s, retries.
"""

from __future__ import annotations

import ipaddress
import json
import os
import socket
import time
import tomllib
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from transcribe.config import data_dir
from transcribe.errors import BadOption, RemoteEndpointRefused, UserError
from transcribe.fsutil import os_reason

URL_ENV, MODEL_ENV, ALLOW_ENV = "TRANSCRIBE_LLM_URL", "TRANSCRIBE_LLM_MODEL", "TRANSCRIBE_LLM_ALLOW_REMOTE"
TIMEOUT_ENV, KEY_ENV, CONFIG_ENV = "TRANSCRIBE_LLM_TIMEOUT", "TRANSCRIBE_LLM_API_KEY", "TRANSCRIBE_LLM_CONFIG"
SYSTEM_CONFIG = Path("/etc/protokoll/llm.toml")
TRUE = {"1", "true", "yes", "ja", "on"}


class LLMUnavailable(Exception):
    """The server did not answer usefully after the retries; the caller falls back to the rules."""


@dataclass(frozen=True)
class Endpoint:
    url: str
    model: str | None = None
    allow_remote: bool = False
    timeout_s: float = 120.0
    retries: int = 1
    api_key: str | None = None


def config_file() -> Path | None:
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env)
    for path in (data_dir() / "llm.toml", SYSTEM_CONFIG):
        if path.is_file():
            return path
    return None


def _file_settings() -> dict[str, Any]:
    path = config_file()
    if path is None or not path.is_file():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise BadOption(f"LLM-inställningarna i {path} går inte att läsa: {exc}") from exc


def _flag(value: Any) -> bool:
    return value if isinstance(value, bool) else str(value).strip().lower() in TRUE


def resolve_endpoint(url: str | None = None, model: str | None = None,
                     allow_remote: bool | None = None) -> Endpoint | None:  # fmt: skip
    """The configured endpoint (options, then environment, then the settings file), checked; None if none."""
    conf = _file_settings()
    url = url or os.environ.get(URL_ENV) or conf.get("url")
    if not url:
        return None
    model = model or os.environ.get(MODEL_ENV) or conf.get("model")
    allow_remote = bool(allow_remote) or _flag(os.environ.get(ALLOW_ENV, conf.get("allow_remote", False)))
    raw_timeout, raw_retries = os.environ.get(TIMEOUT_ENV) or conf.get("timeout_s", 120.0), conf.get("retries", 1)
    try:
        timeout, retries = float(raw_timeout), int(raw_retries)
    except (TypeError, ValueError) as exc:
        raise BadOption(
            f"språkmodellens timeout ({TIMEOUT_ENV} eller timeout_s) och retries måste vara tal "
            f"(angivet: {raw_timeout!r} och {raw_retries!r})"
        ) from exc
    endpoint = Endpoint(url=str(url).rstrip("/"), model=model, allow_remote=allow_remote, timeout_s=timeout,
                        retries=max(0, retries), api_key=os.environ.get(KEY_ENV) or conf.get("api_key"))  # fmt: skip
    check_url(endpoint.url, endpoint.allow_remote)
    return endpoint


def is_private_host(host: str) -> bool:
    """True when every address the host resolves to is loopback or in a private range."""
    try:
        infos = socket.getaddrinfo(host, None)
    except (socket.gaierror, UnicodeError):
        return False
    addresses = {info[4][0].split("%")[0] for info in infos}
    if not addresses:
        return False
    for addr in addresses:
        ip = ipaddress.ip_address(addr)
        if ip.version == 6 and ip.ipv4_mapped:
            ip = ip.ipv4_mapped
        if not (ip.is_loopback or (ip.is_private and not ip.is_link_local and not ip.is_unspecified)):
            return False
    return True


def check_url(url: str, allow_remote: bool = False) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BadOption(f"--llm-url ska se ut som http://värd:port/v1 (angivet: {url!r})")
    if not allow_remote and not is_private_host(parts.hostname):
        raise RemoteEndpointRefused(
            f"transkriptionen skickas inte till {parts.hostname}: adressen ligger utanför datorn och det egna nätet "
            f"(ange --llm-allow-remote eller {ALLOW_ENV}=1 om servern verkligen är er egen)"
        )


def why(exc: BaseException | None) -> str:
    """Why the server did not answer, in Swedish: the HTTP status, a refused or timed-out connection, a bad reply."""
    if isinstance(exc, urllib.error.HTTPError):
        return f"HTTP-status {exc.code}"
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, TimeoutError):
        return "inget svar i tid"
    if isinstance(reason, ConnectionRefusedError):
        return "anslutningen nekades"
    if isinstance(reason, socket.gaierror):
        return "okänt värdnamn"
    if isinstance(reason, OSError):
        return os_reason(reason)
    return "svaret gick inte att tolka" if exc is not None else "inget svar"


class OpenAIChat:
    """`Generator` for the minutes: (prompt, max_new_tokens) -> the assistant's text.

    Asks for JSON-schema constrained output first; a server that rejects that is asked
    for a plain JSON object, then for free text (validated afterwards either way).
    """

    MODES = ("json_schema", "json_object", "none")

    def __init__(self, endpoint: Endpoint, schema: dict[str, Any] | None = None) -> None:
        self.endpoint = endpoint
        self.schema = schema
        self.mode = self.MODES[0] if schema is not None else "json_object"
        self.model = endpoint.model or self._only_model()
        self.calls = 0

    def _request(self, path: str, body: dict[str, Any] | None) -> dict[str, Any]:
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.endpoint.api_key:
            headers["Authorization"] = f"Bearer {self.endpoint.api_key}"
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.endpoint.url + path, data=data, headers=headers,
                                     method="POST" if body is not None else "GET")  # fmt: skip
        with urllib.request.urlopen(req, timeout=self.endpoint.timeout_s) as resp:  # noqa: S310 (http(s) checked)
            return json.loads(resp.read().decode("utf-8"))

    def _only_model(self) -> str:
        """The server's model when it serves exactly one; otherwise the admin must name it."""
        try:
            names = [m.get("id") for m in self._request("/models", None).get("data", []) if m.get("id")]
        except (OSError, ValueError) as exc:
            raise LLMUnavailable(f"modellerna på {self.endpoint.url} gick inte att lista: {why(exc)}") from exc
        if len(names) != 1:
            raise BadOption(f"språkmodellservern har {len(names)} modeller; välj en med --llm-model "
                            f"({', '.join(map(str, names[:5]))})")  # fmt: skip
        return str(names[0])

    def _format(self) -> dict[str, Any] | None:
        if self.mode == "json_schema":
            return {"type": "json_schema", "json_schema": {"name": "protokoll", "schema": self.schema}}
        if self.mode == "json_object":
            return {"type": "json_object"}
        return None

    def __call__(self, prompt: str, max_new_tokens: int) -> str:
        last: Exception | None = None
        attempts = self.endpoint.retries + 1
        while attempts > 0:
            body: dict[str, Any] = {
                "model": self.model, "temperature": 0, "max_tokens": max_new_tokens, "stream": False,
                "messages": [{"role": "user", "content": prompt}],
            }  # fmt: skip
            fmt = self._format()
            if fmt is not None:
                body["response_format"] = fmt
            try:
                answer = self._request("/chat/completions", body)
                self.calls += 1
                return str(answer["choices"][0]["message"].get("content") or "")
            except urllib.error.HTTPError as exc:
                last = exc
                if exc.code in (400, 422) and self.mode != "none":
                    self.mode = self.MODES[self.MODES.index(self.mode) + 1]  # the server rejects this format
                    continue
                if exc.code < 500 and exc.code != 429:
                    break
            except (OSError, ValueError, KeyError, IndexError, TypeError) as exc:  # timeouts are OSErrors
                last = exc
            attempts -= 1
            if attempts:
                time.sleep(min(2.0, 0.2 * (self.endpoint.retries + 1 - attempts)))
        raise LLMUnavailable(f"ingen kontakt med {self.endpoint.url}: {why(last)}")


def destination() -> str | None:
    """Where minutes would send transcripts under the current settings, for a privacy review; None if nowhere."""
    try:
        endpoint = resolve_endpoint()
    except UserError as exc:
        return f"LLM server configured but refused: {exc.message}"
    if endpoint is None:
        return None
    where = "explicitly allowed outside the private network" if endpoint.allow_remote else "loopback/private network"
    model = endpoint.model or "its only model"
    return f"minutes send the transcript to the LLM server {endpoint.url} ({model}; {where})"
