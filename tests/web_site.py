"""A live sohoa site for the browser tests: `sohoa serve` and a `sohoa worker` over a home of their own
(so the users made there never reach the session's shared database, whose API must stay open), and
Debian's Chromium driven by Playwright. Screenshots go to test-output/screenshots/."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from ingest.store.db import make_engine

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = Path(__file__).resolve().parents[1] / "test-output" / "screenshots"
PASSWORD = "Mat-khau-2026"

needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                    reason="Debian's chromium is not installed (apt-get install chromium)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


class WebSite:
    """A live server and worker over a home of their own, with users A (reviewer), B (clerk)."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.env = {k: v for k, v in os.environ.items()
                    if k not in ("SOHOA_DATABASE_URL", "SOHOA_BROKER_URL", "SOHOA_RESULT_BACKEND",
                                 "SOHOA_STORAGE_URL", "SOHOA_API_TOKEN", "SOHOA_SECRET_KEY")}
        self.env.update(SOHOA_HOME=str(home), SOHOA_QUEUE=f"web-test-{uuid.uuid4().hex[:8]}",
                        OMP_THREAD_LIMIT="1")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.procs: list[subprocess.Popen] = []
        self.tokens: dict[str, str] = {}

    def sohoa(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "ingest", *args], input=stdin, capture_output=True,
                              text=True, timeout=120, env=self.env)

    def launch(self, name: str, *args: str) -> tuple[subprocess.Popen, Path]:
        log_path = self.home / f"{name}.log"
        with open(log_path, "wb") as log:
            proc = subprocess.Popen([sys.executable, "-m", "ingest", *args], stdout=log,
                                    stderr=subprocess.STDOUT, start_new_session=True, env=self.env)
        self.procs.append(proc)
        return proc, log_path

    @staticmethod
    def wait_ready(proc: subprocess.Popen, log_path: Path, ready: bytes) -> None:
        deadline = time.monotonic() + 90
        while ready not in log_path.read_bytes():
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{log_path.stem} did not start:\n"
                                   + log_path.read_text(errors="replace")[-3000:])
            time.sleep(0.3)

    def db(self):
        return make_engine(f"sqlite:///{self.home / 'sohoa.db'}")


def open_page(browser, site: WebSite):
    # bypass_csp: the pages forbid eval, which Playwright's wait_for_function needs
    context = browser.new_context(base_url=site.url, viewport={"width": 1366, "height": 900}, locale="vi-VN",
                                  bypass_csp=True)
    context.set_default_timeout(20_000)
    return context, context.new_page()


def sign_in(page, username: str) -> None:
    page.goto("/web/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("#login-form button[type=submit]")
    page.wait_for_url(re.compile(r"/web/upload"))


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / name), full_page=True)
