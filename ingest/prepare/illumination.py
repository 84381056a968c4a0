"""Light: background (illumination) normalisation, contrast stretching and the smoothing of
bilevel pages.

Pure OpenCV/numpy, no I/O.
"""

from __future__ import annotations

import cv2
import numpy as np

from ingest.prepare.image import is_bilevel, shrink

#: darkest ink (5th percentile, 0-255) above which a page counts as faded, and the gamma applied then
FADED_INK = 30.0
FADED_GAMMA = 1.6


def estimate_background(gray: np.ndarray) -> np.ndarray:
    """Paper brightness at every pixel: a morphological closing (which erases dark strokes
    narrower than ~2 % of the page) computed on a thumbnail, smoothed and scaled back up."""
    small, f = shrink(gray, 800)
    k = max(5, int(0.022 * max(small.shape)) | 1)
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (k, k))
    bg = cv2.morphologyEx(small, cv2.MORPH_CLOSE, kernel)
    bg = cv2.GaussianBlur(bg, (0, 0), k / 2)
    if f < 1.0:
        bg = cv2.resize(bg, (gray.shape[1], gray.shape[0]), interpolation=cv2.INTER_LINEAR)
    return bg


def normalise_illumination(gray: np.ndarray) -> np.ndarray:
    """Divide the page by its estimated background so paper is white everywhere (shadows, dim
    light, yellowed paper, photocopy gradients), then stretch the contrast so ink is dark."""
    bg = np.maximum(estimate_background(gray), 1)
    return stretch_contrast(cv2.divide(gray, bg, scale=255))


def stretch_contrast(norm: np.ndarray) -> np.ndarray:
    """Map the darkest ink level (a low percentile of the ink pixels) to black, keep white white.
    Faded toner and dim photos get their contrast back; a crisp page is left nearly unchanged.
    Where even the darkest ink was faded (a photocopy: its 5th percentile ~65 against 0 on
    scans), the mid-tones are darkened too (gamma :data:`FADED_GAMMA`), so thinned strokes and
    marks come back whole (dev photocopy bag 11.0 -> 9.2 %; on crisp pages it would cost)."""
    sample = norm[::3, ::3]
    ink = sample[sample < 200]
    if ink.size < 50:
        return norm
    lo = float(np.percentile(ink, 5))
    if lo <= 10:
        return norm
    lut = np.clip((np.arange(256, dtype=np.float32) - lo) / (255.0 - lo), 0, 1)
    if lo > FADED_INK:
        lut **= FADED_GAMMA
    return cv2.LUT(norm, (lut * 255).astype(np.uint8))


def smooth_bilevel(gray: np.ndarray, sigma: float = 0.5) -> np.ndarray:
    """Give a bilevel page the soft gray edges Tesseract's ``vie`` model was trained on (a slight
    Gaussian blur); measured on 150 dpi faxes: bag error 6.9 % -> 4.9 % (sigma 0.7: 5.9 %, 1.0:
    8.3 %).  Pages with gray levels are returned as they are."""
    return cv2.GaussianBlur(gray, (0, 0), sigma) if is_bilevel(gray) else gray
