"""Marks of pages whose marks Tesseract reads unreliably (a photocopy's specks, a fax's thin
letters): which pages (:func:`unsure_marks_below`), and their marks polished in context by the
Vietnamese model (:func:`correct_page_marks`), loaded beside the engine (:func:`load_language_model`)."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from ingest.recognise.crops import DEFAULT_TEXT_HEIGHT
from schemas.ocr import OcrLine

if TYPE_CHECKING:
    from ingest.prepare.page import Prepared

#: a bilevel page read with letters under this height (px) lost marks to thresholding: a 150 dpi
#: fax (16-17 px); a 300 dpi bilevel TIFF, read at ~200 dpi, has 22-23 px and reads them well
FAX_TEXT_HEIGHT = 19.5
#: on a page whose marks are unreliable, a line whose every word Tesseract read with at least this
#: confidence keeps its marks.  Photocopies: 95 (as good or better than all lines and a third less
#: time; bag error dev 3.83 -> 3.75 %, with 800 more specks 6.82 -> 6.86 %).  Faxes, which plain
#: Tesseract reads fast, 80: within the time budget (synthetic 150 dpi faxes: bag 3.55 % untouched,
#: 1.72 % at 95 but 1.58x plain Tesseract's time, 2.79 % at 80 and 1.44x)
SURE_LINE_SPECKLED = 95.0
SURE_LINE_FAX = 80.0


def unsure_marks_below(prepared: Prepared) -> float | None:
    """None where the page's marks can be taken as read, else the line confidence below which the
    model polishes them (:func:`correct_page_marks`): a speckled page (a photocopy: specks touching
    the letters add or change marks, :data:`SURE_LINE_SPECKLED`) or a bilevel one read with small
    letters (a fax: thresholding ate into them, :data:`SURE_LINE_FAX`).  Measured (bag error): dev
    photocopies 4.85 -> 3.75 %, synthetic 150 dpi faxes 3.55 -> 2.79 %; on other pages it would
    hurt (all lines: dev clean 0.65 -> 1.66 %, 300 dpi bilevel office TIFFs 0.81 -> 1.66 %)."""
    if "speckled" in prepared.steps:
        return SURE_LINE_SPECKLED
    if "smooth" in prepared.steps and (prepared.text_height or DEFAULT_TEXT_HEIGHT) < FAX_TEXT_HEIGHT:
        return SURE_LINE_FAX
    return None


def load_language_model() -> threading.Thread:
    """Load the Vietnamese model on a thread of its own (much of it outside the GIL)."""
    from ingest.vietnamese import warm_up as load_model

    thread = threading.Thread(target=load_model, name="language-model", daemon=True)
    thread.start()
    return thread


def correct_page_marks(lines: list[OcrLine], sure_line: float = SURE_LINE_SPECKLED) -> list[OcrLine]:
    """The lines of a page whose marks are unreliable (:func:`unsure_marks_below`) with their marks
    polished in context by the Vietnamese model (`ingest.vietnamese.correct_marks`): Tesseract
    reads a speck or a thresholding artefact as a mark with high confidence.  Lines read with
    `sure_line` confidence or more throughout are left as they are."""
    from ingest.vietnamese import correct_marks

    out = []
    for line in lines:
        if not line.words or min(w.conf for w in line.words) >= sure_line:
            out.append(line)
            continue
        fixed = correct_marks([w.text for w in line.words])
        if fixed == [w.text for w in line.words]:
            out.append(line)
            continue
        words = [w if t == w.text else w.model_copy(update={"text": t})
                 for w, t in zip(line.words, fixed, strict=True)]
        out.append(line.model_copy(update={"text": " ".join(fixed), "words": words}))
    return out
