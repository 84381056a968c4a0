"""What the printed report says, whatever its format: the Decree 30 letterhead (the centre and the
province from the settings `SOHOA_CENTRE_NAME`, `SOHOA_PROVINCE`, the number and date left blank for staff),
the title, the sections' paragraphs, the tables (Phụ lục 1 per department, digitisation per department, the
figures with their shares), the recipients and the signer. The DOCX, PDF and XLSX writers lay this out.

A table cell is text, a count (int), a share (Decimal, in %) or None for a share of nothing; each writer
formats it (`numbers`)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from ingest.core.settings import Settings
from ingest.report import narrative
from ingest.report.data import ReportData
from ingest.report.numbers import count, share, share_text
from schemas.report import Figures

__all__ = ["BLANK", "MOTTO", "NATION", "Cell", "Letterhead", "ReportContent", "Table", "build", "cell_text",
           "summary_rows"]

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
BLANK = "……"  # what staff fill in by hand: the number, the date, a province not configured
REPORT_KIND = "BC"  # a report's abbreviation in its number (Decree 30, Appendix III)
SIGNER = "GIÁM ĐỐC"
TOTAL_LABEL = "Tổng cộng"
PROVINCE = "tỉnh"
CITY = "thành phố"  # a centrally-run city: "thành phố Cần Thơ"

Cell = str | int | Decimal | None


def cell_text(value: Cell) -> str:
    """A table cell as printed: a count grouped ("8.311"), a share without its sign ("84,12", the heading
    says "%"), "–" for a share of nothing."""
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return count(value)
    return share_text(value)


@dataclass(frozen=True)
class Table:
    """Headings and rows; the last row is the total when `has_total`."""

    caption: str
    headers: tuple[str, ...]
    rows: list[tuple[Cell, ...]]
    has_total: bool = True


@dataclass(frozen=True)
class Letterhead:
    """Who reports (the centre under its province's People's Committee) and where."""

    centre_name: str
    province: str = ""  # "tỉnh Sóc Trăng", "thành phố Cần Thơ", or a bare name (a province)

    @classmethod
    def from_settings(cls, settings: Settings) -> Letterhead:
        return cls(settings.centre_name.strip(), settings.province.strip())

    def _kind_and_name(self) -> tuple[str, str]:
        for kind in (CITY, PROVINCE):
            if self.province.lower().startswith(kind + " "):
                return kind, self.province[len(kind):].strip()
        return PROVINCE, self.province

    @property
    def authority(self) -> str:
        """"ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG"."""
        kind, name = self._kind_and_name()
        return f"ỦY BAN NHÂN DÂN {kind.upper()} {name.upper() or BLANK}"

    @property
    def authority_name(self) -> str:
        """"Ủy ban nhân dân tỉnh", as a recipient."""
        return f"Ủy ban nhân dân {self._kind_and_name()[0]}"

    @property
    def place(self) -> str:
        return self._kind_and_name()[1] or BLANK

    @property
    def centre(self) -> str:
        return self.centre_name.upper()

    @property
    def abbreviation(self) -> str:
        """The centre's initials, without their tone marks (Đ kept): "TTPVHCC"."""
        words = [word for word in self.centre_name.split() if word[0].isalpha()]
        initials = (unicodedata.normalize("NFD", word)[0] for word in words)
        return "".join(initials).upper()

    @property
    def number(self) -> str:
        return f"Số: {BLANK} /{REPORT_KIND}-{self.abbreviation}"

    def place_and_date(self, year: int) -> str:
        return f"{self.place}, ngày {BLANK} tháng {BLANK} năm {year}"


@dataclass(frozen=True)
class ReportContent:
    letterhead: Letterhead
    place_and_date: str
    title: str
    subtitle: str
    dossiers_heading: str
    dossiers: list[str]
    digitisation_heading: str
    digitisation: list[str]
    digitisation_table: Table
    comments_heading: str
    recipients: list[str]
    signer: str
    appendix_title: str
    appendix_subtitle: str
    appendix_note: str
    appendix: Table


APPENDIX_HEADERS = ("STT", "Cơ quan", "Tổng số hồ sơ", "Kỳ trước chuyển sang", "Tiếp nhận mới",
                    "Đã giải quyết", "Trước và đúng hạn", "Trễ hạn", "Đang giải quyết", "Quá hạn",
                    "Trả lại", "Tiếp nhận trực tuyến", "Tỷ lệ đúng hạn (%)")
DIGITISATION_HEADERS = ("STT", "Cơ quan", "Hồ sơ đã giải quyết", "Kết quả đã số hóa", "Chưa số hóa",
                        "Tỷ lệ số hóa (%)")


def _appendix_row(number: Cell, name: str, f: Figures) -> tuple[Cell, ...]:
    return (number, name, f.total, f.carried_over, f.received, f.resolved, f.resolved_on_time,
            f.resolved_late, f.in_progress, f.in_progress_overdue, f.returned, f.online,
            share(f.resolved_on_time, f.resolved))


