"""The steps composed with the database and the object store: intake → store original → (per page)
recognise → publish → join. These are what the Celery tasks call; each is safe to run twice."""

from __future__ import annotations

import json
import logging
import re
from datetime import timedelta
from pathlib import PurePath
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ingest.core.errors import NotFound, RejectedInput, SohoaError, TransientError
from ingest.intake import checks as intake
from ingest.intake.checks import PDF
from ingest.raster.textlayer import MODES, Decision, decide, page_text
from ingest.search.keys import search_key
from ingest.store.models import Document, Job, Page, utcnow
from ingest.store.objects import derived_key, put_original
from ingest.store.services import Services
from schemas.api import DocumentMetadata, DocumentOut, PageOut, Submission
from schemas.ocr import OcrPage, OcrResult

log = logging.getLogger(__name__)
DOSSIER_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{2,63}$")


# ---------------------------------------------------------------- intake into the store and database

def check_dossier_code(code: str | None) -> str | None:
    """A dossier code as given by a person, trimmed, or a clear refusal."""
    if code is None or not code.strip():
        return None
    code = code.strip()
    if not DOSSIER_CODE.match(code):
        raise RejectedInput(f"dossier code {code!r} is not valid: use letters, digits, '.', '-', '_' or '/' "
                            "(for example 000.00.17.H55-210516-0001)")
    return code


def submit(svc: Services, data: bytes, filename: str, *, dossier_code: str | None = None,
           source: str = "cli", requested_by: str | None = None, agency: str | None = None,
           ocr_mode: str = "skip") -> Submission:
    """Check an upload, store the original once, and record the document. Same bytes, same document.

    A new document belongs to `agency` and records `requested_by` as its uploader.

    `ocr_mode` (skip | redo | force) says what to do with text layers a PDF already has.
    `queued` in the answer says the caller must hand the document to the workers.
    """
    if ocr_mode not in MODES:
        raise RejectedInput(f"mode {ocr_mode!r} is not one of {', '.join(MODES)}")
    dossier_code = check_dossier_code(dossier_code)
    info = intake.inspect(data, filename, svc.settings)
    name = PurePath(filename).name
    meta = {"filename": name}
    if dossier_code:
        meta["dossier_code"] = dossier_code
    key = put_original(svc.store, info.sha256, data, content_type=info.mime, metadata=meta)
    with svc.sessions() as session:
        doc = session.scalar(select(Document).where(Document.sha256 == info.sha256))
        duplicate = doc is not None
        if doc is None:
            doc = Document(sha256=info.sha256, object_key=key, filename=name, mime=info.mime,
                           size=info.size, page_count=info.page_count, status="queued",
                           dossier_code=dossier_code, recipients=[], dossier_codes=[], agency=agency,
                           uploaded_by=requested_by, ocr_mode=ocr_mode)
            session.add(doc)
            try:
                session.flush()
            except IntegrityError:  # the same bytes arrived at the same moment: use that document
                session.rollback()
                doc = session.scalar(select(Document).where(Document.sha256 == info.sha256))
                assert doc is not None
                duplicate = True
        queued = not duplicate
        if duplicate and doc.status == "failed":  # a retry of a failed document runs it again
            doc.status, doc.error, queued = "queued", None, True
        if duplicate and dossier_code and not doc.dossier_code:
            doc.dossier_code = dossier_code
        if dossier_code:
            from ingest.store.dossiers import link

            link(session, doc.id, dossier_code, source="upload", actor=requested_by)
        session.add(Job(document_id=doc.id, source=source, requested_by=requested_by, filename=name,
                        duplicate=duplicate))
        session.commit()
        return Submission(document_id=doc.id, sha256=doc.sha256, status=doc.status, duplicate=duplicate,
                          queued=queued, filename=name, page_count=doc.page_count)


# ---------------------------------------------------------------- what the workers run

