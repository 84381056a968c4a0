"""Parts of a prepared page cut out for the second passes (column re-reads, left-out regions, run
together words, tones), and boxes moved between a crop and the page."""

from __future__ import annotations

import numpy as np

from schemas.ocr import BBox

#: the text height (px) the passes assume where the page's could not be measured: letters of 13-14 pt
#: body text at 300 dpi
DEFAULT_TEXT_HEIGHT = 33.0
#: gray level of the white paper a crop is put on
PAPER = 255


def framed(image: np.ndarray, box: BBox, margin: int) -> tuple[np.ndarray, int, int]:
    """The part of the page inside ``box`` on white paper with ``margin`` pixels all round, and
    the page position of its top-left corner.  Tesseract misreads letters at the very edge of a
    tight crop ("VT." -> "VE"), while a wider crop would take in the neighbouring column."""
    page_h, page_w = image.shape[:2]
    x0, y0 = max(0, box.x), max(0, box.y)
    x1, y1 = min(page_w, box.x + box.w), min(page_h, box.y + box.h)
    out = np.full((y1 - y0 + 2 * margin, x1 - x0 + 2 * margin), PAPER, np.uint8)
    out[margin:margin + y1 - y0, margin:margin + x1 - x0] = image[y0:y1, x0:x1]
    return out, x0 - margin, y0 - margin


def moved(box: BBox, dx: int, dy: int) -> BBox:
    """`box` shifted by (`dx`, `dy`): from a crop's pixels to the page's."""
    return BBox(x=box.x + dx, y=box.y + dy, w=box.w, h=box.h)
