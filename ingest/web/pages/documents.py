"""The staff pages: sign in/out, upload with per-file feedback, queue with live progress and retry,
document (page image, text with low-confidence words marked, metadata edits audited), search.

Every page needs a signed-in user; every document is looked up through `_visible`, which answers
404 for another agency's document unless the user is an admin. Every form post checks the CSRF
token of the session."""

from __future__ import annotations

import io
import logging
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from math import ceil
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, FastAPI, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from PIL import Image
from sqlalchemy import desc, func, select
from sqlalchemy.orm import Session

from ingest.core.enums import AuditAction, DocumentStatus, JobSource, LinkSource
from ingest.core.errors import NotFound, SohoaError
from ingest.pipeline.submit import queue_again, submit_and_queue
from ingest.raster.render import render_page
from ingest.search.keys import query_tokens
from ingest.search.query import search as run_search
from ingest.store.access import Principal, can_see, visible_document
from ingest.store.audit import audit
from ingest.store.documents import page_words
from ingest.store.dossiers import check_dossier_code
from ingest.store.models import AuditEvent, Document, DocumentDossier, Dossier, Job, Page
from ingest.store.services import Services
from ingest.store.users import TooManyAttempts, sign_in, users_exist
from ingest.web.auth import check_csrf, csrf_token, session_principal, start_session
from ingest.web.refusals import refusal_in_vietnamese
from schemas.api import SearchFilters

log = logging.getLogger(__name__)
router = APIRouter(prefix="/web", include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).parent.parent / "templates")

VN_OFFSET = timedelta(hours=7)  # Asia/Ho_Chi_Minh, no daylight saving
LOW_CONFIDENCE = 60.0
PAGE_SIZE = 20
PREVIEW_DPI = 100
PREVIEW_MAX_WIDTH = 1240
STATUS_LABELS = {"queued": "Đang chờ", "processing": "Đang xử lý", "done": "Hoàn tất", "failed": "Lỗi",
                 "needs_review": "Cần kiểm tra"}
ROLE_LABELS = {"clerk": "Cán bộ tiếp nhận", "reviewer": "Người kiểm duyệt", "admin": "Quản trị viên"}
FIELDS: list[tuple[str, str]] = [
    ("doc_type", "Loại văn bản"), ("number", "Số"), ("symbol", "Ký hiệu"), ("issuer", "Cơ quan ban hành"),
    ("place", "Địa danh"), ("issued_date", "Ngày ban hành"), ("subject", "Trích yếu"),
    ("signer_name", "Người ký"), ("signer_title", "Chức vụ người ký"), ("recipients", "Nơi nhận"),
]


# ---------------------------------------------------------------- formatting for the templates

def vn_datetime(value: datetime | None) -> str:
    """dd/mm/yyyy HH:MM in Vietnam time, from a naive UTC timestamp."""
    return (value + VN_OFFSET).strftime("%d/%m/%Y %H:%M") if value else ""


def vn_date(value: str | date | None) -> str:
    """dd/mm/yyyy from an ISO date (string or date)."""
    if not value:
        return ""
    try:
        d = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)
    return d.strftime("%d/%m/%Y")


def parse_vn_date(text: str | None) -> date | None:
    """A date typed as dd/mm/yyyy (or d/m/yyyy, dd-mm-yyyy) or ISO yyyy-mm-dd; ValueError otherwise."""
    text = (text or "").strip()
    if not text:
        return None
    for fmt in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"ngày “{text}” không đúng dạng dd/mm/yyyy")


def highlighted(snippet: str, spans: list[tuple[int, int]]) -> Markup:
    """The snippet, escaped, with each [start, end) span in <mark>."""
    out, last = [], 0
    for a, b in sorted(spans):
        if a < last:
            continue
        out.append(escape(snippet[last:a]))
        out.append(Markup("<mark>") + escape(snippet[a:b]) + Markup("</mark>"))
        last = b
    out.append(escape(snippet[last:]))
    return Markup("").join(out)


templates.env.filters.update(vn_datetime=vn_datetime, vn_date=vn_date)
templates.env.globals.update(STATUS_LABELS=STATUS_LABELS, ROLE_LABELS=ROLE_LABELS)


