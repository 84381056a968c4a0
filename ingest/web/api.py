"""The JSON API under /api: upload scans, follow their status, fetch originals and derived files, search,
and keep dossier records and links. Every route but health needs the caller `ingest.web.auth.api_principal`
admits, and sees only what `ingest.store.access` lets it see."""

from __future__ import annotations

import logging
from datetime import date
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import Response
from sqlalchemy.orm import Session, selectinload

from ingest.core.enums import DocumentStatus, JobSource, LinkSource
from ingest.core.errors import NotFound
from ingest.pipeline.submit import submit_and_queue
from ingest.publish.alto import alto_xml
from ingest.search.query import search as run_search
from ingest.store.access import Principal, visible_document
from ingest.store.documents import document_out, stored_page
from ingest.store.dossiers import dossier_out, link, links_of, unlink, upsert
from ingest.store.models import Document, Page
from ingest.store.services import Services
from ingest.web.auth import api_principal
from schemas.api import DocumentOut, SearchFilters, SearchResults, Submission
from schemas.dossier import DossierIn, DossierLink, DossierOut, LinkRequest

__all__ = ["router"]

log = logging.getLogger(__name__)


def _services(request: Request) -> Services:
    return request.app.state.svc


Svc = Annotated[Services, Depends(_services)]
# open while no user exists (SOHOA_API_TOKEN guards it if set); then a user's bearer token, agency-scoped
Who = Annotated[Principal | None, Depends(api_principal)]
router = APIRouter(prefix="/api")
guard = [Depends(api_principal)]


def _actor(who: Principal | None) -> str | None:
    return who.username if who else None


@router.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


@router.post("/documents", response_model=Submission, status_code=202, dependencies=guard,
             summary="Upload a scan; answers at once with the document id")
async def upload(s: Svc, who: Who, file: Annotated[UploadFile, File(description="PDF, TIFF, PNG or JPEG")],
                 dossier_code: Annotated[str | None, Form()] = None) -> Submission:
    data = await file.read(s.settings.max_upload_bytes + 1)
    submitted = submit_and_queue(s, data, file.filename or "upload", dossier_code=dossier_code,
                                 source=JobSource.API, requested_by=_actor(who),
                                 agency=who.agency if who else None)
    if submitted.queue_error:
        log.warning("document %s stored, not queued: %s", submitted.submission.document_id,
                    submitted.queue_error)
        raise HTTPException(503, f"document {submitted.submission.document_id} was stored but the queue is "
                                 "unreachable; it will be processed once the queue is back (the sweeper "
                                 "sends it)")
    return submitted.submission


@router.get("/documents/{document_id}", response_model=DocumentOut, dependencies=guard)
def get_document(s: Svc, who: Who, document_id: int) -> DocumentOut:
    with s.sessions() as session:
        doc = visible_document(session, who, document_id, options=[selectinload(Document.pages)])
        return document_out(session, doc)


@router.get("/documents/{document_id}/original", dependencies=guard, response_class=Response,
            summary="The uploaded bytes, unchanged")
def get_original(s: Svc, who: Who, document_id: int) -> Response:
    with s.sessions() as session:
        doc = visible_document(session, who, document_id)
        key, mime, name, sha = doc.object_key, doc.mime, doc.filename, doc.sha256
    return Response(s.store.get(key), media_type=mime, headers={
        "Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}", "ETag": f'"{sha}"'})


def _done_document(s: Services, who: Principal | None, document_id: int,
                   what: str) -> tuple[Document, list[Page]]:
    """A visible document whose `what` (a derived file) can be had: only once it is done."""
    with s.sessions() as session:
        doc = visible_document(session, who, document_id, options=[selectinload(Document.pages)])
        if doc.status != DocumentStatus.DONE:
            raise HTTPException(409, f"document {document_id} is {doc.status}; its {what} exists once it "
                                     "is done")
        return doc, list(doc.pages)


@router.get("/documents/{document_id}/pdf", dependencies=guard, response_class=Response,
            summary="The searchable PDF (PDF/A-2b where the input allows)")
