"""Thin Celery tasks: each hands over to ingest.pipeline. A document task fans out one task per
missing page and joins them with a chord, so the pages of one document run on several workers at
once (a single page needs no join: the document task reads it itself). Tasks are acknowledged
late, retried with exponential backoff on transient store or database errors, and bounded by a
time limit; a periodic sweep requeues documents whose work was lost (a worker killed, a broker
restarted)."""

from __future__ import annotations

import random
from typing import Any

from celery import chord
from celery.exceptions import SoftTimeLimitExceeded
from celery.utils.log import get_task_logger
from sqlalchemy.exc import InterfaceError, OperationalError

from ingest.core.errors import SohoaError, TransientError
from ingest.pipeline import document as steps
from ingest.pipeline.sweep import stale_documents, touch
from ingest.store.services import get_services
from schemas.tasks import PageOutcome
from workers.app import app

log = get_task_logger(__name__)
TRANSIENT = (TransientError, OperationalError, InterfaceError)
_settings = get_services().settings


def _backoff(retries: int) -> float:
    """Exponential backoff with jitter: 1, 2, 4, … seconds, capped."""
    return min(_settings.retry_backoff_max, 2**retries) * random.uniform(0.8, 1.2)


# Results and states live in our database: only the page tasks store a result in Celery's backend,
# because the chord's join counts them there (each stored result is a write: ~4 ms on SQLite).
@app.task(bind=True, name="sohoa.process_document", max_retries=_settings.task_max_retries,
          ignore_result=True, soft_time_limit=_settings.page_time_limit,
          time_limit=_settings.page_time_limit + 30)
def process_document(self, document_id: int) -> int:
    svc = get_services()
    try:
        pages = steps.start_document(svc, document_id)
    except TRANSIENT as exc:
        raise self.retry(exc=exc, countdown=_backoff(self.request.retries)) from exc
    except SohoaError as exc:
        steps.fail_document(svc, document_id, exc.message)
        raise
    if len(pages) == 1:
        # nothing to join: the page is read right here (one trip through the broker fewer, which
        # on the polled SQLite broker is up to a polling interval of idle worker per document)
        try:
            _read_page(svc, document_id, pages[0])
        except TRANSIENT as exc:
            log.warning("document %s page %s: %s; handed to a page task", document_id, pages[0], exc)
            process_page.apply_async((document_id, pages[0]), countdown=_backoff(0))
    elif pages:
        chord(process_page.s(document_id, n) for n in pages)(finish_document.s(document_id))
    return len(pages)


def _read_page(svc: Any, document_id: int, number: int) -> PageOutcome:
    """One page through the pipeline; every outcome but a transient error (which the caller
    retries) is recorded, so a chord always joins and a document always ends."""
    try:
        return steps.process_page(svc, document_id, number)
    except TRANSIENT:
        raise
    except SoftTimeLimitExceeded:
        reason = (f"recognition took over {svc.settings.page_time_limit} s; the scan may be damaged "
                  "or far too large")
        steps.record_page_failure(svc, document_id, number, reason)
        return PageOutcome(page=number, ok=False, error=reason)
    except Exception as exc:
        log.exception("document %s page %s crashed", document_id, number)
        reason = f"internal error: {exc.__class__.__name__}: {exc}"
        steps.record_page_failure(svc, document_id, number, reason)
        return PageOutcome(page=number, ok=False, error=reason)


@app.task(bind=True, name="sohoa.process_page", max_retries=_settings.task_max_retries,
          soft_time_limit=_settings.page_time_limit, time_limit=_settings.page_time_limit + 30)
def process_page(self, document_id: int, number: int) -> dict[str, Any]:
    """One page; its `PageOutcome` goes back as JSON to the chord's join."""
    svc = get_services()
    try:
        return _read_page(svc, document_id, number).model_dump(mode="json")
    except TRANSIENT as exc:
        if self.request.retries >= self.max_retries:
            reason = f"gave up after {self.max_retries} retries: {exc}"
            steps.record_page_failure(svc, document_id, number, reason)
            return PageOutcome(page=number, ok=False, error=reason).model_dump(mode="json")
        log.warning("document %s page %s: %s; retrying", document_id, number, exc)
        raise self.retry(exc=exc, countdown=_backoff(self.request.retries)) from exc


@app.task(bind=True, name="sohoa.finish_document", max_retries=_settings.task_max_retries, ignore_result=True)
def finish_document(self, outcomes: list[dict[str, Any]], document_id: int) -> str:
    try:
        pages = [PageOutcome.model_validate(outcome) for outcome in outcomes]
        return steps.finish_document(get_services(), document_id, pages)
    except TRANSIENT as exc:
        raise self.retry(exc=exc, countdown=_backoff(self.request.retries)) from exc


@app.task(name="sohoa.sweep", ignore_result=True)
def sweep() -> list[int]:
    """Requeue documents with no progress for `stale_after` seconds."""
    svc = get_services()
    stale = stale_documents(svc, svc.settings.stale_after)
    for document_id in stale:
        log.warning("document %s made no progress for %s s: requeued", document_id, svc.settings.stale_after)
        process_document.delay(document_id)
    touch(svc, stale)
    return stale
