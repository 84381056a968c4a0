"""Report periods: a span of whole days, from 00:00 of the first to 23:59:59 of the last, inclusive. A
one-stop-shop centre's month runs from the 16th to the 15th of the next month (the report of "tháng 05"
covers 16 April to 15 May)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from ingest.core.errors import Refusal, RejectedInput

__all__ = ["CENTRE_MONTH_FIRST_DAY", "Period", "centre_month", "period_of"]

CENTRE_MONTH_FIRST_DAY = 16  # a centre's month starts on the 16th of the calendar month before
_LAST_SECOND = time(23, 59, 59)


@dataclass(frozen=True, order=True)
class Period:
    """The days `first` to `last`, both included."""

    first: date
    last: date

    @property
    def start(self) -> datetime:
        """00:00:00 of the first day."""
        return datetime.combine(self.first, time.min)

    @property
    def end(self) -> datetime:
        """23:59:59 of the last day: what "by the end" is compared with."""
        return datetime.combine(self.last, _LAST_SECOND)

    @property
    def is_centre_month(self) -> bool:
        return self == centre_month(self.last.year, self.last.month)

    def previous(self) -> Period:
        """The period before: the centre month before a centre month, else as many days just before."""
        if self.is_centre_month:
            month_before = self.last.replace(day=1) - timedelta(days=1)
            return centre_month(month_before.year, month_before.month)
        days = self.last - self.first
        last = self.first - timedelta(days=1)
        return Period(last - days, last)

    def history(self, count: int) -> list[Period]:
        """This period and the `count - 1` before it, oldest first."""
        periods = [self]
        while len(periods) < count:
            periods.append(periods[-1].previous())
        return periods[::-1]

    def label(self) -> str:
        """How a report names the period: "tháng 05 năm 2021", or "từ 01/04/2021 đến 30/04/2021"."""
        if self.is_centre_month:
            return f"tháng {self.last.month:02d} năm {self.last.year}"
        return f"từ {self.first:%d/%m/%Y} đến {self.last:%d/%m/%Y}"


def centre_month(year: int, month: int) -> Period:
    """The centre's month that ends in `month` of `year`: the 16th of the month before to the 15th."""
    before = date(year, month, 1) - timedelta(days=1)
    return Period(before.replace(day=CENTRE_MONTH_FIRST_DAY), date(year, month, CENTRE_MONTH_FIRST_DAY - 1))


def period_of(first: date, last: date) -> Period:
    """The period asked for, or a refusal when it ends before it starts."""
    if first > last:
        raise RejectedInput(f"the period starts after it ends ({first:%d/%m/%Y} > {last:%d/%m/%Y}): give "
                            "--from a day on or before --to", Refusal.BAD_PERIOD)
    return Period(first, last)
