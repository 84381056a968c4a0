"""Metadata extraction on awkward Decree 30 layouts: synthetic text, and one hand-built OCR result."""

from __future__ import annotations

from ingest.metadata.extract import extract_from_result, extract_from_text
from schemas.ocr import BBox, OcrLine, OcrPage, OcrResult, OcrWord

DECISION = """\
ỦY BAN NHÂN DÂN
HUYỆN LONG PHÚ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 305/QĐ-UBND
Long Phú, ngày 7 tháng 9 năm 2022
QUYẾT ĐỊNH
Về việc công bố danh mục thủ tục hành chính được tiếp nhận
tại Bộ phận Một cửa huyện Long Phú
CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN LONG PHÚ
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Căn cứ Quyết định số 120/QĐ-UBND ngày 2 tháng 3 năm 2022 của Ủy ban nhân dân tỉnh Sóc Trăng;
QUYẾT ĐỊNH:
Điều 1. Công bố kèm theo Quyết định này danh mục thủ tục hành chính.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.
Nơi nhận:
- Như Điều 2;
- Ủy ban nhân dân các xã, phường,
thị trấn;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn Tư
"""


def test_decision_two_line_agency_is_joined_and_completed_with_its_province():
    meta = extract_from_text(DECISION)
    assert meta.issuer == "Ủy ban nhân dân huyện Long Phú, tỉnh Sóc Trăng"
    assert meta.doc_type == "Quyết định"
    assert (meta.number, meta.symbol) == ("305", "QĐ-UBND")
    assert meta.place == "Long Phú"
    assert meta.issued_date == "2022-09-07"  # written without leading zeros
    assert meta.subject == ("Về việc công bố danh mục thủ tục hành chính được tiếp nhận "
                            "tại Bộ phận Một cửa huyện Long Phú")


def test_tm_kt_signer_block_and_wrapped_recipient():
    meta = extract_from_text(DECISION)
    assert meta.signer_title == "TM. Ủy ban nhân dân - KT. Chủ tịch - Phó Chủ tịch"
    assert meta.signer_name == "Nguyễn Văn Tư"
    assert meta.recipients == ["Như Điều 2", "Ủy ban nhân dân các xã, phường, thị trấn", "Lưu: VT."]


def test_parent_body_in_parentheses_and_q_signer_with_leading_zero_date():
    text = """\
SỞ TƯ PHÁP TỈNH BẾN TRE
PHÒNG HÀNH CHÍNH TƯ PHÁP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 09/BC-HCTP
Bến Tre, ngày 05 tháng 01 năm 2024
BÁO CÁO
Kết quả giải quyết hồ sơ lý lịch tư pháp năm 2023
Thực hiện chỉ đạo của Giám đốc Sở, Phòng báo cáo như sau:
1. Tiếp nhận 1.204 hồ sơ./.
Nơi nhận:
- Giám đốc Sở;
- Lưu: VT.
Q. TRƯỞNG PHÒNG
Lê Thị Hồng Nhung
"""
    meta = extract_from_text(text)
    assert meta.issuer == "Phòng Hành chính tư pháp tỉnh Bến Tre (Sở Tư pháp tỉnh Bến Tre)"
    assert meta.doc_type == "Báo cáo"
    assert meta.issued_date == "2024-01-05"
    assert meta.subject == "Kết quả giải quyết hồ sơ lý lịch tư pháp năm 2023"
    assert meta.signer_title == "Q. Trưởng phòng"
    assert meta.signer_name == "Lê Thị Hồng Nhung"


