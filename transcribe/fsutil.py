"""Atomic file writes: a reader never sees a half-written output."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from transcribe.errors import DiskFull, OutputExists, OutputNotWritable


def atomic_write_bytes(path: Path, data: bytes, overwrite: bool = True) -> Path:
    """Write to a temporary file beside `path`, fsync, then rename over it."""
    path = Path(path)
    if path.exists() and not overwrite:
        raise OutputExists(f"{path} finns redan / already exists (use --overwrite to replace it)")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except PermissionError as exc:
        raise OutputNotWritable(f"cannot write to {path.parent}: permission denied") from exc
    except OSError as exc:
        raise _os_error(path, exc) from exc
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise _os_error(path, exc) from exc
    return path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_text(path: Path, text: str, overwrite: bool = True) -> Path:
    return atomic_write_bytes(path, text.encode("utf-8"), overwrite=overwrite)


def check_writable_dir(directory: Path) -> None:
    """Fail early (before hours of transcription) if outputs cannot be written."""
    directory = Path(directory)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputNotWritable(f"cannot create output directory {directory}: {exc.strerror}") from exc
    if not directory.is_dir():
        raise OutputNotWritable(f"output path {directory} is not a directory")
    if not os.access(directory, os.W_OK | os.X_OK):
        raise OutputNotWritable(f"cannot write to output directory {directory}: permission denied")


def _os_error(path: Path, exc: OSError) -> Exception:
    if exc.errno == errno.ENOSPC:
        return DiskFull(f"disk full while writing {path}; free space and retry")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return OutputNotWritable(f"cannot write {path}: {exc.strerror}")
    return OutputNotWritable(f"cannot write {path}: {exc.strerror or exc}")
