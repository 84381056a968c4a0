"""The document's type heading ("QUYẾT ĐỊNH", "GIẤY CHỨNG NHẬN" or a type not in the list) and its
subject: the summary printed under the heading, or the "V/v ..." subject of a letter (Công văn)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from ingest.metadata.casing import body_case, sentence_case
from ingest.metadata.header import DateMatch, NumberMatch, is_national, parse_date, parse_number
from ingest.metadata.lines import (
    JUNK,
    Line,
    closes,
    has_letters,
    is_caps,
    starts_with,
    trim,
    upper_ratio,
)
from ingest.metadata.reading import Reading
from ingest.metadata.thresholds import CAPS_SHARE, MOTTO_MAX_CHARS, PAGE_MIDDLE, PHRASE_SCORE
from ingest.metadata.titles import is_title, strong_title
from ingest.metadata.vocabulary import (
    BODY_STARTS,
    CONTINUES,
    HANGING,
    HEAD_TITLE_WORDS,
    KINH_GUI,
    MOTTO,
    NOT_HEADINGS,
    ORG_HEADS,
    PREAMBLE_STARTS,
    TYPE_KEYS,
    VV,
)
from ingest.vietnamese.orthography import fold

LETTER = "Công văn"  # the type of a document without a heading that has a "V/v" subject or "Kính gửi"
VV_SEARCH_LINES = 12  # lines after the number searched for a letter's "V/v"
CENTRE_BAND = (0.3, 0.7)  # with boxes, a heading's (and its second line's) centre lies in this band
HEADING_MAX_DROP = 0.15  # with boxes, the heading starts at most this far below the number and date
TEXT_HEADING_LINES = 3  # without boxes, the heading search stops more than this many lines past its start
FALLBACK_MAX_WORDS = 6  # an unlisted heading has one to this many words
FUZZY_TYPE_MIN_CHARS = 6  # only type names this long are matched fuzzily
HEADING_LINE_MAX_WORDS = 6  # a heading's second line has at most this many words...
PAPER_LINE_MAX_WORDS = 12  # ...or this many when it names a paper ("GIẤY CHỨNG NHẬN / QUYỀN SỬ DỤNG ĐẤT")
PAPER_NAME_SLACK = 2  # a paper's first line is its type alone, give or take this many characters
NAMED_MIN_CHARS = 3  # characters after the type that make a heading name its subject
SUBJECT_MAX_LINES = 6  # lines a subject takes at most
HEADING_WRAP_GAP = 1.2  # with boxes, a heading's second line is within this many line heights
CAPS_SUMMARY_MIN_WORDS = 6  # a summary in capitals on one line is longer than this
SUMMARY_CENTRING = 0.035  # with boxes, a centred line's insets from the margins differ by less than this...
SUMMARY_MIN_INSET = 0.008  # ...and are both wider than this
HEADING_AXIS = 0.012  # a line centred this close to the heading's centre is on its axis...
TIGHT_GAP = 1.0  # ...and right under the line above when within this many line heights
LOOSE_HEADING_AXIS = 0.02  # without margins to go by, a line centred this close to the heading's...
MIN_INDENT = 0.03  # ...and indented more than this from the page's leftmost line is centred
PARAGRAPH_GAP = 1.5  # a gap taller than this many line heights ends a subject
MIN_LINE_HEIGHT = 0.01  # line height assumed at least, when gaps are measured in line heights
BODY_LINE_CHARS = 75  # a line longer than this...
BODY_LINE_GROWTH = 1.3  # ...and this many times the line above is a body paragraph's, not a summary's
VV_SUBJECT_LINES = 7  # lines after "V/v" its subject may wrap onto
VV_MAX_LEFT = 0.55  # with boxes, a "V/v" subject's lines start left of this
WIDE_LINE = 0.5  # a line wider than this share of the page is running text
MIN_WIDE_LINES = 3  # running-text lines needed to find a page's margins
DEFAULT_MARGINS = (0.1, 0.9)  # margins assumed when there are too few


def read_heading(reading: Reading, number: NumberMatch | None, date: DateMatch | None, limit: int) -> None:
    """The type heading under the number and date in `reading.first[:limit]`, and the subject under it;
    failing one, a letter's "V/v" subject, a "Kính gửi" that makes the document a letter, or a
    heading of a type not in the list. Reads `reading.first`, `doc` and `has_boxes`; fills
    `meta.doc_type`, `meta.subject`, `heading`, `heading_cx` and `header_end`."""
    lines = reading.first
    has_boxes = reading.has_boxes
    start = 0 if has_boxes else _text_heading_start(lines, number, date, limit)
    vv = None
    first_vv = (number.line + 1) if number else 0
    for i in range(first_vv, min(limit, first_vv + VV_SEARCH_LINES)):
        if VV.match(lines[i].key) and (not has_boxes or lines[i].cx < PAGE_MIDDLE):
            vv = i
            break
    ymin = 0.0
    if has_boxes and (number or date):
        ymin = max((lines[x.line].box[1] + lines[x.line].box[3]) / 2 for x in (number, date)
                   if x and lines[x.line].box)
    fallback = None
    for i in range(start, limit):
        ln = lines[i]
        if ln.box and ln.box[1] < ymin:
            continue
        key = ln.key.strip()
        if vv is None and VV.match(key) and (not has_boxes or ln.cx < PAGE_MIDDLE):
            vv = i
            continue
        if has_boxes and ln.box and not _in_centre_band(ln):
            continue
        if has_boxes and ln.box and ymin and ln.box[1] > ymin + HEADING_MAX_DROP:
            break  # the heading sits right under the number and date, not down in the body
        if not is_caps(ln.text) or key.strip(" .:") in NOT_HEADINGS:
            continue
        if is_national(ln) or (number and i == number.line) or (date and i == date.line):
            continue
        match = _match_type(key)
        if match:
            reading.heading = i
            _heading_fields(reading, i, match)
            return
        words = key.split()
        if fallback is None and 1 <= len(words) <= FALLBACK_MAX_WORDS \
                and not starts_with(key, HEAD_TITLE_WORDS) and not is_title(ln) \
                and (date is None or i > date.line or has_boxes):
            fallback = i
        if ln.box is None and i > start + TEXT_HEADING_LINES:
            break
    if vv is not None:
        reading.meta.doc_type = LETTER
        reading.meta.subject = _vv_subject(lines, vv, has_boxes)
        return
    # no heading, no V/v: a letter still opens with "Kính gửi"
    for ln in lines[:limit]:
        if ln.key.startswith(KINH_GUI):
            reading.meta.doc_type = LETTER
            return
    if fallback is not None and (number or date):
        # a heading of a type not in the list: printed in capitals, centred, under the date
        name = sentence_case(lines[fallback].text.strip(" .:"))
        reading.heading = fallback
        _heading_fields(reading, fallback, (name, len(lines[fallback].text.strip(" .:"))))


def _text_heading_start(lines: Sequence[Line], number: NumberMatch | None, date: DateMatch | None,
                        limit: int) -> int:
    """Without boxes, the heading is looked for after the number, the date and the motto."""
    after = max([x.line for x in (number, date) if x] or [-1])
    motto = next((i for i, ln in enumerate(lines[:limit]) if fuzz.partial_ratio(MOTTO, ln.key) >= PHRASE_SCORE
                  and len(ln.key) < MOTTO_MAX_CHARS), -1)
    return max(after, motto) + 1 if after >= 0 or motto >= 0 else 0


def _in_centre_band(ln: Line) -> bool:
    return CENTRE_BAND[0] < ln.cx < CENTRE_BAND[1]


def _match_type(key: str) -> tuple[str, int] | None:
    """(canonical type, length of its folded prefix in `key`) when `key` starts with a type name."""
    key = trim(key).strip(" .:")
    if len(key) > 2 and key[1] == " " and not key[0].isdigit():
        key = key[2:]  # "Ẫ KẾ HOẠCH": a speck read as a letter
    for tkey, name in TYPE_KEYS:
        if re.match(re.escape(tkey) + r"(?![a-z])", key):
            return name, len(tkey)
    words = key.split()
    for tkey, name in TYPE_KEYS:
        n = len(tkey.split())
        if len(words) >= n and len(tkey) >= FUZZY_TYPE_MIN_CHARS:
            head = " ".join(words[:n])
            if fuzz.ratio(head, tkey) >= PHRASE_SCORE:
                return name, len(head)
    return None


def _heading_fields(reading: Reading, i: int, match: tuple[str, int]) -> None:
    """The type (`match`: name, folded length) of the heading on line `i` and the subject under it.
    Fills `meta.doc_type`, `meta.subject`, `heading_cx` and `header_end`."""
    lines = reading.first
    name, plen = match
    reading.meta.doc_type = name
    heading = lines[i].text.strip(" .:")
    j = i + 1
    # a heading printed on two lines ("GIẤY CHỨNG NHẬN / QUYỀN SỬ DỤNG ĐẤT")
    nxt = lines[j] if j < len(lines) else None
    # (a paper's name runs on: "GIẤY CHỨNG NHẬN / CƠ SỞ ĐỦ ĐIỀU KIỆN AN TOÀN THỰC PHẨM")
    reading.heading_cx = lines[i].cx if lines[i].box else None
    paper = fold(name).startswith("giay")  # Giấy phép, Giấy chứng nhận, Giấy xác nhận...
    words_max = PAPER_LINE_MAX_WORDS if paper and len(fold(heading)) <= plen + PAPER_NAME_SLACK \
        else HEADING_LINE_MAX_WORDS
    # ("TÌNH TRẠNG HÔN NHÂN" has a title's word but is no signer's title)
    titled = strong_title([nxt]) if paper and nxt else nxt is not None and is_title(nxt)
    if nxt and is_caps(nxt.text) and _near(lines[i], nxt) and not titled \
            and not starts_with(nxt.key, HEAD_TITLE_WORDS) and not starts_with(nxt.key, ORG_HEADS) \
            and (not reading.has_boxes or _in_centre_band(nxt)) and len(nxt.text.split()) <= words_max \
            and not nxt.key.startswith(("ve ", "v/v")) and not parse_number(nxt.text):
        heading += " " + lines[j].text.strip(" .:")
        j += 1
    parts: list[str] = []
    rest = fold(heading)[plen:].strip(" .:,")
    named = len(rest) >= NAMED_MIN_CHARS
    if named:
        parts.append(sentence_case(heading))
    prev = lines[i]
    first = True
    while j < len(lines) and len(parts) < SUBJECT_MAX_LINES:
        ln = lines[j]
        if first and re.match(r"S\w{0,2}\s*[:;.]", ln.text.strip()) and parse_number(ln.text):
            j += 1  # the number printed again under a permit's name
            prev = ln
            continue
        if named and paper and not ln.text.lstrip(JUNK).startswith("(") and not is_caps(ln.text) \
                and not ln.key.startswith("ve viec"):
            break  # a paper's name is its subject; only a qualifier in brackets may follow
        if _stops_subject(reading, ln, prev, first):
            break
        parts.append(ln.text)
        prev = ln
        first = False
        j += 1
    reading.header_end = (j, prev.box[3] if prev.box else None)
    if parts:
        subject = _join_wrapped(parts)
        if upper_ratio(subject) >= CAPS_SHARE:  # printed in capitals: written back in running-text case
            subject = body_case(sentence_case(subject), reading.doc)
        reading.meta.subject = subject


def _near(a: Line, b: Line) -> bool:
    if not (a.box and b.box):
        return True
    return b.box[1] - a.box[3] < HEADING_WRAP_GAP * max(a.height, b.height)


def _stops_subject(reading: Reading, ln: Line, prev: Line, first: bool) -> bool:
    """Whether `ln` (after `prev`, the heading when `first`) is past the summary. Reads `has_boxes`,
    `doc` and `heading_cx`."""
    key = ln.key.strip()
    text = ln.text.strip()
    if not has_letters(text):
        return True
    if is_caps(text) and not VV.match(key) and not key.startswith("ve viec"):
        # a summary printed in capitals is one long line right under the heading, or wraps onto a
        # line that reads on ("... THỦ TỤC HÀNH CHÍNH / TRONG LĨNH VỰC ĐẤT ĐAI"); the authority
        # line ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH") and other headings are not
        plain = not is_title(ln) and not starts_with(key, ORG_HEADS) \
            and not starts_with(key, HEAD_TITLE_WORDS)
        prev_key = prev.key.rstrip(" ,")
        reads_on = not first and is_caps(prev.text) and plain and (
            starts_with(key, CONTINUES) or prev.text.rstrip().endswith(",")
            or any(prev_key.endswith(" " + h) for h in HANGING))
        if not (first and len(text.split()) > CAPS_SUMMARY_MIN_WORDS and plain) and not reads_on:
            return True
        if reads_on and not reading.has_boxes:
            return False
    if re.match(r"^(\d+|[ivx]+|[a-z])[.)]\s", key) or re.match(r"^\w[\w ]{0,25}:", key):
        return True
    if key.startswith(KINH_GUI) or key.startswith("dieu "):
        return True
    if reading.has_boxes and ln.box and prev.box:
        return _leaves_summary_by_box(reading.doc.pages[ln.page - 1], reading.heading_cx, ln, prev, first)
    return _leaves_summary_by_text(key, text, prev, first)


def _leaves_summary_by_box(page: Sequence[Line], heading_cx: float | None, ln: Line, prev: Line,
                           first: bool) -> bool:
    """With boxes: a summary's lines are centred between the page's margins (or, the first, on the
    heading's axis right under it) and close together."""
    left, right = _margins(page)
    inset_l, inset_r = ln.box[0] - left, right - ln.box[2]
    centred = abs(inset_l - inset_r) < SUMMARY_CENTRING and min(inset_l, inset_r) > SUMMARY_MIN_INSET
    on_axis = heading_cx is not None and abs(ln.cx - heading_cx) < HEADING_AXIS
    tight = ln.box[1] - prev.box[3] < TIGHT_GAP * max(prev.height, ln.height)
    if not centred and first and on_axis and tight and not ln.text.rstrip().endswith(":"):
        centred = True  # a summary as wide as the text, right under the heading and on its axis
    if not centred and heading_cx is not None and _wide_lines(page) < MIN_WIDE_LINES:
        # too little running text to find the margins: centred under the heading will do
        lefts = [b.box[0] for b in page if b.box]
        centred = abs(ln.cx - heading_cx) < LOOSE_HEADING_AXIS and ln.box[0] > min(lefts) + MIN_INDENT
    gap = ln.box[1] - prev.box[3]
    if not centred or gap > PARAGRAPH_GAP * max(prev.height, ln.height, MIN_LINE_HEIGHT):
        return True
    return False


def _leaves_summary_by_text(key: str, text: str, prev: Line, first: bool) -> bool:
    """Without boxes: a summary wraps onto a line that goes on from a line cut mid-phrase."""
    if first:
        return key.startswith(("can cu", KINH_GUI))
    if text[:1].islower() or text[:1] in "(\"“":
        return False
    prev_key = prev.key.rstrip(" ,")
    if prev.text.rstrip().endswith((".", ";", ":")):
        return True
    last = prev_key.split()[-1:] if prev_key else []
    last2 = " ".join(prev_key.split()[-2:])
    if (last and last[0] in HANGING) or last2 in HANGING:
        # a body paragraph runs the full width; a summary's lines are centred and shorter
        body_wide = len(text) > BODY_LINE_CHARS and len(text) > BODY_LINE_GROWTH * len(prev.text.strip())
        return starts_with(key, BODY_STARTS) or body_wide or closes(text)
    return True


def _vv_subject(lines: Sequence[Line], i: int, has_boxes: bool) -> str:
    """A letter's subject: "V/v ..." on line `i` and the lines it wraps onto (in the left column)."""
    start = lines[i]
    parts = [start.text]
    prev = start
    for ln in lines[i + 1:i + 1 + VV_SUBJECT_LINES]:
        key = ln.key.strip()
        if has_boxes and ln.box and start.box:
            if ln.cx > PAGE_MIDDLE or ln.box[0] > VV_MAX_LEFT:
                continue
            if ln.box[1] - prev.box[3] > PARAGRAPH_GAP * max(prev.height, MIN_LINE_HEIGHT):
                break
        if (is_caps(ln.text) or not has_letters(ln.text) or parse_date(ln.text)
                or key.startswith(KINH_GUI) or is_national(ln) or starts_with(key, PREAMBLE_STARTS)):
            if has_boxes:
                break
            if parse_date(ln.text) or is_national(ln):
                continue
            break
        parts.append(ln.text)
        prev = ln
    return _join_wrapped(parts)


def _wide_lines(page: Sequence[Line]) -> int:
    return sum(1 for ln in page if ln.box and ln.box[2] - ln.box[0] > WIDE_LINE)


def _margins(page: Sequence[Line]) -> tuple[float, float]:
    """Left and right edges of the body text on a page (fractions of its width): the 10th and 90th
    percentiles of its running-text lines' edges."""
    wide = [ln.box for ln in page if ln.box and ln.box[2] - ln.box[0] > WIDE_LINE]
    if len(wide) < MIN_WIDE_LINES:
        return DEFAULT_MARGINS
    lefts = sorted(b[0] for b in wide)
    rights = sorted(b[2] for b in wide)
    return lefts[len(lefts) // 10], rights[len(rights) * 9 // 10]


def _join_wrapped(parts: list[str]) -> str:
    text = " ".join(p.strip() for p in parts if p.strip())
    text = re.sub(r"\s+", " ", text)
    return text.strip(" ;,")
