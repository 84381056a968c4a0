"""Columns that Tesseract's automatic layout ran together, read again one at a time.

Tesseract often reads side-by-side lines of one block (the recipients list beside the signature
block, the agency beside the national motto) as lines across both columns, and loses marks of
one of them.  :func:`mixed_columns` finds such blocks' column boxes, :func:`read_columns` reads
each box on its own, :func:`put_columns` puts the new lines in place of the old, and
:class:`ColumnRereads` does all three beside the page's main pass."""

from __future__ import annotations

import threading
from operator import attrgetter

import numpy as np

from ingest.recognise.cores import on_one_core
from ingest.recognise.crops import DEFAULT_TEXT_HEIGHT, framed, moved
from ingest.recognise.engine import get_engine
from ingest.recognise.hocr import union_box
from ingest.recognise.interface import OcrEngine
from schemas.ocr import BBox, OcrLine

#: a block's columns are split at a vertical strip no line crosses at least this many text heights wide
MIN_COLUMN_GAP = 2
#: column boxes of neighbouring blocks closer than this many text heights are merged
MERGE_DISTANCE = 1
#: a column box takes in a line above or below it within this many text heights (and its width)
GROW_DISTANCE = 0.8
#: two lines are side by side when they overlap vertically by more than this share of the lower one
SIDE_BY_SIDE_OVERLAP = 0.5
#: a column box is read (and its first-pass lines are looked for) padded by this many text heights
COLUMN_PAD = 0.3
#: Tesseract's page segmentation mode for a column: one uniform block of text
COLUMN_PSM = 6
#: the lines read in the n-th column box are numbered as blocks ``COLUMN_BLOCKS * n`` + their own
COLUMN_BLOCKS = 1000


def mixed_columns(lines: list[OcrLine], text_height: float | None = None) -> list[BBox]:
    """Column boxes of the blocks in which Tesseract ran lines across two columns (side-by-side
    lines of one block: the recipients list beside the signature block, the agency beside the
    national motto).  Marks of one column are then often read as a line of their own or lost
    ("PHÓ CHỦ" -> "PHO CHU").  A block's columns are split at the widest vertical strip, at least
    two text heights wide, that none of its lines crosses; boxes of neighbouring blocks that
    overlap or lie less than a text height apart are merged."""
    th = text_height or DEFAULT_TEXT_HEIGHT
    by_block: dict[int, list[OcrLine]] = {}
    for line in lines:
        by_block.setdefault(line.block, []).append(line)
    boxes: list[BBox] = []
    for group in by_block.values():
        if not any(_side_by_side(a, b) for i, a in enumerate(group) for b in group[i + 1:]):
            continue
        spans = sorted((ln.bbox.x, ln.bbox.x + ln.bbox.w) for ln in group)
        best, reach = (0.0, 0.0), spans[0][1]
        for x0, x1 in spans[1:]:
            if x0 - reach > best[0]:
                best = (x0 - reach, (x0 + reach) / 2)
            reach = max(reach, x1)
        if best[0] < MIN_COLUMN_GAP * th:
            continue
        split = best[1]
        for side in ([ln.bbox for ln in group if ln.bbox.x + ln.bbox.w <= split],
                     [ln.bbox for ln in group if ln.bbox.x >= split]):
            boxes.append(_grow_column(union_box(side), lines, th))
    return _merge_near(boxes, MERGE_DISTANCE * th)


def _merge_near(boxes: list[BBox], distance: float) -> list[BBox]:
    """`boxes` with every two that overlap across and lie less than `distance` apart down merged,
    one pair at a time, until none are left."""
    merged = True
    while merged:
        merged = False
        for i, a in enumerate(boxes):
            for j in range(i + 1, len(boxes)):
                b = boxes[j]
                if (a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h + distance
                        and b.y < a.y + a.h + distance):
                    boxes[i] = union_box([a, b])
                    del boxes[j]
                    merged = True
                    break
            if merged:
                break
    return boxes


def _grow_column(box: BBox, lines: list[OcrLine], th: float) -> BBox:
    """The column box extended over the lines just above or below it that fit in its width (the
    rest of a recipients list that Tesseract put in a block of its own)."""
    grown = True
    while grown:
        grown = False
        for line in lines:
            other = line.bbox
            if other.x < box.x - th or other.x + other.w > box.x + box.w + th:
                continue
            below, above = other.y - (box.y + box.h), box.y - (other.y + other.h)
            if 0 <= below < GROW_DISTANCE * th or 0 <= above < GROW_DISTANCE * th:
                box = union_box([box, other])
                grown = True
    return box


def _side_by_side(a: OcrLine, b: OcrLine) -> bool:
    overlap = min(a.bbox.y + a.bbox.h, b.bbox.y + b.bbox.h) - max(a.bbox.y, b.bbox.y)
    apart = a.bbox.x + a.bbox.w < b.bbox.x or b.bbox.x + b.bbox.w < a.bbox.x
    return overlap > SIDE_BY_SIDE_OVERLAP * min(a.bbox.h, b.bbox.h) and apart


def reread_columns(image: np.ndarray, lines: list[OcrLine], text_height: float | None, *,
                   lang: str = "vie") -> list[OcrLine]:
    """The lines of the page with the columns of every block of :func:`mixed_columns` read again
    one at a time (``--psm 6`` on the column's box): the new lines replace every first-pass line
    whose centre lies in the box (of whichever block), in the place of the first of them."""
    boxes = mixed_columns(lines, text_height)
    return put_columns(lines, boxes, read_columns(image, boxes, text_height, get_engine(lang=lang)),
                       text_height)


