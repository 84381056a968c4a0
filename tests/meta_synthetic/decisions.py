"""Synthetic decisions (Quyết định), resolutions (Nghị quyết) and directives (Chỉ thị): text as
printed and the metadata expected of them."""

from __future__ import annotations

from tests.meta_synthetic.documents import NATIONAL, collector

DECISIONS: list[dict] = []
case = collector(DECISIONS)


case("qd_ubnd_tinh_year_symbol", """\
ỦY BAN NHÂN DÂN
TỈNH HẬU GIANG
""" + NATIONAL + """\
Số: 15/2023/QĐ-UBND
Hậu Giang, ngày 04 tháng 7 năm 2023
QUYẾT ĐỊNH
Ban hành Quy chế phối hợp giải quyết thủ tục hành chính theo cơ chế
một cửa liên thông trên địa bàn tỉnh Hậu Giang
ỦY BAN NHÂN DÂN TỈNH HẬU GIANG
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ;
Theo đề nghị của Chánh Văn phòng Ủy ban nhân dân tỉnh.
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp.
Điều 2. Quyết định này có hiệu lực kể từ ngày 15 tháng 7 năm 2023.
Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Thủ trưởng các sở, ban, ngành tỉnh chịu
trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Như Điều 3;
- Văn phòng Chính phủ (Cục KSTTHC);
- Bộ Tư pháp (Cục Kiểm tra VBQPPL);
- TT. Tỉnh ủy, TT. HĐND tỉnh;
- Lưu: VT, NCTH.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trương Cảnh Tuyên
""",
     doc_type="Quyết định", number="15", symbol="2023/QĐ-UBND", place="Hậu Giang",
     issued_date="2023-07-04", issuer="Ủy ban nhân dân tỉnh Hậu Giang",
     subject="Ban hành Quy chế phối hợp giải quyết thủ tục hành chính theo cơ chế một cửa liên thông "
             "trên địa bàn tỉnh Hậu Giang",
     signer_name="Trương Cảnh Tuyên", signer_title="TM. Ủy ban nhân dân - KT. Chủ tịch - Phó Chủ tịch",
     recipients=["Như Điều 3", "Văn phòng Chính phủ (Cục KSTTHC)", "Bộ Tư pháp (Cục Kiểm tra VBQPPL)",
                 "TT. Tỉnh ủy, TT. HĐND tỉnh", "Lưu: VT, NCTH."])


case("nq_hdnd_tinh", """\
HỘI ĐỒNG NHÂN DÂN
TỈNH KIÊN GIANG
""" + NATIONAL + """\
Số: 12/2023/NQ-HĐND
Kiên Giang, ngày 08 tháng 12 năm 2023
NGHỊ QUYẾT
Quy định mức thu, chế độ thu, nộp lệ phí cấp giấy phép xây dựng
trên địa bàn tỉnh Kiên Giang
HỘI ĐỒNG NHÂN DÂN TỈNH KIÊN GIANG
KHÓA X, KỲ HỌP THỨ MƯỜI BẢY
Căn cứ Luật Phí và lệ phí ngày 25 tháng 11 năm 2015;
Xét Tờ trình số 245/TTr-UBND ngày 10 tháng 11 năm 2023 của Ủy ban nhân dân tỉnh.
QUYẾT NGHỊ:
Điều 1. Quy định mức thu lệ phí cấp giấy phép xây dựng.
Điều 2. Nghị quyết này có hiệu lực từ ngày 01 tháng 01 năm 2024./.
Nơi nhận:
- Ủy ban Thường vụ Quốc hội;
- Chính phủ;
- Bộ Tài chính, Bộ Xây dựng;
- Thường trực Tỉnh ủy;
- Lưu: VT.
CHỦ TỊCH
Mai Văn Huỳnh
""",
     doc_type="Nghị quyết", number="12", symbol="2023/NQ-HĐND", place="Kiên Giang",
     issued_date="2023-12-08", issuer="Hội đồng nhân dân tỉnh Kiên Giang",
     subject="Quy định mức thu, chế độ thu, nộp lệ phí cấp giấy phép xây dựng trên địa bàn tỉnh Kiên Giang",
     signer_name="Mai Văn Huỳnh", signer_title="Chủ tịch",
     recipients=["Ủy ban Thường vụ Quốc hội", "Chính phủ", "Bộ Tài chính, Bộ Xây dựng",
                 "Thường trực Tỉnh ủy", "Lưu: VT."])


