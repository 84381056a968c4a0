"""Synthetic permits (Giấy phép), certificates (Giấy chứng nhận) and confirmations (Giấy xác nhận):
text as printed and the metadata expected of them."""

from __future__ import annotations

from tests.meta_synthetic.documents import NATIONAL, collector

PAPERS: list[dict] = []
case = collector(PAPERS)


case("gp_sxd_permit", """\
UBND TỈNH AN GIANG
SỞ XÂY DỰNG
""" + NATIONAL + """\
Số: 45/GP-SXD
An Giang, ngày 2 tháng 10 năm 2023
GIẤY PHÉP XÂY DỰNG
Số: 45/GP-SXD
(Sử dụng cho công trình không theo tuyến)
1. Cấp cho: Công ty Cổ phần Lương thực Long Xuyên.
Địa chỉ: số 12 Trần Hưng Đạo, phường Mỹ Bình, thành phố Long Xuyên, tỉnh An Giang.
Mã hồ sơ: 000.00.15.H01-230918-0032.
2. Được phép xây dựng công trình: Nhà kho lương thực.
3. Giấy phép này có hiệu lực khởi công xây dựng trong thời hạn 12 tháng kể từ ngày cấp.
Nơi nhận:
- Chủ đầu tư;
- UBND thành phố Long Xuyên;
- Lưu: VT, QLXD.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Trần Văn Thi
""",
     doc_type="Giấy phép", number="45", symbol="GP-SXD", place="An Giang", issued_date="2023-10-02",
     issuer="Sở Xây dựng tỉnh An Giang (UBND tỉnh An Giang)",
     subject="Giấy phép xây dựng (Sử dụng cho công trình không theo tuyến)",
     signer_name="Trần Văn Thi", signer_title="KT. Giám đốc - Phó Giám đốc",
     recipients=["Chủ đầu tư", "UBND thành phố Long Xuyên", "Lưu: VT, QLXD."],
     dossier_codes=["000.00.15.H01-230918-0032"])


case("gcn_ho_kinh_doanh", """\
UBND HUYỆN CHÂU THÀNH
PHÒNG TÀI CHÍNH - KẾ HOẠCH
""" + NATIONAL + """\
Số: 59/GCN-TCKH
Châu Thành, ngày 07 tháng 9 năm 2022
GIẤY CHỨNG NHẬN
ĐĂNG KÝ HỘ KINH DOANH
Cấp lần đầu cho hộ kinh doanh Tạp hóa Minh Tâm.
Mã hồ sơ: H14.32-220830-0118.
1. Tên hộ kinh doanh: TẠP HÓA MINH TÂM.
2. Địa điểm kinh doanh: ấp Phước Thạnh, xã Phú Đức, huyện Châu Thành, tỉnh Đồng Tháp.
3. Ngành, nghề kinh doanh: bán lẻ hàng tạp hóa.
4. Vốn kinh doanh: 150.000.000 đồng.
TRƯỞNG PHÒNG
Lê Văn Thành
""",
     doc_type="Giấy chứng nhận", number="59", symbol="GCN-TCKH", place="Châu Thành",
     issued_date="2022-09-07",
     issuer="Phòng Tài chính - Kế hoạch huyện Châu Thành (UBND huyện Châu Thành)",
     subject="Giấy chứng nhận đăng ký hộ kinh doanh",
     signer_name="Lê Văn Thành", signer_title="Trưởng phòng",
     dossier_codes=["H14.32-220830-0118"])


case("gxn_cong_an_xa_rank", """\
CÔNG AN HUYỆN TRẦN ĐỀ
CÔNG AN XÃ ĐẠI ÂN 2
""" + NATIONAL + """\
Số: 21/GXN-CAX
Đại Ân 2, ngày 12 tháng 01 năm 2024
GIẤY XÁC NHẬN
Về việc xác nhận thông tin về cư trú
Công an xã Đại Ân 2 xác nhận ông Thạch Sô Phết, sinh ngày 05 tháng 3 năm 1985, hiện cư trú
tại ấp Phước Hòa, xã Đại Ân 2, huyện Trần Đề, tỉnh Sóc Trăng.
Giấy xác nhận có giá trị 30 ngày kể từ ngày ký./.
TRƯỞNG CÔNG AN XÃ
Thiếu tá Lý Văn Mến
""",
     doc_type="Giấy xác nhận", number="21", symbol="GXN-CAX", place="Đại Ân 2", issued_date="2024-01-12",
     issuer="Công an xã Đại Ân 2, huyện Trần Đề, tỉnh Sóc Trăng",
     subject="Về việc xác nhận thông tin về cư trú",
     signer_name="Lý Văn Mến", signer_title="Trưởng Công an xã (Thiếu tá)")


