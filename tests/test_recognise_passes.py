"""Second recognition passes of ingest.recognise on generated pages: columns that Tesseract's
automatic layout ran together are read again one at a time, and text it left out (a lone page
number) is read as a single line; plus the units fix of ingest.recognise.junk."""

from __future__ import annotations

import os
import pathlib
import shutil

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from ingest.prepare.page import Prepared, prepare
from ingest.raster import render as raster
from ingest.recognise import columns, cores, junk, marks, missed, page, second_look, spaces
from ingest.recognise.engine import get_engine
from ingest.vietnamese import tones
from ingest.vietnamese.orthography import is_syllable_shape
from schemas.ocr import BBox, OcrLine, OcrWord

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
    boxes = sorted(columns.mixed_columns(lines, 33.0), key=lambda b: b.x)
    assert [(b.x, b.x + b.w) for b in boxes] == [(236, 985), (1403, 1981)]  # left list, right titles
    assert boxes[0].y == 375 and boxes[0].y + boxes[0].h == 531 and boxes[1].y == 368
    assert columns.mixed_columns([line("a b c", 1, 100, 100, 900), line("d e f", 1, 100, 160, 900)]) == []
    rest = line("- Sở Nội vụ;", 5, 238, 547, 420)  # the list goes on in a block of its own
    left = min(columns.mixed_columns([*lines, rest], 33.0), key=lambda b: b.x)
    assert left.y + left.h == 587


def test_units_and_a_doubled_d_are_fixed():
    assert junk.fix_units(["1172/QĐÐ-UBND"])[0] == "1172/QĐ-UBND"
    assert junk.fix_units(["96,0", "m2;", "tổng", "192,0", "m2.", "m2", "x", "3", "m3)"]) == \
        ["96,0", "m²;", "tổng", "192,0", "m².", "m2", "x", "3", "m³)"]


def test_a_reference_number_with_one_misread_part_is_kept():
    box = (0, 0, 1, 1)
    words = [("1520/TB-CAT-PC0G", 30.0, box), ("XxƑ7*#⁄_„_", 5.0, box), ("ab/cd/ef", 10.0, box)]
    assert junk.drop_junk(words) == words[:1]


@needs_tesseract
def test_lone_page_number_is_found_by_the_second_pass():
    drawn = last_page()
    prep = prepare(drawn, 300)
    first = get_engine().recognise(prep.image).lines
    top, middle = 200 * prep.scale, 1240 * prep.scale
    text_lines = [ln for ln in first if ln.bbox.y > top]  # as if the first pass had dropped it
    regions = missed.missed_regions(prep.image, text_lines, prep.text_height)
    assert any(r.y + r.h < top and r.x < middle < r.x + r.w for r in regions), regions
    found = missed.recover_missed(prep.image, text_lines, prep.text_height)
    assert [ln.text for ln in found] == ["2"]
    assert missed.missed_regions(prep.image, first, prep.text_height) == [] or \
        all(ln.text != "2" for ln in missed.recover_missed(prep.image, first, prep.text_height))


@needs_tesseract
def test_last_page_reads_column_by_column():
    ocr_page, _ = page.recognise_page(raster.PageImage(2, last_page(), 300.0), repair=False)
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
    assert junk.fix_units(["ñguyễn", "höặc", "HĐÑD"]) == ["nguyễn", "hoặc", "HĐND"]
    box = (0, 0, 1, 1)
    words = [("ˆ", 90.0, box), ("`", 95.0, box), ("Ủy", 90.0, box), ("-", 90.0, box)]
    assert junk.drop_junk(words) == words[2:]  # a lone accent is junk however confident


FIXTURES = pathlib.Path(__file__).parent / "fixtures"


def words_line(*texts: str) -> OcrLine:
    """One line of words side by side, 100 px apart."""
    words = [OcrWord(text=t, conf=90.0, bbox=BBox(x=100 * i, y=0, w=80, h=30)) for i, t in enumerate(texts)]
    return OcrLine(text=" ".join(texts), bbox=BBox(x=0, y=0, w=100 * len(texts), h=30), words=words)


