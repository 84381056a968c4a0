"""Finding lost work: documents still queued or processing that made no progress for a while (their
worker vanished, or the broker lost the messages), and marking requeued ones as just touched."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from ingest.core.enums import DocumentStatus
from ingest.store.models import Document, utcnow
from ingest.store.services import Services

__all__ = ["stale_documents", "touch"]


def stale_documents(svc: Services, stale_after: float) -> list[int]:
    """Documents whose work seems lost: queued or processing, with no progress for `stale_after`
    seconds (their worker vanished, or the broker lost the messages). The sweeper requeues them;
    a requeued document only redoes its missing pages."""
    cutoff = utcnow() - timedelta(seconds=stale_after)
    with svc.sessions() as session:
        return list(session.scalars(select(Document.id).where(
            Document.status.in_(DocumentStatus.active()), Document.updated_at < cutoff)
            .order_by(Document.id)))


def touch(svc: Services, document_ids: list[int]) -> None:
    """Record that these documents were just (re)queued, so the sweeper waits before trying again."""
    if document_ids:
        with svc.sessions() as session:
            session.execute(update(Document).where(Document.id.in_(document_ids)).values(updated_at=utcnow()))
            session.commit()
