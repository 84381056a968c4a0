"""Dates, times and highlighted snippets as the staff pages show them (Vietnamese conventions)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from markupsafe import Markup, escape

__all__ = ["VN_OFFSET", "highlighted", "parse_vn_date", "vn_date", "vn_datetime"]

VN_OFFSET = timedelta(hours=7)  # Asia/Ho_Chi_Minh, no daylight saving
_TYPED_DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d")


def vn_datetime(value: datetime | None) -> str:
    """dd/mm/yyyy HH:MM in Vietnam time, from a naive UTC timestamp."""
    return (value + VN_OFFSET).strftime("%d/%m/%Y %H:%M") if value else ""


def vn_date(value: str | date | None) -> str:
    """dd/mm/yyyy from an ISO date (string or date)."""
    if not value:
        return ""
    try:
        d = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)
    return d.strftime("%d/%m/%Y")


def parse_vn_date(text: str | None) -> date | None:
    """A date typed as dd/mm/yyyy (or d/m/yyyy, dd-mm-yyyy) or ISO yyyy-mm-dd; ValueError otherwise."""
    text = (text or "").strip()
    if not text:
        return None
    for fmt in _TYPED_DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"ngày “{text}” không đúng dạng dd/mm/yyyy")


def highlighted(snippet: str, spans: list[tuple[int, int]]) -> Markup:
    """The snippet, escaped, with each [start, end) span in <mark>."""
    out, last = [], 0
    for a, b in sorted(spans):
        if a < last:
            continue
        out.append(escape(snippet[last:a]))
        out.append(Markup("<mark>") + escape(snippet[a:b]) + Markup("</mark>"))
        last = b
    out.append(escape(snippet[last:]))
    return Markup("").join(out)
