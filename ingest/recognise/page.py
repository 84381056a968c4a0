"""Recognition of pages without any database or queue: rasterise → preprocess → recognise → order.
Shared by `sohoa ocr` (in-process) and the workers, so both read a page the same way."""

from __future__ import annotations

import threading
from operator import attrgetter
from typing import TYPE_CHECKING

import numpy as np

from ingest.core.settings import Settings
from ingest.intake import checks as intake
from ingest.raster import render as raster
from ingest.recognise.engine import OcrEngine, get_engine
from ingest.recognise.hocr import union_box
from schemas.ocr import BBox, OcrLine, OcrPage, OcrResult

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
REVIEW_CONFIDENCE = 70.0  # pages whose mean word confidence is below this are flagged for review
UNSURE = 60.0  # words below this confidence that are not plausible text go to the Vietnamese model
RECOVERED_CONF = 70.0  # a word read in the second pass is kept from this confidence (and plausible)
MAX_RECOVERED = 8  # at most this many left-out ink regions are read again per page


def recognise_page(page: raster.PageImage, *, lang: str = "vie", repair: bool = True) -> tuple[OcrPage, str]:
    """Read one page image: clean it up, run the engine, drop junk read out of stamps, signatures
    and rules, split words whose space was missed, polish low-confidence words with the Vietnamese
    model and give back the hỏi read as a sắc (or the reverse) where a second look and the corpus
    agree, and on a page whose marks are unreliable (a photocopy, a fax) let the model correct
    them in context (all three unless `repair` is off), and order the lines. Returns the page and
    the engine's hOCR.  Word and line boxes, width and height are in pixels of the page at the
    resolution it came in, upright and level (the page may have been read resampled to ~200 dpi;
    the hOCR is in the pixels that were read)."""
    from ingest.prepare.page import prepare

    prepared = prepare(page.gray, page.dpi)
    sure_line = unsure_marks_below(prepared) if repair else None
    model = _load_language_model() if sure_line else None  # beside the engine, which needs ~0.5 s
    columns = ColumnRereads(prepared.image, prepared.text_height, lang=lang)
    out = get_engine(lang=lang).recognise(prepared.image, on_layout=columns.start)
    found = columns.put_in(out.lines)
    if model is not None:
        model.join()
    for extra in recover_missed(prepared.image, found, prepared.text_height, lang=lang):
        # in reading order before the first line that starts below it (a page number goes first)
        middle = extra.bbox.y + extra.bbox.h / 2
        at = next((i for i, ln in enumerate(found) if ln.bbox.y > middle), len(found))
        found.insert(at, extra)
    lines = clean_lines(found, repair=repair)
    lines = split_run_together(prepared.image, lines, prepared.text_height, lang=lang)
    if repair:
        lines = second_look_tones(prepared.image, lines, prepared.text_height, lang=lang)
    if sure_line:
        lines = correct_page_marks(lines, sure_line)
    words = [w for line in lines for w in line.words]
    mean_conf = sum(w.conf for w in words) / len(words) if words else 0.0
    height, width = prepared.image.shape[:2]
    if prepared.scale != 1.0:
        f = 1.0 / prepared.scale
        lines = [_scaled(line, f) for line in lines]
        height, width = round(height * f), round(width * f)
    ocr_page = OcrPage(number=page.number, text="\n".join(line.text for line in lines),
                       mean_conf=round(mean_conf, 2), width=width, height=height,
                       rotation=prepared.rotation, skew=round(prepared.skew, 2), lines=lines,
                       needs_review=bool(words) and mean_conf < REVIEW_CONFIDENCE)
    return ocr_page, out.hocr


def _moved(b: BBox, dx: int, dy: int) -> BBox:
    return BBox(x=b.x + dx, y=b.y + dy, w=b.w, h=b.h)


def _scaled(line: OcrLine, f: float) -> OcrLine:
    def box(b: BBox) -> BBox:
        return BBox(x=round(b.x * f), y=round(b.y * f), w=round(b.w * f), h=round(b.h * f))

    return line.model_copy(update={"bbox": box(line.bbox),
                                   "words": [w.model_copy(update={"bbox": box(w.bbox)}) for w in line.words]})


