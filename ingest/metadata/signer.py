"""The signer: the block of title lines ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH") and the name under them, at
the bottom right of the page that ends the body, beside the "Nơi nhận" list."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ingest.metadata.casing import case_title
from ingest.metadata.header import is_national
from ingest.metadata.lines import Line, closes
from ingest.metadata.reading import Reading
from ingest.metadata.titles import is_title, name_of, strong_title, title_text

SINGLE_PAGE_TAIL_LINES = 25  # on a one-page document without "./.", the signer is in the last this many lines
SIGNER_MIN_CX = 0.45  # with boxes, the signer column's lines are centred right of this
SAME_COLUMN = 0.15  # with boxes, lines whose centres are closer than this are in the same column
TITLE_ROW_GAP = 1.0  # with boxes, a block's next title line is within this many line heights
LONE_NAME_LINES = 6  # without a title, a name among the last this many lines is the signer's
PIECE_GAP = 0.05  # with boxes, pieces of a title line cut apart are less than this apart...
PIECE_OVERLAP = 0.005  # ...or overlap by at most this much


@dataclass
class SignerBlock:
    """A signer block being read: its title lines and, once read under them, the (rank, name)."""

    titles: list[Line]
    name: tuple[str | None, str] | None = None


def read_signer(reading: Reading) -> None:
    """The signer block is on the page of "Nơi nhận" (or of the body's closing "./."), not
    necessarily the last one: appendices may follow it. Reads `reading.doc`, `first`, `has_boxes`,
    `noi_nhan_page`, `recipient_lines` and `header_end`; fills `meta.signer_name` and
    `meta.signer_title`."""
    pages = reading.doc.pages
    ends = [n for n, page in enumerate(pages) if any(closes(ln.text) for ln in page)]
    nonempty = [n for n, page in enumerate(pages) if page]
    if not nonempty:
        return
    home = reading.noi_nhan_page if reading.noi_nhan_page is not None else ends[-1] if ends else nonempty[-1]
    for n in (home, home + 1, home - 1, nonempty[-1]):
        if 0 <= n < len(pages) and pages[n] and _signer_on(reading, pages[n], single_page=len(nonempty) == 1):
            return


def _signer_on(reading: Reading, page: list[Line], single_page: bool) -> bool:
    """Whether a signer was found on `page` (and written into `reading.meta`)."""
    cands = _candidates(reading, page, single_page)
    blocks = _blocks(cands, reading.has_boxes)
    meta = reading.meta
    if not blocks:
        # no title survived the scan: a name alone at the foot of the signer column is still the signer
        names = [(name_of(ln.text), ln) for ln in cands[-LONE_NAME_LINES:]]
        names = [(n, ln) for n, ln in names if n]
        if names:
            (rank, person), _ = names[-1]
            meta.signer_name = person
            return True
        return False
    block = _rightmost_block(blocks) if reading.has_boxes else _last_named_block(blocks)
    titles = [case_title(title_text(t.text)) for t in block.titles]
    title = " - ".join(t for t in titles if t)
    if block.name:
        rank, person = block.name
        meta.signer_name = person
        if rank:
            title = f"{title} ({rank})"
    meta.signer_title = title or None
    return True


def _candidates(reading: Reading, page: list[Line], single_page: bool) -> list[Line]:
    """The lines of `page` the signer block may be in: after the body's "./." (or, on page 1, the
    heading and summary), not in the "Nơi nhận" list; with boxes, those of the right column, top to
    bottom, with title lines cut apart joined again."""
    start = 0
    for i, ln in enumerate(page):
        if closes(ln.text):
            start = i + 1
    if start == 0 and single_page:
        start = max(0, len(page) - SINGLE_PAGE_TAIL_LINES)
    on_first = page is reading.first
    if on_first and reading.header_end and not reading.has_boxes:
        start = max(start, reading.header_end[0])
    cands = [ln for ln in page[start:] if (ln.page, id(ln)) not in reading.recipient_lines]
    if on_first and reading.header_end and reading.header_end[1] is not None:
        cands = [ln for ln in cands if not ln.box or ln.box[1] > reading.header_end[1]]
    if reading.has_boxes:
        right = [ln for ln in cands if ln.box and ln.cx > SIGNER_MIN_CX]
        cands = right or cands
        cands.sort(key=lambda ln: (ln.box[1] if ln.box else 0))
        cands = _merge_title_pieces(cands)
    return cands


def _blocks(cands: Sequence[Line], has_boxes: bool) -> list[SignerBlock]:
    """The signer blocks the lines hold: runs of title lines, each with the first name under it."""
    blocks: list[SignerBlock] = []
    last_title = -2
    for k, ln in enumerate(cands):
        if is_title(ln) and not is_national(ln):
            cur = blocks[-1] if blocks else None
            # without boxes, a block's title lines are consecutive lines
            apart = not has_boxes and k != last_title + 1
            last_title = k
            if cur is None or cur.name is not None or apart or not _title_follows(cur.titles[-1], ln):
                if cur is not None and cur.name is None and not apart \
                        and strong_title(cur.titles) and not strong_title([ln]):
                    continue  # stamp or signature noise read as capitals inside a block
                blocks.append(SignerBlock([ln]))
            else:
                cur.titles.append(ln)
            continue
        name = name_of(ln.text)
        if name and blocks and blocks[-1].name is None:
            if not has_boxes or abs(ln.cx - blocks[-1].titles[0].cx) < SAME_COLUMN:
                blocks[-1].name = name
    return blocks


def _rightmost_block(blocks: list[SignerBlock]) -> SignerBlock:
    """With boxes: the block furthest right, one with a name before any without."""
    return max(blocks, key=lambda b: (b.name is not None, b.titles[0].cx))


def _last_named_block(blocks: list[SignerBlock]) -> SignerBlock:
    """Without boxes: the last block with a name, or the last one."""
    named = [b for b in blocks if b.name is not None]
    return named[-1] if named else blocks[-1]


def _title_follows(prev: Line, ln: Line) -> bool:
    if not (prev.box and ln.box):
        return True
    return ln.box[1] - prev.box[3] < TITLE_ROW_GAP * max(prev.height, ln.height) \
        and abs(ln.cx - prev.cx) < SAME_COLUMN


def _merge_title_pieces(lines: list[Line]) -> list[Line]:
    """Pieces of a title line that OCR cut apart ("GI" "ĐỐC" where a stroke crossed "GIÁM ĐỐC") joined
    again, left to right, when together, and neither alone, they read as a title; `lines` sorted top
    to bottom."""
    out: list[Line] = []
    for ln in lines:
        if not ln.box:
            out.append(ln)
            continue
        mid = (ln.box[1] + ln.box[3]) / 2
        for k, other in enumerate(out):
            if not other.box or not other.box[1] < mid < other.box[3]:
                continue
            a, b = (other, ln) if other.box[0] <= ln.box[0] else (ln, other)
            if -PIECE_OVERLAP <= b.box[0] - a.box[2] < PIECE_GAP and not is_title(a) and not is_title(b):
                box = (a.box[0], min(a.box[1], b.box[1]), max(a.box[2], b.box[2]), max(a.box[3], b.box[3]))
                joined = Line(f"{a.text} {b.text}", ln.page, box)
                if is_title(joined):
                    out[k] = joined
                    break
        else:
            out.append(ln)
    return out
