"""The web pages in-process (no browser, no worker), on SQLite and PostgreSQL: low-confidence words
marked, search words marked, reviewers' edits audited and clerks refused, retry of a failed
document, page images rendered from the original, the polling endpoint scoped to the agency."""

from __future__ import annotations

import io
import re

import pytest
from fastapi.testclient import TestClient
from PIL import Image
from sqlalchemy import select

from ingest.cli.samples import png_bytes, render_page
from ingest.pipeline.submit import submit
from ingest.store.models import AuditEvent, Document, Page
from ingest.store.users import create_user
from ingest.web.app import create_app
from schemas.ocr import BBox, OcrLine, OcrPage, OcrWord

A, B = "Phòng Tài nguyên và Môi trường", "Phòng Tư pháp"
PASSWORD = "mat-khau-dai"


class _Recorder:
    def __init__(self) -> None:
        self.queued: list[int] = []

    def enqueue_document(self, document_id: int) -> None:
        self.queued.append(document_id)


@pytest.fixture
def queue(monkeypatch) -> _Recorder:
    rec = _Recorder()
    monkeypatch.setattr("ingest.pipeline.submit.get_dispatcher", lambda *a: rec)
    return rec


@pytest.fixture
def web(settings, svc):
    with svc.sessions() as session:
        create_user(session, "reviewer", PASSWORD, role="reviewer", agency=A)
        create_user(session, "clerk", PASSWORD, role="clerk", agency=A)
        create_user(session, "other", PASSWORD, role="clerk", agency=B)
    return create_app(settings)


def _signed_in(app, username: str) -> tuple[TestClient, str]:
    client = TestClient(app)
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/web/login").text).group(1)
    r = client.post("/web/login", data={"username": username, "password": PASSWORD, "csrf_token": token},
                    follow_redirects=False)
    assert r.status_code == 303, r.text
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/web/upload").text).group(1)
    return client, token


def _word(text: str, conf: float, x: int) -> OcrWord:
    return OcrWord(text=text, conf=conf, bbox=BBox(x=x, y=10, w=50, h=20))


def _recognised_document(svc, agency: str = A) -> int:
    """A one-page document of `agency`, done, whose stored words include one read with low confidence."""
    data = png_bytes(render_page(["Giấy chứng nhận quyền sử dụng đất"], size=(900, 200), font_px=30,
                                 margin=20))
    sub = submit(svc, data, "gcn.png", requested_by="reviewer", agency=agency, source="web")
    words = [_word("Giấy", 96, 0), _word("chứng", 95, 60), _word("nhận", 41, 120), _word("đất", 93, 180)]
    page = OcrPage(number=1, text="Giấy chứng nhận đất", mean_conf=81,
                   lines=[OcrLine(text="Giấy chứng nhận đất", bbox=BBox(x=0, y=10, w=230, h=20),
                                  words=words)])
    key = f"derived/{sub.sha256}/page_0001.json"
    svc.store.put(key, page.model_dump_json().encode(), content_type="application/json")
    with svc.sessions() as session:
        session.add(Page(document_id=sub.document_id, number=1, text=page.text,
                         text_folded="giay chung nhan dat", mean_conf=81, words_key=key))
        session.get(Document, sub.document_id).status = "done"
        session.commit()
    return sub.document_id


def test_document_page_marks_low_confidence_and_searched_words(web, svc):
    doc_id = _recognised_document(svc)
    client, _ = _signed_in(web, "clerk")
    html = client.get(f"/web/documents/{doc_id}", params={"q": "chung nhan"}).text
    assert re.search(r'<mark class="low hit" title="độ tin cậy 41%">nhận</mark>', html)
    assert '<mark class="hit">chứng</mark>' in html
    assert "Giấy" in html and '<mark class="hit">Giấy' not in html
    png = client.get(f"/web/documents/{doc_id}/pages/1.png")
    assert png.status_code == 200 and Image.open(io.BytesIO(png.content)).size == (900, 200)
    assert client.get(f"/web/documents/{doc_id}/pages/2.png").status_code == 404
    assert 'id="meta-form"' not in html  # a clerk reads the metadata, does not edit it


def test_reviewer_edits_are_audited_and_clerks_are_refused(web, svc):
    doc_id = _recognised_document(svc)
    client, token = _signed_in(web, "reviewer")
    r = client.post(f"/web/documents/{doc_id}/metadata", follow_redirects=False, data={
        "csrf_token": token, "doc_type": "Giấy chứng nhận", "issued_date": "05/03/2024", "number": "",
        "recipients": "UBND xã Mỹ Xuyên\nLưu: VT"})
    assert r.status_code == 303
    with svc.sessions() as session:
        doc = session.get(Document, doc_id)
        assert (doc.doc_type, doc.issued_date, doc.recipients) == ("Giấy chứng nhận", "2024-03-05",
                                                                   ["UBND xã Mỹ Xuyên", "Lưu: VT"])
        events = {(e.actor, e.field, e.old, e.new) for e in
                  session.scalars(select(AuditEvent).where(AuditEvent.document_id == doc_id))}
    assert events == {("reviewer", "doc_type", None, "Giấy chứng nhận"),
                      ("reviewer", "issued_date", None, "2024-03-05"),
                      ("reviewer", "recipients", "", "UBND xã Mỹ Xuyên\nLưu: VT")}
    page = client.get(f"/web/documents/{doc_id}").text
    assert "Đã lưu" in page and "05/03/2024" in page

    bad = client.post(f"/web/documents/{doc_id}/metadata",
                      data={"csrf_token": token, "issued_date": "31/02/2024"})
    assert "Chưa lưu" in bad.text

    clerk, clerk_token = _signed_in(web, "clerk")
    r = clerk.post(f"/web/documents/{doc_id}/metadata", data={"csrf_token": clerk_token, "subject": "x"})
    assert r.status_code == 403
    other, other_token = _signed_in(web, "other")
    assert other.post(f"/web/documents/{doc_id}/metadata",
                      data={"csrf_token": other_token, "subject": "x"}).status_code == 404