def clean_lines(lines: list[OcrLine], *, repair: bool = True) -> list[OcrLine]:
    """Lines without junk words (`ingest.recognise.junk.drop_junk`), their unsure words corrected in context
    by the Vietnamese model (`ingest.vietnamese.correct_words`); empty lines dropped."""
    from ingest.recognise.junk import drop_junk, fix_units, is_plausible

    cleaned = []
    for line in lines:
        kept = [item[3] for item in drop_junk((w.text, w.conf, w.bbox, w) for w in line.words)]
        if not kept:
            continue
        if repair and any(w.conf < UNSURE and not is_plausible(w.text) for w in kept):
            from ingest.vietnamese import correct_words  # the model loads only when a page needs it

            fixed = correct_words([(w.text, w.conf) for w in kept])
            kept = [w if t == w.text else w.model_copy(update={"text": t}) for w, t in zip(kept, fixed,
                                                                                          strict=True)]
        units = fix_units([w.text for w in kept])
        kept = [w if t == w.text else w.model_copy(update={"text": t})
                for w, t in zip(kept, units, strict=True)]
        if kept == line.words:
            cleaned.append(line)
            continue
        cleaned.append(OcrLine(text=" ".join(w.text for w in kept), block=line.block,
                               bbox=union_box([w.bbox for w in kept]), words=kept))
    return cleaned


def unsure_marks_below(prepared: Prepared) -> float | None:
    """None where the page's marks can be taken as read, else the line confidence below which the
    model polishes them (:func:`correct_page_marks`): a speckled page (a photocopy: specks touching
    the letters add or change marks, :data:`SURE_LINE_SPECKLED`) or a bilevel one read with small
    letters (a fax: thresholding ate into them, :data:`SURE_LINE_FAX`).  Measured (bag error): dev
    photocopies 4.85 -> 3.75 %, synthetic 150 dpi faxes 3.55 -> 2.79 %; on other pages it would
    hurt (all lines: dev clean 0.65 -> 1.66 %, 300 dpi bilevel office TIFFs 0.81 -> 1.66 %)."""
    if "speckled" in prepared.steps:
        return SURE_LINE_SPECKLED
    if "smooth" in prepared.steps and (prepared.text_height or 33.0) < FAX_TEXT_HEIGHT:
        return SURE_LINE_FAX
    return None


def _load_language_model() -> threading.Thread:
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


def missed_regions(image: np.ndarray, lines: list[OcrLine], text_height: float | None,
                   limit: int = MAX_RECOVERED) -> list[BBox]:
    """Boxes of text-like ink that no recognised word covers: Tesseract's automatic layout drops
    lone short lines (the page number at the top of a last page, a reference number). Only blobs
    the size of letters count (not specks, seals, signatures or rules), grouped into line-sized
    boxes; the `limit` largest, padded by a fifth of a text height, in page pixels."""
    import cv2

    from ingest.prepare.page import blob_map, half_size

    th = text_height or 33.0
    small, f = half_size(image, 2_000_000)  # a 200 dpi A4 page has 3.9 Mpx
    ink = (small < 128).astype(np.uint8)
    pad = max(1, int(0.3 * th * f))
    for line in lines:
        for w in line.words:
            b = w.bbox
            x0, y0 = max(0, int(b.x * f) - pad), max(0, int(b.y * f) - pad)
            ink[y0:int((b.y + b.h) * f) + pad, x0:int((b.x + b.w) * f) + pad] = 0
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if n <= 1:
        return []
    x, y, w, h, area = (stats[1:, i] for i in range(5))
    sth = th * f
    letters = (h >= 0.45 * sth) & (h <= 1.6 * sth) & (w <= 2.5 * sth) & (area >= 0.15 * w * h)
    if not letters.any():
        return []
    mask = blob_map(np.r_[False, letters], labels)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (max(3, int(1.2 * sth)), max(1, int(0.3 * sth))))
    n, _, stats, _ = cv2.connectedComponentsWithStats(cv2.dilate(mask, kernel), connectivity=8)
    boxes = []
    for i in np.argsort(-stats[1:, cv2.CC_STAT_AREA])[:limit] + 1:
        bx, by, bw, bh = (int(v / f) for v in stats[i, :4])
        if bh > 3 * th:  # not one line: a block Tesseract saw as a picture, left as it is
            continue
        m = int(0.2 * th)
        x0, y0 = max(0, bx - m), max(0, by - m)
        boxes.append(BBox(x=x0, y=y0, w=min(image.shape[1], bx + bw + m) - x0,
                          h=min(image.shape[0], by + bh + m) - y0))
    return boxes