case("gp_kinh_doanh_ruou", """\
UBND HUYỆN CHỢ MỚI
PHÒNG KINH TẾ VÀ HẠ TẦNG
""" + NATIONAL + """\
Số: 17/GP-KTHT
Chợ Mới, ngày 08 tháng 8 năm 2023
GIẤY PHÉP BÁN LẺ RƯỢU
(Cấp lần đầu)
Căn cứ Nghị định số 105/2017/NĐ-CP ngày 14 tháng 9 năm 2017 của Chính phủ;
Xét hồ sơ số H01.11-230725-0044 của hộ kinh doanh Phúc Lộc.
1. Cho phép hộ kinh doanh Phúc Lộc được bán lẻ sản phẩm rượu tại ấp Long Hòa, xã Long Điền A.
2. Giấy phép có giá trị đến ngày 08 tháng 8 năm 2028.
Nơi nhận:
- Hộ kinh doanh Phúc Lộc;
- Chi cục Quản lý thị trường;
- Lưu: VT.
TRƯỞNG PHÒNG
Đoàn Văn Tuấn
""",
     doc_type="Giấy phép", number="17", symbol="GP-KTHT", place="Chợ Mới", issued_date="2023-08-08",
     issuer="Phòng Kinh tế và Hạ tầng huyện Chợ Mới (UBND huyện Chợ Mới)",
     subject="Giấy phép bán lẻ rượu (Cấp lần đầu)",
     signer_name="Đoàn Văn Tuấn", signer_title="Trưởng phòng",
     recipients=["Hộ kinh doanh Phúc Lộc", "Chi cục Quản lý thị trường", "Lưu: VT."],
     dossier_codes=["H01.11-230725-0044"])


case("gcn_attp_chi_cuc", """\
SỞ Y TẾ TỈNH BẾN TRE
CHI CỤC AN TOÀN VỆ SINH
THỰC PHẨM
""" + NATIONAL + """\
Số: 35/2023/ATTP-CNĐK
Bến Tre, ngày 13 tháng 11 năm 2023
GIẤY CHỨNG NHẬN
CƠ SỞ ĐỦ ĐIỀU KIỆN AN TOÀN THỰC PHẨM
CHI CỤC AN TOÀN VỆ SINH THỰC PHẨM TỈNH BẾN TRE
Chứng nhận: Cơ sở sản xuất bánh phồng Sơn Đốc.
Địa chỉ: ấp Sơn Đông, xã Hưng Nhượng, huyện Giồng Trôm, tỉnh Bến Tre.
Đủ điều kiện an toàn thực phẩm theo quy định đối với sản xuất bánh phồng.
Giấy chứng nhận có hiệu lực đến ngày 13 tháng 11 năm 2026.
CHI CỤC TRƯỞNG
Võ Hoàng Sơn
""",
     doc_type="Giấy chứng nhận", number="35", symbol="2023/ATTP-CNĐK", place="Bến Tre",
     issued_date="2023-11-13",
     issuer="Chi cục An toàn vệ sinh thực phẩm tỉnh Bến Tre (Sở Y tế tỉnh Bến Tre)",
     subject="Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
     signer_name="Võ Hoàng Sơn", signer_title="Chi cục trưởng")


