"""What crosses the Celery boundary besides ids: each page task's outcome, which the document's join reads."""

from __future__ import annotations

from pydantic import BaseModel, Field


class PageOutcome(BaseModel):
    """What reading one page of a document came to."""

    page: int = Field(ge=1)
    ok: bool = Field(description="the page is saved")
    skipped: bool = Field(default=False, description="it was saved already, by an earlier run")
    mean_conf: float | None = None
    source: str | None = Field(default=None, description="ocr | text_layer | repaired")
    error: str | None = Field(default=None, description="why the page could not be read")
