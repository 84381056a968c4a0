"""Parse Tesseract's hOCR into lines of words with boxes and confidences, in reading order.

Tesseract reads the Decree 30 header (agency on the left, national motto on the right) row by row,
gluing both columns into one line. Lines are split where the gap between words is far wider than
a word space, and runs of such two-column rows are emitted column by column, as people read them.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from schemas.ocr import BBox, OcrLine, OcrWord

_NS = "{http://www.w3.org/1999/xhtml}"
_BBOX = re.compile(r"bbox (\d+) (\d+) (\d+) (\d+)")
_WCONF = re.compile(r"x_wconf (\d+(?:\.\d+)?)")
_XSIZE = re.compile(r"x_size ([\d.]+)")
_LINE_CLASSES = {"ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat"}
COLUMN_GAP = 1.6  # a gap wider than this many line heights separates two columns (justified text
# stretches word spaces to about one; "VP UBND TỈNH KIÊN GIANG" and the motto are ~2 apart)


def _bbox(title: str) -> BBox:
    m = _BBOX.search(title)
    if not m:
        return BBox(x=0, y=0, w=0, h=0)
    x0, y0, x1, y1 = (int(v) for v in m.groups())
    return BBox(x=x0, y=y0, w=x1 - x0, h=y1 - y0)


def union_box(boxes: list[BBox]) -> BBox:
    x0 = min(b.x for b in boxes)
    y0 = min(b.y for b in boxes)
    x1 = max(b.x + b.w for b in boxes)
    y1 = max(b.y + b.h for b in boxes)
    return BBox(x=x0, y=y0, w=x1 - x0, h=y1 - y0)


def parse_hocr(hocr: str) -> list[OcrLine]:
    """Lines of the page in Tesseract's order, each split into its column segments."""
    root = ET.fromstring(hocr.encode("utf-8") if isinstance(hocr, str) else hocr)
    lines: list[OcrLine] = []
    for block_no, area in enumerate(root.iter(f"{_NS}div"), start=1):
        if area.get("class") != "ocr_carea":
            continue
        for span in area.iter(f"{_NS}span"):
            if span.get("class") not in _LINE_CLASSES:
                continue
            title = span.get("title", "")
            xs = _XSIZE.search(title)
            line_h = float(xs.group(1)) if xs else float(_bbox(title).h or 30)
            words = []
            for w in span.iter(f"{_NS}span"):
                if w.get("class") != "ocrx_word":
                    continue
                text = "".join(w.itertext()).strip()
                if not text:
                    continue
                conf = _WCONF.search(w.get("title", ""))
                words.append(OcrWord(text=text, conf=float(conf.group(1)) if conf else 0.0,
                                     bbox=_bbox(w.get("title", ""))))
            lines.extend(segments(words, block_no, line_h))
    return reading_order(lines)


def segments(words: list[OcrWord], block: int, line_h: float) -> list[OcrLine]:
    """The words of one Tesseract line as lines of `block`, split where a gap is wider than
    :data:`COLUMN_GAP` line heights `line_h`."""
    if not words:
        return []
    groups: list[list[OcrWord]] = [[words[0]]]
    for prev, word in zip(words, words[1:], strict=False):
        gap = word.bbox.x - (prev.bbox.x + prev.bbox.w)
        if gap > COLUMN_GAP * line_h:
            groups.append([word])
        else:
            groups[-1].append(word)
    return [OcrLine(text=" ".join(w.text for w in g), block=block, bbox=union_box([w.bbox for w in g]),
                    words=g) for g in groups]


def reading_order(lines: list[OcrLine]) -> list[OcrLine]:
    """Emit runs of side-by-side segments (two-column header rows) left column first."""
    out: list[OcrLine] = []
    i = 0
    while i < len(lines):
        row = _row(lines, i)
        if len(row) < 2:
            out.append(lines[i])
            i += 1
            continue
        # gather the run of consecutive multi-segment rows and split it by column
        run: list[list[OcrLine]] = []
        while i < len(lines):
            row = _row(lines, i)
            if len(row) < 2:
                break
            run.append(row)
            i += len(row)
        split = _column_split(run)
        left = [seg for r in run for seg in r if seg.bbox.x + seg.bbox.w / 2 < split]
        right = [seg for r in run for seg in r if seg.bbox.x + seg.bbox.w / 2 >= split]
        out.extend(left + right)
    return out


def _row(lines: list[OcrLine], i: int) -> list[OcrLine]:
    """Segments starting at i that share a text row (vertical overlap) with lines[i]."""
    first = lines[i]
    row = [first]
    for seg in lines[i + 1:]:
        overlap = min(first.bbox.y + first.bbox.h, seg.bbox.y + seg.bbox.h) - max(first.bbox.y, seg.bbox.y)
        if seg.block == first.block and overlap > 0.5 * min(first.bbox.h, seg.bbox.h) \
                and seg.bbox.x > row[-1].bbox.x:
            row.append(seg)
        else:
            break
    return row


def _column_split(run: list[list[OcrLine]]) -> float:
    """x position between the columns: the middle of the widest gap of the first row."""
    first = run[0]
    gaps = [(b.bbox.x - (a.bbox.x + a.bbox.w), (a.bbox.x + a.bbox.w + b.bbox.x) / 2)
            for a, b in zip(first, first[1:], strict=False)]
    return max(gaps)[1]
