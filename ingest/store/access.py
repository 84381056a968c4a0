"""Who is asking, and what they may see: a `Principal` (a signed-in user or the service token) sees the
documents of its agency, an admin all of them; `visible_document` is the one check every page and API
route makes ("missing" and "another agency's" are the same answer)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from ingest.core.enums import Role
from ingest.core.errors import NotFound
from ingest.store.models import Document, User

__all__ = ["SERVICE", "Principal", "can_see", "visible_document"]


@dataclass(frozen=True)
class Principal:
    """Who is asking: a signed-in user (or the holder of SOHOA_API_TOKEN, with admin scope)."""

    username: str
    role: str
    agency: str | None

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN

    @property
    def can_edit(self) -> bool:
        """Reviewers and admins correct text and metadata."""
        return self.role in (Role.REVIEWER, Role.ADMIN)

    @property
    def agencies(self) -> list[str] | None:
        """The access scope for search filters: None (all) for an admin, else the user's agency."""
        return None if self.is_admin else [self.agency or ""]

    @classmethod
    def of(cls, user: User) -> Principal:
        return cls(username=user.username, role=user.role, agency=user.agency)


SERVICE = Principal(username="api-token", role=Role.ADMIN, agency=None)


def can_see(who: Principal | None, agency: str | None) -> bool:
    """Whether `who` may read or change a document of `agency` (None: the open demo API)."""
    if who is None or who.is_admin:
        return True
    return who.agency is not None and agency == who.agency


def visible_document(session: Session, who: Principal | None, document_id: int,
                     options: Sequence[Any] = ()) -> Document:
    """The document if `who` may see it; `NotFound` alike for a missing one and another agency's."""
    doc = session.get(Document, document_id, options=list(options))
    if doc is None or not can_see(who, doc.agency):
        raise NotFound(f"document {document_id} does not exist")
    return doc
