"""Staff accounts: argon2-hashed passwords, API tokens stored only as SHA-256, users with a role and an
agency, and rate-limited sign-in. Who may see what is `ingest.store.access`; the web's sessions and the
API's bearer tokens are `ingest.web.auth`."""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ingest.core.enums import Role
from ingest.core.errors import ExitCode, SohoaError
from ingest.store.models import LoginAttempt, User, utcnow

ROLES = tuple(Role)
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

    exit_code = ExitCode.REFUSED


class TooManyAttempts(SohoaError):
    """Sign-in refused for a while after too many wrong passwords."""

    exit_code = ExitCode.LOCKED_OUT


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


def create_user(session: Session, username: str, password: str, *, role: str = Role.CLERK,
                agency: str | None = None) -> User:
    """Add a user (committed). Admins may have no agency; clerks and reviewers must have one."""
    username = username.strip()
    if not USERNAME.match(username):
        raise AuthError(f"user name {username!r} is not valid: 2-64 letters, digits, '.', '_', '@' or '-'")
    if role not in ROLES:
        raise AuthError(f"role {role!r} is not one of {', '.join(ROLES)}")
    agency = (agency or "").strip() or None
    if role != Role.ADMIN and not agency:
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