def test_tone_table_knows_the_usual_spelling_and_its_company():
    counts = tones.load_counts()
    acute, hook = counts.syllables["tông"]
    assert hook > 10 * acute  # "tổng" far more usual than "tống"
    assert tones.log_odds("tông", tones.ACUTE, "hiện", "hợp", counts) > 2  # "tổng hợp" above all
    assert tones.log_odds("đo", tones.HOOK, "đường", None, counts) < 0.5  # "đường đỏ" is at home
    assert tones.swap_tone("KHẤN") == "KHẨN" and tones.swap_tone("(đổi,") == "(đối,"


def test_a_suspect_takes_the_other_tone_only_when_the_image_and_the_corpus_agree():
    def reread(choices):
        return lambda box: [("t", [("t", 96.0)]), (choices[0][0], choices), ("n", [("n", 93.0)])]

    line = words_line("thực", "hiện;", "tống", "hợp")
    close = [("ố", 85.7), ("ổ", 87.9), ("ô", 15.0)]  # the hook nearly as likely as the stroke
    assert tones.fix_tones([line], reread(close))[0].text == "thực hiện; tổng hợp"
    clear = [("ố", 95.1), ("ổ", 30.0)]
    assert tones.fix_tones([line], reread(clear))[0].text == "thực hiện; tống hợp"
    # "đỏ" beside "đường" keeps its hook though "đó" is 14 times as frequent and the image leans to it
    red = words_line("chỉ", "giới", "đường", "đỏ,", "chỉ")
    leaning = [("ỏ", 70.7), ("ó", 86.0)]
    assert tones.fix_tones([red], lambda box: [("đ", [("đ", 95.0)]), ("ỏ", leaning)])[0].text == red.text
    # a word whose twin is the rarer spelling is never read again
    asked = []
    tones.fix_tones([words_line("tổng", "số")], lambda box: asked.append(box) or [])
    assert asked == []


@needs_tesseract
def test_hooks_read_as_acutes_are_put_back():
    """Two lines of a 300 dpi dev page as read (~200 dpi): Tesseract reads "đẩy nhanh" as "đấy
    nhanh" and "buổi sáng" as "buối sáng" (word confidence ~90); the second look fixes both and
    leaves the "buổi" read right at the end of the line alone."""
    image = np.array(Image.open(FIXTURES / "hook_read_as_acute.png").convert("L"))
    lines = get_engine().recognise(image, psm=6).lines
    first = " ".join(ln.text for ln in lines)
    assert "đấy nhanh" in first and "buối sáng" in first  # what the fixture is for
    text = " ".join(ln.text for ln in second_look.second_look_tones(image, lines, 22.7))
    assert "đẩy nhanh" in text and "buổi sáng" in text and text.endswith("giờ 30, buổi")
    assert text.replace("đẩy", "đấy").replace("buổi sáng", "buối sáng") == first


def test_a_wide_gap_inside_a_word_is_a_space():
    ink = np.array([1, 1, 0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 1], bool)
    assert spaces.space_column(ink, 24.0) == (8, 18)
    assert spaces.space_column(ink, 40.0) is None  # 10 px is no space in letters 40 px high
    assert spaces.space_column(np.array([1, 0, 0, 0, 1, 0, 0, 0, 1], bool), 5.0) is None  # even gaps
    assert spaces.worth_a_look("VPUBND", is_syllable_shape)
    assert not spaces.worth_a_look("nghiêng", is_syllable_shape)
    assert not spaces.worth_a_look("12/QĐ", str.isalpha)


