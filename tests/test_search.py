"""Search is insensitive to diacritics in both directions, folds đ/Đ, and highlights real text."""

from __future__ import annotations

from ingest.pipeline.document import _save_page
from ingest.search.keys import query_tokens, search_key
from ingest.search.query import search
from ingest.search.snippets import make_snippet
from ingest.store.models import Document
from schemas.ocr import OcrPage

PAGES = [
    "Kết quả giải quyết thủ tục hành chính được trả cho tổ chức.",
    "Đường giao thông nông thôn xã Mỹ Xuyên được nâng cấp.",
    "Báo cáo tình hình duong dây nóng; kết luận giải quyết khiếu nại về quả cam.",
]


def _seed(svc) -> int:
    with svc.sessions() as session:
        doc = Document(sha256="f" * 64, object_key="k", filename="bc.pdf", mime="application/pdf", size=1,
                       page_count=len(PAGES), status="done", dossier_code="000.00.17.H55-210516-0001",
                       recipients=[], dossier_codes=[])
        session.add(doc)
        session.commit()
        doc_id = doc.id
    for n, text in enumerate(PAGES, start=1):
        _save_page(svc, doc_id, OcrPage(number=n, text=text), "h", "w")
    return doc_id


def test_search_key_keeps_length_and_folds_marks_and_d():
    for s in ["Đường Kết QUẢ", "hoà hòa ỦY", "ﬁ ß 61/2018/NĐ-CP"]:
        assert len(search_key(s)) == len(s)
    assert search_key("Đường KẾT quả") == "duong ket qua"
    assert search_key("61/2018/NĐ-CP") == "61 2018 nd cp"
    assert query_tokens("  kết-QUẢ, đường ") == ["ket", "qua", "duong"]


def test_query_without_marks_finds_text_with_them(svc):
    _seed(svc)
    with svc.sessions() as session:
        res = search(session, "ket qua giai quyet")
    assert [h.page for h in res.hits][:1] == [1]  # the page with the phrase ranks first
    hit = res.hits[0]
    assert [hit.snippet[a:b] for a, b in hit.highlights] == ["Kết", "quả", "giải", "quyết"]
    assert hit.dossier_code == "000.00.17.H55-210516-0001"


def test_d_with_stroke_matches_both_ways(svc):
    _seed(svc)
    with svc.sessions() as session:
        by_plain = {h.page for h in search(session, "duong").hits}
        by_marked = {h.page for h in search(session, "đường").hits}
    assert by_plain == by_marked == {2, 3}


def test_query_with_marks_finds_text_without_them(svc):
    _seed(svc)
    with svc.sessions() as session:
        assert {h.page for h in search(session, "dây nóng").hits} == {3}
        assert search(session, "khong co tu nay").total == 0
        assert search(session, "  ,, ").total == 0


def test_reprocessed_page_replaces_its_index_entry(svc):
    doc_id = _seed(svc)
    _save_page(svc, doc_id, OcrPage(number=1, text="Nội dung mới hoàn toàn"), "h", "w")
    with svc.sessions() as session:
        assert search(session, "giai quyet thu tuc").total == 0
        assert {h.page for h in search(session, "noi dung moi").hits} == {1}


def test_snippet_is_a_window_of_real_text():
    text = "mở đầu " * 60 + "Kết quả cuối cùng"
    snippet, spans = make_snippet(text, search_key(text), ["ket", "qua"])
    assert snippet.startswith("…") and snippet.endswith("cùng")
    assert [snippet[a:b] for a, b in spans] == ["Kết", "quả"]


def _seed_many(svc) -> dict[str, int]:
    from ingest.store.models import DocumentDossier

    specs = {
        "qd": dict(agency="Ủy ban nhân dân tỉnh Sóc Trăng", doc_type="Quyết định", issued_date="2019-04-26",
                   text="Quyết định về kết quả giải quyết hồ sơ đất đai"),
        "cv": dict(agency="Sở Tư pháp tỉnh Đồng Tháp", doc_type="Công văn", issued_date="2021-09-02",
                   text="Công văn về kết quả giải quyết khiếu nại"),
        "gp": dict(agency="Ủy ban nhân dân huyện Châu Thành", doc_type="Giấy phép", issued_date=None,
                   text="Giấy phép xây dựng, kết quả giải quyết"),
    }
    ids = {}
    for i, (name, spec) in enumerate(specs.items()):
        text = spec.pop("text")
        with svc.sessions() as session:
            doc = Document(sha256=f"{i:064d}", object_key="k", filename=f"{name}.pdf", mime="application/pdf",
                           size=1, page_count=1, status="done", recipients=[], dossier_codes=[], **spec)
            session.add(doc)
            session.commit()
            ids[name] = doc.id
        _save_page(svc, ids[name], OcrPage(number=1, text=text), "h", "w")
    with svc.sessions() as session:
        session.add(DocumentDossier(document_id=ids["cv"], dossier_code="000.00.17.H20-210901-0007",
                                    source="text"))
        session.commit()
    return ids


def _names(svc, query: str = "ket qua giai quyet", **filters) -> set[str]:
    from schemas.api import SearchFilters

    with svc.sessions() as session:
        return {h.filename[:2] for h in search(session, query, filters=SearchFilters(**filters)).hits}


def test_filters_by_agency_type_dates_dossier_and_scope(svc):
    from datetime import date

    _seed_many(svc)
    assert _names(svc) == {"qd", "cv", "gp"}
    assert _names(svc, agency="uy ban nhan dan") == {"qd", "gp"}
    assert _names(svc, agency="Đồng Tháp") == {"cv"}
    assert _names(svc, doc_type="quyet dinh") == {"qd"}
    assert _names(svc, date_from=date(2020, 1, 1)) == {"cv"}
    assert _names(svc, date_to=date(2020, 1, 1)) == {"qd"}
    assert _names(svc, dossier_code="000.00.17.H20-210901-0007") == {"cv"}
    assert _names(svc, agencies=["Ủy ban nhân dân huyện Châu Thành"]) == {"gp"}
    assert _names(svc, agencies=[]) == set()
    assert _names(svc, "", doc_type="Giấy phép") == {"gp"}  # filters alone list documents