def get_pdf(s: Svc, who: Who, document_id: int) -> Response:
    doc, _pages = _done_document(s, who, document_id, "searchable PDF")
    if not doc.pdf_key:
        raise NotFound(f"document {document_id} has no searchable PDF (see the worker log for why)")
    stem = doc.filename.rsplit(".", 1)[0]
    return Response(s.store.get(doc.pdf_key), media_type="application/pdf", headers={
        "Content-Disposition": f"attachment; filename*=UTF-8''{quote(stem)}.ocr.pdf"})


@router.get("/documents/{document_id}/text", dependencies=guard, response_class=Response,
            summary="Plain text of every page, pages separated by form feeds")
def get_text(s: Svc, who: Who, document_id: int) -> Response:
    _doc, pages = _done_document(s, who, document_id, "text")
    return Response("\f".join(p.text for p in pages) + "\n", media_type="text/plain; charset=utf-8")


@router.get("/documents/{document_id}/alto", dependencies=guard, response_class=Response,
            summary="ALTO v4 XML of the recognised pages")
def get_alto(s: Svc, who: Who, document_id: int) -> Response:
    doc, pages = _done_document(s, who, document_id, "ALTO")
    words = [stored_page(s, p) for p in pages]
    return Response(alto_xml(words, filename=doc.filename), media_type="application/xml")


@router.put("/dossiers/{code}", response_model=DossierOut, dependencies=guard,
            summary="Create or update a dossier record (hồ sơ TTHC)")
def put_dossier(s: Svc, who: Who, code: str, body: DossierIn) -> DossierOut:
    if who is not None and not who.can_edit:
        raise HTTPException(403, "only reviewers and admins change dossier records")
    with s.sessions() as session:
        upsert(session, code, body, actor=_actor(who))
        session.commit()
        return dossier_out(session, code.strip(), agencies=who.agencies if who else None)


@router.get("/dossiers/{code}", response_model=DossierOut, dependencies=guard,
            summary="A dossier with its linked documents")
def get_dossier(s: Svc, who: Who, code: str) -> DossierOut:
    with s.sessions() as session:
        return dossier_out(session, code, agencies=who.agencies if who else None)


def _linkable(session: Session, who: Principal | None, document_id: int) -> Document:
    """A visible document whose dossier links `who` may change (reviewers, admins, its uploader)."""
    doc = visible_document(session, who, document_id)
    if who is not None and not who.can_edit and who.username != doc.uploaded_by:
        raise HTTPException(403, "only reviewers, admins or the uploader change a document's links")
    return doc


@router.post("/documents/{document_id}/dossiers", response_model=list[DossierLink], dependencies=guard,
             summary="Link a document to a dossier code by hand")
def link_dossier(s: Svc, who: Who, document_id: int, body: LinkRequest) -> list[DossierLink]:
    with s.sessions() as session:
        _linkable(session, who, document_id)
        link(session, document_id, body.code, source=LinkSource.MANUAL, actor=_actor(who))
        session.commit()
        return links_of(session, document_id)


@router.delete("/documents/{document_id}/dossiers/{code}", response_model=list[DossierLink],
               dependencies=guard, summary="Unlink a document from a dossier code")
def unlink_dossier(s: Svc, who: Who, document_id: int, code: str) -> list[DossierLink]:
    with s.sessions() as session:
        _linkable(session, who, document_id)
        unlink(session, document_id, code, actor=_actor(who))
        session.commit()
        return links_of(session, document_id)


@router.get("/search", response_model=SearchResults, dependencies=guard)
def search(s: Svc, who: Who, q: Annotated[str, Query(description="words, with or without diacritics")] = "",
           agency: str | None = None, doc_type: Annotated[str | None, Query(alias="type")] = None,
           date_from: Annotated[date | None, Query(alias="from")] = None,
           date_to: Annotated[date | None, Query(alias="to")] = None,
           dossier_code: Annotated[str | None, Query(alias="dossier")] = None,
           limit: Annotated[int, Query(ge=1, le=200)] = 20,
           offset: Annotated[int, Query(ge=0)] = 0) -> SearchResults:
    filters = SearchFilters(agency=agency, doc_type=doc_type, date_from=date_from, date_to=date_to,
                            dossier_code=dossier_code, agencies=who.agencies if who else None)
    with s.sessions() as session:
        return run_search(session, q, limit=limit, offset=offset, filters=filters)
