"""The printable monthly report: `render(fmt, data)` gives the report of `data` as PDF, DOCX or XLSX bytes
(`ReportFormat`); any other format is refused. The letterhead's centre and province come from the
settings (`SOHOA_CENTRE_NAME`, `SOHOA_PROVINCE`) unless one is passed."""

from __future__ import annotations

from enum import StrEnum

from ingest.core.errors import Refusal, RejectedInput
from ingest.core.settings import get_settings
from ingest.report.content import Letterhead, build
from ingest.report.data import ReportData

__all__ = ["MEDIA_TYPES", "ReportFormat", "render", "report_format"]


class ReportFormat(StrEnum):
    """The forms a report is printed in (`sohoa report --format`)."""

    PDF = "pdf"
    DOCX = "docx"  # for staff to add their comments before signing
    XLSX = "xlsx"  # the tables


MEDIA_TYPES = {
    ReportFormat.PDF: "application/pdf",
    ReportFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ReportFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def report_format(fmt: str) -> ReportFormat:
    """The format asked for ("PDF", "pdf", ".pdf"), or a refusal naming the ones there are."""
    try:
        return ReportFormat(fmt.strip().lower().lstrip("."))
    except ValueError:
        raise RejectedInput(f"a report is printed as {', '.join(ReportFormat)}, not {fmt!r}: choose one of "
                            "them", Refusal.BAD_MODE) from None


def render(fmt: str, data: ReportData, letterhead: Letterhead | None = None) -> bytes:
    """The report of `data` in the format `fmt` (pdf, docx or xlsx), as the bytes of its file."""
    kind = report_format(fmt)
    content = build(data, letterhead or Letterhead.from_settings(get_settings()))
    # each writer's library is imported only when its format is asked for (WeasyPrint loads Pango)
    if kind is ReportFormat.XLSX:
        from ingest.report.xlsx_report import write_xlsx

        return write_xlsx(content, data)
    from ingest.report.charts import report_charts

    charts = report_charts(data)
    if kind is ReportFormat.DOCX:
        from ingest.report.docx_report import write_docx

        return write_docx(content, charts)
    from ingest.report.pdf_report import write_pdf

    return write_pdf(content, charts)
