"""Scale-out mode with real servers and real worker processes: Redis or RabbitMQ brokers,
PostgreSQL, an S3 server (moto) — and the failures production sees: a worker killed with SIGKILL
mid-document, the broker restarted and losing its queue, the object store away for 20 s."""

from __future__ import annotations

import json
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from ingest.cli.samples import pdf_bytes, render_page
from ingest.store.db import session_factory
from ingest.store.models import Document, Page
from ingest.store.objects import open_store
from tests.conftest import postgres_database, run_sohoa, s3_url
from tests.servers import CeleryWorker, TcpProxy, redis_server

REDIS = "redis://127.0.0.1:6379"
RABBIT = "amqp://guest:guest@127.0.0.1:5672//"


def _env(home: Path, *, broker: str, backend: str, db: str, storage: str, **extra: str) -> dict[str, str]:
    env = {"SOHOA_HOME": str(home), "SOHOA_BROKER_URL": broker, "SOHOA_RESULT_BACKEND": backend,
           "SOHOA_DATABASE_URL": db, "SOHOA_STORAGE_URL": storage,
           "SOHOA_QUEUE": f"sohoa-test-{uuid.uuid4().hex[:8]}"}  # isolated on a shared broker
    env.update({f"SOHOA_{k.upper()}": v for k, v in extra.items()})
    return env


def _ten_page_pdf(path: Path, tag: str) -> Path:
    pages = []
    for n in range(1, 11):
        lines = [f"BIÊN BẢN KIỂM TRA SỐ {n} ({tag})",
                 f"Trang {n}: kết quả giải quyết hồ sơ thủ tục hành chính."]
        lines += [f"Dòng {i}: Trung tâm Phục vụ hành chính công đã tiếp nhận và trả kết quả đúng hạn."
                  for i in range(1, 13)]
        pages.append(render_page(lines))
    path.write_bytes(pdf_bytes(pages))
    return path


def _doc_state(db: str, document_id: int) -> tuple[str, list[int], str | None]:
    with session_factory(db)() as session:
        doc = session.get(Document, document_id)
        numbers = list(session.scalars(select(Page.number).where(Page.document_id == document_id)
                                       .order_by(Page.number)))
        return doc.status, numbers, doc.error


def _wait(db: str, document_id: int, timeout: float = 240) -> tuple[str, list[int], str | None]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = _doc_state(db, document_id)
        if state[0] in ("done", "failed"):
            return state
        time.sleep(0.3)
    raise AssertionError(f"document {document_id} not finished in {timeout} s: {_doc_state(db, document_id)}")


