"""Numbers as a Vietnamese report writes them: thousands grouped with "." and decimals after ",", so
`8.311` dossiers and `84,12 %`; shares are percentages rounded half up to two decimals, and a change of
share is told in points ("giảm 0,84 điểm").

A share of nothing (a part of a whole that is 0) has no value: `share` gives None and the printed forms
show `NO_SHARE` ("–") rather than a "0,00 %" that would read as a measured rate; the XLSX leaves the
cell empty."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

__all__ = ["NO_SHARE", "POINTS", "SHARE_PLACES", "change_in_points", "count", "decimal", "percent", "share",
           "share_text"]

SHARE_PLACES = Decimal("0.01")  # shares are rounded to two decimals
NO_SHARE = "–"  # what a share of nothing is printed as (an en dash)
THOUSANDS = "."
DECIMAL_COMMA = ","
PERCENT_SIGN = " %"  # Vietnamese typography separates the sign from the number
POINTS = "điểm phần trăm"  # the unit of a change of share


def share(part: int, whole: int) -> Decimal | None:
    """`part` as a percentage of `whole`, rounded half up to two decimals; None when `whole` is 0."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(SHARE_PLACES, rounding=ROUND_HALF_UP)


def count(value: int) -> str:
    """A count with its thousands grouped: 8311 → "8.311"."""
    return f"{value:,d}".replace(",", THOUSANDS)


def decimal(value: Decimal | float) -> str:
    """A number with two decimals: 84.12 → "84,12", 1234.5 → "1.234,50"."""
    rounded = Decimal(str(value)).quantize(SHARE_PLACES, rounding=ROUND_HALF_UP)
    return f"{rounded:,.2f}".replace(",", "\0").replace(".", DECIMAL_COMMA).replace("\0", THOUSANDS)


def share_text(value: Decimal | None) -> str:
    """A share without its sign (for a table whose heading says "%"): "84,12", or "–" for no share."""
    return NO_SHARE if value is None else decimal(value)


def percent(value: Decimal | None) -> str:
    """A share with its sign: "84,12 %", or "–" for no share."""
    return NO_SHARE if value is None else decimal(value) + PERCENT_SIGN


def change_in_points(now: Decimal, before: Decimal) -> str:
    """How a share moved between two periods, in percentage points of the shares as printed (so a
    reader subtracting the two printed shares finds the same): "tăng 1,20 điểm phần trăm", "giảm 0,84
    điểm phần trăm", "không thay đổi"."""
    difference = now - before
    if difference > 0:
        return f"tăng {decimal(difference)} {POINTS}"
    if difference < 0:
        return f"giảm {decimal(-difference)} {POINTS}"
    return "không thay đổi"
