"""Seals and signatures: masks of gray seals and handwritten strokes, and their removal.

Pure OpenCV/numpy, no I/O.
"""

from __future__ import annotations

import cv2
import numpy as np

from ingest.prepare.image import blob_map, half_size
from ingest.prepare.resolution import REFERENCE_TEXT_HEIGHT

#: gray levels of a seal: lighter than dark ink (at most SEAL_DARK), darker than paper (SEAL_LIGHT
#: and up); a red seal scanned in grayscale is mid-gray
SEAL_DARK = 110
SEAL_LIGHT = 215
#: a gray blob spanning more than this many text heights may be a seal (no letter's gray edge does)
SEAL_MIN_SPAN = 2.5
#: a gray blob with at least this share of its pixels next to dark ink is the gray edge of dark
#: strokes (text, a signature), not a seal
SEAL_NEAR_DARK_SHARE = 0.3
#: pixels darker than this are the ink of a signature
SIGNATURE_DARK = 128
#: a signature is a dark blob over SIGNATURE_MIN_HEIGHT text heights tall and SIGNATURE_MIN_WIDTH
#: wide (no printed letter or word is that tall) ...
SIGNATURE_MIN_HEIGHT = 1.5
SIGNATURE_MIN_WIDTH = 4
#: ... but not a straight streak or rule with the letters it crosses: one of its columns (rows)
#: holding over this share of its height (width)
STRAIGHT_SHARE = 0.5
#: a flourish is a stroke over FLOURISH_MIN_LENGTH text heights long and under FLOURISH_MAX_THICKNESS
#: of one thick, within FLOURISH_REACH text heights of a signature
FLOURISH_MIN_LENGTH = 4
FLOURISH_MAX_THICKNESS = 0.2
FLOURISH_REACH = 3
#: pages with more pixels are analysed at half size (a 200 dpi A4 page has 3.9 Mpx)
SEALS_HALF_SIZE_ABOVE = 2_000_000


