"""Thin Celery tasks: each hands over to ingest.pipeline. A document task fans out one task per page
and joins them with a chord, so the pages of one document run on several workers at once."""

from __future__ import annotations

from typing import Any

from celery import chord
from celery.exceptions import SoftTimeLimitExceeded
from celery.utils.log import get_task_logger

from ingest import pipeline
from ingest.context import get_services
from ingest.errors import SohoaError
from workers.app import app

log = get_task_logger(__name__)


@app.task(name="sohoa.process_document")
def process_document(document_id: int) -> int:
    svc = get_services()
    try:
        pages = pipeline.start_document(svc, document_id)
    except SohoaError as exc:
        pipeline.fail_document(svc, document_id, exc.message)
        raise
    chord(process_page.s(document_id, n) for n in range(1, pages + 1))(finish_document.s(document_id))
    return pages


@app.task(name="sohoa.process_page", time_limit=get_services().settings.page_time_limit + 30,
          soft_time_limit=get_services().settings.page_time_limit)
def process_page(document_id: int, number: int) -> dict[str, Any]:
    svc = get_services()
    try:
        return pipeline.process_page(svc, document_id, number)
    except SoftTimeLimitExceeded:
        limit = svc.settings.page_time_limit
        return {"page": number, "ok": False,
                "error": f"recognition took over {limit} s; the scan may be damaged or far too large"}
    except Exception as exc:  # the chord must always join, so every page reports an outcome
        log.exception("document %s page %s crashed", document_id, number)
        return {"page": number, "ok": False, "error": f"internal error: {exc.__class__.__name__}: {exc}"}


@app.task(name="sohoa.finish_document")
def finish_document(outcomes: list[dict[str, Any]], document_id: int) -> str:
    return pipeline.finish_document(get_services(), document_id, outcomes)
