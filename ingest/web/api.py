"""The FastAPI application: upload scans, follow their status, fetch originals, search."""

from __future__ import annotations

import logging
from datetime import date
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, FastAPI, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import JSONResponse, Response
from sqlalchemy.orm import selectinload

from ingest.core.dispatch import get_dispatcher
from ingest.core.errors import NotFound, RejectedInput, SohoaError
from ingest.core.settings import Settings, get_settings
from ingest.pipeline.document import document_out, submit
from ingest.search.query import search as run_search
from ingest.store.db import upgrade
from ingest.store.dossiers import dossier_out, link, links_of, unlink, upsert
from ingest.store.models import Document
from ingest.store.services import Services, get_services
from ingest.store.users import Principal, api_principal, can_see
from schemas.api import DocumentOut, SearchFilters, SearchResults, Submission
from schemas.dossier import DossierIn, DossierLink, DossierOut, LinkRequest

log = logging.getLogger(__name__)


def _services(request: Request) -> Services:
    return request.app.state.svc


Svc = Annotated[Services, Depends(_services)]
# open while no user exists (SOHOA_API_TOKEN guards it if set); then a user's bearer token, agency-scoped
Who = Annotated[Principal | None, Depends(api_principal)]


def create_app(settings: Settings | None = None, *, migrate: bool = True) -> FastAPI:
    """The API over the given settings (default: the environment's)."""
    svc = get_services(settings or get_settings())
    if migrate:
        upgrade(svc.settings.database_url)
    app = FastAPI(title="sohoa", version="0.1.0",
                  description="Digitisation and Vietnamese OCR of administrative results (Decree 45/2020).")

    app.state.svc = svc
    guard = [Depends(api_principal)]
    from ingest.web import mount_web

    mount_web(app)

    @app.exception_handler(RejectedInput)
    async def _rejected(_request: Request, exc: RejectedInput) -> JSONResponse:
        return JSONResponse({"detail": exc.message}, status_code=422)

    @app.exception_handler(NotFound)
    async def _not_found(_request: Request, exc: NotFound) -> JSONResponse:
        return JSONResponse({"detail": exc.message}, status_code=404)

    @app.exception_handler(SohoaError)
    async def _sohoa_error(_request: Request, exc: SohoaError) -> JSONResponse:
        return JSONResponse({"detail": exc.message}, status_code=400)

    @app.get("/api/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/api/documents", response_model=Submission, status_code=202, dependencies=guard,
              summary="Upload a scan; answers at once with the document id")
    async def upload(s: Svc, who: Who,
                     file: Annotated[UploadFile, File(description="PDF, TIFF, PNG or JPEG")],
                     dossier_code: Annotated[str | None, Form()] = None) -> Submission:
        data = await file.read(s.settings.max_upload_bytes + 1)
        sub = submit(s, data, file.filename or "upload", dossier_code=dossier_code, source="api",
                     requested_by=who.username if who else None, agency=who.agency if who else None)
        if sub.queued:
            try:
                get_dispatcher().enqueue_document(sub.document_id)
            except Exception:  # stored and recorded; it can be queued again, never lost
                log.exception("could not queue document %s", sub.document_id)
                raise HTTPException(503, f"document {sub.document_id} was stored but the queue is "
                                         "unreachable; it will be processed when you upload it again "
                                         "or the queue is back") from None
        return sub

    @app.get("/api/documents/{document_id}", response_model=DocumentOut, dependencies=guard)
    def get_document(s: Svc, who: Who, document_id: int) -> DocumentOut:
        with s.sessions() as session:
            doc = session.get(Document, document_id, options=[selectinload(Document.pages)])
            if doc is None or not can_see(who, doc.agency):
                raise NotFound(f"document {document_id} does not exist")
            return document_out(session, doc)

    @app.get("/api/documents/{document_id}/original", dependencies=guard,
             response_class=Response, summary="The uploaded bytes, unchanged")
    def get_original(s: Svc, who: Who, document_id: int) -> Response:
        with s.sessions() as session:
            doc = session.get(Document, document_id)
            if doc is None or not can_see(who, doc.agency):
                raise NotFound(f"document {document_id} does not exist")
            key, mime, name, sha = doc.object_key, doc.mime, doc.filename, doc.sha256
        return Response(s.store.get(key), media_type=mime, headers={
            "Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}", "ETag": f'"{sha}"'})

    def _derived(s: Services, document_id: int, what: str, who: Principal | None) -> tuple[Document, list]:
        with s.sessions() as session:
            doc = session.get(Document, document_id, options=[selectinload(Document.pages)])
            if doc is None or not can_see(who, doc.agency):
                raise NotFound(f"document {document_id} does not exist")
            if doc.status != "done":
                raise HTTPException(409, f"document {document_id} is {doc.status}; its {what} exists once "
                                         "it is done")
            return doc, list(doc.pages)

    @app.get("/api/documents/{document_id}/pdf", dependencies=guard, response_class=Response,
             summary="The searchable PDF (PDF/A-2b where the input allows)")
    def get_pdf(s: Svc, who: Who, document_id: int) -> Response:
        doc, _pages = _derived(s, document_id, "searchable PDF", who)
        if not doc.pdf_key:
            raise NotFound(f"document {document_id} has no searchable PDF (see the worker log for why)")
        stem = doc.filename.rsplit(".", 1)[0]
        return Response(s.store.get(doc.pdf_key), media_type="application/pdf", headers={
            "Content-Disposition": f"attachment; filename*=UTF-8''{quote(stem)}.ocr.pdf"})

    @app.get("/api/documents/{document_id}/text", dependencies=guard, response_class=Response,
             summary="Plain text of every page, pages separated by form feeds")
    def get_text(s: Svc, who: Who, document_id: int) -> Response:
        doc, pages = _derived(s, document_id, "text", who)
        return Response("\f".join(p.text for p in pages) + "\n", media_type="text/plain; charset=utf-8")

    @app.get("/api/documents/{document_id}/alto", dependencies=guard, response_class=Response,
             summary="ALTO v4 XML of the recognised pages")
    def get_alto(s: Svc, who: Who, document_id: int) -> Response:
        from ingest.pipeline.document import stored_page
        from ingest.publish.archive import alto_xml

        doc, pages = _derived(s, document_id, "ALTO", who)
        words = [stored_page(s, p) for p in pages]
        return Response(alto_xml(words, filename=doc.filename), media_type="application/xml")

    @app.put("/api/dossiers/{code}", response_model=DossierOut, dependencies=guard,
             summary="Create or update a dossier record (hồ sơ TTHC)")
    def put_dossier(s: Svc, who: Who, code: str, body: DossierIn) -> DossierOut:
        if who is not None and not who.can_edit:
            raise HTTPException(403, "only reviewers and admins change dossier records")
        with s.sessions() as session:
            upsert(session, code, body, actor=who.username if who else None)
            session.commit()
            return dossier_out(session, code.strip(), agencies=who.agencies if who else None)

    @app.get("/api/dossiers/{code}", response_model=DossierOut, dependencies=guard,
             summary="A dossier with its linked documents")
    def get_dossier(s: Svc, who: Who, code: str) -> DossierOut:
        with s.sessions() as session:
            return dossier_out(session, code, agencies=who.agencies if who else None)

    def _own_document(session, who: Principal | None, document_id: int) -> Document:
        doc = session.get(Document, document_id)
        if doc is None or not can_see(who, doc.agency):
            raise NotFound(f"document {document_id} does not exist")
        if who is not None and not who.can_edit and who.username != doc.uploaded_by:
            raise HTTPException(403, "only reviewers, admins or the uploader change a document's links")
        return doc

    @app.post("/api/documents/{document_id}/dossiers", response_model=list[DossierLink], dependencies=guard,
              summary="Link a document to a dossier code by hand")
    def link_dossier(s: Svc, who: Who, document_id: int, body: LinkRequest) -> list[DossierLink]:
        with s.sessions() as session:
            _own_document(session, who, document_id)
            link(session, document_id, body.code, source="manual", actor=who.username if who else None)
            session.commit()
            return links_of(session, document_id)

    @app.delete("/api/documents/{document_id}/dossiers/{code}", response_model=list[DossierLink],
                dependencies=guard, summary="Unlink a document from a dossier code")
    def unlink_dossier(s: Svc, who: Who, document_id: int, code: str) -> list[DossierLink]:
        with s.sessions() as session:
            _own_document(session, who, document_id)
            unlink(session, document_id, code, actor=who.username if who else None)
            session.commit()
            return links_of(session, document_id)

    @app.get("/api/search", response_model=SearchResults, dependencies=guard)
    def search(s: Svc, who: Who,
               q: Annotated[str, Query(description="words, with or without diacritics")] = "",
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

    return app
