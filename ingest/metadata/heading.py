"""The document's type heading and subject, and (for now) the rest of the extraction that reads a
document's lines: issuer, recipients, signer and dossier codes."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from rapidfuzz import fuzz

from ingest.metadata.casing import (
    body_case,
    case_name,
    case_title,
    recase_place,
    sentence_case,
    unit_at,
    vote_spelling,
)
from ingest.metadata.header import (
    DateMatch,
    NumberMatch,
    find_date,
    find_number,
    is_national,
    parse_date,
    parse_number,
    repair_symbol,
    strip_national,
)
from ingest.metadata.lines import (
    JUNK,
    Doc,
    Line,
    closes,
    fold_text,
    has_letters,
    is_caps,
    starts_with,
    trim,
    upper_ratio,
)
from ingest.metadata.titles import is_title, name_of, strong_title, title_text
from ingest.metadata.vocabulary import (
    BODY_STARTS,
    COMMUNE_UNITS,
    CONTINUES,
    DASH,
    DISTRICT_UNITS,
    DOSSIER,
    HANGING,
    HEAD_TITLE_WORDS,
    KINH_GUI,
    MOTTO,
    NOI_NHAN,
    NOT_HEADINGS,
    OCR_DIGIT,
    ORG_HEADS,
    PREAMBLE_STARTS,
    PROVINCE_UNITS,
    TYPE_KEYS,
    VV,
    digits,
)
from ingest.vietnamese.orthography import is_valid_syllable
from schemas.api import DocumentMetadata


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
        if len(words) >= n and len(tkey) >= 6:
            head = " ".join(words[:n])
            if fuzz.ratio(head, tkey) >= 84:
                return name, len(head)
    return None


# --- the extractor --------------------------------------------------------------------------------


class _Extractor:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.layout = doc.has_boxes
        self.first = doc.pages[0] if doc.pages else []
        self.meta = DocumentMetadata()
        self.heading: int | None = None
        self.recipient_lines: set[tuple[int, int]] = set()
        self.noi_nhan_page: int | None = None
        self.heading_cx: float | None = None
        # first line after the heading and summary on page 1, and its top (layout): no signer above it
        self.header_end: tuple[int, float | None] | None = None

    # header -------------------------------------------------------------------------------------

    def run(self) -> DocumentMetadata:
        if not self.first:
            return self.meta
        lines = self.first
        limit = min(len(lines), 40)
        num = find_number(lines, limit)
        dt = find_date(lines, limit)
        self._find_heading(num, dt, limit)
        if num and (self.heading is None or num.line < self.heading or self.layout):
            self.meta.number = num.number
            self.meta.symbol = num.symbol
        if dt and (self.heading is None or dt.line < self.heading or self.layout):
            self.meta.issued_date = dt.iso or None
            self.meta.place = vote_spelling(recase_place(dt.place), self.doc.text) if dt.place else None
        if self.meta.symbol:
            self.meta.symbol = repair_symbol(self.meta.symbol, self.meta.doc_type)
        self._issuer(num, dt)
        self._recipients()
        self._signer()
        self._dossier_codes()
        return self.meta

    def _header_end_y(self, num: NumberMatch | None, dt: DateMatch | None) -> float:
        ys = [self.first[i].box[1] for i in (num.line if num else None, dt.line if dt else None,
                                             self.heading) if i is not None and self.first[i].box]
        return min(ys) if ys else 0.2

    def _find_heading(self, num: NumberMatch | None, dt: DateMatch | None, limit: int) -> None:
        lines = self.first
        after = max([x.line for x in (num, dt) if x] or [-1])
        motto = next((i for i, ln in enumerate(lines[:limit]) if fuzz.partial_ratio(MOTTO, ln.key) >= 84
                      and len(ln.key) < 45), -1)
        start = max(after, motto) + 1 if after >= 0 or motto >= 0 else 0
        if self.layout:
            start = 0
        vv = None
        first_vv = (num.line + 1) if num else 0
        for i in range(first_vv, min(limit, first_vv + 12)):
            if VV.match(lines[i].key) and (not self.layout or lines[i].cx < 0.5):
                vv = i
                break
        ymin = 0.0
        if self.layout and (num or dt):
            ymin = max((lines[x.line].box[1] + lines[x.line].box[3]) / 2 for x in (num, dt)
                       if x and lines[x.line].box)
        fallback = None
        for i in range(start, limit):
            ln = lines[i]
            if ln.box and ln.box[1] < ymin:
                continue
            key = ln.key.strip()
            if vv is None and VV.match(key) and (not self.layout or ln.cx < 0.5):
                vv = i
                continue
            if self.layout and ln.box and not (0.3 < ln.cx < 0.7):
                continue
            if self.layout and ln.box and ymin and ln.box[1] > ymin + 0.15:
                break  # the heading sits right under the number and date, not down in the body
            if not is_caps(ln.text) or key.strip(" .:") in NOT_HEADINGS:
                continue
            if is_national(ln) or (num and i == num.line) or (dt and i == dt.line):
                continue
            match = _match_type(key)
            if match:
                self.heading = i
                self._heading_fields(i, match)
                return
            words = key.split()
            if fallback is None and 1 <= len(words) <= 6 and not starts_with(key, HEAD_TITLE_WORDS) \
                    and not is_title(ln) and (dt is None or i > dt.line or self.layout):
                fallback = i
            if ln.box is None and i > start + 3:
                break
        if vv is not None:
            self.meta.doc_type = "Công văn"
            self._vv_subject(vv)
            return
        # no heading, no V/v: a letter still opens with "Kính gửi"
        for ln in lines[:limit]:
            if ln.key.startswith(KINH_GUI):
                self.meta.doc_type = "Công văn"
                return
        if fallback is not None and (num or dt):
            # a heading of a type not in the list: printed in capitals, centred, under the date
            name = sentence_case(lines[fallback].text.strip(" .:"))
            self.heading = fallback
            self._heading_fields(fallback, (name, len(lines[fallback].text.strip(" .:"))))

    def _heading_fields(self, i: int, match: tuple[str, int]) -> None:
        lines = self.first
        name, plen = match
        self.meta.doc_type = name
        heading = lines[i].text.strip(" .:")
        j = i + 1
        # a heading printed on two lines ("GIẤY CHỨNG NHẬN / QUYỀN SỬ DỤNG ĐẤT")
        nxt = lines[j] if j < len(lines) else None
        # (a paper's name runs on: "GIẤY CHỨNG NHẬN / CƠ SỞ ĐỦ ĐIỀU KIỆN AN TOÀN THỰC PHẨM")
        self.heading_cx = lines[i].cx if lines[i].box else None
        paper = fold_text(name).startswith("giay")  # Giấy phép, Giấy chứng nhận, Giấy xác nhận...
        words_max = 12 if paper and len(fold_text(heading)) <= plen + 2 else 6
        # ("TÌNH TRẠNG HÔN NHÂN" has a title's word but is no signer's title)
        titled = strong_title([nxt]) if paper and nxt else nxt is not None and is_title(nxt)
        if nxt and is_caps(nxt.text) and self._near(lines[i], nxt) and not titled \
                and not starts_with(nxt.key, HEAD_TITLE_WORDS) and not starts_with(nxt.key, ORG_HEADS) \
                and (not self.layout or 0.3 < nxt.cx < 0.7) and len(nxt.text.split()) <= words_max \
                and not nxt.key.startswith(("ve ", "v/v")) and not parse_number(nxt.text):
            heading += " " + lines[j].text.strip(" .:")
            j += 1
        parts: list[str] = []
        rest = fold_text(heading)[plen:].strip(" .:,")
        named = len(rest) >= 3
        if named:
            parts.append(sentence_case(heading))
        prev = lines[i]
        first = True
        while j < len(lines) and len(parts) < 6:
            ln = lines[j]
            if first and re.match(r"S\w{0,2}\s*[:;.]", ln.text.strip()) and parse_number(ln.text):
                j += 1  # the number printed again under a permit's name
                prev = ln
                continue
            if named and paper and not ln.text.lstrip(JUNK).startswith("(") and not is_caps(ln.text) \
                    and not ln.key.startswith("ve viec"):
                break  # a paper's name is its subject; only a qualifier in brackets may follow
            if self._stops_subject(ln, prev, first):
                break
            parts.append(ln.text)
            prev = ln
            first = False
            j += 1
        self.header_end = (j, prev.box[3] if prev.box else None)
        if parts:
            subject = _join_wrapped(parts)
            if upper_ratio(subject) >= 0.75:  # printed in capitals: written back in running-text case
                subject = body_case(sentence_case(subject), self.doc)
            self.meta.subject = subject

    def _near(self, a: Line, b: Line) -> bool:
        if not (a.box and b.box):
            return True
        return b.box[1] - a.box[3] < 1.2 * max(a.height, b.height)

    def _stops_subject(self, ln: Line, prev: Line, first: bool) -> bool:
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
            if not (first and len(text.split()) > 6 and plain) and not reads_on:
                return True
            if reads_on and not self.layout:
                return False
        if re.match(r"^(\d+|[ivx]+|[a-z])[.)]\s", key) or re.match(r"^\w[\w ]{0,25}:", key):
            return True
        if key.startswith(KINH_GUI) or key.startswith("dieu "):
            return True
        if self.layout and ln.box and prev.box:
            page = self.doc.pages[ln.page - 1]
            left, right = _margins(page)
            inset_l, inset_r = ln.box[0] - left, right - ln.box[2]
            centred = abs(inset_l - inset_r) < 0.035 and min(inset_l, inset_r) > 0.008
            on_axis = self.heading_cx is not None and abs(ln.cx - self.heading_cx) < 0.012
            tight = ln.box[1] - prev.box[3] < 1.0 * max(prev.height, ln.height)
            if not centred and first and on_axis and tight and not ln.text.rstrip().endswith(":"):
                centred = True  # a summary as wide as the text, right under the heading and on its axis
            if not centred and self.heading_cx is not None and _wide_lines(page) < 3:
                # too little running text to find the margins: centred under the heading will do
                lefts = [b.box[0] for b in page if b.box]
                centred = abs(ln.cx - self.heading_cx) < 0.02 and ln.box[0] > min(lefts) + 0.03
            gap = ln.box[1] - prev.box[3]
            if not centred or gap > 1.5 * max(prev.height, ln.height, 0.01):
                return True
            return False
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
            body_wide = len(text) > 75 and len(text) > 1.3 * len(prev.text.strip())
            return starts_with(key, BODY_STARTS) or body_wide or closes(text)
        return True

    def _vv_subject(self, i: int) -> None:
        lines = self.first
        start = lines[i]
        parts = [start.text]
        prev = start
        for ln in lines[i + 1:i + 8]:
            key = ln.key.strip()
            if self.layout and ln.box and start.box:
                if ln.cx > 0.5 or ln.box[0] > 0.55:
                    continue
                if ln.box[1] - prev.box[3] > 1.5 * max(prev.height, 0.01):
                    break
            if (is_caps(ln.text) or not has_letters(ln.text) or parse_date(ln.text)
                    or key.startswith(KINH_GUI) or is_national(ln) or starts_with(key, PREAMBLE_STARTS)):
                if self.layout:
                    break
                if parse_date(ln.text) or is_national(ln):
                    continue
                break
            parts.append(ln.text)
            prev = ln
        self.meta.subject = _join_wrapped(parts)

    def _respell(self, name: str) -> str:
        """An agency name with its place name spelled as the document spells it elsewhere."""
        loc = _locality(name)
        if not loc:
            return name
        unit_words = 2 if " " in loc[1] else 1
        proper = " ".join(loc[0].split()[unit_words:])
        if not proper:
            return name
        better = vote_spelling(proper, self.doc.text)
        return name.replace(proper, better) if better != proper else name

    def _issuer(self, num: NumberMatch | None, dt: DateMatch | None) -> None:
        lines = self.first
        if self.layout:
            y_end = self._header_end_y(num, dt)
            cands = [ln for ln in lines[:40] if ln.box and ln.box[3] <= y_end + 0.004
                     and (ln.cx < 0.47 or ln.box[0] < 0.25)]
            cands.sort(key=lambda ln: ln.box[1])
        else:
            stops = [x for x in (num.line if num else None, dt.line if dt else None, self.heading)
                     if x is not None]
            end = min(stops) if stops else min(len(lines), 8)
            cands = list(lines[:end])
        names: list[str] = []
        for ln in cands:
            stripped = strip_national(ln)
            if stripped is None or is_national(stripped):
                continue
            text = trim(stripped.text).strip(" -_=~.")
            text = re.sub(r"(?<=[^\W\d_]{3})[.:;'`\"]+(?=\s|$)|(?<=\w)[:;](?=\w)", " ", text)
            text = re.sub(r"\b(TỈNH|HUYỆN|QUẬN|PHƯỜNG)(?=[^\W\d_]{2,})", _unglue, text)
            text = re.sub(r"\s+", " ", text).strip()
            if not is_caps(text) or parse_date(text) or VV.match(stripped.key) or len(text.split()) > 14:
                continue
            text = re.sub(r"\bVP(?=UBND|HĐND|HDND)", "VP ", text)
            key = fold_text(text)
            if names and (not starts_with(key, ORG_HEADS) or unit_at(text.split(), 0)
                          or key.startswith(("va ", "- "))):
                names[-1] += " " + text
            else:
                names.append(text)
        names = [re.sub(r"\s+", " ", n).strip() for n in names if has_letters(n, 3)]
        if not names:
            return
        agency = body_case(self._respell(case_name(names[-1])), self.doc)
        parent = body_case(self._respell(case_name(names[-2])), self.doc) if len(names) > 1 else None
        if not _locality(agency) and parent:
            loc = _locality(parent) or self._locality_in_text(agency)
            parent_full = re.sub(r"^VP\b", "Văn phòng", parent)
            if loc and fold_text(agency).endswith(" " + loc[1]):
                agency = agency[: -len(loc[1])].rstrip()  # "Bệnh viện Đa khoa tỉnh" + "tỉnh Hậu Giang"
            agency = f"{agency} {loc[0]} ({parent_full})" if loc else f"{agency} ({parent_full})"
        else:
            agency = self._complete_locality(agency, parent)
        self.meta.issuer = agency

    def _locality_in_text(self, agency: str) -> tuple[str, str] | None:
        """The province the document names right after the agency ("Chi cục Thủy lợi tỉnh Bạc Liêu")."""
        name = r"\s+".join(re.escape(w) for w in fold_text(agency).split())
        pat = r"(?<![a-z])" + name + r"\s+(tinh|thanh pho)\s+"
        for m in re.finditer(pat, self.doc.key):
            name = _proper_after(self.doc.text, m.end())
            if name:
                return f"{self.doc.text[m.start(1):m.end(1)].lower()} {name}", m.group(1)
        return None

    def _complete_locality(self, agency: str, parent: str | None) -> str:
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
        key = self.doc.key
        text = self.doc.text
        pat = (re.escape(fold_text(phrase))
               + r"\s*,\s*((?:huyen|quan|thi xa|thanh pho)\s+[^,\n;.]+?,\s*)?(tinh|thanh pho)\s+")
        if unit == "thanh pho":
            pat = re.escape(fold_text(phrase)) + r"\s*,\s*()(tinh)\s+"
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

    # recipients -----------------------------------------------------------------------------------

    def _recipients(self) -> None:
        found = None
        for p in range(len(self.doc.pages) - 1, -1, -1):
            for i, ln in enumerate(self.doc.pages[p]):
                key = re.sub(r"\s+", " ", trim(ln.key))
                if len(key) <= 30 and fuzz.ratio(NOI_NHAN, key[:8]) >= 80:
                    found = (p, i)
            if found:
                break
        items: list[str] = []
        if found:
            p, i = found
            self.noi_nhan_page = p
            head = self.doc.pages[p][i]
            m = re.search(r"nh\w{1,2}n?\s*:", head.key)
            after = trim(head.text[m.end():]) if m else ""
            lines = self.doc.pages[p][i + 1:]
            if self.layout and head.box:
                below = [ln for ln in lines if ln.box and ln.box[1] > head.box[1] and ln.cx < 0.5]
                lines = [ln for ln in below if ln.box[0] < head.box[0] + 0.08]
                lines.sort(key=lambda ln: ln.box[1])
                lines = _rejoin(lines, [ln for ln in below if ln.box[0] >= head.box[0] + 0.08])
            seed = [Line(after, head.page, head.box)] if has_letters(after) else []
            if seed and (is_title(seed[0]) or name_of(after)):
                seed = []
            items, used = self._list_items(seed + lines, head)
            for ln in used:
                self.recipient_lines.add((ln.page, id(ln)))
            self.recipient_lines.add((head.page, id(head)))
        addressees = self._kinh_gui()
        if addressees:
            expanded: list[str] = []
            replaced = False
            for it in items:
                k = fold_text(it)
                first = not expanded
                # a letter's first "Nơi nhận" item is "Như trên" (the addressees); OCR often mangles it
                if not replaced and len(k.split()) <= 4 and k.startswith("nh") and (
                        fuzz.partial_ratio("nhu tren", k) >= 80 or first and len(k) <= 12
                        and "dieu" not in k and not re.search(r"\d", k)):
                    expanded.extend(addressees)
                    replaced = True
                else:
                    expanded.append(it)
            items = expanded if replaced else items
        self.meta.recipients = items

    def _list_items(self, lines: list[Line], head: Line) -> tuple[list[str], list[Line]]:
        items: list[str] = []
        used: list[Line] = []
        prev: Line | None = head
        # in a list whose items start with dashes, a line without one carries on the item above it
        # ("- Các cơ quan chuyên môn thuộc / UBND huyện;") unless that item was closed with ";" or "."
        marks = [bool(DASH.match(ln.text.strip().lstrip(JUNK))) for ln in lines if has_letters(ln.text)]
        dashed_list = sum(marks) >= 2 and sum(marks) * 2 >= len(marks)
        for ln in lines:
            text = ln.text.strip().lstrip(JUNK)
            key = ln.key.strip()
            if self.layout and prev is not None and prev.box and ln.box and prev is not head:
                if ln.box[1] - prev.box[3] > 2.0 * max(prev.height, 0.012):
                    break
            dashed = bool(DASH.match(text)) and not text.startswith("+")
            body = DASH.sub("", text).strip()
            if not has_letters(body):
                continue
            signer_like = is_title(ln) or name_of(text) or (is_caps(body) and len(body) <= 4)
            if not dashed and not self.layout and signer_like and not text.rstrip().endswith((";", ",")):
                continue  # the signer block, read across the list when the columns were merged
            if not dashed and not self.layout and items and items[-1].rstrip().endswith(".") \
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
            if not fold_text(it).startswith("luu"):
                it = it.rstrip(" .")
            if has_letters(it):
                cleaned.append(it)
        return cleaned, used

    def _kinh_gui(self) -> list[str]:
        lines = self.first
        for i, ln in enumerate(lines[:60]):
            key = ln.key.strip()
            if not (key.startswith(KINH_GUI) or fuzz.ratio(key[:9], "kinh gui:") >= 85):
                continue
            after = ln.text.split(":", 1)[1].strip() if ":" in ln.text[:15] else ln.text[9:].strip()
            rest = []
            for nxt in lines[i + 1:i + 25]:
                above = rest[-1].text if rest else after
                runs_on = bool(above) and nxt.text[:1].islower() and not above.rstrip().endswith((";", "."))
                if self.layout and nxt.box and ln.box and nxt.box[0] < ln.box[0] + 0.05 \
                        and not DASH.match(nxt.text) and not runs_on:
                    break  # the body, back at the margin (a "- item" list may start left of "Kính gửi")
                if not self.layout and not DASH.match(nxt.text) and not nxt.text[:1].islower():
                    break
                rest.append(nxt)
                if nxt.text.rstrip().endswith("."):
                    break
            seed = [Line(after, ln.page, ln.box)] if has_letters(after) else []
            items, _ = self._list_items_simple(seed + rest)
            return items
        return []

    def _list_items_simple(self, lines: list[Line]) -> tuple[list[str], list[Line]]:
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
        return [re.sub(r"[\s;,.\-]+$", "", it) for it in items if has_letters(it)], lines

    # signer ---------------------------------------------------------------------------------------

    def _signer(self) -> None:
        """The signer block is on the page of "Nơi nhận" (or of the body's closing "./."), not
        necessarily the last one: appendices may follow it."""
        pages = self.doc.pages
        ends = [n for n, page in enumerate(pages) if any(closes(ln.text) for ln in page)]
        nonempty = [n for n, page in enumerate(pages) if page]
        if not nonempty:
            return
        home = self.noi_nhan_page if self.noi_nhan_page is not None else ends[-1] if ends else nonempty[-1]
        for n in (home, home + 1, home - 1, nonempty[-1]):
            if 0 <= n < len(pages) and pages[n] and self._signer_on(pages[n], single_page=len(nonempty) == 1):
                return

    def _signer_on(self, last: list[Line], single_page: bool) -> bool:
        start = 0
        for i, ln in enumerate(last):
            if closes(ln.text):
                start = i + 1
        if start == 0 and single_page:
            start = max(0, len(last) - 25)
        if last is self.first and self.header_end and not self.layout:
            start = max(start, self.header_end[0])
        cands = [ln for ln in last[start:] if (ln.page, id(ln)) not in self.recipient_lines]
        if last is self.first and self.header_end and self.header_end[1] is not None:
            cands = [ln for ln in cands if not ln.box or ln.box[1] > self.header_end[1]]
        if self.layout:
            right = [ln for ln in cands if ln.box and ln.cx > 0.45]
            cands = right or cands
            cands.sort(key=lambda ln: (ln.box[1] if ln.box else 0))
            cands = _merge_rows(cands, is_title)
        blocks: list[dict] = []
        last_title = -2
        for k, ln in enumerate(cands):
            if is_title(ln) and not is_national(ln):
                cur = blocks[-1] if blocks else None
                # without boxes, a block's title lines are consecutive lines
                apart = not self.layout and k != last_title + 1
                last_title = k
                if cur is None or cur["name"] is not None or apart \
                        or not self._title_follows(cur["titles"][-1], ln):
                    if cur is not None and cur["name"] is None and not apart \
                            and strong_title(cur["titles"]) and not strong_title([ln]):
                        continue  # stamp or signature noise read as capitals inside a block
                    blocks.append({"titles": [ln], "name": None})
                else:
                    cur["titles"].append(ln)
                continue
            name = name_of(ln.text)
            if name and blocks and blocks[-1]["name"] is None:
                if not self.layout or abs(ln.cx - blocks[-1]["titles"][0].cx) < 0.15:
                    blocks[-1]["name"] = (name, ln)
        if not blocks:
            # no title survived the scan: a name alone at the foot of the signer column is still the signer
            names = [(name_of(ln.text), ln) for ln in cands[-6:]]
            names = [(n, ln) for n, ln in names if n]
            if names:
                (rank, person), _ = names[-1]
                self.meta.signer_name = person
                return True
            return False
        if self.layout:
            block = max(blocks, key=lambda b: (b["name"] is not None, b["titles"][0].cx))
        else:
            named = [b for b in blocks if b["name"] is not None]
            block = named[-1] if named else blocks[-1]
        titles = [case_title(title_text(t.text)) for t in block["titles"]]
        title = " - ".join(t for t in titles if t)
        if block["name"]:
            (rank, person), _ = block["name"]
            self.meta.signer_name = person
            if rank:
                title = f"{title} ({rank})"
        self.meta.signer_title = title or None
        return True

    def _title_follows(self, prev: Line, ln: Line) -> bool:
        if not (prev.box and ln.box):
            return True
        return ln.box[1] - prev.box[3] < 1.0 * max(prev.height, ln.height) and abs(ln.cx - prev.cx) < 0.15

    # dossier codes --------------------------------------------------------------------------------

    def _dossier_codes(self) -> None:
        seen: list[str] = []
        text = self.doc.text
        for m in DOSSIER.finditer(text):
            g = m.groups()
            d = [digits(x) if x else "" for x in g]
            units = "".join("." + digits(u) for u in re.findall(rf"{OCR_DIGIT}{{2,3}}", g[5] or ""))
            prefix = f"{d[0]}.{d[1]}.{d[2]}." if g[0] else ""
            code = f"{prefix}{g[3]}{d[4]}{units}-{d[6]}-{d[7]}"
            if code not in seen:
                seen.append(code)
        self.meta.dossier_codes = seen


# --- helpers used by the extractor ----------------------------------------------------------------


def _rejoin(lines: list[Line], pieces: list[Line]) -> list[Line]:
    """`lines` with the pieces that OCR cut off their right end ("- Lưu:" + "KSTT." where a word
    was lost) put back: same row, starting soon after the line ends."""
    out = list(lines)
    for piece in sorted(pieces, key=lambda ln: ln.box[0]):
        for k, ln in enumerate(out):
            mid = (piece.box[1] + piece.box[3]) / 2
            if ln.box[1] < mid < ln.box[3] and 0 <= piece.box[0] - ln.box[2] < 0.1:
                box = (ln.box[0], min(ln.box[1], piece.box[1]), piece.box[2], max(ln.box[3], piece.box[3]))
                out[k] = Line(f"{ln.text} {piece.text}", ln.page, box)
                break
    return out


def _merge_rows(lines: list[Line], is_title: Callable[[Line], bool], gap: float = 0.05) -> list[Line]:
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
            if -0.005 <= b.box[0] - a.box[2] < gap and not is_title(a) and not is_title(b):
                box = (a.box[0], min(a.box[1], b.box[1]), max(a.box[2], b.box[2]), max(a.box[3], b.box[3]))
                joined = Line(f"{a.text} {b.text}", ln.page, box)
                if is_title(joined):
                    out[k] = joined
                    break
        else:
            out.append(ln)
    return out


def _wide_lines(page: Sequence[Line]) -> int:
    return sum(1 for ln in page if ln.box and ln.box[2] - ln.box[0] > 0.5)


def _margins(page: Sequence[Line]) -> tuple[float, float]:
    """Left and right edges of the body text on a page (fractions of its width)."""
    wide = [ln.box for ln in page if ln.box and ln.box[2] - ln.box[0] > 0.5]
    if len(wide) < 3:
        return 0.1, 0.9
    lefts = sorted(b[0] for b in wide)
    rights = sorted(b[2] for b in wide)
    return lefts[len(lefts) // 10], rights[len(rights) * 9 // 10]



def _unglue(m: re.Match[str]) -> str:
    rest = re.match(r"[^\W\d_]+", m.string[m.end():])
    return m.group(0) + " " if rest and is_valid_syllable(rest.group(0)) else m.group(0)




def _join_wrapped(parts: list[str]) -> str:
    text = " ".join(p.strip() for p in parts if p.strip())
    text = re.sub(r"\s+", " ", text)
    return text.strip(" ;,")


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
    return core.isdigit() and len(core) <= 2


def _proper_after(text: str, pos: int) -> str | None:
    """The capitalised words (a proper name, up to four) starting at `pos` in `text`."""
    words = []
    for m in re.finditer(r"\S+", text[pos:pos + 60]):
        w = m.group(0)
        core = w.strip(",.;:()")
        if not core or not core[:1].isupper() or not core.isalpha():
            break
        words.append(core)
        if w != core or len(words) == 4:
            break
    return " ".join(words) if words else None
