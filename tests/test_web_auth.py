"""Accounts and the API's access rule, on SQLite and PostgreSQL: open while no user exists, a user's
bearer token after, every read scoped to the user's agency unless admin; passwords and tokens are
stored only hashed; sign-in is rate-limited."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from ingest.cli.samples import png_bytes, render_page
from ingest.store.models import Document, User
from ingest.store.users import (
    MAX_FAILURES_PER_USER,
    AuthError,
    TooManyAttempts,
    create_user,
    issue_token,
    sign_in,
    user_by_token,
)
from ingest.web.app import create_app
from ingest.web.formatting import highlighted, parse_vn_date, vn_date

A, B = "Sở Tư pháp", "Sở Xây dựng"


class _NoQueue:
    def enqueue_document(self, document_id: int) -> None:
        pass


@pytest.fixture
def no_queue(monkeypatch):
    monkeypatch.setattr("ingest.pipeline.submit.get_dispatcher", lambda: _NoQueue())


def _scan(text: str) -> bytes:
    return png_bytes(render_page([text], size=(600, 200), font_px=30, margin=20))


def test_passwords_and_tokens_are_stored_hashed(svc):
    with svc.sessions() as session:
        create_user(session, "hoa", "mat-khau-dai", role="reviewer", agency=A)
        token = issue_token(session, "hoa")
        user = session.scalar(select(User).where(User.username == "hoa"))
        assert user.password_hash.startswith("$argon2") and "mat-khau-dai" not in user.password_hash
        assert user.api_token_hash and token not in user.api_token_hash
        assert user_by_token(session, token).username == "hoa"
        assert user_by_token(session, token + "x") is None
        with pytest.raises(AuthError, match="needs an agency"):
            create_user(session, "vo", "mat-khau-dai", role="clerk")
        with pytest.raises(AuthError, match="already exists"):
            create_user(session, "hoa", "mat-khau-dai", role="clerk", agency=A)
        with pytest.raises(AuthError, match="at least"):
            create_user(session, "ngan", "ngan", role="admin")


def test_sign_in_locks_after_repeated_failures(svc):
    with svc.sessions() as session:
        create_user(session, "tam", "mat-khau-dai", role="clerk", agency=A)
        assert sign_in(session, "tam", "mat-khau-dai", "10.0.0.1").username == "tam"
        for _ in range(MAX_FAILURES_PER_USER):
            assert sign_in(session, "tam", "sai", "10.0.0.1") is None
        with pytest.raises(TooManyAttempts):
            sign_in(session, "tam", "mat-khau-dai", "10.0.0.2")


def test_api_is_open_until_the_first_user_then_token_and_agency_scoped(settings, svc, no_queue):
    client = TestClient(create_app(settings))
    # the embedded demo: no user, no token needed
    r = client.post("/api/documents", files={"file": ("demo.png", _scan("Giấy phép demo"), "image/png")})
    assert r.status_code == 202
    demo_id = r.json()["document_id"]

    with svc.sessions() as session:
        create_user(session, "admin", "mat-khau-dai", role="admin")
        create_user(session, "an", "mat-khau-dai", role="clerk", agency=A)
        create_user(session, "binh", "mat-khau-dai", role="clerk", agency=B)
        tokens = {u: issue_token(session, u) for u in ("admin", "an", "binh")}
    auth = {u: {"Authorization": f"Bearer {t}"} for u, t in tokens.items()}

    assert client.get("/api/health").status_code == 200
    assert client.get(f"/api/documents/{demo_id}").status_code == 401
    assert client.get("/api/search", params={"q": "giay"}).status_code == 401

    r = client.post("/api/documents", headers=auth["an"],
                    files={"file": ("a.png", _scan("Quyết định của Sở Tư pháp"), "image/png")})
    assert r.status_code == 202
    a_id = r.json()["document_id"]
    with svc.sessions() as session:
        doc = session.get(Document, a_id)
        assert (doc.agency, doc.uploaded_by) == (A, "an")

    assert client.get(f"/api/documents/{a_id}", headers=auth["an"]).status_code == 200
    assert client.get(f"/api/documents/{a_id}", headers=auth["binh"]).status_code == 404
    assert client.get(f"/api/documents/{a_id}/original", headers=auth["binh"]).status_code == 404
    assert client.get(f"/api/documents/{demo_id}", headers=auth["an"]).status_code == 404  # no agency
    assert client.get(f"/api/documents/{a_id}", headers=auth["admin"]).status_code == 200
    assert client.get(f"/api/documents/{demo_id}/original", headers=auth["admin"]).status_code == 200


def test_the_service_token_keeps_working_with_users(tmp_path, no_queue):
    from ingest.core.settings import Settings
    from ingest.store.services import get_services

    s = Settings(home=tmp_path, api_token="s3cret")
    client = TestClient(create_app(s))
    assert client.get("/api/search", params={"q": "x"}).status_code == 401
    with get_services(s).sessions() as session:
        create_user(session, "admin", "mat-khau-dai", role="admin")
    ok = {"Authorization": "Bearer s3cret"}
    assert client.get("/api/search", params={"q": "x"}, headers=ok).status_code == 200
    assert client.get("/api/search", params={"q": "x"}).status_code == 401


def test_web_pages_need_a_signed_in_user(settings):
    client = TestClient(create_app(settings))
    for path in ("/web/upload", "/web/queue", "/web/search?q=dat", "/web/documents/1"):
        r = client.get(path, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/web/login?next=")
    assert client.get("/", follow_redirects=False).headers["location"] == "/web/"
    page = client.get("/web/login")
    assert page.status_code == 200 and "Đăng nhập" in page.text and "sohoa users add" in page.text
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]


def test_dates_read_and_shown_as_dd_mm_yyyy_and_snippets_escaped():
    assert vn_date("2026-11-26") == "26/11/2026"
    assert parse_vn_date("5/3/2024").isoformat() == "2024-03-05"
    assert parse_vn_date("2024-03-05").isoformat() == "2024-03-05"
    with pytest.raises(ValueError):
        parse_vn_date("31/02/2024")
    assert str(highlighted("a <b> đất", [(6, 9)])) == "a &lt;b&gt; <mark>đất</mark>"
