"""The audit trail: who did what to which document or dossier, and when."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ingest.core.enums import AuditAction
from ingest.store.models import AuditEvent

__all__ = ["audit"]


def audit(session: Session, actor: str | None, action: AuditAction, *, document_id: int | None = None,
          dossier_code: str | None = None, field: str | None = None, old: Any = None,
          new: Any = None) -> None:
    """Record who did what, when."""
    session.add(AuditEvent(actor=actor, action=action, document_id=document_id, dossier_code=dossier_code,
                           field=field, old=None if old is None else str(old),
                           new=None if new is None else str(new)))