LETTER = """\
UBND TỈNH CÀ MAU
SỞ NỘI VỤ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 1402/SNV-CCHC
V/v đôn đốc số hóa hồ sơ, kết quả
giải quyết thủ tục hành chính
Cà Mau, ngày 18 tháng 10 năm 2023
Kính gửi:
- Các sở, ban, ngành tỉnh;
- Ủy ban nhân dân các huyện, thành phố.
Thực hiện Nghị định số 45/2020/NĐ-CP ngày 8 tháng 4 năm 2020 của Chính phủ, Sở Nội vụ đề nghị
các cơ quan, đơn vị số hóa hồ sơ 000.00.12.H12-231001-0007 và 000.00.12.H12-231002-0011 theo
thủ tục 1.011442.000.00.00.H12; hồ sơ 000.00.12.H12-231001-0007 đã hoàn thành./.
Nơi nhận:
- Như trên;
- Lưu: VT, CCHC.
TL. GIÁM ĐỐC
CHÁNH VĂN PHÒNG
Trần Minh Khoa
"""


def test_letter_with_vv_and_addressees_in_place_of_nhu_tren():
    meta = extract_from_text(LETTER)
    assert meta.doc_type == "Công văn"
    assert (meta.number, meta.symbol) == ("1402", "SNV-CCHC")
    assert meta.subject == "V/v đôn đốc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính"
    assert meta.issuer == "Sở Nội vụ tỉnh Cà Mau (UBND tỉnh Cà Mau)"
    assert meta.recipients == ["Các sở, ban, ngành tỉnh", "Ủy ban nhân dân các huyện, thành phố",
                               "Lưu: VT, CCHC."]
    assert meta.signer_title == "TL. Giám đốc - Chánh Văn phòng"


def test_dossier_codes_found_in_order_without_duplicates_or_procedure_codes():
    meta = extract_from_text(LETTER)
    assert meta.dossier_codes == ["000.00.12.H12-231001-0007", "000.00.12.H12-231002-0011"]
    noisy = extract_from_text("Mã hồ sơ: OOO.31.26.H55 - 23O412-0015.\nThủ tục: 2.000305.000.00.00.H55")
    assert noisy.dossier_codes == ["000.31.26.H55-230412-0015"]


def test_document_without_number_or_date_gives_nulls_not_guesses():
    text = """\
CÔNG AN XÃ PHÚ TÂM
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
GIẤY MỜI
Công an xã Phú Tâm trân trọng kính mời ông Danh Văn Tuấn đến làm việc.
"""
    meta = extract_from_text(text)
    assert meta.number is None and meta.symbol is None
    assert meta.issued_date is None and meta.place is None
    assert meta.doc_type == "Giấy mời"
    assert meta.signer_name is None and meta.recipients == [] and meta.dossier_codes == []


def test_ocr_noise_without_diacritics_on_keywords():
    text = """\
UY BAN NHAN DAN
TINH HAU GIANG
CONG HOA XA HOI CHU NGHIA VIET NAM
Doc lap - Tu do - Hanh phuc
Sô: 77/TB-UBND
Vị Thanh, ngay 3 thang 2 nam 2020
THONG BAO
Về việc tạm dừng tiếp nhận hồ sơ trực tiếp
Ủy ban nhân dân tỉnh thông báo như sau./.
Noi nhan:
- Các sở, ngành;
- Luu: VT.
KT. CHU TICH
PHO CHU TICH
Trương Cảnh Tuyên
"""
    meta = extract_from_text(text)
    assert meta.doc_type == "Thông báo"
    assert (meta.number, meta.symbol) == ("77", "TB-UBND")
    assert meta.issued_date == "2020-02-03"
    assert meta.place == "Vị Thanh"
    assert meta.issuer is not None and meta.issuer.lower().startswith("uy ban nhan dan tinh hau giang")
    assert meta.recipients == ["Các sở, ngành", "Luu: VT."]
    assert meta.signer_title == "KT. Chủ tịch - Phó Chủ tịch"
    assert meta.signer_name == "Trương Cảnh Tuyên"


def test_symbol_with_year_and_d_read_for_dj():
    meta = extract_from_text("CHÍNH PHỦ\nSố: 61/2018/ND-CP\nHà Nội, ngày 23 tháng 4 năm 2018\nNGHỊ ĐỊNH\n"
                             "Về thực hiện cơ chế một cửa\nCăn cứ Luật Tổ chức Chính phủ;")
    assert (meta.number, meta.symbol) == ("61", "2018/NĐ-CP")
    assert meta.doc_type == "Nghị định"
    assert meta.issuer == "Chính phủ"


