"""Shared fixtures. The whole session runs against one embedded home (SQLite database, SQLite broker,
local object store) in a temporary folder, so a real Celery worker process can share it."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

SESSION_HOME = Path(tempfile.mkdtemp(prefix="sohoa-test-"))
os.environ["SOHOA_HOME"] = str(SESSION_HOME)
os.environ.setdefault("OMP_THREAD_LIMIT", "1")
BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "dev" / "docs"


@pytest.fixture(scope="session")
def session_home() -> Path:
    return SESSION_HOME


@pytest.fixture
def settings(tmp_path: Path):
    """Settings of an isolated embedded home, for tests that need a database of their own."""
    from ingest.config import Settings
    from ingest.db import upgrade

    s = Settings(home=tmp_path / "home")
    s.ensure_home()
    upgrade(s.database_url)
    return s


@pytest.fixture
def svc(settings):
    from ingest.context import get_services

    return get_services(settings)


@pytest.fixture(scope="session")
def demo_scans(tmp_path_factory) -> list[Path]:
    from ingest.samples import write_demo_scans

    return write_demo_scans(tmp_path_factory.mktemp("scans"))


@pytest.fixture(scope="session")
def worker(session_home: Path) -> Iterator[subprocess.Popen]:
    """A real Celery worker process (2 processes) on the session's SQLite broker."""
    from ingest.context import get_services
    from ingest.db import upgrade

    upgrade(get_services().settings.database_url)
    log_path = session_home / "worker.log"
    log = open(log_path, "wb")  # noqa: SIM115
    proc = subprocess.Popen([sys.executable, "-m", "ingest.cli", "worker", "--concurrency", "2",
                             "--loglevel", "INFO"], stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True, env=os.environ.copy())
    deadline = time.monotonic() + 90
    while b" ready." not in log_path.read_bytes():
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError("worker did not start:\n" + log_path.read_text(errors="replace")[-3000:])
        time.sleep(0.3)
    yield proc
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    log.close()


def run_sohoa(*args: str, stdin: str | None = None, timeout: float = 300,
              env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """The installed `sohoa` command, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "ingest.cli", *args], input=stdin, capture_output=True,
                          text=True, timeout=timeout, env={**os.environ, **(env or {})})


def png_of(img) -> bytes:
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()