def read_columns(image: np.ndarray, boxes: list[BBox], text_height: float | None,
                 engine: OcrEngine) -> list[list[OcrLine]]:
    """The lines read in each column box (padded by 0.3 text height, on white paper), in page
    coordinates, numbered as blocks of their own."""
    th = text_height or DEFAULT_TEXT_HEIGHT
    pad, margin = int(COLUMN_PAD * th), int(th)
    redone = []
    for number, box in enumerate(boxes, start=1):
        padded = BBox(x=box.x - pad, y=box.y - pad, w=box.w + 2 * pad, h=box.h + 2 * pad)
        crop, x0, y0 = framed(image, padded, margin)
        new = []
        for line in engine.recognise(crop, psm=COLUMN_PSM).lines:
            words = [w.model_copy(update={"bbox": moved(w.bbox, x0, y0)}) for w in line.words]
            new.append(OcrLine(text=line.text, block=line.block + COLUMN_BLOCKS * number,
                               bbox=union_box([w.bbox for w in words]), words=words))
        redone.append(new)
    return redone


def put_columns(lines: list[OcrLine], boxes: list[BBox], redone: list[list[OcrLine]],
                text_height: float | None) -> list[OcrLine]:
    """`lines` with the lines read in each column box (:func:`read_columns`) in place of those
    whose centre lies in the padded box, where the first of them was."""
    pad = int(COLUMN_PAD * (text_height or DEFAULT_TEXT_HEIGHT))
    regions = [(r.x - pad, r.y - pad, r.x + r.w + pad, r.y + r.h + pad) for r in boxes]
    out: list[OcrLine] = []
    placed = set()
    for line in lines:
        cx, cy = line.bbox.x + line.bbox.w / 2, line.bbox.y + line.bbox.h / 2
        inside = [i for i, (x0, y0, x1, y1) in enumerate(regions) if x0 <= cx < x1 and y0 <= cy < y1]
        if not inside:
            out.append(line)
        elif inside[0] not in placed:
            first = inside[0]
            x0, y0, _, y1 = regions[first]
            # a column to its left beside it goes first (a line across both has its centre right)
            for j in sorted((j for j, (a0, b0, _, b1) in enumerate(regions)
                             if j not in placed and a0 < x0 and b0 < y1 and y0 < b1),
                            key=lambda j: regions[j][0]) + [first]:
                placed.add(j)
                out.extend(redone[j])
    return out


def _same_boxes(a: list[BBox], b: list[BBox], text_height: float | None) -> bool:
    """Whether two lists of boxes are the same boxes, each edge within a text height."""
    if len(a) != len(b):
        return False
    tol = text_height or DEFAULT_TEXT_HEIGHT
    key = attrgetter("y", "x")
    return all(abs(p.x - q.x) <= tol and abs(p.y - q.y) <= tol and abs(p.x + p.w - q.x - q.w) <= tol
               and abs(p.y + p.h - q.y - q.h) <= tol for p, q in zip(sorted(a, key=key), sorted(b, key=key),
                                                                       strict=True))


class ColumnRereads:
    """:func:`reread_columns` beside the page's main pass: the column boxes are found in the
    layout (:meth:`start`, the engine's ``on_layout``), read by a helper engine on another thread
    while the main engine recognises the page (on one core, see
    :func:`ingest.recognise.cores.use_one_core`: by the main engine after its pass), and put in its
    lines afterwards (:meth:`put_in`).
    Page text as before; on a 2-core machine the page is ready ~0.07 s sooner (the re-read took
    a tenth of the time plain Tesseract takes for a page)."""

    def __init__(self, image: np.ndarray, text_height: float | None, *, lang: str = "vie") -> None:
        self.image, self.text_height, self.lang = image, text_height, lang
        self.boxes: list[BBox] = []
        self._thread: threading.Thread | None = None
        self._redone: list[list[OcrLine]] = []
        self._error: BaseException | None = None

    def start(self, layout: list[OcrLine]) -> None:
        self.boxes = mixed_columns(layout, self.text_height)
        if self.boxes and not on_one_core():  # on one core they are read in put_in, after the main pass
            self._thread = threading.Thread(target=self._read, name="column-rereads", daemon=True)
            self._thread.start()

    def _read(self) -> None:
        try:
            engine = get_engine(lang=self.lang, helper=not on_one_core())  # one core: the main engine, done
            self._redone = read_columns(self.image, self.boxes, self.text_height, engine)
        except BaseException as exc:  # noqa: BLE001 - raised again on the page's own thread
            self._error = exc

    def put_in(self, lines: list[OcrLine]) -> list[OcrLine]:
        """`lines` (the main pass) with the columns read again: what :func:`reread_columns` gives,
        which is also what happens when the columns of the text are not those of the layout."""
        if self._thread is not None:
            self._thread.join()
        elif self.boxes:
            self._read()
        if self._error is not None:
            raise self._error
        if not _same_boxes(mixed_columns(lines, self.text_height), self.boxes, self.text_height):
            # the layout's blobs (a signature, toner on a fax) made other columns than the text
            # shows (2 of 30 synthetic dim/phone/fax pages, none of the 60 dev pages): as before
            return reread_columns(self.image, lines, self.text_height, lang=self.lang)
        return put_columns(lines, self.boxes, self._redone, self.text_height)
