"""What the workers run for a stored document: start it, read each page (its PDF text layer kept or
repaired, or the page recognised) and save it, record failures, and complete the document once every
page is saved (metadata, archival outputs, done). Each step is safe to run twice: a page already
saved is not read again, and a repeated run writes the same row and object keys."""

from __future__ import annotations

import logging

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from ingest.core.enums import DocumentStatus, PageSource
from ingest.core.errors import SohoaError, TransientError
from ingest.pipeline.outputs import publish_document
from ingest.pipeline.read import read_stored_page
from ingest.pipeline.understand import understand_document
from ingest.raster.textlayer import LayerAction
from ingest.search.keys import search_key
from ingest.store.documents import get_document, stored_pages
from ingest.store.models import Document, Page, utcnow
from ingest.store.objects import derived_key
from ingest.store.services import Services
from schemas.ocr import OcrPage
from schemas.tasks import PageOutcome

__all__ = ["fail_document", "finish_document", "process_page", "record_page_failure", "start_document"]

log = logging.getLogger(__name__)
#: where a page's text came from, for each thing done with its PDF text layer
SOURCE_OF = {LayerAction.OCR: PageSource.OCR, LayerAction.KEEP: PageSource.TEXT_LAYER,
             LayerAction.REPAIR: PageSource.REPAIRED}


def start_document(svc: Services, document_id: int) -> list[int]:
    """Mark a document as being processed; returns the numbers of its pages not yet saved, so a
    document whose run was interrupted resumes where it stopped (and a finished one does nothing)."""
    with svc.sessions() as session:
        doc = get_document(session, document_id)
        saved = set(session.scalars(select(Page.number).where(Page.document_id == doc.id)))
        missing = [n for n in range(1, doc.page_count + 1) if n not in saved]
        if doc.status == DocumentStatus.DONE and not missing:
            return []
        doc.status, doc.error = DocumentStatus.PROCESSING, None
        doc.started_at = doc.started_at or utcnow()
        doc.updated_at = utcnow()
        session.commit()
        return missing


def process_page(svc: Services, document_id: int, number: int) -> PageOutcome:
    """Read one page of a stored document and save it (text, words, hOCR).

    A PDF page's existing text layer is used according to the document's mode (see
    `ingest.raster.textlayer.decide`); otherwise the page is recognised. Idempotent: a page already saved
    is not read again, and a run repeated after a crash writes the same row and object keys. A page
    that cannot be read fails the document with the reason; `TransientError` (store or database
    briefly away) propagates so the task retries. The page that completes the document publishes
    its archival outputs.
    """
    with svc.sessions() as session:
        doc = get_document(session, document_id)
        sha, mime, key, mode = doc.sha256, doc.mime, doc.object_key, doc.ocr_mode
        done = session.scalar(select(Page.id).where(Page.document_id == document_id, Page.number == number))
    if done is None:
        outcome = _read_and_save(svc, document_id, number, sha=sha, mime=mime, key=key, mode=mode)
        if not outcome.ok:
            return outcome
    else:
        outcome = PageOutcome(page=number, ok=True, skipped=True)
    _complete_if_all_saved(svc, document_id)
    return outcome


def _read_and_save(svc: Services, document_id: int, number: int, *, sha: str, mime: str, key: str,
                   mode: str) -> PageOutcome:
    """Read the page and save it with its words and hOCR; a page that cannot be read fails the
    document with the reason (a transient error propagates)."""
    try:
        page, hocr, action = read_stored_page(svc.store.get(key), mime, number, mode, svc.settings)
    except TransientError:
        raise
    except SohoaError as exc:
        log.warning("document %s page %s failed: %s", document_id, number, exc.message)
        record_page_failure(svc, document_id, number, exc.message)
        return PageOutcome(page=number, ok=False, error=exc.message)
    source = SOURCE_OF[action]
    hocr_key = derived_key(sha, f"page_{number:04d}.hocr") if hocr is not None else None
    words_key = derived_key(sha, f"page_{number:04d}.json")
    if hocr_key:
        svc.store.put(hocr_key, hocr.encode("utf-8"), content_type="text/vnd.hocr+html")
    svc.store.put(words_key, page.model_dump_json().encode("utf-8"), content_type="application/json")
    _save_page(svc, document_id, page, hocr_key, words_key, source=source)
    return PageOutcome(page=number, ok=True, mean_conf=page.mean_conf, source=source)


