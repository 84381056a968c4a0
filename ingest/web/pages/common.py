"""What every staff page shares: the templates and their labels, who is signed in, CSRF checks on form
posts, flash messages, the one visibility check in its Vietnamese 404, and refusals shown as pages
(or as JSON to the pages' scripts)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session

from ingest.core.enums import DocumentStatus, Role
from ingest.core.errors import NotFound
from ingest.store.access import Principal, visible_document
from ingest.store.models import Document
from ingest.store.services import Services
from ingest.web.auth import check_csrf, csrf_token, session_principal
from ingest.web.formatting import vn_date, vn_datetime

templates = Jinja2Templates(directory=Path(__file__).parent.parent / "templates")
STATUS_LABELS = {DocumentStatus.QUEUED: "Đang chờ", DocumentStatus.PROCESSING: "Đang xử lý",
                 DocumentStatus.DONE: "Hoàn tất", DocumentStatus.FAILED: "Lỗi",
                 DocumentStatus.NEEDS_REVIEW: "Cần kiểm tra"}
ROLE_LABELS = {Role.CLERK: "Cán bộ tiếp nhận", Role.REVIEWER: "Người kiểm duyệt", Role.ADMIN: "Quản trị viên"}
templates.env.filters.update(vn_datetime=vn_datetime, vn_date=vn_date)
templates.env.globals.update(STATUS_LABELS=STATUS_LABELS, ROLE_LABELS=ROLE_LABELS)


def pages_router() -> APIRouter:
    """A router for one group of pages under /web (kept out of the API's OpenAPI document)."""
    return APIRouter(prefix="/web", include_in_schema=False)


class LoginRequired(Exception):
    """Raised when no one is signed in: the browser is sent to the sign-in page."""


class WebError(Exception):
    """A refusal shown as a page (or as JSON to the page's scripts)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


def _services(request: Request) -> Services:
    return request.app.state.svc


def _signed_in(request: Request) -> Principal:
    who = session_principal(request)
    if who is None:
        raise LoginRequired()
    return who


User = Annotated[Principal, Depends(_signed_in)]
Svc = Annotated[Services, Depends(_services)]


def wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "") or request.url.path.endswith(".json")


def install_error_pages(app: FastAPI) -> None:
    """Sign-in redirects and refusals as Vietnamese pages for /web, JSON for its scripts."""

    @app.exception_handler(LoginRequired)
    async def _login(request: Request, _exc: LoginRequired) -> Response:
        if wants_json(request):
            return JSONResponse({"detail": "Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại."}, status_code=401)
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/web/login?next={quote(target)}", status_code=303)

    @app.exception_handler(WebError)
    async def _refused(request: Request, exc: WebError) -> Response:
        if wants_json(request):
            return JSONResponse({"detail": exc.message}, status_code=exc.status)
        return page(request, None, "error.html", status_code=exc.status, message=exc.message,
                    status=exc.status)


def page(request: Request, who: Principal | None, template: str, *, status_code: int = 200,
         **extra: Any) -> Response:
    """A template rendered for `who`, with the session's CSRF token and flash messages."""
    flashes = request.session.pop("flash", []) if "session" in request.scope else []
    context = {"who": who, "csrf": csrf_token(request), "flashes": flashes, "path": request.url.path, **extra}
    return templates.TemplateResponse(request, template, context, status_code=status_code)


def flash(request: Request, kind: str, text: str) -> None:
    """A message shown on the next page this browser opens."""
    request.session.setdefault("flash", [])
    request.session["flash"] = [*request.session["flash"], [kind, text]]


def check_form(request: Request, given: str | None) -> None:
    """Refuse a form post whose CSRF token (field or X-CSRF-Token header) is not this session's."""
    try:
        check_csrf(request, given or request.headers.get("x-csrf-token"))
    except Exception as exc:
        raise WebError(403, "Phiên làm việc không hợp lệ (thiếu hoặc sai mã CSRF). "
                            "Hãy tải lại trang và thử lại.") from exc


def visible(session: Session, who: Principal, document_id: int) -> Document:
    """The document if this user may see it; 404 alike for missing and for another agency's."""
    try:
        return visible_document(session, who, document_id)
    except NotFound:
        raise WebError(404, f"Không tìm thấy tài liệu số {document_id}.") from None


def client_ip(request: Request) -> str | None:
    return request.client.host if request.client else None
