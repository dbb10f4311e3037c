"""A model hub on 127.0.0.1 for the tests: the endpoints huggingface_hub uses to fetch a pinned revision.

It serves `GET /api/models/{repo}/revision/{rev}` (with `?blobs=true`: each
file's size, git blob id, and LFS size/SHA-256) and `HEAD`/`GET
/{repo}/resolve/{rev}/{file}` with ETag, X-Repo-Commit, Content-Length and
byte ranges (206 + Content-Range), and the hub's error codes (X-Error-Code).
Faults are injected per file: drop the connection after N bytes, stall after N
bytes until released, or flip one byte of the body.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

LFS_OVER = 1 << 20  # files larger than this are "stored in LFS" (SHA-256 published)


@dataclass
class Fault:
    drop_after: int | None = None  # close the connection after this many body bytes (once)
    stall_after: int | None = None  # stop sending after this many bytes until `release` is set (once)
    corrupt_at: int | None = None  # flip this byte of the body (every time)
    reached: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    fired: bool = False


@dataclass
class Repo:
    commit: str
    files: dict[str, Path]
    branches: dict[str, str] = field(default_factory=dict)


def _meta(path: Path) -> dict[str, object]:
    data = path.read_bytes()
    size = len(data)
    blob = hashlib.sha1(f"blob {size}\0".encode() + data, usedforsecurity=False).hexdigest()
    meta: dict[str, object] = {"rfilename": path.name, "size": size, "blobId": blob}
    if size > LFS_OVER:
        meta["lfs"] = {"size": size, "sha256": hashlib.sha256(data).hexdigest(), "pointerSize": 134}
    return meta


class FakeHub:
    """A threaded HTTP server; `url` is what HF_ENDPOINT is set to."""

    def __init__(self) -> None:
        self.repos: dict[str, Repo] = {}
        self.faults: dict[str, Fault] = {}
        self.log: list[dict[str, object]] = []
        self._meta: dict[Path, dict[str, object]] = {}
        hub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:  # quiet
                return

            def do_GET(self) -> None:
                hub.handle(self, body=True)

            def do_HEAD(self) -> None:
                hub.handle(self, body=False)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeHub:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        for fault in self.faults.values():
            fault.release.set()
        self.server.shutdown()
        self.server.server_close()

    def add(self, repo_id: str, commit: str, files: dict[str, Path], branches: dict[str, str] | None = None) -> None:
        self.repos[repo_id] = Repo(commit, files, branches or {"main": commit})

    def meta(self, path: Path) -> dict[str, object]:
        if path not in self._meta:
            self._meta[path] = _meta(path)
        return self._meta[path]

    # --- request handling ---------------------------------------------------------------

    def _error(self, h: BaseHTTPRequestHandler, status: int, code: str, message: str) -> None:
        body = json.dumps({"error": message}).encode()
        h.send_response(status)
        h.send_header("X-Error-Code", code)
        h.send_header("X-Error-Message", message)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    def _revision(self, repo: Repo, rev: str) -> str | None:
        return repo.commit if rev == repo.commit else repo.branches.get(rev)

    def handle(self, h: BaseHTTPRequestHandler, body: bool) -> None:
        path = unquote(urlsplit(h.path).path)
        entry: dict[str, object] = {"method": h.command, "path": path, "range": h.headers.get("Range"), "sent": 0}
        self.log.append(entry)
        api = re.fullmatch(r"/api/models/([^/]+/[^/]+)/revision/([^/]+)", path)
        resolve = re.fullmatch(r"/([^/]+/[^/]+)/resolve/([^/]+)/(.+)", path)
        repo_id = (api or resolve).group(1) if (api or resolve) else None
        repo = self.repos.get(repo_id or "")
        if repo is None:
            return self._error(h, 401 if repo_id else 404, "RepoNotFound", "Repository not found")
        commit = self._revision(repo, (api or resolve).group(2))  # type: ignore[union-attr]
        if commit is None:
            return self._error(h, 404, "RevisionNotFound", "Invalid rev id")
        if api:
            siblings = [self.meta(p) | {"rfilename": name} for name, p in repo.files.items()]
            data = json.dumps({"_id": commit[:24], "id": repo_id, "modelId": repo_id, "sha": commit,
                               "private": False, "disabled": False, "gated": False, "siblings": siblings,
                               "tags": ["ctranslate2"]}).encode()  # fmt: skip
            h.send_response(200)
            h.send_header("Content-Type", "application/json")
            h.send_header("Content-Length", str(len(data)))
            h.end_headers()
            if body:
                h.wfile.write(data)
            return None
        name = resolve.group(3)  # type: ignore[union-attr]
        if name not in repo.files:
            return self._error(h, 404, "EntryNotFound", f"{name} does not exist")
        return self._send_file(h, repo, commit, name, body, entry)

    def _send_file(self, h: BaseHTTPRequestHandler, repo: Repo, commit: str, name: str, body: bool,
                   entry: dict[str, object]) -> None:  # fmt: skip
        path = repo.files[name]
        meta = self.meta(path)
        size = int(meta["size"])  # type: ignore[arg-type]
        etag = meta["lfs"]["sha256"] if "lfs" in meta else meta["blobId"]  # type: ignore[index]
        start = 0
        match = re.fullmatch(r"bytes=(\d+)-", h.headers.get("Range") or "")
        if match and int(match.group(1)) < size:
            start = int(match.group(1))
            h.send_response(206)
            h.send_header("Content-Range", f"bytes {start}-{size - 1}/{size}")
        else:
            h.send_response(200)
        h.send_header("Content-Type", "application/octet-stream")
        h.send_header("Content-Length", str(size - start))
        h.send_header("Accept-Ranges", "bytes")
        h.send_header("ETag", f'"{etag}"')
        h.send_header("X-Repo-Commit", commit)
        if "lfs" in meta:
            h.send_header("X-Linked-Size", str(size))
            h.send_header("X-Linked-Etag", f'"{etag}"')
        h.end_headers()
        if not body:
            return
        fault = self.faults.get(name)
        once = fault is not None and not fault.fired and h.command == "GET"
        with open(path, "rb") as fh:
            fh.seek(start)
            pos = start
            while pos < size:
                chunk = bytearray(fh.read(1 << 20))
                if fault and fault.corrupt_at is not None and pos <= fault.corrupt_at < pos + len(chunk):
                    chunk[fault.corrupt_at - pos] ^= 0xFF
                limit = None
                if once and fault.drop_after is not None:
                    limit = fault.drop_after
                elif once and fault.stall_after is not None:
                    limit = fault.stall_after
                if limit is not None and pos + len(chunk) >= limit:
                    chunk = chunk[: max(0, limit - pos)]
                    h.wfile.write(chunk)
                    h.wfile.flush()
                    entry["sent"] = int(entry["sent"]) + len(chunk)  # type: ignore[arg-type]
                    fault.fired = True  # type: ignore[union-attr]
                    fault.reached.set()  # type: ignore[union-attr]
                    if fault.stall_after is not None:  # type: ignore[union-attr]
                        fault.release.wait(60)  # type: ignore[union-attr]
                    h.close_connection = True
                    return
                try:
                    h.wfile.write(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    return
                entry["sent"] = int(entry["sent"]) + len(chunk)  # type: ignore[arg-type]
                pos += len(chunk)