# ---------------------------------------------------------------- who is asking

class LoginRequired(Exception):
    """Raised by `_user` when no one is signed in: the browser is sent to the sign-in page."""


class WebError(Exception):
    """A refusal shown as a page (or as JSON to the page's scripts)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


def _svc(request: Request) -> Services:
    return request.app.state.svc


def _user(request: Request) -> Principal:
    who = session_principal(request)
    if who is None:
        raise LoginRequired()
    return who


User = Annotated[Principal, Depends(_user)]
Svc = Annotated[Services, Depends(_svc)]


def _wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "") or request.url.path.endswith(".json")


def install_error_pages(app: FastAPI) -> None:
    """Sign-in redirects and refusals as Vietnamese pages for /web, JSON for its scripts."""

    @app.exception_handler(LoginRequired)
    async def _login(request: Request, _exc: LoginRequired) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": "Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại."}, status_code=401)
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/web/login?next={quote(target)}", status_code=303)

    @app.exception_handler(WebError)
    async def _refused(request: Request, exc: WebError) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": exc.message}, status_code=exc.status)
        return templates.TemplateResponse(request, "error.html", _ctx(request, None, message=exc.message,
                                                                      status=exc.status),
                                          status_code=exc.status)


def _ctx(request: Request, who: Principal | None, **extra: Any) -> dict[str, Any]:
    flashes = request.session.pop("flash", []) if "session" in request.scope else []
    return {"who": who, "csrf": csrf_token(request), "flashes": flashes, "path": request.url.path, **extra}


def _flash(request: Request, kind: str, text: str) -> None:
    request.session.setdefault("flash", [])
    request.session["flash"] = [*request.session["flash"], [kind, text]]


def _csrf(request: Request, given: str | None) -> None:
    try:
        check_csrf(request, given or request.headers.get("x-csrf-token"))
    except Exception as exc:
        raise WebError(403, "Phiên làm việc không hợp lệ (thiếu hoặc sai mã CSRF). "
                            "Hãy tải lại trang và thử lại.") from exc


def _visible(session: Session, who: Principal, document_id: int) -> Document:
    """The document if this user may see it; 404 alike for missing and for another agency's."""
    try:
        return visible_document(session, who, document_id)
    except NotFound:
        raise WebError(404, f"Không tìm thấy tài liệu số {document_id}.") from None


def _client_ip(request: Request) -> str | None:
    return request.client.host if request.client else None


# ---------------------------------------------------------------- sign in / out

@router.get("/", response_class=HTMLResponse)
def home(who: User) -> RedirectResponse:
    return RedirectResponse("/web/upload", status_code=303)


def _safe_next(target: str | None) -> str:
    if target and target.startswith("/web/") and not target.startswith("//"):
        return target
    return "/web/upload"


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, s: Svc, next: str | None = None) -> Response:
    if session_principal(request) is not None:
        return RedirectResponse(_safe_next(next), status_code=303)
    with s.sessions() as session:
        no_users = not users_exist(session)
    return templates.TemplateResponse(request, "login.html", _ctx(request, None, next=_safe_next(next),
                                                                  no_users=no_users))


@router.post("/login", response_class=HTMLResponse)
def login(request: Request, s: Svc, username: Annotated[str, Form()] = "",
          password: Annotated[str, Form()] = "", csrf_token: Annotated[str | None, Form()] = None,
          next: Annotated[str | None, Form()] = None) -> Response:
    _csrf(request, csrf_token)
    error, status = None, 200
    with s.sessions() as session:
        try:
            user = sign_in(session, username, password, _client_ip(request))
        except TooManyAttempts:
            user, status = None, 429
            error = "Đăng nhập sai quá nhiều lần. Hãy chờ 15 phút rồi thử lại."
        if user is not None:
            start_session(request, user)
            return RedirectResponse(_safe_next(next), status_code=303)
    if error is None:
        error, status = "Sai tên đăng nhập hoặc mật khẩu.", 401
    return templates.TemplateResponse(request, "login.html",
                                      _ctx(request, None, next=_safe_next(next), error=error,
                                           username=username, no_users=False), status_code=status)


