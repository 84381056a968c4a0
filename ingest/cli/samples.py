"""Sample Vietnamese administrative pages rendered as scans, for `sohoa demo` and the tests.

The text is our own, written in the Decree 30/2020 layout; pages are drawn with a font that has the
Vietnamese glyphs (Liberation Serif 2.x or DejaVu Serif) at 300 dpi.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
]
A4_300DPI = (2480, 3508)

DEMO_PAGES: list[list[str]] = [
    [
        "ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG",
        "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
        "Số: 215/BC-TTPVHCC",
        "",
        "BÁO CÁO",
        "Kết quả hoạt động của Trung tâm Phục vụ hành chính công",
        "",
        "Trong quý III năm 2024, Trung tâm đã tiếp nhận 8.311 hồ sơ thủ tục",
        "hành chính, trong đó đã giải quyết đúng hạn 8.205 hồ sơ.",
        "Kết quả giải quyết thủ tục hành chính được trả cho tổ chức, cá nhân",
        "tại quầy hoặc qua dịch vụ bưu chính công ích.",
        "Tỷ lệ hồ sơ tiếp nhận trực tuyến đạt mức độ cao nhất từ trước đến nay.",
    ],
    [
        "Những khó khăn, vướng mắc trong quá trình thực hiện:",
        "Một số đường truyền mạng tại xã còn chậm, ảnh hưởng đến việc số hóa",
        "kết quả giải quyết thủ tục hành chính theo Nghị định số 45/2020/NĐ-CP.",
        "Phương hướng nhiệm vụ quý IV: tiếp tục nâng cao chất lượng phục vụ,",
        "đẩy mạnh số hóa hồ sơ và kết quả giải quyết thủ tục hành chính.",
        "",
        "Nơi nhận:",
        "- Văn phòng Ủy ban nhân dân tỉnh;",
        "- Lưu: VT.",
    ],
    [
        "ỦY BAN NHÂN DÂN HUYỆN CHÂU THÀNH",
        "Số: 37/GPXD",
        "",
        "GIẤY PHÉP XÂY DỰNG",
        "Cấp cho ông Nguyễn Văn Đường, địa chỉ ấp Phú Hòa, xã Mỹ Xuyên.",
        "Được phép xây dựng nhà ở riêng lẻ theo hồ sơ số 000.00.17.H55-210516-0001.",
        "Giấy phép có hiệu lực kể từ ngày ký.",
    ],
]


def font(size_px: int) -> ImageFont.FreeTypeFont:
    """A Vietnamese-capable serif font at this pixel size."""
    for path in FONT_CANDIDATES:
        if Path(path).exists():
            return ImageFont.truetype(path, size_px)
    raise FileNotFoundError("no font with Vietnamese glyphs: apt-get install fonts-liberation2 "
                            "or fonts-dejavu-core")


def render_page(lines: list[str], *, size: tuple[int, int] = A4_300DPI, font_px: int = 50,
                margin: int = 250, line_gap: float = 1.6,
                centred: frozenset[int] = frozenset()) -> Image.Image:
    """A white page with the lines printed in black, grayscale, 300 dpi; lines whose index is in
    `centred` are centred, as Decree 30 headings are."""
    img = Image.new("L", size, 255)
    draw = ImageDraw.Draw(img)
    f = font(font_px)
    y = margin
    for i, line in enumerate(lines):
        if line:
            x = (size[0] - draw.textlength(line, font=f)) / 2 if i in centred else margin
            draw.text((x, y), line, fill=0, font=f)
        y += int(font_px * line_gap)
    return img


def png_bytes(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, format="PNG", dpi=(300, 300))
    return buf.getvalue()


def pdf_bytes(images: list[Image.Image]) -> bytes:
    """An image-only PDF, one page per image, at 300 dpi."""
    buf = io.BytesIO()
    images[0].save(buf, format="PDF", resolution=300.0, save_all=True, append_images=images[1:])
    return buf.getvalue()


def write_demo_scans(folder: Path) -> list[Path]:
    """A two-page PDF report and a one-page PNG permit, as a counter clerk would scan them (made
    once: a second demo finds the same bytes and shows them as duplicates)."""
    folder.mkdir(parents=True, exist_ok=True)
    report = folder / "bao_cao_ket_qua_quy_III.pdf"
    permit = folder / "giay_phep_xay_dung_37.png"
    if not (report.exists() and permit.exists()):
        pages = [render_page(lines) for lines in DEMO_PAGES]
        report.write_bytes(pdf_bytes(pages[:2]))
        permit.write_bytes(png_bytes(pages[2]))
    return [report, permit]