def framed(image: np.ndarray, box: BBox, margin: int) -> tuple[np.ndarray, int, int]:
    """The part of the page inside ``box`` on white paper with ``margin`` pixels all round, and
    the page position of its top-left corner.  Tesseract misreads letters at the very edge of a
    tight crop ("VT." -> "VE"), while a wider crop would take in the neighbouring column."""
    H, W = image.shape[:2]
    x0, y0 = max(0, box.x), max(0, box.y)
    x1, y1 = min(W, box.x + box.w), min(H, box.y + box.h)
    out = np.full((y1 - y0 + 2 * margin, x1 - x0 + 2 * margin), 255, np.uint8)
    out[margin:margin + y1 - y0, margin:margin + x1 - x0] = image[y0:y1, x0:x1]
    return out, x0 - margin, y0 - margin


def mixed_columns(lines: list[OcrLine], text_height: float | None = None) -> list[BBox]:
    """Column boxes of the blocks in which Tesseract ran lines across two columns (side-by-side
    lines of one block: the recipients list beside the signature block, the agency beside the
    national motto).  Marks of one column are then often read as a line of their own or lost
    ("PHÓ CHỦ" -> "PHO CHU").  A block's columns are split at the widest vertical strip, at least
    two text heights wide, that none of its lines crosses; boxes of neighbouring blocks that
    overlap or lie less than a text height apart are merged."""
    th = text_height or 33.0
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
        if best[0] < 2 * th:
            continue
        split = best[1]
        for side in ([ln.bbox for ln in group if ln.bbox.x + ln.bbox.w <= split],
                     [ln.bbox for ln in group if ln.bbox.x >= split]):
            boxes.append(_grow_column(union_box(side), lines, th))
    merged = True
    while merged:
        merged = False
        for i, a in enumerate(boxes):
            for j in range(i + 1, len(boxes)):
                b = boxes[j]
                if a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h + th and b.y < a.y + a.h + th:
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
            b = line.bbox
            if b.x < box.x - th or b.x + b.w > box.x + box.w + th:
                continue
            below, above = b.y - (box.y + box.h), box.y - (b.y + b.h)
            if 0 <= below < 0.8 * th or 0 <= above < 0.8 * th:
                box = union_box([box, b])
                grown = True
    return box


def _side_by_side(a: OcrLine, b: OcrLine) -> bool:
    overlap = min(a.bbox.y + a.bbox.h, b.bbox.y + b.bbox.h) - max(a.bbox.y, b.bbox.y)
    apart = a.bbox.x + a.bbox.w < b.bbox.x or b.bbox.x + b.bbox.w < a.bbox.x
    return overlap > 0.5 * min(a.bbox.h, b.bbox.h) and apart


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
    th = text_height or 33.0
    pad, margin = int(0.3 * th), int(th)
    redone = []
    for n, r in enumerate(boxes, start=1):
        crop, x0, y0 = framed(image, BBox(x=r.x - pad, y=r.y - pad, w=r.w + 2 * pad, h=r.h + 2 * pad), margin)
        new = []
        for line in engine.recognise(crop, psm=6).lines:
            words = [w.model_copy(update={"bbox": _moved(w.bbox, x0, y0)}) for w in line.words]
            new.append(OcrLine(text=line.text, block=line.block + 1000 * n,
                               bbox=union_box([w.bbox for w in words]), words=words))
        redone.append(new)
    return redone


