"""Synthetic plans (Kế hoạch), submissions (Tờ trình) and guidance (Hướng dẫn): text as printed and the
metadata expected of them."""

from __future__ import annotations

from tests.meta_synthetic.documents import NATIONAL, collector

PLANS: list[dict] = []
case = collector(PLANS)


case("kh_syt_multiline", """\
UBND TỈNH TRÀ VINH
SỞ Y TẾ
""" + NATIONAL + """\
Số: 46/KH-SYT
Trà Vinh, ngày 6 tháng 3 năm 2024
KẾ HOẠCH
Triển khai dịch vụ công trực tuyến toàn trình trong lĩnh vực
khám bệnh, chữa bệnh và dược phẩm năm 2024
Thực hiện Quyết định số 422/QĐ-TTg ngày 04 tháng 4 năm 2022 của Thủ tướng Chính phủ,
Sở Y tế ban hành Kế hoạch triển khai như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Bảo đảm 100% thủ tục đủ điều kiện được cung cấp trực tuyến toàn trình.
II. TỔ CHỨC THỰC HIỆN
Văn phòng Sở chủ trì theo dõi, tổng hợp kết quả thực hiện./.
Nơi nhận:
- UBND tỉnh (để b/c);
- Ban Giám đốc Sở;
- Các phòng chức năng thuộc Sở;
- Các đơn vị trực thuộc;
- Lưu: VT, VP.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
BS.CKII. Kim Ngọc Thạch
""",
     doc_type="Kế hoạch", number="46", symbol="KH-SYT", place="Trà Vinh", issued_date="2024-03-06",
     issuer="Sở Y tế tỉnh Trà Vinh (UBND tỉnh Trà Vinh)",
     subject="Triển khai dịch vụ công trực tuyến toàn trình trong lĩnh vực khám bệnh, chữa bệnh và "
             "dược phẩm năm 2024",
     signer_name="Kim Ngọc Thạch", signer_title="KT. Giám đốc - Phó Giám đốc (BS.CKII.)",
     recipients=["UBND tỉnh (để b/c)", "Ban Giám đốc Sở", "Các phòng chức năng thuộc Sở",
                 "Các đơn vị trực thuộc", "Lưu: VT, VP."])


case("ttr_phong_tckh_kinh_gui", """\
UBND HUYỆN CÀNG LONG
PHÒNG TÀI CHÍNH - KẾ HOẠCH
""" + NATIONAL + """\
Số: 112/TTr-TCKH
Càng Long, ngày 14 tháng 8 năm 2023
TỜ TRÌNH
Về việc đề nghị cấp kinh phí số hóa hồ sơ thủ tục hành chính
Kính gửi: Ủy ban nhân dân huyện Càng Long.
Căn cứ Kế hoạch số 87/KH-UBND ngày 15 tháng 3 năm 2023 của Ủy ban nhân dân huyện, Phòng
Tài chính - Kế hoạch kính trình Ủy ban nhân dân huyện xem xét, cấp kinh phí 320.000.000 đồng./.
Nơi nhận:
- Như trên;
- Lưu: VT.
TRƯỞNG PHÒNG
Nguyễn Thị Mỹ Linh
""",
     doc_type="Tờ trình", number="112", symbol="TTr-TCKH", place="Càng Long", issued_date="2023-08-14",
     issuer="Phòng Tài chính - Kế hoạch huyện Càng Long (UBND huyện Càng Long)",
     subject="Về việc đề nghị cấp kinh phí số hóa hồ sơ thủ tục hành chính",
     signer_name="Nguyễn Thị Mỹ Linh", signer_title="Trưởng phòng",
     recipients=["Ủy ban nhân dân huyện Càng Long", "Lưu: VT."])


case("hd_stp", """\
UBND TỈNH LONG AN
SỞ TƯ PHÁP
""" + NATIONAL + """\
Số: 1033/HD-STP
Long An, ngày 25 tháng 4 năm 2023
HƯỚNG DẪN
Thực hiện thủ tục đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế
cho trẻ em dưới 6 tuổi theo quy trình liên thông
Nhằm thống nhất cách thực hiện, Sở Tư pháp hướng dẫn Ủy ban nhân dân cấp xã như sau:
1. Hồ sơ được tiếp nhận trên Cổng Dịch vụ công quốc gia.
2. Công chức tư pháp - hộ tịch kiểm tra, xử lý hồ sơ trong ngày làm việc./.
Nơi nhận:
- UBND tỉnh (b/c);
- Công an tỉnh, BHXH tỉnh;
- UBND các huyện, thị xã, thành phố;
- UBND các xã, phường, thị trấn;
- Lưu: VT, HCTP.
GIÁM ĐỐC
Trương Văn Nọ
""",
     doc_type="Hướng dẫn", number="1033", symbol="HD-STP", place="Long An", issued_date="2023-04-25",
     issuer="Sở Tư pháp tỉnh Long An (UBND tỉnh Long An)",
     subject="Thực hiện thủ tục đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em "
             "dưới 6 tuổi theo quy trình liên thông",
     signer_name="Trương Văn Nọ", signer_title="Giám đốc",
     recipients=["UBND tỉnh (b/c)", "Công an tỉnh, BHXH tỉnh", "UBND các huyện, thị xã, thành phố",
                 "UBND các xã, phường, thị trấn", "Lưu: VT, HCTP."])


