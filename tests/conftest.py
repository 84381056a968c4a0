"""Shared fixtures. The whole session runs against one embedded home (SQLite database, SQLite broker,
local object store) in a temporary folder, so a real Celery worker process can share it."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

SESSION_HOME = Path(tempfile.mkdtemp(prefix="sohoa-test-"))
os.environ["SOHOA_HOME"] = str(SESSION_HOME)
os.environ.setdefault("OMP_THREAD_LIMIT", "1")


@pytest.fixture(scope="session")
def session_home() -> Path:
    return SESSION_HOME


PG_ADMIN_URL = os.environ.get("SOHOA_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


@contextlib.contextmanager
def postgres_database() -> Iterator[str]:
    """A fresh PostgreSQL database on the local server, dropped afterwards; yields its SQLAlchemy URL."""
    import psycopg

    name = f"sohoa_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = PG_ADMIN_URL.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://", 1)
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path: Path) -> Iterator[str]:
    """Each database test runs on SQLite and on PostgreSQL (the server on 127.0.0.1:5432)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'sohoa.db'}"
    else:
        with postgres_database() as url:
            yield url


@pytest.fixture
def settings(tmp_path: Path, database_url: str):
    """Settings of an isolated home and database, migrated, for tests that need their own."""
    from ingest.core.settings import Settings
    from ingest.store.db import upgrade

    s = Settings(home=tmp_path / "home", database_url=database_url)
    s.ensure_home()
    upgrade(s.database_url)
    return s


@pytest.fixture
def svc(settings):
    from ingest.store.services import get_services

    return get_services(settings)


@pytest.fixture(scope="session")
def demo_scans(tmp_path_factory) -> list[Path]:
    from ingest.cli.samples import write_demo_scans

    return write_demo_scans(tmp_path_factory.mktemp("scans"))


@pytest.fixture(scope="session")
def worker(session_home: Path) -> Iterator[object]:
    """A real Celery worker process (2 processes) on the session's SQLite broker."""
    from ingest.store.db import upgrade
    from ingest.store.services import get_services
    from tests.servers import CeleryWorker

    upgrade(get_services().settings.database_url)
    proc = CeleryWorker(os.environ.copy(), session_home / "worker.log", concurrency=2).start()
    yield proc
    proc.stop()


def wait_document(document_id: int, timeout: float = 240):
    """The document once it is done or failed, on the session's database."""
    from ingest.store.models import Document
    from ingest.store.services import get_services

    svc = get_services()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with svc.sessions() as session:
            doc = session.get(Document, document_id)
            if doc.status in ("done", "failed"):
                return doc
        time.sleep(0.5)
    raise AssertionError(f"document {document_id} not finished after {timeout} s")


def run_sohoa(*args: str, stdin: str | None = None, timeout: float = 300,
              env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """The installed `sohoa` command, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "ingest", *args], input=stdin, capture_output=True,
                          text=True, timeout=timeout, env={**os.environ, **(env or {})})


def png_of(img) -> bytes:
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory):
    """moto's standalone S3 server on loopback, for the S3Store code path."""
    from tests.servers import moto_server

    server = moto_server(tmp_path_factory.mktemp("moto"))
    yield server
    server.stop()


def s3_url(port: int, bucket: str = "sohoa") -> str:
    return f"s3://testing:testing@127.0.0.1:{port}/{bucket}?secure=false&region=us-east-1"
