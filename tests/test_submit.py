"""The one way in (ingest.pipeline.submit): every door stores and records an upload the same way, and a
queue that cannot be reached loses nothing — the document is kept, recorded as queued for the sweeper,
and each door says so in its own words (API 503, the page's Vietnamese message, the CLI's exit 75,
backfill carrying on)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from ingest.cli.samples import png_bytes, render_page
from ingest.core.enums import DocumentStatus, JobSource
from ingest.core.errors import ExitCode, Refusal, RejectedInput
from ingest.pipeline.backfill import Runner, open_backfill
from ingest.pipeline.submit import submit_and_queue
from ingest.store.models import BackfillItem, Document, Job
from ingest.store.objects import original_key
from ingest.web.app import create_app
from tests.conftest import run_sohoa


def _scan(text: str) -> bytes:
    return png_bytes(render_page([text], size=(600, 200), font_px=30, margin=20))


def _queue_down(_document_id: int) -> None:
    raise ConnectionRefusedError("broker at 127.0.0.1:1 refused the connection")


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens there once the socket is closed


def test_a_queue_that_is_down_loses_nothing(svc):
    data = _scan("Quyết định số 12")
    submitted = submit_and_queue(svc, data, "qd.png", source=JobSource.API, enqueue=_queue_down)
    assert submitted.queue_error and "ConnectionRefusedError" in submitted.queue_error
    sub = submitted.submission
    assert sub.queued and not sub.duplicate
    assert svc.store.get(original_key(sub.sha256)) == data
    with svc.sessions() as session:
        doc = session.get(Document, sub.document_id)
        assert doc.status == DocumentStatus.QUEUED  # what the sweeper requeues once the queue is back
        assert [j.source for j in session.scalars(select(Job))] == [JobSource.API]


def test_a_refusal_names_its_code_and_stores_nothing(svc):
    with pytest.raises(RejectedInput) as refused:
        submit_and_queue(svc, b"", "rong.pdf", enqueue=_queue_down)
    assert refused.value.code == Refusal.EMPTY_FILE
    with pytest.raises(RejectedInput) as refused:
        submit_and_queue(svc, _scan("x"), "scan.png", ocr_mode="sometimes", enqueue=_queue_down)
    assert refused.value.code == Refusal.BAD_MODE
    with svc.sessions() as session:
        assert session.scalar(select(Document)) is None


def test_the_api_answers_503_and_keeps_the_document(settings, monkeypatch):
    monkeypatch.setattr("ingest.pipeline.submit.get_dispatcher", lambda: type("Down", (), {
        "enqueue_document": staticmethod(_queue_down)})())
    client = TestClient(create_app(settings))
    r = client.post("/api/documents", files={"file": ("qd.png", _scan("Quyết định"), "image/png")})
    assert r.status_code == 503 and "stored but the queue is unreachable" in r.json()["detail"]
    r = client.post("/api/documents", files={"file": ("empty.png", b"", "image/png")})
    assert r.status_code == 422 and r.json()["code"] == "empty_file"


def test_the_cli_says_the_queue_is_down_and_exits_75(tmp_path: Path):
    scan = tmp_path / "giay_phep.png"
    scan.write_bytes(_scan("Giấy phép xây dựng"))
    env = {"SOHOA_HOME": str(tmp_path / "home"), "SOHOA_BROKER_URL": f"redis://127.0.0.1:{_closed_port()}/0"}
    proc = run_sohoa("ingest", str(scan), env=env, timeout=120)
    assert proc.returncode == ExitCode.TEMPORARY, proc.stderr
    assert "document 1 queued" in proc.stdout
    assert "the queue is unreachable" in proc.stderr and "Traceback" not in proc.stderr
    found = run_sohoa("dossiers", "show", "nothing", env=env)  # the database is there and migrated
    assert found.returncode == ExitCode.NOT_FOUND


def test_backfill_carries_on_when_the_queue_is_down(svc, tmp_path: Path):
    archive = tmp_path / "archive"
    archive.mkdir()
    for n in range(3):
        (archive / f"page_{n}.png").write_bytes(_scan(f"Biên bản số {n}"))
    run = open_backfill(svc, str(archive), "folder", "skip")
    final = Runner(svc, run.id, _queue_down, poll=0.05).run(wait=False)
    assert final.queued == 3 and final.failed == 0
    with svc.sessions() as session:
        items = list(session.scalars(select(BackfillItem)))
        assert {i.status for i in items} == {"queued"} and all(i.document_id for i in items)
        assert session.query(Document).count() == 3
