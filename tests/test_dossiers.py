"""Dossier records: import from a one-stop-shop export, create/update and read over the API, links
made at upload, found in the text or by hand — each change audited; metadata filled at the end."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from ingest.cli.samples import png_bytes, render_page
from ingest.core.dispatch import get_dispatcher
from ingest.pipeline.submit import submit
from ingest.store.dossiers import import_file, links_of
from ingest.store.models import AuditEvent, DocumentDossier, Dossier
from ingest.store.services import get_services
from ingest.web.app import create_app
from schemas.api import SearchFilters
from tests.conftest import wait_document

CSV = """\
Mã hồ sơ;Mã thủ tục;Tên thủ tục;Cơ quan;Người nộp;Ngày tiếp nhận;Ngày hẹn trả;Trạng thái
000.00.17.H55-210516-0001;1.011442.000.00.00.H55;Cấp giấy phép xây dựng;UBND huyện Châu Thành;\
Nguyễn Văn Đường;16/05/2021;30/05/2021 17:00;Đã trả kết quả
000.00.17.H55-210517-0002;;Chứng thực bản sao;UBND huyện Châu Thành;Lê Thị Hoa;2021-05-17;;Đang xử lý
bad code!;;;;;;;
000.00.17.H55-210518-0003;;;;;không phải ngày;;
"""


def test_import_csv_export_with_vietnamese_headers(svc, tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(CSV, encoding="utf-8")
    with svc.sessions() as session:
        report = import_file(session, path, actor="tester")
        session.commit()
    assert (report.created, report.updated, len(report.errors)) == (2, 0, 2)
    assert "record 4" in report.errors[0] and "not valid" in report.errors[0]
    assert "record 5" in report.errors[1] and "received_at" in report.errors[1]
    with svc.sessions() as session:
        d = session.query(Dossier).filter_by(code="000.00.17.H55-210516-0001").one()
        assert (d.procedure_code, d.applicant, d.received_at.day, d.due_at.hour) == (
            "1.011442.000.00.00.H55", "Nguyễn Văn Đường", 16, 17)
    again = tmp_path / "update.json"
    again.write_text(json.dumps([{"code": "000.00.17.H55-210517-0002", "status": "Đã trả kết quả",
                                  "resolved_at": "2021-05-20"}]), encoding="utf-8")
    with svc.sessions() as session:
        report = import_file(session, again, actor="tester")
        session.commit()
        assert (report.created, report.updated) == (0, 1)
        edit = session.query(AuditEvent).filter_by(action="dossier_edit", field="status").one()
        assert (edit.old, edit.new, edit.actor) == ("Đang xử lý", "Đã trả kết quả", "tester")


def test_api_dossier_put_get_link_unlink_with_audit(settings):
    client = TestClient(create_app(settings))
    code = "000.00.12.H20-240101-0042"
    r = client.put(f"/api/dossiers/{code}", json={"procedure_name": "Cấp phép khai thác nước ngầm",
                                                   "received_at": "2024-01-01T08:00:00"})
    assert r.status_code == 200 and r.json()["documents"] == []
    assert client.put("/api/dossiers/bad code!", json={}).status_code == 422
    assert client.get("/api/dossiers/000.00.00.X00-000000-0000").status_code == 404

    svc = get_services(settings)
    page = png_bytes(render_page(["Quyết định cấp phép"], size=(1200, 300), font_px=40, margin=40))
    sub = submit(svc, page, "qd.png", dossier_code=code)
    with svc.sessions() as session:
        assert [(link.code, link.source, link.known) for link in links_of(session, sub.document_id)] == [
            (code, "upload", True)]
    r = client.post(f"/api/documents/{sub.document_id}/dossiers", json={"code": "000.00.12.H20-240101-0099"})
    assert r.status_code == 200
    assert [(x["code"], x["known"]) for x in r.json()] == [(code, True), ("000.00.12.H20-240101-0099", False)]
    docs = client.get(f"/api/dossiers/{code}").json()["documents"]
    assert [(d["document_id"], d["source"]) for d in docs] == [(sub.document_id, "upload")]
    r = client.delete(f"/api/documents/{sub.document_id}/dossiers/{code}")
    assert [x["code"] for x in r.json()] == ["000.00.12.H20-240101-0099"]
    assert client.delete(f"/api/documents/{sub.document_id}/dossiers/{code}").status_code == 404
    with svc.sessions() as session:
        actions = [(a.action, a.dossier_code) for a in session.query(AuditEvent).filter_by(
            document_id=sub.document_id).order_by(AuditEvent.id)]
    assert actions == [("link", code), ("link", "000.00.12.H20-240101-0099"), ("unlink", code)]


@pytest.mark.usefixtures("worker")
def test_codes_found_in_the_text_are_linked_and_metadata_filled():
    svc = get_services()
    code = "000.31.26.H55-230412-0015"
    lines = ["ỦY BAN NHÂN DÂN", "HUYỆN CHÂU THÀNH", "Số: 152/GPXD", "Châu Thành, ngày 3 tháng 5 năm 2023",
             "", "GIẤY PHÉP XÂY DỰNG", f"Số hồ sơ: {code}", "Cấp cho bà Sơn Thị Chanh Đa, ấp Phú Hòa."]
    page = render_page(lines, size=(2480, 1300), centred=frozenset({5}))
    sub = submit(svc, png_bytes(page), "gpxd_152.png")
    get_dispatcher().enqueue_document(sub.document_id)
    doc = wait_document(sub.document_id)
    assert doc.status == "done", doc.error
    assert (doc.number, doc.symbol, doc.doc_type) == ("152", "GPXD", "Giấy phép")
    assert doc.issued_date == "2023-05-03"
    assert doc.dossier_codes == [code]
    with svc.sessions() as session:
        link = session.query(DocumentDossier).filter_by(document_id=doc.id).one()
        assert (link.dossier_code, link.source) == (code, "text")
        assert [x.known for x in links_of(session, doc.id)] == [False]  # reported as unlinked
        from ingest.search.query import search

        hits = search(session, "", filters=SearchFilters(dossier_code=code)).hits
        assert [h.document_id for h in hits] == [doc.id]
    body = TestClient(create_app()).get(f"/api/documents/{doc.id}").json()
    assert body["metadata"]["number"] == "152" and body["dossiers"][0]["known"] is False
