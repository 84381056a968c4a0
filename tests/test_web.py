"""The staff web app end to end: Debian's Chromium (driven by Playwright) against a live `sohoa serve`
and a real `sohoa worker`, both in a home of their own (so the users made here never reach the
session's shared database, whose API must stay open). Screenshots go to test-output/screenshots/."""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy import select

from ingest.cli.samples import pdf_bytes, png_bytes, render_page
from ingest.store.db import session_factory
from ingest.store.models import AuditEvent, Document
from ingest.store.users import create_user, issue_token

playwright_api = pytest.importorskip("playwright.sync_api")
from tests.web_site import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    PASSWORD,
    WebSite,
    needs_chromium,
    open_page,
    shot,
    sign_in,
    stop,
)

AGENCY_A = "UBND huyện Châu Thành"
AGENCY_B = "UBND huyện Mỹ Xuyên"
DOSSIER = "000.00.17.H55-241126-0042"
PHRASE = "chuyen muc dich su dung dat"  # typed without diacritics
SCAN_PAGES = [
    ["ỦY BAN NHÂN DÂN HUYỆN CHÂU THÀNH", "Số: 512/QĐ-UBND", "", "QUYẾT ĐỊNH",
     "Về việc cho phép chuyển mục đích sử dụng đất", "của hộ bà Trần Thị Hồng Nhung."],
    ["Điều 2. Bà Trần Thị Hồng Nhung có trách nhiệm nộp tiền sử dụng đất",
     "theo quy định và sử dụng đất đúng mục đích.", "", "Nơi nhận:", "- Như Điều 2;", "- Lưu: VT."],
]

pytestmark = needs_chromium
shared: dict[str, object] = {}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[WebSite]:
    w = WebSite(tmp_path_factory.mktemp("web-home"))
    # the first admin as an operator makes it (this also creates the database)
    proc = w.sohoa("users", "add", "quantri", "--role", "admin", "--password-stdin", stdin=PASSWORD + "\n")
    assert proc.returncode == 0 and "quantri added" in proc.stdout, proc.stdout + proc.stderr
    try:
        worker = w.launch("worker", "worker", "--concurrency", "1", "--loglevel", "INFO")
        server = w.launch("serve", "serve", "--port", str(w.port))
        proc = w.sohoa("users", "add", "lan", "--role", "reviewer", "--agency", AGENCY_A, "--password-stdin",
                       stdin=PASSWORD + "\n")
        assert proc.returncode == 0, proc.stdout + proc.stderr
        proc = w.sohoa("users", "token", "lan")
        assert proc.returncode == 0 and proc.stdout.startswith("sohoa_"), proc.stderr
        w.tokens["lan"] = proc.stdout.strip()
        with session_factory(f"sqlite:///{w.home / 'sohoa.db'}")() as session:  # the others, quicker
            create_user(session, "minh", PASSWORD, role="clerk", agency=AGENCY_B)
            create_user(session, "khoa", PASSWORD, role="reviewer", agency=AGENCY_A)
            w.tokens["minh"] = issue_token(session, "minh")
        w.wait_ready(*worker, ready=b" ready.")
        w.wait_ready(*server, ready=b"Uvicorn running")
        yield w
    finally:
        for p in w.procs:
            stop(p)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _drop(page, selector: str, name: str, data: bytes, mime: str) -> None:
    """Drag-and-drop of a file onto the drop zone, as the browser delivers it."""
    transfer = page.evaluate_handle(
        """([name, b64, mime]) => {
            const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
            const dt = new DataTransfer();
            dt.items.add(new File([bytes], name, {type: mime}));
            return dt;
        }""", [name, base64.b64encode(data).decode(), mime])
    page.dispatch_event(selector, "drop", {"dataTransfer": transfer})


