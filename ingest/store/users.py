"""Staff accounts and who may see what: argon2-hashed passwords, API tokens stored only as SHA-256,
sign-in rate limiting, CSRF tokens for the signed-cookie sessions of the web pages, and the rule the
JSON API follows (open while no user exists, per-user bearer tokens and agency scope after)."""

from __future__ import annotations

import hashlib
import os
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import HTTPException, Request
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ingest.core.errors import SohoaError
from ingest.core.settings import Settings
from ingest.store.models import LoginAttempt, User, utcnow

ROLES = ("clerk", "reviewer", "admin")
USERNAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$")
MIN_PASSWORD = 8

# sign-in rate limits: failures counted over a sliding window
LOGIN_WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_USER = 5
MAX_FAILURES_PER_IP = 30

_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("not-a-password-" + secrets.token_hex(8))


class AuthError(SohoaError):
    """A user that cannot be created or changed as asked."""

    exit_code = 2


class TooManyAttempts(SohoaError):
    """Sign-in refused for a while after too many wrong passwords."""

    exit_code = 6


@dataclass(frozen=True)
class Principal:
    """Who is asking: a signed-in user (or the holder of SOHOA_API_TOKEN, with admin scope)."""

    username: str
    role: str
    agency: str | None

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def can_edit(self) -> bool:
        """Reviewers and admins correct text and metadata."""
        return self.role in ("reviewer", "admin")

    @property
    def agencies(self) -> list[str] | None:
        """The access scope for search filters: None (all) for an admin, else the user's agency."""
        return None if self.is_admin else [self.agency or ""]

    @classmethod
    def of(cls, user: User) -> Principal:
        return cls(username=user.username, role=user.role, agency=user.agency)


SERVICE = Principal(username="api-token", role="admin", agency=None)


def can_see(who: Principal | None, agency: str | None) -> bool:
    """Whether `who` may read or change a document of `agency` (None: the open demo API)."""
    if who is None or who.is_admin:
        return True
    return who.agency is not None and agency == who.agency


# ---------------------------------------------------------------- passwords and tokens

def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def hash_token(token: str) -> str:
    """API tokens are long random strings, so a plain SHA-256 is what is stored and looked up."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    return "sohoa_" + secrets.token_urlsafe(32)


# ---------------------------------------------------------------- users

def users_exist(session: Session) -> bool:
    return session.scalar(select(User.id).limit(1)) is not None


def get_user(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == username))


def create_user(session: Session, username: str, password: str, *, role: str = "clerk",
                agency: str | None = None) -> User:
    """Add a user (committed). Admins may have no agency; clerks and reviewers must have one."""
    username = username.strip()
    if not USERNAME.match(username):
        raise AuthError(f"user name {username!r} is not valid: 2-64 letters, digits, '.', '_', '@' or '-'")
    if role not in ROLES:
        raise AuthError(f"role {role!r} is not one of {', '.join(ROLES)}")
    agency = (agency or "").strip() or None
    if role != "admin" and not agency:
        raise AuthError(f"a {role} needs an agency (--agency \"...\"): they see that agency's documents only")
    if len(password) < MIN_PASSWORD:
        raise AuthError(f"the password must have at least {MIN_PASSWORD} characters")
    if get_user(session, username) is not None:
        raise AuthError(f"user {username!r} already exists")
    user = User(username=username, password_hash=hash_password(password), role=role, agency=agency,
                active=True)
    session.add(user)
    session.commit()
    return user


def issue_token(session: Session, username: str) -> str:
    """A new API token for the user (replacing the old one); only its hash is kept."""
    user = get_user(session, username)
    if user is None:
        raise AuthError(f"user {username!r} does not exist; add it with `sohoa users add`")
    token = new_token()
    user.api_token_hash = hash_token(token)
    session.commit()
    return token


def user_by_token(session: Session, token: str) -> User | None:
    if not token:
        return None
    user = session.scalar(select(User).where(User.api_token_hash == hash_token(token)))
    return user if user is not None and user.active else None


# ---------------------------------------------------------------- signing in, rate-limited

def _recent_failures(session: Session, **where: Any) -> int:
    since = utcnow() - LOGIN_WINDOW
    (column, value), = where.items()
    col = getattr(LoginAttempt, column)
    last_ok = session.scalar(select(func.max(LoginAttempt.at)).where(col == value, LoginAttempt.success))
    start = max(since, last_ok) if last_ok else since
    return session.scalar(select(func.count()).select_from(LoginAttempt).where(
        col == value, LoginAttempt.at > start, LoginAttempt.success.is_(False))) or 0


def sign_in(session: Session, username: str, password: str, ip: str | None) -> User | None:
    """The user when the password is right; None when not. Raises TooManyAttempts (before checking
    the password) after too many recent failures for this user name or from this address."""
    username = username.strip()[:128]
    if (_recent_failures(session, username=username) >= MAX_FAILURES_PER_USER
            or (ip and _recent_failures(session, ip=ip) >= MAX_FAILURES_PER_IP)):
        raise TooManyAttempts("too many failed sign-ins; wait 15 minutes and try again")
    user = get_user(session, username)
    ok = verify_password(user.password_hash if user else _DUMMY_HASH, password) and bool(user and user.active)
    session.add(LoginAttempt(username=username, ip=(ip or "")[:64] or None, success=ok))
    if ok and user is not None and _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    session.commit()
    return user if ok else None


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
