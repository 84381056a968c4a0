"""Specks: isolated specks (toner, dust, JPEG and fax noise) and, on a speckled page (a
photocopy), the stray dots among the letters.

Pure OpenCV/numpy, no I/O.
"""

from __future__ import annotations

import cv2
import numpy as np

from ingest.prepare.image import blob_map, ink_components
from ingest.prepare.resolution import REFERENCE_TEXT_HEIGHT

#: largest isolated speck, in text heights across, and the most of that square its ink may fill
SPECK_SIZE = 0.4
SPECK_MAX_FILL = 0.8
#: an isolated speck has no letter-sized ink within this many text heights to its sides and above/below
SPECK_CLEAR_SIDES = 0.5
SPECK_CLEAR_ABOVE = 0.6
#: pages with more pixels are searched for isolated specks at half size (4x faster, the same specks)
SPECKS_HALF_SIZE_ABOVE = 4_000_000
#: largest stray dot, in text heights (at 200 dpi: 4 px; 5 px when solid) - the size of toner specks,
#: an i-dot or a period; larger marks are never taken for specks
STRAY_DOT = 0.17
#: a solid dot (its ink fills at least SOLID_FILL of its box) may be SOLID_DOT times as large
SOLID_DOT = 1.3
SOLID_FILL = 0.8
#: blobs larger than this many text heights are letters and words; marks and punctuation are smaller
LETTER_SIZE = 0.3
#: a page counts as speckled (and gets its stray dots removed) when it has at least this many
#: dot-sized blobs per letter-sized one (dev set: photocopies 0.38-1.05, other pages 0.05-0.11), and
#: at least this many stray dots per letter (photocopies 0.2-1.7, other pages under 0.006), and 20
DOTS_PER_LETTER = 0.2
STRAY_DOTS_PER_LETTER = 0.05
STRAY_DOTS_MIN = 20


def speckle_mask(gray: np.ndarray, text_height: float = REFERENCE_TEXT_HEIGHT) -> np.ndarray:
    """0/1 mask of isolated specks: blobs at most 0.4 text height across with no letter-sized ink
    within half a text height to the sides and 0.6 above/below, and at most about twice their own
    ink in other small blobs (a letter broken by faded toner is many close pieces; a speck is alone).
    A mark of "ộ", "ữ", "ặ" always has its letter that close, so diacritics are never specks."""
    ink, labels, stats = ink_components(gray)
    return blob_map(_isolated_specks(ink, labels, stats, text_height), labels)


def _isolated_specks(ink: np.ndarray, labels: np.ndarray, stats: np.ndarray, text_height: float,
                     ) -> np.ndarray:
    """Per blob (row 0, the paper, always False): whether it is an isolated speck (:func:`speckle_mask`)."""
    isolated = np.zeros(len(stats), bool)
    side = SPECK_SIZE * text_height
    x, y, w, h, area = (stats[1:, i] for i in range(5))
    small = (w <= side) & (h <= side) & (area <= side * side * SPECK_MAX_FILL)
    if not small.any():
        return isolated
    big = blob_map(np.r_[False, ~small], labels)
    s_big, s_ink = cv2.integral(big), cv2.integral(ink)

    def ink_around(s: np.ndarray, rx: int, ry: int) -> np.ndarray:
        return _box_sums(s, x - rx, y - ry, x + w + rx, y + h + ry)

    rx, ry = int(SPECK_CLEAR_SIDES * text_height), int(SPECK_CLEAR_ABOVE * text_height)
    near_big = ink_around(s_big, rx, ry)
    near_any = ink_around(s_ink, rx, ry) - area
    # a dash ("- Như Điều 4") is a flat bar up to a letter width before its word: punctuation
    dash = (w >= 1.8 * h) & (h <= 0.2 * text_height)
    dash_near_text = dash & (ink_around(s_big, int(1.2 * text_height), int(0.3 * text_height)) > 0)
    isolated[1:] = small & (near_big == 0) & (near_any <= 2 * area) & ~dash_near_text
    return isolated


def remove_speckles(gray: np.ndarray, text_height: float = REFERENCE_TEXT_HEIGHT, *,
                    stray_dots: bool = True) -> np.ndarray:
    """Paint specks white: isolated ones (toner, dust, JPEG and fax noise; see :func:`speckle_mask`)
    and, on a speckled page, the dots among the letters (see :func:`stray_dot_mask`; not with
    ``stray_dots`` off); one blob analysis serves both.  Large pages are searched for isolated
    specks at half size, which is 4x faster and finds the same specks."""
    return despeckle(gray, text_height, stray_dots=stray_dots)[0]


