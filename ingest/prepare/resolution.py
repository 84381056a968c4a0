"""Resolution: the height of the body text, and the resampling that brings a page to the
resolution Tesseract ``vie`` reads best (~200 dpi).

Pure OpenCV/numpy, no I/O.
"""

from __future__ import annotations

import cv2
import numpy as np

from ingest.prepare.image import half_size, ink_mask, is_bilevel

#: ink-weighted median height (px) of letter-sized connected components in 13-14 pt body text at 300 dpi
REFERENCE_TEXT_HEIGHT = 33.0
#: pages whose resolution is below 300 dpi divided by this are upsampled (to ~200 dpi)
UPSAMPLE_BELOW = 2.1
#: pages whose resolution is above 300 dpi divided by this (250 dpi) are downsampled (to ~200 dpi)
DOWNSAMPLE_BELOW = 1.2
#: pages with a long side of this many pixels are full-resolution scans (A4 at ~250 dpi or more)
FULL_SIZE_SIDE = 3000
#: long side (px) of an A4 page at 300 dpi
A4_LONG_SIDE_300 = 3508
#: a resolution the file states is believed between these (phones say 72 dpi, which passes: the text
#: height overrules it where they disagree, see :func:`choose_scale`)
MIN_PLAUSIBLE_DPI = 50
MAX_PLAUSIBLE_DPI = 1200
#: a full-size page's measured text is implausible under this share of body text at its resolution
IMPLAUSIBLY_SMALL_TEXT = 0.6
#: the resolution a file states is kept while its ratio to the one the measured text height gives is
#: between these; beyond, the file is taken to lie
DPI_AGREES_FROM = 0.6
DPI_AGREES_TO = 1.6
#: the largest enlargement, and the smallest factor a page is shrunk by
MAX_SCALE = 3.0
MIN_SCALE = 0.27
#: pages with more pixels are measured at half size (precise enough for a 300 dpi page)
TEXT_HEIGHT_HALF_SIZE_ABOVE = 4_000_000
#: letter-sized blobs: at least this many pixels high, and under this share of the page's short side
#: high (half of it wide); smaller ones are specks, larger ones not letters
MIN_LETTER_HEIGHT = 4
MAX_LETTER_SHARE = 0.08
#: fewer letter-sized blobs than this: too little text to tell its height
MIN_LETTERS = 30
#: the slight blur (sigma, px) that turns the jagged edges of a bilevel page into gray before enlarging
BILEVEL_BLUR_SIGMA = 0.6


def estimate_text_height(gray: np.ndarray) -> float | None:
    """Ink-weighted median height in pixels of letter-sized connected components (letters and
    merged letter groups dominate the ink, so specks and marks barely count), or None when the
    page has too little text to tell."""
    small, f = half_size(gray, TEXT_HEIGHT_HALF_SIZE_ABOVE)
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink_mask(small), connectivity=8)
    h, w, area = (stats[1:, i] for i in (cv2.CC_STAT_HEIGHT, cv2.CC_STAT_WIDTH, cv2.CC_STAT_AREA))
    h = h / f
    limit = MAX_LETTER_SHARE * min(gray.shape)
    keep = (h >= MIN_LETTER_HEIGHT) & (w >= 1) & (h < limit) & (w < limit / 2)
    if np.count_nonzero(keep) < MIN_LETTERS:
        return None
    h, area = h[keep], area[keep]
    order = np.argsort(h)
    cum = np.cumsum(area[order])
    return float(h[order][np.searchsorted(cum, cum[-1] / 2)])


def is_plausible_dpi(dpi: float | None) -> bool:
    """Whether a file's stated resolution can be believed (it is given and not absurd)."""
    return bool(dpi and MIN_PLAUSIBLE_DPI <= dpi <= MAX_PLAUSIBLE_DPI)


def settle_text_height(measured: float | None, dpi: float | None, long_side: int) -> float | None:
    """The measured text height, unless it is implausibly small for a full-size page (a long side of
    :data:`FULL_SIZE_SIDE` pixels or more): letters under 60 % of 13 pt body text at the file's
    resolution, or, when the file does not say, at the resolution of an A4 page that size (Decree
    30 documents are A4); then body text at that resolution.  On a short page dense toner specks
    outnumber the letters and pass for tiny text; trusted, the page would be enlarged ~3x and its
    specks read as text for minutes."""
    if measured is None or long_side < FULL_SIZE_SIDE:
        return measured
    per_300 = dpi / 300.0 if is_plausible_dpi(dpi) else long_side / A4_LONG_SIDE_300
    expected = REFERENCE_TEXT_HEIGHT * per_300
    return expected if measured < IMPLAUSIBLY_SMALL_TEXT * expected else measured


def choose_scale(text_height: float | None, dpi: float | None) -> float:
    """Resampling factor for Tesseract ``vie``.  The page's resolution relative to 300 dpi comes from
    a plausible ``dpi`` of the file unless the measured text height disagrees badly (phone photos
    say 72 dpi, some scanners lie), else from the text height.  Measured on the bench: Tesseract
    ``vie`` reads body text best at ~200 dpi (13 pt letters ~22 px high).  Pages of 150-250 dpi are
    read as they are (upsampling 200 dpi JPEGs and 150 dpi faxes to 300 dpi cost about 1 point of
    bag error), pages under ~140 dpi are brought up to ~200 dpi, and pages of 250 dpi or more
    (300 dpi scans, close-up photos) down to ~200 dpi: at 300 dpi the small capitals of a
    recipients list are misread ("VT" -> "VI", "COVID" -> "COVTID"; dev bag error clean 2.8 % ->
    1.0 %), and Tesseract takes about half the time."""
    by_text = REFERENCE_TEXT_HEIGHT / text_height if text_height else None
    by_dpi = 300.0 / dpi if is_plausible_dpi(dpi) else None
    if by_text and by_dpi:
        to300 = by_dpi if DPI_AGREES_FROM <= by_dpi / by_text <= DPI_AGREES_TO else by_text
    elif by_text or by_dpi:
        to300 = by_text or by_dpi
    else:
        return 1.0  # nothing to go by: read as it is
    if to300 > UPSAMPLE_BELOW:
        return round(min(to300 * 2 / 3, MAX_SCALE), 3)  # to ~200 dpi
    if to300 < DOWNSAMPLE_BELOW:
        return round(max(to300 * 2 / 3, MIN_SCALE), 3)  # to ~200 dpi
    return 1.0


def upscale(gray: np.ndarray, scale: float) -> np.ndarray:
    """Resample by ``scale``: bicubic when enlarging (after a slight blur that turns the jagged
    edges of bilevel fax/TIFF pages into gray), area averaging when shrinking."""
    if scale == 1.0:
        return gray
    if scale < 1.0:
        return cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    if is_bilevel(gray):
        gray = cv2.GaussianBlur(gray, (3, 3), BILEVEL_BLUR_SIGMA)
    out = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    return out
