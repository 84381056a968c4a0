"""What a printable report is made from: the period's figures (of the centre or of one agency, and of
each agency), the previous period's (for the change in online share), and the online share of the last
twelve periods (for its chart)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ingest.report.periods import Period
from schemas.report import Figures, Report

__all__ = ["HISTORY_PERIODS", "OnlineShare", "ReportData"]

HISTORY_PERIODS = 12  # periods the online-share chart shows


@dataclass(frozen=True)
class OnlineShare:
    """One period's dossiers handed in online, of all it handled."""

    period: Period
    online: int
    total: int


@dataclass(frozen=True)
class ReportData:
    period: Period
    report: Report
    agency: str | None = None  # the agency the report is limited to, if any
    previous: Figures | None = None  # the previous period's figures, same scope
    online_history: list[OnlineShare] = field(default_factory=list)  # oldest first, this period last
