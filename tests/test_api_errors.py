"""The API refuses bad uploads with a reason, answers 404 for unknown ids, and guards with a token."""

from __future__ import annotations

from fastapi.testclient import TestClient

from ingest.core.settings import Settings
from ingest.web.app import create_app


def test_bad_uploads_get_a_reason_not_a_traceback(settings):
    client = TestClient(create_app(settings))
    r = client.post("/api/documents", files={"file": ("empty.pdf", b"", "application/pdf")})
    assert r.status_code == 422 and "empty" in r.json()["detail"]
    r = client.post("/api/documents", files={"file": ("x.pdf", b"\x89PNG\r\n\x1a\nxxxx", "application/pdf")})
    assert r.status_code == 422 and "extension lies" in r.json()["detail"]
    r = client.post("/api/documents", files={"file": ("a.png", b"\x89PNG\r\n\x1a\n")},
                    data={"dossier_code": "bad code!"})
    assert r.status_code == 422 and "dossier code" in r.json()["detail"]


def test_unknown_document_is_404(settings):
    client = TestClient(create_app(settings))
    assert client.get("/api/documents/999").status_code == 404
    r = client.get("/api/documents/999/original")
    assert r.status_code == 404 and "does not exist" in r.json()["detail"]


def test_token_is_required_when_configured(tmp_path):
    s = Settings(home=tmp_path, api_token="s3cret")
    client = TestClient(create_app(s))
    assert client.get("/api/search", params={"q": "ket qua"}).status_code == 401
    ok = client.get("/api/search", params={"q": "ket qua"}, headers={"Authorization": "Bearer s3cret"})
    assert ok.status_code == 200 and ok.json()["total"] == 0
    assert client.get("/api/health").status_code == 200
    assert client.get("/openapi.json").status_code == 200
