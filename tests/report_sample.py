"""Report data for the printable report's tests: the figures of the dev export's May 2021 (the numbers of
fixtures/report/figures.json, a copy of ../shared/bench/report/expected.json) with made-up digitisation
figures, a previous period and a twelve-period online history; an empty report; a one-department one."""

from __future__ import annotations

import json
from pathlib import Path

from ingest.report.data import HISTORY_PERIODS, OnlineShare, ReportData
from ingest.report.periods import Period, centre_month
from schemas.report import Figures, Report

FIGURES = Path(__file__).parent / "fixtures" / "report" / "figures.json"
MAY_2021 = centre_month(2021, 5)
UNLINKED = 7  # made up: results done in the period matching no dossier
PREVIOUS_ONLINE, PREVIOUS_TOTAL = 2700, 5000  # made up: 54,00 % online in April 2021


def _digitised_share(index: int) -> int:
    """A made-up share of each department's resolved dossiers with a digitised result, falling from 95 %
    so that the last departments are under the 50 % the report names."""
    return max(20, 95 - 5 * index)


def _with_digitisation(figures: dict, digitised: int, unlinked: int = 0) -> dict:
    rate = round(digitised / figures["resolved"], 4) if figures["resolved"] else 0.0
    return {**figures, "results_digitised": digitised, "digitisation_rate": rate,
            "unlinked_results": unlinked}


def zero_figures(**counts: int) -> Figures:
    fields = {name: 0 for name in Figures.model_fields}
    return Figures(**{**fields, "digitisation_rate": 0.0, **counts})


def history(period: Period, online: int, total: int) -> list[OnlineShare]:
    """Twelve periods ending with `period`, made-up shares rising from 30 % before it."""
    earlier = period.history(HISTORY_PERIODS)[:-1]
    points = [OnlineShare(p, 300 + 20 * i, 1000) for i, p in enumerate(earlier)]
    return points + [OnlineShare(period, online, total)]


def sample_data() -> ReportData:
    """The centre's report of May 2021."""
    raw = json.loads(FIGURES.read_text(encoding="utf-8"))
    by_agency = {}
    for index, (name, figures) in enumerate(raw.pop("by_agency").items()):
        digitised = figures["resolved"] * _digitised_share(index) // 100
        by_agency[name] = Figures(**_with_digitisation(figures, digitised))
    digitised = sum(f.results_digitised for f in by_agency.values())
    report = Report(**_with_digitisation(raw, digitised, UNLINKED), by_agency=by_agency)
    previous = zero_figures(total=PREVIOUS_TOTAL, online=PREVIOUS_ONLINE)
    return ReportData(period=MAY_2021, report=report, previous=previous,
                      online_history=history(MAY_2021, report.online, report.total))


def agency_data(name: str) -> ReportData:
    """The report of May 2021 limited to one department (`by_agency` still holds them all: the report must
    show only the one)."""
    full = sample_data()
    figures = full.report.by_agency[name]
    report = Report(**figures.model_dump(), by_agency=full.report.by_agency)
    return ReportData(period=MAY_2021, report=report, agency=name, previous=None,
                      online_history=history(MAY_2021, figures.online, figures.total))


def empty_data() -> ReportData:
    """A period without a dossier, a rating or a department; the period before and the history empty too."""
    period = Period(MAY_2021.first, MAY_2021.last)
    report = Report(**zero_figures().model_dump())
    return ReportData(period=period, report=report, previous=zero_figures(),
                      online_history=[OnlineShare(p, 0, 0) for p in period.history(HISTORY_PERIODS)])
