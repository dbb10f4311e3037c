"""Managing accounts: disable, enable, delete, reset a password, change a role, change one's own password.

The command line (`transcribe users ...`) and the admin page both call these, so the rules are
the same everywhere: every change is audited; a password change, disabling or deleting ends
all of that user's sessions; the last active administrator cannot be disabled, demoted or
deleted; and a user who still owns meetings is disabled rather than deleted (the meetings
would otherwise lose their owner).
"""

from __future__ import annotations

from sqlalchemy import func, select

from transcribe import audit
from transcribe.db import session
from transcribe.errors import BadOption
from transcribe.tables import ROLES, Meeting, User
from transcribe.web.auth import MAX_PASSWORD, MIN_PASSWORD, hash_password, revoke_sessions, verify_password


class AccountError(BadOption):
    """One line for the command line; `key` names the message the web pages show (transcribe.web.i18n)."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


def _user(s, name: str) -> User:
    user = s.scalar(select(User).where(User.name == name.strip()))
    if user is None:
        raise AccountError("no_such_user", f"ingen användare heter {name!r}")
    return user


def existing(name: str) -> User:
    """The account called `name`, or AccountError: asked before a password is, so a typo costs no typing."""
    with session() as s:
        return _user(s, name)


def _other_active_admins(s, user: User) -> int:
    q = select(func.count()).select_from(User).where(User.role == "admin", User.active.is_(True), User.id != user.id)
    return int(s.scalar(q) or 0)


def _keep_an_admin(s, user: User) -> None:
    if user.role == "admin" and user.active and _other_active_admins(s, user) == 0:
        raise AccountError(
            "last_admin", f"{user.name} är den sista aktiva administratören: gör någon annan till administratör först"
        )


def _password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise AccountError("password_short", f"lösenordet måste ha minst {MIN_PASSWORD} tecken")
    if len(password) > MAX_PASSWORD:
        raise AccountError("password_long", f"lösenordet får ha högst {MAX_PASSWORD} tecken")
    return hash_password(password)


def set_active(name: str, active: bool, actor: str) -> User:
    with session() as s:
        user = _user(s, name)
        if not active:
            _keep_an_admin(s, user)
        user.active = active
    if not active:
        revoke_sessions(user.id)
    audit.record("user_enable" if active else "user_disable", f"user:{user.name}", actor)
    return user


def set_role(name: str, role: str, actor: str) -> User:
    if role not in ROLES:
        raise AccountError("bad_role", f"okänd roll {role!r}: välj en av {', '.join(ROLES)}")
    with session() as s:
        user = _user(s, name)
        old = user.role
        if old == "admin" and role != "admin":
            _keep_an_admin(s, user)
        user.role = role
    audit.record("user_role", f"user:{user.name}", actor, f"{old} -> {role}")
    return user


def set_password(name: str, password: str, actor: str) -> User:
    """An administrator's reset (or the command line): every session of the user ends."""
    new_hash = _password(password)
    with session() as s:
        user = _user(s, name)
        user.password_hash = new_hash
    ended = revoke_sessions(user.id)
    audit.record("user_password", f"user:{user.name}", actor, f"reset; {ended} session(s) ended")
    return user


def change_own_password(user_id: int, current: str, new: str, confirm: str) -> User:
    """The user's own change, proven by the current password; the caller starts a fresh session."""
    if new != confirm:
        raise AccountError("password_mismatch", "de nya lösenorden skiljer sig åt")
    new_hash = _password(new)
    with session() as s:
        user = s.get(User, user_id)
        if user is None or not verify_password(user.password_hash, current):
            raise AccountError("password_wrong", "det nuvarande lösenordet är fel")
        user.password_hash = new_hash
    ended = revoke_sessions(user.id)
    audit.record("user_password", f"user:{user.name}", user.name, f"changed own; {ended} session(s) ended")
    return user


def delete_user(name: str, actor: str) -> None:
    with session() as s:
        user = _user(s, name)
        _keep_an_admin(s, user)
        owned = int(s.scalar(select(func.count()).select_from(Meeting).where(Meeting.owner_id == user.id)) or 0)
        if owned:
            raise AccountError(
                "owns_meetings", f"{user.name} äger {owned} möte(n): ta bort dem först eller stäng av kontot"
            )
        user_id, user_name = user.id, user.name
    revoke_sessions(user_id)
    with session() as s:  # shares, series ownership and sessions go with the row (ON DELETE CASCADE)
        row = s.get(User, user_id)
        if row is not None:
            s.delete(row)
    audit.record("user_delete", f"user:{user_name}", actor)


def record_created(user: User, actor: str) -> None:
    audit.record("user_create", f"user:{user.name}", actor, f"role {user.role}")
