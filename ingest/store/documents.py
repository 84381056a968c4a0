"""Documents read back from the database and the object store: the API's view of a document, and the
words (boxes, confidences) stored for each page."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from ingest.core.errors import NotFound
from ingest.store.dossiers import links_of
from ingest.store.models import Document, Page
from ingest.store.services import Services
from schemas.api import DocumentMetadata, DocumentOut, PageOut
from schemas.ocr import OcrPage

__all__ = ["document_out", "get_document", "page_words", "stored_page", "stored_pages"]


def document_out(session: Session, doc: Document, *, with_pages: bool = True) -> DocumentOut:
    """The API view of a document."""
    pages = list(doc.pages)
    meta = DocumentMetadata(**{f: getattr(doc, f) for f in DocumentMetadata.model_fields})
    return DocumentOut(
        id=doc.id, sha256=doc.sha256, filename=doc.filename, mime=doc.mime, size=doc.size,
        page_count=doc.page_count, pages_done=len(pages), status=doc.status, error=doc.error,
        dossier_code=doc.dossier_code, created_at=doc.created_at, finished_at=doc.finished_at,
        metadata=meta, agency=doc.agency, dossiers=links_of(session, doc.id),
        pages=[PageOut(number=p.number, text=p.text, mean_conf=p.mean_conf, needs_review=p.needs_review)
               for p in pages] if with_pages else [],
    )


def stored_page(svc: Services, row: Page) -> OcrPage:
    """A saved page with its words (boxes, confidences) when it has them, else its text alone."""
    return page_words(svc, row) or OcrPage(number=row.number, text=row.text)


def stored_pages(svc: Services, document_id: int) -> list[OcrPage]:
    """Every saved page of a document, in order, as `stored_page` gives them."""
    with svc.sessions() as session:
        rows = list(session.scalars(select(Page).where(Page.document_id == document_id)
                                    .order_by(Page.number)))
    return [stored_page(svc, row) for row in rows]


def page_words(svc: Services, page: Page) -> OcrPage | None:
    """The stored words (boxes, confidences) of a page."""
    if not page.words_key:
        return None
    return OcrPage.model_validate(json.loads(svc.store.get(page.words_key)))


def get_document(session: Session, document_id: int) -> Document:
    """The document with this id, or `NotFound`."""
    doc = session.get(Document, document_id)
    if doc is None:
        raise NotFound(f"document {document_id} does not exist")
    return doc
