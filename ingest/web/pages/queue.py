"""The queue page: a clerk's (or the agency's) latest documents with live progress, and retry of a
failed one."""

from __future__ import annotations

import logging
from typing import Annotated, Any

from fastapi import Form, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from sqlalchemy import desc, func, select
from sqlalchemy.orm import Session

from ingest.core.enums import DocumentStatus
from ingest.pipeline.submit import queue_again
from ingest.store.access import can_see
from ingest.store.models import Document, Job, Page
from ingest.web.pages.common import STATUS_LABELS, Svc, User, check_form, flash, page, pages_router, visible

router = pages_router()
log = logging.getLogger(__name__)
LISTED = 100        # documents on the queue page
STATUS_POLL = 200   # documents one status.json call may ask about


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
            q = select(Document).order_by(desc(Document.created_at), desc(Document.id)).limit(LISTED)
            if not who.is_admin:
                q = q.where(Document.agency == (who.agency or ""))
            docs = list(session.scalars(q))
        else:
            scope = "mine"
            latest = (select(Job.document_id, func.max(Job.id).label("last"))
                      .where(Job.requested_by == who.username).group_by(Job.document_id)
                      .order_by(desc("last")).limit(LISTED))
            ids = [r.document_id for r in session.execute(latest)]
            by_id = {d.id: d for d in session.scalars(select(Document).where(Document.id.in_(ids)))}
            docs = [by_id[i] for i in ids if i in by_id and can_see(who, by_id[i].agency)]
        done = _pages_done(session, [d.id for d in docs])
        rows = [{**_status_row(d, done.get(d.id, 0)), "filename": d.filename, "created_at": d.created_at,
                 "dossier_code": d.dossier_code, "uploaded_by": d.uploaded_by} for d in docs]
    return page(request, who, "queue.html", rows=rows, scope=scope)


@router.get("/queue/status.json")
def queue_status(s: Svc, who: User, ids: str = "") -> JSONResponse:
    wanted = [int(x) for x in ids.split(",") if x.strip().isdigit()][:STATUS_POLL]
    with s.sessions() as session:
        docs = [d for d in session.scalars(select(Document).where(Document.id.in_(wanted)))
                if can_see(who, d.agency)]
        done = _pages_done(session, [d.id for d in docs])
        return JSONResponse({str(d.id): _status_row(d, done.get(d.id, 0)) for d in docs})


@router.post("/documents/{document_id}/retry")
def retry(request: Request, s: Svc, who: User, document_id: int,
          csrf_token: Annotated[str | None, Form()] = None) -> RedirectResponse:
    check_form(request, csrf_token)
    with s.sessions() as session:
        failed = visible(session, who, document_id).status == DocumentStatus.FAILED
    if not failed:
        flash(request, "info", f"Tài liệu số {document_id} không ở trạng thái lỗi; không cần xử lý lại.")
    elif error := queue_again(s, document_id, actor=who.username):
        log.warning("document %s set to be retried, not queued: %s", document_id, error)
        flash(request, "error", "Hàng đợi xử lý chưa sẵn sàng; tài liệu sẽ được xử lý khi hàng đợi hoạt động "
                                "lại.")
    else:
        flash(request, "ok", f"Đã đưa tài liệu số {document_id} vào hàng đợi để xử lý lại.")
    return RedirectResponse("/web/queue", status_code=303)
