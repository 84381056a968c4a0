"""Synthetic notices (Thông báo), reports (Báo cáo) and minutes (Biên bản): text as printed and the
metadata expected of them."""

from __future__ import annotations

from tests.meta_synthetic.documents import NATIONAL, collector

REPORTS: list[dict] = []
case = collector(REPORTS)


case("tb_stnmt_result", """\
UBND TỈNH VĨNH LONG
SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG
""" + NATIONAL + """\
Số: 318/TB-STNMT
Vĩnh Long, ngày 21 tháng 02 năm 2024
THÔNG BÁO
Kết quả thẩm định hồ sơ đề nghị cấp giấy phép khai thác nước dưới đất
Ngày 05 tháng 02 năm 2024, Sở Tài nguyên và Môi trường nhận được hồ sơ
000.00.15.H62-240205-0007 của Công ty TNHH Thủy sản Phước An. Sau khi thẩm định, Sở
thông báo hồ sơ đủ điều kiện trình Ủy ban nhân dân tỉnh cấp giấy phép./.
Nơi nhận:
- Công ty TNHH Thủy sản Phước An;
- Phòng Quản lý tài nguyên nước;
- Lưu: VT.
GIÁM ĐỐC
Võ Văn Bé Hai
""",
     doc_type="Thông báo", number="318", symbol="TB-STNMT", place="Vĩnh Long", issued_date="2024-02-21",
     issuer="Sở Tài nguyên và Môi trường tỉnh Vĩnh Long (UBND tỉnh Vĩnh Long)",
     subject="Kết quả thẩm định hồ sơ đề nghị cấp giấy phép khai thác nước dưới đất",
     signer_name="Võ Văn Bé Hai", signer_title="Giám đốc",
     recipients=["Công ty TNHH Thủy sản Phước An", "Phòng Quản lý tài nguyên nước", "Lưu: VT."],
     dossier_codes=["000.00.15.H62-240205-0007"])


case("bc_ttpvhcc_no_prefix", """\
VĂN PHÒNG UBND TỈNH CÀ MAU
TRUNG TÂM PHỤC VỤ
HÀNH CHÍNH CÔNG
""" + NATIONAL + """\
Số: 27/BC-TTPVHCC
Cà Mau, ngày 30 tháng 6 năm 2023
BÁO CÁO
Tình hình tiếp nhận và giải quyết hồ sơ thủ tục hành chính 6 tháng đầu năm 2023
Trong 6 tháng đầu năm 2023, Trung tâm tiếp nhận 12.540 hồ sơ, đã giải quyết 12.102 hồ sơ,
trong đó đúng hạn 11.986 hồ sơ, đạt tỷ lệ 99,04%.
Trung tâm Phục vụ hành chính công tỉnh báo cáo Văn phòng Ủy ban nhân dân tỉnh./.
Nơi nhận:
- Văn phòng UBND tỉnh;
- Các sở, ban, ngành tỉnh;
- Lưu: VT.
GIÁM ĐỐC
Huỳnh Quốc Việt
""",
     doc_type="Báo cáo", number="27", symbol="BC-TTPVHCC", place="Cà Mau", issued_date="2023-06-30",
     issuer="Trung tâm Phục vụ hành chính công tỉnh Cà Mau (Văn phòng UBND tỉnh Cà Mau)",
     subject="Tình hình tiếp nhận và giải quyết hồ sơ thủ tục hành chính 6 tháng đầu năm 2023",
     signer_name="Huỳnh Quốc Việt", signer_title="Giám đốc",
     recipients=["Văn phòng UBND tỉnh", "Các sở, ban, ngành tỉnh", "Lưu: VT."])


