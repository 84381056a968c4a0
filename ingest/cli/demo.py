"""`sohoa demo`: the main job end to end on the embedded default — sample scans rendered, a real Celery
worker started on the SQLite broker, the scans ingested through the queue and waited for, a search
typed without diacritics, the worker stopped."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from typing import Annotated

import typer

from ingest.cli.console import err, out, services
from ingest.cli.search import search
from ingest.cli.submit import ingest
from ingest.core.enums import OcrMode
from ingest.core.errors import ExitCode

__all__ = ["demo"]

WORKER_STOP_SECONDS = 20  # a stopped worker finishes its task for this long before it is killed


def demo(query: Annotated[str, typer.Option(help="search typed without diacritics")] = "ket qua giai quyet",
         timeout: Annotated[float, typer.Option()] = 170.0) -> None:
    """The main job end to end on the embedded default: sample scans → worker → search."""
    from ingest.cli.samples import write_demo_scans

    svc = services()
    scans = write_demo_scans(svc.settings.home / "demo-scans")
    out.print(f"[bold]1.[/bold] sample scans: {', '.join(str(p) for p in scans)}")
    out.print(f"[bold]2.[/bold] starting a Celery worker (broker {svc.settings.broker_url})")
    log = open(svc.settings.home / "demo-worker.log", "ab")  # noqa: SIM115 — kept open for the child
    worker_proc = subprocess.Popen([sys.executable, "-m", "ingest", "worker", "--loglevel", "WARNING"],
                                   stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        out.print("[bold]3.[/bold] ingesting through the queue")
        status = ExitCode.OK
        try:
            ingest(scans, dossier=None, wait=True, timeout=timeout, mode=OcrMode.SKIP)
        except typer.Exit as exc:
            status = exc.exit_code
        if status:
            err.print(f"the ingest did not complete (exit {status}); worker log: {log.name}")
            raise typer.Exit(status)
        out.print(f"[bold]4.[/bold] search “{query}” (typed without diacritics)")
        search(query, as_json=False, limit=10)
    finally:
        _stop(worker_proc)
        log.close()
        out.print("worker stopped")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=WORKER_STOP_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
