"""The issuing agency: the capitals lines of the header's upper left (the parent body's line above the
agency's), in running-text case, with the place names spelled as the document spells them and the
locality completed from the document's own text ("Phòng Tài chính - Kế hoạch huyện Càng Long, tỉnh
Trà Vinh")."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ingest.metadata.casing import body_case, case_name, unit_at, vote_spelling
from ingest.metadata.header import DateMatch, NumberMatch, is_national, parse_date, strip_national
from ingest.metadata.lines import Doc, Line, has_letters, is_caps, starts_with, trim
from ingest.metadata.reading import Reading
from ingest.metadata.thresholds import HEADER_LINES, PLACE_NUMBER_DIGITS
from ingest.metadata.vocabulary import COMMUNE_UNITS, DISTRICT_UNITS, ORG_HEADS, PROVINCE_UNITS, VV
from ingest.vietnamese.orthography import fold, is_valid_syllable

DEFAULT_HEADER_END = 0.2  # with boxes, the header's agency block ends above this when nothing marks its end
HEADER_END_SLACK = 0.004  # an agency line may end this far below the top of the number, date or heading
AGENCY_MAX_CX = 0.47  # an agency line is centred left of this...
AGENCY_MAX_LEFT = 0.25  # ...or starts left of this
TEXT_AGENCY_LINES = 8  # without boxes or landmarks, the agency is in the first this many lines
AGENCY_LINE_MAX_WORDS = 14  # an agency line has at most this many words
AGENCY_MIN_LETTERS = 3  # letters an agency name needs
PROPER_NAME_CHARS = 60  # characters after a unit word searched for a proper name
PROPER_NAME_MAX_WORDS = 4  # a proper name has at most this many words


def read_issuer(reading: Reading, number: NumberMatch | None, date: DateMatch | None) -> str | None:
    """The issuing agency, None when the header has no agency lines. Reads `reading.first`, `doc`,
    `has_boxes` and `heading`."""
    if reading.has_boxes:
        y_end = _header_end_y(reading.first, number, date, reading.heading)
        cands = _agency_lines_by_box(reading.first, y_end)
    else:
        cands = _agency_lines_by_text(reading.first, number, date, reading.heading)
    names = _agency_names(cands)
    if not names:
        return None
    doc = reading.doc
    agency = body_case(_respell(case_name(names[-1]), doc.text), doc)
    parent = body_case(_respell(case_name(names[-2]), doc.text), doc) if len(names) > 1 else None
    if not _locality(agency) and parent:
        loc = _locality(parent) or _locality_in_text(agency, doc)
        parent_full = re.sub(r"^VP\b", "Văn phòng", parent)
        if loc and fold(agency).endswith(" " + loc[1]):
            agency = agency[: -len(loc[1])].rstrip()  # "Bệnh viện Đa khoa tỉnh" + "tỉnh Hậu Giang"
        agency = f"{agency} {loc[0]} ({parent_full})" if loc else f"{agency} ({parent_full})"
    else:
        agency = _complete_locality(agency, parent, doc)
    return agency


def _header_end_y(first: Sequence[Line], number: NumberMatch | None, date: DateMatch | None,
                  heading: int | None) -> float:
    """With boxes: the top of the number, the date or the heading, whichever is highest."""
    ys = [first[i].box[1] for i in (number.line if number else None, date.line if date else None,
                                    heading) if i is not None and first[i].box]
    return min(ys) if ys else DEFAULT_HEADER_END


def _agency_lines_by_box(first: Sequence[Line], y_end: float) -> list[Line]:
    """With boxes: the lines of the upper left, above `y_end`, top to bottom."""
    cands = [ln for ln in first[:HEADER_LINES] if ln.box and ln.box[3] <= y_end + HEADER_END_SLACK
             and (ln.cx < AGENCY_MAX_CX or ln.box[0] < AGENCY_MAX_LEFT)]
    cands.sort(key=lambda ln: ln.box[1])
    return cands


def _agency_lines_by_text(first: Sequence[Line], number: NumberMatch | None, date: DateMatch | None,
                          heading: int | None) -> list[Line]:
    """Without boxes: the lines before the number, the date or the heading, whichever comes first."""
    stops = [x for x in (number.line if number else None, date.line if date else None, heading)
             if x is not None]
    end = min(stops) if stops else min(len(first), TEXT_AGENCY_LINES)
    return list(first[:end])


def _agency_names(cands: Sequence[Line]) -> list[str]:
    """The agency names the lines spell, top to bottom: lines in capitals, national title and motto
    cut off, a line that does not start a new name (with ORG_HEADS) joined to the one above."""
    names: list[str] = []
    for ln in cands:
        stripped = strip_national(ln)
        if stripped is None or is_national(stripped):
            continue
        text = trim(stripped.text).strip(" -_=~.")
        text = re.sub(r"(?<=[^\W\d_]{3})[.:;'`\"]+(?=\s|$)|(?<=\w)[:;](?=\w)", " ", text)
        text = re.sub(r"\b(TỈNH|HUYỆN|QUẬN|PHƯỜNG)(?=[^\W\d_]{2,})", _unglue, text)
        text = re.sub(r"\s+", " ", text).strip()
        if not is_caps(text) or parse_date(text) or VV.match(stripped.key) \
                or len(text.split()) > AGENCY_LINE_MAX_WORDS:
            continue
        text = re.sub(r"\bVP(?=UBND|HĐND|HDND)", "VP ", text)
        key = fold(text)
        if names and (not starts_with(key, ORG_HEADS) or unit_at(text.split(), 0)
                      or key.startswith(("va ", "- "))):
            names[-1] += " " + text
        else:
            names.append(text)
    return [re.sub(r"\s+", " ", n).strip() for n in names if has_letters(n, AGENCY_MIN_LETTERS)]


def _unglue(m: re.Match[str]) -> str:
    rest = re.match(r"[^\W\d_]+", m.string[m.end():])
    return m.group(0) + " " if rest and is_valid_syllable(rest.group(0)) else m.group(0)


def _respell(name: str, text: str) -> str:
    """An agency name with its place name spelled as the document's `text` spells it elsewhere."""
    loc = _locality(name)
    if not loc:
        return name
    unit_words = 2 if " " in loc[1] else 1
    proper = " ".join(loc[0].split()[unit_words:])
    if not proper:
        return name
    better = vote_spelling(proper, text)
    return name.replace(proper, better) if better != proper else name


