"""A database or Redis that does not answer, said in one Swedish line: the command line prints it instead of
a driver's traceback, and a worker logs it once per outage while it keeps trying."""

from __future__ import annotations

from sqlalchemy.engine import make_url

from transcribe.db import database_url
from transcribe.errors import ServiceUnavailable

# A server the deployment names that does not answer: the driver's own words, as a Swedish reason.
REASONS = (
    ("connection refused", "anslutningen nekades"),
    ("timeout", "inget svar i tid"),
    ("timed out", "inget svar i tid"),
    ("password authentication failed", "fel användarnamn eller lösenord"),
    ("does not exist", "databasen eller användaren finns inte"),
    ("name or service not known", "okänt värdnamn"),
    ("could not translate host name", "okänt värdnamn"),
)


def _named(exc: BaseException, module: str, names: tuple[str, ...]) -> bool:
    """`exc` is one of the named classes of `module`, found without importing it (redis costs ~0.5 CPU-s)."""
    return any(c.__module__ == module and c.__name__ in names for c in type(exc).__mro__)


def service_down(exc: BaseException) -> tuple[int, str] | None:
    """(exit code, one Swedish line) when the database or Redis does not answer; None for anything else."""
    text = str(exc).lower()
    reason = next((sv for en, sv in REASONS if en in text), "ingen kontakt")
    if _named(exc, "sqlalchemy.exc", ("OperationalError", "InterfaceError")):
        where = make_url(database_url()).render_as_string(hide_password=True)  # never the password
        line = f"databasen svarar inte ({where}): {reason}; starta den eller rätta TRANSCRIBE_DATABASE_URL"
        return ServiceUnavailable.exit_code, line
    if _named(exc, "redis.exceptions", ("ConnectionError", "TimeoutError", "AuthenticationError")):
        line = f"Redis svarar inte: {reason}; starta redis-server eller rätta TRANSCRIBE_REDIS_URL"
        return ServiceUnavailable.exit_code, line
    return None
