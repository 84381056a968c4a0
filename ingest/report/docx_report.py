"""The report as an editable Word document (python-docx), laid out as Decree 30/2020 asks of an
administrative document: A4, Times New Roman, the two-column letterhead (the centre under its People's
Committee; the nation and motto, then place and date), the number and the date left for staff, the
title, section 1 in sentences with the charts, the digitisation section with its table, a section for the
staff's comments, the recipients and the signer's block left blank, and Phụ lục 1 on a landscape page."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Length, Mm, Pt
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from ingest.report.charts import Chart
from ingest.report.content import BLANK, MOTTO, NATION, ReportContent, Table, cell_text

__all__ = ["write_docx"]

FONT = "Times New Roman"  # Decree 30: a Unicode Times New Roman
BODY_PT = 13
NOTE_PT = 11
TABLE_PT = 10
PAGE = (Mm(210), Mm(297))  # A4
MARGINS = {"top_margin": Mm(20), "bottom_margin": Mm(20), "left_margin": Mm(30), "right_margin": Mm(15)}
FIRST_LINE_INDENT = Mm(10)
CHART_WIDTH = Mm(160)
LETTERHEAD_WIDTHS = (Mm(70), Mm(95))
CLOSING_WIDTHS = (Mm(85), Mm(80))
NUMBER_COLUMN = Mm(10)
SIGNATURE_LINES = 4  # blank lines left for the signature and the seal
CENTRE, JUSTIFY, RIGHT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.RIGHT


def _text(paragraph: Paragraph, text: str, *, bold: bool = False, italic: bool = False,
          underline: bool = False, size: float | None = None) -> Paragraph:
    run = paragraph.add_run(text)
    run.bold, run.italic, run.underline = bold, italic, underline
    if size:
        run.font.size = Pt(size)
    return paragraph


def _line(container, text: str = "", *, align=None, space_before: float = 0, space_after: float = 0,
          **style) -> Paragraph:
    """A paragraph of one run, in a document or a table cell (whose first paragraph is used first)."""
    if isinstance(container, _Cell) and len(container.paragraphs) == 1 and not container.paragraphs[0].text:
        paragraph = container.paragraphs[0]
    else:
        paragraph = container.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_before = Pt(space_before)
    paragraph.paragraph_format.space_after = Pt(space_after)
    return _text(paragraph, text, **style)


def _borderless(document, widths: tuple[Length, ...], rows: int = 1) -> DocxTable:
    table = document.add_table(rows=rows, cols=len(widths))  # the default table style has no borders
    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    return table


def _letterhead(document, content: ReportContent) -> None:
    head = content.letterhead
    names, numbers = _borderless(document, LETTERHEAD_WIDTHS, rows=2).rows  # the number beside the date
    left, right = names.cells
    _line(left, head.authority, align=CENTRE, size=12)
    _line(left, head.centre, align=CENTRE, bold=True, size=12)
    _line(right, NATION, align=CENTRE, bold=True, size=12)
    _line(right, MOTTO, align=CENTRE, bold=True, underline=True, size=BODY_PT)
    left, right = numbers.cells
    _line(left, head.number, align=CENTRE, size=BODY_PT, space_before=6)
    _line(right, content.place_and_date, align=CENTRE, italic=True, size=BODY_PT, space_before=6)


def _body(document, text: str) -> None:
    paragraph = _line(document, text, align=JUSTIFY, space_after=6)
    paragraph.paragraph_format.first_line_indent = FIRST_LINE_INDENT


def _heading(document, text: str) -> None:
    _line(document, text, bold=True, space_before=6, space_after=6)


def _chart(document, chart: Chart) -> None:
    picture = document.add_paragraph()
    picture.alignment = CENTRE
    picture.add_run().add_picture(io.BytesIO(chart.png), width=CHART_WIDTH)
    _line(document, chart.caption, align=CENTRE, italic=True, size=NOTE_PT, space_after=8)


def _table(document, table: Table, name_width: Length, number_width: Length) -> None:
    widths = [NUMBER_COLUMN, name_width] + [number_width] * (len(table.headers) - 2)
    grid = document.add_table(rows=1 + len(table.rows), cols=len(table.headers), style="Table Grid")
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    for column, header in enumerate(table.headers):
        _line(grid.cell(0, column), header, align=CENTRE, bold=True, size=TABLE_PT)
    last = len(table.rows) - 1
    for r, row in enumerate(table.rows, start=1):
        bold = table.has_total and r - 1 == last
        for column, value in enumerate(row):
            align = RIGHT if column > 1 else (CENTRE if column == 0 else None)
            _line(grid.cell(r, column), cell_text(value), align=align, bold=bold, size=TABLE_PT)
    for row in grid.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def _closing(document, content: ReportContent) -> None:
    left, right = _borderless(document, CLOSING_WIDTHS).rows[0].cells
    _line(left, "Nơi nhận:", bold=True, italic=True, size=12)
    for recipient in content.recipients:
        _line(left, f"- {recipient}", size=NOTE_PT)
    _line(right, content.signer, align=CENTRE, bold=True, size=BODY_PT)
    for _ in range(SIGNATURE_LINES):
        _line(right, "")


def _appendix(document, content: ReportContent) -> None:
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = PAGE[1], PAGE[0]
    _line(document, content.appendix_title, align=CENTRE, bold=True)
    _line(document, content.appendix_subtitle, align=CENTRE, bold=True)
    _line(document, content.appendix_note, align=CENTRE, italic=True, size=NOTE_PT, space_after=8)
    _table(document, content.appendix, name_width=Mm(52), number_width=Mm(17))


def write_docx(content: ReportContent, charts: list[Chart]) -> bytes:
    """The report as DOCX bytes."""
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(BODY_PT)
    section = document.sections[0]
    section.page_width, section.page_height = PAGE
    for margin, value in MARGINS.items():
        setattr(section, margin, value)
    document.core_properties.title = f"{content.title} {content.subtitle}"

    _letterhead(document, content)
    _line(document, content.title, align=CENTRE, bold=True, size=14, space_before=18)
    _line(document, content.subtitle, align=CENTRE, bold=True, size=BODY_PT, space_after=12)
    _heading(document, content.dossiers_heading)
    for text in content.dossiers:
        _body(document, text)
    for chart in charts:
        _chart(document, chart)
    _heading(document, content.digitisation_heading)
    for text in content.digitisation:
        _body(document, text)
    caption = content.digitisation_table.caption
    _line(document, caption, align=CENTRE, italic=True, size=NOTE_PT, space_after=4)
    _table(document, content.digitisation_table, name_width=Mm(65), number_width=Mm(22))
    _heading(document, content.comments_heading)
    _body(document, BLANK * 3)  # for the staff's comments before signing
    _closing(document, content)
    _appendix(document, content)

    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