def _digitisation_row(number: Cell, name: str, f: Figures) -> tuple[Cell, ...]:
    return (number, name, f.resolved, f.results_digitised, f.resolved - f.results_digitised,
            share(f.results_digitised, f.resolved))


Row = Callable[[Cell, str, Figures], tuple[Cell, ...]]


def _per_agency(data: ReportData, row: Row, caption: str, headers: tuple[str, ...]) -> Table:
    rows = [row(i, name, figures) for i, (name, figures) in enumerate(narrative.departments(data).items(), 1)]
    rows.append(row("", TOTAL_LABEL, data.report))
    return Table(caption, headers, rows)


def summary_rows(f: Figures) -> list[tuple[str, int, Decimal | None, str]]:
    """The figures as (label, count, share, of what the share is), for a sheet of them."""
    total, resolved, ratings = "tổng số hồ sơ", "hồ sơ đã giải quyết", "lượt đánh giá"
    in_progress = "hồ sơ đang giải quyết"
    return [
        ("Tổng số hồ sơ", f.total, None, ""),
        ("Kỳ trước chuyển sang", f.carried_over, share(f.carried_over, f.total), total),
        ("Tiếp nhận mới", f.received, share(f.received, f.total), total),
        ("Đã giải quyết", f.resolved, share(f.resolved, f.total), total),
        ("Trước và đúng hạn", f.resolved_on_time, share(f.resolved_on_time, f.resolved), resolved),
        ("Trễ hạn", f.resolved_late, share(f.resolved_late, f.resolved), resolved),
        ("Đang giải quyết", f.in_progress, share(f.in_progress, f.total), total),
        ("Còn trong hạn", f.in_progress_on_time, share(f.in_progress_on_time, f.in_progress), in_progress),
        ("Quá hạn", f.in_progress_overdue, share(f.in_progress_overdue, f.in_progress), in_progress),
        ("Trả lại (hoàn trả, rút hồ sơ)", f.returned, share(f.returned, f.total), total),
        ("Tiếp nhận trực tuyến", f.online, share(f.online, f.total), total),
        ("Hồ sơ mức độ 3, 4", f.level34, share(f.level34, f.total), total),
        ("Trực tuyến trong số hồ sơ mức độ 3, 4", f.online, share(f.online, f.level34), "hồ sơ mức độ 3, 4"),
        ("Lượt đánh giá", f.ratings, None, ""),
        ("Hài lòng", f.satisfied, share(f.satisfied, f.ratings), ratings),
        ("Không hài lòng", f.not_satisfied, share(f.not_satisfied, f.ratings), ratings),
        ("Kết quả đã số hóa và liên kết", f.results_digitised, share(f.results_digitised, f.resolved),
         resolved),
        ("Kết quả số hóa chưa liên kết hồ sơ", f.unlinked_results, None, ""),
    ]


def build(data: ReportData, letterhead: Letterhead) -> ReportContent:
    """The report's content from its data."""
    label = data.period.label()
    centre = letterhead.centre_name
    if data.agency:
        subtitle = (f"Tình hình, kết quả giải quyết thủ tục hành chính của {data.agency} tại {centre} "
                    f"{label}")
    else:
        subtitle = f"Tình hình, kết quả hoạt động của {centre} {label}"
    whose = f"của {data.agency}" if data.agency else "của các cơ quan"
    return ReportContent(
        letterhead=letterhead,
        place_and_date=letterhead.place_and_date(data.period.last.year),
        title="BÁO CÁO",
        subtitle=subtitle,
        dossiers_heading="1. Kết quả tiếp nhận, giải quyết hồ sơ thủ tục hành chính",
        dossiers=narrative.dossiers(data),
        digitisation_heading="2. Số hóa kết quả giải quyết thủ tục hành chính (Nghị định số 45/2020/NĐ-CP)",
        digitisation=narrative.digitisation(data),
        digitisation_table=_per_agency(data, _digitisation_row, f"Số hóa kết quả giải quyết {whose}",
                                       DIGITISATION_HEADERS),
        comments_heading="3. Nhận xét, đánh giá và kiến nghị",
        recipients=[f"{letterhead.authority_name} (để báo cáo);", f"Văn phòng {letterhead.authority_name};",
                    "Các sở, ban, ngành;", "Lưu: VT."],
        signer=SIGNER,
        appendix_title="PHỤ LỤC 1",
        appendix_subtitle=f"Kết quả tiếp nhận, giải quyết hồ sơ thủ tục hành chính {whose} {label}",
        appendix_note=(f"(Kèm theo Báo cáo số {BLANK} /{REPORT_KIND}-{letterhead.abbreviation} của {centre}; "
                       f"số liệu {narrative.period_days(data)})"),
        appendix=_per_agency(data, _appendix_row, f"Kết quả tiếp nhận, giải quyết hồ sơ {whose}",
                             APPENDIX_HEADERS),
    )
