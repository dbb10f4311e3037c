"""Short tasks on one meeting beside the web app, kept in the database so a restart does not lose them.

A task (regenerating the minutes with a slow local model, enrolling voice profiles) is a row
in `tasks`, written before the work starts. Its owner registers a handler for the task's
kind; the handler runs in a thread of the process that serves the meeting, so it shares that
process's per-meeting locks. `resume()` runs again every task a stopped process left queued
or running. One task of a kind per meeting at a time; the latest one's outcome stays readable.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import delete, select, update

from transcribe.db import session
from transcribe.errors import BadOption, UserError
from transcribe.jobs.models import ACTIVE, JobState, Task, utcnow

log = logging.getLogger(__name__)

Handler = Callable[[str, str], str]  # (meeting id, user) -> a short result text for the page
ERROR_CHARS = 500

_handlers: dict[str, Handler] = {}
_submitting = threading.Lock()


@dataclass(frozen=True)
class TaskStatus:
    kind: str
    meeting_id: str
    state: JobState
    result: str | None
    error: str | None

    @property
    def active(self) -> bool:
        return self.state in ACTIVE


def register(kind: str, handler: Handler) -> None:
    """Name the function that does `kind`; the module that owns the work registers it on import."""
    _handlers[kind] = handler


def submit(kind: str, meeting_id: str, owner: str = "system", wait: bool = False) -> bool:
    """Start `kind` on the meeting; False (and nothing started) while one is already queued or running."""
    if kind not in _handlers:
        raise BadOption(f"okänd jobbtyp {kind!r}")
    with _submitting, session() as s:
        mine = (Task.kind == kind, Task.meeting_id == meeting_id)
        if s.scalar(select(Task.id).where(*mine, Task.state.in_([str(x) for x in ACTIVE])).limit(1)) is not None:
            return False
        s.execute(delete(Task).where(*mine))  # only the latest outcome is shown
        row = Task(kind=kind, meeting_id=meeting_id, owner=owner, state=JobState.queued, created_at=utcnow())
        s.add(row)
        s.flush()
        task_id = row.id
    _start(task_id, wait)
    return True


def latest(kind: str, meeting_id: str) -> TaskStatus | None:
    with session() as s:
        row = s.scalars(
            select(Task).where(Task.kind == kind, Task.meeting_id == meeting_id).order_by(Task.id.desc()).limit(1)
        ).first()
        if row is None:
            return None
        return TaskStatus(row.kind, row.meeting_id, JobState(row.state), row.result, row.error)


def forget(meeting_id: str) -> None:
    """Drop a deleted meeting's task rows (their results may name its people)."""
    with session() as s:
        s.execute(delete(Task).where(Task.meeting_id == meeting_id))


def resume(wait: bool = False) -> int:
    """Run again every task with a registered handler that a stopped process left unfinished; how many."""
    with session() as s:
        ids = list(
            s.scalars(
                select(Task.id)
                .where(Task.state.in_([str(x) for x in ACTIVE]), Task.kind.in_(list(_handlers)))
                .order_by(Task.id)
            )
        )
    for task_id in ids:
        log.info("task %s was cut off by a restart; running it again", task_id)
        _start(task_id, wait)
    return len(ids)


def _start(task_id: int, wait: bool) -> None:
    thread = threading.Thread(target=_run, args=(task_id,), name=f"task-{task_id}", daemon=True)
    thread.start()
    if wait:
        thread.join()


def _run(task_id: int) -> None:
    with session() as s:
        claimed = s.execute(
            update(Task)
            .where(Task.id == task_id, Task.state.in_([str(x) for x in ACTIVE]))
            .values(state=JobState.running)
            .execution_options(synchronize_session=False)
        )
        row = s.get(Task, task_id)
        if claimed.rowcount != 1 or row is None:
            return
        kind, meeting_id, owner = row.kind, row.meeting_id, row.owner
    values: dict[str, object]
    try:
        values = {"state": JobState.done, "result": _handlers[kind](meeting_id, owner), "error": None}
    except UserError as exc:
        values = {"state": JobState.failed, "error": exc.message[:ERROR_CHARS]}
    except Exception as exc:  # shown on the meeting's page; the handler leaves its files as they were
        log.exception("task %s (%s for %s) failed", task_id, kind, meeting_id)
        values = {"state": JobState.failed, "error": f"{exc.__class__.__name__}: {exc}"[:ERROR_CHARS]}
    with session() as s:
        s.execute(
            update(Task)
            .where(Task.id == task_id)
            .values(**values, finished_at=utcnow())
            .execution_options(synchronize_session=False)
        )