case("ct_ubnd_tinh", """\
ỦY BAN NHÂN DÂN
TỈNH BẾN TRE
""" + NATIONAL + """\
Số: 05/CT-UBND
Bến Tre, ngày 17 tháng 5 năm 2022
CHỈ THỊ
Về việc tăng cường kỷ luật, kỷ cương trong giải quyết thủ tục hành chính
Thời gian qua, công tác giải quyết thủ tục hành chính trên địa bàn tỉnh đã có nhiều chuyển
biến tích cực; tuy nhiên tình trạng hồ sơ trễ hạn vẫn còn xảy ra. Chủ tịch Ủy ban nhân dân tỉnh
chỉ thị các sở, ban, ngành tỉnh nghiêm túc thực hiện Chỉ thị này./.
Nơi nhận:
- Văn phòng Chính phủ;
- TT. TU, TT. HĐND tỉnh;
- Các sở, ban, ngành tỉnh;
- UBND các huyện, thành phố;
- Lưu: VT, KSTT.
CHỦ TỊCH
Trần Ngọc Tam
""",
     doc_type="Chỉ thị", number="05", symbol="CT-UBND", place="Bến Tre", issued_date="2022-05-17",
     issuer="Ủy ban nhân dân tỉnh Bến Tre",
     subject="Về việc tăng cường kỷ luật, kỷ cương trong giải quyết thủ tục hành chính",
     signer_name="Trần Ngọc Tam", signer_title="Chủ tịch",
     recipients=["Văn phòng Chính phủ", "TT. TU, TT. HĐND tỉnh", "Các sở, ban, ngành tỉnh",
                 "UBND các huyện, thành phố", "Lưu: VT, KSTT."])


case("qd_bo_tu_phap", """\
BỘ TƯ PHÁP
""" + NATIONAL + """\
Số: 1234/QĐ-BTP
Hà Nội, ngày 19 tháng 6 năm 2023
QUYẾT ĐỊNH
Về việc công bố thủ tục hành chính mới ban hành, thủ tục hành chính
được sửa đổi trong lĩnh vực hộ tịch
BỘ TRƯỞNG BỘ TƯ PHÁP
Căn cứ Nghị định số 98/2022/NĐ-CP ngày 29 tháng 11 năm 2022 của Chính phủ;
Xét đề nghị của Cục trưởng Cục Hộ tịch, quốc tịch, chứng thực.
QUYẾT ĐỊNH:
Điều 1. Công bố kèm theo Quyết định này thủ tục hành chính trong lĩnh vực hộ tịch.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.
Nơi nhận:
- Như Điều 2;
- Văn phòng Chính phủ (Cục KSTTHC);
- Lưu: VT, HTQTCT.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Nguyễn Thanh Tịnh
""",
     doc_type="Quyết định", number="1234", symbol="QĐ-BTP", place="Hà Nội", issued_date="2023-06-19",
     issuer="Bộ Tư pháp",
     subject="Về việc công bố thủ tục hành chính mới ban hành, thủ tục hành chính được sửa đổi "
             "trong lĩnh vực hộ tịch",
     signer_name="Nguyễn Thanh Tịnh", signer_title="KT. Bộ trưởng - Thứ trưởng",
     recipients=["Như Điều 2", "Văn phòng Chính phủ (Cục KSTTHC)", "Lưu: VT, HTQTCT."])


case("qd_chi_cuc_thue_q", """\
CỤC THUẾ TỈNH SÓC TRĂNG
CHI CỤC THUẾ KHU VỰC
VĨNH CHÂU - TRẦN ĐỀ
""" + NATIONAL + """\
Số: 245/QĐ-CCT
Vĩnh Châu, ngày 5 tháng 6 năm 2023
QUYẾT ĐỊNH
Về việc miễn tiền thuê đất đối với Hợp tác xã Nông nghiệp Hòa Đông
CHI CỤC TRƯỞNG CHI CỤC THUẾ KHU VỰC VĨNH CHÂU - TRẦN ĐỀ
Căn cứ Luật Quản lý thuế ngày 13 tháng 6 năm 2019;
Xét hồ sơ đề nghị miễn tiền thuê đất số 000.00.21.H55-230520-0003.
QUYẾT ĐỊNH:
Điều 1. Miễn tiền thuê đất cho Hợp tác xã Nông nghiệp Hòa Đông.
Điều 2. Quyết định có hiệu lực kể từ ngày ký./.
Nơi nhận:
- Như Điều 1;
- Cục Thuế tỉnh (b/c);
- Lưu: VT, NVDTPC.
Q. CHI CỤC TRƯỞNG
Lâm Thị Ngọc Bích
""",
     doc_type="Quyết định", number="245", symbol="QĐ-CCT", place="Vĩnh Châu", issued_date="2023-06-05",
     issuer="Chi cục Thuế khu vực Vĩnh Châu - Trần Đề (Cục Thuế tỉnh Sóc Trăng)",
     subject="Về việc miễn tiền thuê đất đối với Hợp tác xã Nông nghiệp Hòa Đông",
     signer_name="Lâm Thị Ngọc Bích", signer_title="Q. Chi cục trưởng",
     recipients=["Như Điều 1", "Cục Thuế tỉnh (b/c)", "Lưu: VT, NVDTPC."],
     dossier_codes=["000.00.21.H55-230520-0003"])


