"""`sohoa ocr` reads every supported format in-process with real Tesseract."""

from __future__ import annotations

import io
import json

from ingest.cli.samples import render_page
from schemas.ocr import OcrResult
from tests.conftest import run_sohoa

LINES_A = ["Kết quả giải quyết thủ tục hành chính", "được trả cho tổ chức, cá nhân."]
LINES_B = ["Ủy ban nhân dân tỉnh Sóc Trăng", "Độc lập - Tự do - Hạnh phúc"]


def _pages():
    return [render_page(lines, size=(2480, 900)) for lines in (LINES_A, LINES_B)]


def test_png_and_jpeg(tmp_path):
    a, _ = _pages()
    png, jpg = tmp_path / "a.png", tmp_path / "a.jpg"
    a.save(png, dpi=(300, 300))
    a.save(jpg, quality=85, dpi=(300, 300))
    for path in (png, jpg):
        proc = run_sohoa("ocr", str(path))
        assert proc.returncode == 0, proc.stderr
        assert "Kết quả giải quyết thủ tục hành chính" in proc.stdout


def test_multipage_pdf_and_tiff_pages_separated_by_form_feed(tmp_path):
    a, b = _pages()
    pdf, tif = tmp_path / "two.pdf", tmp_path / "two.tif"
    a.save(pdf, resolution=300.0, save_all=True, append_images=[b])
    a.convert("1").save(tif, save_all=True, append_images=[b.convert("1")], dpi=(300, 300),
                        compression="group4")
    for path in (pdf, tif):
        proc = run_sohoa("ocr", str(path))
        assert proc.returncode == 0, proc.stderr
        first, second = proc.stdout.split("\f")
        assert "giải quyết" in first and "Sóc Trăng" in second


def test_json_is_an_ocr_result_with_words_boxes_confidences(tmp_path):
    a, _ = _pages()
    path = tmp_path / "a.png"
    a.save(path)
    result = OcrResult.model_validate(json.loads(run_sohoa("ocr", str(path), "--json").stdout))
    assert len(result.pages) == 1
    words = [w for line in result.pages[0].lines for w in line.words]
    assert "quyết" in [w.text for w in words]
    assert all(0 <= w.conf <= 100 and w.bbox.w > 0 for w in words)


def test_bad_file_gets_a_message_and_exit_code_not_a_traceback(tmp_path):
    bad = tmp_path / "scan.pdf"
    buf = io.BytesIO()
    _pages()[0].save(buf, format="PNG")
    bad.write_bytes(buf.getvalue())
    proc = run_sohoa("ocr", str(bad))
    assert proc.returncode == 2
    assert "extension lies" in proc.stderr and "Traceback" not in proc.stderr
    missing = run_sohoa("ocr", str(tmp_path / "nope.png"))
    assert missing.returncode == 1 and "does not exist" in missing.stderr


def test_quick_path_takes_only_plain_calls_and_typer_handles_the_rest(tmp_path):
    from ingest.cli.ocr import quick

    assert quick([]) is None
    assert quick(["--help"]) is None
    assert quick(["--bogus", "a.png"]) is None
    help_ = run_sohoa("ocr", "--help")
    assert help_.returncode == 0 and "--json" in help_.stdout
    unknown = run_sohoa("ocr", "--bogus", "a.png")
    assert unknown.returncode == 2 and "--bogus" in unknown.stderr


def test_flags_in_any_order_and_without_repair(tmp_path):
    a, _ = _pages()
    path = tmp_path / "a.png"
    a.save(path)
    proc = run_sohoa("ocr", "--no-repair", str(path), "--json")
    assert proc.returncode == 0, proc.stderr
    assert "quyết" in OcrResult.model_validate(json.loads(proc.stdout)).pages[0].text


def test_a_bad_setting_in_the_environment_is_named(tmp_path):
    proc = run_sohoa("ocr", str(tmp_path / "a.png"), env={"SOHOA_MAX_PAGES": "many"})
    assert proc.returncode == 1 and "SOHOA_MAX_PAGES" in proc.stderr and "Traceback" not in proc.stderr
