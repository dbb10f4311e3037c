"""Why an attempt at a job ended, in Swedish, and whether another attempt can help."""

from __future__ import annotations

import errno

from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from transcribe.errors import DiskFull, OutputNotWritable, UserError
from transcribe.fsutil import os_reason

INTERNAL_ERROR = "internt fel"  # a failure nobody foresaw: logged with its traceback for the admin


def classify(exc: BaseException) -> tuple[bool, str, str]:
    """(transient, message, kind) for an exception that ended an attempt.

    Anything the user must fix (bad or corrupt upload, missing model, full disk,
    bad option) fails at once with its own message; retrying cannot help.
    Flaky infrastructure (I/O errors, a locked or unreachable database, memory
    pressure) is retried with backoff.
    """
    kind = type(exc).__name__
    if isinstance(exc, DiskFull):
        return False, exc.message, kind
    if isinstance(exc, OutputNotWritable):
        cause = exc.__cause__
        perm = isinstance(cause, OSError) and cause.errno in (errno.EACCES, errno.EPERM, errno.EROFS)
        return (not perm and isinstance(cause, OSError)), exc.message, kind
    if isinstance(exc, UserError):
        return False, exc.message, kind
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC:
            return False, f"disken är full ({exc.filename or 'datamappen'}); frigör utrymme och försök igen", "DiskFull"
        return True, f"in/ut-fel ({kind}: {os_reason(exc)})", kind
    if isinstance(exc, OperationalError | PoolTimeout):
        return True, f"databasen svarar inte ({str(exc).splitlines()[0]})", kind
    if isinstance(exc, MemoryError):
        return True, "minnet tog slut", kind
    return False, f"{INTERNAL_ERROR}: {kind}: {exc}", kind