def _wait_first_page(db: str, document_id: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not _doc_state(db, document_id)[1]:
        assert time.monotonic() < deadline, f"no page was saved in {timeout} s"
        time.sleep(0.1)


def _queue(env: dict[str, str], path: Path) -> int:
    proc = run_sohoa("ingest", str(path), env=env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return int(proc.stdout.split()[1])


def _assert_exactly_once(env: dict[str, str], db: str, document_id: int, original: bytes) -> None:
    status, numbers, error = _doc_state(db, document_id)
    assert status == "done", error
    assert numbers == list(range(1, 11))
    with session_factory(db)() as session:
        doc = session.get(Document, document_id)
        sha, key = doc.sha256, doc.object_key
    store = open_store(env["SOHOA_STORAGE_URL"])
    derived = store.keys(f"derived/{sha}/")
    expected = [f"derived/{sha}/page_{n:04d}.{ext}" for n in range(1, 11) for ext in ("hocr", "json")]
    expected += [f"derived/{sha}/searchable.pdf", f"derived/{sha}/text.txt"]
    assert derived == sorted(expected)
    assert store.keys("originals/") == [key]
    assert store.get(key) == original


@pytest.fixture
def pg():
    with postgres_database() as url:
        yield url


def test_redis_postgresql_s3_end_to_end(tmp_path, pg, s3_server, demo_scans):
    env = _env(tmp_path / "home", broker=f"{REDIS}/3", backend=f"{REDIS}/4", db=pg,
               storage=s3_url(s3_server.port, f"e2e-{uuid.uuid4().hex[:8]}"))
    worker = CeleryWorker(env, tmp_path / "worker.log").start()
    try:
        proc = run_sohoa("ingest", *map(str, demo_scans), "--dossier", "000.00.17.H55-210516-0001", "--wait",
                         env=env)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        assert proc.stdout.count(" done: ") == 2
        hits = json.loads(run_sohoa("search", "ket qua giai quyet", "--json", env=env).stdout)["hits"]
        assert {h["page"] for h in hits if h["filename"] == demo_scans[0].name} == {1, 2}
        found = json.loads(run_sohoa("search", "Nguyễn Văn Đường", "--json", env=env).stdout)["hits"]
        assert [h["filename"] for h in found] == [demo_scans[1].name]
        store = open_store(env["SOHOA_STORAGE_URL"])
        assert len(store.keys("originals/")) == 2
        assert len(store.keys("derived/")) == 3 * 2 + 2 * 2  # hOCR + words per page, PDF + text each
    finally:
        worker.stop()


def test_rabbitmq_end_to_end(tmp_path, pg, demo_scans):
    backend = "db+" + pg
    env = _env(tmp_path / "home", broker=RABBIT, backend=backend, db=pg,
               storage=f"file://{tmp_path / 'objects'}")
    worker = CeleryWorker(env, tmp_path / "worker.log").start()
    try:
        proc = run_sohoa("ingest", *map(str, demo_scans), "--wait", env=env)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        assert proc.stdout.count(" done: ") == 2
        hits = json.loads(run_sohoa("search", "duong truyen mang", "--json", env=env).stdout)["hits"]
        assert [(h["filename"], h["page"]) for h in hits] == [(demo_scans[0].name, 2)]
    finally:
        worker.stop()


def test_worker_killed_mid_document_loses_nothing(tmp_path, pg):
    redis = redis_server(tmp_path)
    env = _env(tmp_path / "home", broker=f"redis://127.0.0.1:{redis.port}/0",
               backend=f"redis://127.0.0.1:{redis.port}/1", db=pg, storage=f"file://{tmp_path / 'objects'}",
               visibility_timeout="8")
    pdf = _ten_page_pdf(tmp_path / "ten.pdf", "kill")
    original = pdf.read_bytes()
    first = CeleryWorker(env, tmp_path / "worker1.log").start()
    second = CeleryWorker(env, tmp_path / "worker2.log")
    try:
        doc_id = _queue(env, pdf)
        _wait_first_page(pg, doc_id)
        first.kill()  # while it holds page tasks of the document
        status, saved, _ = _doc_state(pg, doc_id)
        assert status == "processing" and len(saved) < 10
        second.start()
        assert _wait(pg, doc_id)[0] == "done"
        _assert_exactly_once(env, pg, doc_id, original)
    finally:
        first.stop()
        second.stop()
        redis.stop()


def test_broker_restarted_mid_run_loses_nothing(tmp_path, pg):
    redis = redis_server(tmp_path)  # no persistence: a restart loses every queued message
    env = _env(tmp_path / "home", broker=f"redis://127.0.0.1:{redis.port}/0",
               backend=f"redis://127.0.0.1:{redis.port}/1", db=pg, storage=f"file://{tmp_path / 'objects'}",
               stale_after="6", sweep_interval="2", visibility_timeout="8")
    pdf = _ten_page_pdf(tmp_path / "ten.pdf", "restart")
    original = pdf.read_bytes()
    worker = CeleryWorker(env, tmp_path / "worker.log", beat=True).start()
    try:
        doc_id = _queue(env, pdf)
        _wait_first_page(pg, doc_id)
        redis.stop()
        assert len(_doc_state(pg, doc_id)[1]) < 10
        time.sleep(2)
        redis.start()
        assert _wait(pg, doc_id)[0] == "done"
        _assert_exactly_once(env, pg, doc_id, original)
    finally:
        worker.stop()
        redis.stop()


def test_object_store_away_for_20_seconds(tmp_path, pg, s3_server):
    proxy = TcpProxy(s3_server.port)
    env = _env(tmp_path / "home", broker=f"{REDIS}/5", backend=f"{REDIS}/6", db=pg,
               storage=s3_url(proxy.port, f"outage-{uuid.uuid4().hex[:8]}"))
    pdf = _ten_page_pdf(tmp_path / "ten.pdf", "outage")
    worker = CeleryWorker(env, tmp_path / "worker.log").start()
    try:
        doc_id = _queue(env, pdf)  # the original is stored while the store is up
        proxy.cut()
        time.sleep(20)
        assert _doc_state(pg, doc_id)[0] == "processing"
        proxy.restore()
        assert _wait(pg, doc_id)[0] == "done"
        _assert_exactly_once(env, pg, doc_id, pdf.read_bytes())
        assert "retrying" in (tmp_path / "worker.log").read_text(errors="replace")
    finally:
        worker.stop()
        proxy.close()
