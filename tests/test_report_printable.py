"""The printable monthly report: Vietnamese number format, the issue's own sentence rebuilt from its
figures, and the PDF (read back with pdftotext), the DOCX (python-docx) and the XLSX (openpyxl) of the dev
export's May 2021 with made-up digitisation figures (tests/report_sample.py); the charts; an unknown format
refused; the empty report; a report limited to one department; the letterhead from the settings."""

from __future__ import annotations

import io
import re
import struct
import subprocess
from decimal import Decimal

import docx
import openpyxl
import pytest
from report_sample import MAY_2021, agency_data, empty_data, sample_data, zero_figures

from ingest.core.errors import Refusal, RejectedInput
from ingest.core.settings import Settings, get_settings
from ingest.report import narrative
from ingest.report.charts import PRINT_DPI, WIDTH_INCHES, report_charts
from ingest.report.content import Letterhead
from ingest.report.data import ReportData
from ingest.report.numbers import change_in_points, count, percent, share
from ingest.report.printable import ReportFormat, render, report_format
from schemas.report import Report

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SOC_TRANG = Letterhead("Trung tâm Phục vụ hành chính công", "tỉnh Sóc Trăng")
DEPARTMENTS = list(sample_data().report.by_agency)
# the sample's figures as the report must print them (worked out by hand from fixtures/report/figures.json)
FIGURES_IN_VIETNAMESE = [
    "5.203",      # total
    "912", "4.291",  # carried over, received
    "4.410", "84,76 %",  # resolved, of the total
    "4.391", "99,57 %", "0,43 %",  # on time and late, of the resolved
    "793", "15,24 %", "1,51 %",  # in progress, of the total; overdue, of those
    "0,21 %",  # returned, of the total
    "2.688", "51,66 %", "68,85 %", "3.904",  # online, of the total and of the 3.904 at level 3-4
    "giảm 2,34 điểm",  # from 54,00 % in April
    "341", "97,65 %",  # ratings, satisfied
    "3.369", "76,39 %",  # results digitised, of the resolved (made up)
]


def _words(text: str) -> str:
    return " ".join(text.split())


def _pdf_text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                         check=True, timeout=60)
    return _words(out.stdout)


def _docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return _words("\n".join(parts))


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return render("pdf", sample_data(), SOC_TRANG)


@pytest.fixture(scope="module")
def word() -> bytes:
    return render("docx", sample_data(), SOC_TRANG)


def test_numbers_are_written_the_vietnamese_way():
    assert count(8311) == "8.311" and count(1_234_567) == "1.234.567" and count(0) == "0"
    assert percent(share(6991, 8311)) == "84,12 %"
    assert share(1, 20_000) == Decimal("0.01")  # 0,005 rounds half up, not to even
    assert share(2, 3) == Decimal("66.67") and share(3, 3) == Decimal("100.00")
    assert share(5, 0) is None and percent(None) == "–"
    assert change_in_points(Decimal("43.23"), Decimal("44.07")) == "giảm 0,84 điểm phần trăm"
    assert change_in_points(Decimal("44.07"), Decimal("43.23")) == "tăng 0,84 điểm phần trăm"
    assert change_in_points(Decimal("1.00"), Decimal("1.00")) == "không thay đổi"


def test_the_issues_own_sentence_is_rebuilt_from_its_figures():
    """Sóc Trăng, May 2021, as the issue quotes it."""
    figures = zero_figures(total=8311, carried_over=1676, received=6635, resolved=6991, resolved_on_time=6989,
                           resolved_late=2, in_progress=1320, in_progress_on_time=1318, in_progress_overdue=2,
                           returned=3, online=3593, level34=5571, ratings=528, satisfied=527, not_satisfied=1)
    by_agency = {"Sở Y tế": zero_figures(resolved=10, resolved_late=1, returned=3),
                 "Công an tỉnh": zero_figures(resolved=10, resolved_late=1),
                 "Sở Tư pháp": zero_figures(in_progress=5, in_progress_overdue=2)}
    data = ReportData(MAY_2021, Report(**figures.model_dump(), by_agency=by_agency),
                      previous=zero_figures(total=10_000, online=4407))
    text = " ".join(narrative.dossiers(data))
    for expected in ["Trung tâm tiếp nhận 8.311 hồ sơ", "1.676 hồ sơ kỳ trước chuyển sang",
                     "6.635 hồ sơ tiếp nhận mới", "Đã giải quyết 6.991 hồ sơ (84,12 %",
                     "trước và đúng hạn 6.989 hồ sơ (99,97 %)", "trễ hạn 2 hồ sơ (0,03 %)",
                     "1 hồ sơ của Công an tỉnh, 1 hồ sơ của Sở Y tế", "Đang giải quyết 1.320 hồ sơ (15,88 %",
                     "quá hạn 2 hồ sơ", "Cả 2 hồ sơ quá hạn đều thuộc Sở Tư pháp", "3 hồ sơ (0,04 %",
                     "Cả 3 hồ sơ trả lại đều thuộc Sở Y tế",
                     "Tiếp nhận trực tuyến 3.593 hồ sơ, chiếm 43,23 %",
                     "64,49 % trong số 5.571 hồ sơ", "528 lượt đánh giá", "527 lượt hài lòng (99,81 %)",
                     "tháng 04 năm 2021: 44,07 %", "giảm 0,84 điểm phần trăm"]:
        assert expected in text, expected