@needs_tesseract
def test_run_together_header_words_are_split():
    """ "VP UBND" with its space read as one word "VPUBND" (the header's columns read as one line) is
    read again in two halves and split; "UBND" alone, with no gap, is left as it is."""
    img = Image.new("L", (700, 90), 255)
    font = ImageFont.truetype(FONT, 34)
    draw = ImageDraw.Draw(img)
    draw.text((40, 25), "VP", fill=0, font=font)
    vp_end = 40 + int(draw.textlength("VP", font=font))
    draw.text((vp_end + 11, 25), "UBND", fill=0, font=font)
    image = np.array(img)
    ys, xs = np.nonzero(image < 128)
    top, height, end = int(ys.min()), int(ys.max() - ys.min() + 1), int(xs.max()) + 1
    merged = OcrWord(text="VPUBND", conf=84.0, bbox=BBox(x=40, y=top, w=end - 40, h=height))
    line = OcrLine(text="VPUBND", bbox=merged.bbox, words=[merged])
    out = spaces.split_run_together(image, [line], 22.0)
    assert [w.text for w in out[0].words] == ["VP", "UBND"] and out[0].text == "VP UBND"
    assert out[0].words[0].bbox.x + out[0].words[0].bbox.w < out[0].words[1].bbox.x
    alone = OcrWord(text="UBND", conf=90.0, bbox=BBox(x=vp_end + 11, y=top, w=end - vp_end - 11, h=height))
    kept = [OcrLine(text="UBND", bbox=alone.bbox, words=[alone])]
    assert spaces.split_run_together(image, kept, 22.0) == kept


@needs_tesseract
def test_column_boxes_from_the_layout_match_those_from_the_text():
    """The columns are found in Tesseract's layout, before recognition (so the helper engine can
    read them meanwhile); they must be the columns the recognised lines show."""
    prep = prepare(last_page(), 300)
    seen: list[list[OcrLine]] = []
    out = get_engine().recognise(prep.image, on_layout=seen.append)
    assert len(seen) == 1 and all(not ln.text.strip() for ln in seen[0])
    from_layout = sorted(columns.mixed_columns(seen[0], prep.text_height), key=lambda b: b.x)
    from_text = sorted(columns.mixed_columns(out.lines, prep.text_height), key=lambda b: b.x)
    assert len(from_layout) == len(from_text) == 2
    for a, b in zip(from_layout, from_text, strict=True):
        assert abs(a.x - b.x) < 10 and abs(a.y - b.y) < 10 and abs(a.w - b.w) < 20 and abs(a.h - b.h) < 20


def test_left_column_goes_first_when_a_line_across_both_ends_in_the_right_one():
    left, right = BBox(x=100, y=100, w=400, h=120), BBox(x=900, y=100, w=500, h=120)
    across = line("VP UBND TỈNH CỘNG HÒA XÃ HỘI", 2, 100, 100, 1300)  # centre x 750: in neither
    across_right = line("UBND TỈNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA", 2, 400, 100, 1000)  # centre 900
    below = line("Số: 12/BB", 2, 100, 180, 300)
    redone = [[line("VP UBND TỈNH", 1001, 100, 100, 300), line("Số: 12/BB", 1001, 100, 180, 300)],
              [line("CỘNG HÒA XÃ HỘI", 1002, 900, 100, 500)]]
    texts = [ln.text for ln in columns.put_columns([across_right, below], [left, right], redone, 30)]
    assert texts == ["VP UBND TỈNH", "Số: 12/BB", "CỘNG HÒA XÃ HỘI"]
    texts = [ln.text for ln in columns.put_columns([across, below], [left, right], redone, 30)]
    assert texts == [across.text, "VP UBND TỈNH", "Số: 12/BB"]  # a line in neither box stays


def test_a_failed_column_reread_fails_the_page(monkeypatch):
    def broken(*_a, **_k):
        raise RuntimeError("helper engine broke")

    monkeypatch.setattr(columns, "read_columns", broken)
    monkeypatch.setattr(columns, "get_engine", lambda **_k: None)
    rereads = columns.ColumnRereads(np.full((400, 1500), 255, np.uint8), 30.0)
    lines = [line("Nơi nhận:", 3, 100, 100, 200), line("TL. CHỦ TỊCH", 3, 900, 100, 300)]
    rereads.start(lines)
    assert rereads.boxes
    with pytest.raises(RuntimeError, match="helper engine broke"):
        rereads.put_in(lines)
    nothing = columns.ColumnRereads(np.full((400, 1500), 255, np.uint8), 30.0)
    one = [line("một dòng", 1, 100, 100, 1200)]
    nothing.start(one)
    assert nothing.put_in(one) == one  # no columns: nothing read again


