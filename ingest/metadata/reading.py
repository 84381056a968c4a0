"""The state the steps of reading a document's metadata share: the document, the metadata being
filled, and the landmarks one step leaves for the later ones. Each step's docstring says which fields
it reads and which it fills."""

from __future__ import annotations

from dataclasses import dataclass, field

from ingest.metadata.lines import Doc, Line
from schemas.api import DocumentMetadata


@dataclass
class Reading:
    """One document being read. The heading step fills `heading`, `heading_cx` and `header_end`; the
    recipients step fills `recipient_lines` and `noi_nhan_page`; the signer step reads them all."""

    doc: Doc
    meta: DocumentMetadata = field(default_factory=DocumentMetadata)
    heading: int | None = None  # index in `first` of the type heading's line
    heading_cx: float | None = None  # the heading's horizontal centre (with boxes only)
    # first line after the heading and summary on page 1, and its top (with boxes): no signer above it
    header_end: tuple[int, float | None] | None = None
    # (page, id) of the lines read as the "Nơi nhận" list, which the signer block is not part of
    recipient_lines: set[tuple[int, int]] = field(default_factory=set)
    noi_nhan_page: int | None = None  # index of the page "Nơi nhận" is printed on

    @property
    def first(self) -> list[Line]:
        """Page 1's lines, where the header is."""
        return self.doc.pages[0] if self.doc.pages else []

    @property
    def has_boxes(self) -> bool:
        """Whether the lines have boxes (read from an OCR result), so positions can be used, or are
        plain text, where only the order of lines tells."""
        return self.doc.has_boxes