case("gxn_hon_nhan_ubnd_xa", """\
ỦY BAN NHÂN DÂN
XÃ AN THẠNH 3
""" + NATIONAL + """\
Số: 57/UBND-XNTTHN
An Thạnh 3, ngày 9 tháng 5 năm 2024
GIẤY XÁC NHẬN
TÌNH TRẠNG HÔN NHÂN
Xét đề nghị của bà Lê Thị Bích Tuyền tại hồ sơ H55.05.14-240506-0012,
Ủy ban nhân dân xã An Thạnh 3, huyện Cù Lao Dung, tỉnh Sóc Trăng xác nhận:
Bà Lê Thị Bích Tuyền, sinh ngày 12 tháng 8 năm 1996, hiện chưa đăng ký kết hôn với ai.
Giấy này có giá trị sử dụng trong thời hạn 06 tháng kể từ ngày cấp.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Chiến
""",
     doc_type="Giấy xác nhận", number="57", symbol="UBND-XNTTHN", place="An Thạnh 3",
     issued_date="2024-05-09",
     issuer="Ủy ban nhân dân xã An Thạnh 3, huyện Cù Lao Dung, tỉnh Sóc Trăng",
     subject="Giấy xác nhận tình trạng hôn nhân",
     signer_name="Trần Văn Chiến", signer_title="KT. Chủ tịch - Phó Chủ tịch",
     dossier_codes=["H55.05.14-240506-0012"])


case("gp_khai_thac_nuoc_one_line", """\
ỦY BAN NHÂN DÂN
TỈNH SÓC TRĂNG
""" + NATIONAL + """\
Số: 38/GP-UBND
Sóc Trăng, ngày 17 tháng 4 năm 2024
GIẤY PHÉP KHAI THÁC, SỬ DỤNG NƯỚC DƯỚI ĐẤT
ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG
Căn cứ Luật Tài nguyên nước ngày 27 tháng 11 năm 2023;
Xét hồ sơ số 000.00.15.H55-240325-0021 của Công ty Cổ phần Thực phẩm Sao Ta.
QUYẾT ĐỊNH:
Điều 1. Cho phép Công ty Cổ phần Thực phẩm Sao Ta khai thác, sử dụng nước dưới đất.
Điều 2. Thời hạn của giấy phép là 05 năm./.
Nơi nhận:
- Công ty CP Thực phẩm Sao Ta;
- Sở Tài nguyên và Môi trường;
- Lưu: VT, KT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Vương Quốc Nam
""",
     doc_type="Giấy phép", number="38", symbol="GP-UBND", place="Sóc Trăng", issued_date="2024-04-17",
     issuer="Ủy ban nhân dân tỉnh Sóc Trăng",
     subject="Giấy phép khai thác, sử dụng nước dưới đất",
     signer_name="Vương Quốc Nam", signer_title="TM. Ủy ban nhân dân - KT. Chủ tịch - Phó Chủ tịch",
     recipients=["Công ty CP Thực phẩm Sao Ta", "Sở Tài nguyên và Môi trường", "Lưu: VT, KT."],
     dossier_codes=["000.00.15.H55-240325-0021"])


case("gxn_benh_vien_tinh_unit_at_end", """\
SỞ Y TẾ TỈNH HẬU GIANG
BỆNH VIỆN ĐA KHOA TỈNH
""" + NATIONAL + """\
Số: 1342/GXN-BV
Hậu Giang, ngày 28 tháng 12 năm 2023
GIẤY XÁC NHẬN
Về việc điều trị nội trú
Bệnh viện Đa khoa tỉnh Hậu Giang xác nhận bà Nguyễn Thị Hoa, sinh năm 1970, điều trị nội trú tại
Khoa Nội tổng hợp từ ngày 10 tháng 12 năm 2023 đến ngày 25 tháng 12 năm 2023./.
TL. GIÁM ĐỐC
TRƯỞNG PHÒNG KẾ HOẠCH TỔNG HỢP
BS.CKI. Phan Minh Trí
""",
     doc_type="Giấy xác nhận", number="1342", symbol="GXN-BV", place="Hậu Giang", issued_date="2023-12-28",
     issuer="Bệnh viện Đa khoa tỉnh Hậu Giang (Sở Y tế tỉnh Hậu Giang)",
     subject="Về việc điều trị nội trú",
     signer_name="Phan Minh Trí", signer_title="TL. Giám đốc - Trưởng phòng Kế hoạch tổng hợp (BS.CKI.)")
