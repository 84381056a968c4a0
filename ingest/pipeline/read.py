"""Pages read in this process, without a queue or a database: a whole file taken in, rendered and
recognised page by page (:func:`ocr_bytes`, what `sohoa ocr` does); one page of a stored original, its
PDF text layer kept or repaired where its mode says so, else recognised (:func:`read_stored_page`, what
a worker does); and the models a long-lived worker loads before its first page (:func:`warm_up`)."""

from __future__ import annotations

from ingest.core.settings import Settings
from ingest.intake import checks as intake
from ingest.intake.checks import PDF
from ingest.raster import render as raster
from ingest.raster.textlayer import Decision, LayerAction, decide, page_text
from ingest.recognise.cores import on_one_core
from ingest.recognise.engine import get_engine
from ingest.recognise.page import recognise_page
from ingest.vietnamese.repair.legacy_ocr import repair_ocr
from schemas.ocr import OcrPage, OcrResult


def warm_up(lang: str = "vie") -> None:
    """Load what recognising and publishing a page needs (OpenCV, both Tesseract models or the main one
    on one core, the Vietnamese model, OCRmyPDF, the PDF text layer's font), so a long-lived worker
    pays for it once at start rather than on its first pages."""
    import ingest.metadata.extract  # noqa: F401
    import ingest.prepare.page  # noqa: F401
    import ingest.publish.searchable_pdf  # noqa: F401  (OCRmyPDF, pikepdf)
    from ingest.publish.image_pdf import glyphless_font
    from ingest.vietnamese.lm.cache import load

    glyphless_font()
    get_engine(lang=lang)
    if not on_one_core():
        get_engine(lang=lang, helper=True)
    load()


def ocr_bytes(data: bytes, filename: str, settings: Settings, *, repair: bool = True) -> OcrResult:
    """OCR a whole file in this process (no queue, no database): what `sohoa ocr` does."""
    info = intake.inspect(data, filename, settings)
    pages = []
    for number in range(1, info.page_count + 1):
        image = raster.render_page(data, info.mime, number, dpi=settings.raster_dpi,
                                   max_pixels=settings.max_page_pixels, decoded=info.decoded)
        pages.append(recognise_page(image, lang=settings.ocr_lang, repair=repair)[0])
    return OcrResult(source=filename, pages=pages, language=settings.ocr_lang)


def read_stored_page(data: bytes, mime: str, number: int, mode: str,
                     settings: Settings) -> tuple[OcrPage, str | None, LayerAction]:
    """Page `number` of an original: its PDF text layer kept or repaired where the mode says so (see
    `ingest.raster.textlayer.decide`), else the page rendered and recognised. Returns the page, the
    engine's hOCR (None when nothing was recognised) and what was done with the text layer."""
    decision = decide(page_text(data, number), mode) if mime == PDF else Decision(LayerAction.OCR)
    if decision.action == LayerAction.OCR:
        image = raster.render_page(data, mime, number, dpi=settings.raster_dpi,
                                   max_pixels=settings.max_page_pixels)
        page, hocr = recognise_page(image, lang=settings.ocr_lang)
        return page, hocr, decision.action
    repaired = decision.action == LayerAction.REPAIR
    text = repair_ocr(decision.text) if repaired else decision.text
    page = OcrPage(number=number, text=text, mean_conf=0.0 if repaired else 100.0, needs_review=repaired)
    return page, None, decision.action
