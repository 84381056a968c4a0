"""The recipients: the "Nơi nhận" list printed at the bottom left of the last page, its "Như trên"
("as above") item replaced by the addressees a letter names after "Kính gửi"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from ingest.metadata.lines import JUNK, Line, has_letters, is_caps, trim
from ingest.metadata.reading import Reading
from ingest.metadata.thresholds import PAGE_MIDDLE
from ingest.metadata.titles import is_title, name_of
from ingest.metadata.vocabulary import DASH, KINH_GUI, NOI_NHAN
from ingest.vietnamese.orthography import fold

NOI_NHAN_MAX_CHARS = 30  # a "Nơi nhận:" line is at most this long (with what OCR merged into it)
NOI_NHAN_SCORE = 80  # fuzzy score from which a line's start reads "Nơi nhận"
LIST_INDENT = 0.08  # with boxes, a list line starts less than this right of "Nơi nhận" (further: a piece)
REJOIN_GAP = 0.1  # a piece starting less than this after a list line's end, on its row, was cut off it
NHU_TREN_MAX_WORDS = 4  # "Như trên" as OCR reads it: at most this many words...
NHU_TREN_SCORE = 80  # ...close to "nhu tren"...
NHU_TREN_MAX_CHARS = 12  # ...or, the first item, this short
LIST_GAP = 2.0  # with boxes, a gap taller than this many line heights ends the list
LIST_MIN_LINE_HEIGHT = 0.012  # line height assumed at least for LIST_GAP
SIGNER_CAPS_CHARS = 4  # a short capitals line (initials, a stamp's letters) in the list is signer-block text
DASHED_LIST_MIN_ITEMS = 2  # a list is dashed when this many of its lines and half of them start with a dash
KINH_GUI_LINES = 60  # lines of page 1 searched for "Kính gửi"
KINH_GUI_COLON = KINH_GUI + ":"
KINH_GUI_SCORE = 85  # fuzzy score from which a line's start reads "Kính gửi:"
KINH_GUI_COLON_CHARS = 15  # the colon after "Kính gửi" is within this many characters
ADDRESSEE_LINES = 24  # lines after "Kính gửi" its addressees may take
ADDRESSEE_INDENT = 0.05  # with boxes, a line starting less than this right of "Kính gửi" is the body's


def read_recipients(reading: Reading) -> list[str]:
    """The "Nơi nhận" items of the last page that has the list, "Như trên" expanded to the addressees.
    Reads `reading.doc`, `first` and `has_boxes`; fills `noi_nhan_page` and `recipient_lines`."""
    doc = reading.doc
    found = _find_noi_nhan(doc.pages)
    items: list[str] = []
    if found:
        p, i = found
        reading.noi_nhan_page = p
        head = doc.pages[p][i]
        m = re.search(r"nh\w{1,2}n?\s*:", head.key)
        after = trim(head.text[m.end():]) if m else ""
        lines = doc.pages[p][i + 1:]
        if reading.has_boxes and head.box:
            lines = _list_lines_by_box(head, lines)
        seed = [Line(after, head.page, head.box)] if has_letters(after) else []
        if seed and (is_title(seed[0]) or name_of(after)):
            seed = []
        items, used = _list_items(seed + lines, head, reading.has_boxes)
        for ln in used:
            reading.recipient_lines.add((ln.page, id(ln)))
        reading.recipient_lines.add((head.page, id(head)))
    addressees = _kinh_gui(reading.first, reading.has_boxes)
    if addressees:
        items = _expand_nhu_tren(items, addressees)
    return items


def _find_noi_nhan(pages: Sequence[Sequence[Line]]) -> tuple[int, int] | None:
    """(page index, line index) of the last "Nơi nhận" line of the last page that has one."""
    found = None
    for p in range(len(pages) - 1, -1, -1):
        for i, ln in enumerate(pages[p]):
            key = re.sub(r"\s+", " ", trim(ln.key))
            if len(key) <= NOI_NHAN_MAX_CHARS and fuzz.ratio(NOI_NHAN, key[:len(NOI_NHAN)]) >= NOI_NHAN_SCORE:
                found = (p, i)
        if found:
            break
    return found


def _list_lines_by_box(head: Line, lines: Sequence[Line]) -> list[Line]:
    """With boxes: the lines in the left column under "Nơi nhận", top to bottom, with the pieces OCR
    cut off their ends put back."""
    below = [ln for ln in lines if ln.box and ln.box[1] > head.box[1] and ln.cx < PAGE_MIDDLE]
    listed = [ln for ln in below if ln.box[0] < head.box[0] + LIST_INDENT]
    listed.sort(key=lambda ln: ln.box[1])
    return _rejoin(listed, [ln for ln in below if ln.box[0] >= head.box[0] + LIST_INDENT])


def _rejoin(lines: list[Line], pieces: list[Line]) -> list[Line]:
    """`lines` with the pieces that OCR cut off their right end ("- Lưu:" + "KSTT." where a word
    was lost) put back: same row, starting soon after the line ends."""
    out = list(lines)
    for piece in sorted(pieces, key=lambda ln: ln.box[0]):
        for k, ln in enumerate(out):
            mid = (piece.box[1] + piece.box[3]) / 2
            if ln.box[1] < mid < ln.box[3] and 0 <= piece.box[0] - ln.box[2] < REJOIN_GAP:
                box = (ln.box[0], min(ln.box[1], piece.box[1]), piece.box[2], max(ln.box[3], piece.box[3]))
                out[k] = Line(f"{ln.text} {piece.text}", ln.page, box)
                break
    return out


def _expand_nhu_tren(items: list[str], addressees: list[str]) -> list[str]:
    """`items` with their first "Như trên" replaced by the `addressees`."""
    expanded: list[str] = []
    replaced = False
    for it in items:
        k = fold(it)
        first = not expanded
        # a letter's first "Nơi nhận" item is "Như trên" (the addressees); OCR often mangles it
        if not replaced and len(k.split()) <= NHU_TREN_MAX_WORDS and k.startswith("nh") and (
                fuzz.partial_ratio("nhu tren", k) >= NHU_TREN_SCORE or first and len(k) <= NHU_TREN_MAX_CHARS
                and "dieu" not in k and not re.search(r"\d", k)):
            expanded.extend(addressees)
            replaced = True
        else:
            expanded.append(it)
    return expanded if replaced else items


def _list_items(lines: list[Line], head: Line, has_boxes: bool) -> tuple[list[str], list[Line]]:
    """The items of the list under `head` ("Nơi nhận") and the lines they were read from. With boxes
    the list ends at a wide gap; without, signer-block lines merged into it are skipped."""
    items: list[str] = []
    used: list[Line] = []
    prev: Line | None = head
    # in a list whose items start with dashes, a line without one carries on the item above it
    # ("- Các cơ quan chuyên môn thuộc / UBND huyện;") unless that item was closed with ";" or "."
    marks = [bool(DASH.match(ln.text.strip().lstrip(JUNK))) for ln in lines if has_letters(ln.text)]
    dashed_list = sum(marks) >= DASHED_LIST_MIN_ITEMS and sum(marks) * 2 >= len(marks)
    for ln in lines:
        text = ln.text.strip().lstrip(JUNK)
        key = ln.key.strip()
        if has_boxes and prev is not None and prev.box and ln.box and prev is not head:
            if ln.box[1] - prev.box[3] > LIST_GAP * max(prev.height, LIST_MIN_LINE_HEIGHT):
                break
        dashed = bool(DASH.match(text)) and not text.startswith("+")
        body = DASH.sub("", text).strip()
        if not has_letters(body):
            continue
        signer_like = is_title(ln) or name_of(text) or (is_caps(body) and len(body) <= SIGNER_CAPS_CHARS)
        if not dashed and not has_boxes and signer_like and not text.rstrip().endswith((";", ",")):
            continue  # the signer block, read across the list when the columns were merged
        if not dashed and not has_boxes and items and items[-1].rstrip().endswith(".") \
                and not body[:1].islower():
            break
        new = dashed or not items or items[-1].rstrip().endswith((";", ".")) \
            or not (body[:1].islower() or dashed_list)
        if new:
            items.append(body)
        else:
            items[-1] = items[-1].rstrip() + " " + body
        used.append(ln)
        prev = ln
        if key.lstrip("-–— ").startswith("luu") and text.rstrip().endswith("."):
            break
    cleaned = []
    for it in items:
        it = re.sub(r"[\s;,\-–—_„\"'`~|]+$", "", it).strip()
        if not fold(it).startswith("luu"):
            it = it.rstrip(" .")
        if has_letters(it):
            cleaned.append(it)
    return cleaned, used


def _kinh_gui(first: Sequence[Line], has_boxes: bool) -> list[str]:
    """The addressees after "Kính gửi" on page 1: on its line and the item lines under it."""
    for i, ln in enumerate(first[:KINH_GUI_LINES]):
        key = ln.key.strip()
        if not (key.startswith(KINH_GUI)
                or fuzz.ratio(key[:len(KINH_GUI_COLON)], KINH_GUI_COLON) >= KINH_GUI_SCORE):
            continue
        after = ln.text.split(":", 1)[1].strip() if ":" in ln.text[:KINH_GUI_COLON_CHARS] \
            else ln.text[len(KINH_GUI_COLON):].strip()
        rest: list[Line] = []
        for nxt in first[i + 1:i + 1 + ADDRESSEE_LINES]:
            above = rest[-1].text if rest else after
            runs_on = bool(above) and nxt.text[:1].islower() and not above.rstrip().endswith((";", "."))
            if has_boxes and nxt.box and ln.box and nxt.box[0] < ln.box[0] + ADDRESSEE_INDENT \
                    and not DASH.match(nxt.text) and not runs_on:
                break  # the body, back at the margin (a "- item" list may start left of "Kính gửi")
            if not has_boxes and not DASH.match(nxt.text) and not nxt.text[:1].islower():
                break
            rest.append(nxt)
            if nxt.text.rstrip().endswith("."):
                break
        seed = [Line(after, ln.page, ln.box)] if has_letters(after) else []
        return _simple_items(seed + rest)
    return []


def _simple_items(lines: list[Line]) -> list[str]:
    """Items of a short list: each dashed or capitalised line starts one, others carry on the last."""
    items: list[str] = []
    for ln in lines:
        text = ln.text.strip().lstrip(JUNK)
        dashed = bool(DASH.match(text))
        body = DASH.sub("", text).strip()
        if not has_letters(body):
            continue
        if dashed or not items or items[-1].endswith((";", ".")) or not body[:1].islower():
            items.append(body)
        else:
            items[-1] += " " + body
    return [re.sub(r"[\s;,.\-]+$", "", it) for it in items if has_letters(it)]