def put_columns(lines: list[OcrLine], boxes: list[BBox], redone: list[list[OcrLine]],
                text_height: float | None) -> list[OcrLine]:
    """`lines` with the lines read in each column box (:func:`read_columns`) in place of those
    whose centre lies in the padded box, where the first of them was."""
    pad = int(0.3 * (text_height or 33.0))
    regions = [(r.x - pad, r.y - pad, r.x + r.w + pad, r.y + r.h + pad) for r in boxes]
    out: list[OcrLine] = []
    placed = set()
    for line in lines:
        cx, cy = line.bbox.x + line.bbox.w / 2, line.bbox.y + line.bbox.h / 2
        inside = [i for i, (x0, y0, x1, y1) in enumerate(regions) if x0 <= cx < x1 and y0 <= cy < y1]
        if not inside:
            out.append(line)
        elif inside[0] not in placed:
            i = inside[0]
            x0, y0, _, y1 = regions[i]
            # a column to its left beside it goes first (a line across both has its centre right)
            for j in sorted((j for j, (a0, b0, _, b1) in enumerate(regions)
                             if j not in placed and a0 < x0 and b0 < y1 and y0 < b1),
                            key=lambda j: regions[j][0]) + [i]:
                placed.add(j)
                out.extend(redone[j])
    return out


def _same_boxes(a: list[BBox], b: list[BBox], text_height: float | None) -> bool:
    """Whether two lists of boxes are the same boxes, each edge within a text height."""
    if len(a) != len(b):
        return False
    tol = text_height or 33.0
    key = attrgetter("y", "x")
    return all(abs(p.x - q.x) <= tol and abs(p.y - q.y) <= tol and abs(p.x + p.w - q.x - q.w) <= tol
               and abs(p.y + p.h - q.y - q.h) <= tol for p, q in zip(sorted(a, key=key), sorted(b, key=key),
                                                                       strict=True))