case("bb_ubnd_xa_two_signers", """\
UBND HUYỆN MỸ TÚ
ỦY BAN NHÂN DÂN
XÃ MỸ HƯƠNG
""" + NATIONAL + """\
Số: 08/BB-UBND
Mỹ Hương, ngày 19 tháng 4 năm 2024
BIÊN BẢN
Kiểm tra hiện trạng sử dụng đất của hộ ông Lâm Văn Sang
Vào lúc 8 giờ 30 phút ngày 19 tháng 4 năm 2024, tại ấp Mỹ Khánh, xã Mỹ Hương, huyện Mỹ Tú,
tỉnh Sóc Trăng, đoàn kiểm tra gồm đại diện Ủy ban nhân dân xã và hộ gia đình đã tiến hành kiểm
tra hiện trạng thửa đất số 215, tờ bản đồ số 07 theo hồ sơ 000.31.28.H55-240402-0009.
Biên bản kết thúc lúc 10 giờ cùng ngày, đã đọc lại cho các bên cùng nghe và thống nhất ký tên./.
THƯ KÝ
Trần Thị Kiều
CHỦ TRÌ
Đặng Hoàng Nam
Nơi nhận:
- Hộ ông Lâm Văn Sang;
- Phòng Tài nguyên và Môi trường huyện;
- Lưu: VT.
""",
     doc_type="Biên bản", number="08", symbol="BB-UBND", place="Mỹ Hương", issued_date="2024-04-19",
     issuer="Ủy ban nhân dân xã Mỹ Hương, huyện Mỹ Tú, tỉnh Sóc Trăng",
     subject="Kiểm tra hiện trạng sử dụng đất của hộ ông Lâm Văn Sang",
     signer_name="Đặng Hoàng Nam", signer_title="Chủ trì",
     recipients=["Hộ ông Lâm Văn Sang", "Phòng Tài nguyên và Môi trường huyện", "Lưu: VT."],
     dossier_codes=["000.31.28.H55-240402-0009"])


case("tb_cong_an_huyen_rank", """\
CÔNG AN TỈNH TIỀN GIANG
CÔNG AN HUYỆN CÁI BÈ
""" + NATIONAL + """\
Số: 389/TB-CAH
Cái Bè, ngày 11 tháng 9 năm 2023
THÔNG BÁO
Về việc thu nhận hồ sơ cấp Căn cước công dân ngoài giờ hành chính
Để đáp ứng nhu cầu của Nhân dân, Công an huyện Cái Bè thông báo tổ chức thu nhận hồ sơ cấp
Căn cước công dân vào sáng thứ Bảy hằng tuần tại trụ sở Công an huyện./.
Nơi nhận:
- Công an tỉnh (PC06);
- UBND huyện Cái Bè;
- Công an các xã, thị trấn;
- Lưu: VT.
TRƯỞNG CÔNG AN HUYỆN
Thượng tá Phạm Văn Đức
""",
     doc_type="Thông báo", number="389", symbol="TB-CAH", place="Cái Bè", issued_date="2023-09-11",
     issuer="Công an huyện Cái Bè, tỉnh Tiền Giang",
     subject="Về việc thu nhận hồ sơ cấp Căn cước công dân ngoài giờ hành chính",
     signer_name="Phạm Văn Đức", signer_title="Trưởng Công an huyện (Thượng tá)",
     recipients=["Công an tỉnh (PC06)", "UBND huyện Cái Bè", "Công an các xã, thị trấn", "Lưu: VT."])


case("bc_ubnd_phuong_tm", """\
UBND QUẬN NINH KIỀU
ỦY BAN NHÂN DÂN
PHƯỜNG AN HÒA
""" + NATIONAL + """\
Số: 25/BC-UBND
An Hòa, ngày 20 tháng 12 năm 2023
BÁO CÁO
Kết quả thực hiện cơ chế một cửa, một cửa liên thông năm 2023
Năm 2023, Bộ phận Một cửa phường tiếp nhận 4.215 hồ sơ, giải quyết đúng hạn 4.207 hồ sơ.
Ủy ban nhân dân phường An Hòa báo cáo Ủy ban nhân dân quận Ninh Kiều./.
Nơi nhận:
- UBND quận Ninh Kiều;
- Phòng Nội vụ quận;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Hoàng Phúc
""",
     doc_type="Báo cáo", number="25", symbol="BC-UBND", place="An Hòa", issued_date="2023-12-20",
     issuer="Ủy ban nhân dân phường An Hòa, quận Ninh Kiều",
     subject="Kết quả thực hiện cơ chế một cửa, một cửa liên thông năm 2023",
     signer_name="Nguyễn Hoàng Phúc", signer_title="TM. Ủy ban nhân dân - Chủ tịch",
     recipients=["UBND quận Ninh Kiều", "Phòng Nội vụ quận", "Lưu: VT."])


