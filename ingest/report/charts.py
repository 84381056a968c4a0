"""The report's two charts, drawn with matplotlib's Agg canvas (no display, no pyplot state): the share
of dossiers handed in online over the last periods, and each department's share of resolved dossiers
resolved on time, as horizontal bars. PNG bytes at print resolution, labels in Vietnamese (DejaVu Sans
has the glyphs) and numbers in Vietnamese format. With nothing to draw, a chart still comes out: its
axes and a note saying there are no figures."""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from ingest.report.data import OnlineShare, ReportData
from ingest.report.narrative import departments
from ingest.report.numbers import percent, share
from ingest.report.periods import Period

__all__ = ["PRINT_DPI", "Chart", "on_time_by_agency", "online_history", "report_charts"]

PRINT_DPI = 300
WIDTH_INCHES = 6.3  # 16 cm, the text width of an A4 page with Decree 30 margins
HISTORY_HEIGHT_INCHES = 2.9
BAR_INCHES = 0.24  # height per department bar
BARS_MARGIN_INCHES = 0.9
NO_FIGURES = "Chưa có số liệu"
FONT = {"font.family": "DejaVu Sans", "font.size": 8}
LINE_COLOUR = "#1f4e79"
BAR_COLOUR = "#2e75b6"
NAME_WRAP = 34  # department names longer than this break onto a second line


@dataclass(frozen=True)
class Chart:
    caption: str
    png: bytes


def _png(figure: Figure) -> bytes:
    out = io.BytesIO()
    FigureCanvasAgg(figure)  # draws without a display
    figure.savefig(out, format="png", dpi=PRINT_DPI, metadata={"Software": None})
    return out.getvalue()


def _note(axes, text: str = NO_FIGURES) -> None:
    axes.text(0.5, 0.5, text, transform=axes.transAxes, ha="center", va="center", color="0.35", fontsize=10)


def _percent_axis(axis) -> None:
    axis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:.0f} %"))


def _period_tick(period: Period) -> str:
    if period.is_centre_month:
        return f"{period.last.month:02d}/{period.last.year}"
    return f"{period.first:%d/%m}–{period.last:%d/%m/%y}"


def online_history(history: list[OnlineShare]) -> bytes:
    """The online share of each period, oldest first; a period without dossiers leaves a gap."""
    with rc_context(FONT):
        figure = Figure(figsize=(WIDTH_INCHES, HISTORY_HEIGHT_INCHES), layout="constrained")
        axes = figure.add_subplot()
        shares = [share(point.online, point.total) for point in history]
        values = [math.nan if value is None else float(value) for value in shares]
        positions = list(range(len(history)))
        if any(value is not None for value in shares):
            axes.plot(positions, values, marker="o", color=LINE_COLOUR, linewidth=1.5, markersize=4)
            for x, value in zip(positions, shares, strict=True):
                if value is not None:
                    axes.annotate(percent(value), (x, float(value)), textcoords="offset points",
                                  xytext=(0, 6), ha="center", fontsize=6.5)
        else:
            _note(axes)
        axes.set_xticks(positions, [_period_tick(point.period) for point in history], rotation=45, ha="right")
        axes.set_ylim(0, 100)
        _percent_axis(axes.yaxis)
        axes.set_ylabel("Tỷ lệ hồ sơ trực tuyến")
        axes.grid(axis="y", color="0.88")
        axes.spines[["top", "right"]].set_visible(False)
        return _png(figure)


def _wrapped(name: str) -> str:
    if len(name) <= NAME_WRAP:
        return name
    cut = name.rfind(" ", 0, NAME_WRAP)
    return name if cut < 0 else name[:cut] + "\n" + name[cut + 1:]


def on_time_by_agency(data: ReportData) -> bytes:
    """Each department's resolved-on-time share, best at the top; departments that resolved nothing have
    no share and no bar."""
    shares = ((share(figures.resolved_on_time, figures.resolved), name)
              for name, figures in departments(data).items())
    best_first = sorted(((rate, name) for rate, name in shares if rate is not None),
                        key=lambda item: (-item[0], item[1]))
    rates = best_first[::-1]  # the first bar is drawn at the bottom
    with rc_context(FONT):
        height = BARS_MARGIN_INCHES + BAR_INCHES * max(len(rates), 3)
        figure = Figure(figsize=(WIDTH_INCHES, height), layout="constrained")
        axes = figure.add_subplot()
        if rates:
            positions = list(range(len(rates)))
            axes.barh(positions, [float(rate) for rate, _ in rates], color=BAR_COLOUR, height=0.6)
            axes.set_yticks(positions, [_wrapped(name) for _, name in rates])
            for y, (rate, _) in zip(positions, rates, strict=True):
                axes.text(float(rate) + 1, y, percent(rate), va="center", fontsize=6.5)
        else:
            axes.set_yticks([])
            _note(axes)
        axes.set_xlim(0, 112)  # room for the value after a full bar
        axes.set_xticks(range(0, 101, 20))
        _percent_axis(axes.xaxis)
        axes.set_xlabel("Tỷ lệ hồ sơ giải quyết trước và đúng hạn")
        axes.grid(axis="x", color="0.88")
        axes.spines[["top", "right"]].set_visible(False)
        return _png(figure)


def report_charts(data: ReportData) -> list[Chart]:
    """The charts of the report, with the captions they are printed under."""
    periods = f"{len(data.online_history)} kỳ" if data.online_history else "các kỳ"
    whose = data.agency or "các cơ quan"
    return [
        Chart(f"Biểu đồ 1. Tỷ lệ hồ sơ tiếp nhận trực tuyến {periods} gần nhất",
              online_history(data.online_history)),
        Chart(f"Biểu đồ 2. Tỷ lệ hồ sơ giải quyết trước và đúng hạn của {whose}", on_time_by_agency(data)),
    ]
