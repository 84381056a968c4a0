"""The document page: a page image beside its text with unsure words marked (and the words of the search
that led here), the metadata with reviewers' edits audited, dossier links and the audit trail."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import desc, select
from sqlalchemy.orm import Session

from ingest.core.confidence import UNSURE_BELOW
from ingest.core.enums import AuditAction, LinkSource
from ingest.core.errors import SohoaError
from ingest.search.keys import query_tokens
from ingest.store.audit import audit
from ingest.store.documents import page_words
from ingest.store.models import AuditEvent, Document, DocumentDossier, Dossier, Page
from ingest.store.services import Services
from ingest.web.formatting import parse_vn_date
from ingest.web.pages.common import Svc, User, WebError, check_form, flash, page, pages_router, visible

router = pages_router()
AUDIT_SHOWN = 30  # latest audit events listed on the page
FIELDS: list[tuple[str, str]] = [
    ("doc_type", "Loại văn bản"), ("number", "Số"), ("symbol", "Ký hiệu"), ("issuer", "Cơ quan ban hành"),
    ("place", "Địa danh"), ("issued_date", "Ngày ban hành"), ("subject", "Trích yếu"),
    ("signer_name", "Người ký"), ("signer_title", "Chức vụ người ký"), ("recipients", "Nơi nhận"),
]


@dataclass
class WordView:
    """One word as the page shows it: its text, confidence, whether it is unsure, whether it was searched."""

    text: str
    conf: float
    low: bool
    hit: bool = False


def _page_lines(s: Services, row: Page, query: str = "") -> list[list[WordView]] | None:
    """The page's words by line with their confidences (and whether they are words of the search
    that led here), or None when they were not stored."""
    try:
        ocr = page_words(s, row)
    except SohoaError:
        return None
    if ocr is None or not ocr.lines:
        return None
    wanted = set(query_tokens(query))

    def view(text: str, conf: float) -> WordView:
        hit = bool(wanted) and bool(set(query_tokens(text)) & wanted)
        return WordView(text, conf, conf < UNSURE_BELOW, hit)

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
                  page_number: Annotated[int, Query(alias="page", ge=1)] = 1, q: str = "") -> Response:
    with s.sessions() as session:
        doc = visible(session, who, document_id)
        pages = list(session.scalars(select(Page).where(Page.document_id == doc.id).order_by(Page.number)))
        number = min(page_number, max(doc.page_count, 1))
        current = next((p for p in pages if p.number == number), None)
        lines = _page_lines(s, current, q) if current is not None else None
        meta = {f: getattr(doc, f) for f, _ in FIELDS}
        trail = list(session.scalars(select(AuditEvent).where(AuditEvent.document_id == doc.id)
                                     .order_by(desc(AuditEvent.at), desc(AuditEvent.id)).limit(AUDIT_SHOWN)))
        dossiers = _linked_dossiers(session, doc)
    return page(request, who, "document.html", doc=doc, pages=pages, number=number, current=current,
                lines=lines, meta=meta, fields=FIELDS, audit=trail, dossiers=dossiers, q=q, low=UNSURE_BELOW)


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
    check_form(request, form.get("csrf_token"))  # type: ignore[arg-type]
    with s.sessions() as session:
        doc = visible(session, who, document_id)
        if not who.can_edit:
            raise WebError(403, "Chỉ người kiểm duyệt hoặc quản trị viên được sửa thông tin tài liệu.")
        changed = []
        try:
            new_values = {f: _field_value(f, str(form[f])) for f, _ in FIELDS if f in form}
        except ValueError as exc:
            flash(request, "error", f"Chưa lưu: {exc}.")
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
        flash(request, "ok", "Đã lưu: " + ", ".join(changed) + ".")
    else:
        flash(request, "info", "Không có thay đổi nào.")
    return RedirectResponse(f"/web/documents/{document_id}", status_code=303)