@router.post("/logout")
def logout(request: Request, csrf_token: Annotated[str | None, Form()] = None) -> RedirectResponse:
    _csrf(request, csrf_token)
    request.session.clear()
    return RedirectResponse("/web/login", status_code=303)


# ---------------------------------------------------------------- upload

def _dossier_info(session: Session, code: str) -> dict[str, Any]:
    d = session.scalar(select(Dossier).where(Dossier.code == code))
    if d is None:
        return {"code": code, "known": False,
                "message": f"Mã hồ sơ {code} hợp lệ, chưa có trong danh mục hồ sơ (sẽ được liên kết khi có)."}
    bits = [b for b in (d.procedure_name, d.applicant and f"người nộp: {d.applicant}", d.agency) if b]
    return {"code": code, "known": True, "procedure_name": d.procedure_name, "applicant": d.applicant,
            "agency": d.agency, "message": f"Hồ sơ {code}: " + (" · ".join(bits) or "đã có trong danh mục")}


def _check_dossier(session: Session, code: str | None) -> dict[str, Any] | None:
    """None when no code was given; the dossier's description, or a WebError(422) for a bad code."""
    try:
        code = check_dossier_code(code)
    except SohoaError as exc:
        raise WebError(422, f"Mã hồ sơ không hợp lệ: chỉ gồm chữ, số và các dấu . - _ / "
                            f"(ví dụ 000.00.17.H55-210516-0001). ({exc.message})") from exc
    return _dossier_info(session, code) if code else None


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request, who: User) -> Response:
    return templates.TemplateResponse(request, "upload.html", _ctx(request, who, results=None))


@router.get("/dossiers/check.json")
def dossier_check(s: Svc, who: User, code: str = "") -> JSONResponse:
    with s.sessions() as session:
        try:
            info = _check_dossier(session, code)
        except WebError as exc:
            return JSONResponse({"valid": False, "message": exc.message})
    return JSONResponse({"valid": True, **(info or {"message": ""})})


def _one_upload(s: Services, who: Principal, data: bytes, name: str, dossier: str | None,
                agency: str | None) -> dict[str, Any]:
    try:
        submitted = submit_and_queue(s, data, name, dossier_code=dossier, source=JobSource.WEB,
                                     requested_by=who.username, agency=agency)
    except SohoaError as exc:
        return {"filename": name, "outcome": "refused", "detail": exc.message,
                "message": f"Bị từ chối: {refusal_in_vietnamese(exc)}"}
    sub = submitted.submission
    result: dict[str, Any] = {"filename": name, "document_id": sub.document_id, "pages": sub.page_count}
    if submitted.queue_error:  # stored and recorded: the sweeper, or a retry, sends it again
        return {**result, "outcome": "accepted",
                "message": f"Đã lưu thành tài liệu số {sub.document_id}, nhưng hàng đợi xử lý chưa sẵn "
                           "sàng; tài liệu sẽ được xử lý khi hàng đợi hoạt động lại."}
    if sub.duplicate:
        with s.sessions() as session:
            doc = session.get(Document, sub.document_id)
            mine = doc is not None and can_see(who, doc.agency)
        note = "" if mine else " (thuộc cơ quan khác)"
        again = " — tài liệu lỗi trước đây được xử lý lại" if sub.queued else ""
        return {**result, "outcome": "duplicate", "visible": mine,
                "message": f"Trùng với tài liệu số {sub.document_id}{note}{again}."}
    return {**result, "outcome": "accepted", "visible": True,
            "message": f"Đã nhận: tài liệu số {sub.document_id}, {sub.page_count} trang, đang chờ xử lý."}


@router.post("/upload")
async def upload(request: Request, s: Svc, who: User,
                 files: Annotated[list[UploadFile], File()],
                 dossier_code: Annotated[str | None, Form()] = None,
                 agency: Annotated[str | None, Form()] = None,
                 csrf_token: Annotated[str | None, Form()] = None) -> Response:
    _csrf(request, csrf_token)
    target_agency = ((agency or "").strip() or who.agency) if who.is_admin else who.agency
    with s.sessions() as session:
        try:
            dossier = _check_dossier(session, dossier_code)
        except WebError as exc:
            dossier = None
            results = [{"filename": f.filename, "outcome": "refused", "message": exc.message} for f in files]
        else:
            results = []
    if not results:
        for f in files:
            data = await f.read(s.settings.max_upload_bytes + 1)
            name = f.filename or "upload"
            results.append(_one_upload(s, who, data, name, dossier["code"] if dossier else None,
                                       target_agency))
    if _wants_json(request):
        return JSONResponse({"dossier": dossier, "results": results})
    return templates.TemplateResponse(request, "upload.html", _ctx(request, who, results=results,
                                                                   dossier=dossier))