def test_sign_in_upload_watch_open_correct_and_search(site, browser):
    scan = pdf_bytes([render_page(lines, size=(2480, 1300)) for lines in SCAN_PAGES])
    context, page = open_page(browser, site)
    try:
        page.goto("/web/")
        assert "/web/login" in page.url
        shot(page, "01-dang-nhap.png")
        sign_in(page, "lan")

        # upload: one scan dropped, the same bytes again and a file that is no scan chosen
        page.fill("#dossier_code", DOSSIER)
        page.dispatch_event("#dossier_code", "change")
        page.wait_for_function("document.getElementById('dossier-note').textContent.includes('hợp lệ')")
        _drop(page, "#dropzone", "quyet_dinh_512.pdf", scan, "application/pdf")
        page.set_input_files("#files", [
            {"name": "ban_sao.pdf", "mimeType": "application/pdf", "buffer": scan},
            {"name": "ghi_chu.txt", "mimeType": "text/plain", "buffer": "không phải bản quét".encode()},
        ])
        assert page.locator("#pending li").count() == 3
        page.click("#send")
        page.wait_for_function("document.querySelectorAll('#results tbody tr:not(.pending)').length === 3")
        rows = {page.locator(f"#results tr:has-text('{n}') td").nth(0).inner_text():
                page.locator(f"#results tr:has-text('{n}') td").nth(2).inner_text()
                for n in ("quyet_dinh_512.pdf", "ban_sao.pdf", "ghi_chu.txt")}
        accepted = re.search(r"tài liệu số (\d+), 2 trang", rows["quyet_dinh_512.pdf"])
        assert accepted, rows
        doc_id = int(accepted.group(1))
        shared["doc_id"] = doc_id
        assert f"Trùng với tài liệu số {doc_id}" in rows["ban_sao.pdf"]
        assert rows["ghi_chu.txt"].startswith("Bị từ chối")
        shot(page, "02-tai-len.png")

        # queue: live progress until done
        page.goto("/web/queue")
        row = page.locator(f"#doc-{doc_id}")
        assert row.locator(".pages").inner_text().endswith("/2 trang")
        page.wait_for_selector(f"#doc-{doc_id}[data-status=done]", timeout=180_000)
        assert row.locator(".status").inner_text() == "Hoàn tất"
        assert row.locator(".pages").inner_text() == "2/2 trang"
        shot(page, "03-hang-doi.png")

        # document: page image beside its text, linked dossier, audited correction of a field
        row.locator("a").first.click()
        page.wait_for_url(re.compile(rf"/web/documents/{doc_id}$"))
        page.wait_for_function("() => { const i = document.getElementById('page-image');"
                               " return i.complete && i.naturalWidth > 500; }")
        assert "chuyển mục đích sử dụng đất" in page.inner_text("#page-text")
        assert DOSSIER in page.inner_text("#dossiers")
        assert page.locator("#download-original").count() == 1
        original = context.request.get(f"/web/documents/{doc_id}/original")
        assert original.ok and original.body() == scan
        shot(page, "04-tai-lieu.png")

        subject = "Về việc cho phép chuyển mục đích sử dụng đất (đã đối chiếu)"
        page.fill("#meta-form textarea[name=subject]", subject)
        page.fill("#meta-form input[name=issued_date]", "26/11/2026")
        page.click("#meta-form button[type=submit]")
        page.wait_for_selector(".flash.ok")
        assert "Trích yếu" in page.inner_text(".flash.ok")
        assert "lan" in page.inner_text("#audit")
        assert page.input_value("#meta-form input[name=issued_date]") == "26/11/2026"
        shot(page, "05-sua-thong-tin.png")
        engine = site.db()
        with engine.connect() as conn:
            events = conn.execute(select(AuditEvent.actor, AuditEvent.action, AuditEvent.field,
                                         AuditEvent.new).where(AuditEvent.document_id == doc_id)).all()
            stored = conn.execute(select(Document.subject, Document.issued_date, Document.agency,
                                         Document.uploaded_by).where(Document.id == doc_id)).one()
        engine.dispose()
        assert ("lan", "edit", "subject", subject) in events
        assert ("lan", "edit", "issued_date", "2026-11-26") in events
        assert tuple(stored) == (subject, "2026-11-26", AGENCY_A, "lan")

        # search typed without diacritics, highlighted, and open the hit
        page.click("header nav a[href='/web/search']")
        page.fill("#q", PHRASE)
        page.click("#search-form button[type=submit]")
        page.wait_for_selector("#hits li")
        first = page.locator("#hits li").first
        assert [m.lower() for m in first.locator("mark").all_inner_texts()][:6] == \
            ["chuyển", "mục", "đích", "sử", "dụng", "đất"]
        shot(page, "06-tim-kiem.png")
        first.locator("a.hit-title").click()
        page.wait_for_url(re.compile(rf"/web/documents/{doc_id}\?page=1"))
        assert f"Tài liệu số {doc_id}" in page.inner_text("h1")
    finally:
        context.close()


