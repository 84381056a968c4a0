"""The report's tables as an Excel workbook (openpyxl): the figures (label, count, share, of what), Phụ lục
1 per department, the digitisation per department, and the online share of the last periods with a line
chart. Numbers are stored as numbers: counts as integers shown `#,##0`, shares as fractions shown
`0.00 %` (Excel and LibreOffice print the separators of the reader's locale: 8.311 and 84,12 % in
Vietnamese); a share of nothing is an empty cell."""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.chart import LineChart, Reference
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ingest.report.content import Cell, ReportContent, Table, summary_rows
from ingest.report.data import ReportData
from ingest.report.narrative import period_days
from ingest.report.numbers import share

__all__ = ["COUNT_FORMAT", "DATE_FORMAT", "SHARE_FORMAT", "write_xlsx"]

COUNT_FORMAT = "#,##0"
SHARE_FORMAT = "0.00 %"
DATE_FORMAT = "dd/mm/yyyy"
FIRST_TABLE_ROW = 4  # under the title and the period
NAME_WIDTH = 40
NUMBER_WIDTH = 13
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=13)
THIN = Side(style="thin")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, horizontal="center", vertical="center")
CHART_SIZE_CM = (24, 9)


def _put(sheet: Worksheet, row: int, column: int, value: Cell) -> None:
    """One value, numbers as numbers: a share (in %) becomes a fraction with a percent format."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, Decimal):
        cell.value, cell.number_format = float(value / 100), SHARE_FORMAT
    elif isinstance(value, int):
        cell.value, cell.number_format = value, COUNT_FORMAT
    else:
        cell.value = value  # text, or None: the empty cell of a share of nothing
    cell.border = GRID


def _heading(sheet: Worksheet, title: str, subtitle: str) -> None:
    sheet["A1"] = title
    sheet["A1"].font = TITLE
    sheet["A2"] = subtitle


def _write_table(sheet: Worksheet, table: Table, name_column: int) -> int:
    """The table from FIRST_TABLE_ROW, headings frozen above it; returns the last row."""
    for column, header in enumerate(table.headers, start=1):
        cell = sheet.cell(row=FIRST_TABLE_ROW, column=column, value=header)
        cell.font, cell.alignment, cell.border = BOLD, WRAP, GRID
        width = NAME_WIDTH if column == name_column else NUMBER_WIDTH
        sheet.column_dimensions[get_column_letter(column)].width = width
    row = FIRST_TABLE_ROW
    for row, values in enumerate(table.rows, start=FIRST_TABLE_ROW + 1):
        for column, value in enumerate(values, start=1):
            _put(sheet, row, column, value)
            if table.has_total and row == FIRST_TABLE_ROW + len(table.rows):
                sheet.cell(row=row, column=column).font = BOLD
    sheet.freeze_panes = sheet.cell(row=FIRST_TABLE_ROW + 1, column=name_column + 1)
    return row


def _figures(sheet: Worksheet, content: ReportContent, data: ReportData) -> None:
    _heading(sheet, f"{content.title} {content.subtitle}", f"Số liệu {period_days(data)}")
    rows: list[tuple[Cell, ...]] = list(summary_rows(data.report))
    _write_table(sheet, Table("", ("Chỉ tiêu", "Số lượng", "Tỷ lệ", "Tỷ lệ trên"), rows, has_total=False), 1)
    sheet.column_dimensions["D"].width = NAME_WIDTH // 2


def _history(sheet: Worksheet, data: ReportData) -> None:
    _heading(sheet, "Tỷ lệ hồ sơ tiếp nhận trực tuyến các kỳ gần nhất", "Kỳ cuối là kỳ báo cáo")
    headers = ("Kỳ", "Từ ngày", "Đến ngày", "Trực tuyến", "Tổng số hồ sơ", "Tỷ lệ trực tuyến")
    rows = [(point.period.label(), None, None, point.online, point.total, share(point.online, point.total))
            for point in data.online_history]
    last = _write_table(sheet, Table("", headers, rows, has_total=False), 1)
    for row, point in enumerate(data.online_history, start=FIRST_TABLE_ROW + 1):
        for column, day in ((2, point.period.first), (3, point.period.last)):
            cell = sheet.cell(row=row, column=column, value=day)
            cell.number_format = DATE_FORMAT
    if not data.online_history:
        return
    chart = LineChart()
    chart.title, chart.y_axis.title = "Tỷ lệ hồ sơ trực tuyến", "Tỷ lệ"
    chart.y_axis.number_format, chart.y_axis.scaling.min, chart.y_axis.scaling.max = "0 %", 0, 1
    chart.add_data(Reference(sheet, min_col=6, min_row=FIRST_TABLE_ROW, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=FIRST_TABLE_ROW + 1, max_row=last))
    chart.width, chart.height = CHART_SIZE_CM
    chart.legend = None
    sheet.add_chart(chart, f"A{last + 3}")


def write_xlsx(content: ReportContent, data: ReportData) -> bytes:
    """The report's tables as XLSX bytes."""
    workbook = Workbook()
    figures = workbook.active
    figures.title = "Tổng hợp"
    _figures(figures, content, data)
    appendix = workbook.create_sheet("Phụ lục 1")
    _heading(appendix, f"{content.appendix_title}. {content.appendix_subtitle}", content.appendix_note)
    _write_table(appendix, content.appendix, 2)
    digitisation = workbook.create_sheet("Số hóa")
    _heading(digitisation, content.digitisation_table.caption, content.digitisation_heading)
    _write_table(digitisation, content.digitisation_table, 2)
    _history(workbook.create_sheet("Trực tuyến"), data)
    workbook.properties.title = f"{content.title} {content.subtitle}"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
