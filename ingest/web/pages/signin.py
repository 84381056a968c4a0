"""Signing in and out of the staff pages (sign-in is rate-limited by `ingest.store.users.sign_in`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ingest.store.users import TooManyAttempts, sign_in, users_exist
from ingest.web.auth import session_principal, start_session
from ingest.web.pages.common import Svc, User, check_form, client_ip, page, pages_router

router = pages_router()
HOME = "/web/upload"  # where a signed-in user lands


@router.get("/", response_class=HTMLResponse)
def home(who: User) -> RedirectResponse:
    return RedirectResponse(HOME, status_code=303)


def _safe_next(target: str | None) -> str:
    """Where to go after signing in: a page of this site, never another site."""
    if target and target.startswith("/web/") and not target.startswith("//"):
        return target
    return HOME


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, s: Svc, next: str | None = None) -> Response:
    if session_principal(request) is not None:
        return RedirectResponse(_safe_next(next), status_code=303)
    with s.sessions() as session:
        no_users = not users_exist(session)
    return page(request, None, "login.html", next=_safe_next(next), no_users=no_users)


@router.post("/login", response_class=HTMLResponse)
def login(request: Request, s: Svc, username: Annotated[str, Form()] = "",
          password: Annotated[str, Form()] = "", csrf_token: Annotated[str | None, Form()] = None,
          next: Annotated[str | None, Form()] = None) -> Response:
    check_form(request, csrf_token)
    error, status = None, 200
    with s.sessions() as session:
        try:
            user = sign_in(session, username, password, client_ip(request))
        except TooManyAttempts:
            user, status = None, 429
            error = "Đăng nhập sai quá nhiều lần. Hãy chờ 15 phút rồi thử lại."
        if user is not None:
            start_session(request, user)
            return RedirectResponse(_safe_next(next), status_code=303)
    if error is None:
        error, status = "Sai tên đăng nhập hoặc mật khẩu.", 401
    return page(request, None, "login.html", status_code=status, next=_safe_next(next), error=error,
                username=username, no_users=False)


@router.post("/logout")
def logout(request: Request, csrf_token: Annotated[str | None, Form()] = None) -> RedirectResponse:
    check_form(request, csrf_token)
    request.session.clear()
    return RedirectResponse("/web/login", status_code=303)