def _document(session: Session, document_id: int) -> Document:
    doc = session.get(Document, document_id)
    if doc is None:
        raise NotFound(f"document {document_id} does not exist")
    return doc


def start_document(svc: Services, document_id: int) -> list[int]:
    """Mark a document as being processed; returns the numbers of its pages not yet saved, so a
    document whose run was interrupted resumes where it stopped (and a finished one does nothing)."""
    with svc.sessions() as session:
        doc = _document(session, document_id)
        saved = set(session.scalars(select(Page.number).where(Page.document_id == doc.id)))
        missing = [n for n in range(1, doc.page_count + 1) if n not in saved]
        if doc.status == "done" and not missing:
            return []
        doc.status, doc.error = "processing", None
        doc.started_at = doc.started_at or utcnow()
        doc.updated_at = utcnow()
        session.commit()
        return missing


def process_page(svc: Services, document_id: int, number: int) -> dict[str, Any]:
    """Read one page of a stored document and save it (text, words, hOCR).

    A PDF page's existing text layer is used according to the document's mode (see
    `ingest.raster.textlayer.decide`); otherwise the page is recognised. Idempotent: a page already saved
    is not read again, and a run repeated after a crash writes the same row and object keys. A page
    that cannot be read fails the document with the reason; `TransientError` (store or database
    briefly away) propagates so the task retries. The page that completes the document publishes
    its archival outputs.
    """
    with svc.sessions() as session:
        doc = _document(session, document_id)
        sha, mime, key, mode = doc.sha256, doc.mime, doc.object_key, doc.ocr_mode
        done = session.scalar(select(Page.id).where(Page.document_id == document_id, Page.number == number))
    if done is not None:
        _complete_if_all_saved(svc, document_id)
        return {"page": number, "ok": True, "skipped": True}
    hocr = None
    try:
        data = svc.store.get(key)
        decision = decide(page_text(data, number), mode) if mime == PDF else Decision("ocr")
        if decision.action == "ocr":
            from ingest.raster.render import render_page  # here: a client that only submits needs no numpy
            from ingest.recognise.page import recognise_page

            image = render_page(data, mime, number, dpi=svc.settings.raster_dpi,
                                max_pixels=svc.settings.max_page_pixels)
            page, hocr = recognise_page(image, lang=svc.settings.ocr_lang)
        else:
            text = repair_text(decision.text) if decision.action == "repair" else decision.text
            page = OcrPage(number=number, text=text, mean_conf=100.0 if decision.action == "keep" else 0.0,
                           needs_review=decision.action == "repair")
    except TransientError:
        raise
    except SohoaError as exc:
        log.warning("document %s page %s failed: %s", document_id, number, exc.message)
        record_page_failure(svc, document_id, number, exc.message)
        return {"page": number, "ok": False, "error": exc.message}
    source = {"ocr": "ocr", "keep": "text_layer", "repair": "repaired"}[decision.action]
    hocr_key = derived_key(sha, f"page_{number:04d}.hocr") if hocr is not None else None
    words_key = derived_key(sha, f"page_{number:04d}.json")
    if hocr_key:
        svc.store.put(hocr_key, hocr.encode("utf-8"), content_type="text/vnd.hocr+html")
    svc.store.put(words_key, page.model_dump_json().encode("utf-8"), content_type="application/json")
    _save_page(svc, document_id, page, hocr_key, words_key, source=source)
    _complete_if_all_saved(svc, document_id)
    return {"page": number, "ok": True, "mean_conf": page.mean_conf, "source": source}


def understand_document(svc: Services, document_id: int, pages: list[OcrPage] | None = None) -> None:
    """Fill the document's metadata (Decree 30 fields) from its pages, leaving fields a person set
    alone, and link the dossier codes its text mentions."""
    from ingest.metadata.extract import extract_from_result
    from ingest.store.dossiers import record_found_codes

    pages = stored_pages(svc, document_id) if pages is None else pages
    with svc.sessions() as session:
        doc = _document(session, document_id)
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


