"""The database's tables as SQLAlchemy 2.0 models. The schema itself is owned by the Alembic migrations
in ingest/store/migrations (`ingest.store.db.upgrade`); states and modes are the enums of
`ingest.core.enums`, stored as their string values."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from ingest.core.enums import (
    BackfillStatus,
    DocumentStatus,
    ItemStatus,
    LinkSource,
    OcrMode,
    PageSource,
    Role,
)


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[str]: JSON}


class Dossier(Base):
    """An administrative dossier (hồ sơ TTHC) whose result documents are linked to it."""

    __tablename__ = "dossier"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    procedure_code: Mapped[str | None] = mapped_column(String(64))
    procedure_name: Mapped[str | None] = mapped_column(Text)
    agency: Mapped[str | None] = mapped_column(Text)
    applicant: Mapped[str | None] = mapped_column(Text)
    received_at: Mapped[datetime | None] = mapped_column(index=True)
    due_at: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None] = mapped_column(index=True)
    status: Mapped[str | None] = mapped_column(String(32))  # a DossierStatus
    channel: Mapped[str | None] = mapped_column(String(16))  # a Channel
    level: Mapped[int | None] = mapped_column(Integer)  # the online service level (mức độ) 1-4
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Rating(Base):
    """One applicant's rating of the service, from the one-stop shop's rating export. `fingerprint`
    (the row's values and its occurrence among equal rows of its file) makes re-importing a file
    idempotent."""

    __tablename__ = "rating"
    id: Mapped[int] = mapped_column(primary_key=True)
    rated_at: Mapped[datetime] = mapped_column(index=True)
    agency: Mapped[str | None] = mapped_column(Text)
    satisfaction: Mapped[str] = mapped_column(String(16))  # a Satisfaction
    dossier_code: Mapped[str | None] = mapped_column(String(64))
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Document(Base):
    """One uploaded scan, identified by the SHA-256 of its bytes."""

    __tablename__ = "document"
    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    object_key: Mapped[str] = mapped_column(String(255))
    filename: Mapped[str] = mapped_column(Text)
    mime: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    page_count: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default=DocumentStatus.QUEUED, index=True)
    error: Mapped[str | None] = mapped_column(Text)
    dossier_code: Mapped[str | None] = mapped_column(String(64), index=True)
    agency: Mapped[str | None] = mapped_column(Text)
    doc_type: Mapped[str | None] = mapped_column(String(64))
    number: Mapped[str | None] = mapped_column(String(32))
    symbol: Mapped[str | None] = mapped_column(String(64))
    issuer: Mapped[str | None] = mapped_column(Text)
    place: Mapped[str | None] = mapped_column(Text)
    issued_date: Mapped[str | None] = mapped_column(String(10))
    subject: Mapped[str | None] = mapped_column(Text)
    signer_name: Mapped[str | None] = mapped_column(Text)
    signer_title: Mapped[str | None] = mapped_column(Text)
    recipients: Mapped[list[str]] = mapped_column(default=list)
    dossier_codes: Mapped[list[str]] = mapped_column(default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    ocr_mode: Mapped[str] = mapped_column(String(8), default=OcrMode.SKIP)
    pdf_key: Mapped[str | None] = mapped_column(String(255))
    uploaded_by: Mapped[str | None] = mapped_column(String(128))

    pages: Mapped[list[Page]] = relationship(back_populates="document", order_by="Page.number",
                                             cascade="all, delete-orphan")


class Page(Base):
    """One recognised page: repaired text, its search key, confidence and where its hOCR lives."""

    __tablename__ = "page"
    __table_args__ = (UniqueConstraint("document_id", "number", name="uq_page_document_number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")
    text_folded: Mapped[str] = mapped_column(Text, default="")
    mean_conf: Mapped[float] = mapped_column(default=0.0)
    rotation: Mapped[int] = mapped_column(Integer, default=0)
    hocr_key: Mapped[str | None] = mapped_column(String(255))
    words_key: Mapped[str | None] = mapped_column(String(255))
    needs_review: Mapped[bool] = mapped_column(default=False)
    source: Mapped[str] = mapped_column(String(16), default=PageSource.OCR)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    document: Mapped[Document] = relationship(back_populates="pages")


class Job(Base):
    """One ingest request: who asked, from where, for which document; duplicates are recorded."""

    __tablename__ = "job"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), index=True)
    source: Mapped[str] = mapped_column(String(32), default="cli")
    requested_by: Mapped[str | None] = mapped_column(String(128))
    filename: Mapped[str | None] = mapped_column(Text)
    duplicate: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class DocumentDossier(Base):
    """A link between a document and a dossier code (known dossier or not yet), with its origin."""

    __tablename__ = "document_dossier"
    __table_args__ = (UniqueConstraint("document_id", "dossier_code", name="uq_document_dossier"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), index=True)
    dossier_code: Mapped[str] = mapped_column(String(64), index=True)
    source: Mapped[str] = mapped_column(String(16), default=LinkSource.UPLOAD)
    created_by: Mapped[str | None] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class AuditEvent(Base):
    """Who changed what, when: metadata edits, links and unlinks, text corrections."""

    __tablename__ = "audit_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor: Mapped[str | None] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(32))
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id", ondelete="SET NULL"),
                                                    index=True)
    dossier_code: Mapped[str | None] = mapped_column(String(64))
    field: Mapped[str | None] = mapped_column(String(64))
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)


class Backfill(Base):
    """One bulk ingest of a folder tree or manifest; its items are the journal that makes it resumable."""

    __tablename__ = "backfill"
    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(Text)  # the folder or manifest, as given
    kind: Mapped[str] = mapped_column(String(16))  # a BackfillKind
    mode: Mapped[str] = mapped_column(String(8), default=OcrMode.SKIP)
    status: Mapped[str] = mapped_column(String(16), default=BackfillStatus.RUNNING)
    total: Mapped[int | None] = mapped_column(Integer)  # files found, when counted
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    finished_at: Mapped[datetime | None]


class BackfillItem(Base):
    """One file of a backfill: what became of it, and why."""

    __tablename__ = "backfill_item"
    __table_args__ = (UniqueConstraint("backfill_id", "path_raw", name="uq_backfill_item_path"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    backfill_id: Mapped[int] = mapped_column(ForeignKey("backfill.id", ondelete="CASCADE"), index=True)
    path: Mapped[str] = mapped_column(Text)  # for people: undecodable bytes shown as \xNN
    path_raw: Mapped[bytes] = mapped_column(LargeBinary)  # the exact file name bytes, to open it again
    status: Mapped[str] = mapped_column(String(16), default=ItemStatus.PENDING, index=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id", ondelete="SET NULL"))
    reason: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    dossier_code: Mapped[str | None] = mapped_column(String(64))
    agency: Mapped[str | None] = mapped_column(Text)
    doc_type_hint: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class User(Base):
    """A staff member of the web app: role (clerk, reviewer, admin), agency, hashed password and
    the SHA-256 of their API token (the token itself is shown once and never stored)."""

    __tablename__ = "app_user"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(128), unique=True, index=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16), default=Role.CLERK)
    agency: Mapped[str | None] = mapped_column(Text)
    api_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class LoginAttempt(Base):
    """One sign-in attempt (user name as typed, client address, outcome), for rate limiting."""

    __tablename__ = "login_attempt"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    username: Mapped[str] = mapped_column(String(128), index=True)
    ip: Mapped[str | None] = mapped_column(String(64), index=True)
    success: Mapped[bool] = mapped_column(default=False)
