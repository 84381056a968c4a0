"""End to end on the embedded default: real Celery worker processes on the SQLite broker, real
Tesseract, SQLite with FTS5, the local object store; through the CLI and through the API."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from ingest.cli.samples import png_bytes, render_page
from ingest.core.dispatch import get_dispatcher
from ingest.pipeline.submit import submit
from ingest.store.models import Document, Job, Page
from ingest.store.services import get_services
from ingest.web.app import create_app
from tests.conftest import run_sohoa, wait_document

pytestmark = pytest.mark.usefixtures("worker")


def test_cli_ingest_wait_then_search_without_diacritics(demo_scans):
    report, permit = demo_scans
    proc = run_sohoa("ingest", str(report), str(permit), "--dossier", "000.00.17.H55-210516-0001", "--wait")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.count(" done: ") == 2

    hits = json.loads(run_sohoa("search", "ket qua giai quyet", "--json", "--limit", "500").stdout)["hits"]
    assert {(h["filename"], h["page"]) for h in hits} >= {(report.name, 1), (report.name, 2)}
    hit = hits[0]
    assert [hit["snippet"][a:b].lower() for a, b in hit["highlights"]][:4] == ["kết", "quả", "giải", "quyết"]
    assert hit["dossier_code"] == "000.00.17.H55-210516-0001"

    # đ folds both ways: the permit holder "Nguyễn Văn Đường"
    for q in ("nguyen van duong", "Nguyễn Văn Đường"):
        found = json.loads(run_sohoa("search", q, "--json").stdout)["hits"]
        assert [h["filename"] for h in found] == [permit.name]

    svc = get_services()
    with svc.sessions() as session:
        doc = session.query(Document).filter_by(filename=report.name).one()
        pages = session.query(Page).filter_by(document_id=doc.id).order_by(Page.number).all()
        assert [p.number for p in pages] == [1, 2]
        assert "Kết quả giải quyết thủ tục hành chính" in pages[0].text
        assert all(p.mean_conf > 80 for p in pages)
        for p in pages:  # text, word confidences and hOCR are stored
            assert b"ocrx_word" in svc.store.get(p.hocr_key)
            words = json.loads(svc.store.get(p.words_key))["lines"][0]["words"]
            assert words and {"text", "conf", "bbox"} <= set(words[0])
        assert svc.store.get(doc.object_key) == report.read_bytes()


def test_same_bytes_twice_is_one_document(demo_scans):
    report = demo_scans[0]
    first = run_sohoa("ingest", str(report), "--wait")
    again = run_sohoa("ingest", str(report))
    assert first.returncode == again.returncode == 0
    assert "duplicate of document" in again.stdout
    svc = get_services()
    with svc.sessions() as session:
        docs = session.query(Document).filter_by(sha256=session.query(Document.sha256)
                                                 .filter_by(filename=report.name).scalar()).all()
        assert len(docs) == 1
        assert session.query(Page).filter_by(document_id=docs[0].id).count() == 2
        assert session.query(Job).filter_by(document_id=docs[0].id, duplicate=True).count() >= 1


def test_api_upload_status_search_original():
    client = TestClient(create_app())
    page = render_page(["QUYẾT ĐỊNH", "Về việc cấp phép khai thác nước ngầm cho hộ gia đình",
                        "tại thị trấn Đồng Tháp Mười."], size=(2480, 1200))
    data = png_bytes(page)
    r = client.post("/api/documents", files={"file": ("quyet_dinh.png", data, "image/png")},
                    data={"dossier_code": "000.00.12.H20-240101-0042"})
    assert r.status_code == 202, r.text
    sub = r.json()
    assert not sub["duplicate"] and sub["page_count"] == 1

    doc = wait_document(sub["document_id"])
    assert doc.status == "done", doc.error
    body = client.get(f"/api/documents/{sub['document_id']}").json()
    assert body["status"] == "done" and body["pages_done"] == 1
    assert "khai thác nước ngầm" in body["pages"][0]["text"]
    assert body["dossier_code"] == "000.00.12.H20-240101-0042"

    hits = client.get("/api/search", params={"q": "khai thac nuoc ngam"}).json()["hits"]
    assert hits and hits[0]["document_id"] == sub["document_id"]
    assert client.get("/api/search", params={"q": "dong thap muoi"}).json()["hits"][0]["page"] == 1

    original = client.get(f"/api/documents/{sub['document_id']}/original")
    assert original.status_code == 200 and original.content == data
    assert original.headers["content-type"] == "image/png"

    again = client.post("/api/documents", files={"file": ("copy.png", data, "image/png")}).json()
    assert again["duplicate"] and again["document_id"] == sub["document_id"] and not again["queued"]


def test_a_page_that_cannot_be_read_fails_the_document_with_a_reason():
    svc = get_services()
    page = render_page(["Biên bản bàn giao hồ sơ lưu trữ"], size=(1200, 600), font_px=40, margin=40)
    sub = submit(svc, png_bytes(page), "bien_ban.png")
    with svc.sessions() as session:
        svc.store.delete(session.get(Document, sub.document_id).object_key)  # the original vanished
    get_dispatcher().enqueue_document(sub.document_id)
    doc = wait_document(sub.document_id)
    assert doc.status == "failed"
    assert doc.error.startswith("page 1: object originals/") and "missing" in doc.error
