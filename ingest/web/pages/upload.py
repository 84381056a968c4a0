"""The upload page: scans from the counter, each answered on its own (accepted, duplicate, refused in
Vietnamese), with the dossier code checked as it is typed."""

from __future__ import annotations

import logging
from typing import Annotated, Any

from fastapi import File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from ingest.core.enums import JobSource
from ingest.core.errors import SohoaError
from ingest.pipeline.submit import submit_and_queue
from ingest.store.access import Principal, can_see
from ingest.store.dossiers import check_dossier_code
from ingest.store.models import Document, Dossier
from ingest.store.services import Services
from ingest.web.pages.common import Svc, User, WebError, check_form, page, pages_router, wants_json
from ingest.web.refusals import refusal_in_vietnamese

router = pages_router()
log = logging.getLogger(__name__)


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
    return page(request, who, "upload.html", results=None)


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
        log.warning("document %s stored, not queued: %s", sub.document_id, submitted.queue_error)
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
    check_form(request, csrf_token)
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
    if wants_json(request):
        return JSONResponse({"dossier": dossier, "results": results})
    return page(request, who, "upload.html", results=results, dossier=dossier)
