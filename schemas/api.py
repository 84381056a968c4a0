"""Models of the JSON API and the CLI's --json output: documents, pages, search hits, submissions."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, Field

from schemas.dossier import DossierLink


class Submission(BaseModel):
    """The answer to an upload: the document it became and whether it was already known."""

    document_id: int
    sha256: str
    status: str
    duplicate: bool = Field(description="the same bytes were uploaded before; no new document was made")
    queued: bool = Field(description="work was sent to the workers for this upload")
    filename: str
    page_count: int


class PageOut(BaseModel):
    number: int
    text: str
    mean_conf: float
    needs_review: bool = False


class DocumentMetadata(BaseModel):
    """Administrative-document fields (Decree 30/2020 layout). Unknown fields are null / empty."""

    doc_type: str | None = None
    number: str | None = None
    symbol: str | None = None
    issuer: str | None = None
    place: str | None = None
    issued_date: str | None = None
    subject: str | None = None
    signer_name: str | None = None
    signer_title: str | None = None
    recipients: list[str] = Field(default_factory=list)
    dossier_codes: list[str] = Field(default_factory=list)


class DocumentOut(BaseModel):
    id: int
    sha256: str
    filename: str
    mime: str
    size: int
    page_count: int
    pages_done: int
    status: str
    error: str | None = None
    dossier_code: str | None = None
    created_at: datetime
    finished_at: datetime | None = None
    metadata: DocumentMetadata
    agency: str | None = None
    dossiers: list[DossierLink] = Field(default_factory=list)
    pages: list[PageOut] = Field(default_factory=list)


class SearchFilters(BaseModel):
    """Narrowing a search: agency (issuing or owning, diacritic-insensitive substring), document type,
    issue-date range, dossier code; `agencies` limits access to those agencies' documents."""

    agency: str | None = None
    doc_type: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    dossier_code: str | None = None
    agencies: list[str] | None = None


class SearchHit(BaseModel):
    """One matching page. `snippet` is plain text; `highlights` are [start, end) spans in it."""

    document_id: int
    filename: str
    page: int
    snippet: str
    highlights: list[tuple[int, int]]
    score: float
    dossier_code: str | None = None
    status: str
    doc_type: str | None = None
    issuer: str | None = None
    issued_date: str | None = None


class SearchResults(BaseModel):
    query: str
    total: int
    hits: list[SearchHit]
