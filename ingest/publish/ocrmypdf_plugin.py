"""An OCRmyPDF OCR-engine plugin that supplies words sohoa already recognised and repaired, so
OCRmyPDF can do what it does best — graft an invisible text layer onto the original pages and
write PDF/A — without recognising anything a second time.

Words are handed over in page-relative coordinates (0..1 of the page's width and height, in the
page's own orientation) through `supplied_pages()`, and scaled to whatever image OCRmyPDF rasterised.
Since nothing is read from that image, the plugin also stands in for OCRmyPDF's rasteriser: a blank
page of the right size and resolution instead of a rendered one (rendering and PNG-encoding each
page cost more than the rest of the PDF work), except in `force` mode, where the rendered image
becomes the visible page.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ocrmypdf import hookimpl
from ocrmypdf.helpers import Resolution
from ocrmypdf.hocrtransform import BoundingBox, OcrClass, OcrElement
from ocrmypdf.pluginspec import OcrEngine, OrientationConfidence
from PIL import Image

ENGINE_NAME = "sohoa"


@dataclass(frozen=True)
class RelWord:
    text: str
    left: float
    top: float
    right: float
    bottom: float
    conf: float


@dataclass(frozen=True)
class RelLine:
    words: list[RelWord]
    angle: float = 0.0  # counter-clockwise degrees of the text direction on the page


_LOCK = threading.Lock()
_PAGES: dict[int, list[RelLine]] = {}


@contextmanager
def supplied_pages(pages: dict[int, list[RelLine]]) -> Iterator[None]:
    """Make these pages' lines (0-based page numbers) what the engine returns, for one OCRmyPDF run."""
    with _LOCK:
        _PAGES.clear()
        _PAGES.update(pages)
        try:
            yield
        finally:
            _PAGES.clear()


def _box(left: float, top: float, right: float, bottom: float, w: int, h: int) -> BoundingBox:
    return BoundingBox(left=max(0.0, left * w), top=max(0.0, top * h),
                       right=min(float(w), right * w), bottom=min(float(h), bottom * h))


class SuppliedWordsEngine(OcrEngine):
    """Returns the supplied words for each page; orientation and deskew are already settled."""

    @staticmethod
    def version() -> str:
        return "1"

    @staticmethod
    def creator_tag(options: object) -> str:
        return "sohoa (Tesseract vie + Vietnamese repair)"

    def __str__(self) -> str:
        return "sohoa supplied words"

    @staticmethod
    def languages(options: object) -> set[str]:
        return {"vie"}

    @staticmethod
    def get_orientation(input_file: Path, options: object) -> OrientationConfidence:
        return OrientationConfidence(angle=0, confidence=0.0)

    @staticmethod
    def get_deskew(input_file: Path, options: object) -> float:
        return 0.0

    @staticmethod
    def supports_generate_ocr() -> bool:
        return True

    @staticmethod
    def generate_ocr(input_file: Path, options: object, page_number: int = 0) -> tuple[OcrElement, str]:
        with Image.open(input_file) as img:
            w, h = img.size
            dpi = img.info.get("dpi", (300, 300))
        dpi_value = float(dpi[0] if isinstance(dpi, tuple) else dpi)
        lines = []
        texts = []
        for rel in _PAGES.get(page_number, []):
            words = [OcrElement(ocr_class=OcrClass.WORD, text=rw.text, confidence=rw.conf / 100,
                                bbox=_box(rw.left, rw.top, rw.right, rw.bottom, w, h)) for rw in rel.words]
            if not words:
                continue
            left = min(x.bbox.left for x in words)
            top = min(x.bbox.top for x in words)
            right = max(x.bbox.right for x in words)
            bottom = max(x.bbox.bottom for x in words)
            lines.append(OcrElement(ocr_class=OcrClass.LINE, children=words, textangle=rel.angle or None,
                                    bbox=BoundingBox(left=left, top=top, right=right, bottom=bottom)))
            texts.append(" ".join(x.text for x in rel.words))
        page = OcrElement(ocr_class=OcrClass.PAGE, bbox=BoundingBox(left=0, top=0, right=w, bottom=h),
                          dpi=dpi_value, page_number=page_number, children=lines)
        return page, "\n".join(texts)

    @staticmethod
    def generate_hocr(input_file: Path, output_hocr: Path, output_text: Path, options: object) -> None:
        raise NotImplementedError("sohoa supplies words through generate_ocr()")

    @staticmethod
    def generate_pdf(input_file: Path, output_pdf: Path, output_text: Path, options: object) -> None:
        raise NotImplementedError("sohoa supplies words through generate_ocr(); use the fpdf2 renderer")


@hookimpl(tryfirst=True)
def rasterize_pdf_page(input_file: Path, output_file: Path, raster_device: str, raster_dpi: Resolution,
                       pageno: int, page_dpi: Resolution | None, rotation: int | None, filter_vector: bool,
                       stop_on_soft_error: bool, options: object, use_cropbox: bool) -> Path | None:
    """A blank bilevel page of the size OCRmyPDF's renderer would produce, when only its size matters."""
    ours = options is not None and getattr(options, "ocr_engine", None) == ENGINE_NAME
    if not ours or getattr(options, "force_ocr", False):
        return None  # the rendered pixels are needed: let OCRmyPDF's own rasteriser run
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(input_file)
    try:
        width_pt, height_pt = pdf[pageno - 1].get_size()
    finally:
        pdf.close()
    size = (max(1, round(width_pt * raster_dpi.x / 72.0)), max(1, round(height_pt * raster_dpi.y / 72.0)))
    if rotation and rotation % 180 == 90:
        size = size[::-1]
    dpi = page_dpi or raster_dpi
    Image.new("1", size, 1).save(output_file, format="PNG", dpi=(float(dpi.x), float(dpi.y)))
    return output_file


@hookimpl
def get_ocr_engine(options: object) -> OcrEngine | None:
    if options is not None and getattr(options, "ocr_engine", "auto") != ENGINE_NAME:
        return None
    return SuppliedWordsEngine()