def test_a_clerk_of_another_agency_can_neither_see_nor_fetch_the_document(site, browser):
    lan = {"Authorization": f"Bearer {site.tokens['lan']}"}
    minh = {"Authorization": f"Bearer {site.tokens['minh']}"}
    with httpx.Client(base_url=site.url, timeout=30) as api:
        if "doc_id" in shared:
            doc_id = int(shared["doc_id"])  # type: ignore[call-overload]
        else:  # run on its own: agency A uploads a scan through the API
            data = png_bytes(render_page(["GIẤY XÁC NHẬN", "Hộ bà Trần Thị Hồng Nhung."], size=(1200, 500),
                                         font_px=40, margin=40))
            r = api.post("/api/documents", headers=lan, files={"file": ("xac_nhan.png", data, "image/png")})
            assert r.status_code == 202, r.text
            doc_id = r.json()["document_id"]
        assert api.get(f"/api/documents/{doc_id}", headers=lan).status_code == 200
        assert api.get(f"/api/documents/{doc_id}", headers=minh).status_code == 404
        assert api.get(f"/api/documents/{doc_id}/original", headers=minh).status_code == 404
        assert api.get(f"/api/documents/{doc_id}/text", headers=minh).status_code == 404
        hits_b = api.get("/api/search", headers=minh, params={"q": PHRASE}).json()["hits"]
        assert all(h["document_id"] != doc_id for h in hits_b)
        if "doc_id" in shared:
            hits_a = api.get("/api/search", headers=lan, params={"q": PHRASE}).json()["hits"]
            assert any(h["document_id"] == doc_id for h in hits_a)

    context, page = open_page(browser, site)
    try:
        sign_in(page, "minh")
        response = page.goto(f"/web/documents/{doc_id}")
        assert response is not None and response.status == 404
        assert "Không tìm thấy" in page.inner_text("h1")
        shot(page, "07-co-quan-khac-404.png")
        for path in (f"/web/documents/{doc_id}/original", f"/web/documents/{doc_id}/pages/1.png",
                     f"/web/queue/status.json?ids={doc_id}"):
            r = context.request.get(path)
            assert r.status == 404 or (r.ok and r.json() == {}), (path, r.status)
        page.goto("/web/queue?scope=agency")
        assert page.locator(f"#doc-{doc_id}").count() == 0
        page.goto(f"/web/search?q={PHRASE.replace(' ', '+')}")
        assert page.locator("#hits li").count() == 0
    finally:
        context.close()


def test_the_api_needs_a_user_token_once_users_exist(site):
    with httpx.Client(base_url=site.url, timeout=30) as api:
        assert api.get("/api/health").status_code == 200
        assert api.get("/api/search", params={"q": "dat"}).status_code == 401
        assert api.get("/api/documents/1").status_code == 401
        r = api.post("/api/documents", files={"file": ("a.png", b"\x89PNG\r\n\x1a\n", "image/png")})
        assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
        wrong = {"Authorization": "Bearer sohoa_not-a-token"}
        assert api.get("/api/search", params={"q": "dat"}, headers=wrong).status_code == 401
        ok = {"Authorization": f"Bearer {site.tokens['minh']}"}
        assert api.get("/api/search", params={"q": "dat"}, headers=ok).status_code == 200


def _csrf_of(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, html[:500]
    return match.group(1)


def test_form_posts_without_the_csrf_token_are_refused(site):
    with httpx.Client(base_url=site.url, timeout=30) as web:
        token = _csrf_of(web.get("/web/login").text)
        creds = {"username": "lan", "password": PASSWORD}
        assert web.post("/web/login", data=creds).status_code == 403
        assert web.post("/web/login", data={**creds, "csrf_token": "forged"}).status_code == 403
        r = web.post("/web/login", data={**creds, "csrf_token": token})
        assert r.status_code == 303 and r.headers["location"] == "/web/upload"
        token = _csrf_of(web.get("/web/upload").text)  # a new session, a new token
        r = web.post("/web/upload", files={"files": ("a.png", b"\x89PNG\r\n\x1a\n", "image/png")})
        assert r.status_code == 403 and "CSRF" in r.text
        doc_id = shared.get("doc_id", 1)
        r = web.post(f"/web/documents/{doc_id}/metadata", data={"subject": "sửa lén"})
        assert r.status_code == 403
        assert web.post("/web/logout").status_code == 403
        assert web.get("/web/queue").status_code == 200  # still signed in
        assert web.post("/web/logout", data={"csrf_token": token}).status_code == 303


def test_sign_in_is_rate_limited(site):
    with httpx.Client(base_url=site.url, timeout=30) as web:
        token = _csrf_of(web.get("/web/login").text)
        for _ in range(5):
            r = web.post("/web/login", data={"username": "khoa", "password": "sai-mat-khau",
                                             "csrf_token": token})
            assert r.status_code == 401 and "Sai tên đăng nhập" in r.text
        r = web.post("/web/login", data={"username": "khoa", "password": PASSWORD, "csrf_token": token})
        assert r.status_code == 429 and "15 phút" in r.text


def test_an_admin_sees_every_agency_and_manages_accounts(site, browser):
    context, page = open_page(browser, site)
    try:
        sign_in(page, "quantri")
        page.goto("/web/queue?scope=agency")
        if "doc_id" in shared:
            assert page.locator(f"#doc-{shared['doc_id']}").count() == 1
            response = page.goto(f"/web/documents/{shared['doc_id']}")
            assert response is not None and response.status == 200
        page.goto("/web/users")
        assert {"lan", "minh", "khoa", "quantri"} <= set(page.locator("#users tbody tr td:first-child")
                                                         .all_inner_texts())
        shot(page, "08-tai-khoan.png")
    finally:
        context.close()
