"""Staff accounts, for admins: add a user with a role and an agency, lock or unlock one, issue an API
token (shown once, in that answer only)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select

from ingest.core.enums import Role
from ingest.store.access import Principal
from ingest.store.models import User as UserRow
from ingest.store.services import Services
from ingest.store.users import MIN_PASSWORD, USERNAME, create_user, get_user, issue_token
from ingest.web.pages.common import ROLE_LABELS, Svc, User, WebError, check_form, flash, page, pages_router

router = pages_router()


def _admin(who: Principal) -> Principal:
    if not who.is_admin:
        raise WebError(403, "Chỉ quản trị viên được quản lý tài khoản.")
    return who


def _users_page(request: Request, s: Services, who: Principal, status_code: int = 200,
                **extra: Any) -> Response:
    with s.sessions() as session:
        users = list(session.scalars(select(UserRow).order_by(UserRow.username)))
    return page(request, who, "users.html", status_code=status_code, users=users, roles=ROLE_LABELS, **extra)


@router.get("/users", response_class=HTMLResponse)
def users_page(request: Request, s: Svc, who: User) -> Response:
    return _users_page(request, s, _admin(who))


def _refusal(username: str, password: str, role: str, agency: str) -> str | None:
    """Why this account cannot be made, in Vietnamese; None when it can (as far as the form says)."""
    if not USERNAME.match(username):
        return "Tên đăng nhập gồm 2–64 chữ cái không dấu, chữ số hoặc các dấu . _ @ -."
    if role not in ROLE_LABELS:
        return "Vai trò không hợp lệ."
    if role != Role.ADMIN and not agency:
        return "Cán bộ tiếp nhận và người kiểm duyệt phải thuộc một cơ quan."
    if len(password) < MIN_PASSWORD:
        return f"Mật khẩu phải có ít nhất {MIN_PASSWORD} ký tự."
    return None


@router.post("/users", response_class=HTMLResponse)
def add_user(request: Request, s: Svc, who: User, username: Annotated[str, Form()] = "",
             password: Annotated[str, Form()] = "", role: Annotated[str, Form()] = Role.CLERK,
             agency: Annotated[str, Form()] = "",
             csrf_token: Annotated[str | None, Form()] = None) -> Response:
    check_form(request, csrf_token)
    _admin(who)
    username, agency = username.strip(), agency.strip()
    error = _refusal(username, password, role, agency)
    with s.sessions() as session:
        if error is None and get_user(session, username) is not None:
            error = f"Tài khoản {username} đã có."
        if error is None:
            create_user(session, username, password, role=role, agency=agency or None)
    if error:
        return _users_page(request, s, who, status_code=422, error=error,
                           form={"username": username, "role": role, "agency": agency})
    flash(request, "ok", f"Đã tạo tài khoản {username} ({ROLE_LABELS[role]}).")
    return RedirectResponse("/web/users", status_code=303)


@router.post("/users/{username}/active")
def set_active(request: Request, s: Svc, who: User, username: str, active: Annotated[str, Form()] = "0",
               csrf_token: Annotated[str | None, Form()] = None) -> RedirectResponse:
    check_form(request, csrf_token)
    _admin(who)
    if username == who.username:
        raise WebError(422, "Không thể tự khóa tài khoản của chính mình.")
    with s.sessions() as session:
        user = get_user(session, username)
        if user is None:
            raise WebError(404, f"Không có tài khoản {username}.")
        user.active = active == "1"
        session.commit()
    flash(request, "ok", f"Đã {'mở khóa' if active == '1' else 'khóa'} tài khoản {username}.")
    return RedirectResponse("/web/users", status_code=303)


@router.post("/users/{username}/token", response_class=HTMLResponse)
def new_api_token(request: Request, s: Svc, who: User, username: str,
                  csrf_token: Annotated[str | None, Form()] = None) -> Response:
    check_form(request, csrf_token)
    _admin(who)
    with s.sessions() as session:
        if get_user(session, username) is None:
            raise WebError(404, f"Không có tài khoản {username}.")
        token = issue_token(session, username)
    # shown once, in this answer only (never in the session cookie)
    return _users_page(request, s, who, new_token={"username": username, "token": token})
