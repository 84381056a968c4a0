"""The header's fixed fields on page 1: the number and symbol ("Số: 15/2023/QĐ-UBND", OCR slips in the
symbol undone), the place and date ("Hậu Giang, ngày 04 tháng 7 năm 2023"), and the national title
and motto, which must not be read as part of the agency beside them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz

from ingest.metadata.lines import Line, has_letters
from ingest.metadata.thresholds import MOTTO_MAX_CHARS, PHRASE_SCORE, PLACE_NUMBER_DIGITS
from ingest.metadata.vocabulary import D_CODES, DATE, MOTTO, NATIONAL, NUMBER, PLACE_DATE, TYPE_CODES, digits
from ingest.vietnamese.orthography import fold

SPAN_MIN_SHARE = 0.6  # a text shorter than this share of a phrase cannot hold it
NATIONAL_MIN_SHARE = 0.4  # a line holding this much of the national title's length or more...
NATIONAL_MAX_CHARS = 60  # ...and shorter than this is the national title
MOTTO_MIN_SHARE = 0.45  # the same share for the motto (which must be shorter than MOTTO_MAX_CHARS)
NUMBER_MAX_CX = 0.55  # the number is in the left column: a line centred right of this is not it
NUMBER_MAX_TOP = 0.35  # ...nor one starting below this
DATE_MAX_TOP = 0.4  # the date starts above this
DATE_PLACE_MIN_CX = 0.45  # a place without a readable date is taken only right of this (the date's column)
FIRST_YEAR = 1900  # years outside FIRST_YEAR..LAST_YEAR are misreadings
LAST_YEAR = 2100
PLACE_MAX_WORDS = 5  # a place name is one to this many words


def drop_span(text: str, target: str, threshold: float = PHRASE_SCORE) -> tuple[str, bool]:
    """`text` without the part that fuzzily spells `target` (folded), e.g. a merged national title."""
    key = fold(text)
    if len(key) < len(target) * SPAN_MIN_SHARE:
        return text, False
    al = fuzz.partial_ratio_alignment(target, key)
    if al is None or al.score < threshold:
        return text, False
    rest = (text[: al.dest_start] + " " + text[al.dest_end:]).strip(" -")
    return re.sub(r"\s+", " ", rest), True


def is_national(line: Line) -> bool:
    """The national title or motto, or most of it ("VÀ XÃ HỘI" of an agency's name is not)."""
    key = line.key
    return (fuzz.partial_ratio(NATIONAL, key) >= PHRASE_SCORE
            and len(NATIONAL) * NATIONAL_MIN_SHARE <= len(key) < NATIONAL_MAX_CHARS) or (
        fuzz.partial_ratio(MOTTO, key) >= PHRASE_SCORE
        and len(MOTTO) * MOTTO_MIN_SHARE <= len(key) < MOTTO_MAX_CHARS)


def strip_national(line: Line) -> Line | None:
    """`line` without the national title or motto merged into it; None when nothing else is left."""
    text = line.text
    for target in (NATIONAL, MOTTO):
        text, _ = drop_span(text, target)
    text = text.strip(" -_")
    if not has_letters(text):
        return None
    return Line(text, line.page, line.box) if text != line.text else line


@dataclass
class NumberMatch:
    """The number and symbol read on page 1, and the index of their line."""

    line: int
    number: str | None
    symbol: str


def parse_number(text: str) -> tuple[str | None, str] | None:
    m = NUMBER.search(text)
    if not m:
        return None
    number = digits(m.group(1) or "")
    raw = re.sub(r"\s*([-/])\s*", r"\1", m.group(2))
    symbol = raw.split()[0] if raw.split() else ""
    symbol = re.sub(r"(?<=\w):(?=\w)", "-", symbol.strip(".,;:_'\"`"))
    if number and not number.isdigit() or not re.search(r"[A-Za-zĐđ]{2}", symbol):
        return None
    if not number and not re.match(r"S[ốôoó]\s*:", text.strip()):
        return None  # a blank number ("Số:    /QĐ-UBND") only on a line that clearly opens with "Số:"
    return number or None, symbol


def repair_symbol(symbol: str, doc_type: str | None) -> str:
    """Undo common OCR slips in a symbol: Đ read as D, a doubled letter in the type code ("QĐĐ"),
    letters read for digits in a unit code ("PC0G" for "PC06")."""
    parts = re.split(r"([-/])", symbol)
    code = TYPE_CODES.get(doc_type or "")
    out = []
    first = True
    for p in parts:
        if p in "-/" or p.isdigit():
            out.append(p)
            continue
        if p in D_CODES:
            p = D_CODES[p]
        if first and code and p != code and (
                p.replace("D", "Đ") == code or p.lower() == code.lower() or _undouble(p) == _undouble(code)):
            p = code
        first = False
        out.append(_code_digits(p))
    return "".join(out)


def _undouble(s: str) -> str:
    return re.sub(r"(.)\1+", r"\1", s)


_AS_DIGIT = str.maketrans({"O": "0", "o": "0", "Ô": "0", "Ó": "0", "Ò": "0", "Ú": "0", "Ù": "0", "D": "0",
                           "I": "1", "l": "1", "|": "1", "Z": "2", "S": "5", "G": "6", "b": "6", "B": "8"})


def _code_digits(part: str) -> str:
    """The digits of a unit code such as "PC06" read back where OCR saw letters: "PC0G", "PCÚ6"."""
    m = re.match(r"^([A-ZĐ]{2,}?)([A-ZĐÚÙÔÓÒ]?)(\d[\dA-Za-z|]*)$", part)
    if not m or not re.search(r"\d", m.group(3)):
        return part
    head, maybe, rest = m.groups()
    if maybe and maybe not in "OÔÓÒÚÙD":
        head, maybe = head + maybe, ""
    tail = (maybe + rest).translate(_AS_DIGIT)
    return head + tail if tail.isdigit() else part


def find_number(lines: Sequence[Line], limit: int) -> NumberMatch | None:
    """The first of `lines[:limit]` that reads as "Số: number/symbol" (in the upper left, with boxes)."""
    for i, line in enumerate(lines[:limit]):
        if not re.match(r"\s*S", line.text) and " S" not in line.text:
            continue
        if line.box and (line.cx > NUMBER_MAX_CX or line.box[1] > NUMBER_MAX_TOP):
            continue
        text = line.text
        if re.fullmatch(r"\s*S\w{0,2}\s*[:;.]?\s*", text) and i + 1 < len(lines):
            text += " " + lines[i + 1].text  # "Số:" with the number left blank, the symbol far to the right
        parsed = parse_number(text)
        if parsed:
            return NumberMatch(i, *parsed)
    return None


@dataclass
class DateMatch:
    """The place and date (ISO, "" when unreadable) read on page 1, and the index of their line."""

    line: int
    place: str | None
    iso: str


def parse_date(text: str) -> tuple[str | None, str] | None:
    key = fold(text)
    m = DATE.search(key)
    if not m:
        return None
    try:
        d, mo, y = (int(digits(g.replace(" ", ""))) for g in m.groups())
        iso = date(y, mo, d).isoformat()
    except ValueError:
        return None
    if not FIRST_YEAR <= y <= LAST_YEAR:
        return None
    before = text[: m.start()].strip()
    words = before.split()
    placelike = all(w[:1].isupper() or w in ("-", "–") for w in words) and not re.search(r"\d", before)
    if words and not re.search(r"[,.;\-]$", before) and not placelike:
        return None  # "Căn cứ Luật ... ngày 19 tháng 6 năm 2015": a date in running text
    return parse_place(text), iso


def parse_place(text: str) -> str | None:
    """The place before ", ngày": "Sóc Trăng" in "Sóc Trăng, ngày 26 tháng 4 năm 2019"."""
    m = PLACE_DATE.match(fold(text))
    if not m:
        return None
    words = text[: m.end(1)].split()
    # a merged "Số: 12/QĐ-UBND" (or other column text) before the place name is cut off
    keep: list[str] = []
    for w in reversed(words):
        w = w.strip(" ,;:'\"`_~¬|-")
        if not keep and w.isdigit() and len(w) <= PLACE_NUMBER_DIGITS:
            keep.append(w)  # "Phường 7", "Đại Ân 2": a place numbered after its name
            continue
        if not w or re.search(r"[\d/:]", w) or not w[:1].isupper():
            if keep and w.lower() in ("phố", "xã", "trấn"):
                keep.append(w)  # "Thành phố Hồ Chí Minh", "Thị xã ...": the unit printed with its name
                continue
            break
        keep.append(w)
    if keep and fold(keep[-1]) in ("pho", "xa", "tran"):
        keep.pop()  # the unit's second word without its first
    if keep and keep[0].isdigit() and len(keep) == 1:
        keep = []
    if 1 <= len(keep) <= PLACE_MAX_WORDS:
        return " ".join(reversed(keep)).strip(" .,")
    return None


def find_date(lines: Sequence[Line], limit: int) -> DateMatch | None:
    """The first of `lines[:limit]` with a place and a date; failing that, the first date read without a
    place, with the place of a line before it whose date was unreadable."""
    fallback = None
    for i, line in enumerate(lines[:limit]):
        if line.box and line.box[1] > DATE_MAX_TOP:
            continue
        parsed = parse_date(line.text)
        if parsed is None:
            place = parse_place(line.text)
            if place and fallback is None and (line.box is None or line.cx > DATE_PLACE_MIN_CX):
                fallback = DateMatch(i, place, "")  # the place is readable even where the day is not
            continue
        if parsed[0]:
            return DateMatch(i, *parsed)
        if fallback is None or not fallback.iso:
            fallback = DateMatch(i, fallback.place if fallback else None, parsed[1]) if fallback is None \
                else DateMatch(fallback.line, fallback.place, parsed[1])
    return fallback