# ---------------------------------------------------------------- queue / status

def _pages_done(session: Session, ids: list[int]) -> dict[int, int]:
    if not ids:
        return {}
    rows = session.execute(select(Page.document_id, func.count()).where(Page.document_id.in_(ids))
                           .group_by(Page.document_id))
    return {d: n for d, n in rows}


def _status_row(doc: Document, done: int) -> dict[str, Any]:
    return {"id": doc.id, "status": doc.status, "label": STATUS_LABELS.get(doc.status, doc.status),
            "pages_done": done, "page_count": doc.page_count, "error": doc.error}


@router.get("/queue", response_class=HTMLResponse)
def queue_page(request: Request, s: Svc, who: User, scope: str = "mine") -> Response:
    with s.sessions() as session:
        if scope == "agency":
            q = select(Document).order_by(desc(Document.created_at), desc(Document.id)).limit(100)
            if not who.is_admin:
                q = q.where(Document.agency == (who.agency or ""))
            docs = list(session.scalars(q))
        else:
            scope = "mine"
            latest = (select(Job.document_id, func.max(Job.id).label("last"))
                      .where(Job.requested_by == who.username).group_by(Job.document_id)
                      .order_by(desc("last")).limit(100))
            ids = [r.document_id for r in session.execute(latest)]
            by_id = {d.id: d for d in session.scalars(select(Document).where(Document.id.in_(ids)))}
            docs = [by_id[i] for i in ids if i in by_id and can_see(who, by_id[i].agency)]
        done = _pages_done(session, [d.id for d in docs])
        rows = [{**_status_row(d, done.get(d.id, 0)), "filename": d.filename, "created_at": d.created_at,
                 "dossier_code": d.dossier_code, "uploaded_by": d.uploaded_by} for d in docs]
    return templates.TemplateResponse(request, "queue.html", _ctx(request, who, rows=rows, scope=scope))


@router.get("/queue/status.json")
def queue_status(s: Svc, who: User, ids: str = "") -> JSONResponse:
    wanted = [int(x) for x in ids.split(",") if x.strip().isdigit()][:200]
    with s.sessions() as session:
        docs = [d for d in session.scalars(select(Document).where(Document.id.in_(wanted)))
                if can_see(who, d.agency)]
        done = _pages_done(session, [d.id for d in docs])
        return JSONResponse({str(d.id): _status_row(d, done.get(d.id, 0)) for d in docs})


@router.post("/documents/{document_id}/retry")
def retry(request: Request, s: Svc, who: User, document_id: int,
          csrf_token: Annotated[str | None, Form()] = None) -> RedirectResponse:
    _csrf(request, csrf_token)
    with s.sessions() as session:
        failed = _visible(session, who, document_id).status == DocumentStatus.FAILED
    if not failed:
        _flash(request, "info", f"Tài liệu số {document_id} không ở trạng thái lỗi; không cần xử lý lại.")
        return RedirectResponse("/web/queue", status_code=303)
    if queue_again(s, document_id, actor=who.username):
        _flash(request, "error", "Hàng đợi xử lý chưa sẵn sàng; tài liệu sẽ được xử lý khi hàng đợi "
                                 "hoạt động lại.")
    else:
        _flash(request, "ok", f"Đã đưa tài liệu số {document_id} vào hàng đợi để xử lý lại.")
    return RedirectResponse("/web/queue", status_code=303)


# ---------------------------------------------------------------- document

@dataclass
class WordView:
    text: str
    conf: float
    low: bool
    hit: bool = False