case("tb_ttyt_huyen", """\
SỞ Y TẾ TỈNH SÓC TRĂNG
TRUNG TÂM Y TẾ HUYỆN KẾ SÁCH
""" + NATIONAL + """\
Số: 77/TB-TTYT
Kế Sách, ngày 4 tháng 4 năm 2024
THÔNG BÁO
Lịch tiêm chủng mở rộng tháng 4 năm 2024
Trung tâm Y tế huyện thông báo lịch tiêm chủng tại các Trạm Y tế xã, thị trấn từ ngày 10 đến
ngày 15 hằng tháng. Đề nghị phụ huynh đưa trẻ đến tiêm đúng lịch./.
Nơi nhận:
- Sở Y tế (b/c);
- UBND huyện Kế Sách;
- Trạm Y tế các xã, thị trấn;
- Lưu: VT, KHNV.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
BS. Triệu Thị Hồng Nhung
""",
     doc_type="Thông báo", number="77", symbol="TB-TTYT", place="Kế Sách", issued_date="2024-04-04",
     issuer="Trung tâm Y tế huyện Kế Sách, tỉnh Sóc Trăng",
     subject="Lịch tiêm chủng mở rộng tháng 4 năm 2024",
     signer_name="Triệu Thị Hồng Nhung", signer_title="KT. Giám đốc - Phó Giám đốc (BS.)",
     recipients=["Sở Y tế (b/c)", "UBND huyện Kế Sách", "Trạm Y tế các xã, thị trấn", "Lưu: VT, KHNV."])


case("bb_ban_giao_dai_dien", """\
UBND TỈNH KIÊN GIANG
TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG
""" + NATIONAL + """\
Số: 31/BB-TTPVHCC
Kiên Giang, ngày 5 tháng 5 năm 2023
BIÊN BẢN
Bàn giao kết quả giải quyết thủ tục hành chính
cho Bưu điện tỉnh
Hôm nay, ngày 05 tháng 5 năm 2023, tại Trung tâm Phục vụ hành chính công tỉnh, Trung tâm bàn
giao cho Bưu điện tỉnh 54 kết quả, trong đó có kết quả hồ sơ 000.00.15.H33-230428-0102.
Biên bản lập thành 02 bản, mỗi bên giữ 01 bản./.
ĐẠI DIỆN BƯU ĐIỆN TỈNH
Lê Thị Mai
ĐẠI DIỆN TRUNG TÂM
Nguyễn Minh Tuấn
""",
     doc_type="Biên bản", number="31", symbol="BB-TTPVHCC", place="Kiên Giang", issued_date="2023-05-05",
     issuer="Trung tâm Phục vụ hành chính công tỉnh Kiên Giang (UBND tỉnh Kiên Giang)",
     subject="Bàn giao kết quả giải quyết thủ tục hành chính cho Bưu điện tỉnh",
     signer_name="Nguyễn Minh Tuấn", signer_title="Đại diện Trung tâm",
     dossier_codes=["000.00.15.H33-230428-0102"])


case("tb_so_tp_hcm_place_kt_truong_phong", """\
UBND THÀNH PHỐ HỒ CHÍ MINH
SỞ QUY HOẠCH - KIẾN TRÚC
""" + NATIONAL + """\
Số: 4187/TB-SQHKT
Thành phố Hồ Chí Minh, ngày 14 tháng 11 năm 2023
THÔNG BÁO
Về việc điều chỉnh thời gian tiếp nhận hồ sơ cấp giấy phép quy hoạch
trực tuyến qua Cổng Dịch vụ công thành phố
Sở Quy hoạch - Kiến trúc thông báo từ ngày 01 tháng 12 năm 2023, hồ sơ đề nghị cấp giấy phép quy
hoạch được tiếp nhận trực tuyến cả ngày thứ Bảy; hồ sơ số 000.00.20.H29-231113-0456 đang giải
quyết không bị ảnh hưởng./.
Nơi nhận:
- UBND Thành phố (để b/c);
- Trung tâm Phục vụ hành chính công;
- Lưu: VT, VP.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Nguyễn Thanh Nhã
""",
     doc_type="Thông báo", number="4187", symbol="TB-SQHKT", place="Thành phố Hồ Chí Minh",
     issued_date="2023-11-14",
     issuer="Sở Quy hoạch - Kiến trúc thành phố Hồ Chí Minh (UBND thành phố Hồ Chí Minh)",
     subject="Về việc điều chỉnh thời gian tiếp nhận hồ sơ cấp giấy phép quy hoạch trực tuyến qua "
             "Cổng Dịch vụ công thành phố",
     signer_name="Nguyễn Thanh Nhã", signer_title="KT. Giám đốc - Phó Giám đốc",
     recipients=["UBND Thành phố (để b/c)", "Trung tâm Phục vụ hành chính công", "Lưu: VT, VP."],
     dossier_codes=["000.00.20.H29-231113-0456"])


