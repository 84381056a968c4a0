"""Second recognition passes of ingest.recognise on generated pages: columns that Tesseract's
automatic layout ran together are read again one at a time, and text it left out (a lone page
number) is read as a single line; plus the units fix of ingest.layout."""

from __future__ import annotations

import os
import shutil

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from ingest import layout, preprocess, raster, recognise
from ingest.ocr import get_engine
from schemas.ocr import BBox, OcrLine

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
FONT = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"
BOLD = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf"
RECIPIENTS = ["Nơi nhận:", "- Như trên;", "- Văn phòng Chính phủ;", "- Sở Nội vụ;", "- Lưu: VT."]
SIGNER = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")


def last_page() -> np.ndarray:
    """The last page of a decision at 300 dpi (A4): the page number alone at the top, the last
    sentence, then the recipients list (small type) beside the signer's titles (bold)."""
    img = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(img)
    regular, small, bold = (ImageFont.truetype(FONT, 54), ImageFont.truetype(FONT, 44),
                            ImageFont.truetype(BOLD, 54))
    draw.text((1225, 110), "2", fill=0, font=regular)
    draw.text((236, 220), "nhân dân tỉnh để các cơ quan, đơn vị biết, khẩn trương thực hiện./.", fill=0,
              font=regular)
    for i, line in enumerate(RECIPIENTS):
        draw.text((236, 360 + 56 * i), line, fill=0, font=small)
    for i, line in enumerate([*SIGNER, "", "", "", "", "Lâm Hoàng Nghĩa"]):
        draw.text((1700 - draw.textlength(line, font=bold) / 2, 360 + 70 * i), line, fill=0, font=bold)
    return np.array(img)


def line(text: str, block: int, x: int, y: int, w: int, h: int = 40) -> OcrLine:
    return OcrLine(text=text, block=block, bbox=BBox(x=x, y=y, w=w, h=h))


def test_side_by_side_lines_of_a_block_give_one_box_per_column():
    lines = [line("Nơi nhận:", 3, 236, 375, 211), line("TL. CHỦ TỊCH", 3, 1494, 368, 395),
             line("- Như trên;", 4, 238, 435, 198), line("CHÁNH VĂN PHÒNG", 4, 1403, 438, 578),
             line("- Văn phòng Chính phủ;", 4, 238, 491, 747), line("nhân dân tỉnh", 2, 237, 246, 1537)]
    boxes = sorted(recognise.mixed_columns(lines, 33.0), key=lambda b: b.x)
    assert [(b.x, b.x + b.w) for b in boxes] == [(236, 985), (1403, 1981)]  # left list, right titles
    assert boxes[0].y == 375 and boxes[0].y + boxes[0].h == 531 and boxes[1].y == 368
    assert recognise.mixed_columns([line("a b c", 1, 100, 100, 900), line("d e f", 1, 100, 160, 900)]) == []
    rest = line("- Sở Nội vụ;", 5, 238, 547, 420)  # the list goes on in a block of its own
    left = min(recognise.mixed_columns([*lines, rest], 33.0), key=lambda b: b.x)
    assert left.y + left.h == 587


def test_units_and_a_doubled_d_are_fixed():
    assert layout.fix_units(["1172/QĐÐ-UBND"])[0] == "1172/QĐ-UBND"
    assert layout.fix_units(["96,0", "m2;", "tổng", "192,0", "m2.", "m2", "x", "3", "m3)"]) == \
        ["96,0", "m²;", "tổng", "192,0", "m².", "m2", "x", "3", "m³)"]


def test_a_reference_number_with_one_misread_part_is_kept():
    box = (0, 0, 1, 1)
    words = [("1520/TB-CAT-PC0G", 30.0, box), ("XxƑ7*#⁄_„_", 5.0, box), ("ab/cd/ef", 10.0, box)]
    assert layout.drop_junk(words) == words[:1]


@needs_tesseract
def test_lone_page_number_is_found_by_the_second_pass():
    page = last_page()
    prep = preprocess.prepare(page, 300)
    first = get_engine().recognise(prep.image).lines
    top, middle = 200 * prep.scale, 1240 * prep.scale
    text_lines = [ln for ln in first if ln.bbox.y > top]  # as if the first pass had dropped it
    regions = recognise.missed_regions(prep.image, text_lines, prep.text_height)
    assert any(r.y + r.h < top and r.x < middle < r.x + r.w for r in regions), regions
    found = recognise.recover_missed(prep.image, text_lines, prep.text_height)
    assert [ln.text for ln in found] == ["2"]
    assert recognise.missed_regions(prep.image, first, prep.text_height) == [] or \
        all(ln.text != "2" for ln in recognise.recover_missed(prep.image, first, prep.text_height))


@needs_tesseract
def test_last_page_reads_column_by_column():
    ocr_page, _ = recognise.recognise_page(raster.PageImage(2, last_page(), 300.0), repair=False)
    assert (ocr_page.width, ocr_page.height) == (2480, 3508)  # boxes in the page's own pixels
    name = next(ln for ln in ocr_page.lines if ln.text == "Lâm Hoàng Nghĩa")
    assert abs(name.bbox.y - (360 + 70 * 7)) < 30  # drawn at 300 dpi, read at ~200
    lines = ocr_page.text.splitlines()
    assert lines[0] == "2"  # the page number read in the second pass comes first
    for expected in [*RECIPIENTS, *SIGNER, "Lâm Hoàng Nghĩa"]:
        assert expected in lines, ocr_page.text
    assert lines.index("Nơi nhận:") < lines.index("- Lưu: VT.")  # each column in order
    assert lines.index("TM. ỦY BAN NHÂN DÂN") < lines.index("PHÓ CHỦ TỊCH")


def test_speck_slips_are_undone():
    assert layout.fix_units(["ñguyễn", "höặc", "HĐÑD"]) == ["nguyễn", "hoặc", "HĐND"]
    box = (0, 0, 1, 1)
    words = [("ˆ", 90.0, box), ("`", 95.0, box), ("Ủy", 90.0, box), ("-", 90.0, box)]
    assert layout.drop_junk(words) == words[2:]  # a lone accent is junk however confident