def _page_lines(s: Services, page: Page, query: str = "") -> list[list[WordView]] | None:
    """The page's words by line with their confidences (and whether they are words of the search
    that led here), or None when they were not stored."""
    try:
        ocr = page_words(s, page)
    except SohoaError:
        return None
    if ocr is None or not ocr.lines:
        return None
    wanted = set(query_tokens(query))

    def view(text: str, conf: float) -> WordView:
        hit = bool(wanted) and bool(set(query_tokens(text)) & wanted)
        return WordView(text, conf, conf < LOW_CONFIDENCE, hit)

    return [[view(w.text, w.conf) for w in line.words] or [view(line.text, 100.0)] for line in ocr.lines]


def _linked_dossiers(session: Session, doc: Document) -> list[dict[str, Any]]:
    codes: dict[str, str] = {}
    if doc.dossier_code:
        codes[doc.dossier_code] = LinkSource.UPLOAD
    for link in session.scalars(select(DocumentDossier).where(DocumentDossier.document_id == doc.id)
                                .order_by(DocumentDossier.id)):
        codes.setdefault(link.dossier_code, link.source)
    found = {d.code: d for d in session.scalars(select(Dossier).where(Dossier.code.in_(list(codes))))}
    return [{"code": c, "source": src, "dossier": found.get(c)} for c, src in codes.items()]


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(request: Request, s: Svc, who: User, document_id: int,
                  page: Annotated[int, Query(ge=1)] = 1, q: str = "") -> Response:
    with s.sessions() as session:
        doc = _visible(session, who, document_id)
        pages = list(session.scalars(select(Page).where(Page.document_id == doc.id).order_by(Page.number)))
        number = min(page, max(doc.page_count, 1))
        current = next((p for p in pages if p.number == number), None)
        lines = _page_lines(s, current, q) if current is not None else None
        meta = {f: getattr(doc, f) for f, _ in FIELDS}
        audit = list(session.scalars(select(AuditEvent).where(AuditEvent.document_id == doc.id)
                                     .order_by(desc(AuditEvent.at), desc(AuditEvent.id)).limit(30)))
        dossiers = _linked_dossiers(session, doc)
    return templates.TemplateResponse(request, "document.html", _ctx(
        request, who, doc=doc, pages=pages, number=number, current=current, lines=lines, meta=meta,
        fields=FIELDS, audit=audit, dossiers=dossiers, q=q, low=LOW_CONFIDENCE))


_PREVIEWS: OrderedDict[tuple[str, int], bytes] = OrderedDict()
_PREVIEW_LOCK = threading.Lock()  # one page rendered at a time: the office server is small


def _preview_png(s: Services, sha: str, key: str, mime: str, number: int) -> bytes:
    with _PREVIEW_LOCK:
        hit = _PREVIEWS.get((sha, number))
        if hit is not None:
            _PREVIEWS.move_to_end((sha, number))
            return hit
        image = render_page(s.store.get(key), mime, number, dpi=PREVIEW_DPI,
                            max_pixels=s.settings.max_page_pixels)
        img = Image.fromarray(image.gray)
        if img.width > PREVIEW_MAX_WIDTH:
            img.thumbnail((PREVIEW_MAX_WIDTH, PREVIEW_MAX_WIDTH * 3))
        buf = io.BytesIO()
        img.save(buf, format="PNG", optimize=False)
        png = buf.getvalue()
        _PREVIEWS[(sha, number)] = png
        while len(_PREVIEWS) > 24:
            _PREVIEWS.popitem(last=False)
        return png


@router.get("/documents/{document_id}/pages/{number}.png")
def page_image(s: Svc, who: User, document_id: int, number: int) -> Response:
    with s.sessions() as session:
        doc = _visible(session, who, document_id)
        if not 1 <= number <= doc.page_count:
            raise WebError(404, f"Tài liệu số {document_id} không có trang {number}.")
        sha, key, mime = doc.sha256, doc.object_key, doc.mime
    try:
        png = _preview_png(s, sha, key, mime, number)
    except SohoaError as exc:
        raise WebError(404, f"Không hiển thị được trang {number}: {exc.message}") from exc
    return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})


def _download(data: bytes, mime: str, name: str, etag: str | None = None) -> Response:
    headers = {"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"}
    if etag:
        headers["ETag"] = f'"{etag}"'
    return Response(data, media_type=mime, headers=headers)


