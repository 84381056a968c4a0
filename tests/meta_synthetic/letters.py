"""Synthetic official letters (Công văn) and invitations (Giấy mời): text as printed and the metadata
expected of them."""

from __future__ import annotations

from tests.meta_synthetic.documents import NATIONAL, collector

LETTERS: list[dict] = []
case = collector(LETTERS)


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
