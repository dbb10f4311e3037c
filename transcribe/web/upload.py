"""Streaming multipart upload: recordings go to disk chunk by chunk, never into memory.

Starlette's own form parser spools to /tmp without a size limit; this one writes
each file straight into the data directory's staging area, counts bytes as they
arrive and stops at the configured limit, so a 3-hour recording costs no RAM and
an oversized one is refused without filling the disk.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import Request
from python_multipart.multipart import MultipartParser, parse_options_header

MAX_FIELD_BYTES = 64 * 1024
MAX_FILES = 20
# Extensions we keep for the stored copy (so the browser's player gets a sensible type);
# anything else is named after what ffprobe found in the content.
AUDIO_EXT = {
    "wav": "audio/wav", "mp3": "audio/mpeg", "m4a": "audio/mp4", "mp4": "audio/mp4", "aac": "audio/aac",
    "ogg": "audio/ogg", "oga": "audio/ogg", "opus": "audio/ogg", "flac": "audio/flac", "webm": "audio/webm",
    "mka": "audio/x-matroska", "mkv": "audio/x-matroska", "wma": "audio/x-ms-wma", "amr": "audio/amr",
    "3gp": "audio/3gpp", "mov": "audio/mp4", "aiff": "audio/aiff", "aif": "audio/aiff", "caf": "audio/x-caf",
}  # fmt: skip
FORMAT_EXT = {"wav": "wav", "mp3": "mp3", "ogg": "ogg", "flac": "flac", "matroska": "mka", "mov": "m4a",
              "aac": "aac", "amr": "amr", "aiff": "aiff", "asf": "wma", "caf": "caf"}  # fmt: skip


class UploadTooLarge(Exception):
    pass


class UploadRejected(Exception):
    """Malformed request or CSRF failure; `reason` is an i18n key."""

    def __init__(self, reason: str, status: int = 400) -> None:
        super().__init__(reason)
        self.reason, self.status = reason, status


@dataclass
class StagedFile:
    filename: str  # as the client sent it: display only, never a path
    path: Path
    size: int = 0
    sha256: Any = field(default_factory=hashlib.sha256, repr=False)  # of the bytes as they arrive
    field: str = "file"  # the form field: "file" for recordings, "agenda" for a dagordning

    @property
    def digest(self) -> str:
        """The content's SHA-256: the same recording uploaded again is known by it, whatever its name."""
        return self.sha256.hexdigest()


@dataclass
class ParsedUpload:
    fields: dict[str, str] = field(default_factory=dict)
    files: list[StagedFile] = field(default_factory=list)

    def discard(self) -> None:
        for f in self.files:
            f.path.unlink(missing_ok=True)


def safe_ext(filename: str, format_name: str) -> str:
    """The stored file's extension: the client's suffix if it is a known audio type, else from the content."""
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if suffix in AUDIO_EXT:
        return suffix
    for name in format_name.split(","):
        if name.strip() in FORMAT_EXT:
            return FORMAT_EXT[name.strip()]
    return "bin"


def media_type(path: Path) -> str:
    return AUDIO_EXT.get(path.suffix.lstrip(".").lower(), "application/octet-stream")


async def receive(
    request: Request, staging: Path, max_bytes: int, csrf_valid: Callable[[str | None], bool]
) -> ParsedUpload:
    """Parse the body as it streams in. The CSRF token (header or a field before the files) is checked
    before the first file byte is written."""
    ctype, params = parse_options_header(request.headers.get("content-type", ""))
    boundary = params.get(b"boundary")
    if ctype != b"multipart/form-data" or not boundary:
        raise UploadRejected("upload_bad_request")
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes + 1024 * 1024:
        raise UploadTooLarge()
    staging.mkdir(parents=True, exist_ok=True)
    result = ParsedUpload()
    header_token = request.headers.get("x-csrf-token")
    state: dict = {"headers": {}, "field": b"", "value": b"", "name": None, "buf": None, "fh": None, "error": None}

    def on_header_field(data: bytes, start: int, end: int) -> None:
        state["field"] += data[start:end]

    def on_header_value(data: bytes, start: int, end: int) -> None:
        state["value"] += data[start:end]

    def on_header_end() -> None:
        state["headers"][state["field"].decode("latin-1").lower()] = state["value"]
        state["field"], state["value"] = b"", b""

    def on_headers_finished() -> None:
        _, opts = parse_options_header(state["headers"].get("content-disposition", b""))
        name = opts.get(b"name", b"").decode("utf-8", "replace")
        filename = opts.get(b"filename")
        state["name"] = name
        if filename is None:
            state["buf"] = bytearray()
            return
        token = header_token or result.fields.get("csrf_token")
        if not csrf_valid(token):
            raise UploadRejected("csrf", 403)
        if len(result.files) >= MAX_FILES:
            raise UploadRejected("upload_too_many")
        path = staging / f"{secrets.token_hex(12)}.part"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        state["fh"] = os.fdopen(fd, "wb")
        result.files.append(StagedFile(filename.decode("utf-8", "replace"), path, field=name))

    def on_part_data(data: bytes, start: int, end: int) -> None:
        if state["fh"] is not None:
            state["fh"].write(data[start:end])
            result.files[-1].sha256.update(data[start:end])
            result.files[-1].size += end - start
        else:
            state["buf"] += data[start:end]
            if len(state["buf"]) > MAX_FIELD_BYTES:
                raise UploadRejected("upload_bad_request")

    def on_part_end() -> None:
        if state["fh"] is not None:
            state["fh"].close()
            state["fh"] = None
        elif state["name"] is not None:
            result.fields[state["name"]] = bytes(state["buf"] or b"").decode("utf-8", "replace")
        state["headers"], state["name"], state["buf"] = {}, None, None

    parser = MultipartParser(
        boundary,
        {
            "on_header_field": on_header_field,
            "on_header_value": on_header_value,
            "on_header_end": on_header_end,
            "on_headers_finished": on_headers_finished,
            "on_part_data": on_part_data,
            "on_part_end": on_part_end,
        },  # type: ignore[arg-type]
    )
    total = 0
    try:
        async for chunk in request.stream():
            total += len(chunk)
            if total > max_bytes + 1024 * 1024:  # the file limit plus room for the form fields
                raise UploadTooLarge()
            parser.write(chunk)
        parser.finalize()
        if any(f.size > max_bytes for f in result.files):
            raise UploadTooLarge()
    except BaseException as exc:
        if state["fh"] is not None:
            state["fh"].close()
        result.discard()
        if isinstance(exc, UploadRejected | UploadTooLarge):
            raise
        if isinstance(exc, Exception) and type(exc).__module__.startswith("python_multipart"):
            raise UploadRejected("upload_bad_request") from exc
        raise
    return result