def repair_text(text: str) -> str:
    """Garbled legacy OCR text repaired line by line with the Vietnamese model."""
    from ingest.vietnamese import repair_ocr

    return repair_ocr(text)


def publish_document(svc: Services, document_id: int, pages: list[OcrPage] | None = None) -> str | None:
    """Store the archival outputs next to the original: text sidecar and searchable PDF. A PDF that
    cannot be built is logged and left out; the document stays done and searchable."""
    from ingest.publish.archive import plain_text, searchable_pdf

    pages = stored_pages(svc, document_id) if pages is None else pages
    with svc.sessions() as session:
        doc = _document(session, document_id)
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


def _save_page(svc: Services, document_id: int, page: OcrPage, hocr_key: str | None, words_key: str,
               *, source: str = "ocr") -> None:
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
        doc = _document(session, document_id)
        saved = session.scalar(select(func.count()).select_from(Page).where(Page.document_id == doc.id))
        if saved < doc.page_count or doc.status not in ("queued", "processing"):
            return False
    pages = stored_pages(svc, document_id)  # read once for both steps
    understand_document(svc, document_id, pages)
    publish_document(svc, document_id, pages)
    with svc.sessions() as session:
        result = session.execute(update(Document).where(Document.id == document_id,
                                                        Document.status.in_(("queued", "processing")))
                                 .values(status="done", error=None, finished_at=utcnow()))
        session.commit()
        return bool(result.rowcount)


def record_page_failure(svc: Services, document_id: int, number: int, reason: str) -> None:
    """Fail the document, adding "page N: reason" to what it says went wrong."""
    note = f"page {number}: {reason}"
    with svc.sessions() as session:
        doc = _document(session, document_id)
        known = [e for e in (doc.error or "").split("; ") if e]
        if note not in known:
            known.append(note)
        doc.status, doc.error, doc.finished_at = "failed", "; ".join(known), utcnow()
        session.commit()


def finish_document(svc: Services, document_id: int, outcomes: list[dict[str, Any]]) -> str:
    """The chord's join: record page failures, or mark the document done when every page is saved.
    Pages still missing (a redelivered page counted twice) leave it processing; the last page to
    be saved, or the sweeper, completes it."""
    for o in outcomes:
        if not o.get("ok"):
            record_page_failure(svc, document_id, o["page"], o.get("error") or "unknown error")
    _complete_if_all_saved(svc, document_id)
    with svc.sessions() as session:
        return _document(session, document_id).status


def fail_document(svc: Services, document_id: int, reason: str) -> None:
    """Record that a document could not be processed, and why."""
    with svc.sessions() as session:
        doc = session.get(Document, document_id)
        if doc is not None:
            doc.status, doc.error, doc.finished_at = "failed", reason, utcnow()
            session.commit()


def stale_documents(svc: Services, stale_after: float) -> list[int]:
    """Documents whose work seems lost: queued or processing, with no progress for `stale_after`
    seconds (their worker vanished, or the broker lost the messages). The sweeper requeues them;
    a requeued document only redoes its missing pages."""
    cutoff = utcnow() - timedelta(seconds=stale_after)
    with svc.sessions() as session:
        return list(session.scalars(select(Document.id).where(
            Document.status.in_(("queued", "processing")), Document.updated_at < cutoff)
            .order_by(Document.id)))


def touch(svc: Services, document_ids: list[int]) -> None:
    """Record that these documents were just (re)queued, so the sweeper waits before trying again."""
    if document_ids:
        with svc.sessions() as session:
            session.execute(update(Document).where(Document.id.in_(document_ids)).values(updated_at=utcnow()))
            session.commit()


# ---------------------------------------------------------------- reading back

def document_out(session: Session, doc: Document, *, with_pages: bool = True) -> DocumentOut:
    """The API view of a document."""
    from ingest.store.dossiers import links_of

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
