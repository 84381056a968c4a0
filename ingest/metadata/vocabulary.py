"""The words and patterns administrative documents are read by, in folded form (marks stripped, lower
case) unless said otherwise: the national title and motto, document types and their symbol codes,
agency heads, administrative units, official titles and ranks, family names, the phrases a body or a
subject starts or runs on with, and the patterns of a number and symbol, a date, "V/v" and a dossier
code as OCR reads them."""

from __future__ import annotations

import re

from ingest.vietnamese.orthography import fold

# The national title and motto printed at the top right of every page 1.
NATIONAL = "cong hoa xa hoi chu nghia viet nam"
MOTTO = "doc lap - tu do - hanh phuc"

# Document types, longest first once sorted; canonical spelling as in Decree 30 and the TTHC forms.
TYPES = [
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
TYPE_KEYS = sorted(((fold(t), t) for t in TYPES), key=lambda kt: -len(kt[0]))
# Urgency, secrecy and draft marks: printed in capitals like a heading, but not one.
NOT_HEADINGS = ("khan", "thuong khan", "hoa toc", "mat", "toi mat", "tuyet mat", "du thao")

# Administrative units a place name follows ("tỉnh Sóc Trăng"), with their spellings in capitals or
# abbreviated; a unit word before one of NOT_NAMES is a common noun ("xã hội", "tỉnh ủy").
ADMIN_UNITS = ("thanh pho", "thi xa", "thi tran", "tinh", "huyen", "quan", "xa", "phuong", "tp.", "tp")
NOT_NAMES = {"hoi", "uy", "vien", "doi", "lo", "truong", "ly", "doan"}
UNIT_SPELLINGS = {"thành phố": "thanh pho", "thị xã": "thi xa", "thị trấn": "thi tran", "tỉnh": "tinh",
                  "huyện": "huyen", "quận": "quan", "xã": "xa", "phường": "phuong", "tp.": "thanh pho",
                  "tp": "thanh pho"}
# Words an agency's name starts with: a line starting so begins a new agency, not a wrapped one.
ORG_HEADS = (
    "bo", "so", "cuc", "chi cuc", "tong cuc", "phong", "ban", "trung tam", "van phong", "vp", "uy ban",
    "ubnd", "hoi dong", "hdnd", "cong an", "benh vien", "truong", "vien", "toa an", "kho bac",
    "bao hiem", "dang uy", "doan", "hoi", "chi nhanh", "bo chi huy", "bo phan", "thanh tra", "cong ty",
    "ngan hang", "chinh phu", "tinh uy", "huyen uy", "thanh uy", "dai", "lien doan", "mat tran",
    "tram", "hat", "doi", "to", "hoc vien", "dai hoc", "vu", "ky tuc xa", "quy", "tap doan",
    "dien luc", "xi nghiep", "nha may", "hop tac xa", "tong cong ty", "nha xuat ban", "khoa", "phan vien",
    "dang bo", "chi bo", "cong doan", "thi hanh an", "bo phan",
)
# Units by level, to complete a district's or commune's agency with its province.
DISTRICT_UNITS = ("huyen", "quan", "thi xa", "thanh pho", "xa", "phuong", "thi tran")
PROVINCE_UNITS = ("tinh", "thanh pho")
COMMUNE_UNITS = ("xa", "phuong", "thi tran")

# Signing on another's behalf: "KT." (ký thay), "TM." (thay mặt), "TL." (thừa lệnh), "Q." (quyền)...
SIGN_PREFIX = re.compile(r"^\s*(?:(KT|TM|TL|TUQ)\s*[.,:]?\s+|(KT|TM|TL|TUQ|Q|TQ|PP)\s*[.,:]\s*)")
# Words a signer-block title line contains.
TITLE_WORDS = (
    "chu tich", "giam doc", "truong", "pho", "chanh", "thu ky", "chu tri", "uy ban", "hoi dong", "tong",
    "bi thu", "chu nhiem", "thu truong", "hieu truong", "can bo", "chuyen vien", "ke toan", "to truong",
    "dai dien", "xac nhan", "nguoi", "chinh phu", "thu tuong", "ban chap hanh", "thanh tra", "doi truong",
    "chi huy", "ky thay", "quyen", "nhan", "lap", "thu tuc", "cuc", "vien", "cong an", "chanh an",
    "kiem sat", "chi cuc", "dai dien", "trung tam", "ban", "hoi", "lanh dao", "tham muu",
)
# The first eight: words an authority's or a signer's title line opens with, which no heading or
# summary line does.
HEAD_TITLE_WORDS = TITLE_WORDS[:8]
# Official titles printed in signer blocks, to restore marks lost by OCR ("PHO CHU TỊCH").
TITLES = [
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
TITLE_KEYS = {fold(t) for t in TITLES}
# Military and police ranks printed before a signer's name; DEGREE the academic ones ("TS.", "BS.CKII.").
RANKS = [
    "Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng", "Đại tá", "Thượng tá", "Trung tá",
    "Thiếu tá", "Đại úy", "Thượng úy", "Trung úy", "Thiếu úy",
]
# Family names: a name printed in capitals is only taken for a person's with one in front.
SURNAMES = {fold(x) for x in (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Lâm Sơn Thạch Danh Đinh Trương "
    "Mai Tô Hà Cao Đào Lương Tạ Châu Quách Kim Triệu Chu La Lưu Tăng Đoàn Trịnh Phùng Kiều Lại Thái Tống "
    "Nông Hứa Diệp Giang Đàm Âu Khổng Mạc Thân Lữ Từ Kha Huỳnh Văn Lục Ông Doãn Tiêu Ninh Quan Chế Liêu"
).split()}
RANK_KEYS = sorted(((fold(r), r) for r in RANKS), key=lambda kr: -len(kr[0]))
DEGREE = re.compile(r"^(?:(?:PGS|GS|TS|ThS|BS|BSCKI{1,2}|CKI{1,2}|KS|CN|LS|NCS|DS|TTND|TTƯT)\.\s*)+")

# Phrases a body paragraph (not a subject line) starts with; the first three open the preamble.
BODY_STARTS = (
    "can cu", "thuc hien", "theo", "xet", "nham", "de ", "tren co so", "kinh gui", "hom nay", "vao hoi",
    "vao luc", "sau khi", "qua ", "tiep", "duoc", "trong", "nay ", "hien nay", "tu ngay", "tai ", "dieu",
    "chuong", "phan ", "muc ", "thoi gian", "dia diem", "thanh phan", "noi dung", "cap cho", "ho va ten",
    "ong ", "ba ", "chung toi", "toi ", "ngay ", "cung cap", "kinh thua",
)
PREAMBLE_STARTS = BODY_STARTS[:3]
# Words a wrapped subject line goes on with; HANGING the words a line cut mid-phrase ends with.
CONTINUES = ("trong", "tai", "cua", "va", "tren", "ve", "cho", "doi voi", "theo", "nam", "giai doan", "den",
             "thuoc", "nham", "o", "tu", "qua", "voi", "cac", "nhung", "duoc", "linh vuc")
HANGING = ("va", "cua", "tai", "ve", "cho", "cac", "tren", "theo", "voi", "thuoc", "trong", "den", "so",
           "tinh", "huyen", "xa", "thanh pho", "nam", "nhung", "mot", "doi voi", "nhan dan", "giai quyet")

# A numeric slot read by OCR: digits plus the letters most often confused with them.
OCR_DIGIT = r"[0-9OoIl|SZB]"
_D = OCR_DIGIT
_SEP = r"\s{0,2}[.,:;]\s{0,2}"
# "000.00.17.H55-210516-0001" (national portal) or "H49.20-230315-0001" (a province's system: its
# code, then the unit's); the agency part is followed by the date received and a serial number.
DOSSIER = re.compile(
    rf"(?<![\w.])(?:({_D}{{3}}){_SEP}({_D}{{2}}){_SEP}({_D}{{2}}){_SEP})?([A-Z])\s?({_D}{{2}})"
    rf"((?:{_SEP}{_D}{{2,3}}){{0,3}})"
    rf"\s{{0,2}}-\s{{0,2}}({_D}{{6}})\s{{0,2}}-\s{{0,2}}({_D}{{4}})(?![\d])"
)
# "Số: 15/2023/QĐ-UBND": the number (which may be left blank) and the symbol after the slash.
NUMBER = re.compile(r"(?:^|(?<=\s))S\w{0,2}\s*[:;.,]?\s*([0-9OoIl|]{1,6})?\s*/\s*(\S+(?:\s*[-/]\s*\S+)*)")
_P = r"[\s:.,]*"  # spaces and specks between a date's words
# "ngày 04 tháng 7 năm 2023" as OCR reads it (folded); PLACE_DATE the place before it.
DATE = re.compile(rf"ngay{_P}(\w{{1,2}}){_P}(?:thang|th\w{{2,3}}g){_P}(\w{{1,2}}){_P}"
                  rf"[nh]\w{{1,2}}m{_P}(\w{{4}}|\w{{3}} \w(?!\w))")
PLACE_DATE = re.compile(r"^(.*?)[,.;\-]+\s*ngay\b")
# "V/v" (về việc) opening a letter's subject; DASH a list item's leading dash or bullet.
VV = re.compile(r"^\s*v\s*[/|l1i]\s*[vy]\b\.?\s*:?\s*")
DASH = re.compile(r"^\s*[-–—+•·*_~=]+\s*")
# "Nơi nhận" (the recipients list) and "Kính gửi" (the addressees).
NOI_NHAN = "noi nhan"
KINH_GUI = "kinh gui"

# Codes in a symbol that carry Đ; OCR often reads Đ as D. Only unambiguous ones are repaired.
TYPE_CODES = {
    "Quyết định": "QĐ", "Nghị quyết": "NQ", "Nghị định": "NĐ", "Chỉ thị": "CT", "Quy chế": "QC",
    "Quy định": "QyĐ", "Thông cáo": "TC", "Thông báo": "TB", "Hướng dẫn": "HD", "Chương trình": "CTr",
    "Kế hoạch": "KH", "Phương án": "PA", "Đề án": "ĐA", "Dự án": "DA", "Báo cáo": "BC", "Biên bản": "BB",
    "Tờ trình": "TTr", "Hợp đồng": "HĐ", "Công điện": "CĐ", "Bản ghi nhớ": "GN", "Bản thỏa thuận": "TTh",
    "Giấy ủy quyền": "GUQ", "Giấy mời": "GM", "Giấy giới thiệu": "GGT", "Giấy nghỉ phép": "GNP",
    "Phiếu gửi": "PG", "Phiếu chuyển": "PC", "Phiếu báo": "PB", "Thông tư": "TT",
}
D_CODES = {c.replace("Đ", "D"): c for c in (
    "QĐ", "NĐ", "HĐND", "CĐ", "QyĐ", "TTĐT", "BCĐ", "ĐU", "ĐTN", "HĐQT", "HĐTV", "BQLDA-ĐT", "ĐKKD",
    "ĐKQSDĐ", "NĐ-CP", "QĐ-TTg", "QĐ-UBND", "HĐ-UBND")}


def digits(s: str) -> str:
    """A numeric slot's OCR letters (`OCR_DIGIT`) read back as the digits they stand for."""
    return s.translate(str.maketrans("OoIl|SZB", "00111528"))
