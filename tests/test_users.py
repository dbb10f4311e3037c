"""Accounts an administrator can manage: on the command line, on the admin page, and one's own password.

Every change is checked as a user meets it (can she still log in, what does the page say) and in
the audit log.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from tests import test_web
from tests.conftest import REPO
from tests.test_web import PASSWORD, add_meeting, as_user, csrf_of, post
from transcribe import audit

# The fixtures of tests/test_web.py, by the names pytest looks up (fast_hashing is autouse there).
app = test_web.app
fast_hashing = test_web.fast_hashing
NEW = "ett helt nytt lösenord"


def try_login(app, name: str, password: str = PASSWORD) -> int:
    c = TestClient(app)
    token = csrf_of(c.get("/login").text)
    return c.post("/login", data={"name": name, "password": password, "csrf_token": token},
                  follow_redirects=False).status_code  # fmt: skip


def audited(action: str, name: str) -> list[str]:
    return [f"{e.user}: {e.detail}" for e in audit.events(f"user:{name}") if e.action == action]


def users_cli(*args: str, stdin: str | None = None):
    from transcribe.cli import app as cli

    return CliRunner().invoke(cli, ["users", *args], input=stdin)


# --- the command line ------------------------------------------------------------------------------------
def test_cli_disable_enable_passwd_role_and_delete(app):
    sven = as_user(app, "sven")
    r = users_cli("disable", "sven")
    assert r.exit_code == 0 and "avstängd" in r.output
    assert sven.get("/meetings", follow_redirects=False).status_code == 303  # logged out at once
    assert try_login(app, "sven") == 401
    assert "sven\tsekreterare\tavstängd" in users_cli("list").output
    assert users_cli("enable", "sven").exit_code == 0
    assert try_login(app, "sven") == 303

    assert users_cli("passwd", "sven", "--password-stdin", stdin=NEW + "\n").exit_code == 0
    assert try_login(app, "sven") == 401 and try_login(app, "sven", NEW) == 303

    assert users_cli("role", "sven", "facilitator").exit_code == 0
    assert "sven\tsamtalsledare" in users_cli("list").output
    assert users_cli("delete", "sven").exit_code == 0
    assert "sven" not in users_cli("list").output
    assert try_login(app, "sven", NEW) == 401

    for action in ("user_disable", "user_enable", "user_password", "user_role", "user_delete"):
        assert audited(action, "sven"), action
    assert audited("user_role", "sven") == ["cli: secretary -> facilitator"]


def test_cli_refuses_what_would_lock_everyone_out_or_orphan_meetings(app):
    assert "sista aktiva administratören" in str(users_cli("disable", "ada").exception)  # the only admin
    assert "sista aktiva administratören" in str(users_cli("role", "ada", "secretary").exception)
    assert try_login(app, "ada") == 303
    add_meeting("sara")
    r = users_cli("delete", "sara")
    assert "äger 1 möte" in str(r.exception)
    assert "minst" in str(users_cli("passwd", "sara", "--password-stdin", stdin="kort\n").exception)
    assert "okänd roll 'boss'" in str(users_cli("role", "sara", "boss").exception)


def test_cli_errors_are_one_line_with_exit_code_14(app, tmp_path):
    env = {**os.environ, "TRANSCRIBE_DATA_DIR": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-m", "transcribe.cli", "users", "disable", "nobody"], cwd=REPO,
                          capture_output=True, text=True, env=env, timeout=600)  # fmt: skip
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert proc.returncode == 14 and len(lines) == 1 and "nobody" in lines[0], proc.stderr


# --- the admin page ---------------------------------------------------------------------------------------------
def user_id(name: str) -> int:
    from transcribe.web.auth import list_users

    return next(u.id for u in list_users() if u.name == name)


def test_admin_page_manages_accounts_and_others_cannot(app):
    ada, sara = as_user(app, "ada"), as_user(app, "sara")
    assert "sven" in ada.get("/admin/users").text
    assert sara.get("/admin/users").status_code == 403
    assert post(sara, f"/admin/users/{user_id('sven')}/disable").status_code == 403
    assert (
        'href="/admin/users"' in ada.get("/meetings").text and 'href="/admin/users"' not in sara.get("/meetings").text
    )

    sven = as_user(app, "sven")
    assert post(ada, f"/admin/users/{user_id('sven')}/disable").status_code == 303
    assert sven.get("/meetings", follow_redirects=False).status_code == 303
    assert "avstängd" in ada.get("/admin/users").text
    assert post(ada, f"/admin/users/{user_id('sven')}/enable").status_code == 303
    assert post(ada, f"/admin/users/{user_id('sven')}/password", {"password": NEW}).status_code == 303
    assert try_login(app, "sven", NEW) == 303
    assert post(ada, f"/admin/users/{user_id('sven')}/role", {"role": "facilitator"}).status_code == 303
    assert as_user(app, "fia").get("/upload").status_code == 403  # roles mean what they say
    r = post(ada, f"/admin/users/{user_id('ada')}/disable")
    assert r.status_code == 400 and "minst en aktiv administratör" in r.text
    r = post(ada, f"/admin/users/{user_id('sven')}/password", {"password": "kort"})
    assert r.status_code == 400 and "minst 8 tecken" in r.text
    add_meeting("sara")
    r = post(ada, f"/admin/users/{user_id('sara')}/delete")
    assert r.status_code == 400 and "äger möten" in r.text
    assert post(ada, f"/admin/users/{user_id('sven')}/delete").status_code == 303
    assert "sven" not in ada.get("/admin/users").text
    assert [e.split(":")[0] for e in audited("user_disable", "sven")] == ["ada"]
    assert audited("user_delete", "sven") and audited("user_password", "sven")


# --- one's own password ----------------------------------------------------------------------------------------------
def test_users_change_their_own_password(app):
    sara = as_user(app, "sara")
    assert 'href="/account"' in sara.get("/meetings").text
    r = post(sara, "/account/password", {"current_password": "fel lösenord", "new_password": NEW,
                                         "confirm_password": NEW})  # fmt: skip
    assert r.status_code == 400 and "nuvarande lösenordet stämmer inte" in r.text
    r = post(sara, "/account/password", {"current_password": PASSWORD, "new_password": NEW,
                                         "confirm_password": NEW + "x"})  # fmt: skip
    assert r.status_code == 400 and "inte lika" in r.text
    assert try_login(app, "sara") == 303  # nothing changed yet
    r = post(sara, "/account/password", {"current_password": PASSWORD, "new_password": NEW, "confirm_password": NEW})
    assert r.status_code == 303 and sara.get("/meetings", follow_redirects=False).status_code == 200
    assert try_login(app, "sara") == 401 and try_login(app, "sara", NEW) == 303
    assert audited("user_password", "sara")[0].startswith("sara: changed own")


def test_logins_and_logouts_are_audited(app, tmp_path: Path):
    sara = as_user(app, "sara")
    post(sara, "/logout")
    assert [e.action for e in audit.events("user:sara")][:2] == ["logout", "login"]
