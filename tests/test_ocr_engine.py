"""The Tesseract engines: in process (tesserocr) and the program (pytesseract) read the same page."""

from __future__ import annotations

import numpy as np
import pytest

from ingest.cli.samples import render_page
from ingest.core.errors import RecognitionFailed
from ingest.recognise import tesseract as ocr
from ingest.recognise.engine import get_engine

LINES = ["Kết quả hoạt động của Trung tâm", "Số: 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018"]


@pytest.fixture(scope="module")
def page() -> np.ndarray:
    return np.asarray(render_page(LINES, size=(2000, 600), margin=120))


def test_options_parse_the_command_line_configuration():
    opts = ocr.TesseractOptions.parse("--psm 6 --dpi 200 -c tessedit_do_invert=0 -c a=b=c")
    assert opts == ocr.TesseractOptions(psm=6, dpi=200, variables=(("tessedit_do_invert", "0"), ("a", "b=c")))
    with pytest.raises(ValueError, match="--oem"):
        ocr.TesseractOptions.parse("--oem 1")


def test_missing_language_data_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))
    with pytest.raises(RecognitionFailed, match="tesseract-ocr-xyz"):
        ocr.tessdata_dir("xyz")


@pytest.mark.parametrize("engine", [ocr.TesseractEngine, ocr.TesseractProgram])
def test_both_engines_read_vietnamese_with_words_and_hocr(engine, page):
    out = engine().recognise(page, dpi=300)
    text = "\n".join(line.text for line in out.lines)
    assert "Kết quả hoạt động của Trung tâm" in text
    assert "61/2018/NĐ-CP" in text
    words = [w for line in out.lines for w in line.words]
    assert all(0 <= w.conf <= 100 and w.bbox.w > 0 for w in words)
    assert out.hocr.lstrip().startswith("<?xml") and "ocrx_word" in out.hocr


def test_one_engine_per_process():
    assert get_engine(lang="vie") is get_engine(lang="vie")
    assert isinstance(get_engine(lang="vie"), ocr.TesseractEngine)


@pytest.mark.parametrize("engine", [ocr.TesseractEngine, ocr.TesseractProgram])
def test_segmentation_mode_per_call(engine, page):
    """One loaded engine reads with another --psm for a single call, then goes back to its own."""
    eng = engine()
    line = page[100:190]  # the first printed line only
    assert [ln.text for ln in eng.recognise(line, dpi=300, psm=7).lines] == [LINES[0]]
    assert len(eng.recognise(page, dpi=300, psm=7).lines) < 2  # --psm 7: the image is one line
    assert len(eng.recognise(page, dpi=300).lines) == 2


def test_results_without_text_are_none_not_an_error():
    class Empty:  # what tesserocr does for a symbol that has no text (seen on a speckled page)
        def GetUTF8Text(self, *level):  # noqa: N802 - tesserocr's name
            raise RuntimeError("No text returned")

    class Letter:
        def GetUTF8Text(self, *level):  # noqa: N802
            return "ẩ"

    assert ocr._utf8(Empty(), 0) is None
    assert ocr._utf8(Letter(), 0) == "ẩ"