case("kh_ubnd_xa_two_pages", """\
ỦY BAN NHÂN DÂN
XÃ TÂN HƯNG
""" + NATIONAL + """\
Số: 14/KH-UBND
Tân Hưng, ngày 2 tháng 2 năm 2024
KẾ HOẠCH
Tuyên truyền, hướng dẫn người dân sử dụng dịch vụ công trực tuyến năm 2024
Thực hiện Kế hoạch số 20/KH-UBND ngày 18 tháng 01 năm 2024 của Ủy ban nhân dân huyện Long Phú,
tỉnh Sóc Trăng, Ủy ban nhân dân xã Tân Hưng xây dựng Kế hoạch như sau:
I. MỤC ĐÍCH
Nâng tỷ lệ hồ sơ trực tuyến đạt trên 50%.
\fII. TỔ CHỨC THỰC HIỆN
Tổ công nghệ số cộng đồng phối hợp Đoàn Thanh niên thực hiện hằng tháng./.
Nơi nhận:
- UBND huyện (b/c);
- Đảng ủy, HĐND xã;
- Các ấp;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lý Thị Sa Rên
""",
     doc_type="Kế hoạch", number="14", symbol="KH-UBND", place="Tân Hưng", issued_date="2024-02-02",
     issuer="Ủy ban nhân dân xã Tân Hưng",
     subject="Tuyên truyền, hướng dẫn người dân sử dụng dịch vụ công trực tuyến năm 2024",
     signer_name="Lý Thị Sa Rên", signer_title="TM. Ủy ban nhân dân - KT. Chủ tịch - Phó Chủ tịch",
     recipients=["UBND huyện (b/c)", "Đảng ủy, HĐND xã", "Các ấp", "Lưu: VT."])


case("ttr_ubnd_xa_to_huyen", """\
UBND HUYỆN CÙ LAO DUNG
ỦY BAN NHÂN DÂN
THỊ TRẤN CÙ LAO DUNG
""" + NATIONAL + """\
Số: 09/TTr-UBND
Cù Lao Dung, ngày 27 tháng 3 năm 2023
TỜ TRÌNH
Về việc đề nghị công nhận thị trấn đạt chuẩn tiếp cận pháp luật năm 2022
Kính gửi: Chủ tịch Ủy ban nhân dân huyện Cù Lao Dung.
Căn cứ Quyết định số 25/2021/QĐ-TTg ngày 22 tháng 7 năm 2021 của Thủ tướng Chính phủ, Ủy ban nhân
dân thị trấn kính trình Chủ tịch Ủy ban nhân dân huyện xem xét, công nhận./.
Nơi nhận:
- Như trên;
- Phòng Tư pháp huyện;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Trần Văn Út
""",
     doc_type="Tờ trình", number="09", symbol="TTr-UBND", place="Cù Lao Dung", issued_date="2023-03-27",
     issuer="Ủy ban nhân dân thị trấn Cù Lao Dung, huyện Cù Lao Dung",
     subject="Về việc đề nghị công nhận thị trấn đạt chuẩn tiếp cận pháp luật năm 2022",
     signer_name="Trần Văn Út", signer_title="TM. Ủy ban nhân dân - Chủ tịch",
     recipients=["Chủ tịch Ủy ban nhân dân huyện Cù Lao Dung", "Phòng Tư pháp huyện", "Lưu: VT."])


