"""Dossier records (hồ sơ TTHC) and their links to digitised result documents (Decree 45/2020)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field


class DossierIn(BaseModel):
    """A dossier as a one-stop-shop system exports it; every field but the code is optional."""

    procedure_code: str | None = Field(default=None, description="e.g. 1.011442.000.00.00.H38")
    procedure_name: str | None = None
    agency: str | None = None
    applicant: str | None = None
    received_at: datetime | None = None
    due_at: datetime | None = None
    resolved_at: datetime | None = None
    status: str | None = Field(default=None, description="in_progress | resolved | returned | withdrawn "
                               "(the one-stop shop's Vietnamese statuses are understood too)")
    channel: str | None = Field(default=None, description="online | counter | post (Trực tuyến, Trực tiếp, "
                                "Bưu chính)")
    level: int | None = Field(default=None, ge=1, le=4, description="online service level (mức độ)")


class LinkedDocument(BaseModel):
    document_id: int
    filename: str
    status: str
    doc_type: str | None = None
    number: str | None = None
    symbol: str | None = None
    issued_date: str | None = None
    source: str = Field(description="upload | text | manual: how the link was made")


class DossierOut(DossierIn):
    code: str
    created_at: datetime
    updated_at: datetime
    documents: list[LinkedDocument] = Field(default_factory=list)


class DossierLink(BaseModel):
    """A dossier code attached to a document; `known` says whether a dossier record has that code
    (an unknown code is kept and reported as unlinked until the dossier is imported)."""

    code: str
    source: str
    known: bool
    created_by: str | None = None
    created_at: datetime


class LinkRequest(BaseModel):
    code: str


class ImportReport(BaseModel):
    """What an import did: rows created and updated, and each refused row with its line and reason."""

    created: int
    updated: int
    errors: list[str] = Field(default_factory=list)
