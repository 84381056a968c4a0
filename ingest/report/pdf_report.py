"""The report as PDF: the content rendered to HTML by a Jinja2 template (templates/report.html.j2, its
look in templates/report.css: A4, Liberation Serif with DejaVu Serif behind it, Phụ lục 1 on a landscape
page), the charts embedded as PNG data URIs, laid out by WeasyPrint (Pango; no browser)."""

from __future__ import annotations

import base64
from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from ingest.report.charts import Chart
from ingest.report.content import BLANK, MOTTO, NATION, ReportContent, cell_text

__all__ = ["report_html", "write_pdf"]

TEMPLATE = "report.html.j2"

_environment = Environment(loader=PackageLoader("ingest.report", "templates"),
                           autoescape=select_autoescape(["html", "html.j2"]), undefined=StrictUndefined,
                           trim_blocks=True, lstrip_blocks=True)
_environment.filters["cell"] = cell_text


@dataclass(frozen=True)
class _EmbeddedChart:
    caption: str
    uri: str


def report_html(content: ReportContent, charts: list[Chart]) -> str:
    """The report as one HTML page, its charts inside it."""
    embedded = [_EmbeddedChart(chart.caption, "data:image/png;base64," + base64.b64encode(chart.png).decode())
                for chart in charts]
    return _environment.get_template(TEMPLATE).render(c=content, charts=embedded, nation=NATION, motto=MOTTO,
                                                      blank=BLANK)


def write_pdf(content: ReportContent, charts: list[Chart]) -> bytes:
    """The report as PDF bytes."""
    from weasyprint import HTML  # its import loads Pango: only when a PDF is asked for

    return HTML(string=report_html(content, charts)).write_pdf()
