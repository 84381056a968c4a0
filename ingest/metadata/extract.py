"""Administrative-document fields (Decree 30/2020/NĐ-CP layout) from a document's text or OCR result.

Two pure entry points, no I/O:

* `extract_from_text(text)` — plain text, pages separated by form feeds, one printed line per line;
* `extract_from_result(result)` — an `OcrResult`; word boxes split merged columns apart and tell the
  upper-left agency block from the national title, the centred summary from the body, and the
  lower-left "Nơi nhận" list from the lower-right signer block.

Keywords are matched on folded text (marks stripped, lower case) and fuzzily where OCR errors are
common, so "Noi nhan", "PHO CHU TỊCH" or "QD-UBND" are still understood. A field that cannot be
found is left null (lists empty): nothing is guessed from outside the document.

The steps, in order, each in its module: header (number, date and place), heading (type and
subject), issuer, recipients, signer, codes (dossier codes); they share a `reading.Reading`.
"""

from __future__ import annotations

from ingest.metadata.casing import recase_place, vote_spelling
from ingest.metadata.codes import dossier_codes
from ingest.metadata.header import find_date, find_number, repair_symbol
from ingest.metadata.heading import read_heading
from ingest.metadata.issuer import read_issuer
from ingest.metadata.lines import Doc, doc_from_result, doc_from_text
from ingest.metadata.reading import Reading
from ingest.metadata.recipients import read_recipients
from ingest.metadata.signer import read_signer
from ingest.metadata.thresholds import HEADER_LINES
from schemas.api import DocumentMetadata
from schemas.ocr import OcrResult

__all__ = ["extract_from_result", "extract_from_text"]


def extract_from_text(text: str) -> DocumentMetadata:
    """Metadata of a document from its text: pages separated by form feeds, one printed line a line."""
    return _read(doc_from_text(text))


def extract_from_result(result: OcrResult) -> DocumentMetadata:
    """Metadata of a recognised document, using the word boxes to read its layout."""
    return _read(doc_from_result(result))


def _read(doc: Doc) -> DocumentMetadata:
    reading = Reading(doc)
    meta = reading.meta
    first = reading.first
    if not first:
        return meta
    limit = min(len(first), HEADER_LINES)
    number = find_number(first, limit)
    date = find_date(first, limit)
    read_heading(reading, number, date, limit)
    # without boxes, a number or date below the heading is the body's, not the header's
    if number and (reading.heading is None or number.line < reading.heading or reading.has_boxes):
        meta.number = number.number
        meta.symbol = number.symbol
    if date and (reading.heading is None or date.line < reading.heading or reading.has_boxes):
        meta.issued_date = date.iso or None
        meta.place = vote_spelling(recase_place(date.place), doc.text) if date.place else None
    if meta.symbol:
        meta.symbol = repair_symbol(meta.symbol, meta.doc_type)
    issuer = read_issuer(reading, number, date)
    if issuer is not None:
        meta.issuer = issuer
    meta.recipients = read_recipients(reading)
    read_signer(reading)
    meta.dossier_codes = dossier_codes(doc.text)
    return meta