def _line(words: list[tuple[str, int, int]], y: int, h: int = 50, block: int = 0) -> OcrLine:
    """A line of words given as (text, x, width) at height y."""
    ws = [OcrWord(text=t, conf=90, bbox=BBox(x=x, y=y, w=w, h=h)) for t, x, w in words]
    x0 = min(x for _, x, _ in words)
    x1 = max(x + w for _, x, w in words)
    return OcrLine(text=" ".join(t for t, _, _ in words), block=block, bbox=BBox(x=x0, y=y, w=x1 - x0, h=h),
                   words=ws)


def _split(text: str, x: int, y: int) -> OcrLine:
    words = []
    for t in text.split():
        words.append((t, x, 24 * len(t)))
        x += 24 * len(t) + 20
    return _line(words, y)


def test_layout_splits_merged_columns_and_reads_lower_blocks():
    merged_head = _split("VPUBND TỈNH KIÊN GIANG", 300, 250)
    title = _split("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1150, 250)
    merged_head = OcrLine(text=merged_head.text + " " + title.text, bbox=BBox(x=300, y=250, w=2000, h=50),
                          words=merged_head.words + title.words)
    page1 = [
        merged_head,
        _split("BAN QUẢN LÝ DỰ ÁN", 350, 320),
        _split("Độc lập - Tự do - Hạnh phúc", 1350, 320),
        _split("Số: 45/TTr-BQLDA", 380, 420),
        _split("Kiên Giang, ngày 02 tháng 6 năm 2024", 1250, 420),
        _split("TỜ TRÌNH", 1100, 520),
        _split("Đề nghị phê duyệt kế hoạch số hóa", 850, 600),
        _split("Ban Quản lý dự án kính trình Chánh Văn phòng xem xét phê duyệt kế hoạch./.", 250, 720),
    ]
    # "Nơi nhận" (left) and the signer block (right) share lines, as OCR often reads them
    nn = _split("Nơi nhận:", 250, 900)
    sig1 = _split("KT. TRƯỞNG BAN", 1500, 900)
    page2_lines = [
        OcrLine(text=nn.text + " " + sig1.text, bbox=BBox(x=250, y=900, w=1700, h=50),
                words=nn.words + sig1.words),
        _split("- Chánh Văn phòng;", 250, 960),
        _split("PHÓ TRƯỞNG BAN", 1480, 960),
        _split("- Lưu: VT.", 250, 1020),
        _split("v.AN", 1600, 1100),
        _split("Hồ Thanh Bình", 1520, 1300),
    ]
    result = OcrResult(source="x.pdf", pages=[
        OcrPage(number=1, text="\n".join(ln.text for ln in page1), width=2480, height=3508, lines=page1),
        OcrPage(number=2, text="\n".join(ln.text for ln in page2_lines), width=2480, height=3508,
                lines=page2_lines),
    ])
    meta = extract_from_result(result)
    assert meta.issuer == "Ban Quản lý dự án tỉnh Kiên Giang (Văn phòng UBND tỉnh Kiên Giang)"
    assert (meta.number, meta.symbol, meta.issued_date) == ("45", "TTr-BQLDA", "2024-06-02")
    assert meta.doc_type == "Tờ trình"
    assert meta.subject == "Đề nghị phê duyệt kế hoạch số hóa"
    assert meta.recipients == ["Chánh Văn phòng", "Lưu: VT."]
    assert meta.signer_title == "KT. Trưởng ban - Phó Trưởng ban"
    assert meta.signer_name == "Hồ Thanh Bình"


def test_two_signature_blocks_take_the_last_and_caps_name_and_leading_zero_number():
    text = """\
CÔNG TY ĐIỆN LỰC SÓC TRĂNG
ĐIỆN LỰC MỸ TÚ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 03/BB-ĐLMT
Mỹ Tú, ngày 10 tháng 10 năm 2022
BIÊN BẢN
Nghiệm thu hoàn thành công trình
Hôm nay, tại Điện lực Mỹ Tú, hai bên thống nhất nghiệm thu./.
THƯ KÝ
Lý Thanh Tâm
CHỦ TRÌ
(Đã ký)
TRỊNH MINH HOÀNG
"""
    meta = extract_from_text(text)
    assert meta.number == "03"  # as printed
    assert meta.issuer is not None and meta.issuer.startswith("Điện lực Mỹ Tú (Công ty Điện lực")
    assert meta.signer_title == "Chủ trì"
    assert meta.signer_name == "Trịnh Minh Hoàng"


def test_running_text_date_is_not_taken_when_the_header_date_is_unreadable():
    text = """\
ỦY BAN NHÂN DÂN
TỈNH BẠC LIÊU
Số: 2083/QĐ-UBND
Bạc Liêu, ngày +P tháng 12 năm 2016
QUYẾT ĐỊNH
VỀ VIỆC CÔNG BỐ THỦ TỤC HÀNH CHÍNH CỦA BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH BẠC LIÊU
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ;
"""
    meta = extract_from_text(text)
    assert meta.issued_date is None
    assert meta.place == "Bạc Liêu"
    assert meta.subject is not None and meta.subject.startswith("Về việc công bố thủ tục hành chính")
    assert meta.subject.endswith("tỉnh Bạc Liêu")


def test_recipients_read_across_a_merged_signer_column():
    text = """\
SỞ Y TẾ TỈNH BẠC LIÊU
Số: 5/TB-SYT
Bạc Liêu, ngày 2 tháng 3 năm 2024
THÔNG BÁO
Lịch tiếp công dân
Sở Y tế thông báo lịch tiếp công dân./.
Nơi nhận:
KT. GIÁM ĐỐC
- Bệnh viện tỉnh;
PHÓ GIÁM ĐỐC
- Lưu: VT.
BS.CKII. Trần Thanh Hùng
"""
    meta = extract_from_text(text)
    assert meta.recipients == ["Bệnh viện tỉnh", "Lưu: VT."]
    assert meta.signer_title == "KT. Giám đốc - Phó Giám đốc (BS.CKII.)"
    assert meta.signer_name == "Trần Thanh Hùng"


def test_symbol_slips_are_repaired_against_the_type_and_unit_codes():
    text = """\
CÔNG AN TỈNH TIỀN GIANG
PHÒNG CẢNH SÁT QUẢN LÝ
HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI
Số: 87/GM-PC0G
VỊ Thanh, ngày 15 tháng 01 năm 2024
GIẤY MỜI
Dự họp triển khai cấp Căn cước
"""
    meta = extract_from_text(text)
    assert meta.symbol == "GM-PC06"
    assert meta.place == "Vị Thanh"
    # "xã hội" is no commune: the parent police department stays in the issuer
    assert meta.issuer == ("Phòng Cảnh sát quản lý hành chính về trật tự xã hội tỉnh Tiền Giang "
                           "(Công an tỉnh Tiền Giang)")
    doubled = extract_from_text("Số: 5/QĐĐ-UBND\nHà Nội, ngày 1 tháng 2 năm 2020\nQUYẾT ĐỊNH\n")
    assert doubled.symbol == "QĐ-UBND"


def test_signer_found_before_an_appendix_page():
    text = (DECISION + "\f" + "PHỤ LỤC\nDANH MỤC THỦ TỤC HÀNH CHÍNH\n(Kèm theo Quyết định số 305/QĐ-UBND)\n"
            "1. Đăng ký khai sinh\nGIÁM ĐỐC TRUNG TÂM\n")
    meta = extract_from_text(text)
    assert meta.signer_title == "TM. Ủy ban nhân dân - KT. Chủ tịch - Phó Chủ tịch"
    assert meta.signer_name == "Nguyễn Văn Tư"
    assert meta.recipients[0] == "Như Điều 2"