case("bb_doan_kiem_tra_tm_doan", """\
UBND HUYỆN LONG PHÚ
ĐOÀN KIỂM TRA CẢI CÁCH
HÀNH CHÍNH
""" + NATIONAL + """\
Số: 02/BB-ĐKT
Long Phú, ngày 23 tháng 8 năm 2023
BIÊN BẢN
Kiểm tra công tác cải cách hành chính tại Ủy ban nhân dân xã Song Phụng
Thực hiện Quyết định số 1045/QĐ-UBND ngày 01 tháng 8 năm 2023 của Ủy ban nhân dân huyện Long Phú,
Đoàn kiểm tra đã làm việc tại Ủy ban nhân dân xã Song Phụng; kiểm tra ngẫu nhiên hồ sơ
H55.12-230714-0021 và H55.12-230720-0003 được số hóa đầy đủ./.
ĐẠI DIỆN UBND XÃ
Châu Văn Mười
TM. ĐOÀN KIỂM TRA
TRƯỞNG ĐOÀN
Huỳnh Thị Diễm Phương
""",
     doc_type="Biên bản", number="02", symbol="BB-ĐKT", place="Long Phú", issued_date="2023-08-23",
     issuer="Đoàn kiểm tra cải cách hành chính huyện Long Phú (UBND huyện Long Phú)",
     subject="Kiểm tra công tác cải cách hành chính tại Ủy ban nhân dân xã Song Phụng",
     signer_name="Huỳnh Thị Diễm Phương", signer_title="TM. Đoàn kiểm tra - Trưởng đoàn",
     dossier_codes=["H55.12-230714-0021", "H55.12-230720-0003"])


case("bc_ban_chi_dao_tm_truong_ban", """\
UBND TỈNH HẬU GIANG
BAN CHỈ ĐẠO CẢI CÁCH
HÀNH CHÍNH
""" + NATIONAL + """\
Số: 09/BC-BCĐ
Vị Thanh, ngày 28 tháng 9 năm 2023
BÁO CÁO
Kết quả thực hiện công tác cải cách hành chính quý III năm 2023
Trong quý III năm 2023, các cơ quan, đơn vị đã tiếp nhận 48.215 hồ sơ, giải quyết đúng hạn 98,7%;
tỷ lệ hồ sơ trực tuyến đạt 46,2%./.
Nơi nhận:
- Bộ Nội vụ;
- Thường trực Tỉnh ủy;
- Thành viên Ban Chỉ đạo;
- Lưu: VT.
TM. BAN CHỈ ĐẠO
KT. TRƯỞNG BAN
PHÓ TRƯỞNG BAN
Đồng Văn Thanh
""",
     doc_type="Báo cáo", number="09", symbol="BC-BCĐ", place="Vị Thanh", issued_date="2023-09-28",
     issuer="Ban Chỉ đạo cải cách hành chính tỉnh Hậu Giang (UBND tỉnh Hậu Giang)",
     subject="Kết quả thực hiện công tác cải cách hành chính quý III năm 2023",
     signer_name="Đồng Văn Thanh", signer_title="TM. Ban Chỉ đạo - KT. Trưởng ban - Phó Trưởng ban",
     recipients=["Bộ Nội vụ", "Thường trực Tỉnh ủy", "Thành viên Ban Chỉ đạo", "Lưu: VT."])


case("bc_chi_cuc_thuy_loi", """\
SỞ NÔNG NGHIỆP VÀ PTNT
CHI CỤC THỦY LỢI
""" + NATIONAL + """\
Số: 64/BC-CCTL
Bạc Liêu, ngày 03 tháng 02 năm 2024
BÁO CÁO
Tình hình giải quyết thủ tục hành chính lĩnh vực thủy lợi năm 2023
Năm 2023, Chi cục Thủy lợi tỉnh Bạc Liêu tiếp nhận 38 hồ sơ cấp phép hoạt động trong phạm vi bảo vệ
công trình thủy lợi, đã giải quyết đúng hạn 38 hồ sơ, không có hồ sơ trễ hạn./.
Nơi nhận:
- Sở Nông nghiệp và PTNT (b/c);
- Lưu: VT, HC.
CHI CỤC TRƯỞNG
Lý Hoàng Nhân
""",
     doc_type="Báo cáo", number="64", symbol="BC-CCTL", place="Bạc Liêu", issued_date="2024-02-03",
     issuer="Chi cục Thủy lợi tỉnh Bạc Liêu (Sở Nông nghiệp và PTNT)",
     subject="Tình hình giải quyết thủ tục hành chính lĩnh vực thủy lợi năm 2023",
     signer_name="Lý Hoàng Nhân", signer_title="Chi cục trưởng",
     recipients=["Sở Nông nghiệp và PTNT (b/c)", "Lưu: VT, HC."])
