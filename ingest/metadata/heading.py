"""Administrative-document fields (Decree 30/2020/NĐ-CP layout) from a document's text or OCR result.

Two pure entry points, no I/O:

* `extract_from_text(text)` — plain text, pages separated by form feeds, one printed line per line;
* `extract_from_result(result)` — an `OcrResult`; word boxes split merged columns apart and tell the
  upper-left agency block from the national title, the centred summary from the body, and the
  lower-left "Nơi nhận" list from the lower-right signer block.

Keywords are matched on folded text (marks stripped, lower case) and fuzzily where OCR errors are
common, so "Noi nhan", "PHO CHU TỊCH" or "QD-UBND" are still understood. A field that cannot be
found is left null (lists empty): nothing is guessed from outside the document.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from ingest.vietnamese.orthography import fold, is_valid_syllable
from schemas.api import DocumentMetadata
from schemas.ocr import OcrLine, OcrResult

__all__ = ["extract_from_result", "extract_from_text"]


# --- lines and folding --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Line:
    """One printed line (or one column segment of it); `box` is x0, y0, x1, y1 as page fractions."""

    text: str
    page: int
    box: tuple[float, float, float, float] | None = None

    @property
    def key(self) -> str:
        return _fold(self.text)

    @property
    def cx(self) -> float:
        return (self.box[0] + self.box[2]) / 2 if self.box else 0.5

    @property
    def height(self) -> float:
        return self.box[3] - self.box[1] if self.box else 0.0


@dataclass
class _Doc:
    pages: list[list[_Line]]
    layout: bool
    text: str = field(init=False)
    key: str = field(init=False)

    def __post_init__(self) -> None:
        self.text = "\n".join(line.text for page in self.pages for line in page)
        self.key = _fold(self.text)


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    f = fold(c)
    return f if len(f) == 1 else c.lower() if len(c.lower()) == 1 else c


def _fold(text: str) -> str:
    """Marks stripped and lower-cased, character for character (same length as `text`)."""
    return "".join(_fold_char(c) for c in text)


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u00d0", "Đ").replace("\u00f0", "đ")
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    return re.sub(r"[ \t\u00a0]+", " ", text).strip()


_LETTER = re.compile(r"[^\W\d_]")


def _upper_ratio(text: str) -> float:
    letters = _LETTER.findall(text)
    return sum(c.isupper() for c in letters) / len(letters) if letters else 0.0


def _is_caps(text: str) -> bool:
    return len(_LETTER.findall(text)) >= 2 and _upper_ratio(text) >= 0.75


def _has_letters(text: str, n: int = 2) -> bool:
    return len(_LETTER.findall(text)) >= n


def _starts_with(key: str, phrases: Iterable[str]) -> bool:
    return any(re.match(re.escape(p) + r"(?![a-z])", key) for p in phrases)


# --- vocabulary (folded forms) ------------------------------------------------------------------

_NATIONAL = "cong hoa xa hoi chu nghia viet nam"
_MOTTO = "doc lap - tu do - hanh phuc"

# Document types, longest first once sorted; canonical spelling as in Decree 30 and the TTHC forms.
_TYPES = [
    "Quyết định", "Nghị quyết", "Nghị định", "Thông tư liên tịch", "Thông tư", "Chỉ thị", "Quy chế",
    "Quy định", "Thông cáo", "Thông báo", "Hướng dẫn", "Chương trình", "Kế hoạch", "Phương án",
    "Đề án", "Dự án", "Báo cáo", "Biên bản", "Tờ trình", "Hợp đồng", "Công văn", "Công điện",
    "Bản ghi nhớ", "Bản thỏa thuận", "Giấy ủy quyền", "Giấy mời", "Giấy giới thiệu", "Giấy nghỉ phép",
    "Phiếu gửi", "Phiếu chuyển", "Phiếu báo", "Thư công", "Giấy phép", "Giấy chứng nhận",
    "Giấy xác nhận", "Giấy biên nhận", "Giấy báo", "Luật", "Pháp lệnh", "Lệnh", "Kết luận",
    "Thông tri", "Trích lục", "Bản sao", "Chứng thư", "Văn bằng", "Chứng chỉ", "Giấy khai sinh",
    "Giấy chứng tử", "Phiếu tiếp nhận hồ sơ và hẹn trả kết quả", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
    "Phiếu từ chối tiếp nhận giải quyết hồ sơ", "Phiếu xin lỗi và hẹn lại ngày trả kết quả",
    "Phiếu kiểm soát quá trình giải quyết hồ sơ", "Phiếu đề xuất", "Phiếu trình", "Đơn",
]
_TYPE_KEYS = sorted(((_fold(t), t) for t in _TYPES), key=lambda kt: -len(kt[0]))
_NOT_HEADINGS = ("khan", "thuong khan", "hoa toc", "mat", "toi mat", "tuyet mat", "du thao")

_ADMIN_UNITS = ("thanh pho", "thi xa", "thi tran", "tinh", "huyen", "quan", "xa", "phuong", "tp.", "tp")
_NOT_NAMES = {"hoi", "uy", "vien", "doi", "lo", "truong", "ly", "doan"}
_UNIT_SPELLINGS = {"thành phố": "thanh pho", "thị xã": "thi xa", "thị trấn": "thi tran", "tỉnh": "tinh",
                   "huyện": "huyen", "quận": "quan", "xã": "xa", "phường": "phuong", "tp.": "thanh pho",
                   "tp": "thanh pho"}
_ORG_HEADS = (
    "bo", "so", "cuc", "chi cuc", "tong cuc", "phong", "ban", "trung tam", "van phong", "vp", "uy ban",
    "ubnd", "hoi dong", "hdnd", "cong an", "benh vien", "truong", "vien", "toa an", "kho bac",
    "bao hiem", "dang uy", "doan", "hoi", "chi nhanh", "bo chi huy", "bo phan", "thanh tra", "cong ty",
    "ngan hang", "chinh phu", "tinh uy", "huyen uy", "thanh uy", "dai", "lien doan", "mat tran",
    "tram", "hat", "doi", "to", "hoc vien", "dai hoc", "vu", "ky tuc xa", "quy", "tap doan",
    "dien luc", "xi nghiep", "nha may", "hop tac xa", "tong cong ty", "nha xuat ban", "khoa", "phan vien",
    "dang bo", "chi bo", "cong doan", "thi hanh an", "bo phan",
)
_DISTRICT_UNITS = ("huyen", "quan", "thi xa", "thanh pho", "xa", "phuong", "thi tran")
_PROVINCE_UNITS = ("tinh", "thanh pho")
_COMMUNE_UNITS = ("xa", "phuong", "thi tran")

_SIGN_PREFIX = re.compile(r"^\s*(?:(KT|TM|TL|TUQ)\s*[.,:]?\s+|(KT|TM|TL|TUQ|Q|TQ|PP)\s*[.,:]\s*)")
_TITLE_WORDS = (
    "chu tich", "giam doc", "truong", "pho", "chanh", "thu ky", "chu tri", "uy ban", "hoi dong", "tong",
    "bi thu", "chu nhiem", "thu truong", "hieu truong", "can bo", "chuyen vien", "ke toan", "to truong",
    "dai dien", "xac nhan", "nguoi", "chinh phu", "thu tuong", "ban chap hanh", "thanh tra", "doi truong",
    "chi huy", "ky thay", "quyen", "nhan", "lap", "thu tuc", "cuc", "vien", "cong an", "chanh an",
    "kiem sat", "chi cuc", "dai dien", "trung tam", "ban", "hoi", "lanh dao", "tham muu",
)
# Official titles printed in signer blocks, to restore marks lost by OCR ("PHO CHU TỊCH").
_TITLES = [
    "Chủ tịch", "Phó Chủ tịch", "Giám đốc", "Phó Giám đốc", "Chánh Văn phòng", "Phó Chánh Văn phòng",
    "Ủy ban nhân dân", "Hội đồng nhân dân", "Chủ trì", "Thư ký", "Trưởng phòng", "Phó Trưởng phòng",
    "Trưởng ban", "Phó Trưởng ban", "Cục trưởng", "Phó Cục trưởng", "Chi cục trưởng",
    "Phó Chi cục trưởng", "Bộ trưởng", "Thứ trưởng", "Tổng cục trưởng", "Phó Tổng cục trưởng",
    "Chủ nhiệm", "Phó Chủ nhiệm", "Hiệu trưởng", "Phó Hiệu trưởng", "Viện trưởng", "Phó Viện trưởng",
    "Chánh Thanh tra", "Phó Chánh Thanh tra", "Trưởng Công an", "Phó Trưởng Công an", "Bí thư",
    "Phó Bí thư", "Thủ trưởng", "Thủ trưởng đơn vị", "Phó Thủ trưởng", "Tổng Giám đốc", "Phó Tổng Giám đốc",
    "Chính phủ",
    "Thủ tướng", "Phó Thủ tướng", "Chánh án", "Phó Chánh án", "Viện trưởng", "Người lập",
    "Người đại diện", "Chủ tọa", "Trưởng đoàn", "Phó Trưởng đoàn", "Tổ trưởng", "Tổ phó",
]
_TITLE_KEYS = {_fold(t) for t in _TITLES}
_RANKS = [
    "Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng", "Đại tá", "Thượng tá", "Trung tá",
    "Thiếu tá", "Đại úy", "Thượng úy", "Trung úy", "Thiếu úy",
]
_SURNAMES = {_fold(x) for x in (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Lâm Sơn Thạch Danh Đinh Trương "
    "Mai Tô Hà Cao Đào Lương Tạ Châu Quách Kim Triệu Chu La Lưu Tăng Đoàn Trịnh Phùng Kiều Lại Thái Tống "
    "Nông Hứa Diệp Giang Đàm Âu Khổng Mạc Thân Lữ Từ Kha Huỳnh Văn Lục Ông Doãn Tiêu Ninh Quan Chế Liêu"
).split()}
_RANK_KEYS = sorted(((_fold(r), r) for r in _RANKS), key=lambda kr: -len(kr[0]))
_DEGREE = re.compile(r"^(?:(?:PGS|GS|TS|ThS|BS|BSCKI{1,2}|CKI{1,2}|KS|CN|LS|NCS|DS|TTND|TTƯT)\.\s*)+")

_BODY_STARTS = (
    "can cu", "thuc hien", "theo", "xet", "nham", "de ", "tren co so", "kinh gui", "hom nay", "vao hoi",
    "vao luc", "sau khi", "qua ", "tiep", "duoc", "trong", "nay ", "hien nay", "tu ngay", "tai ", "dieu",
    "chuong", "phan ", "muc ", "thoi gian", "dia diem", "thanh phan", "noi dung", "cap cho", "ho va ten",
    "ong ", "ba ", "chung toi", "toi ", "ngay ", "cung cap", "kinh thua",
)
_CONTINUES = ("trong", "tai", "cua", "va", "tren", "ve", "cho", "doi voi", "theo", "nam", "giai doan", "den",
              "thuoc", "nham", "o", "tu", "qua", "voi", "cac", "nhung", "duoc", "linh vuc")
_HANGING = ("va", "cua", "tai", "ve", "cho", "cac", "tren", "theo", "voi", "thuoc", "trong", "den", "so",
            "tinh", "huyen", "xa", "thanh pho", "nam", "nhung", "mot", "doi voi", "nhan dan", "giai quyet")

# A numeric slot read by OCR: digits plus the letters most often confused with them.
_D = r"[0-9OoIl|SZB]"
_SEP = r"\s{0,2}[.,:;]\s{0,2}"
# "000.00.17.H55-210516-0001" (national portal) or "H49.20-230315-0001" (a province's system: its
# code, then the unit's); the agency part is followed by the date received and a serial number.
_DOSSIER = re.compile(
    rf"(?<![\w.])(?:({_D}{{3}}){_SEP}({_D}{{2}}){_SEP}({_D}{{2}}){_SEP})?([A-Z])\s?({_D}{{2}})"
    rf"((?:{_SEP}{_D}{{2,3}}){{0,3}})"
    rf"\s{{0,2}}-\s{{0,2}}({_D}{{6}})\s{{0,2}}-\s{{0,2}}({_D}{{4}})(?![\d])"
)
_NUMBER = re.compile(r"(?:^|(?<=\s))S\w{0,2}\s*[:;.,]?\s*([0-9OoIl|]{1,6})?\s*/\s*(\S+(?:\s*[-/]\s*\S+)*)")
_P = r"[\s:.,]*"
_DATE = re.compile(rf"ngay{_P}(\w{{1,2}}){_P}(?:thang|th\w{{2,3}}g){_P}(\w{{1,2}}){_P}"
                   rf"[nh]\w{{1,2}}m{_P}(\w{{4}}|\w{{3}} \w(?!\w))")
_PLACE_DATE = re.compile(r"^(.*?)[,.;\-]+\s*ngay\b")
_VV = re.compile(r"^\s*v\s*[/|l1i]\s*[vy]\b\.?\s*:?\s*")
_DASH = re.compile(r"^\s*[-–—+•·*_~=]+\s*")
_NOI_NHAN = "noi nhan"
_KINH_GUI = "kinh gui"

# Codes in a symbol that carry Đ; OCR often reads Đ as D. Only unambiguous ones are repaired.
_TYPE_CODES = {
    "Quyết định": "QĐ", "Nghị quyết": "NQ", "Nghị định": "NĐ", "Chỉ thị": "CT", "Quy chế": "QC",
    "Quy định": "QyĐ", "Thông cáo": "TC", "Thông báo": "TB", "Hướng dẫn": "HD", "Chương trình": "CTr",
    "Kế hoạch": "KH", "Phương án": "PA", "Đề án": "ĐA", "Dự án": "DA", "Báo cáo": "BC", "Biên bản": "BB",
    "Tờ trình": "TTr", "Hợp đồng": "HĐ", "Công điện": "CĐ", "Bản ghi nhớ": "GN", "Bản thỏa thuận": "TTh",
    "Giấy ủy quyền": "GUQ", "Giấy mời": "GM", "Giấy giới thiệu": "GGT", "Giấy nghỉ phép": "GNP",
    "Phiếu gửi": "PG", "Phiếu chuyển": "PC", "Phiếu báo": "PB", "Thông tư": "TT",
}
_D_CODES = {c.replace("Đ", "D"): c for c in (
    "QĐ", "NĐ", "HĐND", "CĐ", "QyĐ", "TTĐT", "BCĐ", "ĐU", "ĐTN", "HĐQT", "HĐTV", "BQLDA-ĐT", "ĐKKD",
    "ĐKQSDĐ", "NĐ-CP", "QĐ-TTg", "QĐ-UBND", "HĐ-UBND")}


_JUNK = " \t'\"`_~¬|.,:;‹›«»“”‘’„ˆ^*=\\"


def _trim(text: str) -> str:
    """`text` without OCR specks around it: quotes, underscores, stray marks and one-letter debris."""
    text = re.sub(r"^[^\w\-–—+(\"“]+", "", text.strip(_JUNK))
    words = text.split()
    while words and len(words[0]) == 1 and not words[0].isalnum() and words[0] not in "-–—+(":
        words.pop(0)
    while len(words) > 1 and len(words[-1].strip(_JUNK + "-")) <= 1 and not words[-1][-1:].isalnum():
        words.pop()
    return " ".join(words).strip(_JUNK)


def _digits(s: str) -> str:
    return s.translate(str.maketrans("OoIl|SZB", "00111528"))


# --- building the line model ----------------------------------------------------------------------


def _lines_from_text(text: str) -> list[list[_Line]]:
    pages = []
    for n, page in enumerate(text.split("\f"), start=1):
        lines = [_Line(_clean(t), n) for t in page.splitlines()]
        pages.append([ln for ln in lines if ln.text])
    while len(pages) > 1 and not pages[-1]:
        pages.pop()
    return pages


def _segments(line: OcrLine, width: float, height: float, page: int) -> list[_Line]:
    """A recognised line cut where a wide gap separates its words (two columns read as one line)."""
    words = sorted((w for w in line.words if w.text.strip()), key=lambda w: w.bbox.x)
    if not words:
        b = line.bbox
        return [_Line(_clean(line.text), page, (b.x / width, b.y / height, (b.x + b.w) / width,
                                                (b.y + b.h) / height))]
    h = statistics.median(w.bbox.h for w in words)
    gap_min = max(2.0 * h, 0.035 * width)
    groups: list[list] = [[words[0]]]
    for w in words[1:]:
        prev = groups[-1][-1]
        if w.bbox.x - (prev.bbox.x + prev.bbox.w) > gap_min:
            groups.append([w])
        else:
            groups[-1].append(w)
    out = []
    for g in groups:
        x0 = min(w.bbox.x for w in g)
        y0 = min(w.bbox.y for w in g)
        x1 = max(w.bbox.x + w.bbox.w for w in g)
        y1 = max(w.bbox.y + w.bbox.h for w in g)
        text = _clean(" ".join(w.text for w in g))
        if sum(c.isalnum() for c in text) >= 2 or (len(g) == 1 and text[:1].isalnum() and len(groups) == 1):
            out.append(_Line(text, page, (x0 / width, y0 / height, x1 / width, y1 / height)))
    return out


def _lines_from_result(result: OcrResult) -> tuple[list[list[_Line]], bool]:
    pages = []
    layout = False
    for page in result.pages:
        if page.lines and page.width > 0 and page.height > 0:
            layout = True
            segs = [s for line in page.lines for s in _segments(line, page.width, page.height, page.number)]
            pages.append(segs)
        else:
            pages.append([_Line(_clean(t), page.number) for t in page.text.splitlines() if _clean(t)])
    return pages, layout


# --- header: national title, number, date, heading -----------------------------------------------


def _drop_span(text: str, target: str, threshold: float = 84) -> tuple[str, bool]:
    """`text` without the part that fuzzily spells `target` (folded), e.g. a merged national title."""
    key = _fold(text)
    if len(key) < len(target) * 0.6:
        return text, False
    al = fuzz.partial_ratio_alignment(target, key)
    if al is None or al.score < threshold:
        return text, False
    rest = (text[: al.dest_start] + " " + text[al.dest_end:]).strip(" -")
    return re.sub(r"\s+", " ", rest), True


def _is_national(line: _Line) -> bool:
    """The national title or motto, or most of it ("VÀ XÃ HỘI" of an agency's name is not)."""
    key = line.key
    return (fuzz.partial_ratio(_NATIONAL, key) >= 84 and len(_NATIONAL) * 0.4 <= len(key) < 60) or (
        fuzz.partial_ratio(_MOTTO, key) >= 84 and len(_MOTTO) * 0.45 <= len(key) < 45)


def _strip_national(line: _Line) -> _Line | None:
    text = line.text
    for target in (_NATIONAL, _MOTTO):
        text, _ = _drop_span(text, target)
    text = text.strip(" -_")
    if not _has_letters(text):
        return None
    return _Line(text, line.page, line.box) if text != line.text else line


@dataclass
class _Number:
    line: int
    number: str | None
    symbol: str


def _parse_number(text: str) -> tuple[str | None, str] | None:
    m = _NUMBER.search(text)
    if not m:
        return None
    number = _digits(m.group(1) or "")
    raw = re.sub(r"\s*([-/])\s*", r"\1", m.group(2))
    symbol = raw.split()[0] if raw.split() else ""
    symbol = re.sub(r"(?<=\w):(?=\w)", "-", symbol.strip(".,;:_'\"`"))
    if number and not number.isdigit() or not re.search(r"[A-Za-zĐđ]{2}", symbol):
        return None
    if not number and not re.match(r"S[ốôoó]\s*:", text.strip()):
        return None  # a blank number ("Số:    /QĐ-UBND") only on a line that clearly opens with "Số:"
    return number or None, symbol


def _repair_symbol(symbol: str, doc_type: str | None) -> str:
    """Undo common OCR slips in a symbol: Đ read as D, a doubled letter in the type code ("QĐĐ"),
    letters read for digits in a unit code ("PC0G" for "PC06")."""
    parts = re.split(r"([-/])", symbol)
    code = _TYPE_CODES.get(doc_type or "")
    out = []
    first = True
    for p in parts:
        if p in "-/" or p.isdigit():
            out.append(p)
            continue
        if p in _D_CODES:
            p = _D_CODES[p]
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


def _find_number(lines: Sequence[_Line], limit: int) -> _Number | None:
    for i, line in enumerate(lines[:limit]):
        if not re.match(r"\s*S", line.text) and " S" not in line.text:
            continue
        if line.box and (line.cx > 0.55 or line.box[1] > 0.35):
            continue
        text = line.text
        if re.fullmatch(r"\s*S\w{0,2}\s*[:;.]?\s*", text) and i + 1 < len(lines):
            text += " " + lines[i + 1].text  # "Số:" with the number left blank, the symbol far to the right
        parsed = _parse_number(text)
        if parsed:
            return _Number(i, *parsed)
    return None


@dataclass
class _Date:
    line: int
    place: str | None
    iso: str


def _parse_date(text: str) -> tuple[str | None, str] | None:
    key = _fold(text)
    m = _DATE.search(key)
    if not m:
        return None
    try:
        d, mo, y = (int(_digits(g.replace(" ", ""))) for g in m.groups())
        iso = date(y, mo, d).isoformat()
    except ValueError:
        return None
    if not 1900 <= y <= 2100:
        return None
    before = text[: m.start()].strip()
    words = before.split()
    placelike = all(w[:1].isupper() or w in ("-", "–") for w in words) and not re.search(r"\d", before)
    if words and not re.search(r"[,.;\-]$", before) and not placelike:
        return None  # "Căn cứ Luật ... ngày 19 tháng 6 năm 2015": a date in running text
    return _parse_place(text), iso


def _parse_place(text: str) -> str | None:
    """The place before ", ngày": "Sóc Trăng" in "Sóc Trăng, ngày 26 tháng 4 năm 2019"."""
    m = _PLACE_DATE.match(_fold(text))
    if not m:
        return None
    words = text[: m.end(1)].split()
    # a merged "Số: 12/QĐ-UBND" (or other column text) before the place name is cut off
    keep: list[str] = []
    for w in reversed(words):
        w = w.strip(" ,;:'\"`_~¬|-")
        if not keep and w.isdigit() and len(w) <= 2:
            keep.append(w)  # "Phường 7", "Đại Ân 2": a place numbered after its name
            continue
        if not w or re.search(r"[\d/:]", w) or not w[:1].isupper():
            if keep and w.lower() in ("phố", "xã", "trấn"):
                keep.append(w)  # "Thành phố Hồ Chí Minh", "Thị xã ...": the unit printed with its name
                continue
            break
        keep.append(w)
    if keep and _fold(keep[-1]) in ("pho", "xa", "tran"):
        keep.pop()  # the unit's second word without its first
    if keep and keep[0].isdigit() and len(keep) == 1:
        keep = []
    if 1 <= len(keep) <= 5:
        return " ".join(reversed(keep)).strip(" .,")
    return None


def _find_date(lines: Sequence[_Line], limit: int) -> _Date | None:
    fallback = None
    for i, line in enumerate(lines[:limit]):
        if line.box and line.box[1] > 0.4:
            continue
        parsed = _parse_date(line.text)
        if parsed is None:
            place = _parse_place(line.text)
            if place and fallback is None and (line.box is None or line.cx > 0.45):
                fallback = _Date(i, place, "")  # the place is readable even where the day is not
            continue
        if parsed[0]:
            return _Date(i, *parsed)
        if fallback is None or not fallback.iso:
            fallback = _Date(i, fallback.place if fallback else None, parsed[1]) if fallback is None \
                else _Date(fallback.line, fallback.place, parsed[1])
    return fallback


def _match_type(key: str) -> tuple[str, int] | None:
    """(canonical type, length of its folded prefix in `key`) when `key` starts with a type name."""
    key = _trim(key).strip(" .:")
    if len(key) > 2 and key[1] == " " and not key[0].isdigit():
        key = key[2:]  # "Ẫ KẾ HOẠCH": a speck read as a letter
    for tkey, name in _TYPE_KEYS:
        if re.match(re.escape(tkey) + r"(?![a-z])", key):
            return name, len(tkey)
    words = key.split()
    for tkey, name in _TYPE_KEYS:
        n = len(tkey.split())
        if len(words) >= n and len(tkey) >= 6:
            head = " ".join(words[:n])
            if fuzz.ratio(head, tkey) >= 84:
                return name, len(head)
    return None


# --- casing ---------------------------------------------------------------------------------------


def _unit_at(words: Sequence[str], i: int) -> tuple[str, int] | None:
    """(folded administrative unit, its word count) when words[i:] start with one: "tỉnh", "thị xã".
    The marks must match ("quản" is no "quận") unless OCR printed the word without any."""
    for n in (2, 1):
        if i + n > len(words):
            continue
        raw = " ".join(words[i:i + n]).lower().strip("(),")
        after = _fold(words[i + n]).lower().strip("(),") if i + n < len(words) else ""
        if after in _NOT_NAMES:
            continue  # "xã hội", "tỉnh ủy", "tỉnh lộ": a common noun, not a unit and its name
        if raw in _UNIT_SPELLINGS:
            return _UNIT_SPELLINGS[raw], n
        if raw.isascii() and raw in _ADMIN_UNITS:
            return ("thanh pho" if raw.startswith("tp") else raw), n
    return None


def _recase_place(place: str) -> str:
    """ "VỊ Thanh" (a capital I read for i) as "Vị Thanh"; a place printed in capitals is left alone."""
    if _upper_ratio(place) >= 0.75:
        return place
    return " ".join(_cap(w.lower()) if len(w) > 1 and w[1:] != w[1:].lower() and is_valid_syllable(w) else w
                    for w in place.split())


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def _is_acronym(word: str) -> bool:
    core = word.strip("().,;:-")
    return bool(core) and (not is_valid_syllable(core) or core in ("VP", "TP")) and core.upper() == core


def _case_name(text: str) -> str:
    """An agency or place name printed in capitals, in running-text case: "Ủy ban nhân dân tỉnh Sóc
    Trăng", "Trung tâm Phục vụ hành chính công"; acronyms (UBND, HĐND) stay as printed."""
    if _upper_ratio(text) < 0.75:
        return text
    words = text.split()
    out: list[str] = []
    proper = False
    cap_next = True
    named = False  # inside the name after "Sở", "Phòng"...: "Tài nguyên và Môi trường"
    i = 0
    while i < len(words):
        w = words[i]
        if named and out and _fold(out[-1]) in ("va", "-"):
            cap_next = True
        if _is_acronym(w):
            out.append(w)
            i += 1
            cap_next = False
            continue
        low = w.lower()
        two = _fold(" ".join(words[i:i + 2]).lower())
        one = _fold(low.strip("(),"))
        if w.startswith("("):
            proper = False
            cap_next = True
        unit = _unit_at(words, i)
        if not cap_next and not proper and unit:
            n = unit[1]
            out.extend(x.lower() for x in words[i:i + n])
            i += n
            proper = True
            continue
        if proper or cap_next:
            out.append(_cap_inner(low))
        else:
            out.append(low)
        after_uy = i > 0 and _fold(words[i - 1]).lower() == "uy"
        cap_next = one in ("so", "phong", "bo", "cuc", "vien") or (one == "ban" and not after_uy)
        if two in ("trung tam", "chi cuc", "van phong", "tong cuc", "bo phan"):
            out.append(words[i + 1].lower())
            i += 2
            cap_next = True
            named = True
            continue
        named = named or cap_next
        if w.endswith(","):
            proper = False
        i += 1
    return " ".join(out)


def _cap_inner(word: str) -> str:
    return word[:1] + _cap(word[1:]) if word.startswith("(") else _cap(word)


def _case_title(text: str) -> str:
    """A signer-block title line in running-text case, marks restored for known titles."""
    m = _SIGN_PREFIX.match(text)
    prefix = ""
    if m:
        prefix = (m.group(1) or m.group(2)).upper() + ". "
        text = text[m.end():]
    text = text.strip(" .,")
    key = _fold(text)
    # same word count: "Trưởng Công an xã" is no "Phó Trưởng Công an"
    close = [t for t in _TITLES if fuzz.ratio(_fold(t), key) >= 86 and abs(len(t) - len(key)) <= 2
             and (len(t.split()) == len(key.split())
                  or fuzz.ratio(_fold(t).replace(" ", ""), key.replace(" ", "")) >= 90)]
    if close:
        # "Thứ trưởng" and "Thủ trưởng" fold alike: keep the one nearest to the marks printed
        low = text.lower()
        best = min(close, key=lambda t: (-fuzz.ratio(_fold(t), key), Levenshtein.distance(t.lower(), low)))
        return prefix + best
    if _upper_ratio(text) >= 0.75:
        words = [w if _is_acronym(w) else w.lower() for w in text.split()]
        if words:
            words[0] = _cap(words[0])
            if _fold(words[0]) in ("pho", "chanh", "q.", "quyen") and len(words) > 1:
                words[1] = _cap(words[1])
        text = " ".join(words)
    return prefix + text


def _sentence_case(text: str) -> str:
    if _upper_ratio(text) < 0.75:
        return text
    words = [w if _is_acronym(w) else w.lower() for w in text.split()]
    return _cap(" ".join(words))


# --- the extractor --------------------------------------------------------------------------------


class _Extractor:
    def __init__(self, doc: _Doc) -> None:
        self.doc = doc
        self.layout = doc.layout
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
        num = _find_number(lines, limit)
        dt = _find_date(lines, limit)
        self._find_heading(num, dt, limit)
        if num and (self.heading is None or num.line < self.heading or self.layout):
            self.meta.number = num.number
            self.meta.symbol = num.symbol
        if dt and (self.heading is None or dt.line < self.heading or self.layout):
            self.meta.issued_date = dt.iso or None
            self.meta.place = self._vote_spelling(_recase_place(dt.place)) if dt.place else None
        if self.meta.symbol:
            self.meta.symbol = _repair_symbol(self.meta.symbol, self.meta.doc_type)
        self._issuer(num, dt)
        self._recipients()
        self._signer()
        self._dossier_codes()
        return self.meta

    def _header_end_y(self, num: _Number | None, dt: _Date | None) -> float:
        ys = [self.first[i].box[1] for i in (num.line if num else None, dt.line if dt else None,
                                             self.heading) if i is not None and self.first[i].box]
        return min(ys) if ys else 0.2

    def _find_heading(self, num: _Number | None, dt: _Date | None, limit: int) -> None:
        lines = self.first
        after = max([x.line for x in (num, dt) if x] or [-1])
        motto = next((i for i, ln in enumerate(lines[:limit]) if fuzz.partial_ratio(_MOTTO, ln.key) >= 84
                      and len(ln.key) < 45), -1)
        start = max(after, motto) + 1 if after >= 0 or motto >= 0 else 0
        if self.layout:
            start = 0
        vv = None
        first_vv = (num.line + 1) if num else 0
        for i in range(first_vv, min(limit, first_vv + 12)):
            if _VV.match(lines[i].key) and (not self.layout or lines[i].cx < 0.5):
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
            if vv is None and _VV.match(key) and (not self.layout or ln.cx < 0.5):
                vv = i
                continue
            if self.layout and ln.box and not (0.3 < ln.cx < 0.7):
                continue
            if self.layout and ln.box and ymin and ln.box[1] > ymin + 0.15:
                break  # the heading sits right under the number and date, not down in the body
            if not _is_caps(ln.text) or key.strip(" .:") in _NOT_HEADINGS:
                continue
            if _is_national(ln) or (num and i == num.line) or (dt and i == dt.line):
                continue
            match = _match_type(key)
            if match:
                self.heading = i
                self._heading_fields(i, match)
                return
            words = key.split()
            if fallback is None and 1 <= len(words) <= 6 and not _starts_with(key, _TITLE_WORDS[:8]) \
                    and not self._is_title(ln) and (dt is None or i > dt.line or self.layout):
                fallback = i
            if ln.box is None and i > start + 3:
                break
        if vv is not None:
            self.meta.doc_type = "Công văn"
            self._vv_subject(vv)
            return
        # no heading, no V/v: a letter still opens with "Kính gửi"
        for ln in lines[:limit]:
            if ln.key.startswith(_KINH_GUI):
                self.meta.doc_type = "Công văn"
                return
        if fallback is not None and (num or dt):
            # a heading of a type not in the list: printed in capitals, centred, under the date
            name = _sentence_case(lines[fallback].text.strip(" .:"))
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
        paper = _fold(name).startswith("giay")  # Giấy phép, Giấy chứng nhận, Giấy xác nhận...
        words_max = 12 if paper and len(_fold(heading)) <= plen + 2 else 6
        # ("TÌNH TRẠNG HÔN NHÂN" has a title's word but is no signer's title)
        titled = _strong_title([nxt]) if paper and nxt else nxt is not None and self._is_title(nxt)
        if nxt and _is_caps(nxt.text) and self._near(lines[i], nxt) and not titled \
                and not _starts_with(nxt.key, _TITLE_WORDS[:8]) and not _starts_with(nxt.key, _ORG_HEADS) \
                and (not self.layout or 0.3 < nxt.cx < 0.7) and len(nxt.text.split()) <= words_max \
                and not nxt.key.startswith(("ve ", "v/v")) and not _parse_number(nxt.text):
            heading += " " + lines[j].text.strip(" .:")
            j += 1
        parts: list[str] = []
        rest = _fold(heading)[plen:].strip(" .:,")
        named = len(rest) >= 3
        if named:
            parts.append(_sentence_case(heading))
        prev = lines[i]
        first = True
        while j < len(lines) and len(parts) < 6:
            ln = lines[j]
            if first and re.match(r"S\w{0,2}\s*[:;.]", ln.text.strip()) and _parse_number(ln.text):
                j += 1  # the number printed again under a permit's name
                prev = ln
                continue
            if named and paper and not ln.text.lstrip(_JUNK).startswith("(") and not _is_caps(ln.text) \
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
            if _upper_ratio(subject) >= 0.75:  # printed in capitals: written back in running-text case
                subject = self._body_case(_sentence_case(subject))
            self.meta.subject = subject

    def _near(self, a: _Line, b: _Line) -> bool:
        if not (a.box and b.box):
            return True
        return b.box[1] - a.box[3] < 1.2 * max(a.height, b.height)

    def _stops_subject(self, ln: _Line, prev: _Line, first: bool) -> bool:
        key = ln.key.strip()
        text = ln.text.strip()
        if not _has_letters(text):
            return True
        if _is_caps(text) and not _VV.match(key) and not key.startswith("ve viec"):
            # a summary printed in capitals is one long line right under the heading, or wraps onto a
            # line that reads on ("... THỦ TỤC HÀNH CHÍNH / TRONG LĨNH VỰC ĐẤT ĐAI"); the authority
            # line ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH") and other headings are not
            plain = not self._is_title(ln) and not _starts_with(key, _ORG_HEADS) \
                and not _starts_with(key, _TITLE_WORDS[:8])
            prev_key = prev.key.rstrip(" ,")
            reads_on = not first and _is_caps(prev.text) and plain and (
                _starts_with(key, _CONTINUES) or prev.text.rstrip().endswith(",")
                or any(prev_key.endswith(" " + h) for h in _HANGING))
            if not (first and len(text.split()) > 6 and plain) and not reads_on:
                return True
            if reads_on and not self.layout:
                return False
        if re.match(r"^(\d+|[ivx]+|[a-z])[.)]\s", key) or re.match(r"^\w[\w ]{0,25}:", key):
            return True
        if key.startswith(_KINH_GUI) or key.startswith("dieu "):
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
            return key.startswith(("can cu", _KINH_GUI))
        if text[:1].islower() or text[:1] in "(\"“":
            return False
        prev_key = prev.key.rstrip(" ,")
        if prev.text.rstrip().endswith((".", ";", ":")):
            return True
        last = prev_key.split()[-1:] if prev_key else []
        last2 = " ".join(prev_key.split()[-2:])
        if (last and last[0] in _HANGING) or last2 in _HANGING:
            # a body paragraph runs the full width; a summary's lines are centred and shorter
            body_wide = len(text) > 75 and len(text) > 1.3 * len(prev.text.strip())
            return _starts_with(key, _BODY_STARTS) or body_wide or _closes(text)
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
            if (_is_caps(ln.text) or not _has_letters(ln.text) or _parse_date(ln.text)
                    or key.startswith(_KINH_GUI) or _is_national(ln) or _starts_with(key, _BODY_STARTS[:3])):
                if self.layout:
                    break
                if _parse_date(ln.text) or _is_national(ln):
                    continue
                break
            parts.append(ln.text)
            prev = ln
        self.meta.subject = _join_wrapped(parts)

    def _vote_spelling(self, phrase: str) -> str:
        """The spelling of a place name that the document uses most, when OCR misread one copy."""
        words = phrase.split()
        n = len(words)
        key = _fold(phrase)
        counts: Counter[str] = Counter()
        tokens = re.findall(r"[^\W\d_]+", self.doc.text)
        for k in range(len(tokens) - n + 1):
            cand = " ".join(tokens[k:k + n])
            if not all(t[:1].isupper() and (len(t) == 1 or not t[1:].isupper()) for t in tokens[k:k + n]):
                continue  # title-case words only: a heading in capitals says nothing about spelling
            ck = _fold(cand)
            if fuzz.ratio(ck, key) >= 85 and [w[0] for w in ck.split()] == [w[0] for w in key.split()]:
                counts[cand] += 1
        if not counts:
            return phrase
        best, c = counts.most_common(1)[0]
        return best if c > counts.get(phrase, 0) and c >= 2 else phrase

    # issuer ---------------------------------------------------------------------------------------

    def _body_case(self, name: str) -> str:
        """Capitals of a name as the running text writes it ("Điện lực Mỹ Tú"); letters are kept."""
        words = name.split()
        fixed = [False] * len(words)
        units = [False] * len(words)
        for i in range(len(words)):
            u = _unit_at(words, i)
            if u:
                units[i:i + u[1]] = [True] * u[1]
        if len(words) > 40:
            return name
        for k in range(min(len(words), 8), 1, -1):
            for i in range(len(words) - k + 1):
                if all(fixed[i:i + k]):
                    continue
                pat = r"(?<!\w)" + r"\s+".join(re.escape(_fold(w)) for w in words[i:i + k]) + r"(?!\w)"
                for m in re.finditer(pat, self.doc.key):
                    found = self.doc.text[m.start():m.end()].split()
                    if _upper_ratio(" ".join(found)) > 0.5 or len(found) != k:
                        continue
                    for j, f in enumerate(found):
                        w = words[i + j]
                        # only raise a capital the casing rules missed ("Điện lực Mỹ Tú"), never lower one
                        if not fixed[i + j] and f.lower() == w and f[:1].isupper() and not units[i + j]:
                            words[i + j] = f
                        fixed[i + j] = True
                    break
        if words and words[0][:1].islower():
            words[0] = _cap(words[0])
        return " ".join(words)

    def _respell(self, name: str) -> str:
        """An agency name with its place name spelled as the document spells it elsewhere."""
        loc = _locality(name)
        if not loc:
            return name
        unit_words = 2 if " " in loc[1] else 1
        proper = " ".join(loc[0].split()[unit_words:])
        if not proper:
            return name
        better = self._vote_spelling(proper)
        return name.replace(proper, better) if better != proper else name

    def _issuer(self, num: _Number | None, dt: _Date | None) -> None:
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
            stripped = _strip_national(ln)
            if stripped is None or _is_national(stripped):
                continue
            text = _trim(stripped.text).strip(" -_=~.")
            text = re.sub(r"(?<=[^\W\d_]{3})[.:;'`\"]+(?=\s|$)|(?<=\w)[:;](?=\w)", " ", text)
            text = re.sub(r"\b(TỈNH|HUYỆN|QUẬN|PHƯỜNG)(?=[^\W\d_]{2,})", _unglue, text)
            text = re.sub(r"\s+", " ", text).strip()
            if not _is_caps(text) or _parse_date(text) or _VV.match(stripped.key) or len(text.split()) > 14:
                continue
            text = re.sub(r"\bVP(?=UBND|HĐND|HDND)", "VP ", text)
            key = _fold(text)
            if names and (not _starts_with(key, _ORG_HEADS) or _unit_at(text.split(), 0)
                          or key.startswith(("va ", "- "))):
                names[-1] += " " + text
            else:
                names.append(text)
        names = [re.sub(r"\s+", " ", n).strip() for n in names if _has_letters(n, 3)]
        if not names:
            return
        agency = self._body_case(self._respell(_case_name(names[-1])))
        parent = self._body_case(self._respell(_case_name(names[-2]))) if len(names) > 1 else None
        if not _locality(agency) and parent:
            loc = _locality(parent) or self._locality_in_text(agency)
            parent_full = re.sub(r"^VP\b", "Văn phòng", parent)
            if loc and _fold(agency).endswith(" " + loc[1]):
                agency = agency[: -len(loc[1])].rstrip()  # "Bệnh viện Đa khoa tỉnh" + "tỉnh Hậu Giang"
            agency = f"{agency} {loc[0]} ({parent_full})" if loc else f"{agency} ({parent_full})"
        else:
            agency = self._complete_locality(agency, parent)
        self.meta.issuer = agency

    def _locality_in_text(self, agency: str) -> tuple[str, str] | None:
        """The province the document names right after the agency ("Chi cục Thủy lợi tỉnh Bạc Liêu")."""
        name = r"\s+".join(re.escape(w) for w in _fold(agency).split())
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
        if unit not in _DISTRICT_UNITS or re.search(r",\s*(tỉnh|thành phố)\s", agency, re.I):
            return agency
        higher = _locality(parent) if parent else None
        if higher and higher[1] in _PROVINCE_UNITS and higher[0] != phrase:
            return f"{agency}, {higher[0]}"
        if higher and unit in _COMMUNE_UNITS and higher[1] in _DISTRICT_UNITS \
                and higher[1] not in _COMMUNE_UNITS \
                and re.search(r",\s*(huyện|quận|thị xã|thành phố)\s", agency, re.I) is None:
            # a commune under its district's line ("UBND HUYỆN MỸ TÚ"): the district, then its province
            agency = f"{agency}, {higher[0]}"
            phrase, unit = higher
        key = self.doc.key
        text = self.doc.text
        pat = (re.escape(_fold(phrase))
               + r"\s*,\s*((?:huyen|quan|thi xa|thanh pho)\s+[^,\n;.]+?,\s*)?(tinh|thanh pho)\s+")
        if unit == "thanh pho":
            pat = re.escape(_fold(phrase)) + r"\s*,\s*()(tinh)\s+"
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
                key = re.sub(r"\s+", " ", _trim(ln.key))
                if len(key) <= 30 and fuzz.ratio(_NOI_NHAN, key[:8]) >= 80:
                    found = (p, i)
            if found:
                break
        items: list[str] = []
        if found:
            p, i = found
            self.noi_nhan_page = p
            head = self.doc.pages[p][i]
            m = re.search(r"nh\w{1,2}n?\s*:", head.key)
            after = _trim(head.text[m.end():]) if m else ""
            lines = self.doc.pages[p][i + 1:]
            if self.layout and head.box:
                below = [ln for ln in lines if ln.box and ln.box[1] > head.box[1] and ln.cx < 0.5]
                lines = [ln for ln in below if ln.box[0] < head.box[0] + 0.08]
                lines.sort(key=lambda ln: ln.box[1])
                lines = _rejoin(lines, [ln for ln in below if ln.box[0] >= head.box[0] + 0.08])
            seed = [_Line(after, head.page, head.box)] if _has_letters(after) else []
            if seed and (self._is_title(seed[0]) or _name_of(after)):
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
                k = _fold(it)
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

    def _list_items(self, lines: list[_Line], head: _Line) -> tuple[list[str], list[_Line]]:
        items: list[str] = []
        used: list[_Line] = []
        prev: _Line | None = head
        # in a list whose items start with dashes, a line without one carries on the item above it
        # ("- Các cơ quan chuyên môn thuộc / UBND huyện;") unless that item was closed with ";" or "."
        marks = [bool(_DASH.match(ln.text.strip().lstrip(_JUNK))) for ln in lines if _has_letters(ln.text)]
        dashed_list = sum(marks) >= 2 and sum(marks) * 2 >= len(marks)
        for ln in lines:
            text = ln.text.strip().lstrip(_JUNK)
            key = ln.key.strip()
            if self.layout and prev is not None and prev.box and ln.box and prev is not head:
                if ln.box[1] - prev.box[3] > 2.0 * max(prev.height, 0.012):
                    break
            dashed = bool(_DASH.match(text)) and not text.startswith("+")
            body = _DASH.sub("", text).strip()
            if not _has_letters(body):
                continue
            signer_like = self._is_title(ln) or _name_of(text) or (_is_caps(body) and len(body) <= 4)
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
            if not _fold(it).startswith("luu"):
                it = it.rstrip(" .")
            if _has_letters(it):
                cleaned.append(it)
        return cleaned, used

    def _kinh_gui(self) -> list[str]:
        lines = self.first
        for i, ln in enumerate(lines[:60]):
            key = ln.key.strip()
            if not (key.startswith(_KINH_GUI) or fuzz.ratio(key[:9], "kinh gui:") >= 85):
                continue
            after = ln.text.split(":", 1)[1].strip() if ":" in ln.text[:15] else ln.text[9:].strip()
            rest = []
            for nxt in lines[i + 1:i + 25]:
                above = rest[-1].text if rest else after
                runs_on = bool(above) and nxt.text[:1].islower() and not above.rstrip().endswith((";", "."))
                if self.layout and nxt.box and ln.box and nxt.box[0] < ln.box[0] + 0.05 \
                        and not _DASH.match(nxt.text) and not runs_on:
                    break  # the body, back at the margin (a "- item" list may start left of "Kính gửi")
                if not self.layout and not _DASH.match(nxt.text) and not nxt.text[:1].islower():
                    break
                rest.append(nxt)
                if nxt.text.rstrip().endswith("."):
                    break
            seed = [_Line(after, ln.page, ln.box)] if _has_letters(after) else []
            items, _ = self._list_items_simple(seed + rest)
            return items
        return []

    def _list_items_simple(self, lines: list[_Line]) -> tuple[list[str], list[_Line]]:
        items: list[str] = []
        for ln in lines:
            text = ln.text.strip().lstrip(_JUNK)
            dashed = bool(_DASH.match(text))
            body = _DASH.sub("", text).strip()
            if not _has_letters(body):
                continue
            if dashed or not items or items[-1].endswith((";", ".")) or not body[:1].islower():
                items.append(body)
            else:
                items[-1] += " " + body
        return [re.sub(r"[\s;,.\-]+$", "", it) for it in items if _has_letters(it)], lines

    # signer ---------------------------------------------------------------------------------------

    def _is_title(self, ln: _Line) -> bool:
        text = _title_text(ln.text)
        if _DASH.match(ln.text) and not _strong_title([_Line(text, ln.page)]):
            return False  # a "- ..." list item, unless it plainly reads as a title
        if ":" in text or text.endswith((";", ",")) or not _is_caps(text):
            return False
        key = _fold(text)
        if _SIGN_PREFIX.match(text) and _has_letters(text[3:], 3):
            return True
        words = key.split()
        if any(re.search(r"(?<![a-z])" + re.escape(w) + r"(?![a-z])", key) for w in _TITLE_WORDS):
            return len(words) <= 8
        return len(words) <= 4 and any(fuzz.ratio(key, k) >= 80 for k in _TITLE_KEYS)

    def _signer(self) -> None:
        """The signer block is on the page of "Nơi nhận" (or of the body's closing "./."), not
        necessarily the last one: appendices may follow it."""
        pages = self.doc.pages
        ends = [n for n, page in enumerate(pages) if any(_closes(ln.text) for ln in page)]
        nonempty = [n for n, page in enumerate(pages) if page]
        if not nonempty:
            return
        home = self.noi_nhan_page if self.noi_nhan_page is not None else ends[-1] if ends else nonempty[-1]
        for n in (home, home + 1, home - 1, nonempty[-1]):
            if 0 <= n < len(pages) and pages[n] and self._signer_on(pages[n], single_page=len(nonempty) == 1):
                return

    def _signer_on(self, last: list[_Line], single_page: bool) -> bool:
        start = 0
        for i, ln in enumerate(last):
            if _closes(ln.text):
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
            cands = _merge_rows(cands, self._is_title)
        blocks: list[dict] = []
        last_title = -2
        for k, ln in enumerate(cands):
            if self._is_title(ln) and not _is_national(ln):
                cur = blocks[-1] if blocks else None
                # without boxes, a block's title lines are consecutive lines
                apart = not self.layout and k != last_title + 1
                last_title = k
                if cur is None or cur["name"] is not None or apart \
                        or not self._title_follows(cur["titles"][-1], ln):
                    if cur is not None and cur["name"] is None and not apart \
                            and _strong_title(cur["titles"]) and not _strong_title([ln]):
                        continue  # stamp or signature noise read as capitals inside a block
                    blocks.append({"titles": [ln], "name": None})
                else:
                    cur["titles"].append(ln)
                continue
            name = _name_of(ln.text)
            if name and blocks and blocks[-1]["name"] is None:
                if not self.layout or abs(ln.cx - blocks[-1]["titles"][0].cx) < 0.15:
                    blocks[-1]["name"] = (name, ln)
        if not blocks:
            # no title survived the scan: a name alone at the foot of the signer column is still the signer
            names = [(_name_of(ln.text), ln) for ln in cands[-6:]]
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
        titles = [_case_title(_title_text(t.text)) for t in block["titles"]]
        title = " - ".join(t for t in titles if t)
        if block["name"]:
            (rank, person), _ = block["name"]
            self.meta.signer_name = person
            if rank:
                title = f"{title} ({rank})"
        self.meta.signer_title = title or None
        return True

    def _title_follows(self, prev: _Line, ln: _Line) -> bool:
        if not (prev.box and ln.box):
            return True
        return ln.box[1] - prev.box[3] < 1.0 * max(prev.height, ln.height) and abs(ln.cx - prev.cx) < 0.15

    # dossier codes --------------------------------------------------------------------------------

    def _dossier_codes(self) -> None:
        seen: list[str] = []
        text = self.doc.text
        for m in _DOSSIER.finditer(text):
            g = m.groups()
            d = [_digits(x) if x else "" for x in g]
            units = "".join("." + _digits(u) for u in re.findall(rf"{_D}{{2,3}}", g[5] or ""))
            prefix = f"{d[0]}.{d[1]}.{d[2]}." if g[0] else ""
            code = f"{prefix}{g[3]}{d[4]}{units}-{d[6]}-{d[7]}"
            if code not in seen:
                seen.append(code)
        self.meta.dossier_codes = seen


# --- helpers used by the extractor ----------------------------------------------------------------


def _rejoin(lines: list[_Line], pieces: list[_Line]) -> list[_Line]:
    """`lines` with the pieces that OCR cut off their right end ("- Lưu:" + "KSTT." where a word
    was lost) put back: same row, starting soon after the line ends."""
    out = list(lines)
    for piece in sorted(pieces, key=lambda ln: ln.box[0]):
        for k, ln in enumerate(out):
            mid = (piece.box[1] + piece.box[3]) / 2
            if ln.box[1] < mid < ln.box[3] and 0 <= piece.box[0] - ln.box[2] < 0.1:
                box = (ln.box[0], min(ln.box[1], piece.box[1]), piece.box[2], max(ln.box[3], piece.box[3]))
                out[k] = _Line(f"{ln.text} {piece.text}", ln.page, box)
                break
    return out


def _merge_rows(lines: list[_Line], is_title: Callable[[_Line], bool], gap: float = 0.05) -> list[_Line]:
    """Pieces of a title line that OCR cut apart ("GI" "ĐỐC" where a stroke crossed "GIÁM ĐỐC") joined
    again, left to right, when together, and neither alone, they read as a title; `lines` sorted top
    to bottom."""
    out: list[_Line] = []
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
                joined = _Line(f"{a.text} {b.text}", ln.page, box)
                if is_title(joined):
                    out[k] = joined
                    break
        else:
            out.append(ln)
    return out


def _wide_lines(page: Sequence[_Line]) -> int:
    return sum(1 for ln in page if ln.box and ln.box[2] - ln.box[0] > 0.5)


def _margins(page: Sequence[_Line]) -> tuple[float, float]:
    """Left and right edges of the body text on a page (fractions of its width)."""
    wide = [ln.box for ln in page if ln.box and ln.box[2] - ln.box[0] > 0.5]
    if len(wide) < 3:
        return 0.1, 0.9
    lefts = sorted(b[0] for b in wide)
    rights = sorted(b[2] for b in wide)
    return lefts[len(lefts) // 10], rights[len(rights) * 9 // 10]


def _title_text(text: str) -> str:
    """A signer-block line without specks or a dash-like smear before it."""
    return _trim(text).lstrip("-–—_ ").strip()


def _unglue(m: re.Match[str]) -> str:
    rest = re.match(r"[^\W\d_]+", m.string[m.end():])
    return m.group(0) + " " if rest and is_valid_syllable(rest.group(0)) else m.group(0)


def _closes(text: str) -> bool:
    """Whether a line ends the body: the "./." printed after its last sentence."""
    return "./." in text or text.rstrip().endswith("/.")


def _strong_title(lines: Sequence[_Line]) -> bool:
    """Whether a signer block's title lines carry a signing prefix or a known official title."""
    for ln in lines:
        if _SIGN_PREFIX.match(ln.text):
            return True
        key = _fold(ln.text).strip(" .,")
        if key in _TITLE_KEYS or any(fuzz.ratio(key, k) >= 88 for k in _TITLE_KEYS):
            return True
    return False


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
        found = _unit_at(words, i)
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


def _name_of(text: str) -> tuple[str | None, str] | None:
    """(rank or degree, person name) when a line reads like a signer's name: "Đại tá Nguyễn Hữu Lộc"."""
    text = _trim(text).strip(" .,;-–—")
    if not text or any(c.isdigit() for c in text) or ":" in text or text.startswith("("):
        return None
    rank = None
    key = _fold(text)
    for rkey, r in _RANK_KEYS:
        if key.startswith(rkey + " "):
            rank = r
            text = text[len(rkey):].strip()
            break
    if rank is None:
        m = _DEGREE.match(text)
        if m and m.group(0).strip():
            rank = m.group(0).strip()
            text = text[m.end():].strip()
    words = text.split()
    if not 2 <= len(words) <= 6:
        return None
    if _upper_ratio(text) > 0.75:
        # a name printed in capitals: only with a family name in front, so titles are not taken for one
        if _fold(words[0]) in _SURNAMES and all(w.isalpha() and is_valid_syllable(w) for w in words):
            return rank, " ".join(_cap(w.lower()) for w in words)
        return None
    ok = 0
    for w in words:
        if not (w[:1].isupper() and (w[1:].islower() or len(w) == 1) and w.isalpha()):
            return None
        ok += is_valid_syllable(w)
    if ok < len(words) - 1:
        return None
    if any(_fold(w) in ("so", "phong", "uy", "ban", "ngay", "thang", "nam") for w in words[:1]):
        return None
    return rank, text


# --- public API -----------------------------------------------------------------------------------


def extract_from_text(text: str) -> DocumentMetadata:
    """Metadata of a document from its text: pages separated by form feeds, one printed line a line."""
    return _Extractor(_Doc(_lines_from_text(text), layout=False)).run()


def extract_from_result(result: OcrResult) -> DocumentMetadata:
    """Metadata of a recognised document, using the word boxes to read its layout."""
    pages, layout = _lines_from_result(result)
    return _Extractor(_Doc(pages, layout=layout)).run()
