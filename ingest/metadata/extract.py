"""Administrative-document fields (Decree 30/2020/NĐ-CP layout) from a document's text or OCR result.

Two pure entry points, no I/O:

* `extract_from_text(text)` — plain text, pages separated by form feeds, one printed line per line;
* `extract_from_result(result)` — an `OcrResult`; word boxes split merged columns apart and tell the
  upper-left agency block from the national title, the centred summary from the body, and the
  lower-left "Nơi nhận" list from the lower-right signer block.

Keywords are matched on folded text (marks stripped, lower case) and fuzzily where OCR errors are
common, so "Noi nhan", "PHO CHU TỊCH" or "QD-UBND" are still understood. A field that cannot be
found is left null (lists empty): nothing is guessed from outside the document.
"""

from __future__ import annotations

from ingest.metadata.heading import _Extractor
from ingest.metadata.lines import doc_from_result, doc_from_text
from schemas.api import DocumentMetadata
from schemas.ocr import OcrResult

__all__ = ["extract_from_result", "extract_from_text"]


def extract_from_text(text: str) -> DocumentMetadata:
    """Metadata of a document from its text: pages separated by form feeds, one printed line a line."""
    return _Extractor(doc_from_text(text)).run()


def extract_from_result(result: OcrResult) -> DocumentMetadata:
    """Metadata of a recognised document, using the word boxes to read its layout."""
    return _Extractor(doc_from_result(result)).run()