@router.get("/documents/{document_id}/original")
def original(s: Svc, who: User, document_id: int) -> Response:
    with s.sessions() as session:
        doc = _visible(session, who, document_id)
        key, mime, name, sha = doc.object_key, doc.mime, doc.filename, doc.sha256
    return _download(s.store.get(key), mime, name, sha)


@router.get("/documents/{document_id}/pdf")
def searchable_pdf(s: Svc, who: User, document_id: int) -> Response:
    with s.sessions() as session:
        doc = _visible(session, who, document_id)
        if not doc.pdf_key:
            raise WebError(404, "Tài liệu này chưa có bản PDF tìm kiếm được.")
        key, name = doc.pdf_key, doc.filename
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return _download(s.store.get(key), "application/pdf", f"{stem}.ocr.pdf")


def _field_value(field: str, raw: str) -> Any:
    raw = raw.strip()
    if field == "recipients":
        return [line.strip() for line in raw.splitlines() if line.strip()]
    if field == "issued_date":
        d = parse_vn_date(raw)
        return d.isoformat() if d else None
    return raw or None


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        return "\n".join(value)
    return str(value)


@router.post("/documents/{document_id}/metadata")
async def edit_metadata(request: Request, s: Svc, who: User, document_id: int) -> RedirectResponse:
    form = await request.form()
    _csrf(request, form.get("csrf_token"))  # type: ignore[arg-type]
    with s.sessions() as session:
        doc = _visible(session, who, document_id)
        if not who.can_edit:
            raise WebError(403, "Chỉ người kiểm duyệt hoặc quản trị viên được sửa thông tin tài liệu.")
        changed = []
        try:
            new_values = {f: _field_value(f, str(form[f])) for f, _ in FIELDS if f in form}
        except ValueError as exc:
            _flash(request, "error", f"Chưa lưu: {exc}.")
            return RedirectResponse(f"/web/documents/{document_id}", status_code=303)
        for field, value in new_values.items():
            old = getattr(doc, field)
            if (old or None) == (value or None):
                continue
            setattr(doc, field, value if value is not None or field != "recipients" else [])
            audit(session, who.username, AuditAction.EDIT, document_id=doc.id, field=field,
                  old=_as_text(old), new=_as_text(value))
            changed.append(dict(FIELDS)[field])
        session.commit()
    if changed:
        _flash(request, "ok", "Đã lưu: " + ", ".join(changed) + ".")
    else:
        _flash(request, "info", "Không có thay đổi nào.")
    return RedirectResponse(f"/web/documents/{document_id}", status_code=303)


# ---------------------------------------------------------------- search

@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, s: Svc, who: User, q: str = "", agency: str = "",
                type: str = "", date_from: Annotated[str, Query(alias="from")] = "",
                date_to: Annotated[str, Query(alias="to")] = "", dossier: str = "",
                page: Annotated[int, Query(ge=1, le=1000)] = 1) -> Response:
    error, results = None, None
    try:
        d_from, d_to = parse_vn_date(date_from), parse_vn_date(date_to)
    except ValueError as exc:
        d_from = d_to = None
        error = f"Ngày không hợp lệ: {exc}."
    filters = SearchFilters(agency=agency.strip() or None, doc_type=type.strip() or None, date_from=d_from,
                            date_to=d_to, dossier_code=dossier.strip() or None, agencies=who.agencies)
    asked = bool(q.strip() or agency.strip() or type.strip() or d_from or d_to or dossier.strip())
    with s.sessions() as session:
        if asked and error is None:
            results = run_search(session, q, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE, filters=filters)
        types_q = select(Document.doc_type).where(Document.doc_type.is_not(None)).distinct()
        if not who.is_admin:
            types_q = types_q.where(Document.agency == (who.agency or ""))
        doc_types = sorted(t for t in session.scalars(types_q) if t)
    hits = []
    if results is not None:
        for h in results.hits:
            hits.append({"hit": h, "snippet": highlighted(h.snippet, h.highlights),
                         "url": f"/web/documents/{h.document_id}?" + urlencode({"page": h.page, "q": q})})
    params = {"q": q, "agency": agency, "type": type, "from": date_from, "to": date_to, "dossier": dossier}
    pages = ceil(results.total / PAGE_SIZE) if results else 0

    def page_url(n: int) -> str:
        return "/web/search?" + urlencode({**{k: v for k, v in params.items() if v}, "page": n})

    return templates.TemplateResponse(request, "search.html", _ctx(
        request, who, params=params, results=results, hits=hits, error=error, page=page, pages=pages,
        page_url=page_url, doc_types=doc_types, asked=asked))


