"""Text Tesseract's automatic layout left out (a lone page number at the top of a last page, a
reference number): ink the size of letters that no recognised word covers is found
(:func:`missed_regions`) and read again on its own (:func:`recover_missed`)."""

from __future__ import annotations

import numpy as np

from ingest.recognise.crops import DEFAULT_TEXT_HEIGHT, framed, moved
from ingest.recognise.engine import get_engine
from ingest.recognise.hocr import union_box
from ingest.recognise.junk import is_plausible
from schemas.ocr import BBox, OcrLine

RECOVERED_CONF = 70.0  # a word read in the second pass is kept from this confidence (and plausible)
MAX_RECOVERED = 8  # at most this many left-out ink regions are read again per page
#: the page is searched for left-out ink at half size above this many pixels (a 200 dpi A4 page has 3.9 Mpx)
SEARCH_PIXELS = 2_000_000
#: gray levels below this are ink
INK_BELOW = 128
#: the ink within this many text heights of a recognised word is taken as read
WORD_REACH = 0.3
#: a blob is letter-sized from this many text heights high ...
LETTER_MIN_HEIGHT = 0.45
#: ... up to this many ...
LETTER_MAX_HEIGHT = 1.6
#: ... at most this many text heights wide ...
LETTER_MAX_WIDTH = 2.5
#: ... and fills at least this share of its box (not a thin curve of a signature)
LETTER_MIN_FILL = 0.15
#: letters are grouped into lines across gaps under this many text heights ...
JOIN_ACROSS = 1.2
#: ... and this many down
JOIN_DOWN = 0.3
#: a group taller than this many text heights is no line: a block Tesseract saw as a picture
MAX_REGION_HEIGHT = 3
#: a region's box is padded by this many text heights
REGION_PAD = 0.2
#: a region is read on white paper with this many text heights of margin
READ_MARGIN = 0.6
#: Tesseract's page segmentation mode for a region: one uniform block of text (as good as ``--psm 7``)
REGION_PSM = 6


def missed_regions(image: np.ndarray, lines: list[OcrLine], text_height: float | None,
                   limit: int = MAX_RECOVERED) -> list[BBox]:
    """Boxes of text-like ink that no recognised word covers: Tesseract's automatic layout drops
    lone short lines (the page number at the top of a last page, a reference number). Only blobs
    the size of letters count (not specks, seals, signatures or rules), grouped into line-sized
    boxes; the `limit` largest, padded by a fifth of a text height, in page pixels."""
    import cv2

    from ingest.prepare.image import blob_map, half_size

    th = text_height or DEFAULT_TEXT_HEIGHT
    small, factor = half_size(image, SEARCH_PIXELS)
    ink = (small < INK_BELOW).astype(np.uint8)
    pad = max(1, int(WORD_REACH * th * factor))
    for line in lines:
        for word in line.words:
            box = word.bbox
            x0, y0 = max(0, int(box.x * factor) - pad), max(0, int(box.y * factor) - pad)
            ink[y0:int((box.y + box.h) * factor) + pad, x0:int((box.x + box.w) * factor) + pad] = 0
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if count <= 1:
        return []
    width, height, area = (stats[1:, i] for i in (cv2.CC_STAT_WIDTH, cv2.CC_STAT_HEIGHT, cv2.CC_STAT_AREA))
    small_th = th * factor
    letters = ((height >= LETTER_MIN_HEIGHT * small_th) & (height <= LETTER_MAX_HEIGHT * small_th)
               & (width <= LETTER_MAX_WIDTH * small_th) & (area >= LETTER_MIN_FILL * width * height))
    if not letters.any():
        return []
    mask = blob_map(np.r_[False, letters], labels)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (max(3, int(JOIN_ACROSS * small_th)),
                                                        max(1, int(JOIN_DOWN * small_th))))
    _, _, stats, _ = cv2.connectedComponentsWithStats(cv2.dilate(mask, kernel), connectivity=8)
    boxes = []
    for i in np.argsort(-stats[1:, cv2.CC_STAT_AREA])[:limit] + 1:
        bx, by, bw, bh = (int(v / factor) for v in stats[i, :4])
        if bh > MAX_REGION_HEIGHT * th:  # not one line: a block Tesseract saw as a picture, left as it is
            continue
        margin = int(REGION_PAD * th)
        x0, y0 = max(0, bx - margin), max(0, by - margin)
        boxes.append(BBox(x=x0, y=y0, w=min(image.shape[1], bx + bw + margin) - x0,
                          h=min(image.shape[0], by + bh + margin) - y0))
    return boxes


def recover_missed(image: np.ndarray, lines: list[OcrLine], text_height: float | None, *,
                   lang: str = "vie") -> list[OcrLine]:
    """Second pass over :func:`missed_regions`: each is read on its own (``--psm 6``), and the
    words that are confident and plausible text come back as lines in page coordinates."""
    regions = missed_regions(image, lines, text_height)
    if not regions:
        return []
    engine = get_engine(lang=lang)  # --psm 6: as good as --psm 7 here
    block = max((line.block for line in lines), default=0) + 1
    found = []
    for region in regions:
        crop, x0, y0 = framed(image, region, int(READ_MARGIN * (text_height or DEFAULT_TEXT_HEIGHT)))
        for line in engine.recognise(crop, psm=REGION_PSM).lines:
            words = [w.model_copy(update={"bbox": moved(w.bbox, x0, y0)})
                     for w in line.words if w.conf >= RECOVERED_CONF and is_plausible(w.text)]
            if words and (len(words) > 1 or _worth_a_line(words[0].text)):
                found.append(OcrLine(text=" ".join(w.text for w in words), block=block,
                                     bbox=union_box([w.bbox for w in words]), words=words))
        block += 1
    return found


def _worth_a_line(token: str) -> bool:
    """A lone word read in a left-out spot stands as a line if it is a number (a page number) or
    at least two letters: one letter there ("C", "l") is a piece of a seal or a signature."""
    core = "".join(c for c in token if c.isalnum())
    return core.isdigit() or len(core) >= 2