case("qd_stnmt_caps_subject", """\
UBND TỈNH SÓC TRĂNG
SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG
""" + NATIONAL + """\
Số: 608/QĐ-STNMT
Sóc Trăng, ngày 22 tháng 9 năm 2023
QUYẾT ĐỊNH
VỀ VIỆC PHÊ DUYỆT PHƯƠNG ÁN CẢI TẠO, PHỤC HỒI MÔI TRƯỜNG
GIÁM ĐỐC SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG
Căn cứ Luật Bảo vệ môi trường ngày 17 tháng 11 năm 2020;
Xét hồ sơ số 000.00.15.H55-230901-0017 của Công ty TNHH Cát Vàng.
QUYẾT ĐỊNH:
Điều 1. Phê duyệt phương án cải tạo, phục hồi môi trường của Công ty TNHH Cát Vàng.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.
Nơi nhận:
- Như Điều 2;
- UBND tỉnh (b/c);
- Lưu: VT, CCBVMT.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Nguyễn Văn Khởi
""",
     doc_type="Quyết định", number="608", symbol="QĐ-STNMT", place="Sóc Trăng", issued_date="2023-09-22",
     issuer="Sở Tài nguyên và Môi trường tỉnh Sóc Trăng (UBND tỉnh Sóc Trăng)",
     subject="Về việc phê duyệt phương án cải tạo, phục hồi môi trường",
     signer_name="Nguyễn Văn Khởi", signer_title="KT. Giám đốc - Phó Giám đốc",
     recipients=["Như Điều 2", "UBND tỉnh (b/c)", "Lưu: VT, CCBVMT."],
     dossier_codes=["000.00.15.H55-230901-0017"])


case("qd_caps_two_line_subject_hdnd_signer", """\
HỘI ĐỒNG NHÂN DÂN
HUYỆN VĨNH THẠNH
""" + NATIONAL + """\
Số: 03/QĐ-HĐND
Vĩnh Thạnh, ngày 10 tháng 01 năm 2024
QUYẾT ĐỊNH
VỀ VIỆC THÀNH LẬP ĐOÀN GIÁM SÁT VIỆC GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH
TRONG LĨNH VỰC ĐẤT ĐAI TRÊN ĐỊA BÀN HUYỆN NĂM 2024
THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN HUYỆN VĨNH THẠNH
Căn cứ Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân ngày 20 tháng 11 năm 2015;
Căn cứ Nghị quyết số 45/NQ-HĐND ngày 20 tháng 12 năm 2023 của Hội đồng nhân dân huyện Vĩnh Thạnh,
thành phố Cần Thơ về chương trình giám sát năm 2024.
QUYẾT ĐỊNH:
Điều 1. Thành lập Đoàn giám sát gồm các ông, bà có tên sau đây.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.
Nơi nhận:
- Thường trực HĐND thành phố;
- Như Điều 1;
- Lưu: VT.
TM. THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Thị Thu Hà
""",
     doc_type="Quyết định", number="03", symbol="QĐ-HĐND", place="Vĩnh Thạnh", issued_date="2024-01-10",
     issuer="Hội đồng nhân dân huyện Vĩnh Thạnh, thành phố Cần Thơ",
     subject="Về việc thành lập Đoàn giám sát việc giải quyết thủ tục hành chính trong lĩnh vực đất đai "
             "trên địa bàn huyện năm 2024",
     signer_name="Nguyễn Thị Thu Hà",
     signer_title="TM. Thường trực Hội đồng nhân dân - KT. Chủ tịch - Phó Chủ tịch",
     recipients=["Thường trực HĐND thành phố", "Như Điều 1", "Lưu: VT."])


