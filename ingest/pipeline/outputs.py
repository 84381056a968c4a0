"""The archival outputs of a done document, stored next to its original: the plain-text sidecar and
the searchable PDF (PDF/A-2b where the input allows)."""

from __future__ import annotations

import logging

from sqlalchemy import update

from ingest.core.errors import TransientError
from ingest.publish.searchable_pdf import searchable_pdf
from ingest.publish.text import plain_text
from ingest.store.documents import get_document
from ingest.store.models import Document
from ingest.store.objects import derived_key
from ingest.store.services import Services
from schemas.ocr import OcrPage

__all__ = ["publish_document"]

log = logging.getLogger(__name__)


def publish_document(svc: Services, document_id: int, pages: list[OcrPage]) -> str | None:
    """Store the archival outputs next to the original: text sidecar and searchable PDF. A PDF that
    cannot be built is logged and left out; the document stays done and searchable."""
    with svc.sessions() as session:
        doc = get_document(session, document_id)
        sha, mime, key, mode, name = doc.sha256, doc.mime, doc.object_key, doc.ocr_mode, doc.filename
    svc.store.put(derived_key(sha, "text.txt"), plain_text(pages).encode("utf-8"),
                  content_type="text/plain; charset=utf-8")
    try:
        pdf = searchable_pdf(svc.store.get(key), mime, pages, title=name, mode=mode)
    except TransientError:
        raise
    except Exception as exc:  # a PDF is a convenience on top of the searchable text: never fail for it
        log.warning("document %s: no searchable PDF: %s", document_id, exc)
        return None
    pdf_key = derived_key(sha, "searchable.pdf")
    svc.store.put(pdf_key, pdf, content_type="application/pdf")
    with svc.sessions() as session:
        session.execute(update(Document).where(Document.id == document_id).values(pdf_key=pdf_key))
        session.commit()
    return pdf_key
