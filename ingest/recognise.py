"""Recognition of pages without any database or queue: rasterise → preprocess → recognise → order.
Shared by `sohoa ocr` (in-process) and the workers, so both read a page the same way."""

from __future__ import annotations

from ingest import intake, raster
from ingest.config import Settings
from ingest.hocr import union_box
from ingest.ocr import get_engine
from schemas.ocr import OcrLine, OcrPage, OcrResult

REVIEW_CONFIDENCE = 70.0  # pages whose mean word confidence is below this are flagged for review
UNSURE = 60.0  # words below this confidence that are not plausible text go to the Vietnamese model


def recognise_page(page: raster.PageImage, *, lang: str = "vie", repair: bool = True) -> tuple[OcrPage, str]:
    """Read one page image: clean it up, run the engine, drop junk read out of stamps, signatures
    and rules, polish low-confidence words with the Vietnamese model (unless `repair` is off), and
    order the lines. Returns the page and the engine's hOCR."""
    from ingest.preprocess import prepare

    prepared = prepare(page.gray, page.dpi)
    out = get_engine(lang=lang).recognise(prepared.image)
    lines = clean_lines(out.lines, repair=repair)
    words = [w for line in lines for w in line.words]
    mean_conf = sum(w.conf for w in words) / len(words) if words else 0.0
    height, width = prepared.image.shape[:2]
    ocr_page = OcrPage(number=page.number, text="\n".join(line.text for line in lines),
                       mean_conf=round(mean_conf, 2), width=width, height=height,
                       rotation=prepared.rotation, skew=round(prepared.skew, 2), lines=lines,
                       needs_review=bool(words) and mean_conf < REVIEW_CONFIDENCE)
    return ocr_page, out.hocr


def clean_lines(lines: list[OcrLine], *, repair: bool = True) -> list[OcrLine]:
    """Lines without junk words (`ingest.layout.drop_junk`), their unsure words corrected in context
    by the Vietnamese model (`ingest.vietnamese.correct_words`); empty lines dropped."""
    from ingest.layout import drop_junk, is_plausible

    cleaned = []
    for line in lines:
        kept = [item[3] for item in drop_junk((w.text, w.conf, w.bbox, w) for w in line.words)]
        if not kept:
            continue
        if repair and any(w.conf < UNSURE and not is_plausible(w.text) for w in kept):
            from ingest.vietnamese import correct_words  # the model loads only when a page needs it

            fixed = correct_words([(w.text, w.conf) for w in kept])
            kept = [w if t == w.text else w.model_copy(update={"text": t}) for w, t in zip(kept, fixed,
                                                                                          strict=True)]
        if kept == line.words:
            cleaned.append(line)
            continue
        cleaned.append(OcrLine(text=" ".join(w.text for w in kept), block=line.block,
                               bbox=union_box([w.bbox for w in kept]), words=kept))
    return cleaned


def warm_up(lang: str = "vie") -> None:
    """Load what recognising and publishing a page needs (OpenCV, Tesseract's model, the Vietnamese
    model, OCRmyPDF), so a long-lived worker pays for it once at start rather than on its first pages."""
    import ingest.archive  # noqa: F401  (OCRmyPDF, pikepdf)
    import ingest.metadata  # noqa: F401
    import ingest.preprocess  # noqa: F401
    from ingest.vietnamese.model import load

    get_engine(lang=lang)
    load()


def ocr_bytes(data: bytes, filename: str, settings: Settings, *, repair: bool = True) -> OcrResult:
    """OCR a whole file in this process (no queue, no database): what `sohoa ocr` does."""
    info = intake.inspect(data, filename, settings)
    pages = []
    for n in range(1, info.page_count + 1):
        image = raster.render_page(data, info.mime, n, dpi=settings.raster_dpi,
                                   max_pixels=settings.max_page_pixels)
        pages.append(recognise_page(image, lang=settings.ocr_lang, repair=repair)[0])
    return OcrResult(source=filename, pages=pages, language=settings.ocr_lang)