case("hd_vp_ubnd_tinh_parent_full", """\
ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG
VĂN PHÒNG
""" + NATIONAL + """\
Số: 08/HD-VP
Sóc Trăng, ngày 10 tháng 01 năm 2024
HƯỚNG DẪN
Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính tại Bộ phận Một cửa các cấp
Căn cứ Nghị định số 107/2021/NĐ-CP ngày 06 tháng 12 năm 2021 của Chính phủ, Văn phòng Ủy ban
nhân dân tỉnh hướng dẫn thực hiện như sau:
1. Hồ sơ được số hóa ngay khi tiếp nhận.
2. Kết quả được ký số và lưu trong kho dữ liệu của tổ chức, cá nhân./.
Nơi nhận:
- Các sở, ban, ngành tỉnh;
- UBND các huyện, thị xã, thành phố;
- Lưu: VT, KSTT.
CHÁNH VĂN PHÒNG
Phan Văn Hoàng
""",
     doc_type="Hướng dẫn", number="08", symbol="HD-VP", place="Sóc Trăng", issued_date="2024-01-10",
     issuer="Văn phòng Ủy ban nhân dân tỉnh Sóc Trăng",
     subject="Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính tại Bộ phận Một cửa các cấp",
     signer_name="Phan Văn Hoàng", signer_title="Chánh Văn phòng",
     recipients=["Các sở, ban, ngành tỉnh", "UBND các huyện, thị xã, thành phố", "Lưu: VT, KSTT."])


case("kh_ubnd_huyen_wrapped_recipients", """\
ỦY BAN NHÂN DÂN
HUYỆN GIỒNG RIỀNG
""" + NATIONAL + """\
Số: 233/KH-UBND
Giồng Riềng, ngày 11 tháng 7 năm 2023
KẾ HOẠCH
Kiểm tra công tác cải cách thủ tục hành chính năm 2023
Thực hiện Kế hoạch số 15/KH-UBND ngày 20 tháng 01 năm 2023 của Ủy ban nhân dân tỉnh Kiên Giang,
Ủy ban nhân dân huyện Giồng Riềng ban hành Kế hoạch kiểm tra như sau:
I. MỤC ĐÍCH, YÊU CẦU
Đánh giá đúng thực chất việc giải quyết thủ tục hành chính tại các xã, thị trấn.
II. TỔ CHỨC THỰC HIỆN
Phòng Nội vụ chủ trì, phối hợp các cơ quan liên quan thực hiện Kế hoạch này./.
Nơi nhận:
- Sở Nội vụ, Văn phòng UBND tỉnh
(Phòng Kiểm soát TTHC);
- TT. Huyện ủy, TT. HĐND huyện;
- Các cơ quan chuyên môn thuộc
UBND huyện;
- UBND các xã, thị trấn;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Danh Út
""",
     doc_type="Kế hoạch", number="233", symbol="KH-UBND", place="Giồng Riềng", issued_date="2023-07-11",
     issuer="Ủy ban nhân dân huyện Giồng Riềng, tỉnh Kiên Giang",
     subject="Kiểm tra công tác cải cách thủ tục hành chính năm 2023",
     signer_name="Danh Út", signer_title="TM. Ủy ban nhân dân - Chủ tịch",
     recipients=["Sở Nội vụ, Văn phòng UBND tỉnh (Phòng Kiểm soát TTHC)", "TT. Huyện ủy, TT. HĐND huyện",
                 "Các cơ quan chuyên môn thuộc UBND huyện", "UBND các xã, thị trấn", "Lưu: VT."])


case("ttr_stc_tl_long_title", """\
UBND TỈNH TIỀN GIANG
SỞ TÀI CHÍNH
""" + NATIONAL + """\
Số: 0156/TTr-STC
Tiền Giang, ngày 26 tháng 02 năm 2024
TỜ TRÌNH
Về việc phê duyệt dự toán kinh phí số hóa hồ sơ thủ tục hành chính năm 2024
Kính gửi: Ủy ban nhân dân tỉnh Tiền Giang.
Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015, Sở Tài chính kính trình Ủy ban nhân dân
tỉnh phê duyệt dự toán kinh phí số hóa hồ sơ thủ tục hành chính năm 2024 là 2.150.000.000 đồng./.
Nơi nhận:
- Như trên;
- Giám đốc Sở (b/c);
- Lưu: VT, HCSN.
TL. GIÁM ĐỐC
TRƯỞNG PHÒNG HÀNH CHÍNH - SỰ NGHIỆP
Nguyễn Thị Kim Loan
""",
     doc_type="Tờ trình", number="0156", symbol="TTr-STC", place="Tiền Giang", issued_date="2024-02-26",
     issuer="Sở Tài chính tỉnh Tiền Giang (UBND tỉnh Tiền Giang)",
     subject="Về việc phê duyệt dự toán kinh phí số hóa hồ sơ thủ tục hành chính năm 2024",
     signer_name="Nguyễn Thị Kim Loan", signer_title="TL. Giám đốc - Trưởng phòng Hành chính - Sự nghiệp",
     recipients=["Ủy ban nhân dân tỉnh Tiền Giang", "Giám đốc Sở (b/c)", "Lưu: VT, HCSN."])