def _locality_in_text(agency: str, doc: Doc) -> tuple[str, str] | None:
    """The province the document names right after the agency ("Chi cục Thủy lợi tỉnh Bạc Liêu")."""
    name = r"\s+".join(re.escape(w) for w in fold(agency).split())
    pat = r"(?<![a-z])" + name + r"\s+(tinh|thanh pho)\s+"
    for m in re.finditer(pat, doc.key):
        name = _proper_after(doc.text, m.end())
        if name:
            return f"{doc.text[m.start(1):m.end(1)].lower()} {name}", m.group(1)
    return None


def _complete_locality(agency: str, parent: str | None, doc: Doc) -> str:
    """Add the province to a district-level agency ("huyện Mỹ Xuyên, tỉnh Sóc Trăng") when the
    document itself names it."""
    loc = _locality(agency)
    if not loc:
        return agency
    phrase, unit = loc
    if unit not in DISTRICT_UNITS or re.search(r",\s*(tỉnh|thành phố)\s", agency, re.I):
        return agency
    higher = _locality(parent) if parent else None
    if higher and higher[1] in PROVINCE_UNITS and higher[0] != phrase:
        return f"{agency}, {higher[0]}"
    if higher and unit in COMMUNE_UNITS and higher[1] in DISTRICT_UNITS \
            and higher[1] not in COMMUNE_UNITS \
            and re.search(r",\s*(huyện|quận|thị xã|thành phố)\s", agency, re.I) is None:
        # a commune under its district's line ("UBND HUYỆN MỸ TÚ"): the district, then its province
        agency = f"{agency}, {higher[0]}"
        phrase, unit = higher
    key = doc.key
    text = doc.text
    pat = (re.escape(fold(phrase))
           + r"\s*,\s*((?:huyen|quan|thi xa|thanh pho)\s+[^,\n;.]+?,\s*)?(tinh|thanh pho)\s+")
    if unit == "thanh pho":
        pat = re.escape(fold(phrase)) + r"\s*,\s*()(tinh)\s+"
    for m in re.finditer(pat, key):
        name = _proper_after(text, m.end())
        if name:
            middle = re.sub(r"\s+", " ", text[m.start(1):m.end(1)]).strip(" ,") if m.group(1) else ""
            tail = f", {middle}" if middle else ""
            return f"{agency}{tail}, {text[m.start(2):m.end(2)].lower()} {name}"
    if unit in ("huyen", "quan", "thi xa"):
        counts: Counter[str] = Counter()
        for m in re.finditer(r"(?<![a-z])tinh\s+", key):
            name = _proper_after(text, m.end())
            if name:
                counts[name] += 1
        if counts:
            return f"{agency}, tỉnh {counts.most_common(1)[0][0]}"
    return agency


def _locality(name: str | None) -> tuple[str, str] | None:
    """The last "unit Name" phrase of an agency name: ("tỉnh Sóc Trăng", "tinh")."""
    if not name:
        return None
    words = name.split()
    best = None
    i = 0
    while i < len(words):
        found = unit_at(words, i)
        unit_len = found[1] if found else 0
        if found:
            j = i + unit_len
            k = j
            bare_number = found[0] in ("phuong", "quan")  # "Phường 7", "Quận 1"
            while k < len(words) and not words[k].startswith("(") and (
                    words[k][:1].isupper() or _numbered(words[k]) and (k > j or bare_number)):
                k += 1
                if words[k - 1].endswith((",", ")")):
                    break
            if k > j:
                unit = found[0]
                best = (" ".join(words[i:k]).rstrip(",)"), unit)
            i = k if k > j else j
        else:
            i += 1
    return best


def _numbered(word: str) -> bool:
    """A place's number: "2" in "Đại Ân 2", "7" in "Phường 7", "1" in "Quận 1"."""
    core = word.strip(",)")
    return core.isdigit() and len(core) <= PLACE_NUMBER_DIGITS


def _proper_after(text: str, pos: int) -> str | None:
    """The capitalised words (a proper name, up to four) starting at `pos` in `text`."""
    words = []
    for m in re.finditer(r"\S+", text[pos:pos + PROPER_NAME_CHARS]):
        w = m.group(0)
        core = w.strip(",.;:()")
        if not core or not core[:1].isupper() or not core.isalpha():
            break
        words.append(core)
        if w != core or len(words) == PROPER_NAME_MAX_WORDS:
            break
    return " ".join(words) if words else None
