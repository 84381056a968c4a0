"""Orientation: whether a page is upright or upside down, from the asymmetry of its text lines
(ascenders and Vietnamese marks above, few descenders below), with an orientation detector as a
fallback where that asymmetry is unclear.

Pure OpenCV/numpy, no I/O: the fallback (in the pipeline Tesseract's orientation and script
detection) is handed in by the caller as an :data:`OrientationDetector`, since prepare sits below
recognise and does not import the engine.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeAlias

import cv2
import numpy as np

from ingest.prepare.geometry import MIN_SKEW, detect_skew, rotate
from ingest.prepare.image import ink_mask, shrink
from ingest.prepare.resolution import REFERENCE_TEXT_HEIGHT, estimate_text_height

#: a detector of a page's orientation (Tesseract's OSD: ``ingest.recognise.engine.detect_orientation``):
#: (degrees the page must be turned clockwise to stand upright, confidence), or None where it cannot tell
OrientationDetector: TypeAlias = Callable[[np.ndarray], tuple[int, float] | None]

#: text lines are scored at this height (px): enough to tell the bands apart, fewer would blur them
SCORE_LINE_HEIGHT = 16.0
#: lines are found in this many vertical strips separately, so the two columns of a header or a
#: signature block do not merge into one tall "line"
SCORE_STRIPS = 4
#: rows whose ink exceeds this share of the strip's fullest row belong to a line
LINE_ROW_SHARE = 0.02
#: a line is between LINE_MIN_HEIGHT (and at least 4 px) and LINE_MAX_HEIGHT text heights high
LINE_MIN_HEIGHT = 0.5
LINE_MAX_HEIGHT = 3
#: a line's x-height band: its rows with at least this share of its fullest row's ink
BAND_SHARE = 0.5
#: the score decides when it has MIN_SCORE_LINES lines and is at least CLEAR_SCORE either way
MIN_SCORE_LINES = 4
CLEAR_SCORE = 0.15
#: the orientation detector sees the page with a long side of at most this many pixels
OSD_SIZE = 1800
#: the detector's answer counts from this confidence
OSD_MIN_CONFIDENCE = 2.0


def upside_down_score(gray: np.ndarray, text_height: float = REFERENCE_TEXT_HEIGHT) -> tuple[float, int]:
    """(score, lines used): for each text line of a level page, ink above the x-height band
    (ascenders, capitals and the many Vietnamese marks) minus ink below it (descenders, dot
    below), over both.  Clearly positive for upright text (about +0.5 on Decree 30 pages),
    clearly negative upside down.  Lines are found in four vertical strips separately, so the
    two columns of a header or a signature block do not merge into one tall "line"."""
    f = min(1.0, SCORE_LINE_HEIGHT / text_height)
    small = cv2.resize(gray, None, fx=f, fy=f, interpolation=cv2.INTER_AREA) if f < 1 else gray
    th = text_height * f
    mask = ink_mask(small)
    above = below = 0.0
    lines = 0
    for strip in np.array_split(mask, SCORE_STRIPS, axis=1):
        prof = strip.sum(axis=1).astype(np.float64)
        if prof.max() <= 0:
            continue
        on = np.r_[0, (prof > LINE_ROW_SHARE * prof.max()).astype(np.int8), 0]
        starts, ends = np.nonzero(np.diff(on) == 1)[0], np.nonzero(np.diff(on) == -1)[0]
        for a, e in zip(starts, ends, strict=True):
            if e - a < max(4, LINE_MIN_HEIGHT * th) or e - a > LINE_MAX_HEIGHT * th:
                continue
            seg = prof[a:e]
            band = np.nonzero(seg >= BAND_SHARE * seg.max())[0]
            above += seg[: band[0]].sum()
            below += seg[band[-1] + 1 :].sum()
            lines += 1
    return (above - below) / max(above + below, 1.0), lines


def detect_orientation(gray: np.ndarray, *, osd: OrientationDetector | None = None) -> int:
    """Clockwise turn (0/90/180/270) that makes the page upright: the line direction from
    projection profiles, then up versus down from the ascender/diacritic asymmetry of the lines.
    When that asymmetry is weak (very little text), ``osd`` (Tesseract's OSD) decides if it is
    confident; without one such a page counts as upright."""
    vertical, skew = detect_skew(gray)
    turned = rotate(gray, -90) if vertical else gray
    if abs(skew) >= MIN_SKEW:
        turned = rotate(turned, -skew)
    base = 90 if vertical else 0
    height = estimate_text_height(turned) or REFERENCE_TEXT_HEIGHT
    return (base + (180 if is_upside_down(turned, height, osd=osd) else 0)) % 360


def is_upside_down(gray: np.ndarray, text_height: float = REFERENCE_TEXT_HEIGHT, *,
                   osd: OrientationDetector | None = None) -> bool:
    """Whether a level page (lines horizontal) is upside down; see :func:`upside_down_score`.
    Where the score is unclear, ``osd`` decides if it is confident (see :func:`detect_orientation`)."""
    score, lines = upside_down_score(gray, text_height)
    if lines >= MIN_SCORE_LINES and abs(score) >= CLEAR_SCORE:
        return score < 0
    rotation = _osd_rotation(gray, osd) if osd is not None else None
    if rotation in (0, 180):
        return rotation == 180
    return False  # no clear evidence: most pages are upright


def _osd_rotation(gray: np.ndarray, osd: OrientationDetector) -> int | None:
    """The detector's rotation for a page at reduced size, or None if it fails or is unsure."""
    small, _ = shrink(gray, OSD_SIZE)
    found = osd(small)
    if found is None or found[1] < OSD_MIN_CONFIDENCE:
        return None
    return found[0]