def _save_page(svc: Services, document_id: int, page: OcrPage, hocr_key: str | None, words_key: str,
               *, source: PageSource = PageSource.OCR) -> None:
    values = {"text": page.text, "text_folded": search_key(page.text), "mean_conf": page.mean_conf,
              "rotation": page.rotation, "hocr_key": hocr_key, "words_key": words_key,
              "needs_review": page.needs_review, "source": source}
    for _attempt in range(2):
        with svc.sessions() as session:
            row = session.scalar(select(Page).where(Page.document_id == document_id,
                                                    Page.number == page.number))
            if row is None:
                session.add(Page(document_id=document_id, number=page.number, **values))
            else:
                for k, v in values.items():
                    setattr(row, k, v)
            session.execute(update(Document).where(Document.id == document_id).values(updated_at=utcnow()))
            try:
                session.commit()
                return
            except IntegrityError:  # a concurrent run of the same page inserted first: update it
                session.rollback()
    raise SohoaError(f"could not save page {page.number} of document {document_id}")


def _complete_if_all_saved(svc: Services, document_id: int) -> bool:
    """Done when every page is saved: publish the archival outputs, then mark the document done (so
    a done document always has them). Run after each page's own commit, so whichever page commits
    last sees them all: completion does not depend on the chord callback arriving."""
    with svc.sessions() as session:
        doc = get_document(session, document_id)
        saved = session.scalar(select(func.count()).select_from(Page).where(Page.document_id == doc.id))
        if saved < doc.page_count or doc.status not in DocumentStatus.active():
            return False
    pages = stored_pages(svc, document_id)  # read once for both steps
    understand_document(svc, document_id, pages)
    publish_document(svc, document_id, pages)
    with svc.sessions() as session:
        result = session.execute(update(Document).where(Document.id == document_id,
                                                        Document.status.in_(DocumentStatus.active()))
                                 .values(status=DocumentStatus.DONE, error=None, finished_at=utcnow()))
        session.commit()
        return bool(result.rowcount)


def record_page_failure(svc: Services, document_id: int, number: int, reason: str) -> None:
    """Fail the document, adding "page N: reason" to what it says went wrong."""
    note = f"page {number}: {reason}"
    with svc.sessions() as session:
        doc = get_document(session, document_id)
        known = [e for e in (doc.error or "").split("; ") if e]
        if note not in known:
            known.append(note)
        doc.status, doc.error, doc.finished_at = DocumentStatus.FAILED, "; ".join(known), utcnow()
        session.commit()


def finish_document(svc: Services, document_id: int, outcomes: list[PageOutcome]) -> str:
    """The chord's join: record page failures, or mark the document done when every page is saved.
    Pages still missing (a redelivered page counted twice) leave it processing; the last page to
    be saved, or the sweeper, completes it."""
    for outcome in outcomes:
        if not outcome.ok:
            record_page_failure(svc, document_id, outcome.page, outcome.error or "unknown error")
    _complete_if_all_saved(svc, document_id)
    with svc.sessions() as session:
        return get_document(session, document_id).status


def fail_document(svc: Services, document_id: int, reason: str) -> None:
    """Record that a document could not be processed, and why."""
    with svc.sessions() as session:
        doc = session.get(Document, document_id)
        if doc is not None:
            doc.status, doc.error, doc.finished_at = DocumentStatus.FAILED, reason, utcnow()
            session.commit()