def despeckle(gray: np.ndarray, text_height: float = REFERENCE_TEXT_HEIGHT, *,
              stray_dots: bool = True) -> tuple[np.ndarray, bool]:
    """:func:`remove_speckles`, and whether the page was speckled (its stray dots were removed:
    a photocopy, where specks touching the letters also change their marks)."""
    if gray.size <= SPECKS_HALF_SIZE_ABOVE:
        ink, labels, stats = ink_components(gray)
        isolated = _isolated_specks(ink, labels, stats, text_height)
        stray = _stray_dots(labels, stats, text_height, isolated) if stray_dots else np.zeros_like(isolated)
        specks = blob_map(isolated | stray, labels)
        speckled = bool(stray.any())
    else:
        half = cv2.resize(gray, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
        specks = cv2.dilate(speckle_mask(half, text_height / 2), np.ones((3, 3), np.uint8))
        specks = cv2.resize(specks, (gray.shape[1], gray.shape[0]), interpolation=cv2.INTER_NEAREST)
        stray = stray_dot_mask(np.where(specks > 0, np.uint8(255), gray), text_height) if stray_dots else None
        speckled = stray is not None and bool(stray.any())
        if speckled:
            specks |= stray
    if not specks.any():
        return gray, speckled
    out = gray.copy()
    out[specks > 0] = 255
    return out, speckled


def _box_sums(integral: np.ndarray, x0: np.ndarray, y0: np.ndarray, x1: np.ndarray, y1: np.ndarray,
              ) -> np.ndarray:
    """Sums over the boxes [x0, x1) x [y0, y1) (clipped to the image) from a ``cv2.integral``."""
    h, w = integral.shape[0] - 1, integral.shape[1] - 1
    x0, x1, y0, y1 = np.clip(x0, 0, w), np.clip(x1, 0, w), np.clip(y0, 0, h), np.clip(y1, 0, h)
    return integral[y1, x1] - integral[y0, x1] - integral[y1, x0] + integral[y0, x0]


def stray_dot_mask(gray: np.ndarray, text_height: float = REFERENCE_TEXT_HEIGHT) -> np.ndarray:
    """0/1 mask of the dot-sized specks of a speckled page (a photocopy) that sit among the letters,
    where :func:`speckle_mask` must leave them, and where Tesseract reads them as marks ("nhân" ->
    "nhần", "cho" -> "chọ") or letters.  A dot at most ~0.17 text height across is kept only where
    Vietnamese print puts one: a little above a vertical stroke (the dot of i, j), right under a
    letter (the dot below of "ạ", "ộ"), on the baseline after a letter (period, comma), above another
    small mark (colon, semicolon), or touching-close to other small ink (a mark broken by faded
    toner).  On a page with fewer such dots than a speckled page has (a scan, a fax, a photo) the
    mask is empty: there the few lone dots are more likely thin marks of crisp print than specks."""
    _, labels, stats = ink_components(gray)
    return blob_map(_stray_dots(labels, stats, text_height), labels)


def _stray_dots(labels: np.ndarray, stats: np.ndarray, text_height: float, gone: np.ndarray | None = None,
                ) -> np.ndarray:
    """Per blob: whether it is a stray dot (:func:`stray_dot_mask`); blobs flagged in ``gone``
    (already removed as isolated specks) count as paper."""
    stray = np.zeros(len(stats), bool)
    x, y, w, h, area = (stats[:, i] for i in range(5))
    th = text_height
    side = np.maximum(w, h)
    present = np.ones(len(stats), bool) if gone is None else ~gone
    present[0] = False
    solid = (side <= SOLID_DOT * STRAY_DOT * th) & (area >= SOLID_FILL * w * h)
    dot = present & ((side <= STRAY_DOT * th) | solid)
    letter = present & (side > LETTER_SIZE * th)
    if np.count_nonzero(dot) < max(STRAY_DOTS_MIN, DOTS_PER_LETTER * np.count_nonzero(letter)):
        return stray  # not a speckled page (cheap test first: the rest costs ~20 ms a page)
    partner = present & (h <= 0.5 * th) & (w <= 0.25 * th) & (side >= 2)  # lower half of ":" or ";"
    code = letter.astype(np.uint8) | (present & ~letter).astype(np.uint8) << 1 | partner.astype(np.uint8) << 2
    blobs = blob_map(code, labels)  # one look-up for three maps: bit 0 letters, 1 small ink, 2 partners
    body, small, lower = blobs & 1, (blobs >> 1) & 1, (blobs >> 2) & 1
    stems = cv2.morphologyEx(body, cv2.MORPH_OPEN, np.ones((max(2, int(0.4 * th)), 1), np.uint8))
    s_body, s_stem, s_small, s_lower = (cv2.integral(m) for m in (body, stems, small, lower))

    i = np.nonzero(dot)[0]
    x0, y0, x1, y1 = x[i], y[i], x[i] + w[i], y[i] + h[i]
    lo, hi = round(0.06 * th), round(0.23 * th)
    i_dot = (_box_sums(s_stem, x0 - 1, y1 + lo, x1 + 1, y1 + hi + 1) > 0) & (
        _box_sums(s_body, x0, y1, x1, y1 + lo) == 0)
    dot_below = _box_sums(s_body, x0, y0 - max(1, round(0.1 * th)) - 1, x1, y0) > 0
    al, near, wide = max(1, round(0.1 * th)), int(0.4 * th), int(1.5 * th)
    on_line = _box_sums(s_body, x0 - wide, y1 - al, x0, y1 + 1)
    below_line = _box_sums(s_body, x0 - wide, y1 + 1, x0, y1 + al + 1)
    beside = _box_sums(s_body, x0 - near, y0 - al, x0, y1 + al) > 0
    period = beside & (on_line > 0) & (below_line < 0.5 * on_line)  # letters end at its bottom
    colon = _box_sums(s_lower, x0, y1 + int(0.15 * th), x1, y1 + int(0.75 * th)) > 0
    d = max(1, round(0.1 * th))
    broken_mark = _box_sums(s_small, x0 - d, y0 - d, x1 + d, y1 + d) > area[i]
    found = ~(i_dot | dot_below | period | colon | broken_mark)
    if np.count_nonzero(found) < max(STRAY_DOTS_MIN, STRAY_DOTS_PER_LETTER * np.count_nonzero(letter)):
        return stray
    stray[i[found]] = True
    return stray
