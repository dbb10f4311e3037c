"""Atomic file writes: a reader never sees a half-written output.

Everything written here may hold meeting data (transcripts, minutes, the web app's working
copies), so files are owner-only (0600) and the folders created for them 0700.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from transcribe.errors import DiskFull, OutputExists, OutputNotWritable

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def private_dir(directory: Path) -> Path:
    """Create `directory` and any missing parents owner-only (0700); existing folders are left as they are."""
    directory = Path(directory)
    missing = []
    for candidate in (directory, *directory.parents):
        if candidate.exists():
            break
        missing.append(candidate)
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=PRIVATE_DIR)
        except FileExistsError:
            continue  # created meanwhile by another writer
        os.chmod(folder, PRIVATE_DIR)  # mkdir's mode is masked by the umask
    return directory


def atomic_write_bytes(
    path: Path, data: bytes, overwrite: bool = True, create_parents: bool = True, mode: int = PRIVATE_FILE
) -> Path:
    """Write to a temporary file beside `path`, fsync, then rename over it.

    `create_parents=False` fails when the folder is gone instead of recreating it: a working copy
    saved after its meeting was deleted must not bring the meeting's folder back.
    """
    path = Path(path)
    if path.exists() and not overwrite:
        raise OutputExists(f"{path} finns redan; använd --overwrite för att ersätta den")
    try:
        if create_parents:
            private_dir(path.parent)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except PermissionError as exc:
        raise OutputNotWritable(f"kan inte skriva i {path.parent}: åtkomst nekad") from exc
    except OSError as exc:
        raise _os_error(path, exc) from exc
    try:
        os.fchmod(fd, mode)
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


def atomic_write_text(path: Path, text: str, overwrite: bool = True, create_parents: bool = True) -> Path:
    return atomic_write_bytes(path, text.encode("utf-8"), overwrite=overwrite, create_parents=create_parents)


def check_writable_dir(directory: Path) -> None:
    """Fail early (before hours of transcription) if outputs cannot be written."""
    directory = Path(directory)
    try:
        private_dir(directory)
    except OSError as exc:
        raise OutputNotWritable(f"kan inte skapa utmappen {directory}: {os_reason(exc)}") from exc
    if not directory.is_dir():
        raise OutputNotWritable(f"{directory} är ingen mapp; ange en mapp som utmapp")
    if not os.access(directory, os.W_OK | os.X_OK):
        raise OutputNotWritable(f"kan inte skriva i utmappen {directory}: åtkomst nekad")


def _os_error(path: Path, exc: OSError) -> Exception:
    if exc.errno == errno.ENOSPC:
        return DiskFull(f"disken blev full när {path} skrevs; frigör utrymme och försök igen")
    return OutputNotWritable(f"kan inte skriva {path}: {os_reason(exc)}")


# The operating system's own reason is English (strerror); the common ones a user can fix, in Swedish.
_REASONS = {
    errno.EACCES: "åtkomst nekad",
    errno.EPERM: "åtgärden är inte tillåten",
    errno.EROFS: "filsystemet är skrivskyddat",
    errno.ENOENT: "mappen finns inte",
    errno.ENOTDIR: "en del av sökvägen är ingen mapp",
    errno.EISDIR: "det är en mapp",
    errno.ENOSPC: "disken är full",
    errno.EDQUOT: "diskkvoten är slut",
    errno.ENAMETOOLONG: "namnet är för långt",
    errno.EIO: "in/ut-fel på disken",
}


def os_reason(exc: OSError) -> str:
    """Why an OS call failed, in Swedish when the reason is a common one (else the system's own text)."""
    return _REASONS.get(exc.errno or 0, exc.strerror or str(exc))
