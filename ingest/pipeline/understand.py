"""Understand a document: its Decree 30 metadata read from its pages (fields a person set are left
alone), and links to the dossier codes its text mentions."""

from __future__ import annotations

import logging

from ingest.metadata.extract import extract_from_result
from ingest.store.documents import get_document
from ingest.store.dossiers import record_found_codes
from ingest.store.services import Services
from schemas.ocr import OcrPage, OcrResult

__all__ = ["understand_document"]

log = logging.getLogger(__name__)


def understand_document(svc: Services, document_id: int, pages: list[OcrPage]) -> None:
    """Fill the document's metadata (Decree 30 fields) from its pages, leaving fields a person set
    alone, and link the dossier codes its text mentions."""
    with svc.sessions() as session:
        doc = get_document(session, document_id)
        try:
            meta = extract_from_result(OcrResult(source=doc.filename, pages=pages))
        except Exception:  # metadata is a help to people, never a reason to fail a document
            log.exception("document %s: metadata extraction failed", document_id)
            return
        for field, value in meta.model_dump().items():
            if field == "dossier_codes":
                doc.dossier_codes = value
            elif field == "recipients":
                doc.recipients = doc.recipients or value
            elif getattr(doc, field) in (None, "") and value not in (None, ""):
                setattr(doc, field, value)
        record_found_codes(session, document_id, meta.dossier_codes)
        session.commit()
