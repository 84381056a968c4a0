"""Ink clean-up: removal of ruled lines and streaks, and :func:`denoise`, which removes seals and
signatures, lines, then specks.

Pure OpenCV/numpy, no I/O.
"""

from __future__ import annotations

import cv2
import numpy as np

from ingest.prepare.resolution import REFERENCE_TEXT_HEIGHT
from ingest.prepare.seals import remove_stamps
from ingest.prepare.specks import despeckle

#: a rule or streak is a straight run of ink longer than this many text heights (no letter has one) ...
RULE_MIN_LENGTH = 5
#: ... and at most this many text heights thick (thicker runs are solid blocks, kept)
RULE_MAX_THICKNESS = 0.25
#: pixels darker than this are ink when looking for rules
RULE_INK_BELOW = 200


def line_mask(ink: np.ndarray, text_height: float = REFERENCE_TEXT_HEIGHT, vertical: bool = False,
              ) -> np.ndarray:
    """0/1 mask of long thin straight strokes of a 0/1 ink mask in one direction: runs longer than
    ~5 text heights (no letter has one) and at most ~1/4 text height thick (not solid blocks)."""
    length = int(RULE_MIN_LENGTH * text_height)
    thick = max(2, int(RULE_MAX_THICKNESS * text_height))
    ksize, across = ((1, length), (thick + 1, 1)) if vertical else ((length, 1), (1, thick + 1))
    run = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, ksize))
    solid = cv2.morphologyEx(run, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, across))
    return run & (1 - solid)


def remove_lines(gray: np.ndarray, text_height: float = REFERENCE_TEXT_HEIGHT) -> np.ndarray:
    """Erase copier streaks, rules and underlines that Tesseract reads as ``|``, ``_`` or junk,
    but not the letters they cross: where ink continues on both sides of a line (a stroke of a
    letter crossing it) the line's pixels are kept.  Found on a half-size mask for speed."""
    ink = (gray[::2, ::2] < RULE_INK_BELOW).astype(np.uint8)
    th = text_height / 2
    erase = np.zeros_like(ink)
    # bridges the erased band where letters continue across it
    gap = 2 * max(2, int(RULE_MAX_THICKNESS * th)) + 3
    for vertical in (False, True):
        lines = line_mask(ink, th, vertical)
        if not lines.any():
            continue
        lines = cv2.dilate(lines, np.ones((1, 3) if vertical else (3, 1), np.uint8))
        bridge = cv2.getStructuringElement(cv2.MORPH_RECT, (gap, 1) if vertical else (1, gap))
        crossing = cv2.morphologyEx(ink & (1 - lines), cv2.MORPH_CLOSE, bridge)
        erase |= lines & (1 - crossing)
    if not erase.any():
        return gray
    full = cv2.resize(erase, (gray.shape[1], gray.shape[0]), interpolation=cv2.INTER_NEAREST)
    out = gray.copy()
    out[full > 0] = 255
    return out


def denoise(gray: np.ndarray, text_height: float = REFERENCE_TEXT_HEIGHT, *,
            bilevel: bool = False) -> np.ndarray:
    """Remove seals and signatures, ruled lines/streaks, then speckles; paper noise lighter than
    ink is whitened.  Text strokes and diacritics are left as they are (no global binarisation).
    A page that came in ``bilevel`` (a fax, a thresholded scan) keeps its dots among the letters:
    thresholding leaves as many dot-sized pieces of crisp print as a photocopy has specks, and
    removing them cost the 150 dpi fax pages of ``bench_ocr.py --synth`` 1.6 points of bag error
    (3.55 -> 5.14 %)."""
    return denoise_and_flag_speckled(gray, text_height, bilevel=bilevel)[0]


def denoise_and_flag_speckled(gray: np.ndarray, text_height: float, *, bilevel: bool,
                              ) -> tuple[np.ndarray, bool]:
    """:func:`denoise`, and whether the page was speckled (see :func:`despeckle`)."""
    out = remove_stamps(gray, text_height)
    out = remove_lines(out, text_height)
    return despeckle(out, text_height, stray_dots=not bilevel)
