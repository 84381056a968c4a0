"""How the web app and the API know who is asking: the JSON API's rule (open while no user exists,
per-user bearer tokens and agency scope after), the key that signs session cookies, CSRF tokens for
the pages' forms, and the signed-in user of a browser session."""

from __future__ import annotations

import hashlib
import os
import secrets
from pathlib import Path

from fastapi import HTTPException, Request

from ingest.core.settings import Settings
from ingest.store.access import SERVICE, Principal
from ingest.store.models import User
from ingest.store.users import user_by_token, users_exist

# ---------------------------------------------------------------- the JSON API rule

def api_principal(request: Request) -> Principal | None:
    """FastAPI dependency of every /api route but health.

    While no user exists (the embedded demo) the API is open, guarded only by SOHOA_API_TOKEN when
    that is set, and answers None (no scope). Once a user exists, a bearer token is required: a
    user's token (scoped to their agency unless admin), or SOHOA_API_TOKEN (admin scope)."""
    svc = request.app.state.svc
    given = request.headers.get("authorization", "")
    bearer = given[7:].strip() if given[:7].lower() == "bearer " else ""
    service_token = svc.settings.api_token
    with svc.sessions() as session:
        if not users_exist(session):
            if service_token and not secrets.compare_digest(bearer, service_token):
                raise _unauthorised()
            return None
        if service_token and bearer and secrets.compare_digest(bearer, service_token):
            return SERVICE
        user = user_by_token(session, bearer)
        if user is None:
            raise _unauthorised()
        return Principal.of(user)


def _unauthorised() -> HTTPException:
    return HTTPException(401, "missing or wrong API token: send 'Authorization: Bearer <token>' "
                              "(a user's token comes from `sohoa users token USERNAME`)",
                         headers={"WWW-Authenticate": "Bearer"})


# ---------------------------------------------------------------- web sessions

def secret_key(settings: Settings) -> str:
    """The key that signs session cookies: SOHOA_SECRET_KEY, or one made once and kept (mode 0600)
    in the data directory, so sessions survive a restart. Several servers must share one."""
    env = os.environ.get("SOHOA_SECRET_KEY")
    if env:
        return env
    path = Path(settings.home) / "secret_key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        pass
    settings.ensure_home()
    key = secrets.token_urlsafe(48)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it first
        return path.read_text().strip()
    with os.fdopen(fd, "w") as f:
        f.write(key)
    return key


def csrf_token(request: Request) -> str:
    """This session's CSRF token, made on first use; every form carries it back."""
    token = request.session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


def check_csrf(request: Request, given: str | None) -> None:
    """Refuse (403) a form post whose token is missing or not this session's."""
    expected = request.session.get("csrf")
    if not expected or not given or not secrets.compare_digest(str(given), str(expected)):
        raise HTTPException(403, "Phiên làm việc không hợp lệ (thiếu mã CSRF). Hãy tải lại trang và thử lại.")


def session_principal(request: Request) -> Principal | None:
    """The signed-in user of this browser session, if still active."""
    uid = request.session.get("uid")
    if not uid:
        return None
    svc = request.app.state.svc
    with svc.sessions() as session:
        user = session.get(User, uid)
        if user is None or not user.active or request.session.get("pw") != _stamp(user):
            request.session.clear()
            return None
        return Principal.of(user)


def start_session(request: Request, user: User) -> None:
    """Sign the user in: a fresh session (new CSRF token) bound to their current password."""
    request.session.clear()
    request.session.update({"uid": user.id, "pw": _stamp(user),
                            "csrf": secrets.token_urlsafe(32)})


def _stamp(user: User) -> str:
    """Ties a session to the password it was opened with: changing the password ends old sessions."""
    return hashlib.sha256(user.password_hash.encode("utf-8")).hexdigest()[:16]
