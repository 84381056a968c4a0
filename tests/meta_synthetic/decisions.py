"""Synthetic Decree 30 documents (text as printed, one line a line, pages split by form feeds) with the
metadata expected of them, written to the conventions of the dev set's meta.json files.

Used by tests/test_metadata_synthetic.py and `bench/bench_meta.py --synthetic`. None of them is a
dev document; they vary the agency level, parent line, number/symbol shape, date padding, signer
chain, subject wrapping, recipients list and dossier codes.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"

CASES: list[dict] = []


def case(name: str, text: str, **meta: object) -> None:
    meta.setdefault("recipients", [])
    meta.setdefault("dossier_codes", [])
    CASES.append({"name": name, "text": text, "meta": meta})


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

case("cv_stnmt_vv_kinh_gui", """\
UBND TỈNH BẠC LIÊU
SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG
""" + NATIONAL + """\
Số: 2215/STNMT-VP
V/v đẩy mạnh số hóa hồ sơ đăng ký đất đai
và kết quả giải quyết thủ tục hành chính
Bạc Liêu, ngày 9 tháng 11 năm 2023
Kính gửi:
- Văn phòng Đăng ký đất đai tỉnh;
- Phòng Tài nguyên và Môi trường các huyện, thị xã, thành phố.
Thực hiện Nghị định số 45/2020/NĐ-CP ngày 08 tháng 4 năm 2020 của Chính phủ, Sở Tài nguyên
và Môi trường đề nghị các đơn vị số hóa toàn bộ hồ sơ tiếp nhận từ ngày 01 tháng 12 năm 2023,
trong đó có hồ sơ H49.20-230315-0001 còn tồn đọng.
Sở Tài nguyên và Môi trường đề nghị các đơn vị khẩn trương thực hiện./.
Nơi nhận:
- Như trên;
- Giám đốc Sở (để b/c);
- Lưu: VT, VP.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Lê Thanh Hải
""",
     doc_type="Công văn", number="2215", symbol="STNMT-VP", place="Bạc Liêu", issued_date="2023-11-09",
     issuer="Sở Tài nguyên và Môi trường tỉnh Bạc Liêu (UBND tỉnh Bạc Liêu)",
     subject="V/v đẩy mạnh số hóa hồ sơ đăng ký đất đai và kết quả giải quyết thủ tục hành chính",
     signer_name="Lê Thanh Hải", signer_title="KT. Giám đốc - Phó Giám đốc",
     recipients=["Văn phòng Đăng ký đất đai tỉnh",
                 "Phòng Tài nguyên và Môi trường các huyện, thị xã, thành phố",
                 "Giám đốc Sở (để b/c)", "Lưu: VT, VP."],
     dossier_codes=["H49.20-230315-0001"])

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

case("gm_vp_ubnd_huyen_three_titles", """\
UBND HUYỆN PHỤNG HIỆP
VĂN PHÒNG HĐND VÀ UBND
""" + NATIONAL + """\
Số: 86/GM-VP
Phụng Hiệp, ngày 3 tháng 10 năm 2023
GIẤY MỜI
Dự họp triển khai phần mềm một cửa điện tử
Văn phòng HĐND và UBND huyện trân trọng kính mời:
- Lãnh đạo các cơ quan chuyên môn thuộc Ủy ban nhân dân huyện;
- Chủ tịch Ủy ban nhân dân các xã, thị trấn.
Thời gian: 14 giờ 00 phút, ngày 06 tháng 10 năm 2023.
Địa điểm: Hội trường Ủy ban nhân dân huyện./.
Nơi nhận:
- Như thành phần mời;
- Lưu: VT.
TL. CHỦ TỊCH
KT. CHÁNH VĂN PHÒNG
PHÓ CHÁNH VĂN PHÒNG
Võ Thị Ngọc Hân
""",
     doc_type="Giấy mời", number="86", symbol="GM-VP", place="Phụng Hiệp", issued_date="2023-10-03",
     issuer="Văn phòng HĐND và UBND huyện Phụng Hiệp (UBND huyện Phụng Hiệp)",
     subject="Dự họp triển khai phần mềm một cửa điện tử",
     signer_name="Võ Thị Ngọc Hân", signer_title="TL. Chủ tịch - KT. Chánh Văn phòng - Phó Chánh Văn phòng",
     recipients=["Như thành phần mời", "Lưu: VT."])

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

case("cv_ubnd_huyen_tuq", """\
ỦY BAN NHÂN DÂN
HUYỆN THẠNH TRỊ
""" + NATIONAL + """\
Số: 512/UBND-VP
V/v chấn chỉnh tình trạng hồ sơ thủ tục
hành chính trễ hạn
Thạnh Trị, ngày 28 tháng 11 năm 2023
Kính gửi: Thủ trưởng các cơ quan chuyên môn thuộc UBND huyện.
Qua theo dõi trên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh, trong tháng 11 năm 2023
còn 37 hồ sơ trễ hạn. Ủy ban nhân dân huyện yêu cầu các cơ quan xử lý dứt điểm./.
Nơi nhận:
- Như trên;
- TT. Huyện ủy, TT. HĐND huyện;
- CT, các PCT UBND huyện;
- Lưu: VT.
TUQ. CHỦ TỊCH
CHÁNH VĂN PHÒNG
Hồ Minh Phúc
""",
     doc_type="Công văn", number="512", symbol="UBND-VP", place="Thạnh Trị", issued_date="2023-11-28",
     issuer="Ủy ban nhân dân huyện Thạnh Trị",
     subject="V/v chấn chỉnh tình trạng hồ sơ thủ tục hành chính trễ hạn",
     signer_name="Hồ Minh Phúc", signer_title="TUQ. Chủ tịch - Chánh Văn phòng",
     recipients=["Thủ trưởng các cơ quan chuyên môn thuộc UBND huyện", "TT. Huyện ủy, TT. HĐND huyện",
                 "CT, các PCT UBND huyện", "Lưu: VT."])

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

case("cv_sgddt_three_line_vv_codes", """\
UBND TỈNH ĐỒNG NAI
SỞ GIÁO DỤC VÀ ĐÀO TẠO
""" + NATIONAL + """\
Số: 3418/SGDĐT-VP
V/v trả kết quả hồ sơ công nhận văn bằng
tốt nghiệp do cơ sở giáo dục nước ngoài
cấp qua dịch vụ bưu chính công ích
Đồng Nai, ngày 16 tháng 10 năm 2023
Kính gửi: Bưu điện tỉnh Đồng Nai.
Sở Giáo dục và Đào tạo đề nghị Bưu điện tỉnh chuyển trả kết quả các hồ sơ
000.00.15.H19-231010-0021 và 000.00.15.H19-231011-0005 cho người dân theo địa chỉ đã đăng ký./.
Nơi nhận:
- Như trên;
- Lưu: VT, VP.
TL. GIÁM ĐỐC
CHÁNH VĂN PHÒNG
Phan Thị Thu Trang
""",
     doc_type="Công văn", number="3418", symbol="SGDĐT-VP", place="Đồng Nai", issued_date="2023-10-16",
     issuer="Sở Giáo dục và Đào tạo tỉnh Đồng Nai (UBND tỉnh Đồng Nai)",
     subject="V/v trả kết quả hồ sơ công nhận văn bằng tốt nghiệp do cơ sở giáo dục nước ngoài cấp qua "
             "dịch vụ bưu chính công ích",
     signer_name="Phan Thị Thu Trang", signer_title="TL. Giám đốc - Chánh Văn phòng",
     recipients=["Bưu điện tỉnh Đồng Nai", "Lưu: VT, VP."],
     dossier_codes=["000.00.15.H19-231010-0021", "000.00.15.H19-231011-0005"])

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

case("cv_cuc_thue_no_parent_kinh_gui_single", """\
TỔNG CỤC THUẾ
CỤC THUẾ TỈNH CÀ MAU
""" + NATIONAL + """\
Số: 1890/CTCMA-NVDTPC
V/v hướng dẫn chính sách thuế
Cà Mau, ngày 1 tháng 8 năm 2023
Kính gửi: Công ty TNHH Thủy sản Minh Phú.
Trả lời văn bản số 25/CV-MP ngày 20 tháng 7 năm 2023 của Công ty, Cục Thuế tỉnh Cà Mau có ý
kiến như sau: doanh nghiệp được áp dụng thuế suất 0% đối với hàng hóa xuất khẩu./.
Nơi nhận:
- Như trên;
- Phòng KTT1;
- Lưu: VT, NVDTPC.
KT. CỤC TRƯỞNG
PHÓ CỤC TRƯỞNG
Đỗ Văn Lực
""",
     doc_type="Công văn", number="1890", symbol="CTCMA-NVDTPC", place="Cà Mau", issued_date="2023-08-01",
     issuer="Cục Thuế tỉnh Cà Mau",
     subject="V/v hướng dẫn chính sách thuế",
     signer_name="Đỗ Văn Lực", signer_title="KT. Cục trưởng - Phó Cục trưởng",
     recipients=["Công ty TNHH Thủy sản Minh Phú", "Phòng KTT1", "Lưu: VT, NVDTPC."])


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

case("cv_bo_cuc_vv_colon_hcm", """\
BỘ Y TẾ
CỤC QUẢN LÝ DƯỢC
""" + NATIONAL + """\
Số: 5120/QLD-ĐK
V/v: đính chính thông tin trên giấy chứng nhận
lưu hành thuốc
Hà Nội, ngày 28 tháng 5 năm 2023
Kính gửi: Công ty Cổ phần Dược phẩm Imexpharm.
Cục Quản lý Dược nhận được văn bản số 118/IMP-ĐK ngày 10 tháng 5 năm 2023 của Công ty đề nghị
đính chính thông tin địa chỉ nhà sản xuất. Cục Quản lý Dược đồng ý việc đính chính nêu trên./.
Nơi nhận:
- Như trên;
- Cục trưởng (để b/c);
- Lưu: VT, ĐKT.
KT. CỤC TRƯỞNG
PHÓ CỤC TRƯỞNG
Nguyễn Thành Lâm
""",
     doc_type="Công văn", number="5120", symbol="QLD-ĐK", place="Hà Nội", issued_date="2023-05-28",
     issuer="Cục Quản lý Dược (Bộ Y tế)",
     subject="V/v: đính chính thông tin trên giấy chứng nhận lưu hành thuốc",
     signer_name="Nguyễn Thành Lâm", signer_title="KT. Cục trưởng - Phó Cục trưởng",
     recipients=["Công ty Cổ phần Dược phẩm Imexpharm", "Cục trưởng (để b/c)", "Lưu: VT, ĐKT."])

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

case("gm_kt_truong_phong_wrapped_recipient", """\
UBND THỊ XÃ NGÃ NĂM
PHÒNG NỘI VỤ
""" + NATIONAL + """\
Số: 41/GM-PNV
Ngã Năm, ngày 6 tháng 6 năm 2023
GIẤY MỜI
Dự tập huấn nghiệp vụ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính
Phòng Nội vụ trân trọng kính mời công chức Văn phòng - Thống kê các xã, phường tham dự tập huấn
vào lúc 7 giờ 30 phút, ngày 12 tháng 6 năm 2023 tại Hội trường Ủy ban nhân dân thị xã./.
Nơi nhận:
- Ủy ban nhân dân các xã, phường (để phối hợp
cử công chức tham dự);
- Lưu: VT.
KT. TRƯỞNG PHÒNG
PHÓ TRƯỞNG PHÒNG
Lê Hoàng Khải
""",
     doc_type="Giấy mời", number="41", symbol="GM-PNV", place="Ngã Năm", issued_date="2023-06-06",
     issuer="Phòng Nội vụ thị xã Ngã Năm (UBND thị xã Ngã Năm)",
     subject="Dự tập huấn nghiệp vụ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
     signer_name="Lê Hoàng Khải", signer_title="KT. Trưởng phòng - Phó Trưởng phòng",
     recipients=["Ủy ban nhân dân các xã, phường (để phối hợp cử công chức tham dự)", "Lưu: VT."])

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


case("cv_khan_four_line_vv_wrapped_addressee", """\
ỦY BAN NHÂN DÂN
TỈNH CÀ MAU
""" + NATIONAL + """\
Số: 6120/UBND-NC
V/v triển khai thực hiện thủ tục liên thông
đăng ký khai sinh, đăng ký thường trú,
cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi
trên môi trường điện tử
KHẨN
Cà Mau, ngày 05 tháng 12 năm 2023
Kính gửi: Ủy ban nhân dân các huyện, thành phố Cà Mau và Ủy ban nhân dân
các xã, phường, thị trấn trên địa bàn tỉnh.
Thực hiện Quyết định số 06/QĐ-TTg ngày 06 tháng 01 năm 2022 của Thủ tướng Chính phủ, Chủ tịch
Ủy ban nhân dân tỉnh yêu cầu các địa phương triển khai ngay nhóm thủ tục liên thông nêu trên, bảo đảm
người dân chỉ nộp hồ sơ một lần trên Cổng Dịch vụ công quốc gia./.
Nơi nhận:
- Như trên;
- Sở Tư pháp, Công an tỉnh, BHXH tỉnh;
- Lưu: VT, NC.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lâm Văn Bi
""",
     doc_type="Công văn", number="6120", symbol="UBND-NC", place="Cà Mau", issued_date="2023-12-05",
     issuer="Ủy ban nhân dân tỉnh Cà Mau",
     subject="V/v triển khai thực hiện thủ tục liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ "
             "bảo hiểm y tế cho trẻ em dưới 6 tuổi trên môi trường điện tử",
     signer_name="Lâm Văn Bi", signer_title="KT. Chủ tịch - Phó Chủ tịch",
     recipients=["Ủy ban nhân dân các huyện, thành phố Cà Mau và Ủy ban nhân dân các xã, phường, thị trấn "
                 "trên địa bàn tỉnh", "Sở Tư pháp, Công an tỉnh, BHXH tỉnh", "Lưu: VT, NC."])

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

case("cv_phong_tu_phap_tp_kinh_gui_list", """\
UBND THÀNH PHỐ SÓC TRĂNG
PHÒNG TƯ PHÁP
""" + NATIONAL + """\
Số: 208/PTP-HCTP
V/v hướng dẫn chứng thực bản sao điện tử từ bản chính
Sóc Trăng, ngày 21 tháng 8 năm 2023
Kính gửi:
- Ủy ban nhân dân các phường;
- Bộ phận Tiếp nhận và Trả kết quả thành phố.
Phòng Tư pháp hướng dẫn việc chứng thực bản sao điện tử từ bản chính theo Nghị định số 45/2020/NĐ-CP
như sau: người thực hiện chứng thực ký số vào bản sao điện tử và trả kết quả qua hệ thống./.
Nơi nhận:
- Như trên (để t/h);
- UBND thành phố (b/c);
- Lưu: VT.
TRƯỞNG PHÒNG
Lâm Quốc Tuấn
""",
     doc_type="Công văn", number="208", symbol="PTP-HCTP", place="Sóc Trăng", issued_date="2023-08-21",
     issuer="Phòng Tư pháp thành phố Sóc Trăng (UBND thành phố Sóc Trăng)",
     subject="V/v hướng dẫn chứng thực bản sao điện tử từ bản chính",
     signer_name="Lâm Quốc Tuấn", signer_title="Trưởng phòng",
     recipients=["Ủy ban nhân dân các phường", "Bộ phận Tiếp nhận và Trả kết quả thành phố",
                 "UBND thành phố (b/c)", "Lưu: VT."])


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


# --- scoring as /work/shared/bench/score/eval_meta.py does it (without its tone-mark canonicalisation:
# these texts spell every syllable one way) ----------------------------------------------------------

EXACT = ["doc_type", "number", "symbol", "place", "issued_date"]
FUZZY = ["issuer", "subject", "signer_name", "signer_title"]
FIELDS = EXACT + FUZZY + ["recipients", "dossier_codes"]


def norm(s: object) -> str | None:
    if s is None:
        return None
    text = unicodedata.normalize("NFC", str(s))
    return re.sub(r"\s+", " ", text).strip().casefold().strip(" .;:")


def recipients_f1(hyp: list[str], ref: list[str]) -> float:
    if not ref:
        return 1.0 if not hyp else 0.0
    h = [norm(x) for x in hyp if x]
    r = [norm(x) for x in ref]
    used: set[int] = set()
    tp = 0
    for x in r:
        best, bi = 0.0, None
        for i, y in enumerate(h):
            if i not in used and (s := fuzz.ratio(x, y)) > best:
                best, bi = s, i
        if best >= 80 and bi is not None:
            tp += 1
            used.add(bi)
    p = tp / len(h) if h else 0.0
    rec = tp / len(r)
    return 2 * p * rec / (p + rec) if p + rec else 0.0


def score(ref: dict, hyp: dict, strict: bool = False) -> dict[str, float]:
    """Per-field scores (1.0 = right) of one document; `strict` asks named fields to be equal after
    normalisation instead of a token-set similarity of 85."""
    out: dict[str, float] = {}
    for f in EXACT + FUZZY:
        if ref.get(f) is None:
            out[f] = float(hyp.get(f) is None) if strict else 1.0
            continue
        if f in EXACT or strict:
            out[f] = float(norm(hyp.get(f)) == norm(ref[f]))
        else:
            got = hyp.get(f)
            out[f] = float(got is not None and fuzz.token_set_ratio(norm(got), norm(ref[f])) >= 85)
    out["recipients"] = recipients_f1(hyp.get("recipients") or [], ref.get("recipients") or [])
    if strict:
        out["recipients"] = float([norm(x) for x in hyp.get("recipients") or []]
                                  == [norm(x) for x in ref.get("recipients") or []])
    codes = sorted(hyp.get("dossier_codes") or []), sorted(ref.get("dossier_codes") or [])
    out["dossier_codes"] = float(codes[0] == codes[1])
    return out