def test_the_pdf_carries_the_figures_in_vietnamese_format(pdf, tmp_path):
    assert pdf.startswith(b"%PDF-")
    text = _pdf_text(pdf, tmp_path)
    for expected in FIGURES_IN_VIETNAMESE + ["tháng 05 năm 2021", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                             "Độc lập - Tự do - Hạnh phúc", "ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG",
                                             "BÁO CÁO", "PHỤ LỤC 1", "Nơi nhận",
                                             "Nghị định số 45/2020/NĐ-CP"]:
        assert expected in text, expected
    for department in DEPARTMENTS:
        assert department in text, department
    assert not re.search(r"\d,\d{3}\b(?! %)", text.replace("45/2020", "")), "a count grouped with a comma"
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True, timeout=60).stdout
    assert b"595.276 x 841.89 pts (A4)" in info
    images = subprocess.run(["pdfimages", "-list", "-"], input=pdf, capture_output=True, timeout=60).stdout
    assert len(images.decode().splitlines()) - 2 >= 2  # the two charts, under the listing's two heading lines


def test_the_docx_carries_the_figures_and_is_laid_out_for_signing(word):
    text = _docx_text(word)
    for expected in FIGURES_IN_VIETNAMESE + ["tháng 05 năm 2021", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                             "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "Số: …… /BC-TTPVHCC",
                                             "Sóc Trăng, ngày …… tháng …… năm 2021", "GIÁM ĐỐC", "Nơi nhận:"]:
        assert expected in text, expected
    for department in DEPARTMENTS:
        assert department in text, department
    document = docx.Document(io.BytesIO(word))
    letterhead, *_, appendix = document.tables
    assert "ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG" in letterhead.cell(0, 0).text
    assert [cell.text for cell in appendix.rows[-1].cells][1:4] == ["Tổng cộng", "5.203", "912"]
    assert len(appendix.rows) == 1 + len(DEPARTMENTS) + 1
    assert len(document.inline_shapes) == 2  # the charts
    assert document.sections[-1].page_width > document.sections[-1].page_height  # Phụ lục 1 is landscape
    assert document.styles["Normal"].font.name == "Times New Roman"


def test_the_xlsx_holds_numbers_as_numbers():
    workbook = openpyxl.load_workbook(io.BytesIO(render("xlsx", sample_data(), SOC_TRANG)))
    assert workbook.sheetnames == ["Tổng hợp", "Phụ lục 1", "Số hóa", "Trực tuyến"]
    summary = {row[0].value: row for row in workbook["Tổng hợp"].iter_rows(min_row=5)}
    assert summary["Tổng số hồ sơ"][1].value == 5203
    resolved = summary["Đã giải quyết"]
    assert resolved[1].value == 4410 and resolved[2].value == pytest.approx(0.8476)
    assert "%" in resolved[2].number_format and resolved[1].number_format == "#,##0"
    appendix = {row[1]: list(row) for row in workbook["Phụ lục 1"].iter_rows(min_row=5, values_only=True)}
    assert set(appendix) == set(DEPARTMENTS) | {"Tổng cộng"}
    assert appendix["Tổng cộng"][2:12] == [5203, 912, 4291, 4410, 4391, 19, 793, 12, 11, 2688]
    assert appendix["Sở Tư pháp"][2] == 707 and appendix["Sở Tư pháp"][12] == pytest.approx(0.9949)
    history = list(workbook["Trực tuyến"].iter_rows(min_row=5, values_only=True))
    assert len(history) == 12 and history[-1][3:] == (2688, 5203, pytest.approx(0.5166))
    for sheet in workbook:
        for row in sheet.iter_rows(min_row=4, values_only=True):
            assert not any(isinstance(v, str) and re.fullmatch(r"[\d.,% ]+", v) for v in row), row


