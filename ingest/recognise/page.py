"""One page image recognised: prepared, read by the engine with its columns read again beside it,
then the second passes (left-out text, junk and unsure words, missed spaces, tones, unreliable
marks) and the result scaled back to the page's own pixels.  Shared by `sohoa ocr` (in process)
and the workers, so both read a page the same way."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ingest.recognise.columns import ColumnRereads
from ingest.recognise.engine import get_engine
from ingest.recognise.marks import correct_page_marks, load_language_model, unsure_marks_below
from ingest.recognise.missed import recover_missed
from ingest.recognise.second_look import second_look_tones
from ingest.recognise.spaces import split_run_together
from ingest.recognise.words import clean_lines
from schemas.ocr import BBox, OcrLine, OcrPage

if TYPE_CHECKING:
    from ingest.raster import render as raster

REVIEW_CONFIDENCE = 70.0  # pages whose mean word confidence is below this are flagged for review


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
    from ingest.recognise.orientation import detect_orientation

    prepared = prepare(page.gray, page.dpi, osd=detect_orientation)
    sure_line = unsure_marks_below(prepared) if repair else None
    model = load_language_model() if sure_line else None  # beside the engine, which needs ~0.5 s
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
        factor = 1.0 / prepared.scale
        lines = [_scaled(line, factor) for line in lines]
        height, width = round(height * factor), round(width * factor)
    ocr_page = OcrPage(number=page.number, text="\n".join(line.text for line in lines),
                       mean_conf=round(mean_conf, 2), width=width, height=height,
                       rotation=prepared.rotation, skew=round(prepared.skew, 2), lines=lines,
                       needs_review=bool(words) and mean_conf < REVIEW_CONFIDENCE)
    return ocr_page, out.hocr


def _scaled(line: OcrLine, factor: float) -> OcrLine:
    """`line` with its box and its words' boxes scaled by `factor` (to the page's own pixels)."""
    def box(b: BBox) -> BBox:
        return BBox(x=round(b.x * factor), y=round(b.y * factor), w=round(b.w * factor),
                    h=round(b.h * factor))

    return line.model_copy(update={"bbox": box(line.bbox),
                                   "words": [w.model_copy(update={"bbox": box(w.bbox)}) for w in line.words]})
