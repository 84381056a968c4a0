"""A second look at the tone of words Tesseract read with a sắc where a hỏi is far more usual (or
the reverse): each is read again on its own with the engine's alternatives for every letter, and
:func:`ingest.vietnamese.tones.fix_tones` decides with the corpus."""

from __future__ import annotations

import numpy as np

from ingest.recognise.crops import DEFAULT_TEXT_HEIGHT, framed
from ingest.recognise.engine import get_engine
from schemas.ocr import BBox, OcrLine

#: a word's box is read padded by this many text heights (at least MIN_WORD_PAD px) ...
WORD_PAD = 0.12
MIN_WORD_PAD = 2
#: ... on white paper with this many text heights of margin
WORD_MARGIN = 0.5


def second_look_tones(image: np.ndarray, lines: list[OcrLine], text_height: float | None, *,
                      lang: str = "vie") -> list[OcrLine]:
    """`lines` after :func:`ingest.vietnamese.tones.fix_tones`: words read with a sắc where a hỏi is far more
    usual (or the reverse) are read again on their own, with the engine's alternatives for each
    letter, and take the other tone where those and the corpus agree ("tống hợp" -> "tổng hợp")."""
    from ingest.vietnamese.tones import fix_tones

    engine = get_engine(lang=lang)
    if not hasattr(engine, "symbol_choices"):  # the `tesseract` program gives no alternatives
        return lines
    th = text_height or DEFAULT_TEXT_HEIGHT
    pad, margin = max(MIN_WORD_PAD, int(WORD_PAD * th)), int(WORD_MARGIN * th)

    def reread(box: BBox) -> list[tuple[str, list[tuple[str, float]]]]:
        crop, _, _ = framed(image, BBox(x=box.x - pad, y=box.y - pad, w=box.w + 2 * pad, h=box.h + 2 * pad),
                            margin)
        return engine.symbol_choices(crop)

    return fix_tones(lines, reread)