def test_the_charts_are_pngs_at_print_resolution():
    for data in (sample_data(), empty_data()):
        charts = report_charts(data)
        assert len(charts) == 2
        for chart in charts:
            assert chart.png.startswith(PNG_SIGNATURE)
            width, _ = struct.unpack(">II", chart.png[16:24])  # the IHDR chunk
            assert width == round(WIDTH_INCHES * PRINT_DPI)
            assert chart.caption.startswith("Biểu đồ")


def test_an_unknown_format_is_refused():
    with pytest.raises(RejectedInput) as refused:
        render("odt", sample_data(), SOC_TRANG)
    assert refused.value.code == Refusal.BAD_MODE
    assert "pdf, docx, xlsx" in refused.value.message and "'odt'" in refused.value.message
    assert report_format("PDF") is ReportFormat.PDF and report_format(".docx") is ReportFormat.DOCX


def test_the_empty_report_renders(tmp_path):
    data = empty_data()
    text = _pdf_text(render("pdf", data, SOC_TRANG), tmp_path)
    assert "Trung tâm không có hồ sơ nào cần giải quyết" in text
    assert "chưa có lượt đánh giá" in text and "chưa có hồ sơ được giải quyết xong" in text
    word = render("docx", data, SOC_TRANG)
    assert "Trung tâm không có hồ sơ nào" in _docx_text(word)
    total = [cell.text for cell in docx.Document(io.BytesIO(word)).tables[-1].rows[-1].cells]
    assert total[1:3] == ["Tổng cộng", "0"] and total[-1] == "–"  # the on-time share of nothing
    workbook = openpyxl.load_workbook(io.BytesIO(render("xlsx", data, SOC_TRANG)))
    summary = {row[0]: row for row in workbook["Tổng hợp"].iter_rows(min_row=5, values_only=True)}
    assert summary["Đã giải quyết"][1:3] == (0, None)  # a share of nothing is an empty cell


def test_a_report_of_one_department_speaks_of_it_alone(tmp_path):
    data = agency_data("Sở Tư pháp")
    assert "Sở Y tế" in data.report.by_agency  # given every department, it shows one
    for text in (_docx_text(render("docx", data, SOC_TRANG)),
                 _pdf_text(render("pdf", data, SOC_TRANG), tmp_path)):
        assert "kết quả giải quyết thủ tục hành chính của Sở Tư pháp" in text
        assert "707 hồ sơ thuộc thẩm quyền giải quyết của Sở Tư pháp" in text
        assert "Đề nghị Sở Tư pháp" in text and "82,89 %" in text  # 586 resolved of 707
        assert "Sở Y tế" not in text and "Công an tỉnh" not in text


def test_the_letterhead_comes_from_the_settings(monkeypatch):
    city = Letterhead.from_settings(Settings(province="thành phố Cần Thơ", centre_name="Trung tâm Phục vụ "
                                             "hành chính công thành phố"))
    assert city.authority == "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ" and city.place == "Cần Thơ"
    assert city.abbreviation == "TTPVHCCTP" and city.authority_name == "Ủy ban nhân dân thành phố"
    unset = Letterhead.from_settings(Settings())
    assert unset.authority == "ỦY BAN NHÂN DÂN TỈNH ……" and unset.place_and_date(2021).startswith("……, ngày")
    monkeypatch.setenv("SOHOA_PROVINCE", "Đồng Tháp")
    monkeypatch.setenv("SOHOA_CENTRE_NAME", "Trung tâm Hành chính công")
    get_settings.cache_clear()
    try:
        text = _docx_text(render("docx", empty_data()))
    finally:
        get_settings.cache_clear()
    assert "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP" in text and "TRUNG TÂM HÀNH CHÍNH CÔNG" in text
    assert "/BC-TTHCC" in text and "Đồng Tháp, ngày" in text