def stamp_mask(gray: np.ndarray, text_height: float = REFERENCE_TEXT_HEIGHT, dark: int = SEAL_DARK,
               light: int = SEAL_LIGHT) -> np.ndarray:
    """0/1 mask of gray marks: seals printed in colour (red in the original, mid-gray once scanned
    in grayscale), the shadow band along a photocopy's edge.  Tesseract reads a seal as junk and
    loses the marks of letters it overlaps ("PHÓ CHỦ" -> "PHO CHU").  A gray mark is a blob of
    pixels lighter than ink and darker than paper that spans over 2.5 text heights and lies mostly
    away from dark ink: the gray edges of letters hug their dark strokes, so text is never in it,
    and where a seal crosses letters only its gray pixels go."""
    lt = ((gray > dark) & (gray < light)).astype(np.uint8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(lt, connectivity=8)
    if n <= 1:
        return np.zeros_like(lt)
    span = np.maximum(stats[1:, cv2.CC_STAT_WIDTH], stats[1:, cv2.CC_STAT_HEIGHT])
    big = span > SEAL_MIN_SPAN * text_height
    if not big.any():
        return np.zeros_like(lt)
    k = max(3, int(text_height / 7) | 1)  # 5 px at 300 dpi
    dark_ink = (gray <= dark).astype(np.uint8)
    near_dark = cv2.dilate(dark_ink, np.ones((k, k), np.uint8))
    edge = cv2.dilate(dark_ink, np.ones((3, 3), np.uint8))
    mask = np.zeros_like(lt)
    for i in np.nonzero(big)[0] + 1:
        x, y, w, h, area = stats[i]
        own = labels[y:y + h, x:x + w] == i
        if np.count_nonzero(near_dark[y:y + h, x:x + w][own]) >= SEAL_NEAR_DARK_SHARE * area:
            continue  # the gray edge of dark strokes: text, a signature
        mask[y:y + h, x:x + w][own] = 1
        # the seal's own small pieces (ticks of its rim, letters of its legend) inside its outline
        ys, xs = np.nonzero(own)
        hull = cv2.convexHull(np.column_stack([xs + x, ys + y]).astype(np.int32))
        inside = np.zeros_like(lt)
        cv2.fillConvexPoly(inside, hull, 1)
        cv2.polylines(inside, [hull], True, 1, max(3, int(0.3 * text_height)))
        mask |= inside & lt & (1 - edge)
    fringe = cv2.dilate(mask, np.ones((3, 3), np.uint8))  # the seal's lighter anti-aliased edge
    return fringe & (gray > dark).astype(np.uint8)


def signature_mask(gray: np.ndarray, text_height: float = REFERENCE_TEXT_HEIGHT, dark: int = SIGNATURE_DARK,
                   ) -> np.ndarray:
    """0/1 mask of handwritten strokes: signatures, dark blobs over 1.5 text heights tall and 4 wide
    whose ink fills under an eighth of their box (no printed letter or word is that tall), and
    their flourishes: thin strokes over 4 text heights long and under a fifth of one thick, at
    any slant, within three text heights of a signature.  Tesseract splits the lines next
    to a signature wrongly (the marks of "PHÓ CHỦ" above one read as a line of their own) and
    reads a flourish as "_Z"."""
    ink = (gray < dark).astype(np.uint8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if n <= 1:
        return np.zeros_like(ink)
    w, h, area = stats[1:, cv2.CC_STAT_WIDTH], stats[1:, cv2.CC_STAT_HEIGHT], stats[1:, cv2.CC_STAT_AREA]
    sig = (h > SIGNATURE_MIN_HEIGHT * text_height) & (w > SIGNATURE_MIN_WIDTH * text_height)
    sig &= area < w * h / 8  # sparse ink: handwriting, not print
    for i in np.nonzero(sig)[0] + 1:  # not a straight streak or rule with the letters it crosses
        x, y, bw, bh = stats[i, :4]
        own = labels[y:y + bh, x:x + bw] == i
        if max(own.sum(axis=0).max() / bh, own.sum(axis=1).max() / bw) > STRAIGHT_SHARE:
            sig[i - 1] = False
    if not sig.any():
        return np.zeros_like(ink)
    mask = blob_map(np.r_[False, sig], labels)
    length = np.hypot(w, h)
    flourish = length > FLOURISH_MIN_LENGTH * text_height
    flourish &= area < FLOURISH_MAX_THICKNESS * text_height * length
    strokes = np.nonzero(~sig & flourish)[0] + 1
    if strokes.size:  # a flourish within three text heights of a signature
        r = int(FLOURISH_REACH * text_height)
        zone = cv2.dilate(mask, cv2.getStructuringElement(cv2.MORPH_RECT, (2 * r + 1, 2 * r + 1)))
        for i in strokes:
            x, y, bw, bh = stats[i, :4]
            own = labels[y:y + bh, x:x + bw] == i
            if zone[y:y + bh, x:x + bw][own].any():
                mask[y:y + bh, x:x + bw][own] = 1
    return cv2.dilate(mask, np.ones((3, 3), np.uint8))  # with its gray edge


def remove_stamps(gray: np.ndarray, text_height: float = REFERENCE_TEXT_HEIGHT) -> np.ndarray:
    """Paint signatures, then seals white (a seal's rim under a signature is gray ink next to
    dark); see :func:`signature_mask` and :func:`stamp_mask`.  Large pages are analysed at half
    size (both marks are far larger than a pixel), which is 4x faster."""
    small, f = half_size(gray, SEALS_HALF_SIZE_ABOVE)
    strokes = signature_mask(small, text_height * f)
    if strokes.any():
        small = np.where(strokes > 0, np.uint8(255), small)
    seals = stamp_mask(small, text_height * f)
    if not strokes.any() and not seals.any():
        return gray
    if f < 1:
        size = (gray.shape[1], gray.shape[0])
        strokes = cv2.resize(strokes, size, interpolation=cv2.INTER_NEAREST)
        # at full size a seal pixel is never the dark ink of a letter it crosses
        seals = cv2.resize(seals, size, interpolation=cv2.INTER_NEAREST) & (gray > SEAL_DARK)
    out = gray.copy()
    out[(strokes > 0) | (seals > 0)] = 255
    return out