class ColumnRereads:
    """:func:`reread_columns` beside the page's main pass: the column boxes are found in the
    layout (:meth:`start`, the engine's ``on_layout``), read by a helper engine on another thread
    while the main engine recognises the page (on one core, see :func:`use_one_core`: by the main
    engine after its pass), and put in its lines afterwards (:meth:`put_in`).
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
        if self.boxes and not _ONE_CORE:  # on one core they are read in put_in, after the main pass
            self._thread = threading.Thread(target=self._read, name="column-rereads", daemon=True)
            self._thread.start()

    def _read(self) -> None:
        try:
            engine = get_engine(lang=self.lang, helper=not _ONE_CORE)  # one core: the main engine, done
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


def recover_missed(image: np.ndarray, lines: list[OcrLine], text_height: float | None, *,
                   lang: str = "vie") -> list[OcrLine]:
    """Second pass over :func:`missed_regions`: each is read on its own (``--psm 6``), and the
    words that are confident and plausible text come back as lines in page coordinates."""
    from ingest.recognise.junk import is_plausible

    regions = missed_regions(image, lines, text_height)
    if not regions:
        return []
    engine = get_engine(lang=lang)  # --psm 6: as good as --psm 7 here
    block = max((line.block for line in lines), default=0) + 1
    found = []
    for r in regions:
        crop, x0, y0 = framed(image, r, int(0.6 * (text_height or 33.0)))
        for line in engine.recognise(crop, psm=6).lines:
            words = [w.model_copy(update={"bbox": _moved(w.bbox, x0, y0)})
                     for w in line.words if w.conf >= RECOVERED_CONF and is_plausible(w.text)]
            if words and (len(words) > 1 or _worth_a_line(words[0].text)):
                found.append(OcrLine(text=" ".join(w.text for w in words), block=block,
                                     bbox=union_box([w.bbox for w in words]), words=words))
        block += 1
    return found


def split_run_together(image: np.ndarray, lines: list[OcrLine], text_height: float | None, *,
                       lang: str = "vie") -> list[OcrLine]:
    """`lines` after :func:`ingest.recognise.spaces.split_missed_spaces`: a word that is no syllable with a
    space-wide gap in its ink ("VPUBND") is read again as two halves (``--psm 8``) and split when
    they give back its letters."""
    from ingest.recognise.junk import is_syllable
    from ingest.recognise.spaces import split_missed_spaces

    th = text_height or 33.0
    margin = int(0.5 * th)

    def read_word(box: BBox) -> str:
        crop, _, _ = framed(image, box, margin)
        read = get_engine(lang=lang).recognise(crop, psm=8)
        return " ".join(w.text for line in read.lines for w in line.words)

    return split_missed_spaces(lines, image, th, read_word, is_syllable)


def second_look_tones(image: np.ndarray, lines: list[OcrLine], text_height: float | None, *,
                      lang: str = "vie") -> list[OcrLine]:
    """`lines` after :func:`ingest.vietnamese.tones.fix_tones`: words read with a sắc where a hỏi is far more
    usual (or the reverse) are read again on their own, with the engine's alternatives for each
    letter, and take the other tone where those and the corpus agree ("tống hợp" -> "tổng hợp")."""
    from ingest.vietnamese.tones import fix_tones

    engine = get_engine(lang=lang)
    if not hasattr(engine, "symbol_choices"):  # the `tesseract` program gives no alternatives
        return lines
    th = text_height or 33.0
    pad, margin = max(2, int(0.12 * th)), int(0.5 * th)

    def reread(box: BBox) -> list[tuple[str, list[tuple[str, float]]]]:
        crop, _, _ = framed(image, BBox(x=box.x - pad, y=box.y - pad, w=box.w + 2 * pad, h=box.h + 2 * pad),
                            margin)
        return engine.symbol_choices(crop)

    return fix_tones(lines, reread)


def _worth_a_line(token: str) -> bool:
    """A lone word read in a left-out spot stands as a line if it is a number (a page number) or
    at least two letters: one letter there ("C", "l") is a piece of a seal or a signature."""
    core = "".join(c for c in token if c.isalnum())
    return core.isdigit() or len(core) >= 2


_ONE_CORE = False  # set in worker pool processes by use_one_core()


def use_one_core() -> None:
    """Read every page of this process on one core, as a worker pool process does: Celery runs a
    process per core, so a page's own helper thread (the column re-reads) and OpenCV's thread pool
    would only take CPU from the other processes' pages, and cost some of their own (OpenCV's pool
    ~0.08 s of CPU a page for ~0.02 s sooner). The columns are read by the main engine after its
    pass, so the helper's model is not loaded. Pages read the same either way."""
    global _ONE_CORE
    import cv2

    cv2.setNumThreads(1)
    _ONE_CORE = True


def warm_up(lang: str = "vie") -> None:
    """Load what recognising and publishing a page needs (OpenCV, both Tesseract models or the main one
    on one core, the Vietnamese model, OCRmyPDF, the PDF text layer's font), so a long-lived worker
    pays for it once at start rather than on its first pages."""
    import ingest.metadata.extract  # noqa: F401
    import ingest.prepare.page  # noqa: F401
    import ingest.publish.archive  # noqa: F401  (OCRmyPDF, pikepdf)
    from ingest.publish.image_pdf import glyphless_font
    from ingest.vietnamese.lm.cache import load

    glyphless_font()
    get_engine(lang=lang)
    if not _ONE_CORE:
        get_engine(lang=lang, helper=True)
    load()


def ocr_bytes(data: bytes, filename: str, settings: Settings, *, repair: bool = True) -> OcrResult:
    """OCR a whole file in this process (no queue, no database): what `sohoa ocr` does."""
    info = intake.inspect(data, filename, settings)
    pages = []
    for n in range(1, info.page_count + 1):
        image = raster.render_page(data, info.mime, n, dpi=settings.raster_dpi,
                                   max_pixels=settings.max_page_pixels, decoded=info.decoded)
        pages.append(recognise_page(image, lang=settings.ocr_lang, repair=repair)[0])
    return OcrResult(source=filename, pages=pages, language=settings.ocr_lang)
