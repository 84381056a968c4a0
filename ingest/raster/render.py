"""Page images from an upload: PDF pages through pdf2image (poppler), TIFF frames and single images
through Pillow; always 8-bit grayscale, upright by EXIF, with a pixel budget per page."""

from __future__ import annotations

import io
from dataclasses import dataclass

import numpy as np
from pdf2image import convert_from_bytes
from pdf2image.exceptions import PDFPageCountError, PDFSyntaxError
from PIL import Image, ImageOps

from ingest.core.errors import RecognitionFailed
from ingest.intake.checks import PDF, TIFF
from ingest.intake.pdfinfo import pdf_page_size_pts


@dataclass(frozen=True)
class PageImage:
    """One page as a uint8 grayscale array, with the resolution it was scanned or rendered at."""

    number: int
    gray: np.ndarray
    dpi: float | None


def render_page(data: bytes, mime: str, number: int, *, dpi: int = 300,
                max_pixels: int = 120_000_000, decoded: Image.Image | None = None) -> PageImage:
    """Page `number` (1-based) of an upload as a grayscale image; `decoded` is the one-page image
    already decoded from `data` (by intake's check), which is then not decoded a second time."""
    if mime == PDF:
        return _pdf_page(data, number, dpi, max_pixels)
    img = decoded if decoded is not None and number == 1 else Image.open(io.BytesIO(data))
    if number > getattr(img, "n_frames", 1):
        raise RecognitionFailed(f"page {number} does not exist in this {mime} file")
    img.seek(number - 1)
    w, h = img.size
    if w * h > max_pixels:
        raise RecognitionFailed(f"page {number} is {w}×{h} pixels, over the {max_pixels} pixel limit")
    try:
        gray = _to_gray(img, exif=mime != TIFF)
    except (OSError, SyntaxError, ValueError) as exc:  # pixel data that intake's checks let through
        raise RecognitionFailed(f"page {number} cannot be decoded ({exc}): the file is damaged; "
                                "scan or copy it again") from exc
    return PageImage(number, gray, _dpi_of(img))


def _pdf_page(data: bytes, number: int, dpi: int, max_pixels: int) -> PageImage:
    w_pt, h_pt = pdf_page_size_pts(data, number)
    pixels_at_dpi = (w_pt / 72 * dpi) * (h_pt / 72 * dpi)
    if pixels_at_dpi > max_pixels:  # a huge page: render it smaller rather than exhaust memory
        dpi = max(50, int(dpi * (max_pixels / pixels_at_dpi) ** 0.5))
    try:
        images = convert_from_bytes(data, dpi=dpi, first_page=number, last_page=number, grayscale=True)
    except (PDFPageCountError, PDFSyntaxError) as exc:
        raise RecognitionFailed(f"poppler could not render page {number}: {exc}") from exc
    if not images:
        raise RecognitionFailed(f"poppler rendered nothing for page {number}")
    return PageImage(number, _to_gray(images[0], exif=False), float(dpi))


def _to_gray(img: Image.Image, *, exif: bool) -> np.ndarray:
    if exif:
        img = ImageOps.exif_transpose(img) or img
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        img = Image.alpha_composite(white, rgba)
    return np.asarray(img if img.mode == "L" else img.convert("L"), dtype=np.uint8)


def _dpi_of(img: Image.Image) -> float | None:
    dpi = img.info.get("dpi")
    if not dpi:
        return None
    try:
        value = float(dpi[0])
    except (TypeError, ValueError, IndexError):
        return None
    return value if 50 <= value <= 2400 else None