def test_failed_document_can_be_retried_from_the_queue(web, svc, queue):
    doc_id = _recognised_document(svc)
    with svc.sessions() as session:
        doc = session.get(Document, doc_id)
        doc.status, doc.error = "failed", "page 1: tesseract timed out"
        session.commit()
    client, token = _signed_in(web, "clerk")
    assert f"doc-{doc_id}" not in client.get("/web/queue").text  # the clerk did not upload it
    html = client.get("/web/queue", params={"scope": "agency"}).text
    assert "page 1: tesseract timed out" in html and f"/web/documents/{doc_id}/retry" in html
    status = client.get("/web/queue/status.json", params={"ids": str(doc_id)}).json()
    assert status[str(doc_id)]["status"] == "failed" and status[str(doc_id)]["label"] == "Lỗi"
    r = client.post(f"/web/documents/{doc_id}/retry", data={"csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303 and queue.queued == [doc_id]
    with svc.sessions() as session:
        doc = session.get(Document, doc_id)
        assert (doc.status, doc.error) == ("queued", None)
    other, _ = _signed_in(web, "other")
    assert other.get("/web/queue/status.json", params={"ids": str(doc_id)}).json() == {}


def test_upload_feedback_per_file(web, svc, queue):
    client, token = _signed_in(web, "clerk")
    scan = png_bytes(render_page(["Biên bản"], size=(600, 200), font_px=30, margin=20))
    r = client.post("/web/upload", headers={"Accept": "application/json"},
                    data={"csrf_token": token, "dossier_code": "000.00.17.H55-210516-0001"},
                    files=[("files", ("a.png", scan, "image/png")), ("files", ("b.png", scan, "image/png")),
                           ("files", ("c.pdf", b"%PDF-1.4 broken", "application/pdf"))])
    results = r.json()["results"]
    assert [x["outcome"] for x in results] == ["accepted", "duplicate", "refused"]
    assert queue.queued == [results[0]["document_id"]]
    with svc.sessions() as session:
        doc = session.get(Document, results[0]["document_id"])
        assert (doc.agency, doc.uploaded_by, doc.dossier_code) == (A, "clerk", "000.00.17.H55-210516-0001")
    r = client.post("/web/upload", headers={"Accept": "application/json"},
                    data={"csrf_token": token, "dossier_code": "mã sai!"},
                    files=[("files", ("a.png", scan, "image/png"))])
    assert r.json()["results"][0]["outcome"] == "refused" and "Mã hồ sơ không hợp lệ" in r.text
    check = client.get("/web/dossiers/check.json", params={"code": "000.00.17.H55-210516-0001"}).json()
    assert check["valid"] and not check["known"]


def test_admins_manage_accounts_and_others_may_not(web, svc):
    from ingest.store.users import user_by_token

    with svc.sessions() as session:
        create_user(session, "root", PASSWORD, role="admin")
    admin, token = _signed_in(web, "root")
    assert "reviewer" in admin.get("/web/users").text
    r = admin.post("/web/users", data={"csrf_token": token, "username": "moi", "password": "ngan",
                                        "role": "clerk", "agency": A})
    assert r.status_code == 422 and "ít nhất" in r.text
    r = admin.post("/web/users", data={"csrf_token": token, "username": "moi", "password": PASSWORD,
                                        "role": "clerk", "agency": A}, follow_redirects=False)
    assert r.status_code == 303
    _signed_in(web, "moi")
    issued = admin.post("/web/users/moi/token", data={"csrf_token": token}).text
    api_token = re.search(r'id="new-token">.*?<code>([^<]+)</code>', issued, re.S).group(1)
    with svc.sessions() as session:
        assert user_by_token(session, api_token).username == "moi"
    assert admin.post("/web/users/moi/active", data={"csrf_token": token, "active": "0"},
                      follow_redirects=False).status_code == 303
    login = TestClient(web)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', login.get("/web/login").text).group(1)
    r = login.post("/web/login", data={"username": "moi", "password": PASSWORD, "csrf_token": csrf})
    assert r.status_code == 401
    with svc.sessions() as session:
        assert user_by_token(session, api_token) is None

    clerk, clerk_token = _signed_in(web, "clerk")
    assert clerk.get("/web/users").status_code == 403
    assert clerk.post("/web/users", data={"csrf_token": clerk_token, "username": "x2", "password": PASSWORD,
                                          "role": "admin"}).status_code == 403
