"""My account (change my own password) and, for administrators, the users page."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from transcribe.db import session
from transcribe.tables import ROLES, User
from transcribe.web import accounts
from transcribe.web.auth import CurrentUser, current_user, list_users, require_role, start_session
from transcribe.web.render import page
from transcribe.web.security import require_csrf

router = APIRouter(dependencies=[Depends(require_csrf)])
NOTICES = ("password_changed", "user_changed")  # the only ?done= keys a page shows


@router.get("/account")
def account_page(request: Request, done: str = "", user: CurrentUser = Depends(current_user)) -> Response:
    return page(request, "account.html", user=user, error=None, done=done if done in NOTICES else None)


@router.post("/account/password")
def change_password(
    request: Request,
    current_password: str = Form(""),
    new_password: str = Form(""),
    confirm_password: str = Form(""),
    user: CurrentUser = Depends(current_user),
) -> Response:
    try:
        accounts.change_own_password(user.id, current_password, new_password, confirm_password)
    except accounts.AccountError as exc:
        return page(request, "account.html", status_code=400, user=user, error=exc.key, done=None)
    start_session(request, user.id)  # every other session ended; this one goes on with a new id
    return RedirectResponse("/account?done=password_changed", status_code=303)


# --- administrators ---------------------------------------------------------------------------------------
def _admin(user: CurrentUser = Depends(current_user)) -> CurrentUser:
    require_role(user, "admin")
    return user


def _users_page(
    request: Request, user: CurrentUser, error: str | None = None, done: str | None = None, status_code: int = 200
) -> Response:
    return page(
        request,
        "users.html",
        status_code=status_code,
        user=user,
        users=list_users(),
        roles=ROLES,
        error=error,
        done=done,
    )


@router.get("/admin/users")
def users_page(request: Request, done: str = "", user: CurrentUser = Depends(_admin)) -> Response:
    return _users_page(request, user, done=done if done in NOTICES else None)


def _name(user_id: int) -> str:
    with session() as s:
        row = s.get(User, user_id)
    if row is None:
        raise HTTPException(404, "user")
    return row.name


@router.post("/admin/users/{user_id}/{action}")
def change_user(
    request: Request,
    user_id: int,
    action: str,
    role: str = Form(""),
    password: str = Form(""),
    user: CurrentUser = Depends(_admin),
) -> Response:
    name = _name(user_id)
    try:
        if action == "disable":
            accounts.set_active(name, False, user.name)
        elif action == "enable":
            accounts.set_active(name, True, user.name)
        elif action == "role":
            accounts.set_role(name, role, user.name)
        elif action == "password":
            accounts.set_password(name, password, user.name)
        elif action == "delete":
            accounts.delete_user(name, user.name)
        else:
            raise HTTPException(404, "action")
    except accounts.AccountError as exc:
        return _users_page(request, user, error=exc.key, status_code=400)
    return RedirectResponse("/admin/users?done=user_changed", status_code=303)
