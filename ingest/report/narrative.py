"""The report's words: section 1 (dossiers received, resolved on time or late, in progress, returned,
online, ratings) and the Decree 45/2020 digitisation section, in sentences as a centre's monthly report
is written, with the figures in Vietnamese number format. Departments are named where a dossier was late,
overdue or returned, and where few results were digitised; a report limited to one department speaks of
it alone. Every share is of a whole that may be 0: such a sentence is left out or says there is none."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from ingest.report.data import ReportData
from ingest.report.numbers import change_in_points, count, percent, share
from schemas.report import Figures

__all__ = ["DECREE_45", "LOW_DIGITISATION_SHARE", "departments", "digitisation", "dossiers", "period_days"]

DECREE_45 = ("Nghị định số 45/2020/NĐ-CP ngày 08/4/2020 của Chính phủ về thực hiện thủ tục hành chính "
             "trên môi trường điện tử")
LOW_DIGITISATION_SHARE = Decimal(50)  # departments digitising fewer of their results (%) are named
ONE_STOP_SYSTEM = "Hệ thống thông tin một cửa điện tử"


def period_days(data: ReportData) -> str:
    """"từ ngày 16/04/2021 đến ngày 15/05/2021"."""
    return f"từ ngày {data.period.first:%d/%m/%Y} đến ngày {data.period.last:%d/%m/%Y}"


def departments(data: ReportData) -> dict[str, Figures]:
    """The departments a report shows: every one of `by_agency`, or only the one it is limited to (a clerk's
    report never shows another department's figures, whatever `by_agency` holds)."""
    if data.agency:
        return {name: f for name, f in data.report.by_agency.items() if name == data.agency}
    return dict(data.report.by_agency)


def _scope(data: ReportData) -> str:
    """Whose dossiers the text speaks of, after "hồ sơ": nothing for the whole centre."""
    return f" thuộc thẩm quyền giải quyết của {data.agency}" if data.agency else ""


def _naming(data: ReportData, figure: Callable[[Figures], int], what: str) -> str:
    """The sentence naming the departments with dossiers `what` ("trễ hạn"), most first; nothing in a
    report of one department or when no department has any."""
    if data.agency:
        return ""
    named = sorted(((name, n) for name, figures in data.report.by_agency.items() if (n := figure(figures))),
                   key=lambda item: (-item[1], item[0]))
    if not named:
        return ""
    if len(named) == 1:
        name, n = named[0]
        if n == 1:
            return f" Hồ sơ {what} thuộc {name}."
        return f" Cả {count(n)} hồ sơ {what} đều thuộc {name}."
    return f" Hồ sơ {what} gồm: " + ", ".join(f"{count(n)} hồ sơ của {name}" for name, n in named) + "."


def _received(data: ReportData) -> str:
    f = data.report
    if not f.total:
        return (f"Trong kỳ báo cáo ({period_days(data)}), Trung tâm không có hồ sơ nào{_scope(data)} cần "
                "giải quyết: không có hồ sơ kỳ trước chuyển sang và không tiếp nhận hồ sơ mới.")
    return (f"Trong kỳ báo cáo ({period_days(data)}), Trung tâm tiếp nhận {count(f.total)} hồ sơ"
            f"{_scope(data)}, trong đó {count(f.carried_over)} hồ sơ kỳ trước chuyển sang và "
            f"{count(f.received)} hồ sơ tiếp nhận mới.")


def _resolved(data: ReportData) -> str:
    f = data.report
    if not f.resolved:
        return "Trong kỳ chưa có hồ sơ nào được giải quyết xong."
    text = (f"Đã giải quyết {count(f.resolved)} hồ sơ ({percent(share(f.resolved, f.total))} tổng số), trong "
            f"đó trước và đúng hạn {count(f.resolved_on_time)} hồ sơ "
            f"({percent(share(f.resolved_on_time, f.resolved))}), ")
    if not f.resolved_late:
        return text + "không có hồ sơ trễ hạn."
    return (text + f"trễ hạn {count(f.resolved_late)} hồ sơ ({percent(share(f.resolved_late, f.resolved))})."
            + _naming(data, lambda a: a.resolved_late, "trễ hạn"))


def _in_progress(data: ReportData) -> str:
    f = data.report
    if not f.in_progress:
        return "Không còn hồ sơ đang giải quyết."
    text = (f"Đang giải quyết {count(f.in_progress)} hồ sơ ({percent(share(f.in_progress, f.total))} tổng "
            "số), ")
    if not f.in_progress_overdue:
        return text + "tất cả đều còn trong hạn."
    return (text + f"trong đó còn trong hạn {count(f.in_progress_on_time)} hồ sơ, quá hạn "
            f"{count(f.in_progress_overdue)} hồ sơ ({percent(share(f.in_progress_overdue, f.in_progress))})."
            + _naming(data, lambda a: a.in_progress_overdue, "quá hạn"))


def _returned(data: ReportData) -> str:
    f = data.report
    if not f.returned:
        return "Không có hồ sơ phải trả lại (hoàn trả hoặc rút hồ sơ)."
    return (f"Trả lại (hoàn trả, rút hồ sơ) {count(f.returned)} hồ sơ ({percent(share(f.returned, f.total))} "
            "tổng số)." + _naming(data, lambda a: a.returned, "trả lại"))


def _online(data: ReportData) -> str:
    f = data.report
    now = share(f.online, f.total)
    if now is None:  # no dossiers: dossiers() says so instead
        return ""
    text = f"Tiếp nhận trực tuyến {count(f.online)} hồ sơ, chiếm {percent(now)} tổng số hồ sơ"
    if f.level34:
        text += (f" và {percent(share(f.online, f.level34))} trong số {count(f.level34)} hồ sơ thuộc dịch vụ "
                 "công trực tuyến mức độ 3, 4")
    text += "."
    if data.previous is None:
        return text
    label = data.period.previous().label()
    before = share(data.previous.online, data.previous.total)
    if before is None:
        return text + f" Kỳ trước ({label}) không có hồ sơ nên chưa so sánh được tỷ lệ trực tuyến."
    return (text + f" So với kỳ trước ({label}: {percent(before)}), tỷ lệ hồ sơ trực tuyến "
            f"{change_in_points(now, before)}.")


def _ratings(data: ReportData) -> str:
    f = data.report
    if not f.ratings:
        return "Trong kỳ chưa có lượt đánh giá mức độ hài lòng nào."
    return (f"Người dân, doanh nghiệp đã thực hiện {count(f.ratings)} lượt đánh giá mức độ hài lòng, "
            f"trong đó {count(f.satisfied)} lượt hài lòng ({percent(share(f.satisfied, f.ratings))}) và "
            f"{count(f.not_satisfied)} lượt không hài lòng ({percent(share(f.not_satisfied, f.ratings))}).")


def dossiers(data: ReportData) -> list[str]:
    """Section 1, a paragraph each: received, resolved, in progress, returned, online, ratings."""
    if not data.report.total:
        return [_received(data), _ratings(data)]
    return [_received(data), _resolved(data), _in_progress(data), _returned(data), _online(data),
            _ratings(data)]


def _lagging(data: ReportData) -> str:
    """The departments that digitised fewer than LOW_DIGITISATION_SHARE of their resolved results."""
    if data.agency:
        return ""
    rates = ((share(f.results_digitised, f.resolved), name) for name, f in data.report.by_agency.items())
    low = sorted((rate, name) for rate, name in rates if rate is not None and rate < LOW_DIGITISATION_SHARE)
    if not low:
        return ""
    return (f"Các cơ quan có tỷ lệ số hóa kết quả dưới {count(int(LOW_DIGITISATION_SHARE))} %: "
            + ", ".join(f"{name} ({percent(rate)})" for rate, name in low) + ".")


def _call(data: ReportData) -> str:
    who = data.agency or "các sở, ban, ngành"
    return (f"Đề nghị {who} chỉ đạo bộ phận chuyên môn số hóa đầy đủ kết quả giải quyết thủ tục hành chính "
            f"và liên kết với hồ sơ trên {ONE_STOP_SYSTEM} theo quy định tại Nghị định số 45/2020/NĐ-CP.")


def digitisation(data: ReportData) -> list[str]:
    """The Decree 45 section: results digitised and linked, the rate, what is left undigitised, results
    that match no dossier, the departments lagging, and the call on every department to digitise."""
    f = data.report
    paragraphs = []
    if f.resolved:
        undigitised = f.resolved - f.results_digitised
        paragraphs.append(
            f"Thực hiện {DECREE_45}, trong {count(f.resolved)} hồ sơ đã giải quyết có "
            f"{count(f.results_digitised)} hồ sơ có kết quả giải quyết đã được số hóa và liên kết với hồ sơ, "
            f"đạt tỷ lệ {percent(share(f.results_digitised, f.resolved))}; "
            + (f"còn {count(undigitised)} hồ sơ chưa có kết quả được số hóa." if undigitised
               else "tất cả kết quả đều đã được số hóa."))
    else:
        paragraphs.append(f"Thực hiện {DECREE_45}: trong kỳ chưa có hồ sơ được giải quyết xong nên chưa có "
                          "kết quả giải quyết cần số hóa.")
    if f.unlinked_results:
        paragraphs.append(f"Có {count(f.unlinked_results)} kết quả đã số hóa trong kỳ chưa liên kết được với "
                          "hồ sơ nào (mã hồ sơ ghi trên kết quả không khớp với hồ sơ đã tiếp nhận); cần kiểm "
                          "tra, bổ sung mã hồ sơ để liên kết.")
    if lagging := _lagging(data):
        paragraphs.append(lagging)
    paragraphs.append(_call(data))
    return paragraphs