case("qd_ban_quan_ly_kcn", """\
UBND TỈNH LONG AN
BAN QUẢN LÝ
KHU KINH TẾ
""" + NATIONAL + """\
Số: 1187/QĐ-BQLKKT
Long An, ngày 30 tháng 10 năm 2023
QUYẾT ĐỊNH
Về việc điều chỉnh Giấy chứng nhận đăng ký đầu tư dự án Nhà máy
sản xuất bao bì Tân Phú Long
TRƯỞNG BAN QUẢN LÝ KHU KINH TẾ
Căn cứ Luật Đầu tư ngày 17 tháng 6 năm 2020;
Xét hồ sơ số 000.00.40.H39-231016-0011 của Công ty TNHH Bao bì Tân Phú Long.
QUYẾT ĐỊNH:
Điều 1. Điều chỉnh Giấy chứng nhận đăng ký đầu tư của dự án.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.
Nơi nhận:
- Như Điều 2;
- Sở Kế hoạch và Đầu tư;
- Lưu: VT, QLĐT.
KT. TRƯỞNG BAN
PHÓ TRƯỞNG BAN
Nguyễn Văn Được
""",
     doc_type="Quyết định", number="1187", symbol="QĐ-BQLKKT", place="Long An", issued_date="2023-10-30",
     issuer="Ban Quản lý khu kinh tế tỉnh Long An (UBND tỉnh Long An)",
     subject="Về việc điều chỉnh Giấy chứng nhận đăng ký đầu tư dự án Nhà máy sản xuất bao bì Tân Phú Long",
     signer_name="Nguyễn Văn Được", signer_title="KT. Trưởng ban - Phó Trưởng ban",
     recipients=["Như Điều 2", "Sở Kế hoạch và Đầu tư", "Lưu: VT, QLĐT."],
     dossier_codes=["000.00.40.H39-231016-0011"])


case("qd_ubnd_phuong_numbered_place", """\
UBND THÀNH PHỐ SÓC TRĂNG
ỦY BAN NHÂN DÂN
PHƯỜNG 7
""" + NATIONAL + """\
Số: 118/QĐ-UBND
Phường 7, ngày 15 tháng 11 năm 2023
QUYẾT ĐỊNH
Về việc công nhận tổ trưởng tổ dân phố số 5
CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG 7
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Xét kết quả bầu cử tổ trưởng tổ dân phố số 5 ngày 05 tháng 11 năm 2023.
QUYẾT ĐỊNH:
Điều 1. Công nhận ông Quách Văn Tài giữ chức vụ Tổ trưởng tổ dân phố số 5.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.
Nơi nhận:
- Như Điều 1;
- UBND thành phố (b/c);
- Lưu: VT.
CHỦ TỊCH
Mã Thị Thu Hương
""",
     doc_type="Quyết định", number="118", symbol="QĐ-UBND", place="Phường 7", issued_date="2023-11-15",
     issuer="Ủy ban nhân dân phường 7, thành phố Sóc Trăng",
     subject="Về việc công nhận tổ trưởng tổ dân phố số 5",
     signer_name="Mã Thị Thu Hương", signer_title="Chủ tịch",
     recipients=["Như Điều 1", "UBND thành phố (b/c)", "Lưu: VT."])


case("qd_sldtbxh_va_xa_hoi_line", """\
UBND TỈNH BẾN TRE
SỞ LAO ĐỘNG - THƯƠNG BINH
VÀ XÃ HỘI
""" + NATIONAL + """\
Số: 452/QĐ-SLĐTBXH
Bến Tre, ngày 19 tháng 9 năm 2023
QUYẾT ĐỊNH
Về việc hưởng trợ cấp thất nghiệp
GIÁM ĐỐC SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI
Căn cứ Luật Việc làm ngày 16 tháng 11 năm 2013;
Xét đề nghị của Giám đốc Trung tâm Dịch vụ việc làm tại hồ sơ 000.00.13.H07-230905-0088.
QUYẾT ĐỊNH:
Điều 1. Ông Huỳnh Văn Lợi được hưởng trợ cấp thất nghiệp 03 tháng.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.
Nơi nhận:
- Ông Huỳnh Văn Lợi;
- BHXH tỉnh Bến Tre;
- Trung tâm Dịch vụ việc làm;
- Lưu: VT.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Võ Thị Bích Phượng
""",
     doc_type="Quyết định", number="452", symbol="QĐ-SLĐTBXH", place="Bến Tre", issued_date="2023-09-19",
     issuer="Sở Lao động - Thương binh và Xã hội tỉnh Bến Tre (UBND tỉnh Bến Tre)",
     subject="Về việc hưởng trợ cấp thất nghiệp",
     signer_name="Võ Thị Bích Phượng", signer_title="KT. Giám đốc - Phó Giám đốc",
     recipients=["Ông Huỳnh Văn Lợi", "BHXH tỉnh Bến Tre", "Trung tâm Dịch vụ việc làm", "Lưu: VT."],
     dossier_codes=["000.00.13.H07-230905-0088"])
