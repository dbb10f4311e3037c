"""One SQLAlchemy engine and declarative base for the web app, the job queue and the audit log.

SQLite in the data directory is the embedded default; set TRANSCRIBE_DATABASE_URL to a
PostgreSQL URL (postgresql+psycopg://...) to share one database between several machines.
"""

from __future__ import annotations

import importlib
import os
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

from transcribe.config import data_dir
from transcribe.fsutil import PRIVATE_FILE, private_dir


class Base(DeclarativeBase):
    pass


def database_url() -> str:
    url = os.environ.get("TRANSCRIBE_DATABASE_URL")
    if url:
        return url
    return f"sqlite:///{_private_database(str(data_dir() / 'protokoll.db'))}"


@lru_cache(maxsize=8)
def _private_database(path: str) -> str:
    """Owner-only before SQLite first opens it: its -wal and -shm files take the database file's mode."""
    private_dir(os.path.dirname(path))
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE))
    if os.stat(path).st_uid == os.geteuid():
        os.chmod(path, PRIVATE_FILE)
    return path


@lru_cache(maxsize=8)
def _engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _pragmas(conn, _record) -> None:  # WAL: readers (the web app) never block the worker
            cur = conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.execute("PRAGMA secure_delete=ON")  # deleted meeting text is overwritten, not left in free pages
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def engine() -> Engine:
    eng = _engine(database_url())
    _create_all(eng)
    return eng


# Keyed by the engine object itself: an id() can be reused once the cache drops an engine.
_created: weakref.WeakSet[Engine] = weakref.WeakSet()


def _create_all(eng: Engine) -> None:
    if eng in _created:
        return
    # Import every module that declares tables so create_all sees them.
    for module in ("transcribe.audit", "transcribe.jobs.models", "transcribe.tables", "transcribe.series.models"):
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if not (exc.name and module.startswith(exc.name)):
                raise
    Base.metadata.create_all(eng)
    _created.add(eng)


def checkpoint() -> None:
    """Fold SQLite's write-ahead log into the database and empty it, so deleted rows leave no copy there."""
    eng = engine()
    if eng.dialect.name == "sqlite":
        with eng.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


@contextmanager
def session() -> Iterator[Session]:
    """A transaction: committed on success, rolled back on error."""
    factory = sessionmaker(bind=engine(), expire_on_commit=False)
    s = factory()
    try:
        yield s
        s.commit()
    except Exception:
        s.rollback()
        raise
    finally:
        s.close()
