"""Local accounts, login throttling and who may see or change which meeting.

Access rules (docs/web.md): a secretary sees the meetings she uploaded and those
shared with her; a facilitator sees only meetings shared with him (recordings are
personal data, so nobody sees a meeting by default except its owner); an admin
sees everything.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import secrets
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import HTTPException, Request
from sqlalchemy import delete, or_, select
from sqlalchemy.exc import IntegrityError

from transcribe import audit
from transcribe.db import session
from transcribe.errors import BadOption
from transcribe.tables import ROLES, Meeting, MeetingShare, User, WebSession

_hasher = PasswordHasher()
MIN_PASSWORD = 8
MAX_PASSWORD = 1024
SESSION_HOURS = 12


@dataclass(frozen=True)
class CurrentUser:
    id: int
    name: str
    role: str
    lang: str

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


class NotLoggedIn(Exception):
    """Raised by the `current_user` dependency; the app turns it into a redirect to /login."""


# --- accounts ------------------------------------------------------------------------------------
def check_new_user(name: str, role: str = "secretary") -> str:
    """The name as it is stored, when a new account can have it and the role; else one line why not.

    Asked before the password, so nobody types a password twice to learn the name was taken."""
    name = name.strip()
    if not name or len(name) > 120:
        raise BadOption("användarnamnet ska vara 1–120 tecken")
    if role not in ROLES:
        raise BadOption(f"okänd roll {role!r}; välj bland {', '.join(ROLES)}")
    with session() as s:
        if s.scalar(select(User).where(User.name == name)):
            raise _taken(name)
    return name


def _taken(name: str) -> BadOption:
    return BadOption(f"användaren {name!r} finns redan")


def create_user(name: str, password: str, role: str = "secretary") -> User:
    name = check_new_user(name, role)
    check_password(password)
    with session() as s:
        user = User(name=name, password_hash=_hasher.hash(password), role=role)
        s.add(user)
        try:
            s.flush()
        except IntegrityError as exc:  # taken in the moment since the check
            raise _taken(name) from exc
        return user


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise BadOption(f"lösenordet måste vara minst {MIN_PASSWORD} tecken")
    if len(password) > MAX_PASSWORD:
        raise BadOption(f"lösenordet får vara högst {MAX_PASSWORD} tecken")


def hash_password(password: str) -> str:
    check_password(password)
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return bool(_hasher.verify(password_hash, password))
    except (VerificationError, InvalidHashError):
        return False


@functools.cache
def _dummy_hash() -> str:
    """Verified against when the user does not exist, so timing does not reveal which names are real.

    Made on first use, not at import: hashing costs a tenth of a second that every command would pay."""
    return _hasher.hash("not-a-real-password")


def list_users() -> list[User]:
    with session() as s:
        return list(s.scalars(select(User).order_by(User.name)))


def authenticate(name: str, password: str) -> User | None:
    with session() as s:
        user = s.scalar(select(User).where(User.name == name.strip(), User.active.is_(True)))
        try:
            _hasher.verify(user.password_hash if user else _dummy_hash(), password)
        except (VerificationError, InvalidHashError):
            return None
        if user is None:
            return None
        if _hasher.check_needs_rehash(user.password_hash):
            user.password_hash = _hasher.hash(password)
        return user


def set_lang(user_id: int, lang: str) -> None:
    with session() as s:
        user = s.get(User, user_id)
        if user:
            user.lang = lang


class LoginLimiter:
    """Failed logins in `window` seconds: at most `limit` per user name and client address, and at most
    `per_address` per client address whatever the names (spraying many names from one place).

    A blocked attempt is refused before the password hash is computed, so it costs no CPU.
    """

    def __init__(self, limit: int = 5, window: float = 300.0, per_address: int = 20) -> None:
        self.limit, self.window, self.per_address = limit, window, per_address
        self._failures: dict[tuple[str, str], deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, key: tuple[str, str], now: float) -> deque[float]:
        q = self._failures[key]
        while q and now - q[0] > self.window:
            q.popleft()
        return q

    def _keys(self, name: str, ip: str) -> tuple[tuple[str, str], tuple[str, str]]:
        return (name.strip().lower(), ip), ("", ip)  # "" is no valid user name: the address's own count

    def blocked(self, name: str, ip: str) -> bool:
        by_name, by_address = self._keys(name, ip)
        with self._lock:
            now = time.monotonic()
            return (len(self._recent(by_name, now)) >= self.limit
                    or len(self._recent(by_address, now)) >= self.per_address)  # fmt: skip

    def fail(self, name: str, ip: str) -> None:
        with self._lock:
            now = time.monotonic()
            for key in self._keys(name, ip):
                self._recent(key, now).append(now)
            if len(self._failures) > 10000:  # forget names whose failures have all expired
                for key in [k for k, q in self._failures.items() if not self._recent(k, now)]:
                    del self._failures[key]

    def reset(self, name: str, ip: str) -> None:
        """A successful login clears that name's count; the address's count runs out on its own."""
        with self._lock:
            self._failures.pop(self._keys(name, ip)[0], None)


# --- server-side sessions ------------------------------------------------------------------------------
def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(request: Request, user_id: int) -> None:
    """A fresh session (and CSRF token) at every login, recorded so the server can end it."""
    token = secrets.token_urlsafe(32)
    cutoff = dt.datetime.now(dt.UTC) - dt.timedelta(hours=SESSION_HOURS)
    with session() as s:
        s.execute(delete(WebSession).where(WebSession.created_at < cutoff))  # expired cookies' rows
        s.add(WebSession(id=_digest(token), user_id=user_id))
    request.session.clear()
    request.session["uid"] = user_id
    request.session["sid"] = token


def end_session(request: Request) -> None:
    token = request.session.get("sid")
    if isinstance(token, str):
        with session() as s:
            s.execute(delete(WebSession).where(WebSession.id == _digest(token)))
    request.session.clear()


def revoke_sessions(user_id: int) -> int:
    """End every session of a user (password changed, account disabled or deleted); returns how many."""
    with session() as s:
        return s.execute(delete(WebSession).where(WebSession.user_id == user_id)).rowcount or 0


# --- request dependencies --------------------------------------------------------------------------
def current_user(request: Request) -> CurrentUser:
    uid, token = request.session.get("uid"), request.session.get("sid")
    if not isinstance(uid, int) or not isinstance(token, str):
        raise NotLoggedIn()
    with session() as s:
        live = s.get(WebSession, _digest(token))
        user = s.get(User, uid) if live is not None and live.user_id == uid else None
        if user is None or not user.active:
            request.session.clear()
            raise NotLoggedIn()
        return CurrentUser(user.id, user.name, user.role, user.lang)


def require_role(user: CurrentUser, *roles: str) -> None:
    if user.role not in roles:
        raise HTTPException(status_code=403, detail="role")


def visible_meetings_query(user: CurrentUser):  # -> Select[tuple[Meeting]]
    q = select(Meeting).order_by(Meeting.created_at.desc())
    if user.is_admin:
        return q
    shared = select(MeetingShare.meeting_id).where(MeetingShare.user_id == user.id)
    return q.where(or_(Meeting.owner_id == user.id, Meeting.id.in_(shared)))


def can_see(user: CurrentUser, meeting: Meeting) -> bool:
    if user.is_admin or meeting.owner_id == user.id:
        return True
    with session() as s:
        return s.get(MeetingShare, (meeting.id, user.id)) is not None


class MeetingDeleted(HTTPException):
    """The meeting was deleted by `by`: a reviewer who had it open is told so (410), not that it never existed."""

    def __init__(self, by: str) -> None:
        super().__init__(status_code=410, detail="deleted")
        self.by = by


def deleted_by(user: CurrentUser, meeting_id: str) -> str | None:
    """Who deleted the meeting, told only to an admin, to the one who deleted it, or to someone the audit
    log shows had it open: anyone else learns nothing more than of a meeting that never existed."""
    target = f"meeting:{meeting_id}"
    deleter = audit.last_actor(target, "delete")
    if deleter is None:
        return None
    if not (user.is_admin or user.name == deleter or audit.took_part(target, user.name, besides="delete")):
        return None
    return deleter


def get_meeting(user: CurrentUser, meeting_id: str) -> Meeting:
    """The meeting if this user may see it; 404 otherwise (never reveal that it exists), 410 if it was deleted."""
    with session() as s:
        meeting = s.get(Meeting, meeting_id)
    if meeting is None:
        by = deleted_by(user, meeting_id)
        if by is not None:
            raise MeetingDeleted(by)
    if meeting is None or not can_see(user, meeting):
        raise HTTPException(status_code=404, detail="meeting")
    return meeting


def can_manage(user: CurrentUser, meeting: Meeting) -> bool:
    """Delete and share: the owner or an admin."""
    return user.is_admin or meeting.owner_id == user.id


def can_edit(user: CurrentUser, meeting: Meeting) -> bool:
    """Review, edit and approve: the owner, an admin, or a facilitator it is shared with.

    A secretary a meeting is shared with reads and exports it but does not edit it.
    """
    return user.is_admin or meeting.owner_id == user.id or user.role == "facilitator"


def can_reopen(user: CurrentUser) -> bool:
    return user.role in ("facilitator", "admin")
