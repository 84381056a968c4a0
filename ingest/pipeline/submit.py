"""Submit and queue: the one way an upload enters the pipeline, whichever door it came through (web, API,
`sohoa ingest`, backfill). Intake checks the bytes, the original is stored once (same bytes, same
document), the document and the request are recorded, and new work is handed to the workers.

A queue that cannot be reached loses nothing: the document is stored and recorded as queued, the
answer says the queue was unreachable, and the sweeper queues the document once the queue is back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ingest.core.dispatch import get_dispatcher
from ingest.core.enums import AuditAction, DocumentStatus, JobSource, LinkSource, OcrMode
from ingest.core.errors import Refusal, RejectedInput
from ingest.intake.checks import inspect
from ingest.store.audit import audit
from ingest.store.documents import get_document
from ingest.store.dossiers import check_dossier_code, link
from ingest.store.models import Document, Job, utcnow
from ingest.store.objects import put_original
from ingest.store.services import Services
from schemas.api import Submission

__all__ = ["Submitted", "check_mode", "queue_again", "submit", "submit_and_queue"]



@dataclass(frozen=True)
class Submitted:
    """What became of an upload: the document it is, and why it is not in the queue yet, if it is not."""

    submission: Submission
    #: the queue could not be reached (the document is stored and will be queued by the sweeper)
    queue_error: str | None = None


def check_mode(mode: str) -> OcrMode:
    """The OCR mode named by `mode`, or a clear refusal."""
    try:
        return OcrMode(mode)
    except ValueError:
        raise RejectedInput(f"mode {mode!r} is not one of {', '.join(OcrMode)}", Refusal.BAD_MODE) from None


def submit(svc: Services, data: bytes, filename: str, *, dossier_code: str | None = None,
           source: JobSource = JobSource.CLI, requested_by: str | None = None, agency: str | None = None,
           ocr_mode: str = OcrMode.SKIP) -> Submission:
    """Check an upload, store the original once, and record the document. Same bytes, same document.

    A new document belongs to `agency` and records `requested_by` as its uploader.
    `ocr_mode` (skip | redo | force) says what to do with text layers a PDF already has.
    `queued` in the answer says the document must be handed to the workers (`submit_and_queue` does).
    """
    mode = check_mode(ocr_mode)
    dossier_code = check_dossier_code(dossier_code)
    info = inspect(data, filename, svc.settings)
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
                           size=info.size, page_count=info.page_count, status=DocumentStatus.QUEUED,
                           dossier_code=dossier_code, recipients=[], dossier_codes=[], agency=agency,
                           uploaded_by=requested_by, ocr_mode=mode)
            session.add(doc)
            try:
                session.flush()
            except IntegrityError:  # the same bytes arrived at the same moment: use that document
                session.rollback()
                doc = session.scalar(select(Document).where(Document.sha256 == info.sha256))
                assert doc is not None
                duplicate = True
        queued = not duplicate
        if duplicate and doc.status == DocumentStatus.FAILED:  # a retry of a failed document runs it again
            doc.status, doc.error, queued = DocumentStatus.QUEUED, None, True
        if duplicate and dossier_code and not doc.dossier_code:
            doc.dossier_code = dossier_code
        if dossier_code:
            link(session, doc.id, dossier_code, source=LinkSource.UPLOAD, actor=requested_by)
        session.add(Job(document_id=doc.id, source=source, requested_by=requested_by, filename=name,
                        duplicate=duplicate))
        session.commit()
        return Submission(document_id=doc.id, sha256=doc.sha256, status=doc.status, duplicate=duplicate,
                          queued=queued, filename=name, page_count=doc.page_count)


def submit_and_queue(svc: Services, data: bytes, filename: str, *, dossier_code: str | None = None,
                     source: JobSource = JobSource.CLI, requested_by: str | None = None,
                     agency: str | None = None, ocr_mode: str = OcrMode.SKIP,
                     enqueue: Callable[[int], None] | None = None) -> Submitted:
    """`submit`, then hand the document to the workers when it has work to do (through `enqueue`, by
    default the configured dispatcher's). Refusals raise `RejectedInput`; a queue that cannot be
    reached does not raise: the answer's `queue_error` says so."""
    sub = submit(svc, data, filename, dossier_code=dossier_code, source=source, requested_by=requested_by,
                 agency=agency, ocr_mode=ocr_mode)
    if not sub.queued:
        return Submitted(sub)
    try:
        (enqueue or get_dispatcher().enqueue_document)(sub.document_id)
    except Exception as exc:  # stored and recorded as queued: the sweeper queues it once it can
        return Submitted(sub, queue_error=_unreachable(exc))
    return Submitted(sub)


def queue_again(svc: Services, document_id: int, *, actor: str | None = None) -> str | None:
    """Send a failed document to the workers again (audited); returns the queue's error when it cannot
    be reached (the document then waits, queued, for the sweeper). `NotFound` if there is no such
    document; a document that has not failed is left as it is."""
    with svc.sessions() as session:
        doc = get_document(session, document_id)
        if doc.status != DocumentStatus.FAILED:
            return None
        doc.status, doc.error, doc.finished_at, doc.updated_at = DocumentStatus.QUEUED, None, None, utcnow()
        audit(session, actor, AuditAction.RETRY, document_id=doc.id)
        session.commit()
    try:
        get_dispatcher().enqueue_document(document_id)
    except Exception as exc:
        return _unreachable(exc)
    return None


def _unreachable(exc: Exception) -> str:
    """The queue's error, for the door to say (and log) in its own way."""
    return f"{exc.__class__.__name__}: {exc}"
