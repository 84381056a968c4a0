"""Page clean-up before OCR: pure OpenCV/numpy functions, no I/O; Tesseract's orientation and script
detection (OSD), the fallback for pages whose orientation the ink does not tell, is handed in by the
caller (``prepare(..., osd=ingest.recognise.engine.detect_orientation)``), as prepare sits below
recognise.

This module owns the composition of everything done to a page image between decoding and Tesseract:
perspective flattening of phone photos, background (illumination) normalisation,
orientation (0/90/180/270) and skew correction, resolution normalisation (see
:func:`ingest.prepare.resolution.choose_scale`), and removal of speckles and ruled/streak lines.
The single entry point is :func:`prepare`; every step is a public function of a sibling module
(image, geometry, orientation, resolution, illumination, seals, specks, cleanup) so it can be
tested on its own.

Conventions: images are ``uint8`` 2-D arrays, dark ink on light paper.  Angles are in degrees.
``rotation`` is the clockwise turn applied to the input to make it upright; ``skew`` is the
residual tilt that was removed (positive: the text lines rose to the right in the upright page).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ingest.prepare.cleanup import denoise_and_flag_speckled
from ingest.prepare.geometry import EXPAND_ABOVE, MIN_SKEW, detect_skew, flatten_perspective, rotate
from ingest.prepare.illumination import normalise_illumination, smooth_bilevel
from ingest.prepare.image import as_gray, is_bilevel
from ingest.prepare.orientation import OrientationDetector, is_upside_down
from ingest.prepare.resolution import (
    REFERENCE_TEXT_HEIGHT,
    choose_scale,
    estimate_text_height,
    settle_text_height,
    upscale,
)


@dataclass(frozen=True)
class Prepared:
    """A page ready for Tesseract and what was done to get there."""

    image: np.ndarray
    rotation: int = 0
    skew: float = 0.0
    scale: float = 1.0
    flattened: bool = False
    text_height: float | None = None
    steps: tuple[str, ...] = field(default_factory=tuple)


def prepare(gray: np.ndarray, dpi: float | None = None, *, osd: OrientationDetector | None = None,
            ) -> Prepared:
    """Clean a scanned or photographed page for Tesseract ``vie``: flatten, normalise light,
    turn upright, deskew, bring to ~300 dpi, remove lines and speckles.  ``osd`` decides whether
    a page is upside down where the ink does not tell (see
    :func:`ingest.prepare.orientation.is_upside_down`); without one such a page counts as upright."""
    img = as_gray(gray)
    steps: list[str] = []
    img, flattened = flatten_perspective(img)
    if flattened:
        steps.append("flatten")
    bilevel = is_bilevel(img)
    if bilevel:
        img = smooth_bilevel(img)
        steps.append("smooth")
    img = normalise_illumination(img)
    steps.append("illumination")

    vertical, skew = detect_skew(img)
    if vertical:
        img = rotate(img, -90)
    if abs(skew) >= MIN_SKEW:
        img = rotate(img, -skew, expand=abs(skew) > EXPAND_ABOVE)
        steps.append("deskew")
    else:
        skew = 0.0

    height = settle_text_height(estimate_text_height(img), dpi, max(img.shape))
    scale = choose_scale(height, dpi)
    if scale != 1.0:
        img = upscale(img, scale)
        steps.append("rescale")
    height = height * scale if height else REFERENCE_TEXT_HEIGHT

    flip = is_upside_down(img, height, osd=osd)
    if flip:
        img = rotate(img, 180)
    rotation = ((90 if vertical else 0) + (180 if flip else 0)) % 360
    if rotation:
        steps.append("rotate")

    img, speckled = denoise_and_flag_speckled(img, height, bilevel=bilevel)
    steps.append("denoise")
    if speckled:
        steps.append("speckled")
    return Prepared(image=img, rotation=rotation, skew=round(skew, 2), scale=scale,
                    flattened=flattened, text_height=height, steps=tuple(steps))
