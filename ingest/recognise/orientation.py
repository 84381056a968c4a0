"""Tesseract's orientation and script detection (OSD): which way up a page stands.  In process
through tesserocr (the ``osd`` model loaded once per process), or the `tesseract` program through
pytesseract where tesserocr is missing."""

from __future__ import annotations

import threading

import numpy as np

from ingest.recognise.tesseract import hand_over, tessdata_dir

_OSD_API: list = []  # the in-process orientation detector, made on first use
_OSD_LOCK = threading.Lock()


def detect_orientation(gray: np.ndarray) -> tuple[int, float] | None:
    """Tesseract's orientation and script detection on a grayscale page: (degrees the page must be
    turned clockwise to stand upright, confidence), or None where it cannot tell (too few
    letters).  In process through tesserocr (the ``osd`` model is loaded once); the `tesseract`
    program through pytesseract where tesserocr is missing."""
    try:
        import tesserocr
    except ImportError:
        return _osd_program(gray)
    with _OSD_LOCK:
        if not _OSD_API:
            _OSD_API.append(tesserocr.PyTessBaseAPI(path=tessdata_dir("osd"), lang="osd",
                                                    psm=tesserocr.PSM.OSD_ONLY))
        api = _OSD_API[0]
        hand_over(api, gray)
        try:
            osd = api.DetectOrientationScript()
        except RuntimeError:  # too few characters to tell
            osd = None
        api.Clear()
    if not osd:
        return None
    return (360 - int(osd["orient_deg"])) % 360, float(osd["orient_conf"])


def _osd_program(gray: np.ndarray) -> tuple[int, float] | None:
    import pytesseract

    try:
        osd = pytesseract.image_to_osd(gray, config="--psm 0", output_type=pytesseract.Output.DICT)
    except Exception:  # noqa: BLE001 - OSD fails outright on pages with too few characters
        return None
    return int(osd.get("rotate", 0)) % 360, float(osd.get("orientation_conf", 0.0))
