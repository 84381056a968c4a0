"""Recognition of pages without any database or queue: rasterise → preprocess → recognise → order.
Shared by `sohoa ocr` (in-process) and the workers, so both read a page the same way."""

from __future__ import annotations

from ingest import intake, raster
from ingest.config import Settings
from ingest.ocr import get_engine
from schemas.ocr import OcrPage, OcrResult

REVIEW_CONFIDENCE = 70.0  # pages whose mean word confidence is below this are flagged for review


def recognise_page(page: raster.PageImage, *, lang: str = "vie") -> tuple[OcrPage, str]:
    """Read one page image: clean it up, run the engine, order the lines. Returns the page and hOCR."""
    from ingest.preprocess import prepare

    prepared = prepare(page.gray, page.dpi)
    out = get_engine(lang=lang).recognise(prepared.image, dpi=300)
    lines = out.lines
    words = [w for line in lines for w in line.words]
    mean_conf = sum(w.conf for w in words) / len(words) if words else 0.0
    height, width = prepared.image.shape[:2]
    ocr_page = OcrPage(number=page.number, text="\n".join(line.text for line in lines),
                       mean_conf=round(mean_conf, 2), width=width, height=height,
                       rotation=prepared.rotation, skew=round(prepared.skew, 2), lines=lines,
                       needs_review=bool(words) and mean_conf < REVIEW_CONFIDENCE)
    return ocr_page, out.hocr


def ocr_bytes(data: bytes, filename: str, settings: Settings) -> OcrResult:
    """OCR a whole file in this process (no queue, no database): what `sohoa ocr` does."""
    info = intake.inspect(data, filename, settings)
    pages = []
    for n in range(1, info.page_count + 1):
        image = raster.render_page(data, info.mime, n, dpi=settings.raster_dpi,
                                   max_pixels=settings.max_page_pixels)
        pages.append(recognise_page(image, lang=settings.ocr_lang)[0])
    return OcrResult(source=filename, pages=pages, language=settings.ocr_lang)