def test_columns_the_layout_did_not_show_are_read_after_the_main_pass(monkeypatch):
    """A signature or fax toner can join the layout's columns; then the columns of the text are
    read, as the page had been read before the layout was used."""
    read = []

    def fake_read(image, boxes, text_height, engine):
        read.append(boxes)
        return [[line(f"column {i}", 1000 + i, b.x, b.y, b.w)] for i, b in enumerate(boxes)]

    monkeypatch.setattr(columns, "read_columns", fake_read)
    monkeypatch.setattr(columns, "get_engine", lambda **_k: None)
    text = [line("Nơi nhận:", 3, 100, 100, 200), line("TL. CHỦ TỊCH", 3, 900, 100, 300)]
    rereads = columns.ColumnRereads(np.full((400, 1500), 255, np.uint8), 30.0)
    rereads.start([line("", 3, 100, 100, 1100)])  # the layout: one line across the page
    assert rereads.boxes == []
    assert [ln.text for ln in rereads.put_in(text)] == ["column 0", "column 1"]
    assert len(read) == 1 and len(read[0]) == 2


def test_only_photocopied_and_faxed_pages_get_their_marks_polished():
    blank = np.full((100, 100), 255, np.uint8)
    speckled = Prepared(blank, text_height=22.0, steps=("illumination", "denoise", "speckled"))
    fax = Prepared(blank, text_height=16.5, steps=("smooth", "illumination", "denoise"))
    tiff = Prepared(blank, text_height=22.7, steps=("smooth", "illumination", "denoise"))
    clean = Prepared(blank, text_height=22.0, steps=("illumination", "denoise"))
    assert marks.unsure_marks_below(speckled) == marks.SURE_LINE_SPECKLED
    assert marks.unsure_marks_below(fax) == marks.SURE_LINE_FAX
    assert marks.unsure_marks_below(tiff) is None and marks.unsure_marks_below(clean) is None


def test_marks_are_polished_only_in_lines_read_unsure():
    def words(text: str, conf: float) -> list[OcrWord]:
        return [OcrWord(text=t, conf=conf, bbox=BBox(x=100 * i, y=0, w=90, h=30))
                for i, t in enumerate(text.split())]

    unsure = OcrLine(text="Ủy ban nhần dân", block=1, bbox=BBox(x=0, y=0, w=400, h=30),
                     words=words("Ủy ban nhần dân", 88.0))
    sure = unsure.model_copy(update={"words": words("Ủy ban nhần dân", 97.0)})
    fixed, kept = marks.correct_page_marks([unsure, sure], 95.0)
    assert fixed.text == "Ủy ban nhân dân" and [w.text for w in fixed.words][2] == "nhân"
    assert kept == sure


@needs_tesseract
def test_one_core_reads_the_columns_after_the_main_pass_with_the_same_result(monkeypatch):
    """A worker pool process reads its pages on one core (use_one_core): no helper thread, the
    columns read by the main engine after its pass, and the page the same as with the helper."""
    import threading

    image = raster.PageImage(2, last_page(), 300.0)
    helped, _ = page.recognise_page(image, repair=False)
    monkeypatch.setattr(cores, "_ONE_CORE", True)
    engines, threads = [], []
    real_get_engine, real_read = columns.get_engine, columns.read_columns

    def spy_read(*args, **kwargs):
        threads.append(threading.current_thread())
        return real_read(*args, **kwargs)

    def spy_get_engine(**kwargs):
        engines.append(kwargs.get("helper", False))
        return real_get_engine(**kwargs)

    monkeypatch.setattr(columns, "read_columns", spy_read)
    monkeypatch.setattr(columns, "get_engine", spy_get_engine)
    monkeypatch.setattr(page, "get_engine", spy_get_engine)
    alone, _ = page.recognise_page(image, repair=False)
    assert threads == [threading.main_thread()] and not any(engines)
    assert alone.model_dump() == helped.model_dump()