# ---------------------------------------------------------------- users (admins)

def _admin(who: Principal) -> Principal:
    if not who.is_admin:
        raise WebError(403, "Chỉ quản trị viên được quản lý tài khoản.")
    return who


def _users_page(request: Request, s: Services, who: Principal, status: int = 200, **extra: Any) -> Response:
    from ingest.store.models import User as UserRow

    with s.sessions() as session:
        users = list(session.scalars(select(UserRow).order_by(UserRow.username)))
    context = _ctx(request, who, users=users, roles=ROLE_LABELS, **extra)
    return templates.TemplateResponse(request, "users.html", context, status_code=status)


@router.get("/users", response_class=HTMLResponse)
def users_page(request: Request, s: Svc, who: User) -> Response:
    return _users_page(request, s, _admin(who))


@router.post("/users", response_class=HTMLResponse)
def add_user(request: Request, s: Svc, who: User, username: Annotated[str, Form()] = "",
             password: Annotated[str, Form()] = "", role: Annotated[str, Form()] = "clerk",
             agency: Annotated[str, Form()] = "",
             csrf_token: Annotated[str | None, Form()] = None) -> Response:
    from ingest.store.users import MIN_PASSWORD, USERNAME, create_user, get_user

    _csrf(request, csrf_token)
    _admin(who)
    username, agency = username.strip(), agency.strip()
    error = None
    if not USERNAME.match(username):
        error = "Tên đăng nhập gồm 2–64 chữ cái không dấu, chữ số hoặc các dấu . _ @ -."
    elif role not in ROLE_LABELS:
        error = "Vai trò không hợp lệ."
    elif role != "admin" and not agency:
        error = "Cán bộ tiếp nhận và người kiểm duyệt phải thuộc một cơ quan."
    elif len(password) < MIN_PASSWORD:
        error = f"Mật khẩu phải có ít nhất {MIN_PASSWORD} ký tự."
    with s.sessions() as session:
        if error is None and get_user(session, username) is not None:
            error = f"Tài khoản {username} đã có."
        if error is None:
            create_user(session, username, password, role=role, agency=agency or None)
    if error:
        return _users_page(request, s, who, status=422, error=error,
                           form={"username": username, "role": role, "agency": agency})
    _flash(request, "ok", f"Đã tạo tài khoản {username} ({ROLE_LABELS[role]}).")
    return RedirectResponse("/web/users", status_code=303)


@router.post("/users/{username}/active")
def set_active(request: Request, s: Svc, who: User, username: str, active: Annotated[str, Form()] = "0",
               csrf_token: Annotated[str | None, Form()] = None) -> RedirectResponse:
    from ingest.store.users import get_user

    _csrf(request, csrf_token)
    _admin(who)
    if username == who.username:
        raise WebError(422, "Không thể tự khóa tài khoản của chính mình.")
    with s.sessions() as session:
        user = get_user(session, username)
        if user is None:
            raise WebError(404, f"Không có tài khoản {username}.")
        user.active = active == "1"
        session.commit()
    _flash(request, "ok", f"Đã {'mở khóa' if active == '1' else 'khóa'} tài khoản {username}.")
    return RedirectResponse("/web/users", status_code=303)


@router.post("/users/{username}/token", response_class=HTMLResponse)
def new_api_token(request: Request, s: Svc, who: User, username: str,
                  csrf_token: Annotated[str | None, Form()] = None) -> Response:
    from ingest.store.users import get_user, issue_token

    _csrf(request, csrf_token)
    _admin(who)
    with s.sessions() as session:
        if get_user(session, username) is None:
            raise WebError(404, f"Không có tài khoản {username}.")
        token = issue_token(session, username)
    # shown once, in this answer only (never in the session cookie)
    return _users_page(request, s, who, new_token={"username": username, "token": token})
